/* backend.h - what a kernel backend provides: one table of functions per
 * backend and precision, looked up by the dispatcher (dispatch.c) and by
 * nothing else. A backend may leave an entry NULL; the dispatcher then
 * falls back to the float32 cpu entry (e.g. the bf16 table only replaces
 * the matrix products) and, failing that, to the reference kernel.
 * Signatures are those of kernels.h; "ctx" is always non-NULL here.
 */
#ifndef F5_KERNELS_BACKEND_H
#define F5_KERNELS_BACKEND_H

#include "kernels/kernels.h"

typedef struct f5_kops {
    const char *name; /* "ref", "cpu-fp32", "cpu-bf16", "cuda" */
    void (*linear)(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N,
                   const float *b, float *y);
    void (*gemm)(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
                 int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc);
    void (*layernorm)(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                      float eps, float *y);
    void (*adaln)(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
                  const float *shift, int64_t ld_mod, float eps, float *y);
    void (*gated_add)(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D,
                      const float *gate, int64_t ld_gate, const int32_t *lens);
    void (*activation)(const f5_kctx *k, f5_act act, float *x, int64_t n);
    void (*conv1d)(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout,
                   int64_t K, int64_t groups, int64_t pad, const float *b, float *y, float *scratch);
    size_t (*conv1d_scratch_floats)(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K,
                                    int64_t groups, int64_t pad);
    void (*rope)(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
                 const float *cos_t, const float *sin_t);
    void (*attention)(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                      int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o,
                      float *scratch); /* lens NULL or [B]: see f5_attention_masked */
    size_t (*attention_scratch_floats)(const f5_kctx *k, int64_t N, int64_t H);
    /* backend memory (kernels.h); cpu: malloc/memcpy */
    bool device_memory; /* activations are device pointers: every entry must be set */
    void *(*alloc)(const f5_kctx *k, size_t bytes);
    void (*free)(const f5_kctx *k, void *p);
    void (*upload)(const f5_kctx *k, void *dst, const void *src, size_t bytes);
    void (*download)(const f5_kctx *k, void *dst, const void *src, size_t bytes);
    void (*copy)(const f5_kctx *k, void *dst, const void *src, size_t bytes);
    void (*zero)(const f5_kctx *k, void *dst, size_t bytes);
    f5_status (*sync)(const f5_kctx *k, f5_error *err);
    void (*add)(const f5_kctx *k, float *y, const float *x, int64_t n);
} f5_kops;

extern const f5_kops f5_kops_ref;      /* ref/ */
extern const f5_kops f5_kops_cpu_f32;  /* cpu/ */
extern const f5_kops f5_kops_cpu_bf16; /* cpu/ bf16 entries; NULL entries are the fp32 ones */
extern const f5_kops f5_kops_cuda;     /* cuda/ (nocuda/: a name and nothing else) */

/* The table the dispatcher uses for k (NULL k: the reference table). */
const f5_kops *f5_kops_for(const f5_kctx *k);

#endif
