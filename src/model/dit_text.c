/* dit_text.c - the DiT text embedding: character ids -> table rows (ids
 * shifted by one, 0 = filler), sinusoidal positions, ConvNeXt-V2 blocks over
 * the frame axis (with padding rows re-zeroed around each block in v1).
 * Computed once per synthesis by f5_dit_set_text(). */
#include "model/dit_impl.h"

#include "core/error.h"

#include <math.h>
#include <string.h>

/* x [N,Dt] += ConvNeXtV2(x); y [N,Dt], ff [N,2Dt], tmp [N,Dt] scratch. */
static void convnext(f5_dit_ctx *ctx, const f5_dit_text_block *t, float *x, int N, float *y, float *ff, float *tmp) {
    const f5_kctx *k = f5_dit_text_k(ctx);
    int64_t Dt = ctx->d->c.text_dim, F2 = 2 * Dt;
    f5_conv1d(k, x, N, Dt, t->dw_w, Dt, F5_DIT_TEXT_CONV_K, Dt, F5_DIT_TEXT_CONV_K / 2, t->dw_b, y, ctx->hconv);
    f5_layernorm(k, y, N, Dt, t->ln_w, t->ln_b, F5_DIT_LN_EPS, y);
    f5_linear(k, y, N, Dt, t->pw1_w, F2, t->pw1_b, ff);
    f5_activation(k, F5_ACT_GELU_ERF, ff, (int64_t)N * F2);
    /* GRN: per-channel L2 norm over TIME, normalised by its channel mean
     * (sums walked row by row: the [N, 2Dt] matrix is read in order) */
    double mean = 0, *ss = ctx->grn_sums;
    for (int64_t c = 0; c < F2; c++) ss[c] = 0;
    for (int64_t n = 0; n < N; n++) {
        const float *r = ff + n * F2;
        for (int64_t c = 0; c < F2; c++) ss[c] += (double)r[c] * r[c];
    }
    for (int64_t c = 0; c < F2; c++) {
        tmp[c] = (float)sqrt(ss[c]);
        mean += tmp[c];
    }
    mean /= (double)F2;
    float denom = (float)(mean + 1e-6);
    for (int64_t c = 0; c < F2; c++) tmp[c] = tmp[c] / denom;
    for (int64_t n = 0; n < N; n++)
        for (int64_t c = 0; c < F2; c++) {
            float v = ff[n * F2 + c];
            ff[n * F2 + c] = t->grn_g[c] * (v * tmp[c]) + t->grn_b[c] + v;
        }
    f5_linear(k, ff, N, F2, t->pw2_w, Dt, t->pw2_b, y);
    for (int64_t i = 0; i < (int64_t)N * Dt; i++) x[i] += y[i];
}

f5_status f5_dit_text_embed(f5_dit_ctx *ctx, int B, int N, const int32_t *text, int T, const int32_t *lens,
                            bool drop_text, float *out, f5_error *err) {
    const f5_dit *d = ctx->d;
    const f5_dit_config *c = &d->c;
    int64_t Dt = c->text_dim;
    /* scratch: y, ff from the step buffers (not in use during set_text); the
     * GRN norms (2Dt floats) in att, which is at least N*D >= 2Dt floats. */
    float *y = ctx->hy, *ff = ctx->hff, *tmp = ctx->hatt;
    bool *pad = (bool *)ctx->hq; /* N bools: q holds N*A floats */
    for (int b = 0; b < B; b++) {
        float *e = out + (int64_t)b * N * Dt;
        int L = lens ? lens[b] : N;
        for (int n = 0; n < N; n++) {
            int32_t tok = 0;
            if (n < T && n < L) {
                int32_t id = text[(int64_t)b * T + n];
                if (id < -1 || id >= c->text_num_embeds)
                    return f5_errf(err, F5_ERR_INVALID_ARG, "DiT text: token id %d at [%d,%d] outside [-1, %d)", id,
                                   b, n, c->text_num_embeds);
                tok = id + 1;
            }
            pad[n] = tok == 0;
            if (drop_text) tok = 0;
            float *row = e + (int64_t)n * Dt;
            if (n >= L) {
                memset(row, 0, (size_t)Dt * sizeof *row);
                continue;
            }
            const float *er = d->emb + (int64_t)tok * Dt;
            int64_t half = Dt / 2;
            for (int64_t i = 0; i < half; i++) {
                /* g_i = 10000^(-2i/Dt), positions [cos | sin] (halves); float32
                 * steps as upstream computes them (it forces .float() here) */
                float ex = (float)(2 * i) / (float)Dt;
                float g = 1.0f / (float)pow(10000.0, (double)ex);
                float a = (float)n * g;
                row[i] = er[i] + (float)cos((double)a);
                row[half + i] = er[half + i] + (float)sin((double)a);
            }
        }
        if (c->text_mask_padding)
            for (int n = 0; n < N; n++)
                if (pad[n]) memset(e + (int64_t)n * Dt, 0, (size_t)Dt * sizeof *e);
        for (int j = 0; j < c->conv_layers; j++) {
            convnext(ctx, &d->tblocks[j], e, N, y, ff, tmp);
            if (c->text_mask_padding)
                for (int n = 0; n < N; n++)
                    if (pad[n]) memset(e + (int64_t)n * Dt, 0, (size_t)Dt * sizeof *e);
        }
    }
    return F5_OK;
}
