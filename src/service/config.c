/* config.c - service configuration from defaults, environment and flags.
 * One static table lists every option with its flag, environment variable,
 * type, field and help line; parsing, usage and the JSON dump all walk it.
 */
#include "service/config.h"

#include "core/error.h"
#include "service/obs/log.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { OPT_STR, OPT_INT, OPT_LL, OPT_DBL, OPT_BOOL } opt_type;

typedef struct {
    const char *flag;     /* without "--" */
    const char *env;      /* primary env var or NULL */
    const char *env_alt;  /* secondary env var (lower priority) or NULL */
    opt_type type;
    size_t off;
    size_t size;          /* for strings */
    const char *help;
} opt_def;

#define F(field) offsetof(f5_svc_config, field), sizeof(((f5_svc_config *)0)->field)

static const opt_def opts[] = {
    {"listen", "F5_LISTEN", NULL, OPT_STR, F(listen), "host:port to listen on (127.0.0.1:8080)"},
    {"data", "F5_DATA_DIR", NULL, OPT_STR, F(data_dir), "data directory: job database, blobs (./data)"},
    {"model", "CKPT_PATH", "MODEL_NAME", OPT_STR, F(model), "DiT checkpoint file or directory"},
    {"vocoder", "VOCODER_PATH", NULL, OPT_STR, F(vocoder), "Vocos directory (default: <model dir>/vocos)"},
    {"vocab", "F5_VOCAB", NULL, OPT_STR, F(vocab), "vocab.txt (default: next to the checkpoint)"},
    {"model-config", "F5_MODEL_CONFIG", NULL, OPT_STR, F(model_config), "model YAML (default: auto)"},
    {"queue", "F5_QUEUE", NULL, OPT_STR, F(queue), "job queue: sqlite:PATH (default sqlite:<data>/jobs.db) or redis://[user:pass@]host:port[/db][?prefix=&visibility=&max_attempts=&ttl=]"},
    {"storage", "F5_STORAGE", NULL, OPT_STR, F(storage), "blob storage: fs:DIR (default fs:<data>/blobs) or s3://bucket[/prefix][?endpoint=URL&region=R&presign=S&retries=N] (AWS_* credentials)"},
    {"role", "F5_ROLE", NULL, OPT_STR, F(role_name), "all | api | worker (all)"},
    {"device", "DEVICE", NULL, OPT_STR, F(device_name), "auto | cpu | cuda (auto)"},
    {"dtype", "F5_DTYPE", NULL, OPT_STR, F(dtype), "fp32 | bf16: precision of the DiT's products (fp32)"},
    {"model-label", "F5_MODEL_LABEL", NULL, OPT_STR, F(model_label), "label shown in logs and the UI"},
    {"test-model", "F5_TEST_MODEL", NULL, OPT_BOOL, F(test_model), "the model is the random-weight test model"},
    {"concurrency", "F5_CONCURRENCY", NULL, OPT_INT, F(concurrency), "concurrent syntheses (1)"},
    {"max-batch", "F5_MAX_BATCH", NULL, OPT_INT, F(max_batch), "continuous batching: chunks sharing each DiT step, > 1 also runs that many jobs at once (1 = off)"},
    {"batch-frames", "F5_BATCH_FRAMES", NULL, OPT_LL, F(batch_frames), "batching memory budget: chunks in flight x mel frames, 0 = none (0)"},
    {"max-queue", "F5_MAX_QUEUE", NULL, OPT_INT, F(max_queue), "queued jobs before 503 (32)"},
    {"threads", "F5_THREADS", NULL, OPT_INT, F(threads), "threads per synthesis, 0 = all cores (0)"},
    {"max-body-bytes", "F5_MAX_BODY_BYTES", NULL, OPT_LL, F(max_body_bytes), "request body limit (20 MiB)"},
    {"max-text-chars", "F5_MAX_TEXT_CHARS", NULL, OPT_INT, F(max_text_chars), "text length limit (5000)"},
    {"max-ref-seconds", "F5_MAX_REF_SECONDS", NULL, OPT_DBL, F(max_ref_seconds), "longest reference upload (60)"},
    {"min-ref-seconds", "F5_MIN_REF_SECONDS", NULL, OPT_DBL, F(min_ref_seconds), "shortest reference (0.3)"},
    {"request-timeout", "F5_REQUEST_TIMEOUT", NULL, OPT_DBL, F(request_timeout_s), "seconds per synthesis, 0 = none (600)"},
    {"result-ttl", "F5_RESULT_TTL", NULL, OPT_DBL, F(result_ttl_s), "seconds results are kept (86400)"},
    {"shutdown-grace", "F5_SHUTDOWN_GRACE", NULL, OPT_DBL, F(shutdown_grace_s), "seconds running jobs get on SIGTERM (20)"},
    {"retry-after", "F5_RETRY_AFTER", NULL, OPT_INT, F(retry_after_s), "Retry-After seconds on 503 (5)"},
    {"max-connections", "F5_MAX_CONNECTIONS", NULL, OPT_INT, F(max_connections), "open connections (256)"},
    {"nfe", "NFE_STEP", NULL, OPT_INT, F(default_nfe), "default NFE steps (32)"},
    {"cfg", "CFG_STRENGTH", NULL, OPT_DBL, F(default_cfg), "default CFG strength (2)"},
    {"warmup", "F5_WARMUP", NULL, OPT_BOOL, F(warmup), "warm-up synthesis before ready (true)"},
    {"log-level", "F5_LOG_LEVEL", NULL, OPT_STR, F(log_level), "debug | info | warn | error (info)"},
    {"log-format", "F5_LOG_FORMAT", NULL, OPT_STR, F(log_format), "json | text (json)"},
    {"otlp-endpoint", "F5_OTLP_ENDPOINT", NULL, OPT_STR, F(otlp_endpoint), "OTLP/HTTP trace receiver, e.g. http://127.0.0.1:4318 (spans POSTed as JSON to URL/v1/traces; off when empty)"},
    {"auth", "F5_AUTH", NULL, OPT_STR, F(auth), "API keys required: on | off | auto (auto: off only on loopback with no keys)"},
    {"auth-off-public", "F5_AUTH_OFF_PUBLIC", NULL, OPT_BOOL, F(auth_off_public), "allow --auth off on a non-loopback address (unsafe)"},
    {"max-concurrent", "F5_MAX_CONCURRENT", NULL, OPT_INT, F(max_concurrent), "queued+running jobs per key without its own limit, 0 = unlimited (0)"},
    {"quota-seconds", "F5_QUOTA_SECONDS", NULL, OPT_DBL, F(quota_seconds), "audio seconds per UTC day per key without its own quota, 0 = unlimited (0)"},
    {"ip-rate", "F5_IP_RATE", NULL, OPT_DBL, F(ip_rate), "requests/min per client IP for requests without a key, 0 = unlimited (0)"},
    {"tls-cert", "F5_TLS_CERT", NULL, OPT_STR, F(tls_cert), "PEM certificate: serve HTTPS (needs --tls-key)"},
    {"tls-key", "F5_TLS_KEY", NULL, OPT_STR, F(tls_key), "PEM private key for --tls-cert"},
    {"retain-inputs", "F5_RETAIN_INPUTS", NULL, OPT_BOOL, F(retain_inputs), "keep uploaded references after their job (false)"},
    {"keys-backend", "F5_KEYS_BACKEND", NULL, OPT_STR, F(keys_backend), "API keys from: file (DATA/keys.json) | redis (the --queue Redis; f5tts keys --redis URL) (file)"},
    {"client-timeout", "F5_CLIENT_TIMEOUT", NULL, OPT_INT, F(client_timeout_s), "seconds a connection may sit idle mid-request (30)"},
    {"max-connections-per-ip", "F5_MAX_CONNECTIONS_PER_IP", NULL, OPT_INT, F(max_connections_per_ip), "open connections per client address, 0 = unlimited (0)"},
    {"asr-url", "F5_ASR_URL", NULL, OPT_STR, F(asr_url), "OpenAI-compatible transcription service for references without ref_text (e.g. http://127.0.0.1:8081; POST /v1/audio/transcriptions; bearer key from F5_ASR_API_KEY)"},
    {"asr-timeout", "F5_ASR_TIMEOUT", NULL, OPT_DBL, F(asr_timeout_s), "seconds per transcription request (30)"},
    {"asr-model", "F5_ASR_MODEL", NULL, OPT_STR, F(asr_model), "model name sent to the transcription service (whisper-1)"},
    {"strict-voices", "F5_STRICT_VOICES", NULL, OPT_BOOL, F(strict_voices), "refuse voice enrolments whose quality report has warnings"},
};
#define N_OPTS (sizeof opts / sizeof opts[0])

