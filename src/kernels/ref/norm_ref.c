/* norm_ref.c - reference LayerNorm, AdaLN modulation, gated residual and
 * activations (double arithmetic where it matters). */
#include "kernels/kernels.h"

#include <math.h>

static void ln_row(const float *x, int64_t D, const float *w, const float *b, float eps, const float *scale,
                   const float *shift, float *y) {
    double mu = 0, var = 0;
    for (int64_t i = 0; i < D; i++) mu += x[i];
    mu /= (double)D;
    for (int64_t i = 0; i < D; i++) var += ((double)x[i] - mu) * ((double)x[i] - mu);
    var /= (double)D;
    double inv = 1.0 / sqrt(var + eps);
    for (int64_t i = 0; i < D; i++) {
        double v = ((double)x[i] - mu) * inv;
        if (w) v = v * w[i] + (b ? b[i] : 0.0);
        if (scale) v = v * (1.0 + scale[i]) + shift[i];
        y[i] = (float)v;
    }
}

void f5_layernorm_ref(const float *x, int64_t rows, int64_t D, const float *w, const float *b, float eps, float *y) {
    for (int64_t r = 0; r < rows; r++) ln_row(x + r * D, D, w, b, eps, NULL, NULL, y + r * D);
}

void f5_adaln_ref(const float *x, int64_t B, int64_t N, int64_t D, const float *scale, const float *shift,
                  int64_t ld_mod, float eps, float *y) {
    for (int64_t bb = 0; bb < B; bb++)
        for (int64_t n = 0; n < N; n++) {
            int64_t r = bb * N + n;
            ln_row(x + r * D, D, NULL, NULL, eps, scale + bb * ld_mod, shift + bb * ld_mod, y + r * D);
        }
}

void f5_gated_add_ref(float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate, int64_t ld_gate,
                      const int32_t *lens) {
    for (int64_t bb = 0; bb < B; bb++) {
        int64_t L = lens ? lens[bb] : N;
        for (int64_t n = 0; n < N && n < L; n++)
            for (int64_t i = 0; i < D; i++) h[(bb * N + n) * D + i] += gate[bb * ld_gate + i] * a[(bb * N + n) * D + i];
    }
}

static float act1(f5_act act, float xf) {
    double x = xf;
    switch (act) {
    case F5_ACT_SILU: return (float)(x / (1.0 + exp(-x)));
    case F5_ACT_MISH: {
        double sp = x > 20.0 ? x : log1p(exp(x));
        return (float)(x * tanh(sp));
    }
    case F5_ACT_GELU_ERF: return (float)(0.5 * x * (1.0 + erf(x / sqrt(2.0))));
    case F5_ACT_GELU_TANH:
        return (float)(0.5 * x * (1.0 + tanh(sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x))));
    }
    return xf;
}

void f5_activation_ref(f5_act act, float *x, int64_t n) {
    for (int64_t i = 0; i < n; i++) x[i] = act1(act, x[i]);
}
