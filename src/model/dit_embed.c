/* dit_embed.c - the DiT time embedding (sinusoidal features -> MLP) and
 * input embedding (Linear over [x | cond | text], plus the grouped
 * convolutional position embedding with Mish, masked beyond each row's
 * valid frames). */
#include "model/dit_impl.h"

#include <math.h>
#include <string.h>

void f5_dit_time_embed(f5_dit_ctx *ctx, int R) {
    const f5_dit *d = ctx->d;
    int64_t D = d->c.dim, half = F5_DIT_TIME_FREQ_DIM / 2;
    /* float32 steps as upstream: f_k = exp(-k ln(10000)/(half-1)), a = (1000 t) f_k */
    const float step = (float)(-log(10000.0) / (double)(half - 1));
    for (int r = 0; r < R; r++) {
        float *f = ctx->htfeat + (int64_t)r * F5_DIT_TIME_FREQ_DIM;
        float st = 1000.0f * ctx->time_rows[r];
        for (int64_t k = 0; k < half; k++) {
            float fk = (float)exp((double)((float)k * step));
            float a = st * fk;
            f[k] = (float)sin((double)a);
            f[half + k] = (float)cos((double)a);
        }
    }
    f5_kupload(&ctx->k, ctx->tfeat, ctx->htfeat, (size_t)R * F5_DIT_TIME_FREQ_DIM * sizeof(float));
    f5_linear(&ctx->k, ctx->tfeat, R, F5_DIT_TIME_FREQ_DIM, d->t0_w, D, d->t0_b, ctx->tsilu);
    f5_activation(&ctx->k, F5_ACT_SILU, ctx->tsilu, R * D);
    f5_linear(&ctx->k, ctx->tsilu, R, D, d->t2_w, D, d->t2_b, ctx->temb);
}

static void mask_rows(const f5_kctx *k, float *x, int N, int64_t D, int L) {
    if (L < N) f5_kzero(k, x + (int64_t)(L > 0 ? L : 0) * D, (size_t)(N - (L > 0 ? L : 0)) * (size_t)D * sizeof *x);
}

void f5_dit_input_embed(f5_dit_ctx *ctx, int R, int N, const float *const *x_rows, const float *const *cond_rows,
                        const float *const *text_rows, const int32_t *avail) {
    const f5_dit *d = ctx->d;
    const f5_kctx *k = &ctx->k;
    int64_t D = d->c.dim, M = d->c.mel_dim, Dt = d->c.text_dim, W = 2 * M + Dt;
    for (int r = 0; r < R; r++)
        for (int n = 0; n < N; n++) {
            float *row = ctx->hy + ((int64_t)r * N + n) * W; /* host: the concat is built there */
            if (avail && n >= avail[r]) {
                memset(row, 0, (size_t)W * sizeof *row);
                continue;
            }
            memcpy(row, x_rows[r] + (int64_t)n * M, (size_t)M * sizeof *row);
            if (cond_rows[r])
                memcpy(row + M, cond_rows[r] + (int64_t)n * M, (size_t)M * sizeof *row);
            else
                memset(row + M, 0, (size_t)M * sizeof *row);
            memcpy(row + 2 * M, text_rows[r] + (int64_t)n * Dt, (size_t)Dt * sizeof *row);
        }
    f5_kupload(k, ctx->y, ctx->hy, (size_t)R * (size_t)N * (size_t)W * sizeof(float));
    f5_linear(k, ctx->y, (int64_t)R * N, W, d->proj_w, D, d->proj_b, ctx->h);
    int64_t pad = F5_DIT_CONVPOS_K / 2;
    for (int r = 0; r < R; r++) {
        int L = ctx->have_lens ? ctx->lens[r] : N;
        float *h = ctx->h + (int64_t)r * N * D, *a = ctx->att + (int64_t)r * N * D, *t = ctx->y + (int64_t)r * N * D;
        f5_kcopy(k, a, h, (size_t)N * (size_t)D * sizeof *a);
        mask_rows(k, a, N, D, L);
        f5_conv1d(k, a, N, D, d->cp0_w, D, F5_DIT_CONVPOS_K, F5_DIT_CONVPOS_GROUPS, pad, d->cp0_b, t,
                  ctx->conv_scratch);
        f5_activation(k, F5_ACT_MISH, t, (int64_t)N * D);
        mask_rows(k, t, N, D, L);
        f5_conv1d(k, t, N, D, d->cp2_w, D, F5_DIT_CONVPOS_K, F5_DIT_CONVPOS_GROUPS, pad, d->cp2_b, a,
                  ctx->conv_scratch);
        f5_activation(k, F5_ACT_MISH, a, (int64_t)N * D);
        mask_rows(k, a, N, D, L);
        f5_add(k, h, a, (int64_t)N * D);
    }
}
