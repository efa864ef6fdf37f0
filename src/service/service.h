/* service.h - the `f5tts serve` service as one object: configuration,
 * queue, storage, job manager, engine (loaded in the background, then
 * warmed up) and the HTTP server. The executable owns signals and the log
 * sink; this module never prints and never exits.
 */
#ifndef F5_SERVICE_H
#define F5_SERVICE_H

#include "f5tts.h"
#include "service/config.h"
#include "service/jobs/engine.h"
#include "service/obs/log.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct f5_svc f5_svc;

typedef enum f5_svc_phase { F5_SVC_LOADING = 0, F5_SVC_READY, F5_SVC_FAILED } f5_svc_phase;

/* Open queue and storage, start HTTP (role all|api) at once (so /healthz
 * answers from the first second) and load + warm up the engine in the
 * background (role all|worker). cfg is copied. */
f5_status f5_svc_start(const f5_svc_config *cfg, f5_obs_sink_fn sink, void *sink_user, f5_svc **out, f5_error *err);
/* The same with another engine constructor (tests plug in a fake engine);
 * open NULL = the real one (f5_svc_engine_f5_open). */
typedef f5_status (*f5_svc_engine_open_fn)(const f5_svc_engine_opts *o, f5_svc_engine *out, f5_error *err);
f5_status f5_svc_start_ex(const f5_svc_config *cfg, f5_obs_sink_fn sink, void *sink_user, f5_svc_engine_open_fn open,
                          f5_svc **out, f5_error *err);
/* Current phase; on F5_SVC_FAILED err (may be NULL) receives the reason. */
f5_svc_phase f5_svc_phase_get(f5_svc *s, f5_error *err);
/* State readers (the HTTP handlers' view of the service, see http.h). */
bool f5_svc_stopping(f5_svc *s);        /* shutdown has begun */
double f5_svc_started_at(const f5_svc *s); /* epoch seconds */
json_t *f5_svc_engine_info(f5_svc *s);  /* a copy (caller decrefs), NULL until the engine is loaded */
void f5_svc_model_version(f5_svc *s, char *out, size_t n); /* "loading" until loaded */
/* The port actually bound (useful with --listen host:0), 0 without HTTP. */
int f5_svc_port(const f5_svc *s);
/* Graceful stop: refuse new connections, let running jobs finish for up to
 * the configured grace, requeue the rest, close everything. */
void f5_svc_stop(f5_svc *s);
void f5_svc_free(f5_svc *s);

#endif
