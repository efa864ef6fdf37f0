/* jobs.c - job manager: live-job registry, submission with back-pressure,
 * cancellation, status snapshots and the sync streaming reads. The worker
 * pool itself is in worker.c.
 */
#include "service/jobs/jobs_impl.h"

#include "core/error.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void deadline_in(struct timespec *ts, double s) {
    clock_gettime(CLOCK_MONOTONIC, ts);
    if (s < 0) s = 0;
    long long ns = (long long)(s * 1e9) + ts->tv_nsec;
    ts->tv_sec += (time_t)(ns / 1000000000LL);
    ts->tv_nsec = (long)(ns % 1000000000LL);
}

static void cond_init_mono(pthread_cond_t *cv) {
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(cv, &a);
    pthread_condattr_destroy(&a);
}

f5_status f5_jobs_create(const f5_jobs_opts *o, f5_jobs **out, f5_error *err) {
    *out = NULL;
    f5_jobs *j = calloc(1, sizeof *j);
    if (!j) return f5_errf(err, F5_ERR_NOMEM, "jobs: out of memory");
    j->o = *o;
    snprintf(j->model_version, sizeof j->model_version, "%s", o->model_version ? o->model_version : "");
    j->o.model_version = j->model_version;
    pthread_mutex_init(&j->mu, NULL);
    cond_init_mono(&j->work_cv);
    cond_init_mono(&j->idle_cv);
    *out = j;
    return F5_OK;
}

f5_job *f5_jobs_find_locked(f5_jobs *j, const char *id) {
    for (f5_job *x = j->live; x; x = x->next)
        if (!strcmp(x->id, id)) return x;
    return NULL;
}

f5_job *f5_jobs_add_locked(f5_jobs *j, const char *id, bool sync, f5_audio_format fmt) {
    f5_job *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    snprintf(x->id, sizeof x->id, "%s", id);
    x->sync = sync;
    x->format = fmt;
    x->state = F5_JOB_QUEUED;
    x->refs = 1;
    cond_init_mono(&x->cv);
    x->next = j->live;
    j->live = x;
    return x;
}

void f5_job_release_locked(f5_jobs *j, f5_job *job) {
    if (--job->refs > 0) return;
    for (f5_job **pp = &j->live; *pp; pp = &(*pp)->next)
        if (*pp == job) {
            *pp = job->next;
            break;
        }
    pthread_cond_destroy(&job->cv);
    free(job->buf);
    free(job);
}

void f5_job_release(f5_jobs *j, f5_job *job) {
    if (!job) return;
    pthread_mutex_lock(&j->mu);
    f5_job_release_locked(j, job);
    pthread_mutex_unlock(&j->mu);
}

const char *f5_job_id(const f5_job *job) {
    return job->id;
}

f5_status f5_jobs_submit(f5_jobs *j, const f5_job_rec *rec, f5_job **live, f5_queue_result *res, f5_error *err) {
    if (live) *live = NULL;
    f5_job *job = NULL;
    if (rec->sync) {
        pthread_mutex_lock(&j->mu);
        job = f5_jobs_add_locked(j, rec->id, true, rec->params.format);
        pthread_mutex_unlock(&j->mu);
        if (!job) return f5_errf(err, F5_ERR_NOMEM, "jobs: out of memory");
    }
    f5_status st = f5_queue_push(j->o.queue, rec, j->o.max_queue, res, err);
    if (st || *res != F5_Q_OK) {
        if (job) f5_job_release(j, job);
        if (!st && j->o.metrics) atomic_fetch_add(&j->o.metrics->jobs_rejected_full, 1);
        return st;
    }
    if (j->o.metrics) atomic_fetch_add(&j->o.metrics->jobs_accepted, 1);
    pthread_mutex_lock(&j->mu);
    pthread_cond_broadcast(&j->work_cv);
    pthread_mutex_unlock(&j->mu);
    if (live) *live = job;
    return F5_OK;
}

double f5_jobs_mean_run_s(f5_jobs *j) {
    pthread_mutex_lock(&j->mu);
    double m = j->mean_run_s;
    pthread_mutex_unlock(&j->mu);
    return m;
}

f5_status f5_jobs_get(f5_jobs *j, const char *id, f5_job_rec *out, bool *found, f5_error *err) {
    f5_queue_result r;
    *found = false;
    f5_status st = f5_queue_get(j->o.queue, id, out, &r, err);
    if (st || r != F5_Q_OK) return st;
    *found = true;
    pthread_mutex_lock(&j->mu);
    f5_job *x = f5_jobs_find_locked(j, id);
    if (x && out->state == F5_JOB_RUNNING && x->state == F5_JOB_RUNNING && x->progress > out->progress)
        out->progress = x->progress;
    pthread_mutex_unlock(&j->mu);
    return F5_OK;
}

