/* cpu_kernels.h - the float32 cpu backend's entries (cpu_table.c puts
 * them in its table; the bf16 entries reuse some of them). Signatures and
 * contracts are those of the f5_<op> in kernels.h, with k non-NULL. */
#ifndef F5_KERNELS_CPU_KERNELS_H
#define F5_KERNELS_CPU_KERNELS_H

#include "kernels/backend.h"

void f5_linear_cpu(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
                   float *y);
void f5_gemm_cpu(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
                 int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc);
void f5_layernorm_cpu(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                      float eps, float *y);
void f5_adaln_cpu(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
                  const float *shift, int64_t ld_mod, float eps, float *y);
void f5_gated_add_cpu(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D,
                      const float *gate, int64_t ld_gate, const int32_t *lens);
void f5_activation_cpu(const f5_kctx *k, f5_act act, float *x, int64_t n);
void f5_conv1d_cpu(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout,
                   int64_t K, int64_t groups, int64_t pad, const float *b, float *y, float *scratch);
size_t f5_conv1d_scratch_floats_cpu(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K,
                                    int64_t groups, int64_t pad);
void f5_rope_cpu(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
                 const float *cos_t, const float *sin_t);
void f5_attention_cpu(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                      int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o,
                      float *scratch);
size_t f5_attention_scratch_floats_cpu(const f5_kctx *k, int64_t N, int64_t H);

/* Host memory as backend memory (mem_cpu.c). */
void *f5_kalloc_cpu(const f5_kctx *k, size_t bytes);
void f5_kfree_cpu(const f5_kctx *k, void *p);
void f5_kmemcpy_cpu(const f5_kctx *k, void *dst, const void *src, size_t bytes);
void f5_kzero_cpu(const f5_kctx *k, void *dst, size_t bytes);
f5_status f5_ksync_cpu(const f5_kctx *k, f5_error *err);
void f5_add_cpu(const f5_kctx *k, float *y, const float *x, int64_t n);

/* Flash attention for dh = 64: attn_flash.c (AVX-512, fp32 or bf16) and
 * attn_flash_avx2.c (AVX2+FMA, fp32), picked by f5_attention_cpu from
 * f5_cpu_isa_for(k); scratch as the matching *_scratch_floats. */
size_t f5_attention_flash_scratch_floats(const f5_kctx *k, int64_t N);
void f5_attention_flash(const f5_kctx *k, bool bf16, const float *q, const float *kk, const float *v, int64_t B,
                        int64_t N, int64_t H, int64_t ld, float scale, const int32_t *lens, float *o,
                        float *scratch);
size_t f5_attention_flash_avx2_scratch_floats(const f5_kctx *k, int64_t N);
void f5_attention_flash_avx2(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                             int64_t H, int64_t ld, float scale, const int32_t *lens, float *o, float *scratch);

#endif
