/* dit_block.c - one DiT transformer block: AdaLN-modulated attention with
 * rotary positions (all heads in v1, the first pe_attn_head heads in v0)
 * and a tanh-GELU feed-forward, both gated into the residual stream. The
 * attention output of frames beyond each row's length adds nothing; with
 * key_mask (independent items) those frames are not attended to either. */
#include "model/dit_impl.h"

#include <math.h>

void f5_dit_block_forward(f5_dit_ctx *ctx, int i, int R, int N) {
    const f5_dit *d = ctx->d;
    const f5_dit_config *c = &d->c;
    const f5_dit_block *w = &d->blocks[i];
    const f5_kctx *k = &ctx->k;
    int64_t D = c->dim, H = c->heads, dh = c->dim_head, A = H * dh, F = D * c->ff_mult, rows = (int64_t)R * N;
    const int32_t *lens = ctx->have_lens ? ctx->lens : NULL;
    /* mod rows: shift_a, scale_a, gate_a, shift_f, scale_f, gate_f (D each) */
    float *mod = ctx->mod;
    f5_linear(k, ctx->tsilu, R, D, w->mod_w, 6 * D, w->mod_b, mod);

    f5_adaln(k, ctx->h, R, N, D, mod + D, mod, 6 * D, F5_DIT_LN_EPS, ctx->y);
    f5_linear(k, ctx->y, rows, D, w->q_w, A, w->q_b, ctx->q);
    f5_linear(k, ctx->y, rows, D, w->k_w, A, w->k_b, ctx->kk);
    f5_linear(k, ctx->y, rows, D, w->v_w, A, w->v_b, ctx->v);
    int64_t nrot = c->pe_attn_head > 0 ? c->pe_attn_head : H;
    f5_rope(k, ctx->q, R, N, nrot, dh, A, ctx->rope_cos, ctx->rope_sin);
    f5_rope(k, ctx->kk, R, N, nrot, dh, A, ctx->rope_cos, ctx->rope_sin);
    f5_attention_masked(k, ctx->q, ctx->kk, ctx->v, R, N, H, dh, A, (float)(1.0 / sqrt((double)dh)),
                        ctx->key_mask ? lens : NULL, ctx->att, ctx->scores);
    f5_linear(k, ctx->att, rows, A, w->o_w, D, w->o_b, ctx->y);
    f5_gated_add(k, ctx->h, ctx->y, R, N, D, mod + 2 * D, 6 * D, lens);

    f5_adaln(k, ctx->h, R, N, D, mod + 4 * D, mod + 3 * D, 6 * D, F5_DIT_LN_EPS, ctx->y);
    f5_linear(k, ctx->y, rows, D, w->ff1_w, F, w->ff1_b, ctx->ff);
    f5_activation(k, F5_ACT_GELU_TANH, ctx->ff, rows * F);
    f5_linear(k, ctx->ff, rows, F, w->ff2_w, D, w->ff2_b, ctx->y);
    f5_gated_add(k, ctx->h, ctx->y, R, N, D, mod + 5 * D, 6 * D, NULL);
}
