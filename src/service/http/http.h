/* http.h - internals of the HTTP layer shared by server.c (libmicrohttpd
 * glue, routing, request lifecycle), respond.c (JSON and error responses)
 * and the route_*.c handlers. JSON stays in this layer: handlers turn
 * requests into typed jobs and job records into JSON.
 */
#ifndef F5_HTTP_H
#define F5_HTTP_H

#include "service/obs/trace.h"
#include "service/auth/auth.h"
#include "service/http/tts_form.h"
#include "service/jobs/jobs.h"
#include "service/obs/log.h"
#include "service/obs/metrics.h"
#include "service/queue/queue.h"
#include "service/service.h"
#include "service/store/store.h"

#include <jansson.h>
#include <microhttpd.h>
#include <stdatomic.h>

typedef struct f5_http_req f5_http_req;
typedef struct f5_http_server f5_http_server;

/* What a handler may use besides its request (issue 11, point 9). The
 * request carries the per-request part: req->caller (key id, scopes,
 * limits, set by the auth step in front of the route table), req->request_id,
 * the headers (req->conn). This is the service-wide part, all borrowed for
 * the server's lifetime; handlers never see the service object's fields:
 * its state is read through f5_svc_phase_get / f5_svc_stopping /
 * f5_svc_started_at / f5_svc_engine_info / f5_svc_model_version on the
 * opaque svc handle (service.h). */
typedef struct f5_http_ctx {
    const f5_svc_config *cfg;
    f5_jobs *jobs;            /* submit, get, cancel, stream */
    f5_store *store;          /* results and uploaded references */
    f5_queue *queue;          /* only f5_queue_down / f5_queue_stats_get */
    f5_obs_metrics *metrics;
    const f5_obs_log *log;
    f5_auth *auth;            /* /config reports the mode */
    struct f5_obs_tracer *tracer; /* request spans; NULL = tracing off */
    struct f5_usage *usage;   /* daily audio seconds per key (auth/usage.h) */
    struct f5_voices *voices; /* the speaker library (voices/voice_store.h) */
    const char *asr_api_key;  /* bearer key for --asr-url ("" = none); never logged */
    f5_svc *svc;              /* opaque: the state readers above only */
} f5_http_ctx;

/* A route handler runs once the whole body has been received (bodies are
 * fed to body_fn as they arrive for routes that accept one). It must queue
 * exactly one response (through f5_http_respond*). */
typedef enum MHD_Result (*f5_http_handler)(const f5_http_ctx *cx, f5_http_req *req);

typedef struct f5_http_route {
    const char *method;
    const char *pattern; /* "/jobs/{id}/audio": {id} matches one path segment */
    f5_http_handler handler;
    bool takes_body;
} f5_http_route;

struct f5_http_req {
    atomic_int refs;             /* MHD's con_cls + an open streaming response */
    struct MHD_Connection *conn;
    const f5_http_ctx *cx;       /* the server's (outlives the request) */
    char request_id[65];
    f5_obs_trace trace;          /* W3C trace context: continued from traceparent or new */
    char tracestate[512];        /* passed through unchanged ("" = none) */
    char method[16];
    char path[512];
    const f5_http_route *route;
    char param[80];              /* the {id} segment */
    double t0_mono;
    long long body_bytes;
    bool body_too_large;         /* answer 413 once the (discarded) body has been read */
    int status;                  /* the response status sent */
    bool responded;
    /* POST /tts */
    f5_tts_form *form;
    f5_multipart *mp;
    f5_job *job;                 /* sync job being streamed (ref held) */
    char job_id[F5_JOB_ID_LEN + 1];
    double t_body_done_mono;
    double tail_ms;              /* last chunk -> end of stream */
    double first_byte_ms;        /* request end -> first byte handed to MHD */
    bool stream_ok;
    int fd;                      /* the connection's socket, for hang-up checks */
    /* Other routes with a body (POST /normalize): the whole body, buffered
     * up to max_body_bytes, NUL-terminated. */
    char *body;
    size_t body_len, body_cap;
    f5_auth_caller caller;       /* who is calling (auth step in server.c) */
    int retry_after_s;           /* > 0: Retry-After for this 429/503 instead of the configured one */
    bool www_authenticate;       /* 401: add WWW-Authenticate: Bearer */
    char client_ip[64];          /* the peer's address ("" if unknown) */
    f5_auth_verdict deferred;    /* an auth refusal answered once the body is read (status 0 = none) */
    /* POST /v1/audio/speech with stream_format "sse": audio as base64 events */
    bool sse, sse_done;
    long sse_input_chars;
    unsigned char sse_raw[12 * 1024];
};

