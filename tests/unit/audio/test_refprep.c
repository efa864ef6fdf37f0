/* test_refprep.c - reference preprocessing as upstream (pydub semantics):
 * the three 12 s clip stages, edge trimming, the 50 ms tail, RMS
 * normalisation (upwards only) with the scale reported, resampling, errors;
 * and the pydub primitives (len rounding, dBFS thresholds, split_on_silence,
 * remove_silence, the 11025 Hz silent segment's length). */
#include "audio/audio.h"
#include "audio/silence_impl.h"
#include "model/safetensors.h"
#include "test.h"

#define SR 24000

/* Tone bursts: segments [on_start, on_end) seconds of a 300 Hz tone (amp), zeros elsewhere. */
static float *bursts(double total_s, const double (*on)[2], int n_on, double amp, size_t *n) {
    *n = (size_t)(total_s * SR);
    float *x = calloc(*n, sizeof *x);
    for (int k = 0; k < n_on; k++)
        for (size_t i = (size_t)(on[k][0] * SR); i < (size_t)(on[k][1] * SR) && i < *n; i++)
            x[i] = (float)(amp * sin(2 * M_PI * 300 * i / SR));
    return x;
}

static f5_refprep_result prep(float *x, size_t n, int sr, f5_status expect) {
    f5_pcm p = {.data = x, .n = n, .sample_rate = sr, .channels = 1};
    f5_refprep_params par = f5_refprep_default_params();
    f5_refprep_result r;
    f5_error err = {0};
    f5_status st = f5_refprep(&p, &par, &r, &err);
    CHECKF(st == expect, "got %s (%s), expected %s", f5_status_str(st), err.message, f5_status_str(expect));
    if (st == F5_OK)
        printf("  in %.3f s -> kept %.4f s, clipped %d (stage %d), rms %.4f, scale %.4f, %zu samples @24k\n",
               r.input_seconds, r.kept_seconds, r.clipped, r.clip_stage, r.rms, r.scale, r.n);
    return r;
}

static void test_short_trimmed(void) {
    size_t n;
    const double on[][2] = {{0.5, 3.5}};
    float *x = bursts(4.0, on, 1, 0.05, &n);
    f5_refprep_result r = prep(x, n, SR, F5_OK);
    CHECK(!r.clipped && r.clip_stage == 0);
    CHECK_NEAR(r.input_seconds, 4.0, 1e-9);
    /* 0.5 s leading silence (10 ms steps) and 0.5 s trailing (1 ms steps) gone, + 1198 samples */
    CHECK_NEAR(r.kept_seconds, 3.0 + 1198.0 / SR, 0.0021);
    CHECK_NEAR(r.rms, 0.05 / sqrt(2) * sqrt(3.0 / r.kept_seconds), 2e-4);
    CHECK(r.scaled && fabs(r.scale - 0.1 / r.rms) < 1e-4);
    CHECK_NEAR(f5_audio_rms(r.wave, r.n), 0.1, 1e-4);
    CHECK(r.n == (size_t)(r.kept_seconds * SR + 0.5));
    f5_refprep_free(&r);
    free(x);
}

static void test_stage1_long_silences(void) {
    size_t n;
    const double on[][2] = {{0, 4}, {5.5, 9.5}, {11, 15}, {16.5, 20.5}};
    float *x = bursts(21.0, on, 4, 0.2, &n);
    f5_refprep_result r = prep(x, n, SR, F5_OK);
    /* segments [0,4.75) [4.75,10.25) ...: the third would pass 12 s -> 10.25 s, trailing silence trimmed to 9.5 s */
    CHECK(r.clipped && r.clip_stage == 1);
    CHECK_NEAR(r.kept_seconds, 9.5 + 1198.0 / SR, 0.0021);
    CHECK(!r.scaled && r.scale == 1.0f); /* rms > 0.1: never scaled down */
    f5_refprep_free(&r);
    free(x);
}

static void test_stage2_short_pauses(void) {
    size_t n;
    double on[10][2];
    for (int k = 0; k < 10; k++) on[k][0] = k * 2.0, on[k][1] = k * 2.0 + 1.7; /* 0.3 s pauses */
    float *x = bursts(20.0, (const double(*)[2])on, 10, 0.2, &n);
    f5_refprep_result r = prep(x, n, SR, F5_OK);
    CHECK(r.clipped && r.clip_stage == 2);
    CHECK(r.kept_seconds <= 12.05 + 1e-9 && r.kept_seconds > 6.0);
    f5_refprep_free(&r);
    free(x);
}

