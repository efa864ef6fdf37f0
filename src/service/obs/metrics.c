/* metrics.c - counters and their Prometheus text form (see metrics.h). */
#include "service/obs/metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void f5_obs_metrics_init(f5_obs_metrics *m) {
    memset(m, 0, sizeof *m);
}

void f5_obs_metrics_http(f5_obs_metrics *m, int status) {
    int cls = status / 100 - 1;
    if (cls < 0 || cls > 4) cls = 5;
    atomic_fetch_add(&m->http_requests[cls], 1);
}

void f5_obs_metrics_job(f5_obs_metrics *m, int state, double audio_s, double wall_s) {
    if (state < 0 || state >= F5_METRIC_JOB_STATES) return;
    atomic_fetch_add(&m->jobs_finished[state], 1);
    if (audio_s > 0) atomic_fetch_add(&m->audio_ms_total, (unsigned long long)(audio_s * 1000));
    if (wall_s > 0) atomic_fetch_add(&m->synth_ms_total, (unsigned long long)(wall_s * 1000));
}

char *f5_obs_metrics_text(f5_obs_metrics *m, long long queued) {
    static const char *const cls[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
    static const char *const st[] = {"succeeded", "failed", "cancelled"};
    size_t cap = 4096, len = 0;
    char *s = malloc(cap);
    if (!s) return NULL;
#define OUT(...) len += (size_t)snprintf(s + len, cap - len, __VA_ARGS__)
    OUT("# HELP f5_http_requests_total HTTP responses by status class.\n# TYPE f5_http_requests_total counter\n");
    for (int i = 0; i < F5_METRIC_HTTP_CLASSES; i++)
        OUT("f5_http_requests_total{code=\"%s\"} %llu\n", cls[i], (unsigned long long)atomic_load(&m->http_requests[i]));
    OUT("# HELP f5_jobs_finished_total Jobs by final state.\n# TYPE f5_jobs_finished_total counter\n");
    for (int i = 0; i < F5_METRIC_JOB_STATES; i++)
        OUT("f5_jobs_finished_total{state=\"%s\"} %llu\n", st[i], (unsigned long long)atomic_load(&m->jobs_finished[i]));
    OUT("# TYPE f5_jobs_accepted_total counter\nf5_jobs_accepted_total %llu\n",
        (unsigned long long)atomic_load(&m->jobs_accepted));
    OUT("# TYPE f5_jobs_rejected_queue_full_total counter\nf5_jobs_rejected_queue_full_total %llu\n",
        (unsigned long long)atomic_load(&m->jobs_rejected_full));
    OUT("# TYPE f5_jobs_running gauge\nf5_jobs_running %lld\n", (long long)atomic_load(&m->jobs_running));
    OUT("# TYPE f5_jobs_queued gauge\nf5_jobs_queued %lld\n", queued);
    OUT("# TYPE f5_audio_seconds_total counter\nf5_audio_seconds_total %.3f\n",
        atomic_load(&m->audio_ms_total) / 1000.0);
    OUT("# TYPE f5_synthesis_seconds_total counter\nf5_synthesis_seconds_total %.3f\n",
        atomic_load(&m->synth_ms_total) / 1000.0);
    OUT("# TYPE f5_ready gauge\nf5_ready %d\n", atomic_load(&m->ready));
#undef OUT
    return s;
}
