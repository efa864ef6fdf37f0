/* attn_cpu.c - cpu backend of rotary embedding and attention. Attention is
 * computed per (batch, head) as two GEMMs on strided views of q/k/v (no
 * transposition copies) with a row-parallel softmax in between; the score
 * matrix [N,N] lives in caller scratch. */
#include "kernels/cpu/cpu_kernels.h"

#include <math.h>

#include "core/threadpool.h"
#include "kernels/cpu/simd.h"
#include "kernels/cpu/fastmath.h"
#include "kernels/cpu/avx512_math.h"
#include "kernels/cpu/avx2_math.h"

typedef struct rope_job {
    float *x;
    int64_t N, nh, dh, ld;
    const float *c, *s;
    void (*head)(float *v, const float *c, const float *s, int64_t dh); /* one head of one row */
} rope_job;

static void rope_head(float *v, const float *c, const float *s, int64_t dh) {
    for (int64_t d = 0; d < dh; d += 2) {
        float a = v[d], b = v[d + 1];
        v[d] = a * c[d] - b * s[d];
        v[d + 1] = b * c[d + 1] + a * s[d + 1];
    }
}

/* The same rotation 16 wide (dh % 16 == 0): the pair swap is one in-lane
 * permute, the sign of rot(x) a constant vector. */
F5_AVX512 static void rope_head_avx512(float *v, const float *c, const float *s, int64_t dh) {
    const __m512 sign = _mm512_set_ps(1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1);
    for (int64_t d = 0; d < dh; d += 16) {
        __m512 x = _mm512_loadu_ps(v + d);
        __m512 rot = _mm512_mul_ps(_mm512_permute_ps(x, 0xB1), sign);
        _mm512_storeu_ps(v + d, _mm512_fmadd_ps(x, _mm512_loadu_ps(c + d), _mm512_mul_ps(rot, _mm512_loadu_ps(s + d))));
    }
}

F5_AVX2 static void rope_head_avx2(float *v, const float *c, const float *s, int64_t dh) { /* dh % 8 == 0 */
    const __m256 sign = _mm256_set_ps(1, -1, 1, -1, 1, -1, 1, -1);
    for (int64_t d = 0; d < dh; d += 8) {
        __m256 x = _mm256_loadu_ps(v + d);
        __m256 rot = _mm256_mul_ps(_mm256_permute_ps(x, 0xB1), sign);
        _mm256_storeu_ps(v + d, _mm256_fmadd_ps(x, _mm256_loadu_ps(c + d), _mm256_mul_ps(rot, _mm256_loadu_ps(s + d))));
    }
}

static void rope_rows(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    rope_job *j = arg;
    for (int64_t r = r0; r < r1; r++) {
        int64_t n = r % j->N;
        for (int64_t h = 0; h < j->nh; h++) j->head(j->x + r * j->ld + h * j->dh, j->c + n * j->dh, j->s + n * j->dh, j->dh);
    }
}

void f5_rope_cpu(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
             const float *cos_t, const float *sin_t) {
    f5_cpu_isa isa = f5_cpu_isa_for(k);
    rope_job j = {x, N, n_heads_rot, dh, ld, cos_t, sin_t,
                  dh % 16 == 0 && isa >= F5_ISA_AVX512 ? rope_head_avx512
                  : dh % 8 == 0 && isa >= F5_ISA_AVX2  ? rope_head_avx2
                                                       : rope_head};
    f5_threadpool_for(k->pool, B * N, 16, rope_rows, &j);
}

typedef struct softmax_job {
    float *s;
    int64_t N;
    float scale;
} softmax_job;

/* Row softmax of scale * s. Max and sum use 8 partial lanes so the loops
 * vectorise without reassociation flags. */
