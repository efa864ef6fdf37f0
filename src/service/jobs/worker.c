/* worker.c - the worker pool and the expiry janitor. Each worker owns one
 * engine slot, claims the oldest queued job, runs it with progress / abort /
 * chunk callbacks, stores or streams the result and records the final
 * state. Inference concurrency is exactly the number of workers.
 */
#include "service/jobs/jobs_impl.h"

#include "core/error.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct worker_arg {
    f5_jobs *j;
    int slot;
} worker_arg;

typedef struct run_state {
    f5_jobs *j;
    f5_job *job;
    f5_job_rec *rec;
    double deadline_mono;     /* 0 = none */
    double last_db_progress;
    double last_db_mono;
    bool stream_pcm;          /* sync wav/pcm: chunks are streamed as they arrive */
    bool header_sent;
} run_state;

static f5_status append_locked(f5_job *job, const void *data, size_t n) {
    if (job->len + n > job->cap) {
        size_t cap = job->cap ? job->cap : 65536;
        while (cap < job->len + n) cap *= 2;
        uint8_t *b = realloc(job->buf, cap);
        if (!b) return F5_ERR_NOMEM;
        job->buf = b;
        job->cap = cap;
    }
    memcpy(job->buf + job->len, data, n);
    job->len += n;
    return F5_OK;
}

static void on_progress(void *user, double f) {
    run_state *rs = user;
    f5_jobs *j = rs->j;
    if (f > 0.999) f = 0.999; /* 1.0 is reserved for "done" */
    pthread_mutex_lock(&j->mu);
    if (f > rs->job->progress) rs->job->progress = f;
    pthread_cond_broadcast(&rs->job->cv);
    pthread_mutex_unlock(&j->mu);
    double now = f5_obs_mono();
    if (f - rs->last_db_progress >= 0.05 || now - rs->last_db_mono >= 1.0) {
        f5_queue_set_progress(j->o.queue, rs->rec->id, f, NULL);
        rs->last_db_progress = f;
        rs->last_db_mono = now;
    }
}

static bool should_abort(void *user) {
    run_state *rs = user;
    if (atomic_load(&rs->job->abort) != ABORT_NONE) return true;
    if (atomic_load(&rs->j->hard_stop)) {
        int e = ABORT_NONE;
        atomic_compare_exchange_strong(&rs->job->abort, &e, ABORT_SHUTDOWN);
        return true;
    }
    if (rs->deadline_mono > 0 && f5_obs_mono() > rs->deadline_mono) {
        int e = ABORT_NONE;
        atomic_compare_exchange_strong(&rs->job->abort, &e, ABORT_TIMEOUT);
        return true;
    }
    return false;
}

static f5_status on_chunk(void *user, const float *pcm, size_t n) {
    run_state *rs = user;
    if (should_abort(rs)) return F5_ERR_ABORTED;
    if (!rs->stream_pcm) return F5_OK;
    uint8_t *s16 = malloc(n * 2 + 44);
    if (!s16) return F5_ERR_NOMEM;
    size_t off = 0;
    if (!rs->header_sent && rs->job->format == F5_FMT_WAV) {
        f5_wav_stream_header(s16, F5_SAMPLE_RATE, 0);
        off = 44;
    }
    rs->header_sent = true;
    f5_pcm_to_s16le(pcm, n, s16 + off);
    pthread_mutex_lock(&rs->j->mu);
    f5_status st = append_locked(rs->job, s16, off + n * 2);
    rs->job->last_chunk_mono = f5_obs_mono();
    pthread_cond_broadcast(&rs->job->cv);
    pthread_mutex_unlock(&rs->j->mu);
    free(s16);
    return st;
}

static const char *ext_of(f5_audio_format f) {
    switch (f) {
    case F5_FMT_WAV:
    case F5_FMT_WAV_FLOAT: return "wav";
    case F5_FMT_FLAC: return "flac";
    case F5_FMT_OGG: return "ogg";
    case F5_FMT_MP3: return "mp3";
    case F5_FMT_PCM: return "pcm";
    default: return "bin";
    }
}

