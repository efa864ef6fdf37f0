/* decode.c - encoded audio bytes -> mono float PCM at the file's rate.
 *
 * The container is recognised from its first bytes (f5_audio_detect). WAV,
 * FLAC, OGG/Vorbis, OGG/FLAC and MPEG audio go through libsndfile's virtual
 * I/O over the caller's buffer (MPEG decoding is libsndfile's mpg123 path);
 * Opus goes through libopusfile (op_open_memory, always 48 kHz, as ffmpeg
 * and torchaudio decode it). Channels are averaged. Every failure is a clear
 * f5_error with one of the audio status codes, never a crash.
 */
#include "audio/audio.h"

#include "audio/decode_impl.h"
#include "audio/memio.h"
#include "core/error.h"

#include <errno.h>
#include <math.h>
#include <opusfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


f5_decode_limits f5_decode_default_limits(void) {
    return (f5_decode_limits){.max_seconds = 300.0, .min_seconds = 0.0, .max_bytes = (size_t)256 << 20};
}

void f5_pcm_free(f5_pcm *p) {
    if (!p) return;
    free(p->data);
    memset(p, 0, sizeof *p);
}

static bool mpeg_sync(const uint8_t *b, size_t len) {
    if (len < 4 || b[0] != 0xFF || (b[1] & 0xE0) != 0xE0) return false;
    int version = (b[1] >> 3) & 3, layer = (b[1] >> 1) & 3, br = (b[2] >> 4) & 15, sr = (b[2] >> 2) & 3;
    return version != 1 && layer != 0 && br != 15 && sr != 3;
}

f5_audio_container f5_audio_detect(const void *bytes, size_t len) {
    const uint8_t *b = bytes;
    if (!b || len < 4) return F5_CONTAINER_UNKNOWN;
    if (len >= 12 && (!memcmp(b, "RIFF", 4) || !memcmp(b, "RF64", 4)) && !memcmp(b + 8, "WAVE", 4))
        return F5_CONTAINER_WAV;
    if (!memcmp(b, "fLaC", 4)) return F5_CONTAINER_FLAC;
    if (!memcmp(b, "OggS", 4)) {
        if (len < 28) return F5_CONTAINER_UNKNOWN;
        size_t body = 27 + (size_t)b[26];
        if (body + 8 > len) return F5_CONTAINER_UNKNOWN;
        const uint8_t *p = b + body;
        size_t rest = len - body;
        if (rest >= 8 && !memcmp(p, "OpusHead", 8)) return F5_CONTAINER_OGG_OPUS;
        if (rest >= 7 && p[0] == 1 && !memcmp(p + 1, "vorbis", 6)) return F5_CONTAINER_OGG_VORBIS;
        if (rest >= 5 && p[0] == 0x7f && !memcmp(p + 1, "FLAC", 4)) return F5_CONTAINER_OGG_FLAC;
        return F5_CONTAINER_UNKNOWN;
    }
    if (len >= 10 && !memcmp(b, "ID3", 3)) {
        /* ID3v2: syncsafe size; what follows must be MPEG audio (or padding). */
        size_t sz = ((size_t)(b[6] & 0x7f) << 21) | ((size_t)(b[7] & 0x7f) << 14) | ((size_t)(b[8] & 0x7f) << 7) |
                    (size_t)(b[9] & 0x7f);
        size_t off = 10 + sz + ((b[5] & 0x10) ? 10 : 0);
        while (off < len && b[off] == 0) off++;
        if (off >= len) return F5_CONTAINER_MP3; /* tag only: the decoder will say "no audio" */
        return mpeg_sync(b + off, len - off) ? F5_CONTAINER_MP3 : F5_CONTAINER_UNKNOWN;
    }
    if (mpeg_sync(b, len)) return F5_CONTAINER_MP3;
    return F5_CONTAINER_UNKNOWN;
}

