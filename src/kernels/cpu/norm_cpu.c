/* norm_cpu.c - cpu backend of LayerNorm, AdaLN, gated residual and the
 * activations: row-parallel over the thread pool, float math with double
 * row statistics, fast exp for the tanh-GELU of the feed-forward. */
#include "kernels/cpu/cpu_kernels.h"

#include "core/threadpool.h"
#include "kernels/cpu/simd.h"
#include "kernels/cpu/fastmath.h"
#include "kernels/cpu/avx512_math.h"
#include "kernels/cpu/avx2_math.h"

#include <math.h>

typedef struct ln_job {
    const float *x;
    float *y;
    int64_t N, D, ld_mod;
    const float *w, *b, *scale, *shift;
    float eps;
} ln_job;

static void ln_row(const float *x, int64_t D, const float *w, const float *b, float eps, const float *scale,
                   const float *shift, float *y) {
    double s = 0, s2 = 0;
    for (int64_t i = 0; i < D; i++) s += x[i];
    float mu = (float)(s / (double)D);
    for (int64_t i = 0; i < D; i++) {
        float d = x[i] - mu;
        s2 += d * d;
    }
    float inv = (float)(1.0 / sqrt(s2 / (double)D + eps));
    if (scale) {
        for (int64_t i = 0; i < D; i++) y[i] = (x[i] - mu) * inv * (1.0f + scale[i]) + shift[i];
    } else if (w) {
        for (int64_t i = 0; i < D; i++) y[i] = (x[i] - mu) * inv * w[i] + (b ? b[i] : 0.0f);
    } else {
        for (int64_t i = 0; i < D; i++) y[i] = (x[i] - mu) * inv;
    }
}

/* The same row 16 wide (D a multiple of 16): float partial sums in 16
 * lanes, reduced in double; the row stays in L1 across the three passes. */
F5_AVX512 static void ln_row_avx512(const float *x, int64_t D, const float *w, const float *b, float eps,
                                    const float *scale, const float *shift, float *y) {
    __m512 s = _mm512_setzero_ps();
    for (int64_t i = 0; i < D; i += 16) s = _mm512_add_ps(s, _mm512_loadu_ps(x + i));
    float mu = (float)((double)_mm512_reduce_add_ps(s) / (double)D);
    __m512 m = _mm512_set1_ps(mu), s2 = _mm512_setzero_ps();
    for (int64_t i = 0; i < D; i += 16) {
        __m512 d = _mm512_sub_ps(_mm512_loadu_ps(x + i), m);
        s2 = _mm512_fmadd_ps(d, d, s2);
    }
    __m512 inv = _mm512_set1_ps((float)(1.0 / sqrt((double)_mm512_reduce_add_ps(s2) / (double)D + eps)));
    const __m512 one = _mm512_set1_ps(1.0f);
    for (int64_t i = 0; i < D; i += 16) {
        __m512 v = _mm512_mul_ps(_mm512_sub_ps(_mm512_loadu_ps(x + i), m), inv);
        if (scale) v = _mm512_fmadd_ps(v, _mm512_add_ps(one, _mm512_loadu_ps(scale + i)), _mm512_loadu_ps(shift + i));
        else if (w) v = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + i), b ? _mm512_loadu_ps(b + i) : _mm512_setzero_ps());
        _mm512_storeu_ps(y + i, v);
    }
}

F5_AVX512 static void ln_rows_avx512(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    ln_job *j = arg;
    for (int64_t r = r0; r < r1; r++) {
        const float *sc = j->scale ? j->scale + (r / j->N) * j->ld_mod : NULL;
        const float *sh = j->shift ? j->shift + (r / j->N) * j->ld_mod : NULL;
        ln_row_avx512(j->x + r * j->D, j->D, j->w, j->b, j->eps, sc, sh, j->y + r * j->D);
    }
}