void f5_svc_config_defaults(f5_svc_config *c) {
    memset(c, 0, sizeof *c);
    snprintf(c->listen, sizeof c->listen, "127.0.0.1:8080");
    snprintf(c->data_dir, sizeof c->data_dir, "./data");
    snprintf(c->role_name, sizeof c->role_name, "all");
    snprintf(c->log_level, sizeof c->log_level, "info");
    snprintf(c->log_format, sizeof c->log_format, "json");
    snprintf(c->device_name, sizeof c->device_name, "auto");
    snprintf(c->dtype, sizeof c->dtype, "fp32");
    c->concurrency = 1;
    c->max_batch = 1;
    c->max_queue = 32;
    c->max_body_bytes = 20LL << 20;
    c->max_text_chars = 5000;
    c->max_ref_seconds = 60;
    c->min_ref_seconds = 0.3;
    c->request_timeout_s = 600;
    c->result_ttl_s = 86400;
    c->shutdown_grace_s = 20;
    c->retry_after_s = 5;
    c->max_connections = 256;
    c->default_nfe = 32;
    c->default_cfg = 2.0;
    c->warmup = true;
    snprintf(c->auth, sizeof c->auth, "auto");
    c->client_timeout_s = 30;
    snprintf(c->keys_backend, sizeof c->keys_backend, "file");
    c->asr_timeout_s = 30;
    snprintf(c->asr_model, sizeof c->asr_model, "whisper-1");
}

