/* test_bad_input.c - table-driven: every kind of bad audio input is
 * rejected by f5_audio_decode with its stable status code and a message,
 * never a crash (run under ASan in `make test-asan`). */
#include "audio/audio.h"
#include "test.h"

#include <stdint.h>
#include <unistd.h>

typedef struct wavspec {
    uint16_t fmt_tag, channels, bits;
    uint32_t rate;
    uint32_t n_frames;    /* frames of data actually written */
    int fill;             /* 0 sine, 1 NaN at the middle, 2 +Inf at the middle, 3 zeros, 4 1e30 */
} wavspec;

/* A canonical WAV from the spec into buf (malloc'd). */
static uint8_t *make_wav(wavspec s, size_t *len) {
    uint32_t bps = s.bits / 8, data = s.n_frames * s.channels * bps;
    uint8_t *b = calloc(1, 44 + data + 16);
    memcpy(b, "RIFF", 4);
    uint32_t v = 36 + data;
    memcpy(b + 4, &v, 4);
    memcpy(b + 8, "WAVEfmt ", 8);
    v = 16, memcpy(b + 16, &v, 4);
    memcpy(b + 20, &s.fmt_tag, 2);
    memcpy(b + 22, &s.channels, 2);
    memcpy(b + 24, &s.rate, 4);
    v = s.rate * s.channels * bps, memcpy(b + 28, &v, 4);
    uint16_t ba = (uint16_t)(s.channels * bps);
    memcpy(b + 32, &ba, 2);
    memcpy(b + 34, &s.bits, 2);
    memcpy(b + 36, "data", 4);
    memcpy(b + 40, &data, 4);
    for (uint32_t i = 0; i < s.n_frames * s.channels; i++) {
        double x = s.fill == 3 ? 0 : 0.5 * sin(i * 0.05);
        if (s.fmt_tag == 3) {
            float f = (float)x;
            if (i == s.n_frames * s.channels / 2 && s.fill == 1) f = NAN;
            if (i == s.n_frames * s.channels / 2 && s.fill == 2) f = INFINITY;
            if (i == s.n_frames * s.channels / 2 && s.fill == 4) f = 1e30f;
            memcpy(b + 44 + 4 * i, &f, 4);
        } else {
            int16_t q = (int16_t)(x * 32767);
            memcpy(b + 44 + 2 * i, &q, 2);
        }
    }
    *len = 44 + data;
    return b;
}

typedef struct bad_case {
    const char *what;
    f5_status expect;
    const uint8_t *bytes; /* literal input, or NULL to build from wav/trunc */
    size_t len;
    bool use_wav;
    wavspec wav;
    long truncate_to;     /* >= 0: keep only this many bytes of the built WAV */
    f5_decode_limits lim;
} bad_case;

#define LIT(s) (const uint8_t *)(s), sizeof(s) - 1
#define WAV16(rate, ch, frames) {1, ch, 16, rate, frames, 0}
#define NOLIM {0, 0, 0}

static const uint8_t k_png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
static const uint8_t k_flac_garbage[] = "fLaC\x01\x02\x03\x04garbagegarbagegarbagegarbage";
static const uint8_t k_ogg_garbage[] =
    "OggS\0\x02\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x99\x99\x99\x99\x01\x13OpusHead\x01\x02\0\0\x80\xbb\0\0\0\0\0zzzzzzzz";
static const uint8_t k_vorbis_garbage[] =
    "OggS\0\x02\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x99\x99\x99\x99\x01\x1e\x01vorbis\0\0\0\0\x01\x44\xac\0\0\0\0\0\0";
static const uint8_t k_ogg_theora[] = "OggS\0\x02\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x99\x99\x99\x99\x01\x2a\x80theora\x03\x02";
static const uint8_t k_mp3_garbage[] = "\xff\xfb\x90\x64\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09";
static const uint8_t k_id3_only[] = "ID3\x04\0\0\0\0\0\x05\0\0\0\0\0";
static const uint8_t k_aiff[] = "FORM\0\0\0\x20" "AIFFCOMM\0\0\0\x12\0\x01";

