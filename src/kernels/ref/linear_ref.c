/* linear_ref.c - reference Linear and GEMM: double accumulation, no tricks. */
#include "kernels/kernels.h"

void f5_linear_ref(const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b, float *y) {
    for (int64_t m = 0; m < M; m++)
        for (int64_t n = 0; n < N; n++) {
            double acc = b ? b[n] : 0.0;
            const float *xr = x + m * K, *wr = W + n * K;
            for (int64_t k = 0; k < K; k++) acc += (double)xr[k] * wr[k];
            y[m * N + n] = (float)acc;
        }
}

void f5_gemm_ref(bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A, int64_t lda,
                 const float *B, int64_t ldb, float beta, float *C, int64_t ldc) {
    for (int64_t m = 0; m < M; m++)
        for (int64_t n = 0; n < N; n++) {
            double acc = 0.0;
            for (int64_t k = 0; k < K; k++)
                acc += (double)A[m * lda + k] * (trans_b ? B[n * ldb + k] : B[k * ldb + n]);
            double c = beta == 0.0f ? 0.0 : (double)beta * C[m * ldc + n];
            C[m * ldc + n] = (float)(alpha * acc + c);
        }
}
