/* avx512_math.h - 16-wide float approximations for the AVX-512 kernels
 * (only ever called from functions built with the matching target
 * attribute, after a run-time check that the CPU has AVX-512F).
 * exp: 2^(x log2 e) = 2^n * p(f) with |f| <= 1/2 and p a degree-6 Taylor
 * polynomial of 2^f (relative error < 2e-7); 2^n applied by VSCALEFPS, so
 * large negative inputs (and -inf) underflow to 0 and large positive ones
 * saturate at +inf without integer overflow tricks. */
#ifndef F5_KERNELS_AVX512_MATH_H
#define F5_KERNELS_AVX512_MATH_H

#include <immintrin.h>

#define F5_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,fma")))
#define F5_AVX512_BF16 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,fma,avx512bf16")))

F5_AVX512 static inline __m512 f5_exp512(__m512 x) {
    __m512 t = _mm512_mul_ps(x, _mm512_set1_ps(1.4426950408889634f));
    t = _mm512_min_ps(_mm512_max_ps(t, _mm512_set1_ps(-150.0f)), _mm512_set1_ps(150.0f));
    __m512 n = _mm512_roundscale_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 f = _mm512_sub_ps(t, n);
    __m512 p = _mm512_set1_ps(1.5403530393381609e-4f);
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.3333558146428443e-3f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(9.6181291076284772e-3f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(5.5504108664821580e-2f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(2.4022650695910071e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(6.9314718055994531e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(p, n);
}

#endif
