/* metrics.c - the metrics registry and its Prometheus text form (see metrics.h). */
#include "service/obs/metrics.h"

#include <dirent.h>
#include <sys/statvfs.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef enum { K_COUNTER, K_GAUGE, K_HISTOGRAM } kind;

typedef struct fam_def {
    const char *name, *help;
    kind k;
    int nl;
    const char *ln[2];
    int nb;
    double b[F5_OBS_MAX_BUCKETS];
} fam_def;

#define LAT_B 14, {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120}
static const fam_def defs[F5_OBS_N_FAMILIES] = {
    [F5_OBS_HTTP_REQUESTS] = {"f5tts_http_requests_total", "HTTP responses by route pattern and status code.", K_COUNTER,
                              2, {"route", "code"}, 0, {0}},
    [F5_OBS_HTTP_DURATION] = {"f5tts_http_request_duration_seconds", "HTTP request latency, first byte in to last byte out.",
                              K_HISTOGRAM, 1, {"route", NULL}, LAT_B},
    [F5_OBS_SYNTH_DURATION] = {"f5tts_synthesis_duration_seconds", "Engine wall time per finished job.", K_HISTOGRAM, 0,
                               {NULL, NULL}, LAT_B},
    [F5_OBS_RTF] = {"f5tts_synthesis_rtf", "Real-time factor (engine seconds / audio seconds) per job.", K_HISTOGRAM, 0,
                    {NULL, NULL}, 10, {0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 5}},
    [F5_OBS_AUDIO_SECONDS] = {"f5tts_audio_seconds_total", "Seconds of audio synthesised.", K_COUNTER, 0, {NULL, NULL}, 0,
                              {0}},
    [F5_OBS_NFE_STEP] = {"f5tts_nfe_step_duration_seconds", "Time between sampling (NFE) step progress reports.", K_HISTOGRAM,
                         0, {NULL, NULL}, 12, {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10}},
    [F5_OBS_QUEUE_WAIT] = {"f5tts_queue_wait_seconds", "Time a job waited between acceptance and a worker claiming it.",
                           K_HISTOGRAM, 0, {NULL, NULL}, LAT_B},
    [F5_OBS_JOBS_FINISHED] = {"f5tts_jobs_finished_total", "Jobs by final state.", K_COUNTER, 1, {"state", NULL}, 0, {0}},
    [F5_OBS_MODEL_LOAD] = {"f5tts_model_load_seconds", "Time the model took to load.", K_GAUGE, 0, {NULL, NULL}, 0, {0}},
    [F5_OBS_MODEL_WARMUP] = {"f5tts_model_warmup_seconds", "Time the warm-up synthesis took.", K_GAUGE, 0, {NULL, NULL}, 0,
                             {0}},
    [F5_OBS_STORAGE_ERRORS] = {"f5tts_storage_errors_total", "Storage operations that failed.", K_COUNTER, 1,
                               {"op", NULL}, 0, {0}},
    [F5_OBS_STORAGE_RETRIES] = {"f5tts_storage_retries_total", "Storage operations retried.", K_COUNTER, 1, {"op", NULL}, 0,
                                {0}},
    [F5_OBS_QUEUE_ERRORS] = {"f5tts_queue_errors_total", "Queue backend operations that failed.", K_COUNTER, 1,
                             {"op", NULL}, 0, {0}},
    [F5_OBS_QUEUE_RETRIES] = {"f5tts_queue_retries_total", "Queue backend operations retried.", K_COUNTER, 1, {"op", NULL},
                              0, {0}},
    [F5_OBS_RATE_LIMITED] = {"f5tts_rate_limited_total", "Requests rejected by a rate limit or quota.", K_COUNTER, 1,
                             {"reason", NULL}, 0, {0}},
    [F5_OBS_SPANS_DROPPED] = {"f5tts_trace_spans_dropped_total", "Trace spans dropped (export queue full or failed).",
                              K_COUNTER, 1, {"reason", NULL}, 0, {0}},
    [F5_OBS_SPANS_EXPORTED] = {"f5tts_trace_spans_exported_total", "Trace spans the OTLP receiver accepted.", K_COUNTER, 0,
                               {NULL, NULL}, 0, {0}},
};

