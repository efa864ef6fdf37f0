/* bench_obs.c - what metrics + tracing cost per synthesis request, in CPU
 * time of the service process: the exact calls a sync /tts request makes
 * (request counter + latency histogram, queue wait, one NFE-step
 * observation per step, job metrics; the spans: request, queue.wait, job,
 * storage.get, reference.prepare, text.prepare, per chunk sample + vocode,
 * encode, storage.put) submitted to a real tracer that POSTs them as
 * OTLP/HTTP JSON to a receiver in a child process (so only the service
 * side is measured: the caller's work and the export thread's encoding
 * and HTTP). Prints CPU microseconds per request with tracing off (metrics
 * only) and on.
 *   build/bench_obs [--requests N] [--chunks C] [--nfe S]
 */
#include "service/obs/metrics.h"
#include "service/obs/span.h"
#include "service/obs/tracer.h"

#include "core/clock.h"

#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static enum MHD_Result rx(void *cls, struct MHD_Connection *c, const char *url, const char *method, const char *ver,
                          const char *data, size_t *size, void **cc) {
    (void)cls, (void)url, (void)method, (void)ver, (void)data;
    if (!*cc) {
        *cc = c;
        return MHD_YES;
    }
    if (*size) {
        *size = 0;
        return MHD_YES;
    }
    struct MHD_Response *r = MHD_create_response_from_buffer(2, "{}", MHD_RESPMEM_PERSISTENT);
    enum MHD_Result ret = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    return ret;
}

static void child_span(f5_obs_tracer *t, const f5_obs_span *job, const char *name, int chunk, int n) {
    f5_obs_span s;
    f5_obs_span_begin(&s, job->trace_id, job->span_id, name, F5_OBS_SPAN_INTERNAL, f5_obs_mono_to_unix_ns(f5_now_s()));
    if (chunk >= 0) {
        f5_obs_span_int(&s, "f5.chunk", chunk);
        f5_obs_span_int(&s, "f5.n_chunks", n);
        f5_obs_span_int(&s, "f5.nfe_step", 32);
    }
    f5_obs_span_end(&s, f5_obs_mono_to_unix_ns(f5_now_s()));
    f5_obs_tracer_submit(t, &s);
}

/* One request's instrumentation; t NULL: metrics only. */
static void one_request(f5_obs_metrics *m, f5_obs_tracer *t, int chunks, int nfe) {
    f5_obs_observe(m, F5_OBS_QUEUE_WAIT, NULL, NULL, 0.001);
    for (int i = 0; i < chunks * nfe; i++) f5_obs_observe(m, F5_OBS_NFE_STEP, NULL, NULL, 0.01);
    f5_obs_metrics_job(m, 0, 3.0, 1.0);
    f5_obs_metrics_http(m, "/tts", 200, 1.0);
    if (!t) return;
    char trace[33];
    f5_obs_random_hex(trace, 16);
    f5_obs_span req, q, job;
    f5_obs_span_begin(&req, trace, "b7ad6b7169203331", "POST /tts", F5_OBS_SPAN_SERVER, 0);
    f5_obs_span_begin(&q, trace, req.span_id, "queue.wait", F5_OBS_SPAN_INTERNAL, 0);
    f5_obs_span_str(&q, "f5.job.id", "0123456789abcdef0123456789abcdef");
    f5_obs_span_int(&q, "f5.job.attempt", 1);
    f5_obs_span_end(&q, 0);
    f5_obs_tracer_submit(t, &q);
    f5_obs_span_begin(&job, trace, req.span_id, "job", F5_OBS_SPAN_INTERNAL, 0);
    f5_obs_span_str(&job, "f5.job.id", "0123456789abcdef0123456789abcdef");
    f5_obs_span_int(&job, "f5.job.attempt", 1);
    f5_obs_span_int(&job, "f5.text.bytes", 120);
    f5_obs_span_int(&job, "f5.nfe_step", nfe);
    f5_obs_span_str(&job, "f5.format", "wav");
    child_span(t, &job, "storage.get", -1, 0);
    child_span(t, &job, "reference.prepare", -1, 0);
    child_span(t, &job, "text.prepare", -1, 0);
    for (int c = 0; c < chunks; c++) {
        child_span(t, &job, "chunk.sample", c, chunks);
        child_span(t, &job, "chunk.vocode", c, chunks);
    }
    child_span(t, &job, "encode", -1, 0);
    child_span(t, &job, "storage.put", -1, 0);
    f5_obs_span_str(&job, "f5.job.state", "succeeded");
    f5_obs_span_double(&job, "f5.audio_seconds", 3.0);
    f5_obs_span_ok(&job);
    f5_obs_span_end(&job, 0);
    f5_obs_tracer_submit(t, &job);
    f5_obs_span_str(&req, "http.request.method", "POST");
    f5_obs_span_str(&req, "http.route", "/tts");
    f5_obs_span_int(&req, "http.response.status_code", 200);
    f5_obs_span_str(&req, "f5.request_id", "0123456789abcdef0123456789abcdef");
    f5_obs_span_str(&req, "f5.job.id", "0123456789abcdef0123456789abcdef");
    f5_obs_span_int(&req, "http.request.body.size", 120000);
    f5_obs_span_end(&req, 0);
    f5_obs_tracer_submit(t, &req);
}

