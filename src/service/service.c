/* service.c - assembling the service: queue + storage + job manager + HTTP,
 * the background engine load and warm-up that flips /readyz, and the
 * graceful stop sequence (quiesce HTTP, drain jobs for the grace period,
 * requeue the rest, close). See service.h.
 */
#include "service/service_impl.h"
#include "service/auth/auth.h"
#include "service/auth/usage.h"
#include "service/voices/voice_store.h"

#include "core/error.h"
#include "core/fsutil.h"
#include "service/http/http.h"
#include "service/obs/tracer.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void engine_log(void *user, f5_log_level level, const char *msg) {
    f5_svc *s = user;
    static const char *const names[] = {"debug", "info", "warn", "error"};
    f5_obs_event(&s->log, (unsigned)level < 4 ? names[level] : "info", "engine", json_pack("{s:s}", "message", msg));
}

static void set_failed(f5_svc *s, const f5_error *e) {
    pthread_mutex_lock(&s->info_mu);
    s->fail_err = *e;
    pthread_mutex_unlock(&s->info_mu);
    atomic_store(&s->phase, F5_SVC_FAILED);
    f5_obs_event(&s->log, "error", "model",
                 json_pack("{s:s, s:s}", "status", "failed", "error", e->message));
}

/* The engine's GPU numbers as the metrics registry's provider. */
static int engine_gpu(void *user, f5_obs_gpu_stat *out, int max) {
    f5_svc_engine *e = user;
    return e->gpu_stats ? e->gpu_stats(e->self, out, max) : 0;
}

/* A job this process ran ended: charge its audio to the owner's day. */
static void charge_usage(void *user, const f5_job_rec *rec) {
    f5_svc *s = user;
    if (rec->state != F5_JOB_SUCCEEDED || !s->usage) return;
    f5_error e = {0};
    if (f5_usage_add(s->usage, rec->owner, f5_usage_day(f5_obs_now()), rec->audio_seconds, &e) != F5_OK)
        f5_obs_msgf(&s->log, "error", "usage", "charging %.2f s of job %s: %s", rec->audio_seconds, rec->id, e.message);
}

static void *loader_main(void *arg) {
    f5_svc *s = arg;
    f5_error err = {0};
    double t0 = f5_obs_mono();
    f5_obs_event(&s->log, "info", "model",
                 json_pack("{s:s, s:s, s:s, s:b}", "status", "loading", "model", s->cfg.model, "label",
                           s->cfg.model_label, "test_model", s->cfg.test_model));
    f5_svc_engine_opts eo = {.model = s->cfg.model, .vocoder = s->cfg.vocoder, .vocab = s->cfg.vocab,
                             .model_config = s->cfg.model_config, .device = s->cfg.device_name, .dtype = s->cfg.dtype,
                             .threads = s->cfg.threads,
                             .n_slots = s->cfg.max_batch > s->cfg.concurrency ? s->cfg.max_batch : s->cfg.concurrency,
                             .max_batch = s->cfg.max_batch, .batch_frames = s->cfg.batch_frames,
                             .max_ref_seconds = s->cfg.max_ref_seconds, .min_ref_seconds = s->cfg.min_ref_seconds,
                             .log = engine_log, .log_user = s};
    if (s->engine_open(&eo, &s->engine, &err) != F5_OK) {
        set_failed(s, &err);
        return NULL;
    }
    s->engine_loaded = true;
    if (s->engine.gpu_stats) f5_obs_metrics_set_gpu(&s->metrics, engine_gpu, &s->engine);
    json_t *info = s->engine.info(s->engine.self);
    if (s->cfg.test_model) json_object_set_new(info, "test_model", json_true());
    if (s->cfg.model_label[0]) json_object_set_new(info, "label", json_string(s->cfg.model_label));
    const char *arch = json_string_value(json_object_get(info, "arch"));
    const char *model = json_string_value(json_object_get(info, "model"));
    pthread_mutex_lock(&s->info_mu);
    s->engine_info = info;
    snprintf(s->model_version, sizeof s->model_version, "%s/%s%s", arch ? arch : "?", model ? model : "?",
             s->cfg.test_model ? " (TEST MODEL)" : "");
    pthread_mutex_unlock(&s->info_mu);
    f5_jobs_set_model_version(s->jobs, s->model_version);
    double t1 = f5_obs_mono();
    if (s->cfg.warmup && f5_svc_engine_warmup(&s->engine, &err) != F5_OK) {
        set_failed(s, &err);
        return NULL;
    }
    if (f5_jobs_start(s->jobs, &s->engine, &err) != F5_OK) {
        set_failed(s, &err);
        return NULL;
    }
    atomic_store(&s->phase, F5_SVC_READY);
    f5_obs_set(&s->metrics, F5_OBS_MODEL_LOAD, NULL, NULL, t1 - t0);
    if (s->cfg.warmup) f5_obs_set(&s->metrics, F5_OBS_MODEL_WARMUP, NULL, NULL, f5_obs_mono() - t1);
    atomic_store(&s->metrics.ready, 1);
    f5_obs_event(&s->log, "info", "model",
                 json_pack("{s:s, s:s, s:f, s:f}", "status", "ready", "model_version", s->model_version, "load_ms",
                           (t1 - t0) * 1000, "warmup_ms", (f5_obs_mono() - t1) * 1000));
    return NULL;
}

