/* metrics.h - a handful of process counters rendered as Prometheus text.
 * All updates are lock-free atomics; one instance per service.
 */
#ifndef F5_OBS_METRICS_H
#define F5_OBS_METRICS_H

#include <stdatomic.h>
#include <stddef.h>

enum { F5_METRIC_HTTP_CLASSES = 6 }; /* 1xx..5xx + other */
enum { F5_METRIC_JOB_STATES = 3 };   /* succeeded, failed, cancelled */

typedef struct f5_obs_metrics {
    atomic_ullong http_requests[F5_METRIC_HTTP_CLASSES];
    atomic_ullong jobs_finished[F5_METRIC_JOB_STATES];
    atomic_ullong jobs_accepted;
    atomic_ullong jobs_rejected_full;
    atomic_llong jobs_running;
    atomic_ullong audio_ms_total;   /* synthesised audio, milliseconds */
    atomic_ullong synth_ms_total;   /* wall time in synthesis, milliseconds */
    atomic_int ready;
} f5_obs_metrics;

void f5_obs_metrics_init(f5_obs_metrics *m);
void f5_obs_metrics_http(f5_obs_metrics *m, int status);
/* state: 0 succeeded, 1 failed, 2 cancelled */
void f5_obs_metrics_job(f5_obs_metrics *m, int state, double audio_s, double wall_s);
/* Prometheus exposition text; queued is sampled by the caller. Caller frees. */
char *f5_obs_metrics_text(f5_obs_metrics *m, long long queued);

#endif