/* Encode whole PCM into the job's format; *out malloc'd. */
static f5_status encode_all(const float *pcm, size_t n, f5_audio_format fmt, uint8_t **out, size_t *len, f5_error *err) {
    if (fmt == F5_FMT_PCM) {
        *out = malloc(n * 2 + 1);
        if (!*out) return f5_errf(err, F5_ERR_NOMEM, "encode: out of memory");
        f5_pcm_to_s16le(pcm, n, *out);
        *len = n * 2;
        return F5_OK;
    }
    return f5_audio_encode(pcm, n, F5_SAMPLE_RATE, fmt, out, len, err);
}

/* Run one claimed job to a terminal state (or back to the queue). */
static void run_job(f5_jobs *j, int slot, f5_job_rec *rec) {
    f5_error err = {0};
    f5_status st = F5_OK;
    uint8_t *ref = NULL, *enc = NULL;
    size_t ref_len = 0, enc_len = 0;
    f5_svc_synth_out out = {0};
    double t0 = f5_obs_mono();

    pthread_mutex_lock(&j->mu);
    f5_job *job = f5_jobs_find_locked(j, rec->id);
    if (job) job->refs++;
    else if (!rec->sync) job = f5_jobs_add_locked(j, rec->id, false, rec->params.format);
    if (job) job->state = F5_JOB_RUNNING;
    j->running++;
    pthread_mutex_unlock(&j->mu);
    if (j->o.metrics) atomic_fetch_add(&j->o.metrics->jobs_running, 1);
    f5_obs_event(j->o.log, "info", "job",
                 json_pack("{s:s, s:s, s:s, s:i, s:f}", "job_id", rec->id, "request_id", rec->request_id, "status",
                           "running", "attempt", rec->attempts, "queue_wait_ms", (f5_obs_now() - rec->created_at) * 1000));

    run_state rs = {.j = j, .job = job, .rec = rec, .last_db_mono = t0};
    if (!job) {
        if (rec->sync) { /* its connection is gone (or belongs to another process) */
            rec->state = F5_JOB_CANCELLED;
            snprintf(rec->error_code, sizeof rec->error_code, "cancelled");
            snprintf(rec->error_message, sizeof rec->error_message, "the streaming client is gone");
            goto finish;
        }
        st = f5_errf(&err, F5_ERR_NOMEM, "jobs: out of memory");
        goto failed;
    }
    if (j->o.request_timeout_s > 0) rs.deadline_mono = t0 + j->o.request_timeout_s;
    rs.stream_pcm = rec->sync && (rec->params.format == F5_FMT_WAV || rec->params.format == F5_FMT_PCM);
    if (atomic_load(&job->abort) != ABORT_NONE) {
        st = F5_ERR_ABORTED;
        goto aborted;
    }
    st = f5_store_get(j->o.store, rec->ref_key, &ref, &ref_len, &err);
    if (st) {
        f5_err_prefix(&err, st, "reading the uploaded reference");
        goto failed;
    }
    f5_svc_synth_req rq = {.text = rec->text, .ref_text = rec->ref_text, .ref_audio = ref, .ref_len = ref_len,
                           .nfe_step = rec->params.nfe_step, .cfg_strength = rec->params.cfg_strength,
                           .speed = rec->params.speed, .remove_silence = rec->params.remove_silence,
                           .seed = rec->params.seed, .keep_pcm = !rs.stream_pcm, .progress = on_progress,
                           .should_abort = should_abort, .on_chunk = on_chunk, .user = &rs};
    double t_engine = f5_obs_mono();
    st = j->engine->run(j->engine->self, slot, &rq, &out, &err);
    double wall = f5_obs_mono() - t_engine;
    if (st == F5_ERR_ABORTED || (st && atomic_load(&job->abort) != ABORT_NONE)) goto aborted;
    if (st) goto failed;
    if (!rs.stream_pcm) {
        st = encode_all(out.pcm, out.n_samples, rec->params.format, &enc, &enc_len, &err);
        if (st) goto failed;
        if (rec->sync) {
            pthread_mutex_lock(&j->mu);
            st = append_locked(job, enc, enc_len);
            job->last_chunk_mono = f5_obs_mono();
            pthread_mutex_unlock(&j->mu);
            if (st) {
                f5_errf(&err, st, "jobs: out of memory");
                goto failed;
            }
        } else {
            snprintf(rec->result_key, sizeof rec->result_key, "results/%s.%s", rec->id, ext_of(rec->params.format));
            st = f5_store_put(j->o.store, rec->result_key, enc, enc_len, &err);
            if (st) {
                rec->result_key[0] = 0;
                goto failed;
            }
        }
    } else if (!rs.header_sent && rec->params.format == F5_FMT_WAV) {
        /* no chunk at all: still a valid (empty) WAV */
        uint8_t h[44];
        f5_wav_stream_header(h, F5_SAMPLE_RATE, 0);
        pthread_mutex_lock(&j->mu);
        append_locked(job, h, 44);
        pthread_mutex_unlock(&j->mu);
    }
    rec->state = F5_JOB_SUCCEEDED;
    rec->audio_seconds = out.audio_seconds;
    rec->rtf = out.audio_seconds > 0 ? wall / out.audio_seconds : 0;
    rec->progress = 1.0;
    goto finish;

aborted:
    switch (atomic_load(&job->abort)) {
    case ABORT_SHUTDOWN:
        if (!rec->sync) {
            f5_queue_requeue(j->o.queue, rec->id, NULL);
            f5_obs_event(j->o.log, "info", "job",
                         json_pack("{s:s, s:s}", "job_id", rec->id, "status", "requeued_on_shutdown"));
            pthread_mutex_lock(&j->mu);
            job->state = F5_JOB_QUEUED;
            pthread_cond_broadcast(&job->cv);
            pthread_mutex_unlock(&j->mu);
            goto out;
        }
        rec->state = F5_JOB_FAILED;
        snprintf(rec->error_code, sizeof rec->error_code, "shutdown");
        snprintf(rec->error_message, sizeof rec->error_message, "the service is shutting down");
        break;
    case ABORT_TIMEOUT:
        rec->state = F5_JOB_FAILED;
        snprintf(rec->error_code, sizeof rec->error_code, "timeout");
        snprintf(rec->error_message, sizeof rec->error_message, "synthesis exceeded the request timeout of %g s",
                 j->o.request_timeout_s);
        break;
    case ABORT_CLIENT_GONE:
        rec->state = F5_JOB_CANCELLED;
        snprintf(rec->error_code, sizeof rec->error_code, "cancelled");
        snprintf(rec->error_message, sizeof rec->error_message, "the client disconnected");
        break;
    default:
        rec->state = F5_JOB_CANCELLED;
        snprintf(rec->error_code, sizeof rec->error_code, "cancelled");
        snprintf(rec->error_message, sizeof rec->error_message, "cancelled by the client");
        break;
    }
    goto finish;
failed:
    rec->state = F5_JOB_FAILED;
    snprintf(rec->error_code, sizeof rec->error_code, "%s", f5_status_str(err.status ? err.status : st));
    snprintf(rec->error_message, sizeof rec->error_message, "%s", err.message[0] ? err.message : f5_status_str(st));
finish:
    rec->finished_at = f5_obs_now();
    if (rec->ref_key[0]) {
        f5_store_delete(j->o.store, rec->ref_key, NULL);
        rec->ref_key[0] = 0;
    }
    if (f5_queue_finish(j->o.queue, rec, &err) != F5_OK)
        f5_obs_msgf(j->o.log, "error", "queue", "recording the end of job %s failed: %s", rec->id, err.message);
    if (job) {
        pthread_mutex_lock(&j->mu);
        job->state = rec->state;
        if (rec->state == F5_JOB_SUCCEEDED) job->progress = 1.0;
        snprintf(job->error_code, sizeof job->error_code, "%s", rec->error_code);
        snprintf(job->error_message, sizeof job->error_message, "%s", rec->error_message);
        pthread_cond_broadcast(&job->cv);
        pthread_mutex_unlock(&j->mu);
    }
    if (j->o.metrics)
        f5_obs_metrics_job(j->o.metrics, rec->state == F5_JOB_SUCCEEDED ? 0 : rec->state == F5_JOB_FAILED ? 1 : 2,
                           rec->audio_seconds, f5_obs_mono() - t0);
    {
        json_t *ev = json_pack("{s:s, s:s, s:s, s:s, s:b, s:f, s:f, s:f, s:s}", "job_id", rec->id, "request_id",
                               rec->request_id, "status", f5_job_state_name(rec->state), "format",
                               f5_audio_format_name(rec->params.format), "sync", rec->sync, "audio_seconds",
                               rec->audio_seconds, "rtf", rec->rtf, "wall_ms", (f5_obs_mono() - t0) * 1000,
                               "model_version", "");
        pthread_mutex_lock(&j->mu);
        json_object_set_new(ev, "model_version", json_string(j->model_version));
        pthread_mutex_unlock(&j->mu);
        if (out.t_first_call_ms > 0) json_object_set_new(ev, "claim_to_engine_ms", json_real(out.t_first_call_ms - t0 * 1000));
        if (rec->error_code[0])
            json_object_set_new(ev, "error", json_pack("{s:s, s:s}", "code", rec->error_code, "message", rec->error_message));
        f5_obs_event(j->o.log, rec->state == F5_JOB_FAILED ? "warn" : "info", "job", ev);
    }
out:
    free(ref);
    free(enc);
    free(out.pcm);
    if (j->o.metrics) atomic_fetch_sub(&j->o.metrics->jobs_running, 1);
    pthread_mutex_lock(&j->mu);
    j->running--;
    if (job) f5_job_release_locked(j, job);
    pthread_cond_broadcast(&j->idle_cv);
    pthread_mutex_unlock(&j->mu);
}