/* Routing (server.c). */
const f5_http_route *f5_http_match(const char *method, const char *path, char *param, size_t param_n, bool *path_known);

/* Responses (respond.c); every one carries X-Request-ID. */
enum MHD_Result f5_http_respond(f5_http_req *req, int status, struct MHD_Response *resp);
enum MHD_Result f5_http_json(f5_http_req *req, int status, json_t *body); /* steals body */
enum MHD_Result f5_http_error(f5_http_req *req, int status, const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Replace bytes that are not valid UTF-8 with '?', in place (client input
 * quoted in JSON: jansson refuses invalid UTF-8). */
void f5_http_utf8_scrub(char *s);
/* HTTP status for an f5_status of a failed synthesis. */
int f5_http_status_for(const char *code);

/* True when the peer closed its side of the connection. */
bool f5_http_peer_gone(const f5_http_req *req);
void f5_http_req_unref(f5_http_req *req);
/* Hex id from OpenSSL RAND_bytes (2*nbytes chars + NUL). */
bool f5_http_random_hex(char *out, size_t nbytes);

/* Job record -> the GET /jobs/{id} JSON. */
json_t *f5_http_job_json(const f5_job_rec *r);

/* Handlers. */
enum MHD_Result f5_route_tts(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_job_get(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_job_delete(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_job_audio(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_job_events(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_healthz(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_readyz(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_version(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_config(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_metrics(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_static(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_normalize(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_v1_models(const f5_http_ctx *cx, f5_http_req *req);
/* The speaker library (route_voices.c) and the OpenAI speech route (route_speech.c). */
enum MHD_Result f5_route_voice_create(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_voice_list(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_voice_get(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_voice_audio(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_voice_patch(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_voice_delete(const f5_http_ctx *cx, f5_http_req *req);
enum MHD_Result f5_route_v1_speech(const f5_http_ctx *cx, f5_http_req *req);
struct f5_voice_rec;
struct f5_asr_opts;
/* May the request's caller see a voice of this owner (f5_voice_visible_fn; caller = &req->caller). */
bool f5_http_voice_visible(void *caller, const char *owner);
void f5_http_asr_opts(const f5_http_ctx *cx, struct f5_asr_opts *o);
/* A voice record as the API shows it (no storage key; audio_url). */
json_t *f5_http_voice_json(const struct f5_voice_rec *r);
/* Queue a job (rec complete); sync jobs get *job. False with the error
 * response (503 queue_full / queue_unavailable, 500) queued in *ret. */
bool f5_http_submit(const f5_http_ctx *cx, f5_http_req *req, const f5_job_rec *rec, f5_job **job, enum MHD_Result *ret);
/* Answer a submitted sync job: wait for its first bytes (or its error),
 * then stream it (raw audio, or SSE events when req->sse). */
enum MHD_Result f5_http_stream_job(const f5_http_ctx *cx, f5_http_req *req, f5_job *job, const f5_job_rec *rec,
                                   const char *seed);
/* An upload sent without ref_text: read it back from storage and transcribe
 * it through --asr-url (cached by hash). False with the error response
 * (422 ref_text_required, 502 asr_failed, 504 asr_timeout) queued in *ret. */
bool f5_http_transcribe_upload(const f5_http_ctx *cx, f5_http_req *req, const char *ref_key, char **text,
                               enum MHD_Result *ret);

/* Body streaming for POST /tts (route_tts.c): called on the first call
 * (headers known), per body piece, and may queue an early error. */
enum MHD_Result f5_route_tts_begin(const f5_http_ctx *cx, f5_http_req *req);
void f5_route_tts_body(const f5_http_ctx *cx, f5_http_req *req, const char *data, size_t n);

/* Server lifecycle (server.c). */
f5_status f5_http_start(const f5_http_ctx *cx, f5_http_server **out, f5_error *err); /* cx is copied */
int f5_http_port(const f5_http_server *h);
void f5_http_quiesce(f5_http_server *h); /* stop accepting new connections */
void f5_http_stop(f5_http_server *h);    /* close everything, join threads */

#endif
