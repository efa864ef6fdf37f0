/* span.h - one trace span as a plain fixed-size value (no allocation), so
 * that a finished span can be copied into the exporter's ring buffer
 * without touching the heap on the request path.
 *
 * A span has a trace id (32 hex), its own span id (16 hex, drawn at start),
 * the parent span id ("" for a root), a name, a kind (server / internal),
 * start and end times in unix nanoseconds, up to F5_OBS_SPAN_MAX_ATTRS
 * attributes (string, integer or double; never request text or audio, only
 * lengths and hashes) and a status (unset / ok / error with a message).
 * Spans are built by the service layer; the engine knows nothing of them.
 */
#ifndef F5_OBS_SPAN_H
#define F5_OBS_SPAN_H

#include <stdbool.h>
#include <stdint.h>

enum { F5_OBS_SPAN_MAX_ATTRS = 8, F5_OBS_SPAN_NAME_LEN = 64, F5_OBS_ATTR_KEY_LEN = 40, F5_OBS_ATTR_STR_LEN = 72 };

typedef enum f5_obs_span_kind { F5_OBS_SPAN_INTERNAL = 1, F5_OBS_SPAN_SERVER = 2 } f5_obs_span_kind;
typedef enum f5_obs_span_status { F5_OBS_STATUS_UNSET = 0, F5_OBS_STATUS_OK = 1, F5_OBS_STATUS_ERROR = 2 } f5_obs_span_status;
typedef enum f5_obs_attr_type { F5_OBS_ATTR_STR = 0, F5_OBS_ATTR_INT, F5_OBS_ATTR_DOUBLE } f5_obs_attr_type;

typedef struct f5_obs_attr {
    char key[F5_OBS_ATTR_KEY_LEN];
    f5_obs_attr_type type;
    char s[F5_OBS_ATTR_STR_LEN];
    long long i;
    double d;
} f5_obs_attr;

typedef struct f5_obs_span {
    char trace_id[33];
    char span_id[17];
    char parent_id[17]; /* "" = root span */
    char name[F5_OBS_SPAN_NAME_LEN];
    f5_obs_span_kind kind;
    uint64_t start_ns, end_ns; /* unix nanoseconds */
    f5_obs_span_status status;
    char status_msg[128];
    int n_attrs;
    f5_obs_attr attrs[F5_OBS_SPAN_MAX_ATTRS];
} f5_obs_span;

/* Unix time now in nanoseconds. */
uint64_t f5_obs_unix_ns(void);
/* A monotonic time (f5_obs_mono seconds) as unix nanoseconds, using the
 * current offset between the two clocks (spans are timed monotonically). */
uint64_t f5_obs_mono_to_unix_ns(double mono_s);

/* n random bytes as 2n lowercase hex digits (not all zero) into out
 * (>= 2n+1 bytes). False when no randomness is available. */
bool f5_obs_random_hex(char *out, int nbytes);

/* Start a span: ids copied (trace_id 32 hex; parent_id may be NULL or ""),
 * a fresh span id drawn, start = start_ns (0: now). */
void f5_obs_span_begin(f5_obs_span *s, const char *trace_id, const char *parent_id, const char *name,
                       f5_obs_span_kind kind, uint64_t start_ns);
/* End it (end_ns 0: now; never before the start). */
void f5_obs_span_end(f5_obs_span *s, uint64_t end_ns);

/* Attributes past F5_OBS_SPAN_MAX_ATTRS are ignored; long strings are cut. */
void f5_obs_span_str(f5_obs_span *s, const char *key, const char *v);
void f5_obs_span_int(f5_obs_span *s, const char *key, long long v);
void f5_obs_span_double(f5_obs_span *s, const char *key, double v);
/* status error with a message (NULL: none), or ok. */
void f5_obs_span_error(f5_obs_span *s, const char *msg);
void f5_obs_span_ok(f5_obs_span *s);

#endif
