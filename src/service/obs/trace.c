/* trace.c - W3C traceparent parsing and formatting (see trace.h). */
#include "service/obs/trace.h"

#include <stdio.h>
#include <string.h>

/* n lowercase hex digits, not all zero when nonzero is set. */
static bool hex_field(const char *s, int n, bool nonzero) {
    bool any = false;
    for (int i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        if (c != '0') any = true;
    }
    return any || !nonzero;
}

bool f5_obs_traceparent_parse(const char *v, f5_obs_trace *t) {
    if (!v) return false;
    while (*v == ' ' || *v == '\t') v++;
    size_t len = strlen(v);
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t')) len--;
    if (len < 55 || v[2] != '-' || v[35] != '-' || v[52] != '-') return false;
    if (!hex_field(v, 2, false) || !strncmp(v, "ff", 2)) return false;
    if (!strncmp(v, "00", 2) && len != 55) return false;
    if (len > 55 && v[55] != '-') return false; /* a later version may append "-..." fields */
    if (!hex_field(v + 3, 32, true) || !hex_field(v + 36, 16, true) || !hex_field(v + 53, 2, false)) return false;
    memcpy(t->trace_id, v + 3, 32);
    t->trace_id[32] = 0;
    memcpy(t->parent_id, v + 36, 16);
    t->parent_id[16] = 0;
    unsigned f = 0;
    sscanf(v + 53, "%2x", &f);
    t->flags = f;
    return true;
}

void f5_obs_traceparent_format(const f5_obs_trace *t, char *buf, unsigned long n) {
    snprintf(buf, n, "00-%s-%s-%02x", t->trace_id, t->span_id, t->flags & 0xffu);
}
