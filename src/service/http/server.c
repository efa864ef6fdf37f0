/* server.c - libmicrohttpd glue: one thread per connection (so a handler
 * may block while a sync synthesis streams, and SSE may wait), a static
 * route table, the request lifecycle (request id, body limit, body
 * streaming to the route, completion log line and metrics).
 */
#include "service/http/http.h"

#include "core/error.h"
#include "service/obs/tracer.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>

struct f5_http_server {
    struct MHD_Daemon *d;
    f5_http_ctx cx;   /* what handlers get (MHD's cls points here) */
    int port;
    bool quiesced;
    char *tls_cert, *tls_key; /* PEM text, alive as long as the daemon */
};

/* Read a whole PEM file (at most 1 MiB) into a NUL-terminated string. */
static f5_status read_pem(const char *flag, const char *path, char **out, f5_error *err) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return f5_errf(err, F5_ERR_IO, "%s %s: cannot open: %s", flag, path, strerror(errno));
    char *buf = malloc((1 << 20) + 1);
    size_t n = buf ? fread(buf, 1, 1 << 20, f) : 0;
    bool more = buf && fgetc(f) != EOF;
    fclose(f);
    if (!buf) return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", flag);
    if (more || n == 0 || !strstr((buf[n] = 0, buf), "-----BEGIN ")) {
        free(buf);
        return f5_errf(err, F5_ERR_FORMAT, "%s %s: %s", flag, path,
                       more ? "larger than 1 MiB" : "not a PEM file (no -----BEGIN line)");
    }
    *out = buf;
    return F5_OK;
}

/* The certificate and key parse and belong together (checked with OpenSSL
 * so that a mistake is named here, not as a bare start failure). */
static f5_status check_tls_pair(const f5_svc_config *cfg, const char *cert, const char *key, f5_error *err) {
    BIO *cb = BIO_new_mem_buf(cert, -1), *kb = BIO_new_mem_buf(key, -1);
    X509 *x = cb ? PEM_read_bio_X509(cb, NULL, NULL, NULL) : NULL;
    EVP_PKEY *k = kb ? PEM_read_bio_PrivateKey(kb, NULL, NULL, NULL) : NULL;
    f5_status st = F5_OK;
    if (!x) st = f5_errf(err, F5_ERR_FORMAT, "--tls-cert %s: no X.509 certificate in it", cfg->tls_cert);
    else if (!k)
        st = f5_errf(err, F5_ERR_FORMAT, "--tls-key %s: no unencrypted private key in it", cfg->tls_key);
    else if (X509_check_private_key(x, k) != 1)
        st = f5_errf(err, F5_ERR_INVALID_ARG, "--tls-key %s does not belong to the certificate in --tls-cert %s",
                     cfg->tls_key, cfg->tls_cert);
    X509_free(x);
    EVP_PKEY_free(k);
    BIO_free(cb);
    BIO_free(kb);
    return st;
}

static void server_free(f5_http_server *h) {
    if (!h) return;
    if (h->tls_key) OPENSSL_cleanse(h->tls_key, strlen(h->tls_key));
    free(h->tls_cert);
    free(h->tls_key);
    free(h);
}

static const f5_http_route routes[] = {
    {"POST", "/tts", f5_route_tts, true},
    {"GET", "/jobs/{id}", f5_route_job_get, false},
    {"DELETE", "/jobs/{id}", f5_route_job_delete, false},
    {"GET", "/jobs/{id}/audio", f5_route_job_audio, false},
    {"GET", "/jobs/{id}/events", f5_route_job_events, false},
    {"GET", "/healthz", f5_route_healthz, false},
    {"GET", "/readyz", f5_route_readyz, false},
    {"GET", "/version", f5_route_version, false},
    {"GET", "/config", f5_route_config, false},
    {"GET", "/metrics", f5_route_metrics, false},
    {"POST", "/normalize", f5_route_normalize, true},
    {"GET", "/v1/models", f5_route_v1_models, false},
    {"POST", "/voices", f5_route_voice_create, true},
    {"GET", "/voices", f5_route_voice_list, false},
    {"GET", "/voices/{id}", f5_route_voice_get, false},
    {"PATCH", "/voices/{id}", f5_route_voice_patch, true},
    {"DELETE", "/voices/{id}", f5_route_voice_delete, false},
    {"GET", "/voices/{id}/audio", f5_route_voice_audio, false},
    {"POST", "/v1/audio/speech", f5_route_v1_speech, true},
    {"GET", "/", f5_route_static, false},
    {"GET", "/index.html", f5_route_static, false},
    {"GET", "/app.js", f5_route_static, false},
    {"GET", "/style.css", f5_route_static, false},
};