/* The same row 8 wide for AVX2 (D a multiple of 8). */
F5_AVX2 static void ln_row_avx2(const float *x, int64_t D, const float *w, const float *b, float eps,
                                const float *scale, const float *shift, float *y) {
    __m256 s = _mm256_setzero_ps();
    for (int64_t i = 0; i < D; i += 8) s = _mm256_add_ps(s, _mm256_loadu_ps(x + i));
    float mu = (float)((double)f5_hsum256(s) / (double)D);
    __m256 m = _mm256_set1_ps(mu), s2 = _mm256_setzero_ps();
    for (int64_t i = 0; i < D; i += 8) {
        __m256 d = _mm256_sub_ps(_mm256_loadu_ps(x + i), m);
        s2 = _mm256_fmadd_ps(d, d, s2);
    }
    __m256 inv = _mm256_set1_ps((float)(1.0 / sqrt((double)f5_hsum256(s2) / (double)D + eps)));
    const __m256 one = _mm256_set1_ps(1.0f);
    for (int64_t i = 0; i < D; i += 8) {
        __m256 v = _mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(x + i), m), inv);
        if (scale) v = _mm256_fmadd_ps(v, _mm256_add_ps(one, _mm256_loadu_ps(scale + i)), _mm256_loadu_ps(shift + i));
        else if (w) v = _mm256_fmadd_ps(v, _mm256_loadu_ps(w + i), b ? _mm256_loadu_ps(b + i) : _mm256_setzero_ps());
        _mm256_storeu_ps(y + i, v);
    }
}

F5_AVX2 static void ln_rows_avx2(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    ln_job *j = arg;
    for (int64_t r = r0; r < r1; r++) {
        const float *sc = j->scale ? j->scale + (r / j->N) * j->ld_mod : NULL;
        const float *sh = j->shift ? j->shift + (r / j->N) * j->ld_mod : NULL;
        ln_row_avx2(j->x + r * j->D, j->D, j->w, j->b, j->eps, sc, sh, j->y + r * j->D);
    }
}

/* The widest row loop the CPU, the context and the row length allow. */
static f5_range_fn ln_rows_for(const f5_kctx *k, int64_t D);

F5_SIMD_CLONES static void ln_rows(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    ln_job *j = arg;
    for (int64_t r = r0; r < r1; r++) {
        const float *sc = j->scale ? j->scale + (r / j->N) * j->ld_mod : NULL;
        const float *sh = j->shift ? j->shift + (r / j->N) * j->ld_mod : NULL;
        ln_row(j->x + r * j->D, j->D, j->w, j->b, j->eps, sc, sh, j->y + r * j->D);
    }
}

static f5_range_fn ln_rows_for(const f5_kctx *k, int64_t D) {
    f5_cpu_isa isa = f5_cpu_isa_for(k);
    if (D % 16 == 0 && isa >= F5_ISA_AVX512) return ln_rows_avx512;
    if (D % 8 == 0 && isa >= F5_ISA_AVX2) return ln_rows_avx2;
    return ln_rows;
}

void f5_layernorm_cpu(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                  float eps, float *y) {
    ln_job j = {.x = x, .y = y, .N = rows > 0 ? rows : 1, .D = D, .w = w, .b = b, .eps = eps};
    f5_threadpool_for(k->pool, rows, 8, ln_rows_for(k, D), &j);
}

void f5_adaln_cpu(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
              const float *shift, int64_t ld_mod, float eps, float *y) {
    ln_job j = {.x = x, .y = y, .N = N, .D = D, .scale = scale, .shift = shift, .ld_mod = ld_mod, .eps = eps};
    f5_threadpool_for(k->pool, B * N, 8, ln_rows_for(k, D), &j);
}

typedef struct gate_job {
    float *h;
    const float *a, *gate;
    int64_t N, D, ld_gate;
    const int32_t *lens;
    void (*row)(float *h, const float *g, const float *a, int64_t D);
} gate_job;