static void test_stage3_hard_cut(void) {
    size_t n;
    const double on[][2] = {{0, 20}};
    float *x = bursts(20.0, on, 1, 0.2, &n);
    f5_refprep_result r = prep(x, n, SR, F5_OK);
    CHECK(r.clipped && r.clip_stage == 3);
    CHECK_NEAR(r.kept_seconds, 12.0 + 1198.0 / SR, 0.0011);
    f5_refprep_free(&r);
    free(x);
}

static void test_silent_and_empty(void) {
    size_t n = SR * 2;
    float *x = calloc(n, sizeof *x);
    f5_refprep_result r = prep(x, n, SR, F5_ERR_AUDIO_TOO_SHORT);
    CHECK(r.wave == NULL);
    f5_pcm p = {.data = x, .n = 0, .sample_rate = SR};
    f5_error err = {0};
    CHECK(f5_refprep(&p, NULL, &r, &err) == F5_ERR_INVALID_AUDIO);
    /* without trimming, digital silence is still refused (RMS 0 cannot be normalised) */
    p.n = n;
    f5_refprep_params par = f5_refprep_default_params();
    par.clip_and_trim = false;
    CHECK(f5_refprep(&p, &par, &r, &err) == F5_ERR_INVALID_AUDIO);
    free(x);
}

static void test_no_trim_resampled(void) {
    size_t n = 22050 * 2;
    float *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) x[i] = 0.02f * (float)sin(i * 0.07);
    f5_pcm p = {.data = x, .n = n, .sample_rate = 22050};
    f5_refprep_params par = f5_refprep_default_params();
    par.clip_and_trim = false;
    f5_refprep_result r;
    f5_error err = {0};
    CHECK(f5_refprep(&p, &par, &r, &err) == F5_OK);
    CHECK(r.n == f5_resample_out_len(n, 22050, 24000));
    CHECK_NEAR(r.kept_seconds, 2.0, 1e-9);
    CHECK_NEAR(r.scale, 0.1 / (0.02 / sqrt(2)), 0.01);
    /* normalised to the target before resampling: the 24 kHz copy keeps that RMS */
    CHECK_NEAR(f5_audio_rms(r.wave + 2400, r.n - 4800), 0.1, 5e-4);
    f5_refprep_free(&r);
    free(x);
}

static void test_pydub_primitives(void) {
    CHECK(f5_pcm_len_ms(12, 24000) == 0);   /* 0.5 ms -> round half to even */
    CHECK(f5_pcm_len_ms(36, 24000) == 2);   /* 1.5 ms -> 2 */
    CHECK(f5_pcm_len_ms(60, 24000) == 2);   /* 2.5 ms -> 2 */
    CHECK(f5_pcm_len_ms(80390, 24000) == 3350);
    CHECK(f5_pydub_silent_frames(50, 24000) == 1198);
    CHECK(f5_pydub_silent_frames(50, 44100) == 2201);
    CHECK(f5_pydub_silent_frames(50, 48000) == 2395);
    CHECK(f5_pydub_silent_frames(50, 16000) == 799);
    CHECK(f5_pydub_silent_frames(50, 22050) == 1101);
    CHECK(f5_pydub_silent_frames(50, 11025) == 551);
    /* dBFS on truncated integer rms: -50 dBFS = 103.6 on the 16-bit scale */
    float a[2400], b[2400];
    for (int i = 0; i < 2400; i++) a[i] = 103.9f / 32768.f, b[i] = 104.0f / 32768.f;
    f5_loud la, lb;
    CHECK(f5_loud_init(&la, a, 2400, SR, NULL) == F5_OK && f5_loud_init(&lb, b, 2400, SR, NULL) == F5_OK);
    CHECK(f5_loud_rms(&la, 0, 100) == 103 && f5_loud_rms(&lb, 0, 100) == 104);
    CHECK(f5_loud_dbfs(&la, 0, 100) < -50.0 && f5_loud_dbfs(&lb, 0, 100) > -50.0);
    CHECK(isinf(f5_loud_dbfs(&la, 100, 100)));
    f5_loud_free(&la), f5_loud_free(&lb);
}

