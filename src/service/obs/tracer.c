/* tracer.c - bounded span ring + one OTLP/HTTP JSON export thread (see tracer.h). */
#include "service/obs/tracer.h"

#include "core/error.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct f5_obs_tracer {
    char url[1100];
    char svc_name[128], svc_version[128], instance[128];
    f5_obs_resource res;
    int cap, batch;
    double flush_s, timeout_s;
    f5_obs_metrics *metrics;
    const f5_obs_log *log;
    pthread_mutex_t mu;
    pthread_cond_t cv;       /* work arrived, flush asked, stop */
    pthread_cond_t idle_cv;  /* the ring emptied (for flush) */
    f5_obs_span *ring;       /* [cap] */
    int head, count;         /* oldest at head */
    double oldest_mono;      /* arrival of the oldest waiting span */
    bool flush_now, stop, sending;
    pthread_t thread;
    bool started;
    f5_obs_tracer_stats st;
    f5_obs_span *out;        /* [batch]: the thread's copy of one batch */
    CURL *curl;
    bool failing;            /* last POST failed (logged once per outage) */
};

static void ts_after(struct timespec *ts, double s) {
    clock_gettime(CLOCK_MONOTONIC, ts);
    long long ns = ts->tv_nsec + (long long)(s * 1e9);
    ts->tv_sec += (time_t)(ns / 1000000000LL);
    ts->tv_nsec = (long)(ns % 1000000000LL);
}

static size_t discard(char *p, size_t sz, size_t n, void *u) {
    (void)p;
    (void)u;
    return sz * n;
}