static void gate_row(float *h, const float *g, const float *a, int64_t D) {
    for (int64_t i = 0; i < D; i++) h[i] += g[i] * a[i];
}

F5_AVX512 static void gate_row_avx512(float *h, const float *g, const float *a, int64_t D) { /* D % 16 == 0 */
    for (int64_t i = 0; i < D; i += 16)
        _mm512_storeu_ps(h + i, _mm512_fmadd_ps(_mm512_loadu_ps(g + i), _mm512_loadu_ps(a + i), _mm512_loadu_ps(h + i)));
}

F5_AVX2 static void gate_row_avx2(float *h, const float *g, const float *a, int64_t D) { /* D % 8 == 0 */
    for (int64_t i = 0; i < D; i += 8)
        _mm256_storeu_ps(h + i, _mm256_fmadd_ps(_mm256_loadu_ps(g + i), _mm256_loadu_ps(a + i), _mm256_loadu_ps(h + i)));
}

static void gate_rows(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    gate_job *j = arg;
    for (int64_t r = r0; r < r1; r++) {
        int64_t b = r / j->N, n = r % j->N;
        if (j->lens && n >= j->lens[b]) continue;
        j->row(j->h + r * j->D, j->gate + b * j->ld_gate, j->a + r * j->D, j->D);
    }
}

void f5_gated_add_cpu(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate,
                  int64_t ld_gate, const int32_t *lens) {
    f5_cpu_isa isa = f5_cpu_isa_for(k);
    gate_job j = {h, a, gate, N, D, ld_gate, lens,
                  D % 16 == 0 && isa >= F5_ISA_AVX512 ? gate_row_avx512
                  : D % 8 == 0 && isa >= F5_ISA_AVX2  ? gate_row_avx2
                                                      : gate_row};
    f5_threadpool_for(k->pool, B * N, 8, gate_rows, &j);
}

typedef struct act_job {
    float *x;
    f5_act act;
} act_job;

F5_SIMD_CLONES static void act_range(void *arg, int64_t i0, int64_t i1, int worker) {
    (void)worker;
    act_job *j = arg;
    float *x = j->x;
    switch (j->act) {
    case F5_ACT_GELU_TANH: /* 0.5 x (1 + tanh(u)) = x / (1 + exp(-2u)) */
        for (int64_t i = i0; i < i1; i++) {
            float v = x[i];
            float u = 0.7978845608028654f * (v + 0.044715f * v * v * v);
            x[i] = v / (1.0f + f5_fast_expf(-2.0f * u));
        }
        break;
    case F5_ACT_SILU:
        for (int64_t i = i0; i < i1; i++) x[i] = x[i] / (1.0f + f5_fast_expf(-x[i]));
        break;
    default: f5_activation_ref(j->act, x + i0, i1 - i0); break;
    }
}

/* GELU (tanh form), SiLU and Mish 16 wide, picked at run time (the
 * feed-forward's GELU and the position convolutions' Mish are the large
 * elementwise passes of a step). GELU and SiLU as the baseline loop:
 * x / (1 + exp(-2u)), x / (1 + exp(-x)); Mish without log or tanh:
 * tanh(log(1 + e)) = n / (n + 2) with n = e (e + 2), e = exp(x), and
 * mish(x) = x beyond x = 20 (as the reference's softplus cut). */
F5_AVX512 static void mish_avx512(float *x, int64_t n) {
    const __m512 two = _mm512_set1_ps(2.0f), cut = _mm512_set1_ps(20.0f);
    for (int64_t i = 0; i < n; i += 16) {
        __mmask16 m = n - i >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (n - i)) - 1);
        __m512 v = _mm512_maskz_loadu_ps(m, x + i);
        __m512 e = f5_exp512(_mm512_min_ps(v, cut));
        __m512 q = _mm512_mul_ps(e, _mm512_add_ps(e, two));
        __m512 y = _mm512_mul_ps(v, _mm512_div_ps(q, _mm512_add_ps(q, two)));
        y = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(v, cut, _CMP_GT_OQ), y, v);
        _mm512_mask_storeu_ps(x + i, m, y);
    }
}