/* Does path match pattern? Captures the {id} segment into param. */
static bool match_one(const char *pattern, const char *path, char *param, size_t param_n) {
    const char *p = pattern, *s = path;
    while (*p && *s) {
        if (!strncmp(p, "{id}", 4)) {
            const char *e = strchr(s, '/');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (n == 0 || n >= param_n) return false;
            memcpy(param, s, n);
            param[n] = 0;
            p += 4;
            s += n;
            continue;
        }
        if (*p != *s) return false;
        p++, s++;
    }
    return *p == 0 && *s == 0;
}

const f5_http_route *f5_http_match(const char *method, const char *path, char *param, size_t param_n, bool *path_known) {
    *path_known = false;
    const char *m = !strcmp(method, "HEAD") ? "GET" : method;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        char tmp[80] = "";
        if (!match_one(routes[i].pattern, path, tmp, sizeof tmp)) continue;
        *path_known = true;
        if (strcmp(routes[i].method, m)) continue;
        snprintf(param, param_n, "%s", tmp);
        return &routes[i];
    }
    return NULL;
}

/* Allowed methods of a known path, for the Allow header of a 405. */
static void allowed_methods(const char *path, char *out, size_t n) {
    out[0] = 0;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        char tmp[80] = "";
        if (!match_one(routes[i].pattern, path, tmp, sizeof tmp)) continue;
        if (strstr(out, routes[i].method)) continue;
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", l ? ", " : "", routes[i].method);
        if (!strcmp(routes[i].method, "GET")) {
            l = strlen(out);
            snprintf(out + l, n - l, ", HEAD");
        }
    }
}

static bool request_id_ok(const char *s) {
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 64) return false;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.' || s[i] == ':')) return false;
    return true;
}

void f5_http_req_unref(f5_http_req *req) {
    if (atomic_fetch_sub(&req->refs, 1) != 1) return;
    if (req->job) {
        f5_job_abandon(req->cx->jobs, req->job);
        f5_job_release(req->cx->jobs, req->job);
    }
    f5_mp_free(req->mp);
    f5_tts_form_free(req->form);
    free(req->body);
    free(req);
}

/* Appends a body piece to req->body (kept NUL-terminated); false when out of memory. */
static bool body_append(f5_http_req *req, const char *data, size_t n) {
    if (req->body_len + n + 1 > req->body_cap) {
        size_t cap = req->body_cap ? req->body_cap : 4096;
        while (cap < req->body_len + n + 1) cap *= 2;
        char *b = realloc(req->body, cap);
        if (!b) return false;
        req->body = b;
        req->body_cap = cap;
    }
    memcpy(req->body + req->body_len, data, n);
    req->body_len += n;
    req->body[req->body_len] = 0;
    return true;
}

typedef struct header_count {
    int content_length, transfer_encoding;
    const char *first_cl;
    bool cl_differs;
} header_count;

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    header_count *c = cls;
    if (!strcasecmp(key, "Content-Length")) {
        if (c->content_length++ == 0) c->first_cl = value;
        else if (strcmp(c->first_cl ? c->first_cl : "", value ? value : "")) c->cl_differs = true;
    } else if (!strcasecmp(key, "Transfer-Encoding")) c->transfer_encoding++;
    return MHD_YES;
}

