/* test_tracer.c - spans and their export: the OTLP JSON encoding (hex ids,
 * nanosecond strings, int attributes as strings, parent only when set),
 * batching to a real HTTP receiver (libmicrohttpd in this process) with
 * every span arriving once, and a receiver that is down or slow: submit
 * never waits and every span is either exported or counted dropped. */
#include "service/obs/otlp_json.h"
#include "service/obs/tracer.h"
#include "test.h"

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static double mono(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Names and values with quotes, backslashes, control bytes and UTF-8 come
 * back unchanged through a JSON parser; NaN becomes a string. */
static void test_encode_escapes(void) {
    f5_obs_span s;
    const char *odd = "a\"b\\c\nd\te\x01f \xc4\x91\xe1\xbb\x87";
    f5_obs_span_begin(&s, "0af7651916cd43dd8448eb211c80319c", NULL, odd, F5_OBS_SPAN_INTERNAL, 1);
    f5_obs_span_str(&s, "k", odd);
    f5_obs_span_double(&s, "nan", NAN);
    f5_obs_span_double(&s, "big", 1e300);
    f5_obs_span_error(&s, odd);
    f5_obs_span_end(&s, 2);
    f5_obs_resource res = {.service_name = "svc\"x"};
    char *body = f5_obs_otlp_encode(&res, &s, 1);
    json_error_t je;
    json_t *d = json_loads(body ? body : "", 0, &je);
    CHECKF(d != NULL, "%s in %s", je.text, body ? body : "(null)");
    json_t *rs = json_array_get(json_object_get(d, "resourceSpans"), 0);
    json_t *sp = json_array_get(json_object_get(json_array_get(json_object_get(rs, "scopeSpans"), 0), "spans"), 0);
    CHECK_STREQ(json_string_value(json_object_get(sp, "name")), odd);
    json_t *at = json_object_get(sp, "attributes");
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(json_array_get(at, 0), "value"), "stringValue")), odd);
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(json_array_get(at, 1), "value"), "stringValue")), "NaN");
    CHECK_NEAR(json_real_value(json_object_get(json_object_get(json_array_get(at, 2), "value"), "doubleValue")), 1e300, 1e285);
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(sp, "status"), "message")), odd);
    json_t *ra = json_object_get(json_object_get(rs, "resource"), "attributes");
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(json_array_get(ra, 0), "value"), "stringValue")), "svc\"x");
    json_decref(d);
    free(body);
    /* an empty batch is still a valid document */
    body = f5_obs_otlp_encode(NULL, NULL, 0);
    d = json_loads(body ? body : "", 0, &je);
    json_t *e = json_object_get(
        json_array_get(json_object_get(json_array_get(json_object_get(d, "resourceSpans"), 0), "scopeSpans"), 0), "spans");
    CHECK(d && json_is_array(e) && json_array_size(e) == 0);
    json_decref(d);
    free(body);
}