/* GELU with the exact erf (the text blocks'): erf by Abramowitz-Stegun
 * 7.1.26, |error| < 1.5e-7, odd-symmetric. */
F5_AVX512 static void gelu_erf_avx512(float *x, int64_t n) {
    const __m512 p = _mm512_set1_ps(0.3275911f), one = _mm512_set1_ps(1.0f), half = _mm512_set1_ps(0.5f),
                 rs2 = _mm512_set1_ps(0.70710678118654752f);
    const __m512 a1 = _mm512_set1_ps(0.254829592f), a2 = _mm512_set1_ps(-0.284496736f),
                 a3 = _mm512_set1_ps(1.421413741f), a4 = _mm512_set1_ps(-1.453152027f), a5 = _mm512_set1_ps(1.061405429f);
    for (int64_t i = 0; i < n; i += 16) {
        __mmask16 m = n - i >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (n - i)) - 1);
        __m512 v = _mm512_maskz_loadu_ps(m, x + i);
        __m512 z = _mm512_mul_ps(v, rs2), az = _mm512_abs_ps(z);
        __m512 t = _mm512_div_ps(one, _mm512_fmadd_ps(p, az, one));
        __m512 poly = _mm512_fmadd_ps(_mm512_fmadd_ps(_mm512_fmadd_ps(_mm512_fmadd_ps(a5, t, a4), t, a3), t, a2), t, a1);
        __m512 e = f5_exp512(_mm512_sub_ps(_mm512_setzero_ps(), _mm512_mul_ps(az, az)));
        __m512 erf_abs = _mm512_fnmadd_ps(_mm512_mul_ps(poly, t), e, one); /* 1 - poly t e^{-z^2} */
        __m512 erf = _mm512_mask_sub_ps(erf_abs, _mm512_cmp_ps_mask(z, _mm512_setzero_ps(), _CMP_LT_OQ),
                                        _mm512_setzero_ps(), erf_abs);
        _mm512_mask_storeu_ps(x + i, m, _mm512_mul_ps(_mm512_mul_ps(half, v), _mm512_add_ps(one, erf)));
    }
}

F5_AVX512 static void act_range_avx512(void *arg, int64_t i0, int64_t i1, int worker) {
    act_job *j = arg;
    if (j->act == F5_ACT_MISH) {
        mish_avx512(j->x + i0, i1 - i0);
        return;
    }
    if (j->act == F5_ACT_GELU_ERF) {
        gelu_erf_avx512(j->x + i0, i1 - i0);
        return;
    }
    if (j->act != F5_ACT_GELU_TANH && j->act != F5_ACT_SILU) {
        act_range(arg, i0, i1, worker);
        return;
    }
    float *x = j->x;
    const __m512 one = _mm512_set1_ps(1.0f), c0 = _mm512_set1_ps(-2.0f * 0.7978845608028654f),
                 c1 = _mm512_set1_ps(0.044715f), m1 = _mm512_set1_ps(-1.0f);
    bool gelu = j->act == F5_ACT_GELU_TANH;
    int64_t i = i0;
    for (; i + 16 <= i1; i += 16) {
        __m512 v = _mm512_loadu_ps(x + i), a;
        if (gelu) a = _mm512_mul_ps(c0, _mm512_fmadd_ps(_mm512_mul_ps(c1, v), _mm512_mul_ps(v, v), v));
        else a = _mm512_mul_ps(m1, v);
        _mm512_storeu_ps(x + i, _mm512_div_ps(v, _mm512_add_ps(one, f5_exp512(a))));
    }
    if (i < i1) act_range(arg, i, i1, worker);
}

/* The AVX-512 activations 8 wide (same formulas; tails through masked
 * loads and stores). */
