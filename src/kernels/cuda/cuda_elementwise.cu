/* cuda_elementwise.cu - activations (SiLU, Mish, GELU erf/tanh) in place
 * and y += x, in fp32 with the accurate libdevice functions (no fast-math
 * intrinsics), grid-stride loops. */
#include "kernels/cuda/cuda_internal.cuh"

__device__ static float act1(int act, float x) {
    switch (act) {
    case F5_ACT_SILU: return x / (1.0f + expf(-x));
    case F5_ACT_MISH: {
        float sp = x > 20.0f ? x : log1pf(expf(x));
        return x * tanhf(sp);
    }
    case F5_ACT_GELU_ERF: return 0.5f * x * (1.0f + erff(x * 0.70710678118654752f));
    case F5_ACT_GELU_TANH: return 0.5f * x * (1.0f + tanhf(0.79788456080286536f * (x + 0.044715f * x * x * x)));
    }
    return x;
}

__global__ void act_kernel(int act, float *x, int64_t n) {
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < n; i += (int64_t)gridDim.x * blockDim.x)
        x[i] = act1(act, x[i]);
}

__global__ void add_kernel(float *y, const float *__restrict__ x, int64_t n) {
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < n; i += (int64_t)gridDim.x * blockDim.x)
        y[i] += x[i];
}

extern "C" void f5_activation_cuda(const f5_kctx *k, f5_act act, float *x, int64_t n) {
    f5_kstream *s = k->stream;
    if (n <= 0 || s->failed) return;
    act_kernel<<<f5_cu_blocks(n, 256), 256, 0, s->stream>>>((int)act, x, n);
    F5_CU_CHECK_LAUNCH(s, "activation");
}

extern "C" void f5_add_cuda(const f5_kctx *k, float *y, const float *x, int64_t n) {
    f5_kstream *s = k->stream;
    if (n <= 0 || s->failed) return;
    add_kernel<<<f5_cu_blocks(n, 256), 256, 0, s->stream>>>(y, f5_cu_w32(k, x), n);
    F5_CU_CHECK_LAUNCH(s, "add");
}