static const char *container_name(f5_audio_container c) {
    switch (c) {
    case F5_CONTAINER_WAV: return "wav";
    case F5_CONTAINER_FLAC: return "flac";
    case F5_CONTAINER_OGG_VORBIS: return "ogg";
    case F5_CONTAINER_OGG_OPUS: return "opus";
    case F5_CONTAINER_OGG_FLAC: return "ogg_flac";
    case F5_CONTAINER_MP3: return "mp3";
    default: return "unknown";
    }
}

f5_status f5_dec_check_header(const char *fmt, int64_t rate, int64_t ch, f5_error *err) {
    if (rate < F5_RATE_MIN || rate > F5_RATE_MAX)
        return f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: sample rate %lld Hz outside [%d, %d]", fmt, (long long)rate,
                       F5_RATE_MIN, F5_RATE_MAX);
    if (ch < 1 || ch > F5_CH_MAX)
        return f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: %lld channels (expected 1..%d)", fmt, (long long)ch, F5_CH_MAX);
    return F5_OK;
}

f5_status f5_dec_check_length(const char *fmt, int64_t frames, int64_t rate, const f5_decode_limits *lim,
                              f5_error *err) {
    double sec = (double)frames / (double)rate;
    if (lim->max_seconds > 0 && sec > lim->max_seconds)
        return f5_errf(err, F5_ERR_AUDIO_TOO_LONG, "%s: %.2f s of audio exceeds the limit of %.2f s", fmt, sec,
                       lim->max_seconds);
    return F5_OK;
}

void f5_dec_acc_init(f5_dec_acc *a, const char *fmt, int rate, int64_t expected, const f5_decode_limits *lim) {
    memset(a, 0, sizeof *a);
    a->fmt = fmt, a->rate = rate, a->lim = lim;
    a->max_frames = lim->max_seconds > 0 ? (int64_t)ceil(lim->max_seconds * rate) + 1 : (int64_t)1 << 34;
    a->cap = expected > 0 && expected < a->max_frames ? expected : 0;
}

f5_status f5_dec_acc_push(f5_dec_acc *a, const float *il, float *const *planar, int64_t frames, int ch,
                          f5_error *err) {
    if (frames <= 0) return F5_OK;
    if (a->n + frames > a->max_frames) {
        f5_status st = f5_dec_check_length(a->fmt, a->n + frames, a->rate, a->lim, err);
        return st != F5_OK ? st : f5_errf(err, F5_ERR_AUDIO_TOO_LONG, "%s: too long", a->fmt);
    }
    if (a->n + frames > a->cap || !a->buf) {
        int64_t nc = a->cap > 0 ? a->cap : 65536;
        while (nc < a->n + frames) nc *= 2;
        float *nb = realloc(a->buf, (size_t)nc * sizeof *nb);
        if (!nb) return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory for %lld frames", a->fmt, (long long)nc);
        a->buf = nb, a->cap = nc;
    }
    float *o = a->buf + a->n;
    for (int64_t i = 0; i < frames; i++) {
        float s = 0.f;
        for (int c = 0; c < ch; c++) s += planar ? planar[c][i] : il[i * ch + c];
        o[i] = ch == 1 ? s : s / (float)ch;
    }
    a->n += frames;
    return F5_OK;
}

void f5_dec_acc_free(f5_dec_acc *a) {
    free(a->buf);
    a->buf = NULL;
    a->n = a->cap = 0;
}

/* WAV, FLAC, OGG/FLAC through libsndfile: reads blocks until EOF (the
 * header's frame count is only used for the early length check). */
