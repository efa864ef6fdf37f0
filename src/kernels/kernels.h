/* kernels.h - the numeric kernels the models are built from.
 *
 * One interface, several backends: ref/ (plain C, the numeric spec, slow and
 * obviously right), cpu/ (BLAS/oneDNN + SIMD + threads), cuda/ (later). The
 * caller passes an f5_kctx that says which backend and how many threads.
 * All tensors are float32, row-major, contiguous.
 */
#ifndef F5_KERNELS_H
#define F5_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum f5_backend { F5_BACKEND_REF = 0, F5_BACKEND_CPU, F5_BACKEND_CUDA } f5_backend;

typedef struct f5_kctx {
    f5_backend backend;
    int n_threads; /* >= 1 */
} f5_kctx;

/* y[M,N] = x[M,K] · W[N,K]^T + b[N] (b may be NULL). PyTorch Linear layout. */
void f5_linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
               float *y);

/* Reference implementation (double accumulation), used by tests and the ref backend. */
void f5_linear_ref(const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b, float *y);

#endif
