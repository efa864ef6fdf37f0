/* kernels.h - the numeric kernels the models are built from.
 *
 * One interface, several backends: ref/ (plain C, the numeric spec, slow and
 * obviously right), cpu/ (oneDNN sgemm + threads), cuda/ (later). The
 * caller passes an f5_kctx that says which backend and which thread pool.
 * All tensors are float32, row-major, contiguous unless a leading dimension
 * (ld*) is given. Kernels never allocate, never fail on valid sizes, and are
 * thread-safe as long as two calls do not share an f5_kctx pool at once.
 * Each public f5_<op>() dispatches on k->backend; f5_<op>_ref() is the
 * reference implementation (used by the ref backend and by tests).
 */
#ifndef F5_KERNELS_H
#define F5_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum f5_backend { F5_BACKEND_REF = 0, F5_BACKEND_CPU, F5_BACKEND_CUDA } f5_backend;

struct f5_threadpool;

typedef struct f5_kctx {
    f5_backend backend;
    int n_threads;               /* >= 1; without a pool, oneDNN threads each GEMM this wide */
    struct f5_threadpool *pool;  /* our threads (GEMM blocks, attention, elementwise); NULL = caller only */
} f5_kctx;

/* y[M,N] = x[M,K] · W[N,K]^T + b[N] (b may be NULL). PyTorch Linear layout. */
void f5_linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
               float *y);
/* Reference implementation (double accumulation), used by tests and the ref backend. */
void f5_linear_ref(const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b, float *y);

/* C[M,N] = alpha * A[M,K] · op(B) + beta * C with op(B) = B^T when trans_b
 * (B stored [N,K]) else B (stored [K,N]); lda/ldb/ldc are row strides. */
void f5_gemm(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
             int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc);
void f5_gemm_ref(bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A, int64_t lda,
                 const float *B, int64_t ldb, float beta, float *C, int64_t ldc);

/* y[r,:] = (x[r,:] - mean) / sqrt(var + eps) * w + b over the last axis D
 * (biased variance; w, b may be NULL = no affine). y may alias x. */
void f5_layernorm(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                  float eps, float *y);
void f5_layernorm_ref(const float *x, int64_t rows, int64_t D, const float *w, const float *b, float eps, float *y);

/* AdaLN modulation for B batch rows of N frames:
 * y[b,n,:] = LN(x[b,n,:]) * (1 + scale[b,:]) + shift[b,:] (LN without affine);
 * scale/shift rows are ld_mod floats apart. y may alias x. */
void f5_adaln(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
              const float *shift, int64_t ld_mod, float eps, float *y);
void f5_adaln_ref(const float *x, int64_t B, int64_t N, int64_t D, const float *scale, const float *shift,
                  int64_t ld_mod, float eps, float *y);

/* h[b,n,:] += gate[b,:] * a[b,n,:] for n < lens[b] (lens NULL: all N;
 * frames >= lens get nothing added, i.e. a's rows are treated as zero). */
void f5_gated_add(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate,
                  int64_t ld_gate, const int32_t *lens);
void f5_gated_add_ref(float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate, int64_t ld_gate,
                      const int32_t *lens);

typedef enum f5_act { F5_ACT_SILU = 0, F5_ACT_MISH, F5_ACT_GELU_ERF, F5_ACT_GELU_TANH } f5_act;
/* x[i] = act(x[i]) in place, i < n. */
void f5_activation(const f5_kctx *k, f5_act act, float *x, int64_t n);
void f5_activation_ref(f5_act act, float *x, int64_t n);

/* 1-D convolution over time, channels-last: x [T, Cin], W [Cout, Cin/groups, K]
 * (PyTorch Conv1d), b [Cout] or NULL, zero padding `pad` both sides,
 * stride 1, y [Tout, Cout] with Tout = T + 2 pad - K + 1. `scratch` must hold
 * f5_conv1d_scratch_floats(...) floats (may be NULL when that is 0). */
void f5_conv1d(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K,
               int64_t groups, int64_t pad, const float *b, float *y, float *scratch);
size_t f5_conv1d_scratch_floats(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K, int64_t groups,
                                int64_t pad);
void f5_conv1d_ref(const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K, int64_t groups,
                   int64_t pad, const float *b, float *y);

/* Rotary embedding on heads [0, n_heads_rot) of x [B*N, ld] (head h at
 * columns h*dh .. h*dh+dh-1): interleaved pairs (2j, 2j+1),
 * x' = x*cos + rot(x)*sin, rot(x)[2j] = -x[2j+1], rot(x)[2j+1] = x[2j];
 * cos/sin [N, dh] tables (angles already repeated per pair). */
void f5_rope(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
             const float *cos_t, const float *sin_t);
void f5_rope_ref(float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld, const float *cos_t,
                 const float *sin_t);

/* Full (unmasked) multi-head attention: for each batch b and head h,
 * o = softmax(q k^T * scale) v with q, k, v, o [B*N, ld] (head h at columns
 * h*dh..). `scratch` must hold f5_attention_scratch_floats(...) floats. */
void f5_attention(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                  int64_t H, int64_t dh, int64_t ld, float scale, float *o, float *scratch);
size_t f5_attention_scratch_floats(const f5_kctx *k, int64_t N, int64_t H);
void f5_attention_ref(const float *q, const float *kk, const float *v, int64_t B, int64_t N, int64_t H, int64_t dh,
                      int64_t ld, float scale, float *o);

#endif
