/* encode.c - whole-buffer audio encoding (the public f5_audio_encode API):
 * WAV 16-bit and float (headers written here), FLAC, OGG/Vorbis and MP3
 * through libsndfile's virtual I/O into a memory buffer, raw s16le; plus the
 * streaming WAV header and the clamping float -> s16 conversion. */
#include "audio/memio.h"
#include "core/error.h"
#include "f5tts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name, *mime;
} k_formats[F5_FMT_COUNT] = {
    [F5_FMT_WAV] = {"wav", "audio/wav"},     [F5_FMT_WAV_FLOAT] = {"wav_float", "audio/wav"},
    [F5_FMT_FLAC] = {"flac", "audio/flac"},  [F5_FMT_OGG] = {"ogg", "audio/ogg"},
    [F5_FMT_MP3] = {"mp3", "audio/mpeg"},    [F5_FMT_PCM] = {"pcm", "audio/L16"},
    [F5_FMT_OPUS] = {"opus", "audio/ogg; codecs=opus"},
};

const char *f5_audio_format_name(f5_audio_format f) {
    return (unsigned)f < F5_FMT_COUNT ? k_formats[f].name : "unknown";
}

const char *f5_audio_format_mime(f5_audio_format f) {
    return (unsigned)f < F5_FMT_COUNT ? k_formats[f].mime : "application/octet-stream";
}

bool f5_audio_format_parse(const char *name, f5_audio_format *f) {
    if (!name) return false;
    for (int i = 0; i < F5_FMT_COUNT; i++)
        if (strcasecmp(name, k_formats[i].name) == 0) {
            if (f) *f = (f5_audio_format)i;
            return true;
        }
    /* common aliases */
    static const struct { const char *alias; f5_audio_format f; } al[] = {
        {"wave", F5_FMT_WAV}, {"vorbis", F5_FMT_OGG}, {"mpeg", F5_FMT_MP3}, {"s16le", F5_FMT_PCM}, {"raw", F5_FMT_PCM},
    };
    for (size_t i = 0; i < sizeof al / sizeof al[0]; i++)
        if (strcasecmp(name, al[i].alias) == 0) {
            if (f) *f = al[i].f;
            return true;
        }
    return false;
}

static int16_t to_s16(float x) {
    /* NaN -> 0; clamp before rounding so nothing wraps around. */
    if (!(x == x)) return 0;
    double v = (double)x * 32768.0;
    if (v >= 32767.0) return 32767;
    if (v <= -32768.0) return -32768;
    return (int16_t)lrint(v);
}

void f5_pcm_to_s16le(const float *pcm, size_t n, uint8_t *out) {
    for (size_t i = 0; i < n; i++) {
        uint16_t u = (uint16_t)to_s16(pcm[i]);
        out[2 * i] = (uint8_t)(u & 0xff);
        out[2 * i + 1] = (uint8_t)(u >> 8);
    }
}

static void put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16), p[3] = (uint8_t)(v >> 24);
}
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8); }

/* 44-byte canonical header; data_bytes 0xFFFFFFFF = unknown (streaming). */
static void wav_header(uint8_t h[44], int sr, int fmt_tag, int bits, uint32_t data_bytes) {
    memcpy(h, "RIFF", 4);
    put32(h + 4, data_bytes == 0xFFFFFFFFu ? 0xFFFFFFFFu : 36u + data_bytes);
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);
    put16(h + 20, (uint16_t)fmt_tag);
    put16(h + 22, 1);
    put32(h + 24, (uint32_t)sr);
    put32(h + 28, (uint32_t)sr * (uint32_t)(bits / 8));
    put16(h + 32, (uint16_t)(bits / 8));
    put16(h + 34, (uint16_t)bits);
    memcpy(h + 36, "data", 4);
    put32(h + 40, data_bytes);
}

void f5_wav_stream_header(uint8_t hdr[44], int sample_rate, size_t n_samples) {
    uint32_t bytes = 0xFFFFFFFFu;
    if (n_samples > 0 && n_samples < (0xFFFFFFFFu - 36u) / 2u) bytes = (uint32_t)(n_samples * 2);
    wav_header(hdr, sample_rate, 1, 16, bytes);
}