F5_SIMD_CLONES static void softmax_rows(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    softmax_job *j = arg;
    int64_t N = j->N, N8 = N / 8 * 8;
    for (int64_t r = r0; r < r1; r++) {
        float *p = j->s + r * N;
        float m8[8], s8[8];
        for (int l = 0; l < 8; l++) m8[l] = -INFINITY, s8[l] = 0.0f;
        for (int64_t i = 0; i < N8; i += 8)
            for (int l = 0; l < 8; l++) m8[l] = p[i + l] > m8[l] ? p[i + l] : m8[l];
        float mx = -INFINITY;
        for (int l = 0; l < 8; l++) mx = m8[l] > mx ? m8[l] : mx;
        for (int64_t i = N8; i < N; i++) mx = p[i] > mx ? p[i] : mx;
        float sc = j->scale, off = mx * sc;
        for (int64_t i = 0; i < N; i++) p[i] = f5_fast_expf(p[i] * sc - off);
        for (int64_t i = 0; i < N8; i += 8)
            for (int l = 0; l < 8; l++) s8[l] += p[i + l];
        float sum = 0.0f;
        for (int l = 0; l < 8; l++) sum += s8[l];
        for (int64_t i = N8; i < N; i++) sum += p[i];
        float inv = 1.0f / sum;
        for (int64_t i = 0; i < N; i++) p[i] *= inv;
    }
}

/* Query rows per block: a [QB, N] score block stays in L2 between the two
 * GEMMs and the softmax instead of streaming an [N, N] matrix. */
#define F5_ATTN_QBLOCK 128

size_t f5_attention_scratch_floats_cpu(const f5_kctx *k, int64_t N, int64_t H) {
    (void)H;
    int64_t qb = N < F5_ATTN_QBLOCK ? N : F5_ATTN_QBLOCK;
    size_t gemm = (size_t)f5_threadpool_size(k->pool) * (size_t)qb * (size_t)N;
    size_t flash = f5_attention_flash_scratch_floats(k, N), flash2 = f5_attention_flash_avx2_scratch_floats(k, N);
    if (flash2 > flash) flash = flash2;
    return gemm > flash ? gemm : flash; /* dh is not known here: room for any path */
}

typedef struct attn_job {
    const float *q, *k, *v;
    float *o, *scratch;
    int64_t N, H, dh, ld;
    float scale;
    const int32_t *lens; /* [B] or NULL */
} attn_job;

/* (batch, head) pairs [p0, p1), each with single-threaded GEMMs over query
 * blocks and this worker's own score block. */
static void attn_heads(void *arg, int64_t p0, int64_t p1, int worker) {
    attn_job *j = arg;
    f5_kctx one = {.backend = F5_BACKEND_CPU, .n_threads = 1, .pool = NULL};
    int64_t N = j->N, ld = j->ld, dh = j->dh, qb = N < F5_ATTN_QBLOCK ? N : F5_ATTN_QBLOCK;
    float *sc = j->scratch + (size_t)worker * (size_t)qb * (size_t)N;
    for (int64_t p = p0; p < p1; p++) {
        int64_t b = p / j->H, h = p % j->H, off = b * N * ld + h * dh;
        int64_t L = j->lens ? j->lens[b] : N; /* this element's keys and query rows */
        for (int64_t r0 = 0; r0 < L; r0 += qb) {
            int64_t nr = L - r0 < qb ? L - r0 : qb;
            f5_gemm_cpu(&one, true, nr, L, dh, 1.0f, j->q + off + r0 * ld, ld, j->k + off, ld, 0.0f, sc, L);
            softmax_job sj = {sc, L, j->scale};
            softmax_rows(&sj, 0, nr, worker);
            f5_gemm_cpu(&one, false, nr, dh, L, 1.0f, sc, L, j->v + off, ld, 0.0f, j->o + off + r0 * ld, ld);
        }
        for (int64_t i = L; i < N; i++)
            for (int64_t d = 0; d < dh; d++) j->o[off + i * ld + d] = 0.0f;
    }
}

void f5_attention_cpu(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                  int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o, float *scratch) {
    f5_cpu_isa isa = f5_cpu_isa_for(k);
    if (dh == 64 && isa >= F5_ISA_AVX512) {
        f5_attention_flash(k, k->prec == F5_KPREC_BF16, q, kk, v, B, N, H, ld, scale, lens, o, scratch);
        return;
    }
    if (dh == 64 && isa >= F5_ISA_AVX2) {
        f5_attention_flash_avx2(k, q, kk, v, B, N, H, ld, scale, lens, o, scratch);
        return;
    }
    attn_job j = {q, kk, v, o, scratch, N, H, dh, ld, scale, lens};
    f5_threadpool_for(k->pool, B * H, 1, attn_heads, &j);
}
