/* respond.c - building responses: JSON bodies, the error envelope
 * {"error":{"code","message","request_id"}}, the X-Request-ID header on
 * every response, Retry-After on 503/429, job records as JSON, random ids.
 */
#include "service/http/http.h"

#include <openssl/rand.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum MHD_Result f5_http_respond(f5_http_req *req, int status, struct MHD_Response *resp) {
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, "X-Request-ID", req->request_id);
    char tp[64];
    f5_obs_traceparent_format(&req->trace, tp, sizeof tp);
    MHD_add_response_header(resp, "traceparent", tp);
    if (req->tracestate[0]) MHD_add_response_header(resp, "tracestate", req->tracestate);
    /* security headers on every response */
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
                            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    if (status == 401 && req->www_authenticate) MHD_add_response_header(resp, "WWW-Authenticate", "Bearer realm=\"f5tts\"");
    if (status == 503 || status == 429) {
        char ra[16];
        snprintf(ra, sizeof ra, "%d", req->retry_after_s > 0 ? req->retry_after_s : req->cx->cfg->retry_after_s);
        MHD_add_response_header(resp, "Retry-After", ra);
    }
    req->status = status;
    req->responded = true;
    enum MHD_Result r = MHD_queue_response(req->conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return r;
}

enum MHD_Result f5_http_json(f5_http_req *req, int status, json_t *body) {
    char *s = json_dumps(body, JSON_COMPACT);
    json_decref(body);
    if (!s) return MHD_NO;
    size_t n = strlen(s);
    s[n] = 0;
    /* newline-terminated for curl users */
    char *t = realloc(s, n + 2);
    if (!t) {
        free(s);
        return MHD_NO;
    }
    t[n] = '\n';
    t[n + 1] = 0;
    struct MHD_Response *r = MHD_create_response_from_buffer(n + 1, t, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(t);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", "application/json");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    return f5_http_respond(req, status, r);
}

/* Replace each byte that does not start a valid UTF-8 sequence with '?'
 * in place (messages quote client input: ids, paths, field values, and
 * jansson refuses invalid UTF-8, which would lose the whole response). */
void f5_http_utf8_scrub(char *s) {
    for (unsigned char *p = (unsigned char *)s; *p;) {
        unsigned c = *p;
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        unsigned cp = k == 1 ? c : k == 2 ? (c & 0x1F) : k == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = k > 0;
        for (size_t j = 1; ok && j < k; j++) {
            if ((p[j] & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (p[j] & 0x3F);
        }
        if (ok && ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                   (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            *p++ = '?';
            continue;
        }
        p += k;
    }
}

enum MHD_Result f5_http_error(f5_http_req *req, int status, const char *code, const char *field, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    f5_http_utf8_scrub(msg);
    json_t *e = json_pack("{s:s, s:s, s:s}", "code", code, "message", msg, "request_id", req->request_id);
    json_t *param = json_null();
    if (field && *field) {
        char f[128];
        snprintf(f, sizeof f, "%s", field);
        f5_http_utf8_scrub(f);
        json_object_set_new(e, "field", json_string(f));
        json_decref(param);
        param = json_string(f);
    }
    /* OpenAI's error object fields too, so its clients read every error */
    const char *type = status == 401   ? "authentication_error"
                       : status == 403 ? "permission_error"
                       : status == 404 ? "not_found_error"
                       : status == 429 ? "rate_limit_error"
                       : status >= 500 ? "server_error"
                                       : "invalid_request_error";
    json_object_set_new(e, "type", json_string(type));
    json_object_set_new(e, "param", param);
    return f5_http_json(req, status, json_pack("{s:o}", "error", e));
}

int f5_http_status_for(const char *code) {
    static const struct { const char *code; int status; } map[] = {
        {"invalid_argument", 400}, {"invalid_text", 400},     {"invalid_audio", 422},  {"audio_too_long", 422},
        {"audio_too_short", 422},  {"unsupported_format", 415}, {"cancelled", 409},    {"timeout", 503},
        {"shutdown", 503},         {"out_of_memory", 503},    {"not_found", 404},
        {"gpu_out_of_memory", 503},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(code, map[i].code)) return map[i].status;
    return 500;
}

bool f5_http_peer_gone(const f5_http_req *req) {
    if (req->fd < 0) return false;
    struct pollfd p = {.fd = req->fd, .events = POLLRDHUP};
    if (poll(&p, 1, 0) <= 0) return false;
    return (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0;
}

bool f5_http_random_hex(char *out, size_t nbytes) {
    unsigned char b[64];
    if (nbytes > sizeof b || RAND_bytes(b, (int)nbytes) != 1) return false;
    for (size_t i = 0; i < nbytes; i++) snprintf(out + 2 * i, 3, "%02x", b[i]);
    return true;
}

static json_t *ts_or_null(double t) {
    if (t <= 0) return json_null();
    char buf[40];
    f5_obs_rfc3339(t, buf, sizeof buf);
    return json_string(buf);
}

json_t *f5_http_job_json(const f5_job_rec *r) {
    char status_url[64], result_url[80];
    snprintf(status_url, sizeof status_url, "/jobs/%s", r->id);
    snprintf(result_url, sizeof result_url, "/jobs/%s/audio", r->id);
    json_t *o = json_pack("{s:s, s:s, s:s, s:f, s:o, s:o, s:o, s:s, s:s, s:b}", "job_id", r->id, "status",
                          f5_job_state_name(r->state), "mode", r->sync ? "sync" : "async", "progress", r->progress,
                          "created_at", ts_or_null(r->created_at), "started_at", ts_or_null(r->started_at),
                          "finished_at", ts_or_null(r->finished_at), "status_url", status_url, "format",
                          f5_audio_format_name(r->params.format), "stored_result", r->result_key[0] != 0);
    if (r->state == F5_JOB_SUCCEEDED) {
        json_object_set_new(o, "audio_seconds", json_real(r->audio_seconds));
        json_object_set_new(o, "rtf", json_real(r->rtf));
    } else {
        json_object_set_new(o, "audio_seconds", json_null());
        json_object_set_new(o, "rtf", json_null());
    }
    json_object_set_new(o, "result_url", r->result_key[0] ? json_string(result_url) : json_null());
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->params.seed);
    json_object_set_new(o, "seed", json_string(seed));
    json_object_set_new(o, "attempts", json_integer(r->attempts)); /* >1: re-run after its worker stopped */
    if (r->error_code[0])
        json_object_set_new(o, "error", json_pack("{s:s, s:s}", "code", r->error_code, "message", r->error_message));
    else json_object_set_new(o, "error", json_null());
    return o;
}
