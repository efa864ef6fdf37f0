/* dit_forward.c - one synthesis' text setup (text embeddings for both CFG
 * variants, rotary tables) and the per-step DiT evaluation: time and input
 * embeddings, the blocks, the final AdaLN and projection. Packed CFG runs
 * the cond rows and the uncond rows as one batch of 2B. */
#include "model/dit_impl.h"

#include "core/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void f5_dit_rope_tables(f5_dit_ctx *ctx, int N) {
    int64_t dh = ctx->d->c.dim_head, n0 = ctx->rope_frames;
    for (int n = ctx->rope_frames; n < N; n++)
        for (int64_t j = 0; j < dh; j++) {
            float a = (float)n * ctx->d->inv_freq[j / 2]; /* float32 angle, as upstream */
            ctx->hrope_cos[n * dh + j] = (float)cos((double)a);
            ctx->hrope_sin[n * dh + j] = (float)sin((double)a);
        }
    if (N > n0) { /* the new frames to the backend (nothing on a host-visible one) */
        size_t off = (size_t)n0 * (size_t)dh, n = (size_t)(N - n0) * (size_t)dh * sizeof(float);
        f5_kupload(&ctx->k, ctx->rope_cos + off, ctx->hrope_cos + off, n);
        f5_kupload(&ctx->k, ctx->rope_sin + off, ctx->hrope_sin + off, n);
        ctx->rope_frames = N;
    }
}

f5_status f5_dit_sync(f5_dit_ctx *ctx, f5_error *err) {
    f5_status st = f5_ksync(&ctx->k, err);
    return st == F5_OK ? F5_OK : f5_err_prefix(err, st, "DiT step");
}

f5_status f5_dit_set_text(f5_dit_ctx *ctx, int B, int N, const int32_t *text, int T, const int32_t *lens,
                          f5_error *err) {
    ctx->have_text = false;
    if (B < 1 || N < 1 || T < 0 || (T > 0 && !text))
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: bad text setup (batch %d, frames %d, text length %d)", B, N, T);
    if (N > (1 << 20) || B > (1 << 16))
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: batch %d x frames %d too large", B, N);
    if (lens)
        for (int b = 0; b < B; b++)
            if (lens[b] < 0 || lens[b] > N)
                return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: lens[%d] = %d outside [0, %d]", b, lens[b], N);
    f5_status st = f5_dit_ctx_reserve(ctx, 2 * B, N, err);
    if (st != F5_OK) return st;
    ctx->have_lens = lens != NULL;
    for (int b = 0; b < B; b++) ctx->lens[b] = ctx->lens[B + b] = lens ? lens[b] : N;
    st = f5_dit_text_embed(ctx, B, N, text, T, lens, false, ctx->text_c, err);
    if (st == F5_OK) st = f5_dit_text_embed(ctx, B, N, text, T, lens, true, ctx->text_u, err);
    if (st != F5_OK) return st;
    f5_dit_rope_tables(ctx, N);
    ctx->key_mask = false;
    ctx->B = B;
    ctx->N = N;
    ctx->have_text = true;
    return F5_OK;
}

/* data is backend memory: copied to the host first where it is not host memory. */
static void trace_rows(f5_dit_ctx *ctx, const char *name, const float *data, int R, int64_t N, int64_t C) {
    if (!f5_khost_visible(&ctx->k)) {
        f5_kdownload(&ctx->k, ctx->trace_h, data, (size_t)R * (size_t)N * (size_t)C * sizeof(float));
        data = ctx->trace_h;
    }
    for (int r = 0; r < R; r++) ctx->trace(ctx->trace_user, name, r, data + (int64_t)r * N * C, N, C);
}

