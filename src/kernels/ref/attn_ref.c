/* attn_ref.c - reference rotary embedding and softmax attention, full or
 * with a key length per batch element (double accumulation, one query row
 * at a time). */
#include "kernels/kernels.h"

#include <math.h>
#include <stdlib.h>

void f5_rope_ref(float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld, const float *cos_t,
                 const float *sin_t) {
    for (int64_t r = 0; r < B * N; r++) {
        int64_t n = r % N;
        for (int64_t h = 0; h < n_heads_rot; h++) {
            float *v = x + r * ld + h * dh;
            const float *c = cos_t + n * dh, *s = sin_t + n * dh;
            for (int64_t j = 0; j < dh; j += 2) {
                float a = v[j], bq = v[j + 1];
                v[j] = a * c[j] - bq * s[j];
                v[j + 1] = bq * c[j + 1] + a * s[j + 1];
            }
        }
    }
}

void f5_attention_ref(const float *q, const float *kk, const float *v, int64_t B, int64_t N, int64_t H, int64_t dh,
                      int64_t ld, float scale, float *o) {
    f5_attention_masked_ref(q, kk, v, B, N, H, dh, ld, scale, NULL, o);
}

void f5_attention_masked_ref(const float *q, const float *kk, const float *v, int64_t B, int64_t N, int64_t H,
                             int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o) {
    double *p = malloc((size_t)N * sizeof *p), *acc = malloc((size_t)dh * sizeof *acc);
    if (!p || !acc) { /* the reference is for tests: no error path, leave output untouched */
        free(p);
        free(acc);
        return;
    }
    for (int64_t b = 0; b < B; b++)
        for (int64_t h = 0; h < H; h++)
            for (int64_t i = 0; i < N; i++) {
                int64_t L = lens ? lens[b] : N; /* keys j < L; rows i >= L are 0 */
                if (i >= L) {
                    for (int64_t d = 0; d < dh; d++) o[(b * N + i) * ld + h * dh + d] = 0.0f;
                    continue;
                }
                const float *qi = q + (b * N + i) * ld + h * dh;
                double mx = -INFINITY, sum = 0;
                for (int64_t j = 0; j < L; j++) {
                    const float *kj = kk + (b * N + j) * ld + h * dh;
                    double s = 0;
                    for (int64_t d = 0; d < dh; d++) s += (double)qi[d] * kj[d];
                    p[j] = s * scale;
                    if (p[j] > mx) mx = p[j];
                }
                for (int64_t j = 0; j < L; j++) sum += (p[j] = exp(p[j] - mx));
                for (int64_t d = 0; d < dh; d++) acc[d] = 0;
                for (int64_t j = 0; j < L; j++) {
                    const float *vj = v + (b * N + j) * ld + h * dh;
                    for (int64_t d = 0; d < dh; d++) acc[d] += p[j] * vj[d];
                }
                for (int64_t d = 0; d < dh; d++) o[(b * N + i) * ld + h * dh + d] = (float)(acc[d] / sum);
            }
    free(p);
    free(acc);
}
