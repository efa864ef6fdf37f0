/* cuda_internal.cuh - what the cuda backend's .cu files share: the layout
 * of f5_kdev (weights on a device) and f5_kstream (one context's queue),
 * sticky error recording, weight pointer translation, launch helpers.
 * CUDA C++; never included from C. */
#ifndef F5_KERNELS_CUDA_INTERNAL_CUH
#define F5_KERNELS_CUDA_INTERNAL_CUH

#include "kernels/colmm.h"
#include "kernels/cuda/cuda_kernels.h"

#include <cublasLt.h>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include <stddef.h>
#include <stdint.h>

/* One registered host array and its device copies. */
typedef struct f5_cu_weight {
    const float *host;
    int64_t n;
    float *d32;            /* fp32 copy */
    __nv_bfloat16 *d16;    /* bf16 copy, NULL unless registered with bf16 */
} f5_cu_weight;

struct f5_kdev {
    int device;
    f5_cu_weight *w; /* sorted by host address, non-overlapping */
    int64_t n, cap;
    size_t bytes;
};

/* Run one column-major product (kernels/colmm.h) on cuBLASLt: A and B of
 * types at/bt (fp32 or bf16), C fp32, fp32 accumulation. */
void f5_cu_matmul(f5_kstream *s, const f5_colmm *mm, cudaDataType_t at, cudaDataType_t bt);

/* A cached cuBLASLt plan for one product shape. */
typedef struct f5_cu_plan {
    bool used;
    int ta, tb;
    int64_t m, n, k, lda, ldb, ldc, sa, sb, sc;
    int batch;
    int atype, btype;
    int align_a, align_b, align_c;
    bool beta_zero;
    cublasLtMatmulDesc_t op;
    cublasLtMatrixLayout_t la, lb, lc;
    cublasLtMatmulAlgo_t algo;
    uint64_t last_use;
} f5_cu_plan;

#define F5_CU_PLANS 48

struct f5_kstream {
    int device;
    cudaStream_t stream;
    cublasLtHandle_t lt;
    void *ws;               /* cuBLASLt workspace */
    size_t ws_bytes;
    __nv_bfloat16 *xb;      /* bf16 copy of a product's activations */
    size_t xb_bytes;
    int32_t *lens;          /* device copy of the last lens uploaded (gated add, attention) */
    size_t lens_n;          /* its capacity */
    int32_t *lens_host;     /* what it holds (host copy, lens_cur values): a step's repeats need no upload */
    int64_t lens_cur;
    void *abuf;             /* bf16 attention: bf16 q/k/v, scores, probabilities */
    size_t abuf_bytes;
    f5_cu_plan plans[F5_CU_PLANS];
    uint64_t tick;
    /* first failure since the last f5_ksync (sticky until reported) */
    bool failed;
    bool oom;
    char msg[240];
};

/* Record a failure (the first one wins) and return true when `e` is one. */
bool f5_cu_fail(f5_kstream *s, cudaError_t e, const char *what);
bool f5_cu_fail_blas(f5_kstream *s, cublasStatus_t e, const char *what);
void f5_cu_failf(f5_kstream *s, const char *fmt, ...);

/* The device copy of a weight pointer (anything inside a registered host
 * array); other pointers are returned as they are (device activations). */
const float *f5_cu_w32(const f5_kctx *k, const float *p);
/* The bf16 copy of a registered weight, or NULL. */
const __nv_bfloat16 *f5_cu_w16(const f5_kctx *k, const float *p);

/* *buf grown to at least `need` bytes (contents lost; waits for the
 * stream first); NULL after a failure, recorded. */
void *f5_cu_grow(f5_kstream *s, void **buf, size_t *cap, size_t need, const char *what);

/* bf16 attention on tensor cores (cuda_attn_gemm.cu): per batch element,
 * S = scale Q K^T and O = P V as batched cuBLASLt products over the heads,
 * the softmax between them in fp32 (P rounded to bf16). lens as in
 * f5_attention_masked (host; NULL = N each). */
void f5_cu_attention_bf16(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                          int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o);

/* A device copy of host lens [B] (per batch element lengths), queued on the
 * stream (the buffer is the stream's; NULL after a failure, recorded). */
const int32_t *f5_cu_lens(f5_kstream *s, const int32_t *lens, int64_t B);

/* fp32 -> bf16 (round to nearest even), n elements, on stream st. */
void f5_cu_to_bf16(cudaStream_t st, const float *x, __nv_bfloat16 *y, int64_t n);

/* Launch geometry for n elements, grid-stride loops. */
static inline unsigned f5_cu_blocks(int64_t n, int threads) {
    int64_t b = (n + threads - 1) / threads;
    if (b > 65535LL * 16) b = 65535LL * 16;
    return (unsigned)(b > 0 ? b : 1);
}

/* After a launch: record a launch failure on the context's stream. */
#define F5_CU_CHECK_LAUNCH(s, what) f5_cu_fail((s), cudaGetLastError(), (what))

#endif