static bool parse_bool(const char *s, bool *out) {
    if (!strcmp(s, "1") || !strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on")) {
        *out = true;
        return true;
    }
    if (!strcmp(s, "0") || !strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off")) {
        *out = false;
        return true;
    }
    return false;
}

/* Store value v into option o; `who` names the source for the message. */
static f5_status set_opt(f5_svc_config *c, const opt_def *o, const char *v, const char *who, f5_error *err) {
    char *p = (char *)c + o->off;
    char *end = NULL;
    errno = 0;
    switch (o->type) {
    case OPT_STR:
        if (strlen(v) >= o->size) return f5_errf(err, F5_ERR_INVALID_ARG, "%s: value longer than %zu bytes", who, o->size - 1);
        memcpy(p, v, strlen(v) + 1);
        return F5_OK;
    case OPT_INT: {
        long x = strtol(v, &end, 10);
        if (!*v || *end || errno || x < -2147483647L || x > 2147483647L)
            return f5_errf(err, F5_ERR_INVALID_ARG, "%s: expected an integer, got '%s'", who, v);
        *(int *)p = (int)x;
        return F5_OK;
    }
    case OPT_LL: {
        long long x = strtoll(v, &end, 10);
        if (!*v || *end || errno) return f5_errf(err, F5_ERR_INVALID_ARG, "%s: expected an integer, got '%s'", who, v);
        *(long long *)p = x;
        return F5_OK;
    }
    case OPT_DBL: {
        double x = strtod(v, &end);
        if (!*v || *end || errno || !isfinite(x))
            return f5_errf(err, F5_ERR_INVALID_ARG, "%s: expected a number, got '%s'", who, v);
        *(double *)p = x;
        return F5_OK;
    }
    case OPT_BOOL:
        if (!parse_bool(v, (bool *)p))
            return f5_errf(err, F5_ERR_INVALID_ARG, "%s: expected true/false, got '%s'", who, v);
        return F5_OK;
    }
    return f5_errf(err, F5_ERR_INTERNAL, "config: bad option type");
}

f5_status f5_svc_config_env(f5_svc_config *c, f5_error *err) {
    for (size_t i = 0; i < N_OPTS; i++) {
        const char *names[2] = {opts[i].env_alt, opts[i].env}; /* alt first so the primary wins */
        for (int k = 0; k < 2; k++) {
            const char *v = names[k] ? getenv(names[k]) : NULL;
            if (!v || !*v) continue;
            char who[96];
            snprintf(who, sizeof who, "environment %s", names[k]);
            f5_status st = set_opt(c, &opts[i], v, who, err);
            if (st) return st;
        }
    }
    return F5_OK;
}

f5_status f5_svc_config_args(f5_svc_config *c, int argc, char **argv, bool *help, f5_error *err) {
    *help = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            *help = true;
            return F5_OK;
        }
        if (strncmp(a, "--", 2) != 0) return f5_errf(err, F5_ERR_INVALID_ARG, "unexpected argument '%s'", a);
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
        const opt_def *o = NULL;
        bool negated = false;
        for (size_t k = 0; k < N_OPTS && !o; k++) {
            if (strlen(opts[k].flag) == nlen && !strncmp(opts[k].flag, name, nlen)) o = &opts[k];
            else if (opts[k].type == OPT_BOOL && nlen == strlen(opts[k].flag) + 3 && !strncmp(name, "no-", 3) &&
                     !strncmp(name + 3, opts[k].flag, nlen - 3)) {
                o = &opts[k];
                negated = true;
            }
        }
        if (!o) return f5_errf(err, F5_ERR_INVALID_ARG, "unknown option '--%.*s' (see --help)", (int)nlen, name);
        char who[96];
        snprintf(who, sizeof who, "--%s", o->flag);
        const char *v;
        if (eq) v = eq + 1;
        else if (o->type == OPT_BOOL) v = negated ? "false" : "true";
        else if (i + 1 < argc) v = argv[++i];
        else return f5_errf(err, F5_ERR_INVALID_ARG, "%s: missing value", who);
        f5_status st = set_opt(c, o, v, who, err);
        if (st) return st;
    }
    return F5_OK;
}

