/* ref_table.c - the reference kernels as a backend table: the context
 * carries nothing they need, so each entry just drops it. */
#include "kernels/backend.h"

static void linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
                   float *y) {
    (void)k;
    f5_linear_ref(x, M, K, W, N, b, y);
}
static void gemm(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
                 int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc) {
    (void)k;
    f5_gemm_ref(trans_b, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}
static void layernorm(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                      float eps, float *y) {
    (void)k;
    f5_layernorm_ref(x, rows, D, w, b, eps, y);
}
static void adaln(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
                  const float *shift, int64_t ld_mod, float eps, float *y) {
    (void)k;
    f5_adaln_ref(x, B, N, D, scale, shift, ld_mod, eps, y);
}
static void gated_add(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate,
                      int64_t ld_gate, const int32_t *lens) {
    (void)k;
    f5_gated_add_ref(h, a, B, N, D, gate, ld_gate, lens);
}
static void activation(const f5_kctx *k, f5_act act, float *x, int64_t n) {
    (void)k;
    f5_activation_ref(act, x, n);
}
static void conv1d(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K,
                   int64_t groups, int64_t pad, const float *b, float *y, float *scratch) {
    (void)k, (void)scratch;
    f5_conv1d_ref(x, T, Cin, W, Cout, K, groups, pad, b, y);
}
static size_t no_scratch_conv(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K, int64_t groups,
                              int64_t pad) {
    (void)k, (void)T, (void)Cin, (void)Cout, (void)K, (void)groups, (void)pad;
    return 0;
}
static void rope(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
                 const float *cos_t, const float *sin_t) {
    (void)k;
    f5_rope_ref(x, B, N, n_heads_rot, dh, ld, cos_t, sin_t);
}
static void attention(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                      int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o,
                      float *scratch) {
    (void)k, (void)scratch;
    f5_attention_masked_ref(q, kk, v, B, N, H, dh, ld, scale, lens, o);
}
static size_t no_scratch_attn(const f5_kctx *k, int64_t N, int64_t H) {
    (void)k, (void)N, (void)H;
    return 0;
}

const f5_kops f5_kops_ref = {
    .name = "ref", .linear = linear, .gemm = gemm, .layernorm = layernorm, .adaln = adaln,
    .gated_add = gated_add, .activation = activation, .conv1d = conv1d, .conv1d_scratch_floats = no_scratch_conv,
    .rope = rope, .attention = attention, .attention_scratch_floats = no_scratch_attn,
};
