/* test_metrics.c - the metrics registry: counts per label set, cumulative
 * histogram buckets, the "other" fold past the series limit, Prometheus
 * float spelling (NaN, +Inf), label escaping, and gauges left out until set. */
#include "service/obs/metrics.h"
#include "test.h"

#include <math.h>
#include <sys/statvfs.h>

static int has(const char *text, const char *line) {
    return strstr(text, line) != NULL;
}

static void test_counters_and_labels(void) {
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    f5_obs_metrics_http(&m, "/tts", 200, 0.2);
    f5_obs_metrics_http(&m, "/tts", 200, 0.3);
    f5_obs_metrics_http(&m, "/tts", 422, 0.001);
    f5_obs_metrics_http(&m, "", 404, 0.001);
    f5_obs_inc(&m, F5_OBS_RATE_LIMITED, "a\"b\\c", NULL);
    f5_obs_add(&m, F5_OBS_AUDIO_SECONDS, NULL, NULL, -5); /* counters never go down */
    char *t = f5_obs_metrics_text(&m, NULL);
    CHECK(t != NULL);
    CHECK(has(t, "# TYPE f5tts_http_requests_total counter\n"));
    CHECK(has(t, "f5tts_http_requests_total{route=\"/tts\",code=\"200\"} 2\n"));
    CHECK(has(t, "f5tts_http_requests_total{route=\"/tts\",code=\"422\"} 1\n"));
    CHECK(has(t, "f5tts_http_requests_total{route=\"unmatched\",code=\"404\"} 1\n"));
    CHECK(has(t, "f5tts_rate_limited_total{reason=\"a\\\"b\\\\c\"} 1\n"));
    CHECK(has(t, "f5tts_audio_seconds_total 0\n"));
    CHECK(!has(t, "f5tts_model_load_seconds")); /* gauge never set: absent */
    CHECK(has(t, "f5tts_process_resident_memory_bytes "));
    CHECK(has(t, "f5tts_process_open_fds "));
    CHECK(!has(t, "f5tts_queue_depth")); /* no sample given */
    free(t);
    f5_obs_metrics_destroy(&m);
}

static void test_histogram(void) {
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    f5_obs_metrics_http(&m, "/tts", 200, 0.2);  /* <= 0.25 */
    f5_obs_metrics_http(&m, "/tts", 200, 0.3);  /* <= 0.5 */
    f5_obs_metrics_http(&m, "/tts", 200, 1000); /* only +Inf */
    f5_obs_metrics_job(&m, 0, 4.0, 2.0);        /* rtf 0.5 */
    f5_obs_sample smp = {3, 1, -1, -1, -1, 2, NULL, NULL};
    char *t = f5_obs_metrics_text(&m, &smp);
    CHECK(t != NULL);
    CHECK(has(t, "# TYPE f5tts_http_request_duration_seconds histogram\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_bucket{route=\"/tts\",le=\"0.10000000000000001\"} 0\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_bucket{route=\"/tts\",le=\"0.25\"} 1\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_bucket{route=\"/tts\",le=\"0.5\"} 2\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_bucket{route=\"/tts\",le=\"120\"} 2\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_bucket{route=\"/tts\",le=\"+Inf\"} 3\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_sum{route=\"/tts\"} 1000.5\n"));
    CHECK(has(t, "f5tts_http_request_duration_seconds_count{route=\"/tts\"} 3\n"));
    CHECK(has(t, "f5tts_synthesis_rtf_bucket{le=\"0.5\"} 1\n"));
    CHECK(has(t, "f5tts_synthesis_rtf_bucket{le=\"0.29999999999999999\"} 0\n"));
    CHECK(has(t, "f5tts_synthesis_duration_seconds_sum 2\n"));
    CHECK(has(t, "f5tts_audio_seconds_total 4\n"));
    CHECK(has(t, "f5tts_jobs_finished_total{state=\"succeeded\"} 1\n"));
    CHECK(has(t, "f5tts_queue_jobs{state=\"queued\"} 3\n"));
    CHECK(has(t, "f5tts_queue_jobs{state=\"running\"} 1\n"));
    CHECK(!has(t, "f5tts_queue_jobs{state=\"dead\"}"));
    CHECK(has(t, "f5tts_queue_depth 3\n"));
    free(t);
    f5_obs_metrics_destroy(&m);
}

