/* cuda_gemm.cu - the matrix products on cuBLASLt. Row-major products are
 * run as their column-major transposes: y[M,N] = x[M,K] W[N,K]^T is
 * y^T = W x^T, i.e. op(A) = W (stored K x N column-major, transposed),
 * op(B) = x^T (stored K x M), C = y^T (N x M, ld N). fp32 runs as true
 * fp32 (CUBLAS_COMPUTE_32F, no TF32: the precision for checking); bf16
 * (the descriptors come from kernels/colmm.c, checked without a GPU by
 * kernels/test_colmm);
 * multiplies the weights' bf16 copy with a bf16 copy of x and accumulates
 * in fp32 into an fp32 y. The bias is added by a separate kernel. One plan
 * (descriptors + heuristic algorithm) is cached per shape and alignment. */
#include "kernels/cuda/cuda_internal.cuh"

#include <string.h>

/* Alignment of a pointer and of every batch's pointer after it (stride bytes). */
static int align_of(const void *p, int64_t stride_bytes, int batch) {
    uintptr_t a = (uintptr_t)p | (batch > 1 ? (uintptr_t)stride_bytes : 0);
    int al = 256;
    while (al > 1 && (a % (uintptr_t)al)) al /= 2;
    return al;
}

static size_t esize(cudaDataType_t t) { return t == CUDA_R_16BF ? 2 : 4; }

static void plan_destroy(f5_cu_plan *p) {
    if (p->la) cublasLtMatrixLayoutDestroy(p->la);
    if (p->lb) cublasLtMatrixLayoutDestroy(p->lb);
    if (p->lc) cublasLtMatrixLayoutDestroy(p->lc);
    if (p->op) cublasLtMatmulDescDestroy(p->op);
    memset(p, 0, sizeof *p);
}

static bool layout(f5_kstream *s, cublasLtMatrixLayout_t *l, cudaDataType_t t, int64_t rows, int64_t cols, int64_t ld,
                   int batch, int64_t stride, const char *what) {
    if (f5_cu_fail_blas(s, cublasLtMatrixLayoutCreate(l, t, (uint64_t)rows, (uint64_t)cols, ld), what)) return false;
    if (batch > 1) {
        int32_t bc = batch;
        if (f5_cu_fail_blas(s, cublasLtMatrixLayoutSetAttribute(*l, CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT, &bc, sizeof bc),
                            what) ||
            f5_cu_fail_blas(s, cublasLtMatrixLayoutSetAttribute(*l, CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET,
                                                                &stride, sizeof stride),
                            what))
            return false;
    }
    return true;
}

