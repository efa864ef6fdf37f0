/* cuda_gemm.cu - the matrix products on cuBLASLt. Row-major products are
 * run as their column-major transposes: y[M,N] = x[M,K] W[N,K]^T is
 * y^T = W x^T, i.e. op(A) = W (stored K x N column-major, transposed),
 * op(B) = x^T (stored K x M), C = y^T (N x M, ld N). fp32 runs as true
 * fp32 (CUBLAS_COMPUTE_32F, no TF32: the precision for checking); bf16
 * multiplies the weights' bf16 copy with a bf16 copy of x and accumulates
 * in fp32 into an fp32 y. The bias is added by a separate kernel. One plan
 * (descriptors + heuristic algorithm) is cached per shape and alignment. */
#include "kernels/cuda/cuda_internal.cuh"

#include <string.h>

static int align_of(const void *p) {
    uintptr_t a = (uintptr_t)p;
    int al = 256;
    while (al > 1 && (a % (uintptr_t)al)) al /= 2;
    return al;
}

/* A plan for D = alpha op(A) op(B) + beta C, column-major, C = D. */
static f5_cu_plan *plan_for(f5_kstream *s, int ta, int tb, int64_t m, int64_t n, int64_t k, int64_t lda, int64_t ldb,
                            int64_t ldc, cudaDataType_t atype, cudaDataType_t btype, const void *A, const void *B,
                            const void *C, bool beta_zero) {
    int aa = align_of(A), ab = align_of(B), ac = align_of(C);
    f5_cu_plan *free_slot = NULL, *oldest = NULL;
    for (int i = 0; i < F5_CU_PLANS; i++) {
        f5_cu_plan *p = &s->plans[i];
        if (!p->used) {
            if (!free_slot) free_slot = p;
            continue;
        }
        if (p->ta == ta && p->tb == tb && p->m == m && p->n == n && p->k == k && p->lda == lda && p->ldb == ldb &&
            p->ldc == ldc && p->atype == (int)atype && p->btype == (int)btype && p->align_a == aa &&
            p->align_b == ab && p->align_c == ac && p->beta_zero == beta_zero) {
            p->last_use = ++s->tick;
            return p;
        }
        if (!oldest || p->last_use < oldest->last_use) oldest = p;
    }
    f5_cu_plan *p = free_slot ? free_slot : oldest;
    if (p->used) {
        cublasLtMatrixLayoutDestroy(p->la);
        cublasLtMatrixLayoutDestroy(p->lb);
        cublasLtMatrixLayoutDestroy(p->lc);
        cublasLtMatmulDescDestroy(p->op);
        p->used = false;
    }
    memset(p, 0, sizeof *p);
    cublasOperation_t opa = ta ? CUBLAS_OP_T : CUBLAS_OP_N, opb = tb ? CUBLAS_OP_T : CUBLAS_OP_N;
    cublasStatus_t st = cublasLtMatmulDescCreate(&p->op, CUBLAS_COMPUTE_32F, CUDA_R_32F);
    if (f5_cu_fail_blas(s, st, "cublasLtMatmulDescCreate")) return NULL;
    bool ok = !f5_cu_fail_blas(s, cublasLtMatmulDescSetAttribute(p->op, CUBLASLT_MATMUL_DESC_TRANSA, &opa, sizeof opa),
                               "TRANSA") &&
              !f5_cu_fail_blas(s, cublasLtMatmulDescSetAttribute(p->op, CUBLASLT_MATMUL_DESC_TRANSB, &opb, sizeof opb),
                               "TRANSB");
    /* stored shapes: A is (ta ? k x m : m x k), B is (tb ? n x k : k x n) */
    p->la = p->lb = p->lc = NULL;
    if (ok)
        ok = !f5_cu_fail_blas(s, cublasLtMatrixLayoutCreate(&p->la, atype, ta ? k : m, ta ? m : k, lda), "layout A");
    if (ok)
        ok = !f5_cu_fail_blas(s, cublasLtMatrixLayoutCreate(&p->lb, btype, tb ? n : k, tb ? k : n, ldb), "layout B");
    if (ok) ok = !f5_cu_fail_blas(s, cublasLtMatrixLayoutCreate(&p->lc, CUDA_R_32F, m, n, ldc), "layout C");
    cublasLtMatmulPreference_t pref = NULL;
    if (ok) ok = !f5_cu_fail_blas(s, cublasLtMatmulPreferenceCreate(&pref), "preference");
    if (ok) {
        uint64_t ws = s->ws_bytes;
        uint32_t a32 = (uint32_t)aa, b32 = (uint32_t)ab, c32 = (uint32_t)ac;
        cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &ws, sizeof ws);
        cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES, &a32, sizeof a32);
        cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES, &b32, sizeof b32);
        cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES, &c32, sizeof c32);
        cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES, &c32, sizeof c32);
        cublasLtMatmulHeuristicResult_t res;
        int nres = 0;
        memset(&res, 0, sizeof res);
        ok = !f5_cu_fail_blas(s, cublasLtMatmulAlgoGetHeuristic(s->lt, p->op, p->la, p->lb, p->lc, p->lc, pref, 1,
                                                                &res, &nres),
                              "cublasLtMatmulAlgoGetHeuristic");
        if (ok && nres < 1) {
            f5_cu_failf(s, "cuBLASLt: no algorithm for a %lld x %lld x %lld product (types %d/%d)", (long long)m,
                        (long long)n, (long long)k, (int)atype, (int)btype);
            ok = false;
        }
        if (ok) p->algo = res.algo;
    }
    if (pref) cublasLtMatmulPreferenceDestroy(pref);
    if (!ok) {
        if (p->la) cublasLtMatrixLayoutDestroy(p->la);
        if (p->lb) cublasLtMatrixLayoutDestroy(p->lb);
        if (p->lc) cublasLtMatrixLayoutDestroy(p->lc);
        cublasLtMatmulDescDestroy(p->op);
        memset(p, 0, sizeof *p);
        return NULL;
    }
    p->used = true;
    p->ta = ta, p->tb = tb, p->m = m, p->n = n, p->k = k, p->lda = lda, p->ldb = ldb, p->ldc = ldc;
    p->atype = (int)atype, p->btype = (int)btype, p->align_a = aa, p->align_b = ab, p->align_c = ac;
    p->beta_zero = beta_zero;
    p->last_use = ++s->tick;
    return p;
}