/* POST one batch; true on a 2xx answer. *why gets the reason otherwise. */
static bool post(f5_obs_tracer *t, const f5_obs_span *spans, int n, char *why, size_t why_n) {
    char *body = f5_obs_otlp_encode(&t->res, spans, (size_t)n);
    if (!body) {
        snprintf(why, why_n, "out of memory encoding %d spans", n);
        return false;
    }
    struct curl_slist *hdr = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(t->curl, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(t->curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(t->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    CURLcode c = curl_easy_perform(t->curl);
    long code = 0;
    curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(hdr);
    free(body);
    if (c != CURLE_OK) {
        snprintf(why, why_n, "%s", curl_easy_strerror(c));
        return false;
    }
    if (code < 200 || code > 299) {
        snprintf(why, why_n, "HTTP %ld", code);
        return false;
    }
    return true;
}

/* Take up to batch spans out of the ring (mu held). */
static int take_locked(f5_obs_tracer *t) {
    int n = t->count < t->batch ? t->count : t->batch;
    for (int i = 0; i < n; i++) t->out[i] = t->ring[(t->head + i) % t->cap];
    t->head = (t->head + n) % t->cap;
    t->count -= n;
    t->oldest_mono = t->count ? f5_obs_mono() : 0; /* the rest: a fresh interval, never starved */
    return n;
}

/* Send one batch already taken (mu not held); returns success. */
static bool send_batch(f5_obs_tracer *t, int n) {
    char why[256] = "";
    bool ok = post(t, t->out, n, why, sizeof why);
    pthread_mutex_lock(&t->mu);
    if (ok) {
        t->st.exported += (unsigned long long)n;
    } else {
        t->st.dropped_export += (unsigned long long)n;
        t->st.posts_failed++;
    }
    bool was_failing = t->failing;
    t->failing = !ok;
    pthread_mutex_unlock(&t->mu);
    if (ok) f5_obs_add(t->metrics, F5_OBS_SPANS_EXPORTED, NULL, NULL, n);
    else f5_obs_add(t->metrics, F5_OBS_SPANS_DROPPED, "export_failed", NULL, n);
    if (!ok && !was_failing)
        f5_obs_msgf(t->log, "warn", "trace", "exporting %d spans to %s failed (%s); spans are dropped until it answers",
                    n, t->url, why);
    else if (ok && was_failing)
        f5_obs_msgf(t->log, "info", "trace", "span export to %s works again", t->url);
    return ok;
}

static void *export_main(void *arg) {
    f5_obs_tracer *t = arg;
    pthread_mutex_lock(&t->mu);
    for (;;) {
        while (!t->stop) {
            if (t->count >= t->batch || (t->count && (t->flush_now || f5_obs_mono() - t->oldest_mono >= t->flush_s))) break;
            if (!t->count) t->flush_now = false;
            struct timespec ts;
            ts_after(&ts, t->count ? t->flush_s - (f5_obs_mono() - t->oldest_mono) : 3600);
            pthread_cond_timedwait(&t->cv, &t->mu, &ts);
        }
        if (t->stop) break;
        int n = take_locked(t);
        t->sending = true;
        pthread_mutex_unlock(&t->mu);
        send_batch(t, n);
        pthread_mutex_lock(&t->mu);
        t->sending = false;
        if (!t->count) {
            t->flush_now = false;
            pthread_cond_broadcast(&t->idle_cv);
        }
    }
    /* stopping: send what waits, until a POST fails */
    bool ok = true;
    while (t->count && ok) {
        int n = take_locked(t);
        pthread_mutex_unlock(&t->mu);
        ok = send_batch(t, n);
        pthread_mutex_lock(&t->mu);
    }
    if (t->count) {
        int n = t->count;
        t->st.dropped_export += (unsigned long long)n;
        t->count = 0;
        pthread_mutex_unlock(&t->mu);
        f5_obs_add(t->metrics, F5_OBS_SPANS_DROPPED, "export_failed", NULL, n);
        pthread_mutex_lock(&t->mu);
    }
    pthread_cond_broadcast(&t->idle_cv);
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

static f5_status url_of(const char *endpoint, char *out, size_t n, f5_error *err) {
    if (!endpoint || (strncmp(endpoint, "http://", 7) && strncmp(endpoint, "https://", 8)))
        return f5_errf(err, F5_ERR_INVALID_ARG, "--otlp-endpoint: expected an http:// or https:// URL, got '%s'",
                       endpoint ? endpoint : "");
    size_t len = strlen(endpoint);
    while (len > 8 && endpoint[len - 1] == '/') len--;
    if (len + 12 >= n) return f5_errf(err, F5_ERR_INVALID_ARG, "--otlp-endpoint: URL too long (%zu bytes)", len);
    const char *suffix = "/v1/traces";
    bool has = len >= 10 && !strncmp(endpoint + len - 10, suffix, 10);
    snprintf(out, n, "%.*s%s", (int)len, endpoint, has ? "" : suffix);
    return F5_OK;
}

f5_status f5_obs_tracer_create(const f5_obs_tracer_opts *o, f5_obs_tracer **out, f5_error *err) {
    *out = NULL;
    f5_obs_tracer *t = calloc(1, sizeof *t);
    if (!t) return f5_errf(err, F5_ERR_NOMEM, "tracer: out of memory");
    f5_status st = url_of(o->endpoint, t->url, sizeof t->url, err);
    if (st) {
        free(t);
        return st;
    }
    snprintf(t->svc_name, sizeof t->svc_name, "%s", o->resource.service_name ? o->resource.service_name : "f5tts");
    snprintf(t->svc_version, sizeof t->svc_version, "%s", o->resource.service_version ? o->resource.service_version : "");
    snprintf(t->instance, sizeof t->instance, "%s", o->resource.instance_id ? o->resource.instance_id : "");
    t->res = (f5_obs_resource){.service_name = t->svc_name, .service_version = t->svc_version[0] ? t->svc_version : NULL,
                               .instance_id = t->instance[0] ? t->instance : NULL};
    t->cap = o->capacity > 0 ? o->capacity : 2048;
    t->batch = o->batch_size > 0 ? o->batch_size : 256;
    if (t->batch > t->cap) t->batch = t->cap;
    t->flush_s = o->flush_interval_s > 0 ? o->flush_interval_s : 1.0;
    t->timeout_s = o->timeout_s > 0 ? o->timeout_s : 5.0;
    t->metrics = o->metrics;
    t->log = o->log;
    t->ring = calloc((size_t)t->cap, sizeof *t->ring);
    t->out = calloc((size_t)t->batch, sizeof *t->out);
    if (!t->ring || !t->out) {
        free(t->ring);
        free(t->out);
        free(t);
        return f5_errf(err, F5_ERR_NOMEM, "tracer: out of memory for a ring of %d spans", o->capacity);
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    t->curl = curl_easy_init();
    if (!t->curl) {
        free(t->ring);
        free(t->out);
        free(t);
        return f5_errf(err, F5_ERR_INTERNAL, "tracer: curl_easy_init failed");
    }
    curl_easy_setopt(t->curl, CURLOPT_URL, t->url);
    curl_easy_setopt(t->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(t->curl, CURLOPT_TIMEOUT_MS, (long)(t->timeout_s * 1000));
    curl_easy_setopt(t->curl, CURLOPT_CONNECTTIMEOUT_MS, (long)(t->timeout_s * 1000 < 2000 ? t->timeout_s * 1000 : 2000));
    curl_easy_setopt(t->curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(t->curl, CURLOPT_USERAGENT, "f5tts-otlp/1");
    pthread_mutex_init(&t->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&t->cv, &ca);
    pthread_cond_init(&t->idle_cv, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&t->thread, NULL, export_main, t) != 0) {
        f5_obs_tracer_free(t);
        return f5_errf(err, F5_ERR_INTERNAL, "tracer: cannot start the export thread");
    }
    t->started = true;
    /* the counters exist (at 0) from the start, so a rise is visible */
    f5_obs_add(t->metrics, F5_OBS_SPANS_DROPPED, "queue_full", NULL, 0);
    f5_obs_add(t->metrics, F5_OBS_SPANS_DROPPED, "export_failed", NULL, 0);
    *out = t;
    return F5_OK;
}

bool f5_obs_tracer_submit(f5_obs_tracer *t, const f5_obs_span *s) {
    if (!t) return false;
    pthread_mutex_lock(&t->mu);
    bool ok = !t->stop && t->count < t->cap;
    if (ok) {
        t->ring[(t->head + t->count) % t->cap] = *s;
        if (!t->count) t->oldest_mono = f5_obs_mono();
        t->count++;
        t->st.submitted++;
        if (t->count == t->batch || t->count == 1) pthread_cond_signal(&t->cv);
    } else {
        t->st.dropped_full++;
    }
    pthread_mutex_unlock(&t->mu);
    if (!ok) f5_obs_inc(t->metrics, F5_OBS_SPANS_DROPPED, "queue_full", NULL);
    return ok;
}

bool f5_obs_tracer_flush(f5_obs_tracer *t, double wait_s) {
    if (!t) return true;
    struct timespec ts;
    ts_after(&ts, wait_s);
    pthread_mutex_lock(&t->mu);
    t->flush_now = true;
    pthread_cond_signal(&t->cv);
    while (t->count || t->sending)
        if (pthread_cond_timedwait(&t->idle_cv, &t->mu, &ts) == ETIMEDOUT) break;
    bool empty = !t->count && !t->sending;
    pthread_mutex_unlock(&t->mu);
    return empty;
}

void f5_obs_tracer_stats_get(f5_obs_tracer *t, f5_obs_tracer_stats *s) {
    memset(s, 0, sizeof *s);
    if (!t) return;
    pthread_mutex_lock(&t->mu);
    *s = t->st;
    s->queued = t->count;
    pthread_mutex_unlock(&t->mu);
}

void f5_obs_tracer_free(f5_obs_tracer *t) {
    if (!t) return;
    if (t->started) {
        pthread_mutex_lock(&t->mu);
        t->stop = true;
        pthread_cond_signal(&t->cv);
        pthread_mutex_unlock(&t->mu);
        pthread_join(t->thread, NULL);
    }
    curl_easy_cleanup(t->curl);
    pthread_cond_destroy(&t->cv);
    pthread_cond_destroy(&t->idle_cv);
    pthread_mutex_destroy(&t->mu);
    free(t->ring);
    free(t->out);
    free(t);
}