static void test_encode(void) {
    f5_obs_span s[2];
    f5_obs_span_begin(&s[0], "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "POST /tts", F5_OBS_SPAN_SERVER,
                      1700000000123456789ull);
    f5_obs_span_int(&s[0], "http.status_code", 200);
    f5_obs_span_str(&s[0], "http.route", "/tts");
    f5_obs_span_double(&s[0], "rtf", 0.25);
    f5_obs_span_end(&s[0], 1700000000223456789ull);
    f5_obs_span_ok(&s[0]);
    f5_obs_span_begin(&s[1], s[0].trace_id, NULL, "root", F5_OBS_SPAN_INTERNAL, 5);
    f5_obs_span_end(&s[1], 3); /* never before its start */
    f5_obs_span_error(&s[1], "boom");
    CHECK(strlen(s[0].span_id) == 16 && strcmp(s[0].span_id, s[1].span_id) != 0);
    f5_obs_resource res = {.service_name = "f5tts", .instance_id = "node-1"};
    char *body = f5_obs_otlp_encode(&res, s, 2);
    CHECK(body != NULL);
    json_error_t je;
    json_t *d = json_loads(body ? body : "", 0, &je);
    CHECKF(d != NULL, "%s", je.text);
    json_t *rs = json_array_get(json_object_get(d, "resourceSpans"), 0);
    json_t *ra = json_object_get(json_object_get(rs, "resource"), "attributes");
    CHECK_STREQ(json_string_value(json_object_get(json_array_get(ra, 0), "key")), "service.name");
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(json_array_get(ra, 0), "value"), "stringValue")), "f5tts");
    json_t *spans = json_object_get(json_array_get(json_object_get(rs, "scopeSpans"), 0), "spans");
    CHECK(json_array_size(spans) == 2);
    json_t *a = json_array_get(spans, 0), *b = json_array_get(spans, 1);
    CHECK_STREQ(json_string_value(json_object_get(a, "traceId")), "0af7651916cd43dd8448eb211c80319c");
    CHECK_STREQ(json_string_value(json_object_get(a, "parentSpanId")), "b7ad6b7169203331");
    CHECK_STREQ(json_string_value(json_object_get(a, "spanId")), s[0].span_id);
    CHECK_STREQ(json_string_value(json_object_get(a, "startTimeUnixNano")), "1700000000123456789");
    CHECK_STREQ(json_string_value(json_object_get(a, "endTimeUnixNano")), "1700000000223456789");
    CHECK(json_integer_value(json_object_get(a, "kind")) == 2);
    CHECK(json_integer_value(json_object_get(json_object_get(a, "status"), "code")) == 1);
    json_t *at = json_object_get(a, "attributes");
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(json_array_get(at, 0), "value"), "intValue")), "200");
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(json_array_get(at, 1), "value"), "stringValue")), "/tts");
    CHECK_NEAR(json_real_value(json_object_get(json_object_get(json_array_get(at, 2), "value"), "doubleValue")), 0.25, 0);
    CHECK(json_object_get(b, "parentSpanId") == NULL);
    CHECK_STREQ(json_string_value(json_object_get(b, "endTimeUnixNano")), "5");
    CHECK(json_integer_value(json_object_get(json_object_get(b, "status"), "code")) == 2);
    CHECK_STREQ(json_string_value(json_object_get(json_object_get(b, "status"), "message")), "boom");
    json_decref(d);
    free(body);
}

/* ---- a receiver: counts POSTs and spans, remembers span names */
typedef struct receiver {
    struct MHD_Daemon *d;
    int port;
    pthread_mutex_t mu;
    int posts, spans, bad;
    double delay_s; /* answer this late */
    char path[64];
    char names[256][64];
} receiver;

typedef struct conn_body {
    char *b;
    size_t n;
} conn_body;

static enum MHD_Result rx_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                 const char *ver, const char *data, size_t *size, void **cc) {
    (void)ver;
    receiver *r = cls;
    conn_body *cb = *cc;
    if (!cb) {
        *cc = calloc(1, sizeof *cb);
        return MHD_YES;
    }
    if (*size) {
        cb->b = realloc(cb->b, cb->n + *size + 1);
        memcpy(cb->b + cb->n, data, *size);
        cb->n += *size;
        cb->b[cb->n] = 0;
        *size = 0;
        return MHD_YES;
    }
    if (r->delay_s > 0) usleep((useconds_t)(r->delay_s * 1e6));
    json_t *d = cb->b ? json_loads(cb->b, 0, NULL) : NULL;
    json_t *spans = json_object_get(
        json_array_get(json_object_get(json_array_get(json_object_get(d, "resourceSpans"), 0), "scopeSpans"), 0), "spans");
    pthread_mutex_lock(&r->mu);
    r->posts++;
    snprintf(r->path, sizeof r->path, "%s", url);
    if (!json_is_array(spans) || strcmp(method, "POST")) r->bad++;
    for (size_t i = 0; i < json_array_size(spans); i++) {
        if (r->spans < 256)
            snprintf(r->names[r->spans], 64, "%s", json_string_value(json_object_get(json_array_get(spans, i), "name")));
        r->spans++;
    }
    pthread_mutex_unlock(&r->mu);
    json_decref(d);
    struct MHD_Response *resp = MHD_create_response_from_buffer(2, "{}", MHD_RESPMEM_PERSISTENT);
    enum MHD_Result ret = MHD_queue_response(c, 200, resp);
    MHD_destroy_response(resp);
    return ret;
}

