/* queue.h - the job queue and job records. The queue is the single durable
 * truth about jobs: what was accepted, in which order, its state, progress,
 * timings, result and error. Two backends behind the same functions:
 * sqlite:PATH (WAL, one machine) and redis://[user:pass@]host:port[/db]
 * (Redis Streams, many API and worker nodes; queue_redis.c). All calls are
 * thread-safe and safe across processes (claims are atomic).
 */
#ifndef F5_QUEUE_H
#define F5_QUEUE_H

#include "f5tts.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum f5_job_state {
    F5_JOB_QUEUED = 0,
    F5_JOB_RUNNING,
    F5_JOB_SUCCEEDED,
    F5_JOB_FAILED,
    F5_JOB_CANCELLED,
} f5_job_state;

const char *f5_job_state_name(f5_job_state s);
bool f5_job_state_terminal(f5_job_state s);

#define F5_JOB_ID_LEN 32 /* hex chars of a 128-bit id */

/* The typed, validated parameters of one synthesis. */
typedef struct f5_job_params {
    int nfe_step;
    float cfg_strength;
    float speed;
    bool remove_silence;
    uint64_t seed;           /* always set: the service draws one when the client gave none */
    f5_audio_format format;
} f5_job_params;

typedef struct f5_job_rec {
    char id[F5_JOB_ID_LEN + 1];
    char request_id[65];
    bool sync;               /* sync jobs stream to one client and are never re-run after a restart */
    f5_job_state state;
    f5_job_params params;
    char *text;              /* owned (malloc) */
    char *ref_text;          /* owned (malloc) */
    char ref_key[96];        /* storage key of the uploaded reference, "" once deleted */
    char result_key[96];     /* storage key of the result, "" if none */
    double progress;         /* 0..1 */
    double created_at, started_at, finished_at; /* epoch seconds, 0 = not yet */
    double audio_seconds, rtf;
    int attempts;            /* times it was claimed */
    char error_code[48];
    char error_message[512];
    char trace_context[128]; /* W3C traceparent of the submitting request ("" = none); carried with the job */
    char owner[65];          /* key_id of the creating caller ("" = created without auth); see f5_auth_caller_may_see */
} f5_job_rec;

void f5_job_rec_free(f5_job_rec *r); /* frees the owned strings, not r */

typedef struct f5_queue f5_queue;

typedef enum f5_queue_result { F5_Q_OK = 0, F5_Q_FULL, F5_Q_NOT_FOUND, F5_Q_CONFLICT } f5_queue_result;

f5_status f5_queue_open(const char *url, f5_queue **out, f5_error *err);
void f5_queue_close(f5_queue *q);

/* Insert a new queued job unless max_queued jobs are already queued
 * (*res = F5_Q_FULL, nothing inserted). The check and the insert are one
 * transaction. */
f5_status f5_queue_push(f5_queue *q, const f5_job_rec *r, int max_queued, f5_queue_result *res, f5_error *err);
/* Atomically move the oldest queued job to running (started_at = now,
 * attempts++) and return it in *r. *res = F5_Q_NOT_FOUND when none. */
f5_status f5_queue_claim(f5_queue *q, double now, f5_job_rec *r, f5_queue_result *res, f5_error *err);
f5_status f5_queue_get(f5_queue *q, const char *id, f5_job_rec *r, f5_queue_result *res, f5_error *err);
f5_status f5_queue_set_progress(f5_queue *q, const char *id, double progress, f5_error *err);
/* Record a terminal state with the fields of r (state, finished_at,
 * audio_seconds, rtf, result_key, error_*, ref_key). */
f5_status f5_queue_finish(f5_queue *q, const f5_job_rec *r, f5_error *err);
/* Queued -> cancelled. *res = F5_Q_CONFLICT if the job is not queued. */
f5_status f5_queue_cancel_queued(f5_queue *q, const char *id, double now, f5_queue_result *res, f5_error *err);
/* Running -> queued again (shutdown/restart), progress reset. */
f5_status f5_queue_requeue(f5_queue *q, const char *id, f5_error *err);
/* Clear the reference key (after the blob was deleted). */
f5_status f5_queue_clear_ref(f5_queue *q, const char *id, f5_error *err);
/* Clear both the result and the reference key (DELETE of a finished job,
 * after its blobs were deleted); the record itself stays until it expires. */
f5_status f5_queue_clear_blobs(f5_queue *q, const char *id, f5_error *err);
/* After a crash: running async jobs back to queued; queued or running sync
 * jobs to failed ("interrupted"). Counts go to *requeued / *failed. The
 * callback sees each failed sync job (to delete its reference). */
f5_status f5_queue_recover(f5_queue *q, double now, int *requeued, int *failed,
                           void (*on_failed)(void *user, const f5_job_rec *r), void *user, f5_error *err);
/* Delete terminal jobs finished before `before`; the callback sees each
 * row (to delete its blobs) before it is removed. */
f5_status f5_queue_expire(f5_queue *q, double before, void (*on_job)(void *user, const f5_job_rec *r), void *user,
                          int *n_deleted, f5_error *err);
f5_status f5_queue_count(f5_queue *q, f5_job_state state, long long *n, f5_error *err);
/* Queued + running jobs of one owner (the per-key concurrency limit). */
f5_status f5_queue_count_active(f5_queue *q, const char *owner, long long *n, f5_error *err);

/* True while the backend cannot be reached (calls fail fast); *retry_after_s
 * says when the next connection attempt is due. The HTTP layer answers 503
 * with Retry-After then. Always false for sqlite. */
bool f5_queue_down(f5_queue *q, double *retry_after_s);

/* Numbers for autoscaling and /metrics: depth = accepted, not yet claimed;
 * pending = claimed, not yet acknowledged (running); dead = dead-lettered
 * jobs (redis); errors/reconnects = backend connection counters (redis). */
typedef struct f5_queue_stats {
    long long depth, pending, dead;
    long long errors, reconnects;
} f5_queue_stats;
f5_status f5_queue_stats_get(f5_queue *q, f5_queue_stats *s, f5_error *err);

#endif
