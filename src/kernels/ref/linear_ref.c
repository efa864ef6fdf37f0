/* linear_ref.c - reference Linear: double accumulation, no tricks. */
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
