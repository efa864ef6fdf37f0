/* log.c - JSON log lines and clocks (see log.h). */
#include "service/obs/log.h"
#include "core/clock.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double f5_obs_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

double f5_obs_mono(void) { return f5_now_s(); }

void f5_obs_rfc3339(double epoch_s, char *buf, size_t n) {
    time_t t = (time_t)epoch_s;
    int ms = (int)((epoch_s - (double)t) * 1000.0);
    if (ms < 0) ms = 0;
    if (ms > 999) ms = 999;
    struct tm tm;
    gmtime_r(&t, &tm);
    char tmp[32];
    strftime(tmp, sizeof tmp, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf, n, "%s.%03dZ", tmp, ms);
}

int f5_obs_level_parse(const char *name) {
    static const char *const names[] = {"debug", "info", "warn", "error"};
    for (int i = 0; name && i < 4; i++)
        if (!strcmp(name, names[i])) return i;
    return -1;
}

/* Unknown level names count as info. */
static int level_of(const char *level) {
    int l = f5_obs_level_parse(level);
    return l < 0 ? 1 : l;
}

/* "ts LEVEL event k=v ..." with string values quoted when they hold a space. */
static char *text_line(json_t *o) {
    size_t cap = 512, len = 0;
    char *s = malloc(cap);
    if (!s) return NULL;
    s[0] = 0;
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        char *val = NULL;
        if (json_is_string(v)) {
            const char *sv = json_string_value(v);
            val = strpbrk(sv, " \t\"=") ? json_dumps(v, JSON_ENCODE_ANY | JSON_ENSURE_ASCII) : strdup(sv);
        } else {
            val = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_ENSURE_ASCII);
        }
        if (!val) continue;
        int head = !strcmp(k, "ts") || !strcmp(k, "level") || !strcmp(k, "event");
        size_t need = strlen(k) + strlen(val) + 3;
        if (len + need >= cap) {
            cap = (len + need) * 2;
            char *ns = realloc(s, cap);
            if (!ns) {
                free(val);
                free(s);
                return NULL;
            }
            s = ns;
        }
        len += (size_t)snprintf(s + len, cap - len, head ? "%s%s" : "%s%s=", len ? " " : "", head ? val : k);
        if (!head) len += (size_t)snprintf(s + len, cap - len, "%s", val);
        free(val);
    }
    return s;
}

void f5_obs_event(const f5_obs_log *log, const char *level, const char *event, json_t *fields) {
    if (!log || !log->sink || level_of(level) < log->min_level) {
        json_decref(fields);
        return;
    }
    json_t *o = json_object();
    char ts[40];
    f5_obs_rfc3339(f5_obs_now(), ts, sizeof ts);
    json_object_set_new(o, "ts", json_string(ts));
    json_object_set_new(o, "level", json_string(level));
    json_object_set_new(o, "event", json_string(event));
    if (fields) json_object_update(o, fields);
    json_decref(fields);
    char *line = log->text ? text_line(o) : json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(o);
    if (line) {
        log->sink(log->user, line);
        free(line);
    }
}

void f5_obs_msgf(const f5_obs_log *log, const char *level, const char *event, const char *fmt, ...) {
    if (!log || !log->sink || level_of(level) < log->min_level) return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    f5_obs_event(log, level, event, json_pack("{s:s}", "message", msg));
}