static void rx_done(void *cls, struct MHD_Connection *c, void **cc, enum MHD_RequestTerminationCode t) {
    (void)cls, (void)c, (void)t;
    conn_body *cb = *cc;
    if (cb) free(cb->b);
    free(cb);
    *cc = NULL;
}

static bool rx_start(receiver *r) {
    pthread_mutex_init(&r->mu, NULL);
    r->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL, rx_access, r,
                            MHD_OPTION_NOTIFY_COMPLETED, rx_done, NULL, MHD_OPTION_END);
    if (!r->d) return false;
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(r->d, MHD_DAEMON_INFO_BIND_PORT);
    r->port = di ? di->port : 0;
    return r->port > 0;
}

static void rx_stop(receiver *r) {
    if (r->d) MHD_stop_daemon(r->d);
    pthread_mutex_destroy(&r->mu);
}

static void one_span(f5_obs_span *s, int i) {
    char name[32];
    snprintf(name, sizeof name, "span-%d", i);
    f5_obs_span_begin(s, "0af7651916cd43dd8448eb211c80319c", NULL, name, F5_OBS_SPAN_INTERNAL, 0);
    f5_obs_span_end(s, 0);
}

static void test_batches_arrive(void) {
    receiver r = {0};
    CHECK(rx_start(&r));
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", r.port);
    f5_obs_tracer *t = NULL;
    f5_error err = {0};
    f5_obs_tracer_opts o = {.endpoint = url, .batch_size = 4, .flush_interval_s = 0.2, .metrics = &m};
    CHECKF(f5_obs_tracer_create(&o, &t, &err) == F5_OK, "%s", err.message);
    for (int i = 0; i < 10; i++) {
        f5_obs_span s;
        one_span(&s, i);
        CHECK(f5_obs_tracer_submit(t, &s));
    }
    /* 2 full batches go at once; the last 2 spans within the flush interval */
    double t0 = mono();
    for (;;) {
        pthread_mutex_lock(&r.mu);
        int n = r.spans;
        pthread_mutex_unlock(&r.mu);
        if (n >= 10 || mono() - t0 > 5) break;
        usleep(20000);
    }
    f5_obs_tracer_stats st;
    f5_obs_tracer_stats_get(t, &st);
    CHECKF(r.spans == 10 && r.posts >= 3 && r.bad == 0, "%d spans in %d posts (%d bad)", r.spans, r.posts, r.bad);
    CHECK_STREQ(r.path, "/v1/traces");
    bool seen[10] = {0};
    for (int i = 0; i < r.spans && i < 256; i++) {
        int k = -1;
        if (sscanf(r.names[i], "span-%d", &k) == 1 && k >= 0 && k < 10) seen[k] = true;
    }
    for (int i = 0; i < 10; i++) CHECKF(seen[i], "span-%d never arrived", i);
    CHECKF(st.exported == 10 && st.dropped_full == 0 && st.dropped_export == 0, "exported %llu", st.exported);
    char *text = f5_obs_metrics_text(&m, NULL);
    CHECK(text && strstr(text, "f5tts_trace_spans_exported_total 10\n"));
    CHECK(text && strstr(text, "f5tts_trace_spans_dropped_total{reason=\"queue_full\"} 0\n"));
    free(text);
    /* spans still waiting at free are sent, not lost */
    f5_obs_span s;
    one_span(&s, 99);
    f5_obs_tracer_submit(t, &s);
    f5_obs_tracer_free(t);
    CHECKF(r.spans == 11, "%d spans after free", r.spans);
    rx_stop(&r);
    f5_obs_metrics_destroy(&m);
}

