/* linear_cpu.c - Linear through BLAS sgemm (x · W^T), bias added after. */
#include "kernels/kernels.h"

#include <cblas.h>

void f5_linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
               float *y) {
    if (!k || k->backend == F5_BACKEND_REF) {
        f5_linear_ref(x, M, K, W, N, b, y);
        return;
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)M, (int)N, (int)K, 1.0f, x, (int)K, W, (int)K, 0.0f, y,
                (int)N);
    if (b)
        for (int64_t m = 0; m < M; m++)
            for (int64_t n = 0; n < N; n++) y[m * N + n] += b[n];
}