static void test_series_limit_and_floats(void) {
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    char r[32];
    for (int i = 0; i < 200; i++) {
        snprintf(r, sizeof r, "/r%d", i);
        f5_obs_inc(&m, F5_OBS_STORAGE_ERRORS, r, NULL);
    }
    f5_obs_set(&m, F5_OBS_MODEL_LOAD, NULL, NULL, NAN);
    f5_obs_set(&m, F5_OBS_MODEL_WARMUP, NULL, NULL, INFINITY);
    char *t = f5_obs_metrics_text(&m, NULL);
    CHECK(t != NULL);
    CHECK(has(t, "f5tts_storage_errors_total{op=\"/r0\"} 1\n"));
    CHECK(has(t, "f5tts_storage_errors_total{op=\"/r46\"} 1\n"));
    CHECK(!has(t, "{op=\"/r47\"}"));
    CHECK(has(t, "f5tts_storage_errors_total{op=\"other\"} 153\n"));
    CHECK(has(t, "f5tts_model_load_seconds NaN\n"));
    CHECK(has(t, "f5tts_model_warmup_seconds +Inf\n"));
    char b[32];
    f5_obs_fmt_double(b, sizeof b, -INFINITY);
    CHECK_STREQ(b, "-Inf");
    f5_obs_fmt_double(b, sizeof b, 0.5);
    CHECK_STREQ(b, "0.5");
    free(t);
    f5_obs_metrics_destroy(&m);
}

/* GPU families exist only while a provider is installed; unknown values
 * (< 0) are left out per device. */
static int fake_gpus(void *user, f5_obs_gpu_stat *out, int max) {
    int *calls = user;
    (*calls)++;
    if (max < 2) return 0;
    out[0] = (f5_obs_gpu_stat){.index = 0, .mem_used_bytes = 1.5e9, .mem_total_bytes = 8e10, .utilization = 0.25};
    out[1] = (f5_obs_gpu_stat){.index = 1, .mem_used_bytes = 0, .mem_total_bytes = 8e10, .utilization = -1};
    return 2;
}

static void test_gpu_gauges(void) {
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    char *t = f5_obs_metrics_text(&m, NULL);
    CHECK(t && !has(t, "f5tts_gpu_")); /* CPU build: absent */
    free(t);
    int calls = 0;
    f5_obs_metrics_set_gpu(&m, fake_gpus, &calls);
    t = f5_obs_metrics_text(&m, NULL);
    CHECK(calls == 1);
    CHECK(t && has(t, "# TYPE f5tts_gpu_memory_used_bytes gauge\n"));
    CHECK(t && has(t, "f5tts_gpu_memory_used_bytes{device=\"0\"} 1500000000\n"));
    CHECK(t && has(t, "f5tts_gpu_memory_used_bytes{device=\"1\"} 0\n"));
    CHECK(t && has(t, "f5tts_gpu_memory_total_bytes{device=\"1\"} 80000000000\n"));
    CHECK(t && has(t, "f5tts_gpu_utilization_ratio{device=\"0\"} 0.25\n"));
    CHECK(t && !has(t, "f5tts_gpu_utilization_ratio{device=\"1\"}"));
    free(t);
    f5_obs_metrics_set_gpu(&m, NULL, NULL);
    t = f5_obs_metrics_text(&m, NULL);
    CHECK(t && !has(t, "f5tts_gpu_") && calls == 1);
    free(t);
    f5_obs_metrics_destroy(&m);
}

/* Disk gauges of the data and model filesystems equal statvfs; the memory
 * limit is present and at least the RSS. */
static void test_disk_and_memory(void) {
    f5_obs_metrics m;
    f5_obs_metrics_init(&m);
    f5_obs_sample smp = {-1, -1, -1, -1, -1, -1, "/tmp", "/nonexistent/model.safetensors"};
    char *t = f5_obs_metrics_text(&m, &smp);
    struct statvfs sv;
    CHECK(statvfs("/tmp", &sv) == 0);
    char want[128];
    snprintf(want, sizeof want, "f5tts_data_disk_size_bytes %.17g\n", (double)sv.f_blocks * (double)sv.f_frsize);
    CHECKF(t && has(t, want), "no '%s'", want);
    const char *fk = "\nf5tts_data_disk_free_bytes ", *f = t ? strstr(t, fk) : NULL;
    double free_b = f ? atof(f + strlen(fk)) : -1;
    CHECKF(free_b > 0 && fabs(free_b - (double)sv.f_bavail * (double)sv.f_frsize) < 1e9, "free %g", free_b);
    CHECK(t && !has(t, "f5tts_model_disk_")); /* the model path does not exist: left out */
    const char *lk = "\nf5tts_memory_limit_bytes ", *l = t ? strstr(t, lk) : NULL;
    const char *rk = "\nf5tts_process_resident_memory_bytes ", *r = t ? strstr(t, rk) : NULL;
    CHECK(l && r && atof(l + strlen(lk)) > atof(r + strlen(rk)) && atof(r + strlen(rk)) > 0);
    free(t);
    f5_obs_metrics_destroy(&m);
}

TEST_MAIN(TEST(test_counters_and_labels), TEST(test_histogram), TEST(test_series_limit_and_floats), TEST(test_gpu_gauges),
          TEST(test_disk_and_memory))
