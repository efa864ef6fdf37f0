/* attn_flash.c - blocked online-softmax ("flash") attention for AVX-512,
 * in fp32 (FMA) and in bf16 (VDPBF16PS, fp32 accumulation).
 *
 * Why: the two-GEMM attention (attn_cpu.c) streams a [128, N] score block
 * through single-threaded K=64 sgemms and a scalar-ish softmax; at 1406
 * frames it reached ~175 GFLOP/s, 40% of the step. Here each worker takes
 * one (batch, head) at a time, packs that head's K (and, for bf16, V) once
 * into the layout the inner loops want, then walks query blocks of QB rows
 * against key blocks of KB keys: S = Q K^T in registers (4 rows x 64 keys
 * of fp32 accumulators), a running max / sum per row with the output
 * rescaled when the max moves, O += P V. Scratch is per worker and linear
 * in N (the packed head), never N x N, so long inputs keep memory flat.
 *
 * bf16 rounds q, k, v and the probabilities to bf16 for the products; the
 * statistics (max, sum), the exponentials and O stay fp32. The fp32
 * variant rounds nothing. Both are checked against f5_attention_ref.
 * With lens, element b runs exactly as a solo element of lens[b] frames
 * (its keys, its query rows; the rest of its rows are set to 0).
 */
#include "kernels/cpu/cpu_kernels.h"

#include "core/threadpool.h"
#include "kernels/cpu/avx512_math.h"

#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define QB 32 /* query rows per block (a multiple of 4) */
#define KB 128 /* keys per block (the S tile is computed 64 keys at a time) */
#define DH 64 /* the only head size the fast path handles (F5-TTS: 64) */

#define AVX512 F5_AVX512
#define AVX512_BF16 F5_AVX512_BF16

static int64_t pad_keys(int64_t N) { return (N + KB - 1) / KB * KB; }

/* Per-worker scratch, in floats. */
static size_t worker_floats(int64_t N) {
    int64_t Np = pad_keys(N);
    size_t kpack = (size_t)Np * DH;          /* fp32 K^T blocks, or bf16 K + bf16 V in the same room */
    size_t qbuf = (size_t)QB * DH;           /* the query block (fp32, or bf16 pairs) */
    size_t sbuf = (size_t)QB * KB;           /* scores / probabilities of one block */
    size_t pbuf = (size_t)QB * KB / 2;       /* bf16 probabilities */
    size_t obuf = (size_t)QB * DH + 3 * QB;  /* running output, max, sum, correction */
    return kpack + qbuf + sbuf + pbuf + obuf + 64; /* + alignment slack */
}

_Static_assert(KB % 64 == 0 && QB % 16 == 0, "tiles are 4 rows x 64 keys; corrections 16 rows at a time");

size_t f5_attention_flash_scratch_floats(const f5_kctx *k, int64_t N) {
    return (size_t)f5_threadpool_size(k->pool) * worker_floats(N);
}

/* Online softmax over one key block for rows [0, QB): s [QB][KB] scaled
 * scores (keys >= nk ignored) -> p = exp(s - m_new) in place; m, l, O
 * updated, O rows rescaled by exp(m_old - m_new) (computed 16 rows at a
 * time into corr). */
/* e^x for x <= 0 to ~1e-4 relative (degree-3 polynomial of 2^f): for the
 * bf16 path only, whose probabilities are then rounded to 8 mantissa bits
 * (4e-3) anyway. */
