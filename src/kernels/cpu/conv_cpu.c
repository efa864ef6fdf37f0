/* conv_cpu.c - cpu backend of the grouped 1-D convolution: depthwise
 * (one channel per group) as a direct time-parallel loop, anything else as
 * im2col per group + one GEMM per group (the DiT's conv position embedding:
 * 16 groups of 64 channels, kernel 31). */
#include "kernels/cpu/cpu_kernels.h"

/* The product of k's backend table (bf16 uses packed group weights), called
 * directly: the convolution is timed as one op. */
#define OPS_GEMM(k) (f5_kops_for(k)->gemm ? f5_kops_for(k)->gemm : f5_gemm_cpu)

#include "core/threadpool.h"
#include "kernels/cpu/simd.h"

#include <string.h>

typedef struct conv_job {
    const float *x, *W, *b;
    float *y, *cols;
    int64_t T, Cin, Cout, K, pad, cig, g;
} conv_job;

F5_SIMD_CLONES static void depthwise_rows(void *arg, int64_t t0, int64_t t1, int worker) {
    (void)worker;
    conv_job *j = arg;
    int64_t C = j->Cin, K = j->K;
    for (int64_t t = t0; t < t1; t++) {
        float *yr = j->y + t * C;
        for (int64_t c = 0; c < C; c++) yr[c] = j->b ? j->b[c] : 0.0f;
        for (int64_t kk = 0; kk < K; kk++) {
            int64_t ti = t + kk - j->pad;
            if (ti < 0 || ti >= j->T) continue;
            const float *xr = j->x + ti * C;
            for (int64_t c = 0; c < C; c++) yr[c] += j->W[c * K + kk] * xr[c];
        }
    }
}

F5_SIMD_CLONES static void im2col_rows(void *arg, int64_t t0, int64_t t1, int worker) {
    (void)worker;
    conv_job *j = arg;
    int64_t w = j->cig * j->K;
    for (int64_t t = t0; t < t1; t++) {
        float *cr = j->cols + t * w;
        for (int64_t kk = 0; kk < j->K; kk++) {
            int64_t ti = t + kk - j->pad;
            if (ti < 0 || ti >= j->T) {
                for (int64_t c = 0; c < j->cig; c++) cr[c * j->K + kk] = 0.0f;
            } else {
                const float *xr = j->x + ti * j->Cin + j->g * j->cig;
                for (int64_t c = 0; c < j->cig; c++) cr[c * j->K + kk] = xr[c];
            }
        }
    }
}

F5_SIMD_CLONES static void bias_rows(void *arg, int64_t t0, int64_t t1, int worker) {
    (void)worker;
    conv_job *j = arg;
    for (int64_t t = t0; t < t1; t++)
        for (int64_t o = 0; o < j->Cout; o++) j->y[t * j->Cout + o] += j->b[o];
}

size_t f5_conv1d_scratch_floats_cpu(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K, int64_t groups,
                                int64_t pad) {
    int64_t cig = Cin / groups, cog = Cout / groups, Tout = T + 2 * pad - K + 1;
    if (cig == 1 && cog == 1) return 0;
    return (size_t)(Tout > 0 ? Tout : 0) * (size_t)(cig * K);
}

void f5_conv1d_cpu(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K,
               int64_t groups, int64_t pad, const float *b, float *y, float *scratch) {
    int64_t cig = Cin / groups, cog = Cout / groups, Tout = T + 2 * pad - K + 1;
    if (Tout <= 0) return;
    conv_job j = {.x = x, .W = W, .b = b, .y = y, .cols = scratch, .T = T, .Cin = Cin, .Cout = Cout, .K = K,
                  .pad = pad, .cig = cig};
    if (cig == 1 && cog == 1) {
        f5_threadpool_for(k->pool, Tout, 4, depthwise_rows, &j);
        return;
    }
    for (int64_t g = 0; g < groups; g++) {
        j.g = g;
        f5_threadpool_for(k->pool, Tout, 16, im2col_rows, &j);
        OPS_GEMM(k)(k, true, Tout, cog, cig * K, 1.0f, scratch, cig * K, W + g * cog * cig * K, cig * K, 0.0f,
                y + g * cog, Cout);
    }
    if (b) f5_threadpool_for(k->pool, Tout, 16, bias_rows, &j);
}