static void test_receiver_down(void) {
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    f5_obs_tracer *t = NULL;
    f5_error err = {0};
    /* port 1 on loopback: nothing listens, connections are refused */
    f5_obs_tracer_opts o = {.endpoint = "http://127.0.0.1:1", .capacity = 8, .batch_size = 4, .flush_interval_s = 0.05,
                            .metrics = &m};
    CHECKF(f5_obs_tracer_create(&o, &t, &err) == F5_OK, "%s", err.message);
    int accepted = 0;
    for (int i = 0; i < 50; i++) {
        f5_obs_span s;
        one_span(&s, i);
        accepted += f5_obs_tracer_submit(t, &s);
    }
    CHECK(f5_obs_tracer_flush(t, 5));
    f5_obs_tracer_stats st;
    f5_obs_tracer_stats_get(t, &st);
    CHECKF(st.exported == 0 && st.submitted == (unsigned long long)accepted && st.dropped_full == 50ull - accepted &&
               st.dropped_export == (unsigned long long)accepted && st.posts_failed >= 1,
           "submitted %llu dropped_full %llu dropped_export %llu", st.submitted, st.dropped_full, st.dropped_export);
    CHECK(accepted >= 8); /* at least a full ring was taken in */
    char *text = f5_obs_metrics_text(&m, NULL);
    char want[128];
    snprintf(want, sizeof want, "f5tts_trace_spans_dropped_total{reason=\"export_failed\"} %d\n", accepted);
    CHECKF(text && strstr(text, want), "no '%s'", want);
    CHECK(text && strstr(text, "f5tts_trace_spans_exported_total 0\n"));
    free(text);
    f5_obs_tracer_free(t);
    f5_obs_metrics_destroy(&m);
}

/* A receiver that takes 0.5 s per POST: submits meanwhile never wait for it. */
static void test_submit_never_waits(void) {
    receiver r = {.delay_s = 0.5};
    CHECK(rx_start(&r));
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", r.port);
    f5_obs_tracer *t = NULL;
    f5_error err = {0};
    f5_obs_tracer_opts o = {.endpoint = url, .capacity = 4, .batch_size = 1, .timeout_s = 5};
    CHECKF(f5_obs_tracer_create(&o, &t, &err) == F5_OK, "%s", err.message);
    double worst = 0;
    int accepted = 0;
    for (int i = 0; i < 200; i++) {
        f5_obs_span s;
        one_span(&s, i);
        double a = mono();
        accepted += f5_obs_tracer_submit(t, &s);
        double d = mono() - a;
        if (d > worst) worst = d;
    }
    CHECKF(worst < 0.05, "a submit took %.3f s while the receiver was slow", worst);
    CHECKF(accepted <= 5 && accepted >= 4, "%d accepted into a ring of 4 (+1 in flight)", accepted);
    f5_obs_tracer_stats st;
    f5_obs_tracer_stats_get(t, &st);
    CHECK(st.dropped_full == 200ull - accepted);
    f5_obs_tracer_free(t); /* waits for the in-flight POSTs (bounded by the timeout) */
    rx_stop(&r);
}

static void test_bad_endpoint(void) {
    f5_obs_tracer *t = NULL;
    f5_error err = {0};
    f5_obs_tracer_opts o = {.endpoint = "localhost:4318"};
    CHECK(f5_obs_tracer_create(&o, &t, &err) == F5_ERR_INVALID_ARG && t == NULL);
    CHECK(strstr(err.message, "--otlp-endpoint") != NULL);
    CHECK(f5_obs_tracer_submit(NULL, NULL) == false); /* tracing off: a no-op */
    f5_obs_tracer_free(NULL);
}

TEST_MAIN(TEST(test_encode), TEST(test_encode_escapes), TEST(test_batches_arrive), TEST(test_receiver_down), TEST(test_submit_never_waits),
          TEST(test_bad_endpoint))