f5_status f5_svc_config_finish(f5_svc_config *c, f5_error *err) {
    if (!strcmp(c->role_name, "all")) c->role = F5_SVC_ROLE_ALL;
    else if (!strcmp(c->role_name, "api")) c->role = F5_SVC_ROLE_API;
    else if (!strcmp(c->role_name, "worker")) c->role = F5_SVC_ROLE_WORKER;
    else return f5_errf(err, F5_ERR_INVALID_ARG, "--role: expected all, api or worker, got '%s'", c->role_name);
    if (f5_obs_level_parse(c->log_level) < 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "--log-level: expected debug, info, warn or error, got '%s'", c->log_level);
    if (strcmp(c->log_format, "json") && strcmp(c->log_format, "text"))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--log-format: expected json or text, got '%s'", c->log_format);
    if (c->otlp_endpoint[0] && strncmp(c->otlp_endpoint, "http://", 7) && strncmp(c->otlp_endpoint, "https://", 8))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--otlp-endpoint: expected an http:// or https:// URL, got '%s'",
                       c->otlp_endpoint);
    f5_precision prec;
    if (!f5_precision_parse(c->dtype, &prec))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--dtype: expected fp32 or bf16, got '%s'", c->dtype);
    if (strcmp(c->device_name, "auto") && strcmp(c->device_name, "cpu") && strcmp(c->device_name, "cuda"))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--device: expected auto, cpu or cuda, got '%s'", c->device_name);
    const char *colon = strrchr(c->listen, ':');
    if (!colon || colon == c->listen || (size_t)(colon - c->listen) >= sizeof c->host)
        return f5_errf(err, F5_ERR_INVALID_ARG, "--listen: expected host:port, got '%s'", c->listen);
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535 || colon[1] == 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "--listen: bad port in '%s'", c->listen);
    memcpy(c->host, c->listen, (size_t)(colon - c->listen));
    c->host[colon - c->listen] = 0;
    c->port = (int)port;
    if (strcmp(c->auth, "on") && strcmp(c->auth, "off") && strcmp(c->auth, "auto"))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--auth: expected on, off or auto, got '%s'", c->auth);
    if (!strcmp(c->auth, "off") && !c->auth_off_public && strncmp(c->host, "127.", 4) && strcmp(c->host, "[::1]") &&
        strcmp(c->host, "::1") && strcasecmp(c->host, "localhost"))
        return f5_errf(err, F5_ERR_INVALID_ARG,
                       "--auth off on the non-loopback address '%s' lets anyone synthesise and read every job; "
                       "add --auth-off-public to do it anyway", c->host);
    if (!c->queue[0] && (size_t)snprintf(c->queue, sizeof c->queue, "sqlite:%s/jobs.db", c->data_dir) >= sizeof c->queue)
        return f5_errf(err, F5_ERR_INVALID_ARG, "--data: path too long");
    if (!c->storage[0] && (size_t)snprintf(c->storage, sizeof c->storage, "fs:%s/blobs", c->data_dir) >= sizeof c->storage)
        return f5_errf(err, F5_ERR_INVALID_ARG, "--data: path too long");
    struct { const char *name; double v, lo, hi; } ranges[] = {
        {"--concurrency", c->concurrency, 1, 64},
        {"--max-batch", c->max_batch, 1, 256},
        {"--batch-frames", (double)c->batch_frames, 0, 1e12},
        {"--max-queue", c->max_queue, 0, 1e6},
        {"--threads", c->threads, 0, 1024},
        {"--max-body-bytes", (double)c->max_body_bytes, 1024, 1e10},
        {"--max-text-chars", c->max_text_chars, 1, 1e7},
        {"--max-ref-seconds", c->max_ref_seconds, 0.1, 3600},
        {"--min-ref-seconds", c->min_ref_seconds, 0, 60},
        {"--request-timeout", c->request_timeout_s, 0, 1e6},
        {"--result-ttl", c->result_ttl_s, 1, 1e9},
        {"--shutdown-grace", c->shutdown_grace_s, 0, 3600},
        {"--retry-after", c->retry_after_s, 1, 3600},
        {"--max-connections", c->max_connections, 4, 100000},
        {"--nfe", c->default_nfe, 1, 256},
        {"--cfg", c->default_cfg, 0, 20},
        {"--max-concurrent", c->max_concurrent, 0, 1e6},
        {"--quota-seconds", c->quota_seconds, 0, 1e9},
        {"--ip-rate", c->ip_rate, 0, 1e9},
        {"--client-timeout", c->client_timeout_s, 1, 3600},
        {"--max-connections-per-ip", c->max_connections_per_ip, 0, 100000},
        {"--asr-timeout", c->asr_timeout_s, 0.1, 3600},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (!(ranges[i].v >= ranges[i].lo && ranges[i].v <= ranges[i].hi))
            return f5_errf(err, F5_ERR_INVALID_ARG, "%s: %g is outside [%g, %g]", ranges[i].name, ranges[i].v,
                           ranges[i].lo, ranges[i].hi);
    if (strcmp(c->keys_backend, "file") && strcmp(c->keys_backend, "redis"))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--keys-backend: expected file or redis, got '%s'", c->keys_backend);
    if (!strcmp(c->keys_backend, "redis") && strncmp(c->queue, "redis://", 8))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--keys-backend redis keeps the keys on the --queue Redis: give --queue redis://...");
    if (!c->tls_cert[0] != !c->tls_key[0])
        return f5_errf(err, F5_ERR_INVALID_ARG, "--tls-cert and --tls-key go together (got only %s)",
                       c->tls_cert[0] ? "--tls-cert" : "--tls-key");
    if (strncmp(c->queue, "sqlite:", 7) != 0 && strncmp(c->queue, "redis://", 8) != 0)
        return f5_errf(err, F5_ERR_UNSUPPORTED,
                       "--queue: '%s' is not supported (expected sqlite:PATH or redis://[user:pass@]host:port[/db])",
                       c->queue);
    if (strncmp(c->storage, "fs:", 3) != 0 && strncmp(c->storage, "s3://", 5) != 0)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "--storage: '%s' is not supported (expected fs:DIR or s3://bucket[/prefix])",
                       c->storage);
    if (c->asr_url[0] && strncmp(c->asr_url, "http://", 7) != 0 && strncmp(c->asr_url, "https://", 8) != 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "--asr-url: '%s' is not an http:// or https:// URL", c->asr_url);
    return F5_OK;
}

