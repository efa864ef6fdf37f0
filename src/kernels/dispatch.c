/* dispatch.c - the one place that picks a backend for each kernel call.
 *
 * The model code calls f5_<op>(k, ...) and never asks which backend runs
 * it. Here k's backend and precision select a table (backend.h); an entry
 * a reduced-precision table leaves out is taken from the float32 cpu table,
 * so a new backend can start with the products alone. When the context
 * carries a profile, each call's wall time is added to its op family
 * (one monotonic clock read either side: cheap next to any kernel that
 * matters, and off unless asked for).
 */
#include "kernels/backend.h"

#include <time.h>

const f5_kops *f5_kops_for(const f5_kctx *k) {
    if (!k) return &f5_kops_ref; /* as before the dispatcher: no context, the spec */
    switch (k->backend) {
    case F5_BACKEND_REF: return &f5_kops_ref;
    case F5_BACKEND_CPU: return k->prec == F5_KPREC_BF16 ? &f5_kops_cpu_bf16 : &f5_kops_cpu_f32;
    case F5_BACKEND_CUDA: return &f5_kops_cuda; /* without CUDA no stream exists, so no context gets here */
    }
    return &f5_kops_cpu_f32;
}

size_t f5_kctx_scratch_bytes(const f5_kctx *k, int64_t max_rows, int64_t max_k) {
    if (!k || k->backend != F5_BACKEND_CPU || k->prec != F5_KPREC_BF16 || max_rows <= 0 || max_k <= 0) return 0;
    return (size_t)max_rows * (size_t)max_k * 2; /* one bf16 copy of the activations */
}

/* The entry `op` of k's table, else of the fp32 cpu table. */
#define OPS(k, op) (f5_kops_for(k)->op ? f5_kops_for(k)->op : f5_kops_cpu_f32.op)

static double mono(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

#define TIMED(k, fam, flop, call)                                                                                    \
    do {                                                                                                             \
        if ((k) && (k)->prof) {                                                                                      \
            double t0_ = mono();                                                                                     \
            call;                                                                                                    \
            (k)->prof->seconds[fam] += mono() - t0_;                                                                 \
            (k)->prof->calls[fam]++;                                                                                 \
            (k)->prof->flops[fam] += (flop);                                                                         \
        } else {                                                                                                     \
            call;                                                                                                    \
        }                                                                                                            \
    } while (0)

static const char *const fam_names[F5_KFAM_COUNT] = {"gemm", "attention", "norm", "elementwise", "conv", "rope"};

const char *f5_kfam_name(f5_kfam f) { return f >= 0 && f < F5_KFAM_COUNT ? fam_names[f] : "?"; }

void f5_linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
               float *y) {
    if (M <= 0 || N <= 0) return;
    TIMED(k, F5_KFAM_GEMM, 2.0 * (double)M * (double)N * (double)K, OPS(k, linear)(k, x, M, K, W, N, b, y));
}

void f5_gemm(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
             int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc) {
    if (M <= 0 || N <= 0) return;
    TIMED(k, F5_KFAM_GEMM, 2.0 * (double)M * (double)N * (double)K,
          OPS(k, gemm)(k, trans_b, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc));
}

void f5_layernorm(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                  float eps, float *y) {
    TIMED(k, F5_KFAM_NORM, 0, OPS(k, layernorm)(k, x, rows, D, w, b, eps, y));
}

void f5_adaln(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
              const float *shift, int64_t ld_mod, float eps, float *y) {
    TIMED(k, F5_KFAM_NORM, 0, OPS(k, adaln)(k, x, B, N, D, scale, shift, ld_mod, eps, y));
}

void f5_gated_add(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate,
                  int64_t ld_gate, const int32_t *lens) {
    TIMED(k, F5_KFAM_NORM, 0, OPS(k, gated_add)(k, h, a, B, N, D, gate, ld_gate, lens));
}

void f5_activation(const f5_kctx *k, f5_act act, float *x, int64_t n) {
    TIMED(k, F5_KFAM_ELEMWISE, 0, OPS(k, activation)(k, act, x, n));
}

void f5_conv1d(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K,
               int64_t groups, int64_t pad, const float *b, float *y, float *scratch) {
    TIMED(k, F5_KFAM_CONV, 0, OPS(k, conv1d)(k, x, T, Cin, W, Cout, K, groups, pad, b, y, scratch));
}

size_t f5_conv1d_scratch_floats(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K, int64_t groups,
                                int64_t pad) {
    return OPS(k, conv1d_scratch_floats)(k, T, Cin, Cout, K, groups, pad);
}

void f5_rope(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
             const float *cos_t, const float *sin_t) {
    TIMED(k, F5_KFAM_ROPE, 0, OPS(k, rope)(k, x, B, N, n_heads_rot, dh, ld, cos_t, sin_t));
}

void f5_attention(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                  int64_t H, int64_t dh, int64_t ld, float scale, float *o, float *scratch) {
    TIMED(k, F5_KFAM_ATTENTION, 4.0 * (double)B * (double)H * (double)N * (double)N * (double)dh,
          OPS(k, attention)(k, q, kk, v, B, N, H, dh, ld, scale, NULL, o, scratch));
}

void f5_attention_masked(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                         int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o, float *scratch) {
    double sq = 0;
    for (int64_t b = 0; b < B; b++) {
        double L = lens ? (double)lens[b] : (double)N;
        sq += L * L;
    }
    TIMED(k, F5_KFAM_ATTENTION, 4.0 * sq * (double)H * (double)dh,
          OPS(k, attention)(k, q, kk, v, B, N, H, dh, ld, scale, lens, o, scratch));
}

size_t f5_attention_scratch_floats(const f5_kctx *k, int64_t N, int64_t H) {
    return OPS(k, attention_scratch_floats)(k, N, H);
}

void *f5_kalloc(const f5_kctx *k, size_t bytes) { return OPS(k, alloc)(k, bytes); }

void f5_kfree(const f5_kctx *k, void *p) {
    if (p) OPS(k, free)(k, p);
}

void f5_kupload(const f5_kctx *k, void *dst, const void *src_host, size_t bytes) {
    if (bytes && dst != src_host) OPS(k, upload)(k, dst, src_host, bytes);
}

void f5_kdownload(const f5_kctx *k, void *dst_host, const void *src, size_t bytes) {
    if (bytes && dst_host != src) OPS(k, download)(k, dst_host, src, bytes);
}

void f5_kcopy(const f5_kctx *k, void *dst, const void *src, size_t bytes) {
    if (bytes && dst != src) OPS(k, copy)(k, dst, src, bytes);
}

void f5_kzero(const f5_kctx *k, void *dst, size_t bytes) {
    if (bytes) OPS(k, zero)(k, dst, bytes);
}

bool f5_khost_visible(const f5_kctx *k) { return !f5_kops_for(k)->device_memory; }

f5_status f5_ksync(const f5_kctx *k, f5_error *err) { return OPS(k, sync)(k, err); }

void f5_add(const f5_kctx *k, float *y, const float *x, int64_t n) {
    if (n > 0) TIMED(k, F5_KFAM_ELEMWISE, 0, OPS(k, add)(k, y, x, n));
}
