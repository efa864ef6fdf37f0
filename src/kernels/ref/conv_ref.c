/* conv_ref.c - reference grouped 1-D convolution, channels-last layout. */
#include "kernels/kernels.h"

void f5_conv1d_ref(const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K, int64_t groups,
                   int64_t pad, const float *b, float *y) {
    int64_t cig = Cin / groups, cog = Cout / groups, Tout = T + 2 * pad - K + 1;
    for (int64_t t = 0; t < Tout; t++)
        for (int64_t o = 0; o < Cout; o++) {
            int64_t g = o / cog;
            double acc = b ? b[o] : 0.0;
            for (int64_t c = 0; c < cig; c++)
                for (int64_t kk = 0; kk < K; kk++) {
                    int64_t ti = t + kk - pad;
                    if (ti < 0 || ti >= T) continue;
                    acc += (double)W[(o * cig + c) * K + kk] * x[ti * Cin + g * cig + c];
                }
            y[t * Cout + o] = (float)acc;
        }
}
