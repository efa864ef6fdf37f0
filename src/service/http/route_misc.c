/* route_misc.c - the small routes: /healthz (alive), /readyz (model loaded
 * and warmed up), /version, /config (effective, redacted), /metrics
 * (Prometheus text) and the embedded web UI files.
 */
#include "service/http/http.h"

#include "service/http/web_assets.h"

#include <stdlib.h>
#include <string.h>

enum MHD_Result f5_route_healthz(f5_svc *svc, f5_http_req *req) {
    return f5_http_json(req, 200, json_pack("{s:s, s:f}", "status", "ok", "uptime_s", f5_obs_now() - svc->started_at));
}

enum MHD_Result f5_route_readyz(f5_svc *svc, f5_http_req *req) {
    int phase = atomic_load(&svc->phase);
    if (atomic_load(&svc->stopping))
        return f5_http_error(req, 503, "shutting_down", NULL, "the service is shutting down");
    if (phase == F5_SVC_READY) return f5_http_json(req, 200, json_pack("{s:s}", "status", "ready"));
    if (phase == F5_SVC_FAILED) {
        pthread_mutex_lock(&svc->info_mu);
        char msg[F5_ERROR_MSG_MAX];
        snprintf(msg, sizeof msg, "%s", svc->fail_err.message);
        pthread_mutex_unlock(&svc->info_mu);
        return f5_http_error(req, 503, "model_failed", NULL, "%s", msg);
    }
    return f5_http_error(req, 503, "not_ready", NULL, "loading and warming up the model");
}

enum MHD_Result f5_route_version(f5_svc *svc, f5_http_req *req) {
    json_t *o = json_pack("{s:s, s:s, s:s, s:b, s:s}", "name", "f5tts-c", "version", f5_version(), "role",
                          svc->cfg.role_name, "test_model", svc->cfg.test_model, "model_label", svc->cfg.model_label);
    const char *v = f5_version(), *lp = strchr(v, '('), *rp = lp ? strchr(lp, ')') : NULL;
    if (lp && rp) json_object_set_new(o, "git_revision", json_stringn(lp + 1, (size_t)(rp - lp - 1)));
    json_object_set_new(o, "build", json_string(__DATE__ " " __TIME__));
    pthread_mutex_lock(&svc->info_mu);
    json_object_set_new(o, "engine", svc->engine_info ? json_deep_copy(svc->engine_info) : json_null());
    pthread_mutex_unlock(&svc->info_mu);
    json_object_set_new(o, "model", json_string(svc->cfg.model));
    json_object_set_new(o, "vocoder", json_string(svc->cfg.vocoder[0] ? svc->cfg.vocoder : "(model dir)/vocos"));
    json_object_set_new(o, "ready", json_boolean(atomic_load(&svc->phase) == F5_SVC_READY));
    return f5_http_json(req, 200, o);
}

enum MHD_Result f5_route_config(f5_svc *svc, f5_http_req *req) {
    json_t *j = f5_svc_config_json(&svc->cfg);
    bool on = f5_auth_enabled(svc->auth);
    json_t *a = json_pack("{s:s, s:b}", "mode", f5_auth_mode_name(svc->auth), "enabled", on);
    if (!on)
        json_object_set_new(a, "warning", json_string("auth is off: anyone who reaches this server can synthesise and "
                                                      "read every job (create a key with f5tts keys add)"));
    if (req->caller.authenticated) json_object_set_new(a, "key", json_string(req->caller.key_id));
    json_object_set_new(j, "auth", a);
    return f5_http_json(req, 200, j);
}

enum MHD_Result f5_route_metrics(f5_svc *svc, f5_http_req *req) {
    f5_obs_sample smp = {-1, -1, -1, -1, -1, -1};
    f5_queue_stats qs = {0};
    if (svc->queue && f5_queue_stats_get(svc->queue, &qs, NULL) == F5_OK) {
        smp.queue_depth = qs.depth;
        smp.queue_running = qs.pending;
        smp.queue_dead = qs.dead;
        smp.queue_conn_errors = qs.errors;
        smp.queue_reconnects = qs.reconnects;
    } else if (svc->jobs) {
        smp.queue_depth = f5_jobs_queued(svc->jobs);
    }
    char *s = f5_obs_metrics_text(&svc->metrics, &smp);
    if (!s) return MHD_NO;
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", "text/plain; version=0.0.4");
    return f5_http_respond(req, 200, r);
}

enum MHD_Result f5_route_static(f5_svc *svc, f5_http_req *req) {
    const char *path = strcmp(req->path, "/") ? req->path : "/index.html";
    for (size_t i = 0; i < f5_web_assets_count; i++) {
        const f5_web_asset *a = &f5_web_assets[i];
        if (strcmp(a->path, path)) continue;
        struct MHD_Response *r = MHD_create_response_from_buffer(a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Content-Type", a->mime);
        MHD_add_response_header(r, "Cache-Control", "no-cache");
        return f5_http_respond(req, 200, r);
    }
    return f5_http_error(req, 404, "not_found", NULL, "no file %.200s", path);
}