void *f5_jobs_worker_main(void *arg) {
    worker_arg *wa = arg;
    f5_jobs *j = wa->j;
    int slot = wa->slot;
    free(wa);
    for (;;) {
        pthread_mutex_lock(&j->mu);
        bool stop = j->stop, draining = j->draining;
        pthread_mutex_unlock(&j->mu);
        if (stop || draining) break;
        f5_job_rec rec;
        f5_queue_result r = F5_Q_NOT_FOUND;
        f5_error err = {0};
        if (f5_queue_claim(j->o.queue, f5_obs_now(), &rec, &r, &err) != F5_OK)
            f5_obs_msgf(j->o.log, "error", "queue", "claim failed: %s", err.message);
        if (r == F5_Q_OK) {
            run_job(j, slot, &rec);
            f5_job_rec_free(&rec);
            continue;
        }
        /* nothing queued: sleep until signalled (or poll, for other processes' jobs) */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ts.tv_nsec += 500000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_mutex_lock(&j->mu);
        if (!j->stop && !j->draining) pthread_cond_timedwait(&j->work_cv, &j->mu, &ts);
        pthread_mutex_unlock(&j->mu);
    }
    return NULL;
}

static void expire_one(void *user, const f5_job_rec *r) {
    f5_jobs *j = user;
    if (r->result_key[0]) f5_store_delete(j->o.store, r->result_key, NULL);
    if (r->ref_key[0]) f5_store_delete(j->o.store, r->ref_key, NULL);
}