f5_status f5_svc_start(const f5_svc_config *cfg, f5_obs_sink_fn sink, void *sink_user, f5_svc **out, f5_error *err) {
    return f5_svc_start_ex(cfg, sink, sink_user, NULL, out, err);
}

f5_status f5_svc_start_ex(const f5_svc_config *cfg, f5_obs_sink_fn sink, void *sink_user, f5_svc_engine_open_fn open,
                          f5_svc **out, f5_error *err) {
    *out = NULL;
    f5_svc *s = calloc(1, sizeof *s);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "service: out of memory");
    s->engine_open = open ? open : f5_svc_engine_f5_open;
    s->cfg = *cfg;
    s->log.sink = sink;
    s->log.user = sink_user;
    s->log.min_level = f5_obs_level_parse(cfg->log_level);
    s->log.text = !strcmp(cfg->log_format, "text");
    s->started_at = f5_obs_now();
    f5_obs_metrics_init(&s->metrics);
    pthread_mutex_init(&s->info_mu, NULL);
    snprintf(s->model_version, sizeof s->model_version, "loading");
    f5_status st;
    if (cfg->otlp_endpoint[0]) {
        char host[128] = "", inst[160];
        gethostname(host, sizeof host - 1);
        snprintf(inst, sizeof inst, "%s-%ld", host[0] ? host : "f5tts", (long)getpid()); /* unique per process */
        f5_obs_tracer_opts to = {.endpoint = cfg->otlp_endpoint, .metrics = &s->metrics, .log = &s->log,
                                 .resource = {.service_name = "f5tts", .service_version = f5_version(),
                                              .instance_id = inst}};
        if ((st = f5_obs_tracer_create(&to, &s->tracer, err))) goto fail;
        f5_obs_event(&s->log, "info", "trace", json_pack("{s:s}", "otlp_endpoint", cfg->otlp_endpoint));
    }
    /* the data dir holds the default queue and storage */
    if ((st = f5_mkdirs(cfg->data_dir, 0755, err))) goto fail;
    if ((st = f5_store_open(cfg->storage, &s->store, err))) goto fail;
    if (!(s->voices = f5_voices_new(s->store))) {
        st = f5_errf(err, F5_ERR_NOMEM, "service: out of memory");
        goto fail;
    }
    if (cfg->asr_url[0]) {
        const char *k = getenv("F5_ASR_API_KEY");
        snprintf(s->asr_api_key, sizeof s->asr_api_key, "%s", k ? k : "");
        curl_global_init(CURL_GLOBAL_DEFAULT);
    }
    if ((st = f5_queue_open(cfg->queue, &s->queue, err))) goto fail;
    f5_jobs_opts jo = {.queue = s->queue, .store = s->store, .log = &s->log, .metrics = &s->metrics, .tracer = s->tracer,
                       .max_queue = cfg->max_queue, .request_timeout_s = cfg->request_timeout_s,
                       .result_ttl_s = cfg->result_ttl_s, .model_version = cfg->model_label,
                       .on_finished = charge_usage, .on_finished_user = s,
                       .retain_inputs = cfg->retain_inputs};
    if ((st = f5_jobs_create(&jo, &s->jobs, err))) goto fail;
    if (!strncmp(cfg->queue, "redis://", 8)) {
        if ((st = f5_usage_open_redis(cfg->queue, &s->usage, err))) goto fail;
    } else {
        char up[F5_SVC_STR + 16];
        snprintf(up, sizeof up, "%s/usage.json", cfg->data_dir);
        if ((st = f5_usage_open_file(up, &s->usage, err))) goto fail;
    }
    {
        char kp[F5_SVC_STR + 16];
        snprintf(kp, sizeof kp, "%s/keys.json", cfg->data_dir);
        f5_auth_mode am = F5_AUTH_AUTO;
        f5_auth_mode_parse(cfg->auth, &am);
        const char *shared = !strncmp(cfg->queue, "redis://", 8) ? cfg->queue : NULL; /* rate buckets shared too */
        const char *keys = !strcmp(cfg->keys_backend, "redis") ? cfg->queue : kp;
        if ((st = f5_auth_create(am, f5_auth_host_is_loopback(cfg->host), keys, shared, &s->auth, err))) goto fail;
        if (!f5_auth_enabled(s->auth))
            f5_obs_msgf(&s->log, "warn", "auth",
                        "auth is OFF (--auth %s%s): anyone who reaches %s can synthesise and read every job; "
                        "create a key with `f5tts keys add NAME --data %s` to turn it on",
                        cfg->auth, am == F5_AUTH_AUTO ? ": loopback listener and no keys" : "", cfg->listen, cfg->data_dir);
    }
    if (cfg->role != F5_SVC_ROLE_WORKER) {
        f5_http_ctx cx = {.cfg = &s->cfg, .jobs = s->jobs, .store = s->store, .queue = s->queue,
                          .metrics = &s->metrics, .log = &s->log, .auth = s->auth, .svc = s,
                          .tracer = s->tracer, .usage = s->usage, .voices = s->voices,
                          .asr_api_key = s->asr_api_key};
        if ((st = f5_http_start(&cx, &s->http, err))) goto fail;
        char url[300];
        snprintf(url, sizeof url, "%s://%s:%d/", cfg->tls_cert[0] ? "https" : "http", cfg->host, f5_http_port(s->http));
        f5_obs_event(&s->log, "info", "listening",
                     json_pack("{s:s, s:s, s:s, s:s, s:s}", "url", url, "role", cfg->role_name, "data", cfg->data_dir,
                               "queue", cfg->queue, "storage", cfg->storage));
    }
    if (cfg->role == F5_SVC_ROLE_API) {
        atomic_store(&s->phase, F5_SVC_READY);
        atomic_store(&s->metrics.ready, 1);
        if ((st = f5_jobs_start_janitor(s->jobs, err))) goto fail;
    } else {
        if (pthread_create(&s->loader, NULL, loader_main, s) != 0) {
            st = f5_errf(err, F5_ERR_INTERNAL, "service: cannot start the model loader thread");
            goto fail;
        }
        s->loader_started = true;
    }
    *out = s;
    return F5_OK;
