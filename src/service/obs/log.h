/* log.h - structured JSON log lines. The service never prints: each event is
 * rendered as one compact JSON object ({"ts","level","event",...fields}) and
 * handed to a sink callback that the executable provides (stderr in `serve`).
 */
#ifndef F5_OBS_LOG_H
#define F5_OBS_LOG_H

#include <jansson.h>

typedef void (*f5_obs_sink_fn)(void *user, const char *line);

typedef struct f5_obs_log {
    f5_obs_sink_fn sink; /* NULL: events are dropped */
    void *user;
    int min_level;       /* events below it are dropped (0 debug .. 3 error; 0 when zeroed) */
    int text;            /* 1: "ts LEVEL event key=value ..." lines instead of JSON */
} f5_obs_log;

/* debug 0, info 1, warn 2, error 3; -1 for anything else. */
int f5_obs_level_parse(const char *name);

/* Emit one event. `fields` (may be NULL) is consumed (its reference stolen).
 * Thread-safe as long as the sink is. */
void f5_obs_event(const f5_obs_log *log, const char *level, const char *event, json_t *fields);
/* Convenience: event with a single "message" field, printf-formatted. */
void f5_obs_msgf(const f5_obs_log *log, const char *level, const char *event, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Seconds since the epoch, and a monotonic clock in seconds. */
double f5_obs_now(void);
double f5_obs_mono(void);
/* RFC 3339 UTC with milliseconds into buf (>= 32 bytes). */
void f5_obs_rfc3339(double epoch_s, char *buf, size_t n);

#endif