static f5_status encode_sndfile(const float *pcm, size_t n, int sr, int sf_format, const char *what, uint8_t **out,
                                size_t *out_len, f5_error *err) {
    f5_memio m = {.writable = true};
    SF_INFO info = {.samplerate = sr, .channels = 1, .format = sf_format};
    if (!sf_format_check(&info))
        return f5_errf(err, F5_ERR_UNSUPPORTED, "encode %s: libsndfile %s cannot write this format at %d Hz", what,
                       sf_version_string(), sr);
    SNDFILE *f = sf_open_virtual((SF_VIRTUAL_IO *)&f5_memio_vio, SFM_WRITE, &info, &m);
    if (!f) {
        free(m.buf);
        return f5_errf(err, F5_ERR_INTERNAL, "encode %s: sf_open_virtual failed: %s", what, sf_strerror(NULL));
    }
    /* Clamp to [-1, 1] so lossy encoders never see wrapped/overflowing input. */
    enum { BLK = 4096 };
    float tmp[BLK];
    size_t done = 0;
    f5_status st = F5_OK;
    while (done < n) {
        size_t k = n - done < BLK ? n - done : BLK;
        for (size_t i = 0; i < k; i++) {
            float x = pcm[done + i];
            tmp[i] = !(x == x) ? 0.f : x > 1.f ? 1.f : x < -1.f ? -1.f : x;
        }
        if (sf_writef_float(f, tmp, (sf_count_t)k) != (sf_count_t)k) {
            st = f5_errf(err, m.oom ? F5_ERR_NOMEM : F5_ERR_INTERNAL, "encode %s: write failed after %zu samples: %s",
                         what, done, sf_strerror(f));
            break;
        }
        done += k;
    }
    if (sf_close(f) != 0 && st == F5_OK)
        st = f5_errf(err, F5_ERR_INTERNAL, "encode %s: finalising the stream failed", what);
    if (st == F5_OK && m.oom) st = f5_errf(err, F5_ERR_NOMEM, "encode %s: out of memory", what);
    if (st != F5_OK) {
        free(m.buf);
        return st;
    }
    *out = m.buf;
    *out_len = m.len;
    return F5_OK;
}

f5_status f5_audio_encode(const float *pcm, size_t n, int sample_rate, f5_audio_format fmt, uint8_t **out,
                          size_t *out_len, f5_error *err) {
    if (!out || !out_len) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_audio_encode: NULL output pointer");
    *out = NULL;
    *out_len = 0;
    if (!pcm && n) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_audio_encode: NULL pcm with %zu samples", n);
    if (sample_rate < 1000 || sample_rate > 768000)
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_audio_encode: sample rate %d outside [1000, 768000]", sample_rate);
    if (n > 0x3FFFFFF0u / 4)
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_audio_encode: %zu samples exceed the 4 GiB WAV limit", n);
    switch (fmt) {
    case F5_FMT_WAV:
    case F5_FMT_PCM: {
        size_t hdr = fmt == F5_FMT_WAV ? 44 : 0;
        uint8_t *b = malloc(hdr + 2 * n + 1);
        if (!b) return f5_errf(err, F5_ERR_NOMEM, "f5_audio_encode: %zu bytes", hdr + 2 * n);
        if (hdr) wav_header(b, sample_rate, 1, 16, (uint32_t)(2 * n));
        f5_pcm_to_s16le(pcm, n, b + hdr);
        *out = b;
        *out_len = hdr + 2 * n;
        return F5_OK;
    }
    case F5_FMT_WAV_FLOAT: {
        uint8_t *b = malloc(44 + 4 * n + 1);
        if (!b) return f5_errf(err, F5_ERR_NOMEM, "f5_audio_encode: %zu bytes", 44 + 4 * n);
        wav_header(b, sample_rate, 3, 32, (uint32_t)(4 * n));
        for (size_t i = 0; i < n; i++) {
            uint32_t u;
            memcpy(&u, &pcm[i], 4);
            put32(b + 44 + 4 * i, u);
        }
        *out = b;
        *out_len = 44 + 4 * n;
        return F5_OK;
    }
    case F5_FMT_FLAC:
        return encode_sndfile(pcm, n, sample_rate, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, "flac", out, out_len, err);
    case F5_FMT_OGG:
        return encode_sndfile(pcm, n, sample_rate, SF_FORMAT_OGG | SF_FORMAT_VORBIS, "ogg", out, out_len, err);
    case F5_FMT_MP3:
        return encode_sndfile(pcm, n, sample_rate, SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, "mp3", out, out_len,
                              err);
    case F5_FMT_OPUS:
        return encode_sndfile(pcm, n, sample_rate, SF_FORMAT_OGG | SF_FORMAT_OPUS, "opus", out, out_len, err);
    default:
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_audio_encode: unknown format %d", (int)fmt);
    }
}