static void matmul(f5_kstream *s, int ta, int tb, int64_t m, int64_t n, int64_t k, float alpha, const void *A,
                   int64_t lda, cudaDataType_t atype, const void *B, int64_t ldb, cudaDataType_t btype, float beta,
                   float *C, int64_t ldc) {
    if (s->failed) return; /* a failed stream runs nothing more until reported */
    f5_cu_plan *p = plan_for(s, ta, tb, m, n, k, lda, ldb, ldc, atype, btype, A, B, C, beta == 0.0f);
    if (!p) return;
    f5_cu_fail_blas(s,
                    cublasLtMatmul(s->lt, p->op, &alpha, A, p->la, B, p->lb, &beta, C, p->lc, C, p->lc, &p->algo,
                                   s->ws, s->ws_bytes, s->stream),
                    "cublasLtMatmul");
}

__global__ void bias_kernel(float *__restrict__ y, const float *__restrict__ b, int64_t M, int64_t N) {
    int64_t total = M * N;
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < total; i += (int64_t)gridDim.x * blockDim.x)
        y[i] += b[i % N];
}

/* s->xb holds at least n bf16 values (grown outside any product). */
static __nv_bfloat16 *xb_reserve(f5_kstream *s, int64_t n) {
    size_t need = (size_t)n * sizeof(__nv_bfloat16);
    if (need <= s->xb_bytes) return s->xb;
    if (f5_cu_fail(s, cudaStreamSynchronize(s->stream), "bf16 buffer")) return NULL;
    cudaFree(s->xb);
    s->xb = NULL;
    s->xb_bytes = 0;
    size_t nb = need + need / 4;
    if (f5_cu_fail(s, cudaMalloc((void **)&s->xb, nb), "bf16 activation buffer")) return NULL;
    s->xb_bytes = nb;
    return s->xb;
}

extern "C" void f5_linear_cuda(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N,
                               const float *b, float *y) {
    f5_kstream *s = k->stream;
    const __nv_bfloat16 *w16 = k->prec == F5_KPREC_BF16 ? f5_cu_w16(k, W) : NULL;
    if (w16) {
        __nv_bfloat16 *xb = xb_reserve(s, M * K);
        if (!xb) return;
        f5_cu_to_bf16(s->stream, x, xb, M * K);
        F5_CU_CHECK_LAUNCH(s, "fp32 -> bf16");
        matmul(s, 1, 0, N, M, K, 1.0f, w16, K, CUDA_R_16BF, xb, K, CUDA_R_16BF, 0.0f, y, N);
    } else {
        matmul(s, 1, 0, N, M, K, 1.0f, f5_cu_w32(k, W), K, CUDA_R_32F, x, K, CUDA_R_32F, 0.0f, y, N);
    }
    if (b) {
        bias_kernel<<<f5_cu_blocks(M * N, 256), 256, 0, s->stream>>>(y, f5_cu_w32(k, b), M, N);
        F5_CU_CHECK_LAUNCH(s, "bias");
    }
}

extern "C" void f5_gemm_cuda(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha,
                             const float *A, int64_t lda, const float *B, int64_t ldb, float beta, float *C,
                             int64_t ldc) {
    /* C^T [N,M] = op(B)^T A^T: cuBLAS A is our B (transposed iff !trans_b
     * in column-major terms: trans_b's B [N,K] row-major is K x N), cuBLAS B
     * is our A (row-major [M,K] = K x M column-major, not transposed). */
    matmul(k->stream, trans_b ? 1 : 0, 0, N, M, K, alpha, f5_cu_w32(k, B), ldb, CUDA_R_32F, f5_cu_w32(k, A), lda,
           CUDA_R_32F, beta, C, ldc);
}
