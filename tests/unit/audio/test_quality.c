/* test_quality.c - the enrolment quality gate on synthetic clips: a clean
 * speech-like clip (syllables with pauses, quiet room noise) has no
 * warning; the same clip driven into clipping is flagged `clipping`; white
 * noise is flagged `noisy`; a 1.5 s clip `too_short`; a 20 s clip with
 * pauses `will_be_cut` at the pause the preprocessing picks, one without
 * pauses `hard_cut`; a whisper `too_quiet`. The measures themselves are
 * checked against values computed by hand. */
#include "audio/quality.h"
#include "test.h"

#define SR 24000

/* xorshift noise in [-1, 1] */
static double rnd(unsigned *s) {
    *s ^= *s << 13, *s ^= *s >> 17, *s ^= *s << 5;
    return (double)*s / 2147483648.0 - 1.0;
}

/* Speech-like: 4 syllables per second (200 ms voiced harmonic tone, 50 ms
 * gap) in phrases of 2 s separated by 400 ms pauses, plus noise at noise_amp. */
static float *speechlike(double seconds, double amp, double noise_amp, double pause_every_s, size_t *n) {
    *n = (size_t)(seconds * SR);
    float *x = calloc(*n, sizeof *x);
    unsigned s = 12345;
    for (size_t i = 0; i < *n; i++) {
        double t = (double)i / SR;
        double in_phrase = pause_every_s > 0 ? fmod(t, pause_every_s + 0.4) : t;
        double syl = fmod(t, 0.25);
        double v = 0;
        if ((pause_every_s <= 0 || in_phrase < pause_every_s) && syl < 0.2) {
            double env = sin(M_PI * syl / 0.2);
            v = amp * env * (sin(2 * M_PI * 140 * t) + 0.5 * sin(2 * M_PI * 280 * t) + 0.25 * sin(2 * M_PI * 420 * t)) / 1.75;
        }
        x[i] = (float)(v + noise_amp * rnd(&s));
    }
    return x;
}

static f5_quality_report measure(float *x, size_t n) {
    f5_pcm p = {.data = x, .n = n, .sample_rate = SR, .channels = 1};
    f5_quality_report r;
    f5_error err = {0};
    f5_status st = f5_audio_quality(&p, NULL, &r, &err);
    CHECKF(st == F5_OK, "%s", err.message);
    return r;
}

static bool has(const f5_quality_report *r, const char *code) {
    for (int i = 0; i < r->n_warnings; i++)
        if (!strcmp(r->warnings[i].code, code)) return true;
    return false;
}

static void dump(const char *what, const f5_quality_report *r) {
    printf("  %s: %.2f s peak %.1f rms %.1f active %.1f dBFS clip %.4f snr %.1f dB (floor %.1f speech %.1f) "
           "silence %.2f kept %.2f cut %d@%.2f warnings:",
           what, r->duration_s, r->peak_dbfs, r->rms_dbfs, r->active_rms_dbfs, r->clipping_ratio, r->snr_db,
           r->noise_floor_dbfs, r->speech_level_dbfs, r->silence_ratio, r->kept_seconds, r->cut_stage, r->cut_at_s);
    for (int i = 0; i < r->n_warnings; i++) printf(" %s", r->warnings[i].code);
    printf("\n");
}

static void test_clean(void) {
    size_t n;
    float *x = speechlike(6.0, 0.5, 0.001, 2.0, &n);
    f5_quality_report r = measure(x, n);
    dump("clean", &r);
    CHECK_NEAR(r.duration_s, 6.0, 1e-9);
    CHECK(r.n_warnings == 0);
    CHECK(r.snr_db > 40);
    CHECK(r.clipping_ratio == 0);
    CHECK(!r.will_cut);
    CHECK(r.peak_dbfs < -6 && r.peak_dbfs > -9); /* harmonic sum peaks at ~0.4 of amp 0.5 */
    CHECK(r.active_rms_dbfs > r.rms_dbfs);
    free(x);
}

