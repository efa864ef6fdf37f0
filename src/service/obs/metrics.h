/* metrics.h - the service's Prometheus metrics registry.
 *
 * A fixed set of families (enum f5_obs_family), each a counter, gauge or
 * histogram with fixed buckets and at most two labels whose values come
 * from bounded sets (route patterns, status codes, job states, reasons;
 * never ids). Series are created on first use up to F5_OBS_MAX_SERIES per
 * family; a new label combination past that is folded into the label value
 * "other". Updates take one mutex per family (a few tens of ns); the render
 * function writes the Prometheus text exposition format 0.0.4 with the
 * f5tts_ prefix, unit suffixes, and NaN / +Inf spelt as Prometheus wants.
 * Process gauges (RSS, open fds, memory limit), disk space of the data and
 * model filesystems and GPU gauges (when a provider is installed) are
 * sampled at render time.
 *
 * Other modules call f5_obs_inc / f5_obs_add / f5_obs_set / f5_obs_observe
 * with a family and its label values (NULL for a family without labels).
 * A few legacy atomics below are still updated directly by the job layer.
 */
#ifndef F5_OBS_METRICS_H
#define F5_OBS_METRICS_H

#include "service/obs/gpu.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

typedef enum f5_obs_family {
    F5_OBS_HTTP_REQUESTS,      /* counter   {route, code} */
    F5_OBS_HTTP_DURATION,      /* histogram {route} seconds */
    F5_OBS_SYNTH_DURATION,     /* histogram seconds of engine wall time per job */
    F5_OBS_RTF,                /* histogram real-time factor per job */
    F5_OBS_AUDIO_SECONDS,      /* counter   seconds of audio synthesised */
    F5_OBS_NFE_STEP,           /* histogram seconds per sampling (NFE) step */
    F5_OBS_QUEUE_WAIT,         /* histogram seconds from accept to claim */
    F5_OBS_JOBS_FINISHED,      /* counter   {state} */
    F5_OBS_MODEL_LOAD,         /* gauge     seconds */
    F5_OBS_MODEL_WARMUP,       /* gauge     seconds */
    F5_OBS_STORAGE_ERRORS,     /* counter   {op} */
    F5_OBS_STORAGE_RETRIES,    /* counter   {op} */
    F5_OBS_QUEUE_ERRORS,       /* counter   {op} */
    F5_OBS_QUEUE_RETRIES,      /* counter   {op} */
    F5_OBS_RATE_LIMITED,       /* counter   {reason} */
    F5_OBS_SPANS_DROPPED,      /* counter   {reason} trace spans dropped (queue_full, export_failed) */
    F5_OBS_SPANS_EXPORTED,     /* counter   trace spans accepted by the OTLP receiver */
    F5_OBS_N_FAMILIES
} f5_obs_family;

enum { F5_OBS_MAX_SERIES = 48, F5_OBS_MAX_BUCKETS = 16, F5_OBS_LABEL_LEN = 48 };

typedef struct f5_obs_series {
    char lv[2][F5_OBS_LABEL_LEN];
    double value;                         /* counter / gauge value, histogram sum */
    unsigned long long count;             /* histogram observations */
    unsigned long long bucket[F5_OBS_MAX_BUCKETS];
} f5_obs_series;

typedef struct f5_obs_fam_state {
    pthread_mutex_t mu;
    int n;
    f5_obs_series s[F5_OBS_MAX_SERIES];
} f5_obs_fam_state;

typedef struct f5_obs_metrics {
    f5_obs_fam_state fam[F5_OBS_N_FAMILIES];
    /* legacy fields, updated directly by the job layer */
    atomic_ullong jobs_accepted;
    atomic_ullong jobs_rejected_full;
    atomic_llong jobs_running;
    atomic_int ready;
    double started_at;                    /* unix time, for process_start_time_seconds */
    pthread_mutex_t gpu_mu;               /* guards the provider below */
    f5_obs_gpu_fn gpu;                    /* NULL: no GPU gauges (CPU build) */
    void *gpu_user;
} f5_obs_metrics;

void f5_obs_metrics_init(f5_obs_metrics *m);
void f5_obs_metrics_destroy(f5_obs_metrics *m);

/* Label values: NULL or up to two strings (as many as the family has labels). */
void f5_obs_add(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v);
void f5_obs_inc(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1);
void f5_obs_set(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v);
void f5_obs_observe(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v);

/* Install (or with NULL remove) the GPU gauge provider; see gpu.h. */
void f5_obs_metrics_set_gpu(f5_obs_metrics *m, f5_obs_gpu_fn fn, void *user);

/* One finished HTTP request: route pattern ("" when unmatched), status, seconds. */
void f5_obs_metrics_http(f5_obs_metrics *m, const char *route, int status, double seconds);
/* state: 0 succeeded, 1 failed, 2 cancelled; audio_s / wall_s 0 when unknown. */
void f5_obs_metrics_job(f5_obs_metrics *m, int state, double audio_s, double wall_s);

/* Values sampled by the caller at scrape time; -1 = unknown (left out). */
typedef struct f5_obs_sample {
    long long queue_depth, queue_running, queue_dead;
    long long queue_conn_errors, queue_reconnects;  /* backend connection counters */
    long long inflight;
    const char *data_dir;   /* f5tts_data_disk_{free,size}_bytes of its filesystem; NULL: left out */
    const char *model_path; /* f5tts_model_disk_{free,size}_bytes (model cache / checkpoint); NULL: left out */
} f5_obs_sample;

/* Prometheus exposition text. Caller frees; NULL when out of memory. */
char *f5_obs_metrics_text(f5_obs_metrics *m, const f5_obs_sample *smp);

/* Prometheus float spelling: NaN, +Inf, -Inf or %.17g (buf >= 32 bytes). */
void f5_obs_fmt_double(char *buf, size_t n, double v);

#endif