static void test_split_and_remove_silence(void) {
    size_t n;
    const double on[][2] = {{0, 1}, {4, 5}};
    float *x = bursts(5.0, on, 2, 0.3, &n);
    f5_seg *s = NULL;
    size_t ns = 0;
    CHECK(f5_split_on_silence(x, n, SR, 1000, -50, 500, 10, &s, &ns, NULL) == F5_OK);
    CHECK(ns == 2);
    if (ns == 2) {
        printf("  segments [%lld, %lld) [%lld, %lld) ms\n", (long long)s[0].start_ms, (long long)s[0].end_ms,
               (long long)s[1].start_ms, (long long)s[1].end_ms);
        CHECK(s[0].start_ms == 0 && s[0].end_ms == 1500 && s[1].start_ms == 3500 && s[1].end_ms == 5000);
    }
    free(s);
    float *y = NULL;
    size_t ny = 0;
    CHECK(f5_remove_silence(x, n, SR, &y, &ny, NULL) == F5_OK);
    CHECK(ny == (size_t)(3.0 * SR));
    CHECK(y && y[SR / 2] == x[SR / 2] && y[ny - 1] == x[n - 1]);
    free(y);
    /* no silence: unchanged; all silence: empty */
    const double all[][2] = {{0, 5}};
    float *z = bursts(5.0, all, 1, 0.3, &n);
    CHECK(f5_remove_silence(z, n, SR, &y, &ny, NULL) == F5_OK && ny == n);
    free(y);
    memset(z, 0, n * sizeof *z);
    CHECK(f5_remove_silence(z, n, SR, &y, &ny, NULL) == F5_OK && ny == 0);
    free(y);
    free(z);
    free(x);
}

/* infer_e2e_tiny step 1: load ref.wav, RMS-normalise (no clip/trim, as the
 * golden run) -> ref.wave_loaded and ref.cond_wave exactly as upstream. */
static void test_golden_e2e_reference(void) {
    const char *dir = t_golden_dir();
    if (!dir) TEST_SKIP("golden data not found");
    char path[4096];
    f5_error err = {0};
    f5_pcm p = {0};
    snprintf(path, sizeof path, "%s/infer_e2e_tiny/ref.wav", dir);
    CHECKF(f5_audio_decode_file(path, NULL, &p, &err) == F5_OK, "%s", err.message);
    snprintf(path, sizeof path, "%s/infer_e2e_tiny/vectors.safetensors", dir);
    f5_weights *w = NULL;
    CHECK(f5_safetensors_load(path, &w, &err) == F5_OK);
    const float *loaded = NULL, *cond = NULL;
    const f5_tensor *tl = w ? f5_weights_find(w, "ref.wave_loaded") : NULL;
    if (tl) CHECK(f5_weights_get_f32(w, "ref.wave_loaded", -1, NULL, &loaded, &err) == F5_OK);
    if (tl) CHECK(f5_weights_get_f32(w, "ref.cond_wave", -1, NULL, &cond, &err) == F5_OK);
    if (p.data && loaded && cond) {
        CHECK(p.n == (size_t)tl->numel);
        double m = 0;
        for (size_t i = 0; i < p.n && p.n == (size_t)tl->numel; i++) m = fmax(m, fabs(p.data[i] - loaded[i]));
        CHECKF(m == 0, "decoded ref.wav differs from ref.wave_loaded by %g", m);
        f5_refprep_params par = f5_refprep_default_params();
        par.clip_and_trim = false;
        f5_refprep_result r;
        CHECK(f5_refprep(&p, &par, &r, &err) == F5_OK);
        CHECK_NEAR(r.rms, 0.05590515956282616, 1e-7);
        CHECK(r.scaled && r.n == (size_t)tl->numel);
        m = 0;
        for (size_t i = 0; i < r.n && r.n == (size_t)tl->numel; i++) m = fmax(m, fabs(r.wave[i] - cond[i]));
        printf("  ref.cond_wave: max_abs %.3g\n", m);
        CHECK(m <= 2.5e-7); /* torch takes the RMS in float32: a last-bit difference in the scale */
        f5_refprep_free(&r);
    }
    f5_pcm_free(&p);
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_golden_e2e_reference), TEST(test_short_trimmed), TEST(test_stage1_long_silences), TEST(test_stage2_short_pauses),
          TEST(test_stage3_hard_cut), TEST(test_silent_and_empty), TEST(test_no_trim_resampled),
          TEST(test_pydub_primitives), TEST(test_split_and_remove_silence))
