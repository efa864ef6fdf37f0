/* cuda_attn.cu - multi-head attention o = softmax(q k^T * scale) v, with
 * an optional length per batch element (lens, host memory): keys j <
 * lens[b] only, and query rows i >= lens[b] get o = 0 (f5_attention_masked).
 *  - dh = 64: flash form in fp32. A block of 128 threads owns 128 query
 *    rows of one (batch, head); each thread keeps its query row and its
 *    output accumulator in registers. Keys and values stream through shared
 *    memory 16 at a time (every thread reads the same key element at once:
 *    a broadcast). Per tile: 16 scores, the running max is raised once,
 *    the accumulator and the running sum rescaled by exp(m_old - m_new),
 *    then p_j = exp(s_j - m_new) weights v_j. No N x N matrix exists.
 *  - any other dh (<= 256): one block per query row, the N scores in
 *    shared memory (N <= 8192), the reference's order of operations.
 * Both in fp32; at F5_KPREC_BF16 the tensor-core form of
 * cuda_attn_gemm.cu runs instead. */
#include "kernels/cuda/cuda_internal.cuh"

#include <math.h>

#define FA_DH 64
#define FA_BQ 128
#define FA_BK 16

__global__ void __launch_bounds__(FA_BQ) flash_kernel(const float *__restrict__ q, const float *__restrict__ kk,
                                                      const float *__restrict__ v, int64_t N, int64_t ld,
                                                      float scale, const int32_t *__restrict__ lens,
                                                      float *__restrict__ o) {
    __shared__ float ks[FA_BK][FA_DH];
    __shared__ float vs[FA_BK][FA_DH];
    int64_t b = blockIdx.z, h = blockIdx.y;
    int64_t i = (int64_t)blockIdx.x * FA_BQ + threadIdx.x;
    int64_t L = lens ? lens[b] : N; /* keys and query rows of this element */
    bool live = i < N;
    const float *qb = q + (b * N) * ld + h * FA_DH;
    const float *kb = kk + (b * N) * ld + h * FA_DH;
    const float *vb = v + (b * N) * ld + h * FA_DH;
    float qr[FA_DH], acc[FA_DH];
#pragma unroll
    for (int d = 0; d < FA_DH; d++) {
        qr[d] = live ? qb[i * ld + d] * scale : 0.0f;
        acc[d] = 0.0f;
    }
    float m = -INFINITY, l = 0.0f;
    for (int64_t j0 = 0; j0 < L; j0 += FA_BK) {
        int nk = (int)(L - j0 < FA_BK ? L - j0 : FA_BK);
        __syncthreads();
        for (int e = threadIdx.x; e < FA_BK * FA_DH; e += FA_BQ) {
            int jj = e / FA_DH, d = e - jj * FA_DH;
            bool in = jj < nk;
            ks[jj][d] = in ? kb[(j0 + jj) * ld + d] : 0.0f;
            vs[jj][d] = in ? vb[(j0 + jj) * ld + d] : 0.0f;
        }
        __syncthreads();
        float sc[FA_BK];
        float tmax = -INFINITY;
#pragma unroll
        for (int jj = 0; jj < FA_BK; jj++) {
            float sdot = 0.0f;
#pragma unroll
            for (int d = 0; d < FA_DH; d++) sdot += qr[d] * ks[jj][d];
            sc[jj] = jj < nk ? sdot : -INFINITY;
            tmax = fmaxf(tmax, sc[jj]);
        }
        float mn = fmaxf(m, tmax); /* finite: the tile has at least one key */
        float corr = expf(m - mn); /* m = -inf on the first tile: 0 */
        l *= corr;
#pragma unroll
        for (int d = 0; d < FA_DH; d++) acc[d] *= corr;
#pragma unroll
        for (int jj = 0; jj < FA_BK; jj++) {
            float p = expf(sc[jj] - mn); /* -inf (keys past N): 0 */
            l += p;
#pragma unroll
            for (int d = 0; d < FA_DH; d++) acc[d] += p * vs[jj][d];
        }
        m = mn;
    }
    if (live) {
        float inv = i < L ? 1.0f / l : 0.0f; /* rows past the element's length: 0 */
        float *orow = o + (b * N + i) * ld + h * FA_DH;
#pragma unroll
        for (int d = 0; d < FA_DH; d++) orow[d] = acc[d] * inv;
    }
}

#define RA_THREADS 128
#define RA_MAXN 8192
#define RA_MAXDH 256