AVX512 static inline __m512 exp_bf16_grade(__m512 x) {
    __m512 t = _mm512_max_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.4426950408889634f)), _mm512_set1_ps(-150.0f));
    __m512 n = _mm512_roundscale_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 f = _mm512_sub_ps(t, n);
    __m512 p = _mm512_set1_ps(5.5504108664821580e-2f);
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(2.4022650695910071e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(6.9314718055994531e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(p, n);
}

AVX512 static void softmax_block(float *s, int nk, float *m, float *l, float *O, float *corr, bool coarse) {
    __mmask16 valid[KB / 16];
    for (int v = 0; v < KB / 16; v++) {
        int left = nk - 16 * v;
        valid[v] = left >= 16 ? (__mmask16)0xffff : left <= 0 ? (__mmask16)0 : (__mmask16)((1u << left) - 1);
    }
    const __m512 ninf = _mm512_set1_ps(-INFINITY);
    for (int i = 0; i < QB; i++) { /* the new row maxima, kept in corr for now */
        const float *si = s + i * KB;
        __m512 mx = ninf;
        for (int v = 0; v < KB / 16; v++) mx = _mm512_max_ps(mx, _mm512_mask_loadu_ps(ninf, valid[v], si + 16 * v));
        float mb = _mm512_reduce_max_ps(mx);
        corr[i] = mb > m[i] ? mb : m[i];
    }
    for (int i = 0; i < QB; i += 16) { /* corr = exp(m_old - m_new); m = m_new (m_old = -inf gives 0) */
        __m512 mo = _mm512_loadu_ps(m + i), mn = _mm512_loadu_ps(corr + i);
        _mm512_storeu_ps(corr + i, f5_exp512(_mm512_sub_ps(mo, mn)));
        _mm512_storeu_ps(m + i, mn);
    }
    for (int i = 0; i < QB; i++) {
        float *si = s + i * KB;
        __m512 mb = _mm512_set1_ps(m[i]), sum = _mm512_setzero_ps();
        for (int v = 0; v < KB / 16; v++) {
            __m512 d = _mm512_sub_ps(_mm512_loadu_ps(si + 16 * v), mb);
            __m512 p = _mm512_maskz_mov_ps(valid[v], coarse ? exp_bf16_grade(d) : f5_exp512(d));
            sum = _mm512_add_ps(sum, p);
            _mm512_storeu_ps(si + 16 * v, p);
        }
        l[i] = l[i] * corr[i] + _mm512_reduce_add_ps(sum);
        if (corr[i] != 1.0f) {
            __m512 c = _mm512_set1_ps(corr[i]);
            for (int d = 0; d < DH; d += 16)
                _mm512_storeu_ps(O + i * DH + d, _mm512_mul_ps(c, _mm512_loadu_ps(O + i * DH + d)));
        }
    }
}

/* o rows [r0, r0+nr) of this head = O / l. */
AVX512 static void write_out(const float *O, const float *l, float *o, int64_t ld, int nr) {
    for (int i = 0; i < nr; i++) {
        __m512 inv = _mm512_set1_ps(1.0f / l[i]);
        for (int d = 0; d < DH; d += 16)
            _mm512_storeu_ps(o + i * ld + d, _mm512_mul_ps(inv, _mm512_loadu_ps(O + i * DH + d)));
    }
}

/* One worker's scratch, carved as worker_floats() sized it. */
typedef struct flash_ws {
    float *kpack;    /* Np*DH floats: fp32 K^T blocks, or bf16 K then bf16 V */
    float *qbuf;     /* QB*DH floats: fp32 scaled queries, or QB*DH/2 bf16 pairs */
    float *S;        /* QB*KB scores, then probabilities */
    uint32_t *Pp;    /* QB*KB/2 bf16 probability pairs */
    float *O, *m, *l, *corr;
} flash_ws;

static flash_ws carve(float *ws, int64_t N) {
    flash_ws w;
    w.kpack = ws;
    w.qbuf = w.kpack + pad_keys(N) * DH;
    w.S = w.qbuf + QB * DH;
    w.Pp = (uint32_t *)(w.S + QB * KB);
    w.O = (float *)(w.Pp + QB * KB / 2);
    w.m = w.O + QB * DH;
    w.l = w.m + QB;
    w.corr = w.l + QB;
    return w;
}

typedef struct flash_job {
    const float *q, *k, *v;
    float *o, *scratch;
    int64_t N, H, ld;
    float scale;
    size_t per_worker;
    const int32_t *lens; /* [B] keys / query rows per element, or NULL (all N) */
} flash_job;

/* Rows [L, N) of head h of element b are 0 (the masked query rows). */
static void zero_tail(const flash_job *j, int64_t b, int64_t h, int64_t L) {
    for (int64_t i = L; i < j->N; i++) memset(j->o + (b * j->N + i) * j->ld + h * DH, 0, sizeof(float) * DH);
}

/* ------------------------------------------------------------------ fp32 */

/* Kt: per block of 16 keys, DH rows of 16 floats (key-major lanes). */
AVX512 static void pack_k_f32(const float *k, int64_t N, int64_t ld, float *Kt) {
    int64_t Np = pad_keys(N);
    for (int64_t j0 = 0; j0 < Np; j0 += 16)
        for (int64_t jj = 0; jj < 16; jj++) {
            int64_t j = j0 + jj;
            float *dst = Kt + j0 * DH + jj;
            if (j < N)
                for (int d = 0; d < DH; d++) dst[d * 16] = k[j * ld + d];
            else
                for (int d = 0; d < DH; d++) dst[d * 16] = 0.0f;
        }
}

AVX512 static void head_f32(const flash_job *j, int64_t b, int64_t h, float *wsp) {
    int64_t ld = j->ld, off = b * j->N * ld + h * DH, N = j->lens ? j->lens[b] : j->N;
    zero_tail(j, b, h, N);
    flash_ws w = carve(wsp, N);
    float *Kt = w.kpack, *Qb = w.qbuf, *S = w.S, *O = w.O;
    pack_k_f32(j->k + off, N, ld, Kt);
    const float *V = j->v + off;
    for (int64_t r0 = 0; r0 < N; r0 += QB) {
        int nr = N - r0 < QB ? (int)(N - r0) : QB;
        for (int i = 0; i < QB; i++) {
            const float *src = j->q + off + (r0 + (i < nr ? i : 0)) * ld;
            for (int d = 0; d < DH; d++) Qb[i * DH + d] = src[d] * j->scale;
            w.m[i] = -INFINITY, w.l[i] = 0.0f;
        }
        memset(O, 0, sizeof(float) * QB * DH);
        for (int64_t c0 = 0; c0 < N; c0 += KB) {
            int nk = N - c0 < KB ? (int)(N - c0) : KB;
            for (int kc = 0; kc < nk; kc += 64) { /* S tiles: 4 rows x 64 keys */
                const float *Kb = Kt + (c0 + kc) * DH;
                for (int i0 = 0; i0 < QB; i0 += 4) {
                    __m512 acc[4][4];
                    for (int r = 0; r < 4; r++)
                        for (int v = 0; v < 4; v++) acc[r][v] = _mm512_setzero_ps();
                    for (int d = 0; d < DH; d++) {
                        __m512 kv[4];
                        for (int v = 0; v < 4; v++) kv[v] = _mm512_loadu_ps(Kb + (16 * v) * DH + d * 16);
                        for (int r = 0; r < 4; r++) {
                            __m512 qv = _mm512_set1_ps(Qb[(i0 + r) * DH + d]);
                            for (int v = 0; v < 4; v++) acc[r][v] = _mm512_fmadd_ps(qv, kv[v], acc[r][v]);
                        }
                    }
                    for (int r = 0; r < 4; r++)
                        for (int v = 0; v < 4; v++) _mm512_storeu_ps(S + (i0 + r) * KB + kc + 16 * v, acc[r][v]);
                }
            }
            softmax_block(S, nk, w.m, w.l, O, w.corr, false);
            for (int i0 = 0; i0 < QB; i0 += 4) { /* O rows i0..i0+3 += P V */
                __m512 acc[4][4];
                for (int r = 0; r < 4; r++)
                    for (int v = 0; v < 4; v++) acc[r][v] = _mm512_loadu_ps(O + (i0 + r) * DH + 16 * v);
                for (int c = 0; c < nk; c++) {
                    const float *vr = V + (c0 + c) * ld;
                    __m512 vv[4];
                    for (int v = 0; v < 4; v++) vv[v] = _mm512_loadu_ps(vr + 16 * v);
                    for (int r = 0; r < 4; r++) {
                        __m512 p = _mm512_set1_ps(S[(i0 + r) * KB + c]);
                        for (int v = 0; v < 4; v++) acc[r][v] = _mm512_fmadd_ps(p, vv[v], acc[r][v]);
                    }
                }
                for (int r = 0; r < 4; r++)
                    for (int v = 0; v < 4; v++) _mm512_storeu_ps(O + (i0 + r) * DH + 16 * v, acc[r][v]);
            }
        }
        write_out(O, w.l, j->o + off + r0 * ld, ld, nr);
    }
}

/* ------------------------------------------------------------------ bf16 */

/* One row of DH floats (times s) as DH/2 bf16 pairs (d even low, d odd
 * high): two conversions, natural order. A NULL row gives zeros. */
AVX512_BF16 static inline void row_pairs(const float *x, float s, uint32_t *out) {
    for (int d = 0; d < DH; d += 32) {
        __m512 lo = x ? _mm512_mul_ps(_mm512_loadu_ps(x + d), _mm512_set1_ps(s)) : _mm512_setzero_ps();
        __m512 hi = x ? _mm512_mul_ps(_mm512_loadu_ps(x + d + 16), _mm512_set1_ps(s)) : _mm512_setzero_ps();
        _mm512_storeu_si512((void *)(out + d / 2), (__m512i)_mm512_cvtne2ps_pbh(hi, lo));
    }
}

/* Kp: per block of 16 keys, DH/2 vectors of [16 keys][2 dims] bf16 (each
 * key's row converted 32 wide, its pairs then placed 32 bits at a time).
 * Vp: per pair of keys, DH x 2 bf16 ([d][2 keys]): the two rows converted
 * together and interleaved by one word permutation per 16 dims. Padding
 * keys are 0. */
AVX512_BF16 static void pack_kv_bf16(const float *k, const float *v, int64_t N, int64_t ld, uint16_t *Kp,
                                     uint16_t *Vp) {
    int64_t Np = pad_keys(N);
    uint32_t *K32 = (uint32_t *)Kp, pairs[DH / 2];
    for (int64_t j = 0; j < Np; j++) {
        row_pairs(j < N ? k + j * ld : NULL, 1.0f, pairs);
        uint32_t *kd = K32 + (j / 16) * 8 * DH + (j % 16); /* block of 16 keys = DH/2 x 16 pairs */
        for (int dp = 0; dp < DH / 2; dp++) kd[dp * 16] = pairs[dp];
    }
    /* word i of the result: i even -> a[i/2], i odd -> b[i/2] (a in words 0..15, b in 16..31) */
    const __m512i ilv = _mm512_set_epi16(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8, 23, 7, 22, 6, 21,
                                         5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    for (int64_t j = 0; j < Np; j += 2) {
        const float *a = j < N ? v + j * ld : NULL, *b = j + 1 < N ? v + (j + 1) * ld : NULL;
        uint16_t *vd = Vp + (j / 2) * 2 * DH;
        for (int d = 0; d < DH; d += 16) {
            __m512 va = a ? _mm512_loadu_ps(a + d) : _mm512_setzero_ps();
            __m512 vb = b ? _mm512_loadu_ps(b + d) : _mm512_setzero_ps();
            __m512i ab = (__m512i)_mm512_cvtne2ps_pbh(vb, va);
            _mm512_storeu_si512((void *)(vd + 2 * d), _mm512_permutexvar_epi16(ilv, ab));
        }
    }
}

AVX512_BF16 static void head_bf16(const flash_job *j, int64_t b, int64_t h, float *wsp) {
    int64_t ld = j->ld, off = b * j->N * ld + h * DH, N = j->lens ? j->lens[b] : j->N, Np = pad_keys(N);
    zero_tail(j, b, h, N);
    flash_ws w = carve(wsp, N);
    uint16_t *Kp = (uint16_t *)w.kpack, *Vp = Kp + Np * DH;
    uint32_t *Qp = (uint32_t *)w.qbuf, *Pp = w.Pp;
    float *S = w.S, *O = w.O;
    pack_kv_bf16(j->k + off, j->v + off, N, ld, Kp, Vp);
    for (int64_t r0 = 0; r0 < N; r0 += QB) {
        int nr = N - r0 < QB ? (int)(N - r0) : QB;
        for (int i = 0; i < QB; i++) {
            row_pairs(j->q + off + (r0 + (i < nr ? i : 0)) * ld, j->scale, Qp + i * (DH / 2));
            w.m[i] = -INFINITY, w.l[i] = 0.0f;
        }
        memset(O, 0, sizeof(float) * QB * DH);
        for (int64_t c0 = 0; c0 < N; c0 += KB) {
            int nk = N - c0 < KB ? (int)(N - c0) : KB;
            for (int kc = 0; kc < nk; kc += 64) { /* S tiles: 4 rows x 64 keys */
                const uint16_t *Kb = Kp + (c0 + kc) * DH;
                for (int i0 = 0; i0 < QB; i0 += 4) {
                    __m512 acc[4][4];
                    for (int r = 0; r < 4; r++)
                        for (int v = 0; v < 4; v++) acc[r][v] = _mm512_setzero_ps();
                    for (int dp = 0; dp < DH / 2; dp++) {
                        __m512bh kv[4];
                        for (int v = 0; v < 4; v++)
                            kv[v] = (__m512bh)_mm512_loadu_si512((const void *)(Kb + (16 * v) * DH + dp * 32));
                        for (int r = 0; r < 4; r++) {
                            __m512bh qv = (__m512bh)_mm512_set1_epi32((int)Qp[(i0 + r) * (DH / 2) + dp]);
                            for (int v = 0; v < 4; v++) acc[r][v] = _mm512_dpbf16_ps(acc[r][v], qv, kv[v]);
                        }
                    }
                    for (int r = 0; r < 4; r++)
                        for (int v = 0; v < 4; v++) _mm512_storeu_ps(S + (i0 + r) * KB + kc + 16 * v, acc[r][v]);
                }
            }
            softmax_block(S, nk, w.m, w.l, O, w.corr, true);
            int npairs = (nk + 1) / 2;
            /* probabilities to bf16 pairs along the keys (masked keys are 0 already) */
            for (int i = 0; i < QB; i++)
                for (int c = 0; c < 2 * npairs; c += 32)
                    _mm512_storeu_si512((void *)(Pp + i * (KB / 2) + c / 2),
                                        (__m512i)_mm512_cvtne2ps_pbh(_mm512_loadu_ps(S + i * KB + c + 16),
                                                                     _mm512_loadu_ps(S + i * KB + c)));
            const uint16_t *Vb = Vp + c0 * DH;
            for (int i0 = 0; i0 < QB; i0 += 4) {
                __m512 acc[4][4];
                for (int r = 0; r < 4; r++)
                    for (int v = 0; v < 4; v++) acc[r][v] = _mm512_loadu_ps(O + (i0 + r) * DH + 16 * v);
                for (int kp = 0; kp < npairs; kp++) {
                    __m512bh vv[4];
                    for (int v = 0; v < 4; v++)
                        vv[v] = (__m512bh)_mm512_loadu_si512((const void *)(Vb + kp * 2 * DH + 32 * v));
                    for (int r = 0; r < 4; r++) {
                        __m512bh p = (__m512bh)_mm512_set1_epi32((int)Pp[(i0 + r) * (KB / 2) + kp]);
                        for (int v = 0; v < 4; v++) acc[r][v] = _mm512_dpbf16_ps(acc[r][v], p, vv[v]);
                    }
                }
                for (int r = 0; r < 4; r++)
                    for (int v = 0; v < 4; v++) _mm512_storeu_ps(O + (i0 + r) * DH + 16 * v, acc[r][v]);
            }
        }
        write_out(O, w.l, j->o + off + r0 * ld, ld, nr);
    }
}

static void heads_f32(void *arg, int64_t p0, int64_t p1, int worker) {
    flash_job *j = arg;
    float *ws = j->scratch + (size_t)worker * j->per_worker;
    ws = (float *)(((uintptr_t)ws + 63) & ~(uintptr_t)63);
    for (int64_t p = p0; p < p1; p++) head_f32(j, p / j->H, p % j->H, ws);
}

static void heads_bf16(void *arg, int64_t p0, int64_t p1, int worker) {
    flash_job *j = arg;
    float *ws = j->scratch + (size_t)worker * j->per_worker;
    ws = (float *)(((uintptr_t)ws + 63) & ~(uintptr_t)63);
    for (int64_t p = p0; p < p1; p++) head_bf16(j, p / j->H, p % j->H, ws);
}

void f5_attention_flash(const f5_kctx *k, bool bf16, const float *q, const float *kk, const float *v, int64_t B,
                        int64_t N, int64_t H, int64_t ld, float scale, const int32_t *lens, float *o,
                        float *scratch) {
    flash_job j = {q, kk, v, o, scratch, N, H, ld, scale, worker_floats(N), lens};
    f5_threadpool_for(k->pool, B * H, 1, bf16 ? heads_bf16 : heads_f32, &j);
}
