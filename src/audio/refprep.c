/* refprep.c - reference clip preprocessing as upstream F5-TTS
 * (preprocess_ref_audio_text with pydub, then infer_process' RMS step):
 *   1. split on silences >= 1000 ms below -50 dBFS (keep 1000 ms, step 10)
 *      and concatenate segments until adding one would pass 12 s once more
 *      than 6 s is kept;
 *   2. if still > 12 s: the same with pauses >= 100 ms below -40 dBFS;
 *   3. if still > 12 s: cut at 12 s;
 *   trim leading (10 ms chunks) and trailing (1 ms steps) audio below
 *   -42 dBFS, append pydub's 50 ms of silence (made at 11025 Hz and
 *   rate-converted: 1198 samples at 24 kHz);
 *   then RMS-normalise upwards only and resample to 24 kHz.
 * The 12 s / 6 s limits scale with params.max_ref_seconds. Loudness is
 * measured as pydub does (silence_impl.h).
 */
#include "audio/audio.h"

#include "audio/silence_impl.h"
#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

f5_refprep_params f5_refprep_default_params(void) {
    return (f5_refprep_params){.target_rms = 0.1f, .max_ref_seconds = 12.0f, .clip_and_trim = true};
}

void f5_refprep_free(f5_refprep_result *r) {
    if (!r) return;
    free(r->wave);
    memset(r, 0, sizeof *r);
}

typedef struct fbuf {
    float *x;
    size_t n, cap;
} fbuf;

static f5_status fbuf_append(fbuf *b, const float *src, size_t src_n, int64_t a, int64_t e, f5_error *err) {
    size_t add = (size_t)(e - a);
    if (b->n + add > b->cap) {
        size_t nc = b->cap ? b->cap : 1 << 16;
        while (nc < b->n + add) nc *= 2;
        float *nx = realloc(b->x, nc * sizeof *nx);
        if (!nx) return f5_errf(err, F5_ERR_NOMEM, "refprep: out of memory for %zu samples", nc);
        b->x = nx, b->cap = nc;
    }
    for (int64_t j = a; j < e; j++) b->x[b->n++] = (size_t)j < src_n ? src[j] : 0.f;
    return F5_OK;
}

/* Steps 1/2: split on silence and concatenate as upstream. *broke: a
 * segment was left out because of the limit. */
static f5_status split_concat(const float *x, size_t n, int sr, int min_sil, double db, int64_t limit_ms,
                              int64_t half_ms, fbuf *out, bool *broke, f5_error *err) {
    f5_seg *segs = NULL;
    size_t ns = 0;
    *broke = false;
    out->n = 0;
    f5_status st = f5_split_on_silence(x, n, sr, min_sil, db, 1000, 10, &segs, &ns, err);
    if (st) return st;
    f5_loud l = {.n = n, .sr = sr, .len_ms = f5_pcm_len_ms(n, sr)};
    for (size_t i = 0; i < ns; i++) {
        int64_t a = f5_loud_pos(&l, segs[i].start_ms), e = f5_loud_pos(&l, segs[i].end_ms);
        if (e < a) e = a;
        int64_t cur = f5_pcm_len_ms(out->n, sr), with = f5_pcm_len_ms(out->n + (size_t)(e - a), sr);
        if (cur > half_ms && with > limit_ms) {
            *broke = true;
            break;
        }
        if ((st = fbuf_append(out, x, n, a, e, err))) break;
    }
    free(segs);
    return st;
}

/* upstream remove_silence_edges(): [start, end) samples of w to keep. */
static f5_status trim_edges(const float *w, size_t n, int sr, size_t *start, size_t *end, f5_error *err) {
    f5_loud l;
    f5_status st = f5_loud_init(&l, w, n, sr, err);
    if (st) return st;
    int64_t trim = 0;
    while (trim < l.len_ms && f5_loud_dbfs(&l, trim, trim + 10) < -42.0) trim += 10;
    if (trim > l.len_ms) trim = l.len_ms;
    size_t s0 = (size_t)f5_loud_pos(&l, trim);
    f5_loud_free(&l);
    if (s0 > n) s0 = n;
    /* the rest, measured as its own segment */
    const float *r = w + s0;
    size_t rn = n - s0;
    if ((st = f5_loud_init(&l, r, rn, sr, err))) return st;
    double end_dur = (double)rn / (double)sr;
    for (int64_t ms = l.len_ms - 1; ms >= 0; ms--) {
        if (f5_loud_dbfs(&l, ms, ms + 1) > -42.0) break;
        end_dur -= 0.001;
    }
    int64_t end_ms = (int64_t)(end_dur * 1000.0); /* Python int(): toward zero */
    if (end_ms < 0) end_ms = l.len_ms + end_ms < 0 ? 0 : l.len_ms + end_ms;
    size_t e = (size_t)f5_loud_pos(&l, end_ms);
    f5_loud_free(&l);
    *start = s0;
    *end = s0 + e;
    return F5_OK;
}