void f5_obs_metrics_init(f5_obs_metrics *m) {
    memset(m, 0, sizeof *m);
    for (int i = 0; i < F5_OBS_N_FAMILIES; i++) pthread_mutex_init(&m->fam[i].mu, NULL);
    pthread_mutex_init(&m->gpu_mu, NULL);
    m->started_at = (double)time(NULL);
}

void f5_obs_metrics_destroy(f5_obs_metrics *m) {
    for (int i = 0; i < F5_OBS_N_FAMILIES; i++) pthread_mutex_destroy(&m->fam[i].mu);
    pthread_mutex_destroy(&m->gpu_mu);
}

void f5_obs_metrics_set_gpu(f5_obs_metrics *m, f5_obs_gpu_fn fn, void *user) {
    pthread_mutex_lock(&m->gpu_mu);
    m->gpu = fn;
    m->gpu_user = user;
    pthread_mutex_unlock(&m->gpu_mu);
}

/* The series for the label values (created on first use; "other" when the
 * family is full). Called with the family's mutex held. */
static f5_obs_series *series_locked(f5_obs_fam_state *fs, const fam_def *d, const char *l0, const char *l1) {
    const char *lv[2] = {l0 ? l0 : "", l1 ? l1 : ""};
    for (int i = 0; i < fs->n; i++) {
        f5_obs_series *s = &fs->s[i];
        if ((d->nl < 1 || strncmp(s->lv[0], lv[0], F5_OBS_LABEL_LEN - 1) == 0) &&
            (d->nl < 2 || strncmp(s->lv[1], lv[1], F5_OBS_LABEL_LEN - 1) == 0))
            return s;
    }
    if (fs->n >= F5_OBS_MAX_SERIES - 1) {
        if (strcmp(lv[0], "other") == 0 && strcmp(lv[1], "other") == 0) lv[0] = lv[1] = "other"; /* claim the last slot */
        else return series_locked(fs, d, "other", "other");
    }
    f5_obs_series *s = &fs->s[fs->n++];
    memset(s, 0, sizeof *s);
    for (int k = 0; k < d->nl; k++) snprintf(s->lv[k], sizeof s->lv[k], "%s", lv[k]);
    return s;
}

static void update(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v, int op) {
    if (!m || (unsigned)f >= F5_OBS_N_FAMILIES) return;
    const fam_def *d = &defs[f];
    f5_obs_fam_state *fs = &m->fam[f];
    pthread_mutex_lock(&fs->mu);
    f5_obs_series *s = series_locked(fs, d, l0, l1);
    if (d->k == K_HISTOGRAM) {
        s->count++;
        s->value += v;
        for (int b = 0; b < d->nb; b++)
            if (v <= d->b[b]) s->bucket[b]++; /* cumulative: every bucket whose bound holds v */
    } else if (op == 1 || d->k == K_GAUGE) {
        if (op == 1) s->value = v;
        else s->value += v;
    } else if (v > 0) {
        s->value += v; /* counters never go down */
    }
    pthread_mutex_unlock(&fs->mu);
}

void f5_obs_add(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v) { update(m, f, l0, l1, v, 0); }
void f5_obs_inc(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1) { update(m, f, l0, l1, 1, 0); }
void f5_obs_set(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v) { update(m, f, l0, l1, v, 1); }
void f5_obs_observe(f5_obs_metrics *m, f5_obs_family f, const char *l0, const char *l1, double v) {
    update(m, f, l0, l1, v, 2);
}

void f5_obs_metrics_http(f5_obs_metrics *m, const char *route, int status, double seconds) {
    char code[16];
    if (status < 100 || status > 599) snprintf(code, sizeof code, "other");
    else snprintf(code, sizeof code, "%d", status);
    const char *r = route && *route ? route : "unmatched";
    f5_obs_inc(m, F5_OBS_HTTP_REQUESTS, r, code);
    f5_obs_observe(m, F5_OBS_HTTP_DURATION, r, NULL, seconds);
}