/* NULL when the request's framing is unambiguous, else why not. */
static const char *framing_problem(struct MHD_Connection *conn, const char *version) {
    header_count c = {0};
    MHD_get_connection_values(conn, MHD_HEADER_KIND, count_header, &c);
    if (c.cl_differs) return "the request has several different Content-Length headers";
    if (c.content_length && c.transfer_encoding) return "the request has both Content-Length and Transfer-Encoding";
    if (version && !strcmp(version, "HTTP/1.1") && !MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host"))
        return "an HTTP/1.1 request needs a Host header";
    return NULL;
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                 const char *version, const char *upload_data, size_t *upload_size, void **con_cls) {
    const f5_http_ctx *cx = cls;
    f5_http_req *req = *con_cls;
    if (!req) {
        req = calloc(1, sizeof *req);
        if (!req) return MHD_NO;
        atomic_init(&req->refs, 1);
        req->conn = conn;
        req->cx = cx;
        req->fd = -1;
        req->t0_mono = f5_obs_mono();
        *con_cls = req;
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (ci) req->fd = ci->connect_fd;
        const union MHD_ConnectionInfo *ai = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (ai && ai->client_addr) {
            const struct sockaddr *sa = ai->client_addr;
            if (sa->sa_family == AF_INET)
                inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, req->client_ip,
                          sizeof req->client_ip);
            else if (sa->sa_family == AF_INET6)
                inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, req->client_ip,
                          sizeof req->client_ip);
        }
        const char *rid = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Request-ID");
        if (request_id_ok(rid)) snprintf(req->request_id, sizeof req->request_id, "%s", rid);
        else if (!f5_http_random_hex(req->request_id, 16)) snprintf(req->request_id, sizeof req->request_id, "norandom");
        if (!f5_obs_traceparent_parse(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "traceparent"), &req->trace)) {
            req->trace = (f5_obs_trace){.flags = 1};
            if (!f5_http_random_hex(req->trace.trace_id, 16)) memset(req->trace.trace_id, '1', 32);
        } else {
            const char *ts = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "tracestate");
            if (ts && strlen(ts) < sizeof req->tracestate) snprintf(req->tracestate, sizeof req->tracestate, "%s", ts);
        }
        if (!f5_http_random_hex(req->trace.span_id, 8)) memset(req->trace.span_id, '1', 16);
        snprintf(req->method, sizeof req->method, "%s", method);
        f5_http_utf8_scrub(req->method);
        snprintf(req->path, sizeof req->path, "%s", url);
        f5_http_utf8_scrub(req->path); /* quoted in messages and logs */
        bool known;
        req->route = f5_http_match(method, url, req->param, sizeof req->param, &known);
        if (!req->route) {
            if (known) {
                char allow[64];
                allowed_methods(url, allow, sizeof allow);
                char msg[700];
                snprintf(msg, sizeof msg, "method %s is not allowed on %s (allowed: %s)", req->method, req->path, allow);
                json_t *e = json_pack("{s:{s:s, s:s, s:s}}", "error", "code", "method_not_allowed", "message", msg,
                                      "request_id", req->request_id);
                char *s = json_dumps(e, JSON_COMPACT);
                json_decref(e);
                struct MHD_Response *r = MHD_create_response_from_buffer(s ? strlen(s) : 0, s, MHD_RESPMEM_MUST_FREE);
                MHD_add_response_header(r, "Content-Type", "application/json");
                MHD_add_response_header(r, "Allow", allow);
                return f5_http_respond(req, 405, r);
            }
            return f5_http_error(req, 404, "not_found", NULL, "no route for %s %.200s", req->method, req->path);
        }
        /* Framing that proxies and this server could read differently
         * (request smuggling) is refused before anything else. */
        const char *why = framing_problem(conn, version);
        if (why) return f5_http_error(req, 400, "bad_request", NULL, "%s", why);
        /* The auth step: who is calling, may they call this route, is
         * their bucket empty? Handlers then read req->caller. */
        f5_auth_verdict v;
        f5_auth_check(cx->auth, f5_auth_route_scope(req->route->method, req->route->pattern),
                      MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
                      MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-API-Key"), f5_obs_mono(), &req->caller, &v);
        if (!v.status && !req->caller.authenticated)
            f5_auth_check_ip(cx->auth, req->client_ip, cx->cfg->ip_rate, f5_obs_mono(), &v);
        if (v.status) {
            if (v.status == 429) f5_obs_inc(cx->metrics, F5_OBS_RATE_LIMITED, v.code, NULL);
            req->retry_after_s = v.retry_after_s;
            req->www_authenticate = v.status == 401;
            /* A refused request with a (bounded) body is answered once the body is read and
             * discarded, so clients that send it all before reading see the answer, not EPIPE. */
            const char *bl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (req->route->takes_body && bl && strtoll(bl, NULL, 10) > 0 &&
                strtoll(bl, NULL, 10) <= cx->cfg->max_body_bytes) {
                req->deferred = v;
                return MHD_YES;
            }
            return f5_http_error(req, v.status, v.code, NULL, "%s", v.message);
        }
        /* Over the limit: a body up to twice the limit is read and discarded
         * so that clients that do not wait for the response before sending
         * (no Expect: 100-continue) still see the 413; a bigger one is cut. */
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        long long cln = cl ? strtoll(cl, NULL, 10) : 0;
        if (cln > cx->cfg->max_body_bytes) {
            req->body_too_large = true;
            if (cln > 2 * cx->cfg->max_body_bytes)
                return f5_http_error(req, 413, "body_too_large", NULL, "request body of %lld bytes exceeds the limit of %lld",
                                     cln, cx->cfg->max_body_bytes);
        }
        if (req->route->takes_body && req->route->handler == f5_route_tts) return f5_route_tts_begin(cx, req);
        return MHD_YES;
    }
    if (*upload_size) {
        size_t n = *upload_size;
        *upload_size = 0;
        if (req->responded) return MHD_YES;
        req->body_bytes += (long long)n;
        if (req->body_bytes > cx->cfg->max_body_bytes) req->body_too_large = true;
        if (req->body_bytes > 2 * cx->cfg->max_body_bytes)
            return f5_http_error(req, 413, "body_too_large", NULL, "request body exceeds the limit of %lld bytes",
                                 cx->cfg->max_body_bytes);
        if (req->route->takes_body && !req->body_too_large && !req->deferred.status) {
            if (req->route->handler == f5_route_tts) f5_route_tts_body(cx, req, upload_data, n);
            else if (!body_append(req, upload_data, n))
                return f5_http_error(req, 500, "out_of_memory", NULL, "cannot buffer a request body of %lld bytes",
                                     req->body_bytes);
        }
        return MHD_YES;
    }
    if (req->responded) return MHD_YES;
    if (req->deferred.status)
        return f5_http_error(req, req->deferred.status, req->deferred.code, NULL, "%s", req->deferred.message);
    if (req->body_too_large)
        return f5_http_error(req, 413, "body_too_large", NULL, "request body of %lld bytes exceeds the limit of %lld",
                             req->body_bytes, cx->cfg->max_body_bytes);
    req->t_body_done_mono = f5_obs_mono();
    return req->route->handler(cx, req);
}

