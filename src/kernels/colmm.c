/* colmm.c - row-major products as column-major BLAS descriptors (see
 * colmm.h). A row-major [R, C] matrix with row stride ld is, read
 * column-major, its transpose: C x R with leading dimension ld. So
 *   y = x W^T      is  y^T = W x^T:   A = W stored K x N, transposed; B = x stored K x M
 *   C = A op(B)    is  C^T = op(B)^T A^T
 *   S = Q K^T      is  S^T = K Q^T:   A = K stored dh x L, transposed; B = Q stored dh x L
 *   O = P V        is  O^T = V^T P^T: A = V stored dh x L; B = P^T, i.e. P's rows as columns */
#include "kernels/colmm.h"

f5_colmm f5_colmm_linear(const void *x, int64_t M, int64_t K, const void *W, int64_t N, void *y) {
    return (f5_colmm){.ta = 1, .tb = 0, .m = N, .n = M, .k = K, .A = W, .lda = K, .B = x, .ldb = K, .C = y,
                      .ldc = N, .batch = 1, .alpha = 1.0f, .beta = 0.0f};
}

f5_colmm f5_colmm_gemm(bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const void *A, int64_t lda,
                       const void *B, int64_t ldb, float beta, void *C, int64_t ldc) {
    /* op(B)^T: B [N,K] row-major is K x N column-major, transposed to N x K;
     * B [K,N] row-major is N x K column-major already */
    return (f5_colmm){.ta = trans_b ? 1 : 0, .tb = 0, .m = N, .n = M, .k = K, .A = B, .lda = ldb, .B = A, .ldb = lda,
                      .C = C, .ldc = ldc, .batch = 1, .alpha = alpha, .beta = beta};
}

f5_colmm f5_colmm_scores(const void *Q, const void *K, int64_t L, int64_t H, int64_t dh, int64_t ld, float scale,
                         void *S, int64_t Lp) {
    /* S^T[j, i] at S + j + i*Lp is row i of S; heads dh columns apart in Q, K and L*Lp apart in S */
    return (f5_colmm){.ta = 1, .tb = 0, .m = L, .n = L, .k = dh, .A = K, .lda = ld, .sa = dh, .B = Q, .ldb = ld,
                      .sb = dh, .C = S, .ldc = Lp, .sc = L * Lp, .batch = (int)H, .alpha = scale, .beta = 0.0f};
}

f5_colmm f5_colmm_pv(const void *P, const void *V, int64_t L, int64_t H, int64_t dh, int64_t ld, int64_t Lp,
                     void *O) {
    /* O^T[d, i] at O + d + i*ld; V stored dh x L (ld); P^T stored L x L (Lp): P^T[j, i] = P[i][j] */
    return (f5_colmm){.ta = 0, .tb = 0, .m = dh, .n = L, .k = L, .A = V, .lda = ld, .sa = dh, .B = P, .ldb = Lp,
                      .sb = L * Lp, .C = O, .ldc = ld, .sc = dh, .batch = (int)H, .alpha = 1.0f, .beta = 0.0f};
}

void f5_colmm_run_ref(const f5_colmm *mm) {
    int batch = mm->batch > 1 ? mm->batch : 1;
    for (int bi = 0; bi < batch; bi++) {
        const float *A = (const float *)mm->A + (int64_t)bi * mm->sa, *B = (const float *)mm->B + (int64_t)bi * mm->sb;
        float *C = (float *)mm->C + (int64_t)bi * mm->sc;
        for (int64_t j = 0; j < mm->n; j++)
            for (int64_t i = 0; i < mm->m; i++) {
                double acc = 0;
                for (int64_t p = 0; p < mm->k; p++) {
                    double a = mm->ta ? A[p + i * mm->lda] : A[i + p * mm->lda];
                    double b = mm->tb ? B[j + p * mm->ldb] : B[p + j * mm->ldb];
                    acc += a * b;
                }
                float *c = &C[i + j * mm->ldc];
                *c = (float)(mm->alpha * acc + (mm->beta == 0.0f ? 0.0 : (double)mm->beta * *c));
            }
    }
}