f5_status f5_jobs_cancel(f5_jobs *j, const char *id, double wait_s, f5_job_rec *out, f5_queue_result *res,
                         f5_error *err) {
    bool found;
    f5_status st = f5_jobs_get(j, id, out, &found, err);
    if (st) return st;
    if (!found) {
        *res = F5_Q_NOT_FOUND;
        return F5_OK;
    }
    if (f5_job_state_terminal(out->state)) {
        *res = F5_Q_CONFLICT;
        return F5_OK;
    }
    f5_queue_result qr;
    st = f5_queue_cancel_queued(j->o.queue, id, f5_obs_now(), &qr, err);
    if (st) goto done;
    pthread_mutex_lock(&j->mu);
    f5_job *x = f5_jobs_find_locked(j, id);
    if (qr == F5_Q_OK) {
        /* it never started: the reference is no longer needed */
        if (out->ref_key[0]) {
            f5_store_delete(j->o.store, out->ref_key, NULL);
            f5_queue_clear_ref(j->o.queue, id, NULL);
        }
        if (x) {
            x->state = F5_JOB_CANCELLED;
            snprintf(x->error_code, sizeof x->error_code, "cancelled");
            snprintf(x->error_message, sizeof x->error_message, "cancelled by the client");
            pthread_cond_broadcast(&x->cv);
        }
        if (j->o.metrics) f5_obs_metrics_job(j->o.metrics, 2, 0, 0);
        f5_obs_event(j->o.log, "info", "job",
                     json_pack("{s:s, s:s, s:s}", "job_id", id, "status", "cancelled", "request_id", out->request_id));
    } else if (x) {
        int expected = ABORT_NONE;
        atomic_compare_exchange_strong(&x->abort, &expected, ABORT_CANCEL);
        struct timespec ts;
        deadline_in(&ts, wait_s);
        x->refs++;
        while (!f5_job_state_terminal(x->state))
            if (pthread_cond_timedwait(&x->cv, &j->mu, &ts) == ETIMEDOUT) break;
        f5_job_release_locked(j, x);
    }
    pthread_mutex_unlock(&j->mu);
done:
    f5_job_rec_free(out);
    if (st) return st;
    st = f5_jobs_get(j, id, out, &found, err);
    *res = found ? F5_Q_OK : F5_Q_NOT_FOUND;
    return st;
}

void f5_jobs_set_model_version(f5_jobs *j, const char *v) {
    pthread_mutex_lock(&j->mu);
    snprintf(j->model_version, sizeof j->model_version, "%s", v ? v : "");
    pthread_mutex_unlock(&j->mu);
}

long long f5_jobs_queued(f5_jobs *j) {
    long long n = 0;
    f5_queue_count(j->o.queue, F5_JOB_QUEUED, &n, NULL);
    return n;
}

/* ---- sync streaming reads */

bool f5_job_wait_first(f5_jobs *j, f5_job *job, double wait_s) {
    struct timespec ts;
    deadline_in(&ts, wait_s);
    pthread_mutex_lock(&j->mu);
    while (job->len == 0 && !f5_job_state_terminal(job->state))
        if (pthread_cond_timedwait(&job->cv, &j->mu, &ts) == ETIMEDOUT) break;
    bool ok = job->len > 0 || job->state == F5_JOB_SUCCEEDED;
    pthread_mutex_unlock(&j->mu);
    return ok;
}

f5_stream_status f5_job_read(f5_jobs *j, f5_job *job, char *buf, size_t max, double wait_s, size_t *n) {
    *n = 0;
    struct timespec ts;
    deadline_in(&ts, wait_s);
    pthread_mutex_lock(&j->mu);
    while (job->pos == job->len && !f5_job_state_terminal(job->state))
        if (pthread_cond_timedwait(&job->cv, &j->mu, &ts) == ETIMEDOUT) break;
    f5_stream_status s;
    if (job->pos < job->len) {
        size_t k = job->len - job->pos;
        if (k > max) k = max;
        memcpy(buf, job->buf + job->pos, k);
        job->pos += k;
        *n = k;
        s = F5_STREAM_DATA;
    } else if (job->state == F5_JOB_SUCCEEDED) {
        s = F5_STREAM_END;
    } else if (f5_job_state_terminal(job->state)) {
        s = F5_STREAM_FAILED;
    } else {
        s = F5_STREAM_WAIT;
    }
    pthread_mutex_unlock(&j->mu);
    return s;
}

void f5_job_error(f5_jobs *j, f5_job *job, f5_job_state *state, char *code, size_t code_n, char *msg, size_t msg_n) {
    pthread_mutex_lock(&j->mu);
    *state = job->state;
    snprintf(code, code_n, "%s", job->error_code[0] ? job->error_code : "internal_error");
    snprintf(msg, msg_n, "%s", job->error_message[0] ? job->error_message : "the job ended without a result");
    pthread_mutex_unlock(&j->mu);
}

double f5_job_ms_since_last_chunk(f5_jobs *j, f5_job *job) {
    pthread_mutex_lock(&j->mu);
    double t = job->last_chunk_mono;
    pthread_mutex_unlock(&j->mu);
    return t > 0 ? (f5_obs_mono() - t) * 1000.0 : -1;
}

void f5_job_abandon(f5_jobs *j, f5_job *job) {
    pthread_mutex_lock(&j->mu);
    bool terminal = f5_job_state_terminal(job->state);
    if (!terminal) {
        int expected = ABORT_NONE;
        atomic_compare_exchange_strong(&job->abort, &expected, ABORT_CLIENT_GONE);
    }
    bool queued = job->state == F5_JOB_QUEUED;
    pthread_mutex_unlock(&j->mu);
    if (!terminal && queued) {
        /* not claimed yet: take it out of the queue right away */
        f5_job_rec rec;
        f5_queue_result r;
        if (f5_jobs_cancel(j, job->id, 0, &rec, &r, NULL) == F5_OK && r == F5_Q_OK) f5_job_rec_free(&rec);
    }
}