void f5_obs_metrics_job(f5_obs_metrics *m, int state, double audio_s, double wall_s) {
    static const char *const st[] = {"succeeded", "failed", "cancelled"};
    if (!m || state < 0 || state > 2) return;
    f5_obs_inc(m, F5_OBS_JOBS_FINISHED, st[state], NULL);
    if (audio_s > 0) f5_obs_add(m, F5_OBS_AUDIO_SECONDS, NULL, NULL, audio_s);
    if (state == 0 && wall_s > 0) {
        f5_obs_observe(m, F5_OBS_SYNTH_DURATION, NULL, NULL, wall_s);
        if (audio_s > 0) f5_obs_observe(m, F5_OBS_RTF, NULL, NULL, wall_s / audio_s);
    }
}

void f5_obs_fmt_double(char *buf, size_t n, double v) {
    if (isnan(v)) snprintf(buf, n, "NaN");
    else if (isinf(v)) snprintf(buf, n, v > 0 ? "+Inf" : "-Inf");
    else snprintf(buf, n, "%.17g", v);
}

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void out(sbuf *b, const char *fmt, ...) {
    if (b->oom) return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->oom = 1;
            return;
        }
        if ((size_t)k < b->cap - b->len) {
            b->len += (size_t)k;
            return;
        }
        char *ns = realloc(b->s, b->cap * 2 + (size_t)k);
        if (!ns) {
            b->oom = 1;
            return;
        }
        b->s = ns;
        b->cap = b->cap * 2 + (size_t)k;
    }
}

/* A label value with \, " and newline escaped as the exposition format asks. */
static void esc(char *dst, size_t n, const char *src) {
    size_t o = 0;
    for (; *src && o + 3 < n; src++) {
        if (*src == '\\' || *src == '"') dst[o++] = '\\', dst[o++] = *src;
        else if (*src == '\n') dst[o++] = '\\', dst[o++] = 'n';
        else dst[o++] = *src;
    }
    dst[o] = 0;
}

/* `{a="x",b="y"` (no closing brace) or "" for a family without labels. */
static void labels(char *dst, size_t n, const fam_def *d, const f5_obs_series *s) {
    size_t o = 0;
    dst[0] = 0;
    for (int k = 0; k < d->nl; k++) {
        char e[2 * F5_OBS_LABEL_LEN + 1];
        esc(e, sizeof e, s->lv[k]);
        int w = snprintf(dst + o, n - o, "%s%s=\"%s\"", k ? "," : "{", d->ln[k], e);
        if (w < 0 || (size_t)w >= n - o) break;
        o += (size_t)w;
    }
}

static void render_family(sbuf *b, f5_obs_metrics *m, int f) {
    const fam_def *d = &defs[f];
    f5_obs_fam_state *fs = &m->fam[f];
    static const char *const kn[] = {"counter", "gauge", "histogram"};
    pthread_mutex_lock(&fs->mu);
    if (d->k == K_GAUGE && fs->n == 0) { /* a gauge never set is unknown: left out */
        pthread_mutex_unlock(&fs->mu);
        return;
    }
    out(b, "# HELP %s %s\n# TYPE %s %s\n", d->name, d->help, d->name, kn[d->k]);
    if (d->nl == 0 && fs->n == 0 && d->k != K_GAUGE) series_locked(fs, d, NULL, NULL); /* counters/histograms start at 0 */
    for (int i = 0; i < fs->n; i++) {
        const f5_obs_series *s = &fs->s[i];
        char lb[256], v[32];
        labels(lb, sizeof lb, d, s);
        if (d->k != K_HISTOGRAM) {
            f5_obs_fmt_double(v, sizeof v, s->value);
            out(b, "%s%s%s %s\n", d->name, lb, d->nl ? "}" : "", v);
            continue;
        }
        const char *base = d->name;
        for (int k = 0; k < d->nb; k++) {
            f5_obs_fmt_double(v, sizeof v, d->b[k]);
            out(b, "%s_bucket%s%sle=\"%s\"} %llu\n", base, d->nl ? lb : "{", d->nl ? "," : "", v, s->bucket[k]);
        }
        out(b, "%s_bucket%s%sle=\"+Inf\"} %llu\n", base, d->nl ? lb : "{", d->nl ? "," : "", s->count);
        f5_obs_fmt_double(v, sizeof v, s->value);
        out(b, "%s_sum%s%s %s\n%s_count%s%s %llu\n", base, lb, d->nl ? "}" : "", v, base, lb, d->nl ? "}" : "", s->count);
    }
    pthread_mutex_unlock(&fs->mu);
}

