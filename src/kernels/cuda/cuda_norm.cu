/* cuda_norm.cu - LayerNorm and AdaLN modulation (one block per row, two
 * passes: mean, then the variance of x - mean, both reduced in fp32 over
 * the block), and the gated residual add. */
#include "kernels/cuda/cuda_internal.cuh"

#include <stdlib.h>
#include <string.h>

#define NORM_THREADS 256

/* Sum of v over the block (blockDim.x a multiple of 32, <= 1024); every
 * thread gets the total. sh: 33 floats of shared memory. */
__device__ static float block_sum(float v, float *sh) {
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
    int w = threadIdx.x >> 5, l = threadIdx.x & 31, nw = blockDim.x >> 5;
    __syncthreads(); /* the previous call's readers are done with sh */
    if (l == 0) sh[w] = v;
    __syncthreads();
    if (w == 0) {
        float t = l < nw ? sh[l] : 0.0f;
        for (int o = 16; o > 0; o >>= 1) t += __shfl_xor_sync(0xffffffffu, t, o);
        if (l == 0) sh[32] = t;
    }
    __syncthreads();
    return sh[32];
}

/* y[r,:] = LN(x[r,:]) [* w + b] [* (1 + scale[b,:]) + shift[b,:]], batch
 * b = r / N (scale rows ld_mod apart). y may alias x: each element is read
 * and written by the same thread, after both reductions. */
__global__ void ln_kernel(const float *x, int64_t D, const float *__restrict__ w, const float *__restrict__ bias,
                          float eps, const float *__restrict__ scale, const float *__restrict__ shift, int64_t ld_mod,
                          int64_t N, float *y) {
    __shared__ float sh[33];
    int64_t r = blockIdx.x;
    const float *xr = x + r * D;
    float *yr = y + r * D;
    float s = 0.0f;
    for (int64_t i = threadIdx.x; i < D; i += blockDim.x) s += xr[i];
    float mu = block_sum(s, sh) / (float)D;
    float v = 0.0f;
    for (int64_t i = threadIdx.x; i < D; i += blockDim.x) {
        float d = xr[i] - mu;
        v += d * d;
    }
    float var = block_sum(v, sh) / (float)D;
    float inv = rsqrtf(var + eps);
    const float *sc = scale ? scale + (r / N) * ld_mod : NULL, *sf = shift ? shift + (r / N) * ld_mod : NULL;
    for (int64_t i = threadIdx.x; i < D; i += blockDim.x) {
        float t = (xr[i] - mu) * inv;
        if (w) t = t * w[i] + (bias ? bias[i] : 0.0f);
        if (sc) t = t * (1.0f + sc[i]) + sf[i];
        yr[i] = t;
    }
}

static void launch_ln(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                      float eps, const float *scale, const float *shift, int64_t ld_mod, int64_t N, float *y) {
    f5_kstream *s = k->stream;
    if (rows <= 0 || D <= 0 || s->failed) return;
    if (rows > 0x7fffffffLL) {
        f5_cu_failf(s, "layernorm: %lld rows is more than one launch takes", (long long)rows);
        return;
    }
    ln_kernel<<<(unsigned)rows, NORM_THREADS, 0, s->stream>>>(x, D, w ? f5_cu_w32(k, w) : NULL,
                                                              b ? f5_cu_w32(k, b) : NULL, eps,
                                                              scale ? f5_cu_w32(k, scale) : NULL,
                                                              shift ? f5_cu_w32(k, shift) : NULL, ld_mod, N, y);
    F5_CU_CHECK_LAUNCH(s, "layernorm");
}

extern "C" void f5_layernorm_cuda(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w,
                                  const float *b, float eps, float *y) {
    launch_ln(k, x, rows, D, w, b, eps, NULL, NULL, 0, 1, y);
}

extern "C" void f5_adaln_cuda(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
                              const float *shift, int64_t ld_mod, float eps, float *y) {
    launch_ln(k, x, B * N, D, NULL, NULL, eps, scale, shift, ld_mod, N, y);
}

/* h[b,n,:] += gate[b,:] * a[b,n,:] for n < lens[b] (lens NULL: all). */
__global__ void gated_add_kernel(float *h, const float *__restrict__ a, int64_t B, int64_t N, int64_t D,
                                 const float *__restrict__ gate, int64_t ld_gate, const int32_t *__restrict__ lens) {
    int64_t total = B * N * D;
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < total; i += (int64_t)gridDim.x * blockDim.x) {
        int64_t row = i / D, c = i - row * D, bb = row / N, n = row - bb * N;
        if (lens && n >= lens[bb]) continue;
        h[i] += gate[bb * ld_gate + c] * a[i];
    }
}

extern "C" void f5_gated_add_cuda(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D,
                                  const float *gate, int64_t ld_gate, const int32_t *lens) {
    f5_kstream *s = k->stream;
    if (B <= 0 || N <= 0 || D <= 0 || s->failed) return;
    const int32_t *dl = NULL;
    if (lens && !(dl = f5_cu_lens(s, lens, B))) return;
    gated_add_kernel<<<f5_cu_blocks(B * N * D, 256), 256, 0, s->stream>>>(h, a, B, N, D, f5_cu_w32(k, gate), ld_gate,
                                                                           dl);
    F5_CU_CHECK_LAUNCH(s, "gated add");
}

const int32_t *f5_cu_lens(f5_kstream *s, const int32_t *lens, int64_t B) {
    /* lens is host memory on every backend: copy it onto the stream, unless
     * the device copy already holds these values (every block of a step
     * passes the same lens). A new copy is queued after the kernels that
     * read the old one, so stream order keeps them apart. */
    if (s->lens && s->lens_cur == B && !memcmp(s->lens_host, lens, (size_t)B * sizeof *lens)) return s->lens;
    if ((size_t)B > s->lens_n) {
        if (f5_cu_fail(s, cudaStreamSynchronize(s->stream), "lens buffer")) return NULL;
        cudaFree(s->lens);
        free(s->lens_host);
        s->lens = NULL;
        s->lens_host = NULL;
        s->lens_n = 0;
        size_t nn = (size_t)B < 64 ? 64 : (size_t)B;
        s->lens_host = (int32_t *)malloc(nn * sizeof(int32_t));
        if (!s->lens_host) {
            f5_cu_failf(s, "lens buffer: out of host memory");
            return NULL;
        }
        if (f5_cu_fail(s, cudaMalloc((void **)&s->lens, nn * sizeof(int32_t)), "lens buffer")) return NULL;
        s->lens_n = nn;
    }
    s->lens_cur = -1;
    if (f5_cu_fail(s, cudaMemcpyAsync(s->lens, lens, (size_t)B * sizeof(int32_t), cudaMemcpyHostToDevice, s->stream),
                   "lens upload"))
        return NULL;
    memcpy(s->lens_host, lens, (size_t)B * sizeof *lens);
    s->lens_cur = B;
    return s->lens;
}
