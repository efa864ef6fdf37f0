/* worker.c - the worker pool and the expiry janitor. Each worker owns one
 * engine slot, claims the oldest queued job, runs it with progress / abort /
 * chunk callbacks, stores or streams the result and records the final
 * state. Inference concurrency is exactly the number of workers.
 */
#include "service/jobs/jobs_impl.h"

#include "core/error.h"
#include "service/jobs/job_trace.h"
#include "service/obs/trace.h"

#include <openssl/sha.h>

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
    double last_step_mono;    /* previous progress report, for the per-step histogram */
    bool stream_pcm;          /* sync wav/pcm: chunks are streamed as they arrive */
    bool header_sent;
    f5_job_trace *trace;      /* the run's spans */
} run_state;

/* A job's reference belongs to the job (deleted when it ends) unless it is
 * a speaker-library clip (voices/clips/...), which outlives its jobs. */
static bool ref_owned(const char *key) {
    return key[0] && strncmp(key, "voices/", 7) != 0;
}

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
    if (j->o.metrics && rs->last_step_mono > 0) f5_obs_observe(j->o.metrics, F5_OBS_NFE_STEP, NULL, NULL, now - rs->last_step_mono);
    rs->last_step_mono = now;
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

static void on_phase(void *user, f5_svc_synth_phase phase, int chunk, int n_chunks, double t0, double t1) {
    run_state *rs = user;
    f5_job_trace_phase(rs->trace, phase, chunk, n_chunks, t0, t1);
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
    case F5_FMT_OPUS: return "opus";
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

/* ---- one job: prepare -> run -> settle
 *
 * A claimed job goes through three steps sharing one job_run:
 *   job_prepare  registers the live entry, logs "running", reads the reference;
 *   job_execute  runs the engine, then encodes and stores or streams the result;
 *   job_settle   maps the outcome (abort reasons through abort_table) to a
 *                terminal state, or requeues, then records it everywhere.
 * The queue backend is only touched through queue.h (claim, progress, finish,
 * requeue), so every backend shares this code. */

typedef enum job_outcome {
    OUTCOME_SUCCEEDED = 0, /* rec has the result fields */
    OUTCOME_FAILED,        /* jr.st / jr.err say why */
    OUTCOME_ABORTED,       /* job->abort says why */
    OUTCOME_DECIDED,       /* rec->state and error already set */
} job_outcome;

typedef struct job_run {
    f5_jobs *j;
    int slot;
    f5_job_rec *rec;
    f5_job *job;              /* live entry, NULL if none could be made */
    f5_error err;
    f5_status st;
    uint8_t *ref, *enc;
    size_t ref_len, enc_len;
    f5_svc_synth_out out;
    double t0;
    run_state rs;
    f5_job_trace trace;
} job_run;

/* What each abort reason becomes. requeue_async: an async job goes back to
 * the queue instead (another start or worker runs it). cites_timeout: the
 * message ends with the configured request timeout. */
static const struct abort_row {
    abort_reason reason;
    f5_job_state state;
    const char *code;
    const char *message;
    bool requeue_async;
    bool cites_timeout;
} abort_table[] = {
    {ABORT_CANCEL, F5_JOB_CANCELLED, "cancelled", "cancelled by the client", false, false},
    {ABORT_TIMEOUT, F5_JOB_FAILED, "timeout", "synthesis exceeded the request timeout of", false, true},
    {ABORT_SHUTDOWN, F5_JOB_FAILED, "shutdown", "the service is shutting down", true, false},
    {ABORT_CLIENT_GONE, F5_JOB_CANCELLED, "cancelled", "the client disconnected", false, false},
};

static const struct abort_row *abort_row_of(int reason) {
    for (size_t i = 0; i < sizeof abort_table / sizeof abort_table[0]; i++)
        if ((int)abort_table[i].reason == reason) return &abort_table[i];
    return &abort_table[0]; /* an abort without a recorded reason reads as a client cancel */
}

static void set_outcome(f5_job_rec *rec, f5_job_state state, const char *code, const char *msg) {
    rec->state = state;
    snprintf(rec->error_code, sizeof rec->error_code, "%s", code);
    snprintf(rec->error_message, sizeof rec->error_message, "%s", msg);
}

/* What a log line may say about the request's text: its length and a hash
 * prefix (equal texts are recognisable), never the text itself. */
static void log_text_facts(json_t *ev, const f5_job_rec *rec) {
    const char *t = rec->text ? rec->text : "";
    unsigned char h[SHA256_DIGEST_LENGTH];
    SHA256((const unsigned char *)t, strlen(t), h);
    char hex[17];
    for (int i = 0; i < 8; i++) snprintf(hex + 2 * i, 3, "%02x", h[i]);
    json_object_set_new(ev, "text_bytes", json_integer((json_int_t)strlen(t)));
    json_object_set_new(ev, "text_sha256", json_string(hex));
}

/* trace_id / span_id of the job span (the request's trace when traced). */
static void log_trace_ids(json_t *ev, const job_run *jr) {
    f5_obs_trace ctx;
    const char *sid = f5_job_trace_span_id(&jr->trace);
    if (sid[0]) {
        json_object_set_new(ev, "trace_id", json_string(jr->trace.job.trace_id));
        json_object_set_new(ev, "span_id", json_string(sid));
    } else if (f5_obs_traceparent_parse(jr->rec->trace_context, &ctx)) {
        json_object_set_new(ev, "trace_id", json_string(ctx.trace_id));
        json_object_set_new(ev, "parent_span_id", json_string(ctx.parent_id));
    }
}

static job_outcome job_prepare(job_run *jr) {
    f5_jobs *j = jr->j;
    f5_job_rec *rec = jr->rec;
    pthread_mutex_lock(&j->mu);
    f5_job *job = f5_jobs_find_locked(j, rec->id);
    if (job) job->refs++;
    else if (!rec->sync) job = f5_jobs_add_locked(j, rec->id, false, rec->params.format);
    if (job) job->state = F5_JOB_RUNNING;
    j->running++;
    pthread_mutex_unlock(&j->mu);
    jr->job = job;
    if (j->o.metrics) {
        atomic_fetch_add(&j->o.metrics->jobs_running, 1);
        if (rec->attempts <= 1) f5_obs_observe(j->o.metrics, F5_OBS_QUEUE_WAIT, NULL, NULL, f5_obs_now() - rec->created_at);
    }
    f5_job_trace_begin(&jr->trace, j->o.tracer, rec, jr->t0);
    json_t *ev = json_pack("{s:s, s:s, s:s, s:i, s:f}", "job_id", rec->id, "request_id", rec->request_id, "status",
                           "running", "attempt", rec->attempts, "queue_wait_ms", (f5_obs_now() - rec->created_at) * 1000);
    log_text_facts(ev, rec);
    log_trace_ids(ev, jr);
    f5_obs_event(j->o.log, "info", "job", ev);
    jr->rs = (run_state){.j = j, .job = job, .rec = rec, .last_db_mono = jr->t0, .trace = &jr->trace};
    if (!job) {
        if (rec->sync) { /* its connection is gone (or belongs to another process) */
            set_outcome(rec, F5_JOB_CANCELLED, "cancelled", "the streaming client is gone");
            return OUTCOME_DECIDED;
        }
        jr->st = f5_errf(&jr->err, F5_ERR_NOMEM, "jobs: out of memory");
        return OUTCOME_FAILED;
    }
    if (j->o.request_timeout_s > 0) jr->rs.deadline_mono = jr->t0 + j->o.request_timeout_s;
    jr->rs.stream_pcm = rec->sync && (rec->params.format == F5_FMT_WAV || rec->params.format == F5_FMT_PCM);
    if (atomic_load(&job->abort) != ABORT_NONE) return OUTCOME_ABORTED;
    double tg = f5_obs_mono();
    jr->st = f5_store_get(j->o.store, rec->ref_key, &jr->ref, &jr->ref_len, &jr->err);
    f5_job_trace_child(&jr->trace, "storage.get", tg, f5_obs_mono(), jr->st ? f5_status_str(jr->st) : NULL);
    if (jr->st) {
        f5_obs_inc(j->o.metrics, F5_OBS_STORAGE_ERRORS, "get", NULL);
        f5_err_prefix(&jr->err, jr->st, "reading the uploaded reference");
        return OUTCOME_FAILED;
    }
    return OUTCOME_SUCCEEDED;
}

/* Hand the whole encoded result over: appended to a sync job's stream, or
 * stored under results/<id>.<ext> for an async one. */
static job_outcome deliver_encoded(job_run *jr) {
    f5_jobs *j = jr->j;
    f5_job_rec *rec = jr->rec;
    if (rec->sync) {
        pthread_mutex_lock(&j->mu);
        jr->st = append_locked(jr->job, jr->enc, jr->enc_len);
        jr->job->last_chunk_mono = f5_obs_mono();
        pthread_mutex_unlock(&j->mu);
        if (jr->st) {
            f5_errf(&jr->err, jr->st, "jobs: out of memory");
            return OUTCOME_FAILED;
        }
        return OUTCOME_SUCCEEDED;
    }
    snprintf(rec->result_key, sizeof rec->result_key, "results/%s.%s", rec->id, ext_of(rec->params.format));
    double tp = f5_obs_mono();
    jr->st = f5_store_put(j->o.store, rec->result_key, jr->enc, jr->enc_len, &jr->err);
    f5_job_trace_child(&jr->trace, "storage.put", tp, f5_obs_mono(), jr->st ? f5_status_str(jr->st) : NULL);
    if (jr->st) {
        f5_obs_inc(j->o.metrics, F5_OBS_STORAGE_ERRORS, "put", NULL);
        rec->result_key[0] = 0;
        return OUTCOME_FAILED;
    }
    return OUTCOME_SUCCEEDED;
}

static job_outcome job_execute(job_run *jr) {
    f5_jobs *j = jr->j;
    f5_job_rec *rec = jr->rec;
    f5_svc_synth_req rq = {.text = rec->text, .ref_text = rec->ref_text, .ref_audio = jr->ref, .ref_len = jr->ref_len,
                           .nfe_step = rec->params.nfe_step, .cfg_strength = rec->params.cfg_strength,
                           .speed = rec->params.speed, .remove_silence = rec->params.remove_silence,
                           .seed = rec->params.seed, .keep_pcm = !jr->rs.stream_pcm, .progress = on_progress,
                           .should_abort = should_abort, .on_chunk = on_chunk, .phase = on_phase, .user = &jr->rs};
    double t_engine = f5_obs_mono();
    jr->st = j->engine->run(j->engine->self, jr->slot, &rq, &jr->out, &jr->err);
    double wall = f5_obs_mono() - t_engine;
    if (jr->st == F5_ERR_ABORTED || (jr->st && atomic_load(&jr->job->abort) != ABORT_NONE)) return OUTCOME_ABORTED;
    if (jr->st) return OUTCOME_FAILED;
    if (!jr->rs.stream_pcm) {
        double te = f5_obs_mono();
        jr->st = encode_all(jr->out.pcm, jr->out.n_samples, rec->params.format, &jr->enc, &jr->enc_len, &jr->err);
        f5_job_trace_child(&jr->trace, "encode", te, f5_obs_mono(), jr->st ? f5_status_str(jr->st) : NULL);
        if (jr->st) return OUTCOME_FAILED;
        job_outcome o = deliver_encoded(jr);
        if (o != OUTCOME_SUCCEEDED) return o;
    } else if (!jr->rs.header_sent && rec->params.format == F5_FMT_WAV) {
        /* no chunk at all: still a valid (empty) WAV */
        uint8_t h[44];
        f5_wav_stream_header(h, F5_SAMPLE_RATE, 0);
        pthread_mutex_lock(&j->mu);
        append_locked(jr->job, h, 44);
        pthread_mutex_unlock(&j->mu);
    }
    rec->state = F5_JOB_SUCCEEDED;
    rec->audio_seconds = jr->out.audio_seconds;
    rec->rtf = jr->out.audio_seconds > 0 ? wall / jr->out.audio_seconds : 0;
    rec->progress = 1.0;
    return OUTCOME_SUCCEEDED;
}

/* An async job aborted by shutdown goes back to the queue. */
static void settle_requeue(job_run *jr) {
    f5_jobs *j = jr->j;
    f5_queue_requeue(j->o.queue, jr->rec->id, NULL);
    f5_obs_event(j->o.log, "info", "job", json_pack("{s:s, s:s}", "job_id", jr->rec->id, "status", "requeued_on_shutdown"));
    pthread_mutex_lock(&j->mu);
    jr->job->state = F5_JOB_QUEUED;
    pthread_cond_broadcast(&jr->job->cv);
    pthread_mutex_unlock(&j->mu);
}

static void log_job_end(job_run *jr) {
    f5_jobs *j = jr->j;
    f5_job_rec *rec = jr->rec;
    json_t *ev = json_pack("{s:s, s:s, s:s, s:s, s:b, s:f, s:f, s:f, s:s}", "job_id", rec->id, "request_id",
                           rec->request_id, "status", f5_job_state_name(rec->state), "format",
                           f5_audio_format_name(rec->params.format), "sync", rec->sync, "audio_seconds",
                           rec->audio_seconds, "rtf", rec->rtf, "wall_ms", (f5_obs_mono() - jr->t0) * 1000,
                           "model_version", "");
    pthread_mutex_lock(&j->mu);
    json_object_set_new(ev, "model_version", json_string(j->model_version));
    pthread_mutex_unlock(&j->mu);
    if (jr->out.t_first_call_ms > 0)
        json_object_set_new(ev, "claim_to_engine_ms", json_real(jr->out.t_first_call_ms - jr->t0 * 1000));
    if (jr->out.t_first_call_ms > 0) {
        json_object_set_new(ev, "ref_cache_hit", json_boolean(jr->out.ref_cache_hit));
        json_object_set_new(ev, "voice_prep_ms", json_real(jr->out.t_voice_ms));
    }
    if (rec->error_code[0])
        json_object_set_new(ev, "error", json_pack("{s:s, s:s}", "code", rec->error_code, "message", rec->error_message));
    log_text_facts(ev, rec);
    log_trace_ids(ev, jr);
    f5_obs_event(j->o.log, rec->state == F5_JOB_FAILED ? "warn" : "info", "job", ev);
}

/* Turn the outcome into a terminal state (or a requeue) and record it: the
 * reference is deleted, the queue, the live entry, metrics and the log see
 * the end; then the run's buffers and the live reference are released. */
static void job_settle(job_run *jr, job_outcome o) {
    f5_jobs *j = jr->j;
    f5_job_rec *rec = jr->rec;
    bool requeued = false;
    if (o == OUTCOME_ABORTED) {
        const struct abort_row *row = abort_row_of(atomic_load(&jr->job->abort));
        if (row->requeue_async && !rec->sync) {
            settle_requeue(jr);
            requeued = true;
        } else if (row->cites_timeout) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s %g s", row->message, j->o.request_timeout_s);
            set_outcome(rec, row->state, row->code, msg);
        } else {
            set_outcome(rec, row->state, row->code, row->message);
        }
    } else if (o == OUTCOME_FAILED) {
        f5_status s = jr->err.status ? jr->err.status : jr->st;
        set_outcome(rec, F5_JOB_FAILED, f5_status_str(s), jr->err.message[0] ? jr->err.message : f5_status_str(jr->st));
    }
    if (!requeued) {
        rec->finished_at = f5_obs_now();
        char ref[sizeof rec->ref_key];
        snprintf(ref, sizeof ref, "%s", j->o.retain_inputs ? "" : rec->ref_key);
        if (!j->o.retain_inputs) rec->ref_key[0] = 0; /* else kept: deleted with the record at expiry */
        /* Record the end first, retrying while the queue is unreachable (Redis restarting): until it is
         * recorded the job may be re-run elsewhere, so its reference is deleted only afterwards. */
        bool recorded = false;
        double wait = 0.1;
        for (int attempt = 0; attempt < 20 && !recorded; attempt++) {
            f5_error ferr = {0};
            if (f5_queue_finish(j->o.queue, rec, &ferr) == F5_OK) {
                recorded = true;
                break;
            }
            if (attempt == 0)
                f5_obs_msgf(j->o.log, "error", "queue", "recording the end of job %s failed (retrying): %s", rec->id,
                            ferr.message);
            struct timespec ts = {.tv_sec = (time_t)wait, .tv_nsec = (long)((wait - (double)(time_t)wait) * 1e9)};
            nanosleep(&ts, NULL);
            wait = wait * 2 > 2 ? 2 : wait * 2;
        }
        if (recorded && ref_owned(ref)) f5_store_delete(j->o.store, ref, NULL);
        else if (!recorded)
            f5_obs_msgf(j->o.log, "error", "queue", "the end of job %s was not recorded; it may run again", rec->id);
        if (jr->job) {
            pthread_mutex_lock(&j->mu);
            jr->job->state = rec->state;
            if (rec->state == F5_JOB_SUCCEEDED) jr->job->progress = 1.0;
            snprintf(jr->job->error_code, sizeof jr->job->error_code, "%s", rec->error_code);
            snprintf(jr->job->error_message, sizeof jr->job->error_message, "%s", rec->error_message);
            pthread_cond_broadcast(&jr->job->cv);
            pthread_mutex_unlock(&j->mu);
        }
        if (j->o.metrics)
            f5_obs_metrics_job(j->o.metrics, rec->state == F5_JOB_SUCCEEDED ? 0 : rec->state == F5_JOB_FAILED ? 1 : 2,
                               rec->audio_seconds, f5_obs_mono() - jr->t0);
        log_job_end(jr);
        if (recorded && j->o.on_finished) j->o.on_finished(j->o.on_finished_user, rec);
        double run_s = f5_obs_mono() - jr->t0;
        pthread_mutex_lock(&j->mu);
        j->mean_run_s = j->mean_run_s > 0 ? 0.8 * j->mean_run_s + 0.2 * run_s : run_s;
        pthread_mutex_unlock(&j->mu);
    }
    f5_job_trace_end(&jr->trace, rec);
    free(jr->ref);
    free(jr->enc);
    free(jr->out.pcm);
    if (j->o.metrics) atomic_fetch_sub(&j->o.metrics->jobs_running, 1);
    pthread_mutex_lock(&j->mu);
    j->running--;
    if (jr->job) f5_job_release_locked(j, jr->job);
    pthread_cond_broadcast(&j->idle_cv);
    pthread_mutex_unlock(&j->mu);
}

/* Run one claimed job to a terminal state (or back to the queue). */
static void run_job(f5_jobs *j, int slot, f5_job_rec *rec) {
    job_run jr = {.j = j, .slot = slot, .rec = rec, .t0 = f5_obs_mono()};
    job_outcome o = job_prepare(&jr);
    if (o == OUTCOME_SUCCEEDED) o = job_execute(&jr);
    job_settle(&jr, o);
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
    if (ref_owned(r->ref_key)) f5_store_delete(j->o.store, r->ref_key, NULL);
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
    if (ref_owned(r->ref_key)) f5_store_delete(j->o.store, r->ref_key, NULL);
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
    pthread_mutex_lock(&j->mu); /* f5_jobs_prepare_voice reads it from HTTP threads */
    j->engine = engine;
    pthread_mutex_unlock(&j->mu);
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