static void gauge(sbuf *b, const char *name, const char *help, double v) {
    char s[32];
    f5_obs_fmt_double(s, sizeof s, v);
    out(b, "# HELP %s %s\n# TYPE %s gauge\n%s %s\n", name, help, name, name, s);
}

static void process_gauges(sbuf *b, const f5_obs_metrics *m) {
    FILE *f = fopen("/proc/self/statm", "r");
    long long pages_total = 0, pages_rss = 0;
    if (f) {
        if (fscanf(f, "%lld %lld", &pages_total, &pages_rss) == 2) {
            double pg = (double)sysconf(_SC_PAGESIZE);
            gauge(b, "f5tts_process_resident_memory_bytes", "Resident set size.", (double)pages_rss * pg);
            gauge(b, "f5tts_process_virtual_memory_bytes", "Virtual memory size.", (double)pages_total * pg);
        }
        fclose(f);
    }
    DIR *dir = opendir("/proc/self/fd");
    if (dir) {
        long n = 0;
        for (struct dirent *e; (e = readdir(dir));)
            if (e->d_name[0] != '.') n++;
        closedir(dir);
        gauge(b, "f5tts_process_open_fds", "Open file descriptors (the listing's own one included).", (double)n);
    }
    long maxfd = sysconf(_SC_OPEN_MAX);
    if (maxfd > 0) gauge(b, "f5tts_process_max_fds", "File descriptor limit.", (double)maxfd);
    gauge(b, "f5tts_process_start_time_seconds", "Start time of the process, unix seconds.", m->started_at);
}

/* The memory this process may use: the cgroup limit (v2 memory.max, v1
 * limit_in_bytes) when set, else the machine's MemTotal; 0 when unknown. */