/* The plan for mm's shape, types and alignments (cached per stream, LRU). */
static f5_cu_plan *plan_for(f5_kstream *s, const f5_colmm *mm, cudaDataType_t at, cudaDataType_t bt) {
    int aa = align_of(mm->A, mm->sa * (int64_t)esize(at), mm->batch);
    int ab = align_of(mm->B, mm->sb * (int64_t)esize(bt), mm->batch);
    int ac = align_of(mm->C, mm->sc * 4, mm->batch);
    bool bz = mm->beta == 0.0f;
    int batch = mm->batch > 1 ? mm->batch : 1;
    int64_t sa = batch > 1 ? mm->sa : 0, sb = batch > 1 ? mm->sb : 0, sc = batch > 1 ? mm->sc : 0;
    f5_cu_plan *free_slot = NULL, *oldest = NULL;
    for (int i = 0; i < F5_CU_PLANS; i++) {
        f5_cu_plan *p = &s->plans[i];
        if (!p->used) {
            if (!free_slot) free_slot = p;
            continue;
        }
        if (p->ta == mm->ta && p->tb == mm->tb && p->m == mm->m && p->n == mm->n && p->k == mm->k &&
            p->lda == mm->lda && p->ldb == mm->ldb && p->ldc == mm->ldc && p->batch == batch && p->sa == sa &&
            p->sb == sb && p->sc == sc && p->atype == (int)at && p->btype == (int)bt && p->align_a == aa &&
            p->align_b == ab && p->align_c == ac && p->beta_zero == bz) {
            p->last_use = ++s->tick;
            return p;
        }
        if (!oldest || p->last_use < oldest->last_use) oldest = p;
    }
    f5_cu_plan *p = free_slot ? free_slot : oldest;
    plan_destroy(p);
    cublasOperation_t opa = mm->ta ? CUBLAS_OP_T : CUBLAS_OP_N, opb = mm->tb ? CUBLAS_OP_T : CUBLAS_OP_N;
    bool ok = !f5_cu_fail_blas(s, cublasLtMatmulDescCreate(&p->op, CUBLAS_COMPUTE_32F, CUDA_R_32F),
                               "cublasLtMatmulDescCreate");
    if (ok)
        ok = !f5_cu_fail_blas(s, cublasLtMatmulDescSetAttribute(p->op, CUBLASLT_MATMUL_DESC_TRANSA, &opa, sizeof opa),
                              "TRANSA") &&
             !f5_cu_fail_blas(s, cublasLtMatmulDescSetAttribute(p->op, CUBLASLT_MATMUL_DESC_TRANSB, &opb, sizeof opb),
                              "TRANSB");
    /* stored shapes: A is (ta ? k x m : m x k), B is (tb ? n x k : k x n) */
    if (ok) ok = layout(s, &p->la, at, mm->ta ? mm->k : mm->m, mm->ta ? mm->m : mm->k, mm->lda, batch, sa, "layout A");
    if (ok) ok = layout(s, &p->lb, bt, mm->tb ? mm->n : mm->k, mm->tb ? mm->k : mm->n, mm->ldb, batch, sb, "layout B");
    if (ok) ok = layout(s, &p->lc, CUDA_R_32F, mm->m, mm->n, mm->ldc, batch, sc, "layout C");
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
            f5_cu_failf(s, "cuBLASLt: no algorithm for a %lld x %lld x %lld product (batch %d, types %d/%d)",
                        (long long)mm->m, (long long)mm->n, (long long)mm->k, batch, (int)at, (int)bt);
            ok = false;
        }
        if (ok) p->algo = res.algo;
    }
    if (pref) cublasLtMatmulPreferenceDestroy(pref);
    if (!ok) {
        plan_destroy(p);
        return NULL;
    }
    p->used = true;
    p->ta = mm->ta, p->tb = mm->tb, p->m = mm->m, p->n = mm->n, p->k = mm->k;
    p->lda = mm->lda, p->ldb = mm->ldb, p->ldc = mm->ldc, p->batch = batch, p->sa = sa, p->sb = sb, p->sc = sc;
    p->atype = (int)at, p->btype = (int)bt, p->align_a = aa, p->align_b = ab, p->align_c = ac;
    p->beta_zero = bz;
    p->last_use = ++s->tick;
    return p;
}

void f5_cu_matmul(f5_kstream *s, const f5_colmm *mm, cudaDataType_t at, cudaDataType_t bt) {
    if (s->failed || mm->m <= 0 || mm->n <= 0) return; /* a failed stream runs nothing more until reported */
    f5_cu_plan *p = plan_for(s, mm, at, bt);
    if (!p) return;
    float alpha = mm->alpha, beta = mm->beta;
    f5_cu_fail_blas(s,
                    cublasLtMatmul(s->lt, p->op, &alpha, mm->A, p->la, mm->B, p->lb, &beta, (float *)mm->C, p->lc, (float *)mm->C,
                                   p->lc, &p->algo, s->ws, s->ws_bytes, s->stream),
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
        f5_colmm mm = f5_colmm_linear(xb, M, K, w16, N, y);
        f5_cu_matmul(s, &mm, CUDA_R_16BF, CUDA_R_16BF);
    } else {
        f5_colmm mm = f5_colmm_linear(x, M, K, f5_cu_w32(k, W), N, y);
        f5_cu_matmul(s, &mm, CUDA_R_32F, CUDA_R_32F);
    }
    if (b) {
        bias_kernel<<<f5_cu_blocks(M * N, 256), 256, 0, s->stream>>>(y, f5_cu_w32(k, b), M, N);
        F5_CU_CHECK_LAUNCH(s, "bias");
    }
}

extern "C" void f5_gemm_cuda(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha,
                             const float *A, int64_t lda, const float *B, int64_t ldb, float beta, float *C,
                             int64_t ldc) {
    f5_colmm mm = f5_colmm_gemm(trans_b, M, N, K, alpha, f5_cu_w32(k, A), lda, f5_cu_w32(k, B), ldb, beta, C, ldc);
    f5_cu_matmul(k->stream, &mm, CUDA_R_32F, CUDA_R_32F);
}
