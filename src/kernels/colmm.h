/* colmm.h - our row-major products written as the column-major BLAS calls
 * the cuda backend hands to cuBLASLt. The descriptors are built here, in
 * plain C, so that a test without a GPU can execute them with a reference
 * column-major GEMM (f5_colmm_run_ref) and check the layout reasoning
 * against the reference kernels; the cuda backend runs the same
 * descriptors on the device (cuda_gemm.cu, cuda_attn_gemm.cu).
 *
 * Column-major semantics (cuBLAS): A is stored ta ? k x m : m x k with
 * leading dimension lda (element (r, c) at r + c*lda), B is stored
 * tb ? n x k : k x n, C is m x n with ldc; C = alpha op(A) op(B) + beta C,
 * for `batch` matrices sa, sb, sc elements apart. Pointers are passed
 * through untouched (the element type is the caller's). */
#ifndef F5_KERNELS_COLMM_H
#define F5_KERNELS_COLMM_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct f5_colmm {
    int ta, tb;
    int64_t m, n, k;
    const void *A;
    int64_t lda, sa;
    const void *B;
    int64_t ldb, sb;
    void *C;
    int64_t ldc, sc;
    int batch;
    float alpha, beta;
} f5_colmm;

/* y[M,N] = x[M,K] W[N,K]^T (rows K apart in x and W, N in y). */
f5_colmm f5_colmm_linear(const void *x, int64_t M, int64_t K, const void *W, int64_t N, void *y);
/* C[M,N] = alpha A[M,K] op(B) + beta C, op(B) = B^T (B [N,K]) when trans_b, else B [K,N]; row strides. */
f5_colmm f5_colmm_gemm(bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const void *A, int64_t lda,
                       const void *B, int64_t ldb, float beta, void *C, int64_t ldc);
/* Attention scores of one batch element, all H heads (head h at columns
 * h*dh of Q, K, rows ld apart): S[h] row-major [L, Lp] (row i at S +
 * (h*L + i)*Lp) = scale * Q_h K_h^T over the first L rows. */
f5_colmm f5_colmm_scores(const void *Q, const void *K, int64_t L, int64_t H, int64_t dh, int64_t ld, float scale,
                         void *S, int64_t Lp);
/* O_h [L, dh] (rows ld apart, head h at column h*dh) = P[h] V_h, P laid out as S. */
f5_colmm f5_colmm_pv(const void *P, const void *V, int64_t L, int64_t H, int64_t dh, int64_t ld, int64_t Lp,
                     void *O);

/* Execute a descriptor on float data (double accumulation): for tests. */
void f5_colmm_run_ref(const f5_colmm *mm);

#ifdef __cplusplus
}
#endif

#endif
