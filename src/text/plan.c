/* plan.c - what upstream infer_process computes before sampling: the
 * reference-text fix-up, max_chars from the reference's bytes per second,
 * the chunks of the text to speak, each chunk's duration in mel frames
 * (bytes ratio, 0.3 speed for very short chunks, fix_duration) and the final
 * length after cross-fading. Arithmetic is done in double in upstream's
 * operation order so the int() truncations match.
 */
#include "text/text.h"

#include "core/error.h"
#include "text/text_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool plan_ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

f5_status f5_ref_text_normalize(const char *ref_text, char **out, f5_error *err) {
    *out = NULL;
    const char *add = "";
    if (!plan_ends_with(ref_text, ". ") && !plan_ends_with(ref_text, "\xE3\x80\x82"))
        add = plan_ends_with(ref_text, ".") ? " " : ". ";
    size_t n = strlen(ref_text), m = strlen(add);
    char *r = malloc(n + m + 1);
    if (!r) return f5_errf(err, F5_ERR_NOMEM, "ref_text: out of memory");
    memcpy(r, ref_text, n);
    memcpy(r + n, add, m + 1);
    *out = r;
    return F5_OK;
}

f5_status f5_ref_text_join_form(const char *ref_text, char **out, f5_error *err) {
    *out = NULL;
    size_t n = strlen(ref_text);
    bool sp = n > 0 && f5_tx_utf8_last_len(ref_text, n) == 1;
    char *r = malloc(n + 2);
    if (!r) return f5_errf(err, F5_ERR_NOMEM, "ref_text: out of memory");
    memcpy(r, ref_text, n);
    if (sp) r[n++] = ' ';
    r[n] = 0;
    *out = r;
    return F5_OK;
}

int f5_plan_max_chars(const char *ref_text, double ref_seconds, double speed) {
    if (!(ref_seconds > 0)) return 0;
    double v = (double)strlen(ref_text) / ref_seconds * (22.0 - ref_seconds) * speed;
    if (!(v > -2e9 && v < 2e9)) return v > 0 ? 2000000000 : 0;
    return (int)v; /* Python int(): truncation toward zero */
}

int64_t f5_plan_resampled_len(int64_t samples, int sr) {
    if (sr <= 0 || samples <= 0) return 0;
    if (sr == F5_SAMPLE_RATE) return samples;
    int64_t a = F5_SAMPLE_RATE, b = sr;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    int64_t up = F5_SAMPLE_RATE / a, down = sr / a;
    return (samples * up + down - 1) / down;
}

int f5_plan_duration(int ref_audio_len, const char *ref_text_join, const char *chunk, double speed,
                     double fix_duration) {
    if (fix_duration > 0) return (int)(fix_duration * F5_SAMPLE_RATE / F5_HOP_LENGTH);
    size_t rb = strlen(ref_text_join), gb = strlen(chunk);
    double local_speed = gb < 10 ? 0.3 : speed;
    if (rb == 0 || !(local_speed > 0)) return ref_audio_len;
    double v = (double)ref_audio_len / (double)rb * (double)gb / local_speed;
    if (!(v < 1e9)) v = 1e9;
    return ref_audio_len + (int)v;
}

f5_plan_params f5_plan_default_params(void) {
    return (f5_plan_params){.speed = 1.0, .fix_duration = 0, .cross_fade_duration = 0.15, .tok = f5_tok_default_opts()};
}

void f5_text_plan_free(f5_text_plan *plan) {
    if (!plan) return;
    for (int i = 0; i < plan->n_chunks; i++) {
        free(plan->chunks[i].text);
        free(plan->chunks[i].full_text);
    }
    free(plan->chunks);
    free(plan->ref_text);
    memset(plan, 0, sizeof *plan);
}

f5_status f5_text_plan_build(const char *ref_text, int64_t ref_samples, int ref_sr, const char *gen_text,
                             const f5_plan_params *pp, f5_text_plan *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    f5_plan_params p = pp ? *pp : f5_plan_default_params();
    if (ref_sr <= 0 || ref_samples <= 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "plan: reference of %lld samples at %d Hz", (long long)ref_samples,
                       ref_sr);
    if (!(p.speed > 0) || p.speed > 100)
        return f5_errf(err, F5_ERR_INVALID_ARG, "plan: speed %g out of range (0, 100]", p.speed);
    f5_status st;
    char **chunks = NULL;
    int nch = 0;
    double secs = (double)ref_samples / (double)ref_sr;
    out->max_chars = f5_plan_max_chars(ref_text, secs, p.speed);
    out->cond_samples = f5_plan_resampled_len(ref_samples, ref_sr);
    out->ref_audio_len = (int)(out->cond_samples / F5_HOP_LENGTH);
    out->ref_frames = out->ref_audio_len + 1;
    if ((st = f5_ref_text_join_form(ref_text, &out->ref_text, err))) goto fail;
    if ((st = f5_chunk_text(gen_text, out->max_chars, &chunks, &nch, err))) goto fail;
    if (nch == 0) {
        st = f5_errf(err, F5_ERR_INVALID_TEXT, "plan: the text to speak is empty");
        goto fail;
    }
    out->chunks = calloc((size_t)nch, sizeof *out->chunks);
    if (!out->chunks) {
        st = f5_errf(err, F5_ERR_NOMEM, "plan: out of memory");
        goto fail;
    }
    out->n_chunks = nch;
    size_t rl = strlen(out->ref_text);
    int64_t total = 0;
    for (int i = 0; i < nch; i++) {
        f5_plan_chunk *c = &out->chunks[i];
        c->text = chunks[i];
        chunks[i] = NULL;
        size_t cl = strlen(c->text);
        c->full_text = malloc(rl + cl + 1);
        if (!c->full_text) {
            st = f5_errf(err, F5_ERR_NOMEM, "plan: out of memory");
            goto fail;
        }
        memcpy(c->full_text, out->ref_text, rl);
        memcpy(c->full_text + rl, c->text, cl + 1);
        char **toks;
        if ((st = f5_text_to_tokens(c->full_text, &p.tok, &toks, &c->n_tokens, err))) goto fail;
        f5_strv_free(toks, c->n_tokens);
        c->duration = f5_plan_duration(out->ref_audio_len, out->ref_text, c->text, p.speed, p.fix_duration);
        int lo = (c->n_tokens > out->ref_frames ? c->n_tokens : out->ref_frames) + 1;
        c->eff_duration = c->duration > lo ? c->duration : lo;
        if (c->eff_duration > 65536) c->eff_duration = 65536;
        c->vocoder_frames = c->eff_duration - out->ref_audio_len;
        c->samples = c->vocoder_frames > 0 ? (int64_t)F5_HOP_LENGTH * (c->vocoder_frames - 1) : 0;
        if (i == 0) {
            total = c->samples;
        } else {
            int64_t x = (int64_t)(p.cross_fade_duration * F5_SAMPLE_RATE);
            if (x > total) x = total;
            if (x > c->samples) x = c->samples;
            if (x < 0) x = 0;
            total += c->samples - x;
        }
    }
    out->final_samples = total;
    f5_strv_free(chunks, nch);
    return F5_OK;
fail:
    f5_strv_free(chunks, nch);
    f5_text_plan_free(out);
    return st;
}
