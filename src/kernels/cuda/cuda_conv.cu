/* cuda_conv.cu - grouped 1-D convolution over time, channels-last
 * (x [T, Cin], W [Cout, Cin/groups, K], y [Tout, Cout]). Two kernels:
 *  - tiled: when each group has a multiple of 32 output channels (the
 *    DiT's position convolution: 16 groups of 64, K 31). A block computes
 *    64 frames x 32 output channels of one group; input channels go through
 *    shared memory 8 at a time (the 64+K-1 frames they touch and the 32 x 8 x K
 *    weights), each thread keeping 16 frames of one channel in registers.
 *  - direct: one thread per output, for everything else (depthwise).
 * Both accumulate in fp32 in the order (input channel, tap). */
#include "kernels/cuda/cuda_internal.cuh"

__global__ void conv_direct_kernel(const float *__restrict__ x, int64_t T, int64_t Cin, const float *__restrict__ W,
                                   int64_t Cout, int64_t K, int64_t groups, int64_t pad, const float *__restrict__ b,
                                   float *__restrict__ y, int64_t Tout) {
    int64_t cig = Cin / groups, cog = Cout / groups, total = Tout * Cout;
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < total; i += (int64_t)gridDim.x * blockDim.x) {
        int64_t t = i / Cout, o = i - t * Cout, g = o / cog;
        float acc = b ? b[o] : 0.0f;
        const float *wo = W + o * cig * K;
        for (int64_t c = 0; c < cig; c++)
            for (int64_t kk = 0; kk < K; kk++) {
                int64_t ti = t + kk - pad;
                if (ti < 0 || ti >= T) continue;
                acc += wo[c * K + kk] * x[ti * Cin + g * cig + c];
            }
        y[i] = acc;
    }
}

#define CT_T 64   /* frames per block */
#define CT_O 32   /* output channels per block */
#define CT_C 8    /* input channels per shared-memory pass */
#define CT_KMAX 31
#define CT_TPT 16 /* frames per thread: 128 threads = 32 channels x 4 frame groups */

__global__ void __launch_bounds__(128) conv_tiled_kernel(const float *__restrict__ x, int64_t T, int64_t Cin,
                                                         const float *__restrict__ W, int64_t Cout, int K,
                                                         int64_t groups, int64_t pad, const float *__restrict__ b,
                                                         float *__restrict__ y, int64_t Tout) {
    __shared__ float xs[CT_T + CT_KMAX - 1][CT_C];
    __shared__ float ws[CT_O][CT_C * CT_KMAX + 1]; /* +1: lanes (channels) land in different banks */
    int64_t cig = Cin / groups, cog = Cout / groups;
    int64_t t0 = (int64_t)blockIdx.x * CT_T;
    int64_t o0 = (int64_t)blockIdx.y * CT_O; /* CT_O divides cog, so the tile stays in one group */
    int64_t g = o0 / cog;
    int lane = threadIdx.x & 31, fg = threadIdx.x >> 5; /* channel o0 + lane, frames t0 + fg*16 .. +15 */
    float acc[CT_TPT];
    for (int j = 0; j < CT_TPT; j++) acc[j] = 0.0f;
    int span = CT_T + K - 1;
    for (int64_t c0 = 0; c0 < cig; c0 += CT_C) {
        int cc = (int)(cig - c0 < CT_C ? cig - c0 : CT_C);
        __syncthreads();
        for (int i = threadIdx.x; i < span * CT_C; i += blockDim.x) {
            int tt = i / CT_C, c = i - tt * CT_C;
            int64_t ti = t0 + tt - pad;
            xs[tt][c] = (c < cc && ti >= 0 && ti < T) ? x[ti * Cin + g * cig + c0 + c] : 0.0f;
        }
        for (int i = threadIdx.x; i < CT_O * CT_C * K; i += blockDim.x) {
            int o = i / (CT_C * K), rem = i - o * (CT_C * K), c = rem / K, kk = rem - c * K;
            ws[o][c * K + kk] = c < cc ? W[((o0 + o) * cig + c0 + c) * K + kk] : 0.0f;
        }
        __syncthreads();
        for (int c = 0; c < cc; c++)
            for (int kk = 0; kk < K; kk++) {
                float w = ws[lane][c * K + kk];
                const int base = fg * CT_TPT + kk;
#pragma unroll
                for (int j = 0; j < CT_TPT; j++) acc[j] += w * xs[base + j][c];
            }
    }
    int64_t o = o0 + lane;
    float bo = b ? b[o] : 0.0f;
    for (int j = 0; j < CT_TPT; j++) {
        int64_t t = t0 + fg * CT_TPT + j;
        if (t < Tout) y[t * Cout + o] = acc[j] + bo;
    }
}

extern "C" size_t f5_conv1d_scratch_floats_cuda(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K,
                                                int64_t groups, int64_t pad) {
    return 0;
}

extern "C" void f5_conv1d_cuda(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W,
                               int64_t Cout, int64_t K, int64_t groups, int64_t pad, const float *b, float *y,
                               float *scratch) {
    f5_kstream *s = k->stream;
    int64_t Tout = T + 2 * pad - K + 1;
    if (Tout <= 0 || Cout <= 0 || s->failed) return;
    const float *Wd = f5_cu_w32(k, W), *bd = b ? f5_cu_w32(k, b) : NULL;
    int64_t cog = Cout / groups;
    if (cog % CT_O == 0 && K <= CT_KMAX && (Tout + CT_T - 1) / CT_T < 0x7fffffffLL && Cout / CT_O < 65535) {
        dim3 grid((unsigned)((Tout + CT_T - 1) / CT_T), (unsigned)(Cout / CT_O));
        conv_tiled_kernel<<<grid, 128, 0, s->stream>>>(x, T, Cin, Wd, Cout, (int)K, groups, pad, bd, y, Tout);
    } else {
        conv_direct_kernel<<<f5_cu_blocks(Tout * Cout, 256), 256, 0, s->stream>>>(x, T, Cin, Wd, Cout, K, groups, pad,
                                                                                  bd, y, Tout);
    }
    F5_CU_CHECK_LAUNCH(s, "conv1d");
}