f5_status f5_dit_step(f5_dit_ctx *ctx, const float *x, const float *cond, const float *time, f5_dit_mode mode,
                      float *out, f5_error *err) {
    if (!ctx->have_text) return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: step before f5_dit_set_text");
    if (!x || !time || !out) return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: NULL x/time/out");
    if (mode < F5_DIT_COND || mode > F5_DIT_CFG_PACKED) return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: bad mode %d", mode);
    const f5_dit *d = ctx->d;
    const f5_dit_config *c = &d->c;
    int B = ctx->B, N = ctx->N, R = mode == F5_DIT_CFG_PACKED ? 2 * B : B;
    int64_t M = c->mel_dim, Dt = c->text_dim;
    const float **x_rows = ctx->row_ptrs;
    const float **cond_rows = x_rows + R, **text_rows = x_rows + 2 * R;
    for (int r = 0; r < R; r++) {
        int b = r % B;
        bool uncond = mode == F5_DIT_UNCOND || (mode == F5_DIT_CFG_PACKED && r >= B);
        bool drop_audio = uncond || mode == F5_DIT_DROP_AUDIO;
        x_rows[r] = x + (int64_t)b * N * M;
        cond_rows[r] = drop_audio || !cond ? NULL : cond + (int64_t)b * N * M;
        text_rows[r] = (uncond ? ctx->text_u : ctx->text_c) + (int64_t)b * N * Dt;
        ctx->time_rows[r] = time[b];
        if (ctx->have_lens) ctx->lens[r] = ctx->lens[b];
    }
    f5_dit_eval(ctx, R, N, x_rows, cond_rows, text_rows, NULL, true, out);
    return f5_dit_sync(ctx, err);
}

void f5_dit_eval(f5_dit_ctx *ctx, int R, int N, const float *const *x_rows, const float *const *cond_rows,
                 const float *const *text_rows, const int32_t *avail, bool trace_text, float *out) {
    const f5_dit *d = ctx->d;
    const f5_dit_config *c = &d->c;
    int64_t M = c->mel_dim, D = c->dim, Dt = c->text_dim;
    f5_dit_time_embed(ctx, R);
    if (ctx->trace) {
        trace_rows(ctx, "time_embed", ctx->temb, R, 1, D);
        if (trace_text)
            for (int r = 0; r < R; r++) ctx->trace(ctx->trace_user, "text_embed", r, text_rows[r], N, Dt);
    }
    f5_dit_input_embed(ctx, R, N, x_rows, cond_rows, text_rows, avail);
    if (ctx->trace) {
        trace_rows(ctx, "input_embed", ctx->h, R, N, D);
        /* rotary angles [N, dim_head] */
        int64_t dh = c->dim_head;
        float *ang = ctx->hatt;
        for (int n = 0; n < N; n++)
            for (int64_t j = 0; j < dh; j++) ang[n * dh + j] = (float)n * d->inv_freq[j / 2];
        ctx->trace(ctx->trace_user, "rope_freqs", -1, ang, N, dh);
    }
    /* SiLU(t_emb) feeds every AdaLN */
    f5_kcopy(&ctx->k, ctx->tsilu, ctx->temb, (size_t)R * (size_t)D * sizeof(float));
    f5_activation(&ctx->k, F5_ACT_SILU, ctx->tsilu, (int64_t)R * D);
    for (int i = 0; i < c->depth; i++) {
        f5_dit_block_forward(ctx, i, R, N);
        if (ctx->trace) {
            char name[32];
            snprintf(name, sizeof name, "block%d", i);
            trace_rows(ctx, name, ctx->h, R, N, D);
        }
    }
    /* norm_out: scale first, then shift */
    f5_linear(&ctx->k, ctx->tsilu, R, D, d->nout_w, 2 * D, d->nout_b, ctx->mod);
    f5_adaln(&ctx->k, ctx->h, R, N, D, ctx->mod, ctx->mod + D, 2 * D, F5_DIT_LN_EPS, ctx->y);
    if (ctx->trace) trace_rows(ctx, "norm_out", ctx->y, R, N, D);
    float *o = ctx->outd ? ctx->outd : out; /* host-visible: in place */
    f5_linear(&ctx->k, ctx->y, (int64_t)R * N, D, d->pout_w, M, d->pout_b, o);
    f5_kdownload(&ctx->k, out, o, (size_t)R * (size_t)N * (size_t)M * sizeof(float));
}

f5_status f5_dit_forward(f5_dit_ctx *ctx, int B, int N, const float *x, const float *cond, const int32_t *text,
                         int T, const float *time, const int32_t *lens, bool drop_audio_cond, bool drop_text,
                         float *out, f5_error *err) {
    f5_status st = f5_dit_set_text(ctx, B, N, text, T, lens, err);
    if (st != F5_OK) return st;
    if (drop_text && !drop_audio_cond)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "DiT: drop_text without drop_audio_cond is not a supported mode");
    f5_dit_mode mode = drop_text ? F5_DIT_UNCOND : drop_audio_cond ? F5_DIT_DROP_AUDIO : F5_DIT_COND;
    return f5_dit_step(ctx, x, cond, time, mode, out, err);
}
