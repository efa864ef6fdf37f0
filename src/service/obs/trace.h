/* trace.h - W3C Trace Context (traceparent) parsing and formatting.
 *
 * A request that carries a valid `traceparent` continues that trace: its
 * trace id is kept and the caller's span id becomes the parent of the
 * request's own span; otherwise a new trace id is drawn. The ids go into
 * log lines (trace_id, span_id) and back out in the response's traceparent.
 * `tracestate` is opaque and passed through unchanged by the caller.
 */
#ifndef F5_OBS_TRACE_H
#define F5_OBS_TRACE_H

#include <stdbool.h>

typedef struct f5_obs_trace {
    char trace_id[33];   /* 32 lowercase hex */
    char parent_id[17];  /* caller's span, "" when the trace starts here */
    char span_id[17];    /* this service's span */
    unsigned flags;      /* trace-flags byte (bit 0: sampled) */
} f5_obs_trace;

/* Parse a traceparent header value ("00-<trace 32 hex>-<span 16 hex>-<2 hex>",
 * later versions accepted on their first four fields, version ff and
 * all-zero ids rejected). Fills trace_id, parent_id and flags; false when
 * the value is absent or malformed (the spec says: start a new trace). */
bool f5_obs_traceparent_parse(const char *value, f5_obs_trace *t);

/* "00-<trace>-<span>-<flags>" into buf (>= 56 bytes). */
void f5_obs_traceparent_format(const f5_obs_trace *t, char *buf, unsigned long n);

#endif