F5_AVX2 static void act_range_avx2(void *arg, int64_t i0, int64_t i1, int worker) {
    (void)worker;
    act_job *j = arg;
    float *x = j->x;
    const __m256 one = _mm256_set1_ps(1.0f), two = _mm256_set1_ps(2.0f), half = _mm256_set1_ps(0.5f),
                 zero = _mm256_setzero_ps(), cut = _mm256_set1_ps(20.0f);
    const __m256 c0 = _mm256_set1_ps(-2.0f * 0.7978845608028654f), c1 = _mm256_set1_ps(0.044715f);
    const __m256 p = _mm256_set1_ps(0.3275911f), rs2 = _mm256_set1_ps(0.70710678118654752f),
                 sgn = _mm256_set1_ps(-0.0f);
    const __m256 a1 = _mm256_set1_ps(0.254829592f), a2 = _mm256_set1_ps(-0.284496736f),
                 a3 = _mm256_set1_ps(1.421413741f), a4 = _mm256_set1_ps(-1.453152027f), a5 = _mm256_set1_ps(1.061405429f);
    for (int64_t i = i0; i < i1; i += 8) {
        __m256i m = f5_lanes256(i1 - i >= 8 ? 8 : (int)(i1 - i));
        __m256 v = _mm256_maskload_ps(x + i, m), y;
        switch (j->act) {
        case F5_ACT_GELU_TANH:
            y = _mm256_div_ps(v, _mm256_add_ps(one, f5_exp256(_mm256_mul_ps(
                                                   c0, _mm256_fmadd_ps(_mm256_mul_ps(c1, v), _mm256_mul_ps(v, v), v)))));
            break;
        case F5_ACT_SILU: y = _mm256_div_ps(v, _mm256_add_ps(one, f5_exp256(_mm256_sub_ps(zero, v)))); break;
        case F5_ACT_MISH: {
            __m256 e = f5_exp256(_mm256_min_ps(v, cut));
            __m256 q = _mm256_mul_ps(e, _mm256_add_ps(e, two));
            y = _mm256_mul_ps(v, _mm256_div_ps(q, _mm256_add_ps(q, two)));
            y = _mm256_blendv_ps(y, v, _mm256_cmp_ps(v, cut, _CMP_GT_OQ));
            break;
        }
        default: { /* F5_ACT_GELU_ERF */
            __m256 z = _mm256_mul_ps(v, rs2), az = _mm256_andnot_ps(sgn, z);
            __m256 t = _mm256_div_ps(one, _mm256_fmadd_ps(p, az, one));
            __m256 poly =
                _mm256_fmadd_ps(_mm256_fmadd_ps(_mm256_fmadd_ps(_mm256_fmadd_ps(a5, t, a4), t, a3), t, a2), t, a1);
            __m256 e = f5_exp256(_mm256_sub_ps(zero, _mm256_mul_ps(az, az)));
            __m256 erf_abs = _mm256_fnmadd_ps(_mm256_mul_ps(poly, t), e, one);
            __m256 erf = _mm256_or_ps(erf_abs, _mm256_and_ps(sgn, z)); /* sign of z */
            y = _mm256_mul_ps(_mm256_mul_ps(half, v), _mm256_add_ps(one, erf));
            break;
        }
        }
        _mm256_maskstore_ps(x + i, m, y);
    }
}

void f5_activation_cpu(const f5_kctx *k, f5_act act, float *x, int64_t n) {
    act_job j = {x, act};
    f5_cpu_isa isa = f5_cpu_isa_for(k);
    bool avx2_has = act == F5_ACT_GELU_TANH || act == F5_ACT_SILU || act == F5_ACT_MISH || act == F5_ACT_GELU_ERF;
    f5_range_fn fn = isa >= F5_ISA_AVX512 ? act_range_avx512 : isa >= F5_ISA_AVX2 && avx2_has ? act_range_avx2 : act_range;
    f5_threadpool_for(k->pool, n, 4096, fn, &j);
}