fail:
    f5_svc_free(s);
    return st;
}

f5_svc_phase f5_svc_phase_get(f5_svc *s, f5_error *err) {
    int p = atomic_load(&s->phase);
    if (p == F5_SVC_FAILED && err) {
        pthread_mutex_lock(&s->info_mu);
        *err = s->fail_err;
        pthread_mutex_unlock(&s->info_mu);
    }
    return (f5_svc_phase)p;
}

bool f5_svc_stopping(f5_svc *s) {
    return atomic_load(&s->stopping);
}

double f5_svc_started_at(const f5_svc *s) {
    return s->started_at;
}

json_t *f5_svc_engine_info(f5_svc *s) {
    pthread_mutex_lock(&s->info_mu);
    json_t *j = s->engine_info ? json_deep_copy(s->engine_info) : NULL;
    pthread_mutex_unlock(&s->info_mu);
    return j;
}

void f5_svc_model_version(f5_svc *s, char *out, size_t n) {
    pthread_mutex_lock(&s->info_mu);
    snprintf(out, n, "%s", s->model_version);
    pthread_mutex_unlock(&s->info_mu);
}

int f5_svc_port(const f5_svc *s) {
    return s->http ? f5_http_port(s->http) : 0;
}

void f5_svc_stop(f5_svc *s) {
    if (!s || atomic_exchange(&s->stopping, true)) return;
    double t0 = f5_obs_mono();
    f5_obs_event(&s->log, "info", "shutdown", json_pack("{s:s, s:f}", "status", "draining", "grace_s", s->cfg.shutdown_grace_s));
    if (s->http) f5_http_quiesce(s->http);
    if (s->loader_started) {
        pthread_join(s->loader, NULL);
        s->loader_started = false;
    }
    if (s->jobs) f5_jobs_shutdown(s->jobs, s->cfg.shutdown_grace_s);
    if (s->http) {
        f5_http_stop(s->http);
        s->http = NULL;
    }
    f5_obs_event(&s->log, "info", "shutdown",
                 json_pack("{s:s, s:f}", "status", "stopped", "ms", (f5_obs_mono() - t0) * 1000));
}

void f5_svc_free(f5_svc *s) {
    if (!s) return;
    f5_svc_stop(s);
    f5_jobs_free(s->jobs);
    f5_obs_metrics_set_gpu(&s->metrics, NULL, NULL); /* before the engine goes */
    if (s->engine_loaded && s->engine.free) s->engine.free(s->engine.self);
    f5_queue_close(s->queue);
    f5_voices_free(s->voices);
    f5_store_close(s->store);
    f5_auth_free(s->auth);
    f5_obs_tracer_free(s->tracer); /* after the HTTP server and the workers: their last spans are sent */
    f5_usage_close(s->usage);
    json_decref(s->engine_info);
    pthread_mutex_destroy(&s->info_mu);
    f5_obs_metrics_destroy(&s->metrics);
    free(s);
}
