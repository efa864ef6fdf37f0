/* tracer.h - the span exporter: finished spans are copied into a bounded
 * ring buffer (never blocking the caller: a full ring drops the span and
 * counts it) and ONE background thread sends them in batches (when
 * batch_size spans are waiting, or flush_interval_s after the oldest one
 * arrived) as OTLP/HTTP JSON to {endpoint}/v1/traces with libcurl. Spans of
 * a failed POST are dropped and counted too. Counters go to the metrics
 * registry (f5tts_trace_spans_exported_total, f5tts_trace_spans_dropped_total
 * {reason}) and to f5_obs_tracer_stats. A NULL tracer means tracing is off:
 * every function accepts it and does nothing.
 */
#ifndef F5_OBS_TRACER_H
#define F5_OBS_TRACER_H

#include "f5tts.h"
#include "service/obs/log.h"
#include "service/obs/metrics.h"
#include "service/obs/otlp_json.h"
#include "service/obs/span.h"

#include <stdbool.h>

typedef struct f5_obs_tracer f5_obs_tracer;

typedef struct f5_obs_tracer_opts {
    const char *endpoint;     /* http(s)://host:port[/base]; "/v1/traces" is appended unless present */
    f5_obs_resource resource; /* strings copied */
    int capacity;             /* ring size in spans (0: 2048) */
    int batch_size;           /* spans per POST (0: 256) */
    double flush_interval_s;  /* oldest waiting span is sent within this (0: 1 s) */
    double timeout_s;         /* per POST (0: 5 s) */
    f5_obs_metrics *metrics;  /* borrowed, may be NULL */
    const f5_obs_log *log;    /* borrowed, may be NULL */
} f5_obs_tracer_opts;

typedef struct f5_obs_tracer_stats {
    unsigned long long submitted, exported, dropped_full, dropped_export, posts_failed;
    int queued;
} f5_obs_tracer_stats;

/* Validates the endpoint URL and starts the export thread. */
f5_status f5_obs_tracer_create(const f5_obs_tracer_opts *o, f5_obs_tracer **out, f5_error *err);
/* Copy a finished span in. Returns false when it was dropped (ring full or
 * tracer shutting down). Takes one short mutex; never waits for I/O. */
bool f5_obs_tracer_submit(f5_obs_tracer *t, const f5_obs_span *s);
/* Ask the thread to send what is waiting now and wait up to wait_s for the
 * ring to empty. True when it emptied. */
bool f5_obs_tracer_flush(f5_obs_tracer *t, double wait_s);
void f5_obs_tracer_stats_get(f5_obs_tracer *t, f5_obs_tracer_stats *s);
/* Send what is still waiting (stopping at the first failed POST; the rest
 * is counted dropped), stop the thread, free. */
void f5_obs_tracer_free(f5_obs_tracer *t);

#endif
