/* jobs.h - the job manager: accepts typed jobs into the durable queue,
 * runs them on a fixed pool of workers (one engine slot each, so inference
 * concurrency = pool size), tracks live progress, streams audio of sync jobs
 * to their HTTP connection, cancels on request / client disconnect /
 * timeout, expires old results, and drains on shutdown. It knows nothing of
 * HTTP or JSON request parsing; every function is thread-safe.
 */
#ifndef F5_SVC_JOBS_H
#define F5_SVC_JOBS_H

#include "f5tts.h"
#include "service/jobs/engine.h"
#include "service/obs/log.h"
#include "service/obs/metrics.h"
#include "service/queue/queue.h"
#include "service/store/store.h"

#include <stdbool.h>

typedef struct f5_jobs f5_jobs;
typedef struct f5_job f5_job; /* a live job held by a sync request (refcounted) */

typedef struct f5_jobs_opts {
    f5_queue *queue;        /* borrowed, outlives the manager */
    f5_store *store;        /* borrowed */
    const f5_obs_log *log;  /* borrowed */
    f5_obs_metrics *metrics;/* borrowed, may be NULL */
    struct f5_obs_tracer *tracer; /* borrowed, NULL = tracing off */
    int max_queue;
    double request_timeout_s; /* 0 = none */
    double result_ttl_s;
    const char *model_version; /* for logs */
    /* Called once per job this process ran to a terminal state, after the
     * queue recorded it (usage charging: the daily audio-seconds quota).
     * May be NULL. Runs on a worker thread. */
    void (*on_finished)(void *user, const f5_job_rec *rec);
    void *on_finished_user;
    bool retain_inputs;       /* keep a finished job's reference until its record expires (default: delete at once) */
} f5_jobs_opts;

f5_status f5_jobs_create(const f5_jobs_opts *o, f5_jobs **out, f5_error *err);
/* Start engine->n_slots workers and the expiry janitor. The engine is
 * borrowed until f5_jobs_shutdown returns. Recovery of jobs interrupted by a
 * crash runs first. */
f5_status f5_jobs_start(f5_jobs *j, f5_svc_engine *engine, f5_error *err);
/* Start only the expiry janitor (API-only role). */
f5_status f5_jobs_start_janitor(f5_jobs *j, f5_error *err);

/* Accept a job. rec must have id, request_id, params, text, ref_text,
 * ref_key and created_at; sync jobs get a live handle in *live (caller
 * releases it with f5_job_release). *res = F5_Q_FULL when the queue is full
 * (nothing accepted). */
f5_status f5_jobs_submit(f5_jobs *j, const f5_job_rec *rec, f5_job **live, f5_queue_result *res, f5_error *err);

/* The job as stored, with live progress overlaid. *found false if unknown. */
f5_status f5_jobs_get(f5_jobs *j, const char *id, f5_job_rec *out, bool *found, f5_error *err);

/* Cancel a queued or running job. Returns its record afterwards in *out
 * (waits up to wait_s for a running job to stop). *res: F5_Q_NOT_FOUND,
 * F5_Q_CONFLICT (already terminal) or F5_Q_OK. */
f5_status f5_jobs_cancel(f5_jobs *j, const char *id, double wait_s, f5_job_rec *out, f5_queue_result *res,
                         f5_error *err);

long long f5_jobs_queued(f5_jobs *j);

/* Prepare a reference into this node's engine (its reference cache) ahead
 * of its first synthesis (jobs/prepare.c). *prepared false (and F5_OK) when
 * this node runs no engine yet or the engine has no cache. Thread-safe. */
f5_status f5_jobs_prepare_voice(f5_jobs *j, const void *audio, size_t len, const char *ref_text, bool *prepared,
                                f5_error *err);
/* Mean wall seconds of the jobs this process ran (exponentially weighted,
 * recent ones count most); 0 before the first one finished. */
double f5_jobs_mean_run_s(f5_jobs *j);
/* The model version string used in job log lines (copied). */
void f5_jobs_set_model_version(f5_jobs *j, const char *v);

/* ---- sync streaming (the HTTP connection thread holding *live) */

typedef enum f5_stream_status {
    F5_STREAM_DATA,   /* *n bytes copied */
    F5_STREAM_WAIT,   /* nothing yet, not finished: call again */
    F5_STREAM_END,    /* all bytes delivered, the job succeeded */
    F5_STREAM_FAILED, /* the job failed/was cancelled: see f5_job_error */
} f5_stream_status;

/* Wait up to wait_s for the job to produce its first bytes or end. Returns
 * true when bytes are available or it succeeded. */
bool f5_job_wait_first(f5_jobs *j, f5_job *job, double wait_s);
f5_stream_status f5_job_read(f5_jobs *j, f5_job *job, char *buf, size_t max, double wait_s, size_t *n);
/* The error of a failed/cancelled job (code, message); state in *state. */
void f5_job_error(f5_jobs *j, f5_job *job, f5_job_state *state, char *code, size_t code_n, char *msg, size_t msg_n);
const char *f5_job_id(const f5_job *job);
/* Milliseconds from the last chunk's arrival to now (for the tail latency). */
double f5_job_ms_since_last_chunk(f5_jobs *j, f5_job *job);
/* The client went away: cancel the job (no-op if already finished). */
void f5_job_abandon(f5_jobs *j, f5_job *job);
void f5_job_release(f5_jobs *j, f5_job *job);

/* Stop claiming jobs, give running ones grace_s to finish, then abort them
 * (async ones go back to the queue, sync ones fail with "shutdown"), join
 * all threads. Idempotent. */
void f5_jobs_shutdown(f5_jobs *j, double grace_s);
void f5_jobs_free(f5_jobs *j);

#endif
