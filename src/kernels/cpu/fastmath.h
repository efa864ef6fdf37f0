/* fastmath.h - vectorisable float approximations used by the cpu kernels:
 * exp by Cody-Waite range reduction + degree-6 polynomial (~2 ulp over the
 * clamped range [-87, 88]); written branch-free (selects, integer bit
 * building) so GCC vectorises the loops that call it. Results differ from
 * libm in the last bits only. */
#ifndef F5_KERNELS_FASTMATH_H
#define F5_KERNELS_FASTMATH_H

#include <stdint.h>

static inline float f5_fast_expf(float x) {
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    /* round to nearest by the 1.5*2^23 trick: no libm call */
    float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    float r = x - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    union {
        int32_t i;
        float f;
    } s;
    s.i = ((int32_t)n + 127) << 23;
    return p * s.f;
}

#endif
