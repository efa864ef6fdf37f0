/* rng.c - xoshiro256** seeded by splitmix64; Box-Muller normals in double.
 * Only integer arithmetic and libm log/sqrt/cos/sin of doubles are used,
 * so the stream is the same on every IEEE platform. */
#include "model/rng.h"

#include <math.h>

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void f5_rng_seed(f5_rng *r, uint64_t seed) {
    uint64_t x = seed;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
    r->has_spare = 0;
    r->spare = 0;
}

uint64_t f5_rng_next(f5_rng *r) {
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double f5_rng_uniform(f5_rng *r) { return (double)(f5_rng_next(r) >> 11) * 0x1p-53; }

double f5_rng_normal(f5_rng *r) {
    if (r->has_spare) {
        r->has_spare = 0;
        return r->spare;
    }
    double u1 = 1.0 - f5_rng_uniform(r); /* (0, 1]: log is finite */
    double u2 = f5_rng_uniform(r);
    double rad = sqrt(-2.0 * log(u1)), th = 6.283185307179586476925 * u2;
    r->spare = rad * sin(th);
    r->has_spare = 1;
    return rad * cos(th);
}

void f5_rng_fill_normal(uint64_t seed, float *out, size_t n) {
    f5_rng r;
    f5_rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) out[i] = (float)f5_rng_normal(&r);
}
