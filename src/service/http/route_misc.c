/* route_misc.c - the small routes: /healthz (alive), /readyz (model loaded
 * and warmed up), /version, /config (effective, redacted), /metrics
 * (Prometheus text) and the embedded web UI files.
 */
#include "service/http/http.h"

#include "service/http/web_assets.h"
#include "kernels/kernels.h"

#include <stdlib.h>
#include <string.h>

enum MHD_Result f5_route_healthz(const f5_http_ctx *cx, f5_http_req *req) {
    return f5_http_json(req, 200, json_pack("{s:s, s:f}", "status", "ok", "uptime_s", f5_obs_now() - f5_svc_started_at(cx->svc)));
}

enum MHD_Result f5_route_readyz(const f5_http_ctx *cx, f5_http_req *req) {
    int phase = f5_svc_phase_get(cx->svc, NULL);
    if (f5_svc_stopping(cx->svc))
        return f5_http_error(req, 503, "shutting_down", NULL, "the service is shutting down");
    if (phase == F5_SVC_READY) return f5_http_json(req, 200, json_pack("{s:s}", "status", "ready"));
    if (phase == F5_SVC_FAILED) {
        f5_error e = {0};
        f5_svc_phase_get(cx->svc, &e);
        return f5_http_error(req, 503, "model_failed", NULL, "%s", e.message);
    }
    return f5_http_error(req, 503, "not_ready", NULL, "loading and warming up the model");
}

enum MHD_Result f5_route_version(const f5_http_ctx *cx, f5_http_req *req) {
    json_t *o = json_pack("{s:s, s:s, s:s, s:b, s:s}", "name", "f5tts-c", "version", f5_version(), "role",
                          cx->cfg->role_name, "test_model", cx->cfg->test_model, "model_label", cx->cfg->model_label);
    const char *v = f5_version(), *lp = strchr(v, '('), *rp = lp ? strchr(lp, ')') : NULL;
    if (lp && rp) json_object_set_new(o, "git_revision", json_stringn(lp + 1, (size_t)(rp - lp - 1)));
    json_object_set_new(o, "build", json_string(__DATE__ " " __TIME__));
    json_t *engine = f5_svc_engine_info(cx->svc);
    json_object_set_new(o, "engine", engine ? engine : json_null());
    json_object_set_new(o, "model", json_string(cx->cfg->model));
    json_object_set_new(o, "vocoder", json_string(cx->cfg->vocoder[0] ? cx->cfg->vocoder : "(model dir)/vocos"));
    json_object_set_new(o, "ready", json_boolean(f5_svc_phase_get(cx->svc, NULL) == F5_SVC_READY));
    json_object_set_new(o, "cuda_built", json_boolean(f5_cuda_built()));
    json_t *dv = engine ? json_object_get(engine, "device") : NULL; /* the loaded engine's device, else none yet */
    json_object_set_new(o, "device", json_is_string(dv) ? json_string(json_string_value(dv)) : json_null());
    return f5_http_json(req, 200, o);
}

enum MHD_Result f5_route_config(const f5_http_ctx *cx, f5_http_req *req) {
    json_t *j = f5_svc_config_json(cx->cfg);
    bool on = f5_auth_enabled(cx->auth);
    json_t *a = json_pack("{s:s, s:b}", "mode", f5_auth_mode_name(cx->auth), "enabled", on);
    if (!on)
        json_object_set_new(a, "warning", json_string("auth is off: anyone who reaches this server can synthesise and "
                                                      "read every job (create a key with f5tts keys add)"));
    if (req->caller.authenticated) json_object_set_new(a, "key", json_string(req->caller.key_id));
    json_object_set_new(j, "auth", a);
    return f5_http_json(req, 200, j);
}

enum MHD_Result f5_route_metrics(const f5_http_ctx *cx, f5_http_req *req) {
    f5_obs_sample smp = {-1, -1, -1, -1, -1, -1, NULL, NULL};
    f5_queue_stats qs = {0};
    if (cx->queue && f5_queue_stats_get(cx->queue, &qs, NULL) == F5_OK) {
        smp.queue_depth = qs.depth;
        smp.queue_running = qs.pending;
        smp.queue_dead = qs.dead;
        smp.queue_conn_errors = qs.errors;
        smp.queue_reconnects = qs.reconnects;
    } else if (cx->jobs) {
        smp.queue_depth = f5_jobs_queued(cx->jobs);
    }
    smp.data_dir = cx->cfg->data_dir;
    smp.model_path = cx->cfg->model[0] ? cx->cfg->model : NULL;
    char *s = f5_obs_metrics_text(cx->metrics, &smp);
    if (!s) return MHD_NO;
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", "text/plain; version=0.0.4");
    return f5_http_respond(req, 200, r);
}

enum MHD_Result f5_route_static(const f5_http_ctx *cx, f5_http_req *req) {
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