static const bad_case k_cases[] = {
    {"empty input", F5_ERR_INVALID_AUDIO, LIT(""), false, {0}, -1, NOLIM},
    {"three bytes", F5_ERR_UNSUPPORTED_FORMAT, LIT("RIF"), false, {0}, -1, NOLIM},
    {"plain text", F5_ERR_UNSUPPORTED_FORMAT, LIT("hello, this is not audio at all\n"), false, {0}, -1, NOLIM},
    {"PNG image", F5_ERR_UNSUPPORTED_FORMAT, k_png, sizeof k_png - 1, false, {0}, -1, NOLIM},
    {"AIFF (not supported)", F5_ERR_UNSUPPORTED_FORMAT, k_aiff, sizeof k_aiff - 1, false, {0}, -1, NOLIM},
    {"Ogg Theora video", F5_ERR_UNSUPPORTED_FORMAT, k_ogg_theora, sizeof k_ogg_theora - 1, false, {0}, -1, NOLIM},
    {"JSON", F5_ERR_UNSUPPORTED_FORMAT, LIT("{\"audio\": [1,2,3]}"), false, {0}, -1, NOLIM},
    {"RIFF/WAVE header only", F5_ERR_INVALID_AUDIO, LIT("RIFF\x04\0\0\0WAVE"), false, {0}, -1, NOLIM},
    {"WAV truncated inside fmt", F5_ERR_INVALID_AUDIO, NULL, 0, true, WAV16(24000, 1, 100), 30, NOLIM},
    {"FLAC magic + garbage", F5_ERR_INVALID_AUDIO, k_flac_garbage, sizeof k_flac_garbage - 1, false, {0}, -1, NOLIM},
    {"Opus header + garbage", F5_ERR_INVALID_AUDIO, k_ogg_garbage, sizeof k_ogg_garbage - 1, false, {0}, -1, NOLIM},
    {"Vorbis header + garbage", F5_ERR_INVALID_AUDIO, k_vorbis_garbage, sizeof k_vorbis_garbage - 1, false, {0}, -1, NOLIM},
    {"MPEG sync + garbage", F5_ERR_INVALID_AUDIO, k_mp3_garbage, sizeof k_mp3_garbage - 1, false, {0}, -1, NOLIM},
    {"ID3 tag without audio", F5_ERR_INVALID_AUDIO, k_id3_only, sizeof k_id3_only - 1, false, {0}, -1, NOLIM},
    {"WAV with zero frames", F5_ERR_INVALID_AUDIO, NULL, 0, true, WAV16(24000, 1, 0), -1, NOLIM},
    {"WAV sample rate 0", F5_ERR_INVALID_AUDIO, NULL, 0, true, WAV16(0, 1, 100), -1, NOLIM},
    {"WAV sample rate 500 Hz", F5_ERR_INVALID_AUDIO, NULL, 0, true, WAV16(500, 1, 100), -1, NOLIM},
    {"WAV sample rate 1 MHz", F5_ERR_INVALID_AUDIO, NULL, 0, true, WAV16(1000000, 1, 100), -1, NOLIM},
    {"WAV with 20 channels", F5_ERR_INVALID_AUDIO, NULL, 0, true, WAV16(24000, 20, 100), -1, NOLIM},
    {"float WAV with NaN", F5_ERR_INVALID_AUDIO, NULL, 0, true, {3, 1, 32, 24000, 1000, 1}, -1, NOLIM},
    {"float WAV with +Inf", F5_ERR_INVALID_AUDIO, NULL, 0, true, {3, 1, 32, 24000, 1000, 2}, -1, NOLIM},
    {"float WAV with 1e30", F5_ERR_INVALID_AUDIO, NULL, 0, true, {3, 1, 32, 24000, 1000, 4}, -1, NOLIM},
    {"longer than the limit", F5_ERR_AUDIO_TOO_LONG, NULL, 0, true, WAV16(8000, 1, 8000 * 3), -1, {2.0, 0, 0}},
    {"shorter than the minimum", F5_ERR_AUDIO_TOO_SHORT, NULL, 0, true, WAV16(8000, 1, 2000), -1, {0, 0.5, 0}},
    {"more bytes than allowed", F5_ERR_AUDIO_TOO_LONG, NULL, 0, true, WAV16(8000, 1, 8000), -1, {0, 0, 1000}},
};

