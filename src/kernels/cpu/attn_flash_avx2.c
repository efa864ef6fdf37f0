/* attn_flash_avx2.c - the blocked online-softmax attention of attn_flash.c
 * for CPUs with AVX2 and FMA but no AVX-512 (Zen 2/3, Haswell..Alder
 * Lake), fp32 only.
 *
 * Why: without it those CPUs ran the two-GEMM attention, whose K = 64
 * single-threaded sgemms and scalar softmax made attention ~37% of a step
 * on a Zen 3. Same scheme as the AVX-512 kernel (each worker owns one
 * (batch, head) at a time, packs its K once, walks QB-row query blocks
 * against KB-key blocks with a running max/sum), retiled for 16 ymm
 * registers: scores in 4 rows x 16 keys, P V in 4 rows x 16 dims, both 8
 * accumulators + 2 loads + 1 broadcast. Scratch per worker is linear in N.
 * With lens, element b runs exactly as a solo element of lens[b] frames.
 */
#include "kernels/cpu/cpu_kernels.h"

#include "core/threadpool.h"
#include "kernels/cpu/avx2_math.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define QB 32  /* query rows per block (a multiple of 4) */
#define KB 128 /* keys per block (scores computed 16 keys at a time) */
#define DH 64  /* the only head size handled (F5-TTS: 64) */

static int64_t pad_keys(int64_t N) { return (N + KB - 1) / KB * KB; }

static size_t worker_floats(int64_t N) {
    return 2 * (size_t)pad_keys(N) * DH /* K^T blocks, V chunks */ + QB * DH /* queries */ + QB * KB /* scores */ +
           QB * DH + 3 * QB /* O, m, l, corr */ + 16 /* alignment slack */;
}

size_t f5_attention_flash_avx2_scratch_floats(const f5_kctx *k, int64_t N) {
    return (size_t)f5_threadpool_size(k->pool) * worker_floats(N);
}

typedef struct ws {
    float *Kt, *Vc, *Q, *S, *O, *m, *l, *corr;
} ws;

static ws carve(float *p, int64_t N) {
    ws w;
    w.Kt = p;
    w.Vc = w.Kt + pad_keys(N) * DH;
    w.Q = w.Vc + pad_keys(N) * DH;
    w.S = w.Q + QB * DH;
    w.O = w.S + QB * KB;
    w.m = w.O + QB * DH;
    w.l = w.m + QB;
    w.corr = w.l + QB;
    return w;
}

typedef struct job {
    const float *q, *k, *v;
    float *o, *scratch;
    int64_t N, H, ld;
    float scale;
    size_t per_worker;
    const int32_t *lens;
} job;

/* Kt: per block of 8 keys, DH rows of 8 floats; padding keys are 0. */
static void pack_k(const float *k, int64_t N, int64_t ld, float *Kt) {
    int64_t Np = pad_keys(N);
    for (int64_t j0 = 0; j0 < Np; j0 += 8)
        for (int64_t jj = 0; jj < 8; jj++) {
            int64_t j = j0 + jj;
            float *dst = Kt + j0 * DH + jj;
            for (int d = 0; d < DH; d++) dst[d * 8] = j < N ? k[j * ld + d] : 0.0f;
        }
}

/* Vc: DH/16 column chunks, each [Np keys][16 floats]: the P V loop walks
 * one chunk of a key block (8 KB, L1-resident across the query rows)
 * instead of V's rows, which lie ld floats (4 KB at the DiT's width) apart
 * and so all fall in the same few L1 sets. Padding keys are 0. */
static void pack_v(const float *v, int64_t N, int64_t ld, float *Vc) {
    int64_t Np = pad_keys(N);
    for (int64_t j = 0; j < Np; j++)
        for (int d = 0; d < DH; d++) Vc[(d / 16) * Np * 16 + j * 16 + d % 16] = j < N ? v[j * ld + d] : 0.0f;
}

/* Scores of query rows [0, QB) against keys [0, nk) of the block at Kb
 * (rounded up to 16 keys; the extra lanes are masked by softmax_block). */