void *f5_jobs_janitor_main(void *arg) {
    f5_jobs *j = arg;
    double interval = j->o.result_ttl_s / 4;
    if (interval < 0.5) interval = 0.5;
    if (interval > 60) interval = 60;
    for (;;) {
        int n = 0;
        f5_error err = {0};
        if (f5_queue_expire(j->o.queue, f5_obs_now() - j->o.result_ttl_s, expire_one, j, &n, &err) != F5_OK)
            f5_obs_msgf(j->o.log, "error", "expire", "%s", err.message);
        else if (n > 0)
            f5_obs_event(j->o.log, "info", "expire", json_pack("{s:i}", "deleted_jobs", n));
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        long long ns = ts.tv_nsec + (long long)(interval * 1e9);
        ts.tv_sec += (time_t)(ns / 1000000000LL);
        ts.tv_nsec = (long)(ns % 1000000000LL);
        pthread_mutex_lock(&j->mu);
        while (!j->stop)
            if (pthread_cond_timedwait(&j->work_cv, &j->mu, &ts) == ETIMEDOUT) break;
        bool stop = j->stop;
        pthread_mutex_unlock(&j->mu);
        if (stop) break;
    }
    return NULL;
}

static void recover_failed(void *user, const f5_job_rec *r) {
    f5_jobs *j = user;
    if (r->ref_key[0]) f5_store_delete(j->o.store, r->ref_key, NULL);
}

