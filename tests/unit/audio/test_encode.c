/* test_encode.c - encode -> decode round trips for every output format,
 * the streaming WAV header, clamping float -> s16 conversion, format names. */
#include "audio/audio.h"
#include "audio_util.h"
#include "test.h"

#define SR 24000
#define N (SR * 2)

static void roundtrip(f5_audio_format fmt, const char *expect_container, double max_err, double min_snr) {
    float *x = au_signal(N, SR);
    uint8_t *bytes = NULL;
    size_t len = 0;
    f5_error err = {0};
    CHECKF(f5_audio_encode(x, N, SR, fmt, &bytes, &len, &err) == F5_OK, "%s: %s", f5_audio_format_name(fmt),
           err.message);
    f5_pcm p = {0};
    if (bytes) CHECKF(f5_audio_decode(bytes, len, NULL, &p, &err) == F5_OK, "%s", err.message);
    if (p.data) {
        CHECK_STREQ(p.format, expect_container);
        CHECK(p.sample_rate == SR);
        if (max_err >= 0) {
            CHECKF(p.n == N, "%zu samples", p.n);
            double m = 0;
            for (size_t i = 0; i < N && p.n == N; i++) m = fmax(m, fabs((double)p.data[i] - x[i]));
            printf("  %-9s %7zu bytes, max error %.3g (tol %.3g)\n", f5_audio_format_name(fmt), len, m, max_err);
            CHECK(m <= max_err);
        } else {
            int lag;
            double snr = au_snr_aligned(x, N, p.data, p.n, 2500, &lag);
            printf("  %-9s %7zu bytes, %zu samples, SNR %.1f dB at lag %d (min %.0f)\n", f5_audio_format_name(fmt),
                   len, p.n, snr, lag, min_snr);
            CHECK(snr >= min_snr);
            CHECK(fabs((double)p.n - N) < 0.05 * N);
        }
    }
    f5_pcm_free(&p);
    free(bytes);
    free(x);
}

static void test_wav16(void) { roundtrip(F5_FMT_WAV, "wav", 0.5 / 32768 + 1e-9, 0); }
static void test_wav_float(void) { roundtrip(F5_FMT_WAV_FLOAT, "wav", 0.0, 0); }
static void test_flac(void) { roundtrip(F5_FMT_FLAC, "flac", 1.0 / 32768, 0); }
static void test_ogg(void) { roundtrip(F5_FMT_OGG, "ogg", -1, 20); }
static void test_mp3(void) { roundtrip(F5_FMT_MP3, "mp3", -1, 15); }

static void test_pcm_raw(void) {
    float x[4] = {0.0f, 0.5f, -1.0f, 1.0f};
    uint8_t *b = NULL;
    size_t len = 0;
    CHECK(f5_audio_encode(x, 4, SR, F5_FMT_PCM, &b, &len, NULL) == F5_OK);
    CHECK(len == 8);
    int16_t v[4];
    if (b) memcpy(v, b, 8);
    CHECK(b && v[0] == 0 && v[1] == 16384 && v[2] == -32768 && v[3] == 32767);
    free(b);
}

static void test_s16_clamp(void) {
    float x[8] = {1.5f, -2.0f, 1.0f, -1.0f, NAN, INFINITY, -INFINITY, 0.99999f};
    uint8_t out[16];
    f5_pcm_to_s16le(x, 8, out);
    int16_t v[8];
    memcpy(v, out, 16);
    CHECK(v[0] == 32767 && v[1] == -32768 && v[2] == 32767 && v[3] == -32768);
    CHECK(v[4] == 0 && v[5] == 32767 && v[6] == -32768 && v[7] == 32767);
    /* lossy encoders see clamped input too: a clipping signal still encodes */
    float loud[4800];
    for (int i = 0; i < 4800; i++) loud[i] = 3.0f * (float)sin(i * 0.1);
    uint8_t *b = NULL;
    size_t len;
    CHECK(f5_audio_encode(loud, 4800, SR, F5_FMT_OGG, &b, &len, NULL) == F5_OK && len > 0);
    free(b);
}

static void test_stream_header(void) {
    uint8_t h[44];
    f5_wav_stream_header(h, 24000, 0);
    uint32_t riff, data, rate;
    uint16_t fmt, ch, bits;
    memcpy(&riff, h + 4, 4), memcpy(&data, h + 40, 4), memcpy(&rate, h + 24, 4);
    memcpy(&fmt, h + 20, 2), memcpy(&ch, h + 22, 2), memcpy(&bits, h + 34, 2);
    CHECK(!memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WAVE", 4) && !memcmp(h + 36, "data", 4));
    CHECK(data == 0xFFFFFFFFu && riff == 0xFFFFFFFFu && rate == 24000 && fmt == 1 && ch == 1 && bits == 16);
    f5_wav_stream_header(h, 24000, 1000);
    memcpy(&riff, h + 4, 4), memcpy(&data, h + 40, 4);
    CHECK(data == 2000 && riff == 2036);
    /* a streamed WAV (unknown size) followed by samples decodes */
    uint8_t buf[44 + 2 * 4800];
    f5_wav_stream_header(buf, 24000, 0);
    float x[4800];
    for (int i = 0; i < 4800; i++) x[i] = 0.25f * (float)sin(i * 0.05);
    f5_pcm_to_s16le(x, 4800, buf + 44);
    f5_pcm p = {0};
    f5_error err = {0};
    CHECKF(f5_audio_decode(buf, sizeof buf, NULL, &p, &err) == F5_OK, "%s", err.message);
    CHECKF(p.n == 4800, "%zu", p.n);
    f5_pcm_free(&p);
}

static void test_names(void) {
    f5_audio_format f;
    for (int i = 0; i < F5_FMT_COUNT; i++) {
        CHECK(f5_audio_format_parse(f5_audio_format_name((f5_audio_format)i), &f) && f == (f5_audio_format)i);
        CHECK(strchr(f5_audio_format_mime((f5_audio_format)i), '/') != NULL);
    }
    CHECK(f5_audio_format_parse("MP3", &f) && f == F5_FMT_MP3);
    CHECK(!f5_audio_format_parse("aac", &f));
    CHECK(!f5_audio_format_parse(NULL, &f));
    CHECK_STREQ(f5_audio_format_mime(F5_FMT_MP3), "audio/mpeg");
    uint8_t *b = NULL;
    size_t len;
    f5_error err = {0};
    CHECK(f5_audio_encode(NULL, 10, SR, F5_FMT_WAV, &b, &len, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_audio_encode((float[]){0}, 1, 10, F5_FMT_WAV, &b, &len, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_audio_encode((float[]){0}, 1, SR, (f5_audio_format)99, &b, &len, &err) == F5_ERR_INVALID_ARG);
}

TEST_MAIN(TEST(test_wav16), TEST(test_wav_float), TEST(test_flac), TEST(test_ogg), TEST(test_mp3), TEST(test_pcm_raw),
          TEST(test_s16_clamp), TEST(test_stream_header), TEST(test_names))