void f5_svc_config_usage(FILE *f) {
    fprintf(f, "usage: f5tts serve [options]   (flags override environment variables, which override defaults)\n\n");
    for (size_t i = 0; i < N_OPTS; i++) {
        char env[96] = "";
        if (opts[i].env) snprintf(env, sizeof env, "[%s%s%s]", opts[i].env, opts[i].env_alt ? ", " : "",
                                  opts[i].env_alt ? opts[i].env_alt : "");
        fprintf(f, "  --%-18s %s %s\n", opts[i].flag, opts[i].help, env);
    }
}

/* "scheme://user:secret@host" -> "scheme://user:***@host". */
static void redact_url(const char *in, char *out, size_t n) {
    snprintf(out, n, "%s", in);
    char *scheme = strstr(out, "://");
    if (!scheme) return;
    char *at = strchr(scheme + 3, '@');
    char *colon = strchr(scheme + 3, ':');
    if (at && colon && colon < at) {
        char tail[F5_SVC_STR + 8];
        snprintf(tail, sizeof tail, "%s", at);
        snprintf(colon + 1, n - (size_t)(colon + 1 - out), "***%s", tail);
    }
}

json_t *f5_svc_config_json(const f5_svc_config *c) {
    json_t *o = json_object();
    for (size_t i = 0; i < N_OPTS; i++) {
        const char *p = (const char *)c + opts[i].off;
        json_t *v = NULL;
        switch (opts[i].type) {
        case OPT_STR: {
            char buf[F5_SVC_STR + 8];
            redact_url(p, buf, sizeof buf);
            v = json_string(buf);
            break;
        }
        case OPT_INT: v = json_integer(*(const int *)p); break;
        case OPT_LL: v = json_integer(*(const long long *)p); break;
        case OPT_DBL: v = json_real(*(const double *)p); break;
        case OPT_BOOL: v = json_boolean(*(const bool *)p); break;
        }
        if (v) json_object_set_new(o, opts[i].flag, v);
    }
    return o;
}