static f5_status decode_sndfile(const void *bytes, size_t len, const char *fmt, const f5_decode_limits *lim,
                                f5_pcm *out, f5_error *err) {
    f5_memio m = {.buf = (uint8_t *)bytes, .len = len};
    SF_INFO info = {0};
    SNDFILE *f = sf_open_virtual((SF_VIRTUAL_IO *)&f5_memio_vio, SFM_READ, &info, &m);
    if (!f) return f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: corrupt or truncated data: %s", fmt, sf_strerror(NULL));
    f5_dec_acc acc = {0};
    float *blk = NULL;
    f5_status st = f5_dec_check_header(fmt, info.samplerate, info.channels, err);
    if (st != F5_OK) goto fail;
    if (info.frames > 0 && info.frames != SF_COUNT_MAX) {
        st = f5_dec_check_length(fmt, info.frames, info.samplerate, lim, err);
        if (st != F5_OK) goto fail;
    }
    sf_command(f, SFC_SET_NORM_FLOAT, NULL, SF_TRUE);
    const int ch = info.channels;
    enum { BLK = 4096 };
    f5_dec_acc_init(&acc, fmt, info.samplerate, info.frames, lim);
    blk = malloc(sizeof *blk * BLK * (size_t)ch);
    if (!blk) {
        st = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", fmt);
        goto fail;
    }
    for (;;) {
        sf_count_t r = sf_readf_float(f, blk, BLK);
        if (r <= 0) break;
        if ((st = f5_dec_acc_push(&acc, blk, NULL, r, ch, err)) != F5_OK) goto fail;
    }
    if (sf_error(f) != SF_ERR_NO_ERROR && acc.n == 0) {
        st = f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: decoding failed: %s", fmt, sf_strerror(f));
        goto fail;
    }
    sf_close(f);
    free(blk);
    out->data = acc.buf;
    out->n = (size_t)acc.n;
    out->sample_rate = info.samplerate;
    out->channels = ch;
    return F5_OK;
fail:
    sf_close(f);
    free(blk);
    f5_dec_acc_free(&acc);
    return st;
}

/* Opus through opusfile: always 48 kHz (as ffmpeg/torchaudio decode it). */
static f5_status decode_opus(const void *bytes, size_t len, const f5_decode_limits *lim, f5_pcm *out,
                             f5_error *err) {
    int oerr = 0;
    OggOpusFile *of = op_open_memory(bytes, len, &oerr);
    if (!of) return f5_errf(err, F5_ERR_INVALID_AUDIO, "opus: cannot open the stream (opusfile error %d)", oerr);
    float *tmp = NULL;
    const int rate = 48000;
    int ch = op_channel_count(of, -1);
    f5_dec_acc acc;
    f5_dec_acc_init(&acc, "opus", rate, 0, lim);
    f5_status st = f5_dec_check_header("opus", rate, ch, err);
    if (st != F5_OK) goto fail;
    ogg_int64_t total = op_pcm_total(of, -1);
    if (total > 0) {
        st = f5_dec_check_length("opus", total, rate, lim, err);
        if (st != F5_OK) goto fail;
        f5_dec_acc_init(&acc, "opus", rate, total, lim);
    }
    enum { MAXF = 5760 };
    tmp = malloc(sizeof *tmp * MAXF * 8); /* opusfile decodes at most 8 channels (255 with projection: refused below) */
    if (!tmp) {
        st = f5_errf(err, F5_ERR_NOMEM, "opus: out of memory");
        goto fail;
    }
    for (;;) {
        int li = -1;
        int lch = op_channel_count(of, op_current_link(of));
        if (lch < 1 || lch > 8) {
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "opus: a link with %d channels (1..8 supported)", lch);
            goto fail;
        }
        int r = op_read_float(of, tmp, MAXF * 8, &li);
        if (r == OP_HOLE) continue;
        if (r < 0) {
            if (acc.n > 0) break; /* keep what decoded before a corrupt tail, as ffmpeg does */
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "opus: decoding failed (opusfile error %d)", r);
            goto fail;
        }
        if (r == 0) break;
        lch = op_channel_count(of, li);
        if ((st = f5_dec_acc_push(&acc, tmp, NULL, r, lch, err)) != F5_OK) goto fail;
    }
    op_free(of);
    free(tmp);
    out->data = acc.buf;
    out->n = (size_t)acc.n;
    out->sample_rate = rate;
    out->channels = ch;
    return F5_OK;
fail:
    op_free(of);
    free(tmp);
    f5_dec_acc_free(&acc);
    return st;
}