int main(int argc, char **argv) {
    int n = 20000, chunks = 2, nfe = 32;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--requests")) n = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--chunks")) chunks = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--nfe")) nfe = atoi(argv[i + 1]);
    }
    int pfd[2];
    if (pipe(pfd)) return 1;
    pid_t pid = fork();
    if (pid == 0) { /* the receiver */
        struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, rx, NULL, MHD_OPTION_END);
        const union MHD_DaemonInfo *di = d ? MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT) : NULL;
        int port = di ? di->port : 0;
        if (write(pfd[1], &port, sizeof port) != sizeof port) _exit(1);
        pause();
        _exit(0);
    }
    int port = 0;
    if (read(pfd[0], &port, sizeof port) != sizeof port || port <= 0) return fprintf(stderr, "receiver failed\n"), 1;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    double c0 = f5_cpu_s(), w0 = f5_now_s();
    for (int i = 0; i < n; i++) one_request(&m, NULL, chunks, nfe);
    double off_us = (f5_cpu_s() - c0) / n * 1e6, off_wall = (f5_now_s() - w0) / n * 1e6;
    f5_obs_tracer *t = NULL;
    f5_error err = {0};
    f5_obs_tracer_opts o = {.endpoint = url, .metrics = &m, .capacity = 8192};
    if (f5_obs_tracer_create(&o, &t, &err)) return fprintf(stderr, "%s\n", err.message), 1;
    c0 = f5_cpu_s();
    w0 = f5_now_s();
    for (int i = 0; i < n; i++) {
        one_request(&m, t, chunks, nfe);
        if (i % 100 == 99) f5_obs_tracer_flush(t, 10); /* keep the ring from overflowing: every span is exported */
    }
    f5_obs_tracer_flush(t, 30);
    double on_us = (f5_cpu_s() - c0) / n * 1e6, on_wall = (f5_now_s() - w0) / n * 1e6;
    f5_obs_tracer_stats st;
    f5_obs_tracer_stats_get(t, &st);
    f5_obs_tracer_free(t);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    int spans = 3 + 5 + 2 * chunks;
    printf("requests %d, %d chunks x %d NFE steps, %d spans each\n", n, chunks, nfe, spans);
    printf("metrics only:        %.2f us CPU per request (%.2f us wall)\n", off_us, off_wall);
    printf("metrics + tracing:   %.2f us CPU per request (%.2f us wall) incl. the export thread\n", on_us, on_wall);
    printf("spans exported %llu, dropped %llu\n", st.exported, st.dropped_full + st.dropped_export);
    return st.exported == (unsigned long long)n * (unsigned long long)spans ? 0 : 2;
}
