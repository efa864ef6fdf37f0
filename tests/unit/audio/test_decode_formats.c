/* test_decode_formats.c - every supported format decodes a file made at
 * test time by another program (sox, flac, oggenc, opusenc, lame,
 * espeak-ng) to within a stated error of the original 16-bit signal:
 * lossless formats exactly (int16/32768), lossy ones by SNR after
 * alignment. A missing tool skips its test (never counted as passed). */
#include "audio/audio.h"
#include "audio_util.h"
#include "test.h"

#define SR 48000
#define N (SR * 3 / 2)

static char g_dir[256];
static float *g_x;        /* the signal as floats */
static float *g_q;        /* what the 16-bit WAV holds: round(x*32767)/32768 */
static char g_wav[300];

static void cleanup(void) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    au_run(cmd);
}

static void setup(void) {
    if (g_x) return;
    au_tmpdir(g_dir, sizeof g_dir);
    atexit(cleanup);
    g_x = au_signal(N, SR);
    g_q = malloc(N * sizeof *g_q);
    for (size_t i = 0; i < N; i++) g_q[i] = (float)lrintf(g_x[i] * 32767.f) / 32768.f;
    snprintf(g_wav, sizeof g_wav, "%s/src.wav", g_dir);
    au_write_wav16(g_wav, g_x, N, SR, 1);
}

static int decode(const char *path, f5_pcm *p, const char *expect_fmt) {
    f5_error err = {0};
    f5_status st = f5_audio_decode_file(path, NULL, p, &err);
    CHECKF(st == F5_OK, "%s: %s", path, err.message);
    if (st != F5_OK) return 0;
    if (expect_fmt) CHECK_STREQ(p->format, expect_fmt);
    return 1;
}

static double max_diff(const float *a, const float *b, size_t n) {
    double m = 0;
    for (size_t i = 0; i < n; i++) m = fmax(m, fabs((double)a[i] - b[i]));
    return m;
}

static void lossless(const char *tool, const char *cmd_fmt, const char *ext, const char *fmt, double tol) {
    setup();
    if (!au_have(tool)) TEST_SKIP("tool not installed");
    char out[400], cmd[1200];
    snprintf(out, sizeof out, "%s/out_%s.%s", g_dir, fmt, ext);
    snprintf(cmd, sizeof cmd, cmd_fmt, g_wav, out);
    CHECKF(au_run(cmd) == 0, "%s failed", cmd);
    f5_pcm p = {0};
    if (!decode(out, &p, fmt)) return;
    CHECK(p.sample_rate == SR);
    CHECKF(p.n == N, "%zu samples, expected %d", p.n, N);
    if (p.n == N) {
        double d = max_diff(p.data, g_q, N);
        printf("  %s: max |decoded - original| = %.3g (tol %.3g)\n", out, d, tol);
        CHECKF(d <= tol, "max diff %g > %g", d, tol);
    }
    f5_pcm_free(&p);
}

static void lossy(const char *tool, const char *cmd_fmt, const char *ext, const char *fmt, double min_snr,
                  int expect_sr) {
    setup();
    if (!au_have(tool)) TEST_SKIP("tool not installed");
    char out[400], cmd[1200];
    snprintf(out, sizeof out, "%s/out_%s.%s", g_dir, fmt, ext);
    snprintf(cmd, sizeof cmd, cmd_fmt, g_wav, out);
    CHECKF(au_run(cmd) == 0, "%s failed", cmd);
    f5_pcm p = {0};
    if (!decode(out, &p, fmt)) return;
    CHECK(p.sample_rate == expect_sr);
    CHECKF(fabs((double)p.n - N) <= 0.05 * N, "%zu samples, expected about %d", p.n, N);
    int lag = 0;
    double snr = au_snr_aligned(g_q, N, p.data, p.n, 2500, &lag);
    printf("  %s: %zu samples, SNR %.1f dB at lag %d (min %.0f dB)\n", out, p.n, snr, lag, min_snr);
    CHECKF(snr >= min_snr, "SNR %.1f dB < %.1f", snr, min_snr);
    f5_pcm_free(&p);
}

static void test_wav16_exact(void) {
    setup();
    f5_pcm p = {0};
    if (!decode(g_wav, &p, "wav")) return;
    CHECK(p.n == N && p.sample_rate == SR && p.channels == 1);
    CHECK(p.n == N && max_diff(p.data, g_q, N) == 0.0);
    f5_pcm_free(&p);
}

