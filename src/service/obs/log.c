/* log.c - JSON log lines and clocks (see log.h). */
#include "service/obs/log.h"
#include "core/clock.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

void f5_obs_event(const f5_obs_log *log, const char *level, const char *event, json_t *fields) {
    if (!log || !log->sink) {
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
    char *line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(o);
    if (line) {
        log->sink(log->user, line);
        free(line);
    }
}

void f5_obs_msgf(const f5_obs_log *log, const char *level, const char *event, const char *fmt, ...) {
    if (!log || !log->sink) return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    f5_obs_event(log, level, event, json_pack("{s:s}", "message", msg));
}
