/* cuda_attn_gemm.cu - attention in bf16 on the tensor cores, through
 * cuBLASLt: for each batch element b (length L = lens[b], else N) and all
 * H heads at once (batched over the heads, stride dh):
 *   S[h] = scale * Q_h K_h^T   [L x L], bf16 x bf16 -> fp32
 *   P[h] = softmax_rows(S[h])  fp32 statistics, P rounded to bf16
 *   O_h  = P[h] V_h            [L x dh], bf16 x bf16 -> fp32, into o
 * and rows L..N-1 of o set to 0. Row-major [rows, ld] matrices are the
 * column-major transposes cuBLASLt sees: S^T = K Q^T, O^T = V^T P^T. S and
 * P rows are Lp = L rounded up to 8 apart (16-byte aligned bf16 rows).
 * Used for F5_KPREC_BF16; fp32 keeps the exact flash kernel (cuda_attn.cu).
 * Memory: 6 bytes x H x L x Lp besides the bf16 copies of q, k, v. */
#include "kernels/cuda/cuda_internal.cuh"

#include <math.h>

#define SM_THREADS 256

/* One block per (row i < L, head h): P[h][i][0..L) = softmax(S[h][i][0..L)). */
__global__ void __launch_bounds__(SM_THREADS) softmax_rows_kernel(const float *__restrict__ S,
                                                                  __nv_bfloat16 *__restrict__ P, int64_t L,
                                                                  int64_t Lp) {
    __shared__ float red[33];
    int64_t i = blockIdx.x, h = blockIdx.y;
    const float *srow = S + (h * L + i) * Lp;
    __nv_bfloat16 *prow = P + (h * L + i) * Lp;
    float mx = -INFINITY;
    for (int64_t j = threadIdx.x; j < L; j += blockDim.x) mx = fmaxf(mx, srow[j]);
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
    for (int64_t j = threadIdx.x; j < L; j += blockDim.x) sum += expf(srow[j] - mx);
    for (int off = 16; off > 0; off >>= 1) sum += __shfl_xor_sync(0xffffffffu, sum, off);
    __syncthreads(); /* red[32] has been read by everyone */
    if ((threadIdx.x & 31) == 0) red[threadIdx.x >> 5] = sum;
    __syncthreads();
    if (threadIdx.x == 0) {
        float t = 0.0f;
        for (int w = 0; w < (int)(blockDim.x >> 5); w++) t += red[w];
        red[32] = t;
    }
    __syncthreads();
    float inv = 1.0f / red[32];
    for (int64_t j = threadIdx.x; j < L; j += blockDim.x) prow[j] = __float2bfloat16_rn(expf(srow[j] - mx) * inv);
}

void f5_cu_attention_bf16(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                          int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o) {
    f5_kstream *s = k->stream;
    int64_t Lmax = 0;
    for (int64_t b = 0; b < B; b++) {
        int64_t L = lens ? lens[b] : N;
        if (L > Lmax) Lmax = L;
    }
    int64_t Lpm = (Lmax + 7) / 8 * 8;
    size_t qkv = (size_t)(B * N * ld), sp = (size_t)(H * Lmax * Lpm);
    size_t need = 3 * qkv * sizeof(__nv_bfloat16) + sp * sizeof(float) + sp * sizeof(__nv_bfloat16) + 512;
    char *base = (char *)f5_cu_grow(s, &s->abuf, &s->abuf_bytes, need, "attention buffers");
    if (!base) return;
    __nv_bfloat16 *qb = (__nv_bfloat16 *)base, *kb = qb + qkv, *vb = kb + qkv;
    float *S = (float *)(((uintptr_t)(vb + qkv) + 255) & ~(uintptr_t)255);
    __nv_bfloat16 *P = (__nv_bfloat16 *)(((uintptr_t)(S + sp) + 255) & ~(uintptr_t)255);
    f5_cu_to_bf16(s->stream, q, qb, (int64_t)qkv);
    f5_cu_to_bf16(s->stream, kk, kb, (int64_t)qkv);
    f5_cu_to_bf16(s->stream, v, vb, (int64_t)qkv);
    if (F5_CU_CHECK_LAUNCH(s, "attention: fp32 -> bf16")) return;
    for (int64_t b = 0; b < B; b++) {
        int64_t L = lens ? lens[b] : N, Lp = (L + 7) / 8 * 8;
        float *ob = o + b * N * ld;
        if (L < N && f5_cu_fail(s, cudaMemsetAsync(ob + L * ld, 0, (size_t)((N - L) * ld) * sizeof(float), s->stream),
                                "attention: zero rows"))
            return;
        if (L == 0) continue;
        const __nv_bfloat16 *Q = qb + b * N * ld, *K = kb + b * N * ld, *V = vb + b * N * ld;
        f5_colmm s1 = f5_colmm_scores(Q, K, L, H, dh, ld, scale, S, Lp); /* S[h] = scale Q_h K_h^T */
        f5_cu_matmul(s, &s1, CUDA_R_16BF, CUDA_R_16BF);
        softmax_rows_kernel<<<dim3((unsigned)L, (unsigned)H), SM_THREADS, 0, s->stream>>>(S, P, L, Lp);
        if (F5_CU_CHECK_LAUNCH(s, "attention softmax")) return;
        f5_colmm s2 = f5_colmm_pv(P, V, L, H, dh, ld, Lp, ob); /* O_h = P[h] V_h */
        f5_cu_matmul(s, &s2, CUDA_R_16BF, CUDA_R_16BF);
        if (s->failed) return;
    }
}