f5_status f5_audio_decode(const void *bytes, size_t len, const f5_decode_limits *lim_in, f5_pcm *out, f5_error *err) {
    if (!out) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_audio_decode: NULL output");
    memset(out, 0, sizeof *out);
    f5_decode_limits lim = lim_in ? *lim_in : f5_decode_default_limits();
    if (!bytes || len == 0) return f5_errf(err, F5_ERR_INVALID_AUDIO, "audio: empty input (0 bytes)");
    if (lim.max_bytes > 0 && len > lim.max_bytes)
        return f5_errf(err, F5_ERR_AUDIO_TOO_LONG, "audio: %zu bytes exceeds the limit of %zu bytes", len,
                       lim.max_bytes);
    f5_audio_container c = f5_audio_detect(bytes, len);
    const char *fmt = container_name(c);
    f5_status st;
    switch (c) {
    case F5_CONTAINER_UNKNOWN: {
        const uint8_t *b = bytes;
        char hex[3 * 8 + 1] = {0};
        for (size_t i = 0; i < len && i < 8; i++) snprintf(hex + 3 * i, 4, "%02x ", b[i]);
        return f5_errf(err, F5_ERR_UNSUPPORTED_FORMAT,
                       "audio: unrecognised format (first bytes %s); expected WAV, FLAC, OGG Vorbis/Opus or MP3", hex);
    }
    case F5_CONTAINER_OGG_OPUS: st = decode_opus(bytes, len, &lim, out, err); break;
    case F5_CONTAINER_OGG_VORBIS: st = f5_decode_vorbis(bytes, len, &lim, out, err); break;
    case F5_CONTAINER_MP3: st = f5_decode_mp3(bytes, len, &lim, out, err); break;
    default: st = decode_sndfile(bytes, len, fmt, &lim, out, err); break;
    }
    if (st != F5_OK) return st;
    out->format = fmt;
    if (out->n == 0) {
        st = f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: the stream holds no audio samples", fmt);
        goto fail;
    }
    for (size_t i = 0; i < out->n; i++) {
        float v = out->data[i];
        if (!isfinite(v)) {
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: sample %zu is %s", fmt, i, isnan(v) ? "NaN" : "infinite");
            goto fail;
        }
        /* float files may exceed full scale a little; beyond this it is garbage */
        if (fabsf(v) > 1000.f) {
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "%s: sample %zu = %g is far outside full scale (|x| <= 1000)",
                         fmt, i, (double)v);
            goto fail;
        }
    }
    st = f5_dec_check_length(fmt, (int64_t)out->n, out->sample_rate, &lim, err);
    if (st != F5_OK) goto fail;
    double sec = (double)out->n / out->sample_rate;
    if (lim.min_seconds > 0 && sec < lim.min_seconds) {
        st = f5_errf(err, F5_ERR_AUDIO_TOO_SHORT, "%s: %.3f s of audio is shorter than the minimum of %.3f s", fmt,
                     sec, lim.min_seconds);
        goto fail;
    }
    return F5_OK;
fail:
    f5_pcm_free(out);
    return st;
}

f5_status f5_audio_decode_file(const char *path, const f5_decode_limits *lim, f5_pcm *out, f5_error *err) {
    if (out) memset(out, 0, sizeof *out);
    FILE *fp = fopen(path, "rb");
    if (!fp) return f5_errf(err, F5_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    f5_status st = F5_OK;
    for (;;) {
        if (len == cap) {
            size_t nc = cap ? cap * 2 : 1 << 16;
            uint8_t *nb = realloc(buf, nc);
            if (!nb) {
                st = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory reading the file", path);
                goto done;
            }
            buf = nb, cap = nc;
        }
        size_t r = fread(buf + len, 1, cap - len, fp);
        len += r;
        if (r == 0) break;
    }
    if (ferror(fp)) {
        st = f5_errf(err, F5_ERR_IO, "%s: read error", path);
        goto done;
    }
    st = f5_audio_decode(buf, len, lim, out, err);
    if (st != F5_OK) f5_err_prefix(err, st, "%s", path);
done:
    fclose(fp);
    free(buf);
    return st;
}
