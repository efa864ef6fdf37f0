/* rng.h - our own seedable Gaussian noise, identical on every platform.
 *
 * xoshiro256** seeded through splitmix64, standard normals by the
 * Box-Muller transform computed in double (both values of a pair used, in
 * order). Not torch's RNG: the same seed gives the same noise in every
 * build of f5tts, not the noise upstream would draw.
 */
#ifndef F5_MODEL_RNG_H
#define F5_MODEL_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct f5_rng {
    uint64_t s[4];
    double spare;  /* second Box-Muller value */
    int has_spare;
} f5_rng;

void f5_rng_seed(f5_rng *r, uint64_t seed);
uint64_t f5_rng_next(f5_rng *r);
double f5_rng_uniform(f5_rng *r);  /* [0,1), 53 bits */
double f5_rng_normal(f5_rng *r);   /* N(0,1) */
/* out[0..n) = successive N(0,1) draws of a generator seeded with seed
 * (so a shorter draw is a prefix of a longer one). */
void f5_rng_fill_normal(uint64_t seed, float *out, size_t n);

#endif