static void test_wav24_sox(void) { lossless("sox", "sox %s -b 24 %s", "wav", "wav", 0.0); }
static void test_wav32_sox(void) { lossless("sox", "sox %s -b 32 -e signed-integer %s", "wav", "wav", 0.0); }
static void test_wavfloat_sox(void) { lossless("sox", "sox %s -b 32 -e floating-point %s", "wav", "wav", 0.0); }
/* 8-bit unsigned, no dither: error below one 8-bit step */
static void test_wav8_sox(void) { lossless("sox", "sox %s -D -b 8 -e unsigned-integer %s", "wav", "wav", 1.0 / 128); }
static void test_flac(void) { lossless("flac", "flac -s -f -o %2$s %1$s", "flac", "flac", 0.0); }
static void test_flac_sox(void) { lossless("sox", "sox %s %s", "flac", "flac", 0.0); }
static void test_ogg_vorbis(void) { lossy("oggenc", "oggenc -Q -q 6 -o %2$s %1$s", "ogg", "ogg", 20.0, SR); }
static void test_opus(void) { lossy("opusenc", "opusenc --quiet --bitrate 96 %s %s", "opus", "opus", 15.0, 48000); }
static void test_mp3_lame(void) { lossy("lame", "lame --quiet -b 160 %s %s", "mp3", "mp3", 15.0, SR); }
static void test_mp3_id3(void) {
    lossy("lame", "lame --quiet -b 128 --tt title --ta artist --id3v2-only %s %s", "mp3", "mp3", 15.0, SR);
}

static void test_stereo_mean(void) {
    setup();
    char path[400];
    snprintf(path, sizeof path, "%s/stereo.wav", g_dir);
    au_write_wav16(path, g_x, N, SR, 2);
    f5_pcm p = {0};
    if (!decode(path, &p, "wav")) return;
    CHECK(p.channels == 2 && p.n == N);
    double m = 0;
    for (size_t i = 0; i < p.n && p.n == N; i++) {
        float l = (float)lrintf(g_x[i] * 32767.f) / 32768.f, r = (float)lrintf(-g_x[i] / 2 * 32767.f) / 32768.f;
        m = fmax(m, fabs(p.data[i] - (l + r) / 2));
    }
    CHECKF(m < 1e-7, "stereo mean off by %g", m);
    f5_pcm_free(&p);
}

static void test_espeak_speech(void) {
    setup();
    if (!au_have("espeak-ng")) TEST_SKIP("espeak-ng not installed");
    char path[400], cmd[800];
    snprintf(path, sizeof path, "%s/speech.wav", g_dir);
    snprintf(cmd, sizeof cmd, "espeak-ng -v vi -w %s \"Xin chào, hôm nay trời đẹp.\"", path);
    CHECK(au_run(cmd) == 0);
    f5_pcm p = {0};
    if (!decode(path, &p, "wav")) return;
    CHECK(p.sample_rate == 22050);
    CHECK(p.n > 22050 / 2);
    double rms = f5_audio_rms(p.data, p.n);
    printf("  espeak-ng: %zu samples at %d Hz, rms %.4f\n", p.n, p.sample_rate, rms);
    CHECK(rms > 0.01 && rms < 0.5);
    f5_pcm_free(&p);
}

static void test_detect(void) {
    CHECK(f5_audio_detect("RIFF\0\0\0\0WAVEfmt ", 16) == F5_CONTAINER_WAV);
    CHECK(f5_audio_detect("RIFF\0\0\0\0AVI LIST", 16) == F5_CONTAINER_UNKNOWN);
    CHECK(f5_audio_detect("fLaC\0\0\0\"", 8) == F5_CONTAINER_FLAC);
    CHECK(f5_audio_detect("\xff\xfb\x90\x64", 4) == F5_CONTAINER_MP3);
    CHECK(f5_audio_detect("\xff\xf1\x50\x80", 4) == F5_CONTAINER_UNKNOWN); /* ADTS AAC */
    CHECK(f5_audio_detect("ID3\x04\0\0\0\0\0\0\xff\xfb\x90\x64", 14) == F5_CONTAINER_MP3);
    CHECK(f5_audio_detect("ID3\x04\0\0\0\0\0\0PNG!", 14) == F5_CONTAINER_UNKNOWN);
    CHECK(f5_audio_detect("abc", 3) == F5_CONTAINER_UNKNOWN);
    CHECK(f5_audio_detect(NULL, 0) == F5_CONTAINER_UNKNOWN);
}

TEST_MAIN(TEST(test_wav16_exact), TEST(test_wav24_sox), TEST(test_wav32_sox), TEST(test_wavfloat_sox),
          TEST(test_wav8_sox), TEST(test_flac), TEST(test_flac_sox), TEST(test_ogg_vorbis), TEST(test_opus),
          TEST(test_mp3_lame), TEST(test_mp3_id3), TEST(test_stereo_mean), TEST(test_espeak_speech), TEST(test_detect))
