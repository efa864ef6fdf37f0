/* cuda_kernels.h - the cuda backend's entries (cuda_table.c puts them in
 * its table). Plain C declarations of functions defined in the .cu files;
 * signatures and contracts are those of kernels.h with k non-NULL, every
 * activation a device pointer and weights translated through k->dev. */
#ifndef F5_KERNELS_CUDA_KERNELS_H
#define F5_KERNELS_CUDA_KERNELS_H

#include "kernels/backend.h"

#ifdef __cplusplus
extern "C" {
#endif

void f5_linear_cuda(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N,
                    const float *b, float *y);
void f5_gemm_cuda(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
                  int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc);
void f5_layernorm_cuda(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                       float eps, float *y);
void f5_adaln_cuda(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
                   const float *shift, int64_t ld_mod, float eps, float *y);
void f5_gated_add_cuda(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D,
                       const float *gate, int64_t ld_gate, const int32_t *lens);
void f5_activation_cuda(const f5_kctx *k, f5_act act, float *x, int64_t n);
void f5_add_cuda(const f5_kctx *k, float *y, const float *x, int64_t n);
void f5_conv1d_cuda(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout,
                    int64_t K, int64_t groups, int64_t pad, const float *b, float *y, float *scratch);
size_t f5_conv1d_scratch_floats_cuda(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K,
                                     int64_t groups, int64_t pad);
void f5_rope_cuda(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
                  const float *cos_t, const float *sin_t);
void f5_attention_cuda(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                       int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o,
                       float *scratch);
size_t f5_attention_scratch_floats_cuda(const f5_kctx *k, int64_t N, int64_t H);

void *f5_kalloc_cuda(const f5_kctx *k, size_t bytes);
void f5_kfree_cuda(const f5_kctx *k, void *p);
void f5_kupload_cuda(const f5_kctx *k, void *dst, const void *src, size_t bytes);
void f5_kdownload_cuda(const f5_kctx *k, void *dst, const void *src, size_t bytes);
void f5_kcopy_cuda(const f5_kctx *k, void *dst, const void *src, size_t bytes);
void f5_kzero_cuda(const f5_kctx *k, void *dst, size_t bytes);
f5_status f5_ksync_cuda(const f5_kctx *k, f5_error *err);

#ifdef __cplusplus
}
#endif

#endif