f5_status f5_refprep(const f5_pcm *in, const f5_refprep_params *p_in, f5_refprep_result *out, f5_error *err) {
    if (!out) return f5_errf(err, F5_ERR_INVALID_ARG, "refprep: NULL result");
    memset(out, 0, sizeof *out);
    if (!in || !in->data || in->n == 0) return f5_errf(err, F5_ERR_INVALID_AUDIO, "refprep: empty reference audio");
    f5_refprep_params p = p_in ? *p_in : f5_refprep_default_params();
    if (!(p.target_rms > 0) || !(p.max_ref_seconds > 0))
        return f5_errf(err, F5_ERR_INVALID_ARG, "refprep: target_rms %g and max_ref_seconds %g must be > 0",
                       (double)p.target_rms, (double)p.max_ref_seconds);
    const int sr = in->sample_rate;
    out->input_seconds = (double)in->n / sr;
    fbuf w = {0}, w2 = {0};
    f5_status st = F5_OK;
    float *res = NULL;
    if (p.clip_and_trim) {
        const int64_t limit = (int64_t)llround(p.max_ref_seconds * 1000.0), half = limit / 2;
        bool broke = false;
        if ((st = split_concat(in->data, in->n, sr, 1000, -50.0, limit, half, &w, &broke, err))) goto fail;
        if (broke) out->clipped = true, out->clip_stage = 1;
        if (f5_pcm_len_ms(w.n, sr) > limit) {
            if ((st = split_concat(in->data, in->n, sr, 100, -40.0, limit, half, &w2, &broke, err))) goto fail;
            fbuf t = w;
            w = w2, w2 = t;
            out->clipped = broke, out->clip_stage = broke ? 2 : 0;
        }
        if (f5_pcm_len_ms(w.n, sr) > limit) {
            f5_loud l = {.n = w.n, .sr = sr, .len_ms = f5_pcm_len_ms(w.n, sr)};
            w.n = (size_t)f5_loud_pos(&l, limit);
            out->clipped = true, out->clip_stage = 3;
        }
        size_t s0 = 0, s1 = 0;
        if (w.n && (st = trim_edges(w.x, w.n, sr, &s0, &s1, err))) goto fail;
        if (s1 <= s0) {
            st = f5_errf(err, F5_ERR_AUDIO_TOO_SHORT,
                         "reference audio: nothing louder than -42 dBFS (%.2f s of input is silence)",
                         out->input_seconds);
            goto fail;
        }
        size_t keep = s1 - s0, sil = f5_pydub_silent_frames(50, sr);
        memmove(w.x, w.x + s0, keep * sizeof *w.x);
        w.n = keep;
        if ((st = fbuf_append(&w, NULL, 0, 0, (int64_t)sil, err))) goto fail;
    } else {
        if ((st = fbuf_append(&w, in->data, in->n, 0, (int64_t)in->n, err))) goto fail;
    }
    out->kept_seconds = (double)w.n / sr;
    double rms = f5_audio_rms(w.x, w.n);
    out->rms = (float)rms;
    if (!(out->rms > 0)) {
        st = f5_errf(err, F5_ERR_INVALID_AUDIO, "reference audio is digital silence (RMS 0)");
        goto fail;
    }
    out->scale = 1.0f;
    if (out->rms < p.target_rms) {
        /* torch: audio * target_rms / rms, left to right in float32 */
        for (size_t i = 0; i < w.n; i++) w.x[i] = (w.x[i] * p.target_rms) / out->rms;
        out->scaled = true;
        out->scale = p.target_rms / out->rms;
    }
    size_t rn = 0;
    if ((st = f5_audio_resample(w.x, w.n, sr, F5_SAMPLE_RATE, &res, &rn, err))) goto fail;
    out->wave = res;
    out->n = rn;
    free(w.x);
    free(w2.x);
    return F5_OK;
fail:
    free(w.x);
    free(w2.x);
    memset(out, 0, sizeof *out);
    return st;
}

double f5_audio_rms(const float *x, size_t n) {
    if (!n) return 0.0;
    double s = 0;
    for (size_t i = 0; i < n; i++) s += (double)x[i] * x[i];
    return sqrt(s / (double)n);
}
