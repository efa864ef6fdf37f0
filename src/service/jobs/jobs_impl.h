/* jobs_impl.h - private state shared by jobs.c (registry, submit, cancel,
 * streaming reads) and worker.c (the worker pool and the expiry janitor).
 * One mutex (f5_jobs.mu) guards every field below except the atomics.
 */
#ifndef F5_SVC_JOBS_IMPL_H
#define F5_SVC_JOBS_IMPL_H

#include "service/jobs/jobs.h"

#include <pthread.h>
#include <stdatomic.h>

typedef enum { ABORT_NONE = 0, ABORT_CANCEL, ABORT_TIMEOUT, ABORT_SHUTDOWN, ABORT_CLIENT_GONE } abort_reason;

struct f5_job {
    f5_job *next;            /* registry list */
    int refs;                /* registry holds none: the sync request and the worker hold one each */
    char id[F5_JOB_ID_LEN + 1];
    bool sync;
    f5_audio_format format;
    f5_job_state state;
    double progress;
    atomic_int abort;        /* abort_reason */
    pthread_cond_t cv;       /* state, progress or stream changed */
    /* sync stream */
    uint8_t *buf;            /* [cap] encoded bytes produced so far */
    size_t len, cap, pos;    /* pos: bytes already read by the connection */
    double last_chunk_mono;
    char error_code[48];
    char error_message[512];
};

struct f5_jobs {
    f5_jobs_opts o;
    char model_version[256];
    pthread_mutex_t mu;
    pthread_cond_t work_cv;  /* new work or stop */
    pthread_cond_t idle_cv;  /* a worker finished a job */
    f5_job *live;            /* jobs being streamed or run by this process */
    f5_svc_engine *engine;
    pthread_t *workers;
    int n_workers;
    int running;
    bool draining;           /* stop claiming */
    bool stop;               /* threads exit */
    atomic_bool hard_stop;   /* abort running jobs (shutdown after grace) */
    bool janitor_started;
    pthread_t janitor;
    bool shut;
    double mean_run_s;       /* EWMA of job wall time (0 = none yet) */
};

/* Registry helpers; call with j->mu held. */
f5_job *f5_jobs_find_locked(f5_jobs *j, const char *id);
f5_job *f5_jobs_add_locked(f5_jobs *j, const char *id, bool sync, f5_audio_format fmt);
void f5_job_release_locked(f5_jobs *j, f5_job *job);

void *f5_jobs_worker_main(void *arg);
void *f5_jobs_janitor_main(void *arg);

#endif