static double memory_limit(void) {
    double total = 0, lim = 0;
    FILE *f = fopen("/proc/meminfo", "r");
    if (f) {
        char line[256];
        while (fgets(line, sizeof line, f)) {
            unsigned long long kb;
            if (sscanf(line, "MemTotal: %llu kB", &kb) == 1) {
                total = (double)kb * 1024;
                break;
            }
        }
        fclose(f);
    }
    static const char *const paths[] = {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"};
    for (int i = 0; i < 2 && lim <= 0; i++) {
        f = fopen(paths[i], "r");
        if (!f) continue;
        unsigned long long v;
        if (fscanf(f, "%llu", &v) == 1) lim = (double)v; /* "max" does not scan: no limit */
        fclose(f);
    }
    if (lim > 0 && (total <= 0 || lim < total)) return lim;
    return total;
}

static void disk_gauges(sbuf *b, const char *path, const char *what, const char *help_what) {
    struct statvfs sv;
    if (!path || !*path || statvfs(path, &sv) != 0) return;
    char name[96], help[160];
    snprintf(name, sizeof name, "f5tts_%s_disk_free_bytes", what);
    snprintf(help, sizeof help, "Bytes available to the service on the filesystem of the %s.", help_what);
    gauge(b, name, help, (double)sv.f_bavail * (double)sv.f_frsize);
    snprintf(name, sizeof name, "f5tts_%s_disk_size_bytes", what);
    snprintf(help, sizeof help, "Size of the filesystem of the %s.", help_what);
    gauge(b, name, help, (double)sv.f_blocks * (double)sv.f_frsize);
}

static void gpu_family(sbuf *b, const char *name, const char *help, const f5_obs_gpu_stat *g, int n, int which) {
    bool any = false;
    for (int i = 0; i < n; i++) {
        double v = which == 0 ? g[i].mem_used_bytes : which == 1 ? g[i].mem_total_bytes : g[i].utilization;
        if (v < 0) continue;
        if (!any) out(b, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
        any = true;
        char s[32];
        f5_obs_fmt_double(s, sizeof s, v);
        out(b, "%s{device=\"%d\"} %s\n", name, g[i].index, s);
    }
}

static void gpu_gauges(sbuf *b, f5_obs_metrics *m) {
    f5_obs_gpu_stat g[F5_OBS_MAX_GPUS];
    int n = 0;
    pthread_mutex_lock(&m->gpu_mu);
    if (m->gpu) n = m->gpu(m->gpu_user, g, F5_OBS_MAX_GPUS);
    pthread_mutex_unlock(&m->gpu_mu);
    if (n <= 0) return;
    if (n > F5_OBS_MAX_GPUS) n = F5_OBS_MAX_GPUS;
    gpu_family(b, "f5tts_gpu_memory_used_bytes", "GPU memory in use, per device.", g, n, 0);
    gpu_family(b, "f5tts_gpu_memory_total_bytes", "GPU memory size, per device.", g, n, 1);
    gpu_family(b, "f5tts_gpu_utilization_ratio", "GPU busy fraction over the last sample period, per device.", g, n, 2);
}

char *f5_obs_metrics_text(f5_obs_metrics *m, const f5_obs_sample *smp) {
    sbuf b = {.s = malloc(8192), .cap = 8192};
    if (!b.s) return NULL;
    b.s[0] = 0;
    for (int f = 0; f < F5_OBS_N_FAMILIES; f++) render_family(&b, m, f);
    out(&b, "# HELP f5tts_jobs_accepted_total Jobs accepted into the queue.\n# TYPE f5tts_jobs_accepted_total counter\n"
            "f5tts_jobs_accepted_total %llu\n",
        (unsigned long long)atomic_load(&m->jobs_accepted));
    out(&b, "# HELP f5tts_jobs_rejected_total Jobs rejected at submission.\n# TYPE f5tts_jobs_rejected_total counter\n"
            "f5tts_jobs_rejected_total{reason=\"queue_full\"} %llu\n",
        (unsigned long long)atomic_load(&m->jobs_rejected_full));
    gauge(&b, "f5tts_inflight_inferences", "Syntheses running in this process now.",
          (double)atomic_load(&m->jobs_running));
    if (smp && (smp->queue_depth >= 0 || smp->queue_running >= 0 || smp->queue_dead >= 0)) {
        out(&b, "# HELP f5tts_queue_jobs Jobs in the queue by state.\n# TYPE f5tts_queue_jobs gauge\n");
        if (smp->queue_depth >= 0) out(&b, "f5tts_queue_jobs{state=\"queued\"} %lld\n", smp->queue_depth);
        if (smp->queue_running >= 0) out(&b, "f5tts_queue_jobs{state=\"running\"} %lld\n", smp->queue_running);
        if (smp->queue_dead >= 0) out(&b, "f5tts_queue_jobs{state=\"dead\"} %lld\n", smp->queue_dead);
    }
    if (smp && smp->queue_depth >= 0)
        gauge(&b, "f5tts_queue_depth", "Jobs accepted and not yet claimed.", (double)smp->queue_depth);
    if (smp && smp->queue_conn_errors >= 0)
        out(&b, "# HELP f5tts_queue_connection_errors_total Queue backend connection errors.\n"
                "# TYPE f5tts_queue_connection_errors_total counter\nf5tts_queue_connection_errors_total %lld\n",
            smp->queue_conn_errors);
    if (smp && smp->queue_reconnects >= 0)
        out(&b, "# HELP f5tts_queue_reconnects_total Queue backend reconnections.\n"
                "# TYPE f5tts_queue_reconnects_total counter\nf5tts_queue_reconnects_total %lld\n",
            smp->queue_reconnects);
    gauge(&b, "f5tts_ready", "1 once the model is loaded and warmed up.", (double)atomic_load(&m->ready));
    process_gauges(&b, m);
    double lim = memory_limit();
    if (lim > 0)
        gauge(&b, "f5tts_memory_limit_bytes", "Memory the process may use: the cgroup limit, else the machine's total.", lim);
    if (smp) {
        disk_gauges(&b, smp->data_dir, "data", "data directory (queue, blobs)");
        disk_gauges(&b, smp->model_path, "model", "model checkpoint (model cache)");
    }
    gpu_gauges(&b, m);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