/* One block per (query row, head, batch): scores in shared memory. */
__global__ void __launch_bounds__(RA_THREADS) row_attn_kernel(const float *__restrict__ q,
                                                              const float *__restrict__ kk,
                                                              const float *__restrict__ v, int64_t N, int64_t dh,
                                                              int64_t ld, float scale,
                                                              const int32_t *__restrict__ lens,
                                                              float *__restrict__ o) {
    extern __shared__ float p[]; /* N scores, then 33 for reductions, then dh for q */
    float *red = p + N, *qs = red + 33;
    int64_t i = blockIdx.x, h = blockIdx.y, b = blockIdx.z;
    int64_t L = lens ? lens[b] : N;
    if (i >= L) { /* the whole block leaves together */
        for (int64_t d = threadIdx.x; d < dh; d += blockDim.x) o[(b * N + i) * ld + h * dh + d] = 0.0f;
        return;
    }
    const float *qi = q + (b * N + i) * ld + h * dh;
    for (int64_t d = threadIdx.x; d < dh; d += blockDim.x) qs[d] = qi[d];
    __syncthreads();
    float mx = -INFINITY;
    for (int64_t j = threadIdx.x; j < L; j += blockDim.x) {
        const float *kj = kk + (b * N + j) * ld + h * dh;
        float s = 0.0f;
        for (int64_t d = 0; d < dh; d++) s += qs[d] * kj[d];
        p[j] = s * scale;
        mx = fmaxf(mx, p[j]);
    }
    for (int off = 16; off > 0; off >>= 1) mx = fmaxf(mx, __shfl_xor_sync(0xffffffffu, mx, off));
    if ((threadIdx.x & 31) == 0) red[threadIdx.x >> 5] = mx;
    __syncthreads();
    if (threadIdx.x == 0) {
        float t = red[0];
        for (int w = 1; w < (int)(blockDim.x >> 5); w++) t = fmaxf(t, red[w]);
        red[32] = t;
    }
    __syncthreads();
    mx = red[32];
    float sum = 0.0f;
    for (int64_t j = threadIdx.x; j < L; j += blockDim.x) sum += (p[j] = expf(p[j] - mx));
    for (int off = 16; off > 0; off >>= 1) sum += __shfl_xor_sync(0xffffffffu, sum, off);
    __syncthreads(); /* everyone has read red[32] */
    if ((threadIdx.x & 31) == 0) red[threadIdx.x >> 5] = sum;
    __syncthreads();
    if (threadIdx.x == 0) {
        float t = 0.0f;
        for (int w = 0; w < (int)(blockDim.x >> 5); w++) t += red[w];
        red[32] = t;
    }
    __syncthreads();
    float inv = 1.0f / red[32];
    for (int64_t d = threadIdx.x; d < dh; d += blockDim.x) {
        float acc = 0.0f;
        for (int64_t j = 0; j < L; j++) acc += p[j] * v[(b * N + j) * ld + h * dh + d];
        o[(b * N + i) * ld + h * dh + d] = acc * inv;
    }
}

extern "C" size_t f5_attention_scratch_floats_cuda(const f5_kctx *k, int64_t N, int64_t H) { return 0; }

extern "C" void f5_attention_cuda(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B,
                                  int64_t N, int64_t H, int64_t dh, int64_t ld, float scale,
                                  const int32_t *lens, float *o, float *scratch) {
    f5_kstream *s = k->stream;
    if (B <= 0 || N <= 0 || H <= 0 || s->failed) return;
    if (B > 65535 || H > 65535) {
        f5_cu_failf(s, "attention: batch %lld x heads %lld is more than one launch takes", (long long)B, (long long)H);
        return;
    }
    if (k->prec == F5_KPREC_BF16) {
        f5_cu_attention_bf16(k, q, kk, v, B, N, H, dh, ld, scale, lens, o);
        return;
    }
    const int32_t *dl = NULL;
    if (lens && !(dl = f5_cu_lens(s, lens, B))) return;
    if (dh == FA_DH) {
        dim3 grid((unsigned)((N + FA_BQ - 1) / FA_BQ), (unsigned)H, (unsigned)B);
        flash_kernel<<<grid, FA_BQ, 0, s->stream>>>(q, kk, v, N, ld, scale, dl, o);
    } else if (N <= RA_MAXN && dh <= RA_MAXDH && N <= 0x7fffffffLL) {
        dim3 grid((unsigned)N, (unsigned)H, (unsigned)B);
        size_t sm = (size_t)(N + 33 + dh) * sizeof(float);
        if (sm > 48 * 1024 &&
            f5_cu_fail(s, cudaFuncSetAttribute(row_attn_kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, (int)sm),
                       "attention shared memory"))
            return;
        row_attn_kernel<<<grid, RA_THREADS, sm, s->stream>>>(q, kk, v, N, dh, ld, scale, dl, o);
    } else {
        f5_cu_failf(s, "attention: head size %lld with %lld frames is not supported on CUDA (dh 64, or dh <= %d and "
                       "N <= %d)",
                    (long long)dh, (long long)N, RA_MAXDH, RA_MAXN);
        return;
    }
    F5_CU_CHECK_LAUNCH(s, "attention");
}
