/* otlp_json.c - the OTLP/HTTP JSON body for a batch of spans (see otlp_json.h). */
#include "service/obs/otlp_json.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>

static json_t *kv_str(const char *k, const char *v) {
    return json_pack("{s:s, s:{s:s}}", "key", k, "value", "stringValue", v ? v : "");
}

static json_t *attr_json(const f5_obs_attr *a) {
    char n[32];
    switch (a->type) {
    case F5_OBS_ATTR_INT:
        snprintf(n, sizeof n, "%lld", a->i);
        return json_pack("{s:s, s:{s:s}}", "key", a->key, "value", "intValue", n);
    case F5_OBS_ATTR_DOUBLE:
        if (!isfinite(a->d)) { /* JSON has no NaN/Inf: spelt as a string */
            snprintf(n, sizeof n, "%s", isnan(a->d) ? "NaN" : a->d > 0 ? "Infinity" : "-Infinity");
            return json_pack("{s:s, s:{s:s}}", "key", a->key, "value", "stringValue", n);
        }
        return json_pack("{s:s, s:{s:f}}", "key", a->key, "value", "doubleValue", a->d);
    default:
        return kv_str(a->key, a->s);
    }
}

static json_t *span_json(const f5_obs_span *s) {
    char t0[24], t1[24];
    snprintf(t0, sizeof t0, "%llu", (unsigned long long)s->start_ns);
    snprintf(t1, sizeof t1, "%llu", (unsigned long long)s->end_ns);
    json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:s, s:s}", "traceId", s->trace_id, "spanId", s->span_id, "name", s->name,
                          "kind", (int)s->kind, "startTimeUnixNano", t0, "endTimeUnixNano", t1);
    if (!o) return NULL;
    if (s->parent_id[0]) json_object_set_new(o, "parentSpanId", json_string(s->parent_id));
    json_t *attrs = json_array();
    for (int i = 0; i < s->n_attrs && i < F5_OBS_SPAN_MAX_ATTRS; i++) json_array_append_new(attrs, attr_json(&s->attrs[i]));
    json_object_set_new(o, "attributes", attrs);
    json_t *st = json_pack("{s:i}", "code", (int)s->status);
    if (s->status_msg[0]) json_object_set_new(st, "message", json_string(s->status_msg));
    json_object_set_new(o, "status", st);
    return o;
}

char *f5_obs_otlp_encode(const f5_obs_resource *res, const f5_obs_span *spans, size_t n) {
    json_t *rattrs = json_array();
    json_array_append_new(rattrs, kv_str("service.name", res && res->service_name ? res->service_name : "f5tts"));
    if (res && res->service_version) json_array_append_new(rattrs, kv_str("service.version", res->service_version));
    if (res && res->instance_id) json_array_append_new(rattrs, kv_str("service.instance.id", res->instance_id));
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(arr, span_json(&spans[i]));
    json_t *doc = json_pack("{s:[{s:{s:o}, s:[{s:{s:s}, s:o}]}]}", "resourceSpans", "resource", "attributes", rattrs,
                            "scopeSpans", "scope", "name", "f5tts", "spans", arr);
    if (!doc) return NULL;
    char *out = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return out;
}