/* The request's server span: the caller's span (traceparent) is its parent. */
/* Probes and scrapes (/healthz, /readyz, /metrics) get a span only when
 * the caller asked for one with a traceparent: they come every few seconds. */
static bool request_traced(const f5_http_req *req) {
    if (req->trace.parent_id[0] || !req->route) return true;
    const char *p = req->route->pattern;
    return strcmp(p, "/healthz") && strcmp(p, "/readyz") && strcmp(p, "/metrics");
}

static void request_span(f5_obs_tracer *tracer, const f5_http_req *req) {
    const char *route = req->route ? req->route->pattern : "unmatched";
    char name[F5_OBS_SPAN_NAME_LEN];
    snprintf(name, sizeof name, "%s %s", req->method, route);
    f5_obs_span s;
    f5_obs_span_begin(&s, req->trace.trace_id, req->trace.parent_id, name, F5_OBS_SPAN_SERVER,
                      f5_obs_mono_to_unix_ns(req->t0_mono));
    memcpy(s.span_id, req->trace.span_id, sizeof s.span_id); /* the id the response's traceparent and logs carry */
    f5_obs_span_str(&s, "http.request.method", req->method);
    f5_obs_span_str(&s, "http.route", route);
    f5_obs_span_int(&s, "http.response.status_code", req->status);
    f5_obs_span_str(&s, "f5.request_id", req->request_id);
    if (req->job_id[0]) f5_obs_span_str(&s, "f5.job.id", req->job_id);
    if (req->body_bytes) f5_obs_span_int(&s, "http.request.body.size", req->body_bytes);
    if (req->status >= 500) f5_obs_span_error(&s, "server error");
    f5_obs_span_end(&s, 0);
    f5_obs_tracer_submit(tracer, &s);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe) {
    const f5_http_ctx *cx = cls;
    f5_http_req *req = *con_cls;
    if (!req) return;
    *con_cls = NULL;
    double ms = (f5_obs_mono() - req->t0_mono) * 1000.0;
    f5_obs_metrics_http(cx->metrics, req->route ? req->route->pattern : "", req->status, ms / 1000.0);
    json_t *ev = json_pack("{s:s, s:s, s:s, s:s, s:i, s:f, s:I}", "request_id", req->request_id, "method", req->method,
                           "path", req->path, "route", req->route ? req->route->pattern : "", "status", req->status,
                           "latency_ms", ms, "body_bytes", (json_int_t)req->body_bytes);
    if (req->job_id[0]) json_object_set_new(ev, "job_id", json_string(req->job_id));
    json_object_set_new(ev, "trace_id", json_string(req->trace.trace_id));
    json_object_set_new(ev, "span_id", json_string(req->trace.span_id));
    if (req->trace.parent_id[0]) json_object_set_new(ev, "parent_span_id", json_string(req->trace.parent_id));
    if (req->first_byte_ms > 0) json_object_set_new(ev, "first_byte_ms", json_real(req->first_byte_ms));
    if (req->tail_ms >= 0 && req->stream_ok) json_object_set_new(ev, "tail_ms", json_real(req->tail_ms));
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK) {
        static const char *const why[] = {"ok", "error", "timeout", "shutdown", "read_error", "client_abort"};
        json_object_set_new(ev, "terminated", json_string((unsigned)toe < 6 ? why[toe] : "other"));
    }
    char mv[256];
    f5_svc_model_version(cx->svc, mv, sizeof mv);
    json_object_set_new(ev, "model_version", json_string(mv));
    f5_obs_event(cx->log, req->status >= 500 ? "warn" : "info", "request", ev);
    if (cx->tracer && (req->trace.flags & 1) && request_traced(req)) request_span(cx->tracer, req);
    f5_http_req_unref(req);
}

