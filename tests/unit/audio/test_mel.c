/* test_mel.c - the log-mel against the golden vectors (filterbank, window,
 * |STFT| and log-mel of the speech/short/odd waves; tolerances from the
 * manifest values), the frame count, both output layouts, the short-input
 * error, and one f5_mel per thread running concurrently. */
#include "audio/mel.h"
#include "model/safetensors.h"
#include "test.h"

#include <pthread.h>

static f5_weights *load_golden(void) {
    const char *dir = t_golden_dir();
    if (!dir) return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/mel/vectors.safetensors", dir);
    f5_weights *w = NULL;
    f5_error err = {0};
    CHECKF(f5_safetensors_load(path, &w, &err) == F5_OK, "%s", err.message);
    return w;
}

static void cmp(const char *what, const float *got, const float *ref, size_t n, double tol_abs, double tol_rel) {
    double num = 0, den = 0, mx = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)got[i] - ref[i];
        num += d * d, den += (double)ref[i] * ref[i], mx = fmax(mx, fabs(d));
    }
    double rel = sqrt(num / (den > 0 ? den : 1));
    printf("  %-16s max_abs %.3g rel_l2 %.3g (tol %.3g / %.3g)\n", what, mx, rel, tol_abs, tol_rel);
    CHECKF(mx <= tol_abs && rel <= tol_rel, "%s", what);
}

static void test_golden_mel(void) {
    f5_weights *w = load_golden();
    if (!w) TEST_SKIP("golden data not found");
    f5_mel *m = NULL;
    f5_error err = {0};
    CHECK(f5_mel_create(&m, &err) == F5_OK);
    const float *fb, *win;
    CHECK(f5_weights_get_f32(w, "fb", 2, (int64_t[]){513, 100}, &fb, &err) == F5_OK);
    CHECK(f5_weights_get_f32(w, "window", 1, (int64_t[]){1024}, &win, &err) == F5_OK);
    cmp("fb", f5_mel_filterbank(m), fb, 513 * 100, 1e-4, 1e-5);
    cmp("window", f5_mel_window(m), win, 1024, 1e-6, 1e-6);
    /* per-tensor tolerances of the manifest (speech/short/odd) */
    const struct { const char *stem; double ta, tr; } cases[] = {
        {"speech", 0.0794, 0.000273}, {"short", 0.00136, 7.63e-05}, {"odd", 0.0352, 0.00039}};
    for (int c = 0; c < 3; c++) {
        char k[64];
        snprintf(k, sizeof k, "%s.wave", cases[c].stem);
        const f5_tensor *tw = f5_weights_find(w, k);
        const float *wave, *ref, *mag_ref;
        CHECK(tw && f5_weights_get_f32(w, k, -1, NULL, &wave, &err) == F5_OK);
        if (!tw) continue;
        size_t n = (size_t)tw->numel;
        int64_t T = f5_mel_frames(n);
        snprintf(k, sizeof k, "%s.mel", cases[c].stem);
        CHECK(f5_weights_get_f32(w, k, 3, (int64_t[]){1, 100, T}, &ref, &err) == F5_OK);
        float *mel = malloc(sizeof(float) * 513 * T), *mel_t = malloc(sizeof(float) * 100 * T);
        CHECK(f5_mel_compute(m, wave, n, mel, mel_t, &err) == F5_OK);
        cmp(k, mel, ref, (size_t)(100 * T), cases[c].ta, cases[c].tr);
        int bad = 0;
        for (int64_t t = 0; t < T; t++)
            for (int j = 0; j < 100; j++) bad += mel_t[t * 100 + j] != mel[j * T + t];
        CHECK(bad == 0);
        snprintf(k, sizeof k, "%s.spec_mag", cases[c].stem);
        if (f5_weights_find(w, k)) {
            CHECK(f5_weights_get_f32(w, k, 3, (int64_t[]){1, 513, T}, &mag_ref, &err) == F5_OK);
            CHECK(f5_mel_spec_mag(m, wave, n, mel, &err) == F5_OK);
            cmp(k, mel, mag_ref, (size_t)(513 * T), 1e-4, 1e-5);
        }
        free(mel), free(mel_t);
    }
    f5_mel_free(m);
    f5_weights_free(w);
}

static void test_frames_and_errors(void) {
    CHECK(f5_mel_frames(80390) == 315);
    CHECK(f5_mel_frames(700) == 3);
    CHECK(f5_mel_frames(12345) == 49);
    CHECK(f5_mel_frames(256) == 2);
    f5_mel *m = NULL;
    f5_error err = {0};
    CHECK(f5_mel_create(&m, &err) == F5_OK);
    float x[600] = {0}, out[100 * 3];
    CHECK(f5_mel_compute(m, x, 512, out, NULL, &err) == F5_ERR_AUDIO_TOO_SHORT);
    CHECK(strstr(err.message, "512") != NULL);
    CHECK(f5_mel_compute(m, x, 513, out, NULL, &err) == F5_OK);
    /* silence -> the log floor */
    CHECK_NEAR(out[0], log(1e-5), 1e-6);
    f5_mel_free(m);
}

typedef struct { const float *x; size_t n; float *out; int rc; } job;
static void *worker(void *p) {
    job *j = p;
    f5_mel *m = NULL;
    j->rc = f5_mel_create(&m, NULL);
    for (int r = 0; r < 5 && j->rc == F5_OK; r++) j->rc = f5_mel_compute(m, j->x, j->n, j->out, NULL, NULL);
    f5_mel_free(m);
    return NULL;
}

static void test_threads(void) {
    size_t n = 24000;
    float *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) x[i] = (float)sin(i * 0.01) * 0.3f;
    int64_t T = f5_mel_frames(n);
    job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){x, n, malloc(sizeof(float) * 100 * T), -1};
        pthread_create(&th[i], NULL, worker, &jobs[i]);
    }
    for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
    float *ref = malloc(sizeof(float) * 100 * T);
    f5_mel *m0 = NULL;
    CHECK(f5_mel_create(&m0, NULL) == F5_OK && f5_mel_compute(m0, x, n, ref, NULL, NULL) == F5_OK);
    f5_mel_free(m0);
    for (int i = 0; i < 4; i++) {
        CHECK(jobs[i].rc == F5_OK);
        double md = 0;
        for (int64_t q = 0; q < 100 * T; q++) md = fmax(md, fabs(jobs[i].out[q] - ref[q]));
        printf("  thread %d: max diff to a single-threaded run = %g\n", i, md);
        CHECK(md == 0);
        free(jobs[i].out);
    }
    free(ref);
    free(x);
}

TEST_MAIN(TEST(test_golden_mel), TEST(test_frames_and_errors), TEST(test_threads))