f5_status f5_jobs_start_janitor(f5_jobs *j, f5_error *err) {
    if (j->janitor_started) return F5_OK;
    if (pthread_create(&j->janitor, NULL, f5_jobs_janitor_main, j) != 0)
        return f5_errf(err, F5_ERR_INTERNAL, "jobs: cannot start the janitor thread");
    j->janitor_started = true;
    return F5_OK;
}

f5_status f5_jobs_start(f5_jobs *j, f5_svc_engine *engine, f5_error *err) {
    int requeued = 0, failed = 0;
    f5_status st = f5_queue_recover(j->o.queue, f5_obs_now(), &requeued, &failed, recover_failed, j, err);
    if (st) return st;
    if (requeued || failed)
        f5_obs_event(j->o.log, "info", "recover", json_pack("{s:i, s:i}", "requeued", requeued, "failed_sync", failed));
    j->engine = engine;
    j->workers = calloc((size_t)engine->n_slots, sizeof *j->workers);
    if (!j->workers) return f5_errf(err, F5_ERR_NOMEM, "jobs: out of memory");
    for (int i = 0; i < engine->n_slots; i++) {
        worker_arg *wa = malloc(sizeof *wa);
        if (!wa) return f5_errf(err, F5_ERR_NOMEM, "jobs: out of memory");
        wa->j = j;
        wa->slot = i;
        if (pthread_create(&j->workers[i], NULL, f5_jobs_worker_main, wa) != 0) {
            free(wa);
            return f5_errf(err, F5_ERR_INTERNAL, "jobs: cannot start worker %d", i);
        }
        j->n_workers++;
    }
    return f5_jobs_start_janitor(j, err);
}

void f5_jobs_shutdown(f5_jobs *j, double grace_s) {
    pthread_mutex_lock(&j->mu);
    if (j->shut) {
        pthread_mutex_unlock(&j->mu);
        return;
    }
    j->shut = true;
    j->draining = true;
    pthread_cond_broadcast(&j->work_cv);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long long ns = ts.tv_nsec + (long long)(grace_s * 1e9);
    ts.tv_sec += (time_t)(ns / 1000000000LL);
    ts.tv_nsec = (long)(ns % 1000000000LL);
    while (j->running > 0)
        if (pthread_cond_timedwait(&j->idle_cv, &j->mu, &ts) == ETIMEDOUT) break;
    atomic_store(&j->hard_stop, true);
    j->stop = true;
    pthread_cond_broadcast(&j->work_cv);
    pthread_mutex_unlock(&j->mu);
    for (int i = 0; i < j->n_workers; i++) pthread_join(j->workers[i], NULL);
    if (j->janitor_started) pthread_join(j->janitor, NULL);
    /* Sync jobs still waiting in the queue will never run in this process:
     * end their streams now (the next start marks them failed in the queue). */
    pthread_mutex_lock(&j->mu);
    for (f5_job *x = j->live; x; x = x->next)
        if (!f5_job_state_terminal(x->state)) {
            x->state = F5_JOB_FAILED;
            snprintf(x->error_code, sizeof x->error_code, "shutdown");
            snprintf(x->error_message, sizeof x->error_message, "the service is shutting down");
            pthread_cond_broadcast(&x->cv);
        }
    pthread_mutex_unlock(&j->mu);
}

void f5_jobs_free(f5_jobs *j) {
    if (!j) return;
    f5_jobs_shutdown(j, 0);
    /* live entries still referenced by connections are freed by their release */
    free(j->workers);
    pthread_cond_destroy(&j->work_cv);
    pthread_cond_destroy(&j->idle_cv);
    pthread_mutex_destroy(&j->mu);
    free(j);
}