F5_AVX2 static void scores(const float *Q, const float *Kb, int nk, float *S) {
    for (int kc = 0; kc < nk; kc += 16) {
        const float *K0 = Kb + kc * DH, *K1 = K0 + 8 * DH;
        for (int i0 = 0; i0 < QB; i0 += 4) {
            __m256 a00 = _mm256_setzero_ps(), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00,
                   a31 = a00;
            const float *q0 = Q + i0 * DH;
            for (int d = 0; d < DH; d++) {
                __m256 k0 = _mm256_loadu_ps(K0 + d * 8), k1 = _mm256_loadu_ps(K1 + d * 8), qv;
                qv = _mm256_broadcast_ss(q0 + d);
                a00 = _mm256_fmadd_ps(qv, k0, a00), a01 = _mm256_fmadd_ps(qv, k1, a01);
                qv = _mm256_broadcast_ss(q0 + DH + d);
                a10 = _mm256_fmadd_ps(qv, k0, a10), a11 = _mm256_fmadd_ps(qv, k1, a11);
                qv = _mm256_broadcast_ss(q0 + 2 * DH + d);
                a20 = _mm256_fmadd_ps(qv, k0, a20), a21 = _mm256_fmadd_ps(qv, k1, a21);
                qv = _mm256_broadcast_ss(q0 + 3 * DH + d);
                a30 = _mm256_fmadd_ps(qv, k0, a30), a31 = _mm256_fmadd_ps(qv, k1, a31);
            }
            float *s = S + i0 * KB + kc;
            _mm256_storeu_ps(s, a00), _mm256_storeu_ps(s + 8, a01);
            _mm256_storeu_ps(s + KB, a10), _mm256_storeu_ps(s + KB + 8, a11);
            _mm256_storeu_ps(s + 2 * KB, a20), _mm256_storeu_ps(s + 2 * KB + 8, a21);
            _mm256_storeu_ps(s + 3 * KB, a30), _mm256_storeu_ps(s + 3 * KB + 8, a31);
        }
    }
}

/* Online softmax over one key block: s [QB][KB] scores (keys >= nk
 * ignored) -> p = exp(s - m_new) in place (0 for ignored keys); m, l
 * updated and O rows rescaled by exp(m_old - m_new). */
F5_AVX2 static void softmax_block(float *s, int nk, float *m, float *l, float *O, float *corr) {
    int nv = (nk + 7) / 8;
    __m256 valid_last = _mm256_castsi256_ps(f5_lanes256(nk - 8 * (nv - 1)));
    const __m256 ninf = _mm256_set1_ps(-INFINITY);
    for (int i = 0; i < QB; i++) {
        const float *si = s + i * KB;
        __m256 mx = ninf;
        for (int v = 0; v < nv - 1; v++) mx = _mm256_max_ps(mx, _mm256_loadu_ps(si + 8 * v));
        mx = _mm256_max_ps(mx, _mm256_blendv_ps(ninf, _mm256_loadu_ps(si + 8 * (nv - 1)), valid_last));
        float mb = f5_hmax256(mx);
        corr[i] = mb > m[i] ? mb : m[i];
    }
    for (int i = 0; i < QB; i += 8) { /* corr = exp(m_old - m_new) (m_old = -inf gives 0); m = m_new */
        __m256 mo = _mm256_loadu_ps(m + i), mn = _mm256_loadu_ps(corr + i);
        _mm256_storeu_ps(corr + i, f5_exp256(_mm256_sub_ps(mo, mn)));
        _mm256_storeu_ps(m + i, mn);
    }
    for (int i = 0; i < QB; i++) {
        float *si = s + i * KB;
        __m256 mb = _mm256_set1_ps(m[i]), sum = _mm256_setzero_ps();
        for (int v = 0; v < nv; v++) {
            __m256 p = f5_exp256(_mm256_sub_ps(_mm256_loadu_ps(si + 8 * v), mb));
            if (v == nv - 1) p = _mm256_and_ps(p, valid_last);
            sum = _mm256_add_ps(sum, p);
            _mm256_storeu_ps(si + 8 * v, p);
        }
        l[i] = l[i] * corr[i] + f5_hsum256(sum);
        if (corr[i] != 1.0f) {
            __m256 c = _mm256_set1_ps(corr[i]);
            for (int d = 0; d < DH; d += 8)
                _mm256_storeu_ps(O + i * DH + d, _mm256_mul_ps(c, _mm256_loadu_ps(O + i * DH + d)));
        }
    }
}

/* O [QB][DH] += P [QB][nk] V [nk][DH], V as column chunks of Np keys
 * starting at this block's first key. */
