/* avx2_math.h - 8-wide float approximations for the AVX2+FMA kernels (only
 * called from functions built with F5_AVX2, after a run-time check that
 * the CPU has AVX2 and FMA). exp is the AVX-512 one of avx512_math.h (the
 * same degree-6 polynomial of 2^f, |f| <= 1/2), with 2^n built in the
 * exponent bits since AVX2 has no VSCALEFPS: n is clamped to [-127, 127],
 * so inputs below about -88 (and -inf) give exactly 0. */
#ifndef F5_KERNELS_AVX2_MATH_H
#define F5_KERNELS_AVX2_MATH_H

#include <immintrin.h>

#define F5_AVX2 __attribute__((target("avx2,fma")))

F5_AVX2 static inline __m256 f5_exp256(__m256 x) {
    __m256 t = _mm256_mul_ps(x, _mm256_set1_ps(1.4426950408889634f));
    t = _mm256_min_ps(_mm256_max_ps(t, _mm256_set1_ps(-127.0f)), _mm256_set1_ps(127.0f)); /* NaN -> -127 */
    __m256 n = _mm256_round_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 f = _mm256_sub_ps(t, n);
    __m256 p = _mm256_set1_ps(1.5403530393381609e-4f);
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.3333558146428443e-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(9.6181291076284772e-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(5.5504108664821580e-2f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(2.4022650695910071e-1f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(6.9314718055994531e-1f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f));
    __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

/* Horizontal max and sum of 8 lanes. */
F5_AVX2 static inline float f5_hmax256(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

F5_AVX2 static inline float f5_hsum256(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/* Lanes [0, n) set (n clamped to 0..8), for masked loads and blends. */
F5_AVX2 static inline __m256i f5_lanes256(int n) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

#endif