static void test_clipped(void) {
    size_t n;
    float *x = speechlike(6.0, 4.0, 0.001, 2.0, &n); /* 4x full scale, then the converter clamps */
    for (size_t i = 0; i < n; i++) x[i] = x[i] > 1 ? 1 : x[i] < -1 ? -1 : x[i];
    f5_quality_report r = measure(x, n);
    dump("clipped", &r);
    CHECK(has(&r, "clipping"));
    CHECK(r.clipping_ratio > 0.05);
    CHECK(!has(&r, "noisy"));
    CHECK_NEAR(r.peak_dbfs, 0.0, 1e-6);
    free(x);
}

static void test_noise(void) {
    size_t n = 6 * SR;
    float *x = malloc(n * sizeof *x);
    unsigned s = 99;
    for (size_t i = 0; i < n; i++) x[i] = (float)(0.3 * rnd(&s));
    f5_quality_report r = measure(x, n);
    dump("noise", &r);
    CHECK(has(&r, "noisy"));
    CHECK(r.snr_db < 3);
    /* uniform noise in [-0.3, 0.3]: rms 0.3/sqrt(3) = -15.2 dBFS */
    CHECK_NEAR(r.rms_dbfs, 20 * log10(0.3 / sqrt(3.0)), 0.2);
    free(x);
}

static void test_short_and_quiet(void) {
    size_t n;
    float *x = speechlike(1.5, 0.5, 0.0005, 2.0, &n);
    f5_quality_report r = measure(x, n);
    dump("short", &r);
    CHECK(has(&r, "too_short"));
    CHECK(!has(&r, "noisy"));
    free(x);
    x = speechlike(6.0, 0.01, 0.0, 2.0, &n); /* a whisper: peak -40 dBFS */
    r = measure(x, n);
    dump("quiet", &r);
    CHECK(has(&r, "too_quiet"));
    free(x);
}

static void test_cut(void) {
    size_t n;
    /* 20 s with 1.2 s pauses every 3 s: cut at a long silence (stage 1). */
    n = 20 * SR;
    float *x = calloc(n, sizeof *x);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / SR;
        if (fmod(t, 4.2) < 3.0) x[i] = (float)(0.3 * sin(2 * M_PI * 200 * t));
    }
    f5_quality_report r = measure(x, n);
    dump("long with pauses", &r);
    CHECK(r.will_cut && r.cut_stage == 1);
    CHECK(has(&r, "will_be_cut") && !has(&r, "hard_cut"));
    CHECK(r.cut_at_s > 6 && r.cut_at_s <= 12.0);
    CHECK(r.kept_seconds < r.duration_s);
    free(x);
    /* 20 s of continuous tone: no pause, hard cut at 12 s (stage 3). */
    x = speechlike(20.0, 0.5, 0.0, 0, &n);
    for (size_t i = 0; i < n; i++) x[i] = (float)(0.3 * sin(2 * M_PI * 200 * (double)i / SR));
    r = measure(x, n);
    dump("long without pauses", &r);
    CHECK(r.will_cut && r.cut_stage == 3);
    CHECK(has(&r, "hard_cut"));
    CHECK_NEAR(r.cut_at_s, 12.0, 0.05);
    free(x);
}

static void test_errors(void) {
    f5_pcm p = {0};
    f5_quality_report r;
    f5_error err = {0};
    CHECK(f5_audio_quality(&p, NULL, &r, &err) == F5_ERR_INVALID_AUDIO);
    CHECK(strstr(err.message, "empty") != NULL);
    /* digital silence: preprocessing rejects it; reported as a warning */
    float z[SR] = {0};
    p = (f5_pcm){.data = z, .n = SR, .sample_rate = SR, .channels = 1};
    CHECK(f5_audio_quality(&p, NULL, &r, &err) == F5_OK);
    dump("silence", &r);
    CHECK(has(&r, "unusable"));
}

TEST_MAIN(TEST(test_clean), TEST(test_clipped), TEST(test_noise), TEST(test_short_and_quiet), TEST(test_cut),
          TEST(test_errors))
