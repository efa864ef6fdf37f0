/* cuda_rope.cu - rotary embedding on the first n_heads_rot heads,
 * interleaved pairs (2j, 2j+1), one thread per pair. */
#include "kernels/cuda/cuda_internal.cuh"

__global__ void rope_kernel(float *x, int64_t rows, int64_t N, int64_t nrot, int64_t dh, int64_t ld,
                            const float *__restrict__ cs, const float *__restrict__ sn) {
    int64_t half = dh / 2, per_row = nrot * half, total = rows * per_row;
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < total; i += (int64_t)gridDim.x * blockDim.x) {
        int64_t r = i / per_row, rem = i - r * per_row, h = rem / half, j = 2 * (rem - h * half), n = r % N;
        float *v = x + r * ld + h * dh + j;
        const float *c = cs + n * dh + j, *s = sn + n * dh + j;
        float a = v[0], b = v[1];
        v[0] = a * c[0] - b * s[0];
        v[1] = b * c[1] + a * s[1];
    }
}

extern "C" void f5_rope_cuda(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh,
                             int64_t ld, const float *cos_t, const float *sin_t) {
    f5_kstream *s = k->stream;
    int64_t total = B * N * n_heads_rot * (dh / 2);
    if (total <= 0 || s->failed) return;
    rope_kernel<<<f5_cu_blocks(total, 256), 256, 0, s->stream>>>(x, B * N, N, n_heads_rot, dh, ld,
                                                                  f5_cu_w32(k, cos_t), f5_cu_w32(k, sin_t));
    F5_CU_CHECK_LAUNCH(s, "rope");
}
