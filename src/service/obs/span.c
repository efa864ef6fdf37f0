/* span.c - span values: ids, clocks, attributes (see span.h). */
#include "service/obs/span.h"

#include "service/obs/log.h"

#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

uint64_t f5_obs_unix_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t f5_obs_mono_to_unix_ns(double mono_s) {
    double ago = f5_obs_mono() - mono_s;
    uint64_t now = f5_obs_unix_ns();
    double ns = ago * 1e9;
    if (ns <= 0) return now + (uint64_t)(-ns); /* a time just ahead of now */
    return (uint64_t)ns >= now ? 0 : now - (uint64_t)ns;
}

bool f5_obs_random_hex(char *out, int nbytes) {
    unsigned char b[32];
    if (nbytes <= 0 || nbytes > (int)sizeof b) return false;
    for (int tries = 0; tries < 4; tries++) {
        if (RAND_bytes(b, nbytes) != 1) return false;
        bool any = false;
        for (int i = 0; i < nbytes; i++) any |= b[i] != 0;
        if (!any) continue; /* all-zero ids are invalid in W3C trace context */
        static const char hx[] = "0123456789abcdef";
        for (int i = 0; i < nbytes; i++) {
            out[2 * i] = hx[b[i] >> 4];
            out[2 * i + 1] = hx[b[i] & 15];
        }
        out[2 * nbytes] = 0;
        return true;
    }
    return false;
}

void f5_obs_span_begin(f5_obs_span *s, const char *trace_id, const char *parent_id, const char *name,
                       f5_obs_span_kind kind, uint64_t start_ns) {
    memset(s, 0, sizeof *s);
    snprintf(s->trace_id, sizeof s->trace_id, "%s", trace_id ? trace_id : "");
    snprintf(s->parent_id, sizeof s->parent_id, "%s", parent_id ? parent_id : "");
    snprintf(s->name, sizeof s->name, "%s", name ? name : "span");
    if (!f5_obs_random_hex(s->span_id, 8)) memset(s->span_id, '1', 16);
    s->kind = kind;
    s->start_ns = start_ns ? start_ns : f5_obs_unix_ns();
}

void f5_obs_span_end(f5_obs_span *s, uint64_t end_ns) {
    s->end_ns = end_ns ? end_ns : f5_obs_unix_ns();
    if (s->end_ns < s->start_ns) s->end_ns = s->start_ns;
}

static f5_obs_attr *attr_slot(f5_obs_span *s, const char *key, f5_obs_attr_type t) {
    if (s->n_attrs >= F5_OBS_SPAN_MAX_ATTRS) return NULL;
    f5_obs_attr *a = &s->attrs[s->n_attrs++];
    snprintf(a->key, sizeof a->key, "%s", key);
    a->type = t;
    return a;
}

void f5_obs_span_str(f5_obs_span *s, const char *key, const char *v) {
    f5_obs_attr *a = attr_slot(s, key, F5_OBS_ATTR_STR);
    if (a) snprintf(a->s, sizeof a->s, "%s", v ? v : "");
}

void f5_obs_span_int(f5_obs_span *s, const char *key, long long v) {
    f5_obs_attr *a = attr_slot(s, key, F5_OBS_ATTR_INT);
    if (a) a->i = v;
}

void f5_obs_span_double(f5_obs_span *s, const char *key, double v) {
    f5_obs_attr *a = attr_slot(s, key, F5_OBS_ATTR_DOUBLE);
    if (a) a->d = v;
}

void f5_obs_span_error(f5_obs_span *s, const char *msg) {
    s->status = F5_OBS_STATUS_ERROR;
    snprintf(s->status_msg, sizeof s->status_msg, "%s", msg ? msg : "");
}

void f5_obs_span_ok(f5_obs_span *s) {
    s->status = F5_OBS_STATUS_OK;
    s->status_msg[0] = 0;
}