static void test_bad_inputs(void) {
    int n = (int)(sizeof k_cases / sizeof k_cases[0]);
    CHECK(n >= 15);
    for (int i = 0; i < n; i++) {
        const bad_case *c = &k_cases[i];
        uint8_t *owned = NULL;
        const uint8_t *bytes = c->bytes;
        size_t len = c->len;
        if (c->use_wav) {
            owned = make_wav(c->wav, &len);
            if (c->truncate_to >= 0 && (size_t)c->truncate_to < len) len = (size_t)c->truncate_to;
            bytes = owned;
        }
        f5_decode_limits lim = f5_decode_default_limits();
        if (c->lim.max_seconds > 0) lim.max_seconds = c->lim.max_seconds;
        if (c->lim.min_seconds > 0) lim.min_seconds = c->lim.min_seconds;
        if (c->lim.max_bytes > 0) lim.max_bytes = c->lim.max_bytes;
        f5_pcm p = {0};
        f5_error err = {0};
        f5_status st = f5_audio_decode(bytes, len, &lim, &p, &err);
        printf("  %-26s -> %s: %s\n", c->what, f5_status_str(st), err.message);
        CHECKF(st == c->expect, "%s: got %s, expected %s", c->what, f5_status_str(st), f5_status_str(c->expect));
        CHECKF(st == F5_OK || err.message[0], "%s: no message", c->what);
        CHECK(p.data == NULL && p.n == 0);
        f5_pcm_free(&p);
        free(owned);
    }
}

/* A good file decodes with the same builder, so the table's failures are
 * about the defect, not the builder. */
static void test_builder_control(void) {
    size_t len;
    uint8_t *b = make_wav((wavspec)WAV16(24000, 1, 2400), &len);
    f5_pcm p = {0};
    f5_error err = {0};
    CHECKF(f5_audio_decode(b, len, NULL, &p, &err) == F5_OK, "%s", err.message);
    CHECK(p.n == 2400 && p.sample_rate == 24000);
    f5_pcm_free(&p);
    free(b);
    b = make_wav((wavspec){3, 2, 32, 44100, 441, 0}, &len);
    CHECKF(f5_audio_decode(b, len, NULL, &p, &err) == F5_OK, "%s", err.message);
    CHECK(p.n == 441 && p.channels == 2);
    f5_pcm_free(&p);
    free(b);
}

/* Every prefix of a valid WAV either decodes or fails cleanly. */
static void test_all_truncations(void) {
    size_t len;
    uint8_t *b = make_wav((wavspec)WAV16(16000, 2, 300), &len);
    int ok = 0, bad = 0;
    for (size_t k = 0; k <= len; k += 3) {
        f5_pcm p = {0};
        f5_error err = {0};
        f5_status st = f5_audio_decode(b, k, NULL, &p, &err);
        if (st == F5_OK) {
            ok++;
            CHECK(p.n > 0 && p.n <= 300);
        } else {
            bad++;
            CHECK(st == F5_ERR_INVALID_AUDIO || st == F5_ERR_UNSUPPORTED_FORMAT);
        }
        f5_pcm_free(&p);
    }
    printf("  %d prefixes decoded, %d rejected\n", ok, bad);
    CHECK(ok > 0 && bad > 0);
    free(b);
}

static void test_file_errors(void) {
    f5_pcm p = {0};
    f5_error err = {0};
    CHECK(f5_audio_decode_file("/nonexistent/ref.wav", NULL, &p, &err) == F5_ERR_IO);
    CHECK(strstr(err.message, "/nonexistent/ref.wav") != NULL);
    char path[] = "/tmp/f5_not_audio_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK(write(fd, "just some text\n", 15) == 15);
        close(fd);
        CHECK(f5_audio_decode_file(path, NULL, &p, &err) == F5_ERR_UNSUPPORTED_FORMAT);
        CHECK(strstr(err.message, path) != NULL);
        unlink(path);
    }
    CHECK(f5_audio_decode(NULL, 10, NULL, &p, &err) == F5_ERR_INVALID_AUDIO);
    CHECK(f5_audio_decode("RIFF", 4, NULL, NULL, &err) == F5_ERR_INVALID_ARG);
}

TEST_MAIN(TEST(test_bad_inputs), TEST(test_file_errors), TEST(test_builder_control), TEST(test_all_truncations))
