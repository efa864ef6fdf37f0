/* otlp_json.c - the OTLP/HTTP JSON body for a batch of spans (see otlp_json.h).
 * Written straight into one growing buffer (about 1 us per span; building
 * jansson objects first cost 12 us per span on the export thread). Strings
 * are escaped per RFC 8259 (quote, backslash, control characters); bytes
 * >= 0x80 pass through, so valid UTF-8 stays valid; doubles use %.17g and
 * non-finite ones are written as strings (JSON has no NaN). */
#include "service/obs/otlp_json.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct jbuf {
    char *s;
    size_t len, cap;
    bool oom;
} jbuf;

static void grow(jbuf *b, size_t need) {
    if (b->oom || b->len + need + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + need + 1) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->oom = true;
        return;
    }
    b->s = s;
    b->cap = cap;
}

static void raw(jbuf *b, const char *s, size_t n) {
    grow(b, n);
    if (b->oom) return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void lit(jbuf *b, const char *s) { raw(b, s, strlen(s)); }

static void fmt(jbuf *b, const char *f, ...) __attribute__((format(printf, 2, 3)));
static void fmt(jbuf *b, const char *f, ...) {
    char tmp[64];
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(tmp, sizeof tmp, f, ap);
    va_end(ap);
    if (n > 0) raw(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A JSON string literal. */
static void str(jbuf *b, const char *s) {
    grow(b, strlen(s) + 2);
    raw(b, "\"", 1);
    const char *run = s;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x20 && *p != '"' && *p != '\\') continue;
        raw(b, run, (size_t)((const char *)p - run));
        if (*p == '"') lit(b, "\\\"");
        else if (*p == '\\') lit(b, "\\\\");
        else if (*p == '\n') lit(b, "\\n");
        else if (*p == '\t') lit(b, "\\t");
        else fmt(b, "\\u%04x", *p);
        run = (const char *)p + 1;
    }
    lit(b, run);
    raw(b, "\"", 1);
}

static void kv_str(jbuf *b, const char *k, const char *v) {
    lit(b, "{\"key\":");
    str(b, k);
    lit(b, ",\"value\":{\"stringValue\":");
    str(b, v ? v : "");
    lit(b, "}}");
}

static void attr(jbuf *b, const f5_obs_attr *a) {
    switch (a->type) {
    case F5_OBS_ATTR_INT:
        lit(b, "{\"key\":");
        str(b, a->key);
        fmt(b, ",\"value\":{\"intValue\":\"%lld\"}}", a->i); /* int64 is a string in the proto3 JSON mapping */
        break;
    case F5_OBS_ATTR_DOUBLE:
        if (!isfinite(a->d)) {
            kv_str(b, a->key, isnan(a->d) ? "NaN" : a->d > 0 ? "Infinity" : "-Infinity");
            break;
        }
        lit(b, "{\"key\":");
        str(b, a->key);
        fmt(b, ",\"value\":{\"doubleValue\":%.17g}}", a->d);
        break;
    default: kv_str(b, a->key, a->s); break;
    }
}

static void span(jbuf *b, const f5_obs_span *s) {
    lit(b, "{\"traceId\":");
    str(b, s->trace_id);
    lit(b, ",\"spanId\":");
    str(b, s->span_id);
    if (s->parent_id[0]) {
        lit(b, ",\"parentSpanId\":");
        str(b, s->parent_id);
    }
    lit(b, ",\"name\":");
    str(b, s->name);
    fmt(b, ",\"kind\":%d", (int)s->kind);
    fmt(b, ",\"startTimeUnixNano\":\"%llu\"", (unsigned long long)s->start_ns);
    fmt(b, ",\"endTimeUnixNano\":\"%llu\"", (unsigned long long)s->end_ns);
    lit(b, ",\"attributes\":[");
    for (int i = 0; i < s->n_attrs && i < F5_OBS_SPAN_MAX_ATTRS; i++) {
        if (i) lit(b, ",");
        attr(b, &s->attrs[i]);
    }
    fmt(b, "],\"status\":{\"code\":%d", (int)s->status);
    if (s->status_msg[0]) {
        lit(b, ",\"message\":");
        str(b, s->status_msg);
    }
    lit(b, "}}");
}

char *f5_obs_otlp_encode(const f5_obs_resource *res, const f5_obs_span *spans, size_t n) {
    jbuf b = {0};
    grow(&b, 512 + n * 700);
    lit(&b, "{\"resourceSpans\":[{\"resource\":{\"attributes\":[");
    kv_str(&b, "service.name", res && res->service_name ? res->service_name : "f5tts");
    if (res && res->service_version) {
        lit(&b, ",");
        kv_str(&b, "service.version", res->service_version);
    }
    if (res && res->instance_id) {
        lit(&b, ",");
        kv_str(&b, "service.instance.id", res->instance_id);
    }
    lit(&b, "]},\"scopeSpans\":[{\"scope\":{\"name\":\"f5tts\"},\"spans\":[");
    for (size_t i = 0; i < n; i++) {
        if (i) lit(&b, ",");
        span(&b, &spans[i]);
    }
    lit(&b, "]}]}]}");
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
