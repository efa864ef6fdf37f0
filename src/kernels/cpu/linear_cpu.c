/* linear_cpu.c - Linear and GEMM on the cpu backend through oneDNN's
 * row-major sgemm (OpenMP-threaded inside oneDNN), bias added after by the
 * thread pool. */
#include "kernels/cpu/cpu_kernels.h"

#include "core/threadpool.h"
#include "kernels/cpu/simd.h"

#include <oneapi/dnnl/dnnl.h>

/* oneDNN (OpenMP build) would thread each GEMM with spinning OpenMP
 * workers; on a shared or oversubscribed machine those spin-waits dominate.
 * We pin oneDNN to one thread per calling thread and split each GEMM into
 * row (or column) blocks over our own pool, whose workers sleep when idle.
 * libgomp is loaded by oneDNN; the weak reference sets the per-thread
 * OpenMP thread count without a hard link dependency on it. */
extern void omp_set_num_threads(int n) __attribute__((weak));

typedef struct gemm_job {
    bool trans_b, split_rows;
    int64_t M, N, K, lda, ldb, ldc, parts;
    int omp_threads; /* oneDNN's own threads per call: 1 under our pool */
    float alpha, beta;
    const float *A, *B;
    float *C;
} gemm_job;

static void sgemm1(const gemm_job *j, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
    const float *A = j->A + m0 * j->lda;
    const float *B = j->trans_b ? j->B + n0 * j->ldb : j->B + n0;
    float *C = j->C + m0 * j->ldc + n0;
    if (dnnl_sgemm('N', j->trans_b ? 'T' : 'N', m1 - m0, n1 - n0, j->K, j->alpha, A, j->lda, B, j->ldb, j->beta, C,
                   j->ldc) != dnnl_success)
        f5_gemm_ref(j->trans_b, m1 - m0, n1 - n0, j->K, j->alpha, A, j->lda, B, j->ldb, j->beta, C, j->ldc);
}

static void gemm_parts(void *arg, int64_t p0, int64_t p1, int worker) {
    (void)worker;
    gemm_job *j = arg;
    if (omp_set_num_threads) omp_set_num_threads(j->omp_threads);
    for (int64_t p = p0; p < p1; p++) {
        if (j->split_rows) {
            /* row blocks, multiples of 8 where possible */
            int64_t step = ((j->M + j->parts - 1) / j->parts + 7) / 8 * 8;
            int64_t m0 = p * step, m1 = m0 + step > j->M ? j->M : m0 + step;
            if (m0 < m1) sgemm1(j, m0, m1, 0, j->N);
        } else {
            int64_t step = ((j->N + j->parts - 1) / j->parts + 15) / 16 * 16;
            int64_t n0 = p * step, n1 = n0 + step > j->N ? j->N : n0 + step;
            if (n0 < n1) sgemm1(j, 0, j->M, n0, n1);
        }
    }
}

void f5_gemm_cpu(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
             int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        f5_gemm_ref(trans_b, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
        return;
    }
    gemm_job j = {.trans_b = trans_b, .M = M, .N = N, .K = K, .lda = lda, .ldb = ldb, .ldc = ldc, .alpha = alpha,
                  .beta = beta, .A = A, .B = B, .C = C};
    if (!k->pool) {
        /* no pool (e.g. a vocoder context): let oneDNN thread the call itself with n_threads */
        j.omp_threads = k->n_threads > 1 ? k->n_threads : 1;
        j.split_rows = true;
        j.parts = 1;
        gemm_parts(&j, 0, 1, 0);
        return;
    }
    j.omp_threads = 1;
    int64_t np = f5_threadpool_size(k->pool);
    if (np > 1 && (double)M * (double)N * (double)K < 2e5) np = 1; /* too small to be worth a wake-up */
    j.split_rows = M >= 8 * np || M >= N;
    j.parts = np;
    f5_threadpool_for(np > 1 ? k->pool : NULL, np, 1, gemm_parts, &j);
}

typedef struct bias_job {
    float *y;
    const float *b;
    int64_t N;
} bias_job;

F5_SIMD_CLONES static void bias_rows(void *arg, int64_t r0, int64_t r1, int worker) {
    (void)worker;
    bias_job *j = arg;
    for (int64_t m = r0; m < r1; m++) {
        float *yr = j->y + m * j->N;
        for (int64_t n = 0; n < j->N; n++) yr[n] += j->b[n];
    }
}

void f5_linear_cpu(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
               float *y) {
    f5_gemm_cpu(k, true, M, N, K, 1.0f, x, K, W, K, 0.0f, y, N);
    if (b) {
        bias_job j = {y, b, N};
        f5_threadpool_for(k->pool, M, 16, bias_rows, &j);
    }
}