F5_AVX2 static void accumulate_pv(const float *P, const float *Vc, int64_t Np, int nk, float *O) {
    for (int d0 = 0; d0 < DH; d0 += 16)
        for (int i0 = 0; i0 < QB; i0 += 4) {
            const float *Vd = Vc + (d0 / 16) * Np * 16;
            float *o = O + i0 * DH + d0;
            __m256 a00 = _mm256_loadu_ps(o), a01 = _mm256_loadu_ps(o + 8);
            __m256 a10 = _mm256_loadu_ps(o + DH), a11 = _mm256_loadu_ps(o + DH + 8);
            __m256 a20 = _mm256_loadu_ps(o + 2 * DH), a21 = _mm256_loadu_ps(o + 2 * DH + 8);
            __m256 a30 = _mm256_loadu_ps(o + 3 * DH), a31 = _mm256_loadu_ps(o + 3 * DH + 8);
            const float *p0 = P + i0 * KB;
            for (int c = 0; c < nk; c++) {
                const float *vr = Vd + c * 16;
                __m256 v0 = _mm256_loadu_ps(vr), v1 = _mm256_loadu_ps(vr + 8), p;
                p = _mm256_broadcast_ss(p0 + c);
                a00 = _mm256_fmadd_ps(p, v0, a00), a01 = _mm256_fmadd_ps(p, v1, a01);
                p = _mm256_broadcast_ss(p0 + KB + c);
                a10 = _mm256_fmadd_ps(p, v0, a10), a11 = _mm256_fmadd_ps(p, v1, a11);
                p = _mm256_broadcast_ss(p0 + 2 * KB + c);
                a20 = _mm256_fmadd_ps(p, v0, a20), a21 = _mm256_fmadd_ps(p, v1, a21);
                p = _mm256_broadcast_ss(p0 + 3 * KB + c);
                a30 = _mm256_fmadd_ps(p, v0, a30), a31 = _mm256_fmadd_ps(p, v1, a31);
            }
            _mm256_storeu_ps(o, a00), _mm256_storeu_ps(o + 8, a01);
            _mm256_storeu_ps(o + DH, a10), _mm256_storeu_ps(o + DH + 8, a11);
            _mm256_storeu_ps(o + 2 * DH, a20), _mm256_storeu_ps(o + 2 * DH + 8, a21);
            _mm256_storeu_ps(o + 3 * DH, a30), _mm256_storeu_ps(o + 3 * DH + 8, a31);
        }
}

F5_AVX2 static void head(const job *j, int64_t b, int64_t h, float *wsp) {
    int64_t ld = j->ld, off = b * j->N * ld + h * DH, N = j->lens ? j->lens[b] : j->N;
    for (int64_t i = N; i < j->N; i++) memset(j->o + (b * j->N + i) * ld + h * DH, 0, sizeof(float) * DH);
    ws w = carve(wsp, N);
    pack_k(j->k + off, N, ld, w.Kt);
    pack_v(j->v + off, N, ld, w.Vc);
    int64_t Np = pad_keys(N);
    for (int64_t r0 = 0; r0 < N; r0 += QB) {
        int nr = N - r0 < QB ? (int)(N - r0) : QB;
        for (int i = 0; i < QB; i++) { /* rows past nr repeat row 0: computed, never written */
            const float *src = j->q + off + (r0 + (i < nr ? i : 0)) * ld;
            for (int d = 0; d < DH; d++) w.Q[i * DH + d] = src[d] * j->scale;
            w.m[i] = -INFINITY, w.l[i] = 0.0f;
        }
        memset(w.O, 0, sizeof(float) * QB * DH);
        for (int64_t c0 = 0; c0 < N; c0 += KB) {
            int nk = N - c0 < KB ? (int)(N - c0) : KB;
            scores(w.Q, w.Kt + c0 * DH, nk, w.S);
            softmax_block(w.S, nk, w.m, w.l, w.O, w.corr);
            accumulate_pv(w.S, w.Vc + c0 * 16, Np, nk, w.O);
        }
        for (int i = 0; i < nr; i++) {
            __m256 inv = _mm256_set1_ps(1.0f / w.l[i]);
            float *o = j->o + off + (r0 + i) * ld;
            for (int d = 0; d < DH; d += 8) _mm256_storeu_ps(o + d, _mm256_mul_ps(inv, _mm256_loadu_ps(w.O + i * DH + d)));
        }
    }
}

static void heads(void *arg, int64_t p0, int64_t p1, int worker) {
    job *j = arg;
    float *w = j->scratch + (size_t)worker * j->per_worker;
    w = (float *)(((uintptr_t)w + 63) & ~(uintptr_t)63);
    for (int64_t p = p0; p < p1; p++) head(j, p / j->H, p % j->H, w);
}

void f5_attention_flash_avx2(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                             int64_t H, int64_t ld, float scale, const int32_t *lens, float *o, float *scratch) {
    job j = {q, kk, v, o, scratch, N, H, ld, scale, worker_floats(N), lens};
    f5_threadpool_for(k->pool, B * H, 1, heads, &j);
}