static void mhd_log(void *cls, const char *fmt, va_list ap) {
    const f5_http_ctx *cx = cls;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r')) msg[--n] = 0;
    f5_obs_msgf(cx->log, "warn", "http", "%s", msg);
}

f5_status f5_http_start(const f5_http_ctx *cx_in, f5_http_server **out, f5_error *err) {
    *out = NULL;
    f5_http_server *h = calloc(1, sizeof *h);
    if (!h) return f5_errf(err, F5_ERR_NOMEM, "http: out of memory");
    h->cx = *cx_in;
    const f5_http_ctx *cx = &h->cx;
    const f5_svc_config *cfg = cx_in->cfg; /* outlives h */
    f5_status st;
    bool tls = cfg->tls_cert[0] != 0;
    if (tls) {
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            server_free(h);
            return f5_errf(err, F5_ERR_UNSUPPORTED,
                           "--tls-cert: this libmicrohttpd was built without TLS (it needs the GnuTLS build, Debian's "
                           "libmicrohttpd12); serve plain HTTP behind a TLS gateway instead");
        }
        if ((st = read_pem("--tls-cert", cfg->tls_cert, &h->tls_cert, err)) ||
            (st = read_pem("--tls-key", cfg->tls_key, &h->tls_key, err)) ||
            (st = check_tls_pair(cfg, h->tls_cert, h->tls_key, err))) {
            server_free(h);
            return st;
        }
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE}, *ai = NULL;
    char port[16];
    snprintf(port, sizeof port, "%d", cfg->port);
    const char *host = cfg->host;
    if (!strcmp(host, "*") || !strcmp(host, "0.0.0.0")) host = "0.0.0.0";
    char h6[256];
    if (host[0] == '[') { /* [::1] */
        snprintf(h6, sizeof h6, "%s", host + 1);
        char *e = strchr(h6, ']');
        if (e) *e = 0;
        host = h6;
    }
    int gai = getaddrinfo(host, port, &hints, &ai);
    if (gai != 0 || !ai) {
        server_free(h);
        return f5_errf(err, F5_ERR_INVALID_ARG, "--listen %s: cannot resolve host: %s", cfg->listen, gai_strerror(gai));
    }
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
    if (tls) flags |= MHD_USE_TLS;
    struct MHD_OptionItem tls_opts[] = {
        {tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, h->tls_cert},
        {MHD_OPTION_HTTPS_MEM_KEY, 0, h->tls_key},
        {MHD_OPTION_END, 0, NULL},
    };
    h->d = MHD_start_daemon(flags, (uint16_t)cfg->port, NULL, NULL, on_access, (void *)cx, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, (void *)cx, MHD_OPTION_SOCK_ADDR,
                            ai->ai_addr, MHD_OPTION_NOTIFY_COMPLETED, on_completed, (void *)cx,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_connections,
                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->client_timeout_s,
                            MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->max_connections_per_ip,
                            MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_ARRAY, tls_opts,
                            MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!h->d) {
        server_free(h);
        return f5_errf(err, F5_ERR_IO, "--listen %s: cannot start the %s server (address in use or not permitted?)",
                       cfg->listen, tls ? "HTTPS" : "HTTP");
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    h->port = di ? di->port : cfg->port;
    *out = h;
    return F5_OK;
}

int f5_http_port(const f5_http_server *h) {
    return h ? h->port : 0;
}

void f5_http_quiesce(f5_http_server *h) {
    if (!h || h->quiesced) return;
    h->quiesced = true;
    MHD_socket fd = MHD_quiesce_daemon(h->d);
    if (fd != MHD_INVALID_SOCKET) close(fd);
}

void f5_http_stop(f5_http_server *h) {
    if (!h) return;
    MHD_stop_daemon(h->d);
    server_free(h);
}
