/* service_impl.h - the service object's fields, shared by service.c and the
 * HTTP route handlers (which read the config, the job manager, the storage
 * and the readiness state). Fields are set before the HTTP server starts
 * and then only read, except the atomics and what engine_mu guards.
 */
#ifndef F5_SERVICE_IMPL_H
#define F5_SERVICE_IMPL_H

#include "service/jobs/engine.h"
#include "service/jobs/jobs.h"
#include "service/obs/metrics.h"
#include "service/service.h"

#include <pthread.h>
#include <stdatomic.h>

typedef struct f5_http_server f5_http_server;
struct f5_auth;
struct f5_voices;

struct f5_svc {
    f5_svc_config cfg;
    f5_obs_log log;
    f5_obs_metrics metrics;
    struct f5_obs_tracer *tracer; /* span exporter (--otlp-endpoint), NULL = tracing off */
    f5_queue *queue;
    f5_store *store;
    f5_jobs *jobs;
    f5_http_server *http;
    struct f5_auth *auth;       /* keys, scopes, rate limits (auth/auth.h) */
    struct f5_usage *usage;     /* audio seconds per key and day (auth/usage.h) */
    struct f5_voices *voices;   /* the speaker library over store (voices/voice_store.h) */
    char asr_api_key[512];      /* F5_ASR_API_KEY at start ("" = none); never logged */
    f5_svc_engine engine;
    f5_svc_engine_open_fn engine_open;
    bool engine_loaded;
    pthread_t loader;
    bool loader_started;
    atomic_int phase;           /* f5_svc_phase */
    pthread_mutex_t info_mu;    /* guards the two fields below */
    json_t *engine_info;        /* set once the engine is loaded */
    f5_error fail_err;          /* set when phase becomes FAILED */
    atomic_bool stopping;       /* shutdown has begun: streams and SSE end */
    double started_at;
    char model_version[256];
};

#endif
