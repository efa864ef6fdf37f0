/* test_resample.c - torchaudio-compatible resampling: the golden
 * 22050 -> 24000 case, a sine keeps its frequency and level through common
 * rate pairs (and the soxr fallback for pathological rates), lengths follow
 * ceil(n * new / orig), identity copies. */
#include "audio/audio.h"
#include "model/safetensors.h"
#include "test.h"

static float *sine(size_t n, int sr, double f, double amp) {
    float *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) x[i] = (float)(amp * sin(2 * M_PI * f * i / sr));
    return x;
}

/* Frequency of the strongest tone by a fine Goertzel scan around f0, and its RMS. */
static double peak_freq(const float *x, size_t n, int sr, double f0) {
    double best = 0, bf = 0;
    for (double f = f0 - 20; f <= f0 + 20; f += 0.05) {
        double w = 2 * M_PI * f / sr, c = 2 * cos(w), s1 = 0, s2 = 0;
        for (size_t i = 0; i < n; i++) {
            double s0 = x[i] + c * s1 - s2;
            s2 = s1, s1 = s0;
        }
        double p = s1 * s1 + s2 * s2 - c * s1 * s2;
        if (p > best) best = p, bf = f;
    }
    return bf;
}

static void check_pair(int from, int to, double f) {
    size_t n = (size_t)from; /* 1 s */
    float *x = sine(n, from, f, 0.5), *y = NULL;
    size_t ny = 0;
    f5_error err = {0};
    CHECKF(f5_audio_resample(x, n, from, to, &y, &ny, &err) == F5_OK, "%s", err.message);
    if (!y) {
        free(x);
        return;
    }
    CHECK(ny == f5_resample_out_len(n, from, to));
    CHECK(ny == (size_t)to);
    /* ignore the edges (filter transients) */
    size_t m = ny / 10;
    double rms = f5_audio_rms(y + m, ny - 2 * m);
    double pf = peak_freq(y + m, ny - 2 * m, to, f);
    printf("  %d -> %d Hz: %.1f Hz sine -> peak %.2f Hz, rms %.5f (expected %.5f)\n", from, to, f, pf, rms,
           0.5 / sqrt(2));
    CHECK_NEAR(pf, f, 0.2);
    CHECK_NEAR(rms, 0.5 / sqrt(2), 0.005);
    free(x), free(y);
}

static void test_sine_22050_24000(void) { check_pair(22050, 24000, 1000); }
static void test_sine_44100_24000(void) { check_pair(44100, 24000, 3000); }
static void test_sine_48000_24000(void) { check_pair(48000, 24000, 5000.5); }
static void test_sine_16000_24000(void) { check_pair(16000, 24000, 440); }
static void test_sine_8000_24000(void) { check_pair(8000, 24000, 1500); }
static void test_sine_soxr_fallback(void) { check_pair(44101, 24000, 1000); }

/* Above the new Nyquist: removed (lowpass at 0.99 * 12 kHz). */
static void test_alias_rejected(void) {
    size_t n = 48000;
    float *x = sine(n, 48000, 15000, 0.5), *y = NULL;
    size_t ny;
    f5_error err = {0};
    CHECK(f5_audio_resample(x, n, 48000, 24000, &y, &ny, &err) == F5_OK);
    double rms = y ? f5_audio_rms(y + 2400, ny - 4800) : 1;
    /* the short Hann-windowed sinc (width 6) attenuates ~45 dB here: require 40 */
    printf("  15 kHz at 48 kHz -> 24 kHz: residual rms %.2e (%.1f dB)\n", rms, 20 * log10(rms / (0.5 / sqrt(2))));
    CHECK(rms < 0.01 * 0.5 / sqrt(2));
    free(x), free(y);
}

static void test_lengths_identity_errors(void) {
    CHECK(f5_resample_out_len(73858, 22050, 24000) == 80390);
    CHECK(f5_resample_out_len(1, 22050, 24000) == 2);
    CHECK(f5_resample_out_len(0, 22050, 24000) == 0);
    float x[5] = {1, 2, 3, 4, 5}, *y = NULL;
    size_t ny = 0;
    f5_error err = {0};
    CHECK(f5_audio_resample(x, 5, 24000, 24000, &y, &ny, &err) == F5_OK && ny == 5 && y && y[4] == 5);
    free(y);
    CHECK(f5_audio_resample(x, 5, 999, 24000, &y, &ny, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_audio_resample(x, 5, 24000, 800000, &y, &ny, &err) == F5_ERR_INVALID_ARG);
}

static void test_golden_resample(void) {
    const char *dir = t_golden_dir();
    if (!dir) TEST_SKIP("golden data not found");
    char path[4096];
    snprintf(path, sizeof path, "%s/mel/vectors.safetensors", dir);
    f5_weights *w = NULL;
    f5_error err = {0};
    CHECKF(f5_safetensors_load(path, &w, &err) == F5_OK, "%s", err.message);
    if (!w) return;
    const float *in, *ref;
    CHECK(f5_weights_get_f32(w, "resample.in", -1, NULL, &in, &err) == F5_OK);
    CHECK(f5_weights_get_f32(w, "resample.out", -1, NULL, &ref, &err) == F5_OK);
    const f5_tensor *ti = f5_weights_find(w, "resample.in"), *to = f5_weights_find(w, "resample.out");
    float *y = NULL;
    size_t ny = 0;
    CHECK(f5_audio_resample(in, (size_t)ti->numel, 22050, 24000, &y, &ny, &err) == F5_OK);
    CHECK((int64_t)ny == to->numel);
    if (y && (int64_t)ny == to->numel) {
        double num = 0, den = 0, mx = 0;
        for (size_t i = 0; i < ny; i++) {
            double d = (double)y[i] - ref[i];
            num += d * d, den += (double)ref[i] * ref[i], mx = fmax(mx, fabs(d));
        }
        printf("  golden resample.out: max_abs %.3g rel_l2 %.3g (tol 4.29e-05, 1.39e-05)\n", mx, sqrt(num / den));
        CHECK(mx <= 4.29e-05 && sqrt(num / den) <= 1.39e-05);
    }
    free(y);
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_sine_22050_24000), TEST(test_sine_44100_24000), TEST(test_sine_48000_24000),
          TEST(test_sine_16000_24000), TEST(test_sine_8000_24000), TEST(test_sine_soxr_fallback),
          TEST(test_alias_rejected), TEST(test_lengths_identity_errors), TEST(test_golden_resample))
