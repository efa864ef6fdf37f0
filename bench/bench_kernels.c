/* bench_kernels.c - kernel micro-benchmarks at the DiT's shapes: the cpu
 * backend's GEMM (oneDNN, split over our pool) vs OpenBLAS sgemm, softmax
 * attention, and the elementwise kernels. Reports wall and CPU time
 * (the CPU time stays meaningful on a shared machine) and GFLOP/s.
 *     bench_kernels [--threads N] [--frames N] [--reps R]
 */
#include "core/threadpool.h"
#include "core/clock.h"
#include "kernels/kernels.h"

#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>


static float *rnd(size_t n, unsigned s) {
    float *p = malloc(n * sizeof *p);
    for (size_t i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        p[i] = (float)((s >> 8) * (1.0 / 16777216.0) - 0.5);
    }
    return p;
}

static void report(const char *what, double flops, double w, double c, int reps) {
    printf("%-44s %9.2f ms/call  cpu %9.2f ms/call  %7.1f GFLOP/s (wall)  %7.1f GFLOP/cpu-s\n", what, w / reps * 1e3,
           c / reps * 1e3, flops * reps / w * 1e-9, flops * reps / c * 1e-9);
}

int main(int argc, char **argv) {
    int threads = f5_cpu_count(), frames = 1406, reps = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--frames")) frames = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--reps")) reps = atoi(argv[i + 1]);
    }
    f5_threadpool *pool = NULL;
    if (f5_threadpool_create(threads, &pool, NULL) != F5_OK) return 1;
    f5_kctx k = {.backend = F5_BACKEND_CPU, .n_threads = threads, .pool = pool};
    int64_t M = 2 * (int64_t)frames; /* CFG-packed rows */
    struct {
        const char *name;
        int64_t K, N;
    } shapes[] = {{"qkv/out 1024x1024", 1024, 1024}, {"ff1 1024->2048", 1024, 2048}, {"ff2 2048->1024", 2048, 1024}};
    printf("threads %d, frames %d (M = %lld rows), %d reps\n", threads, frames, (long long)M, reps);
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        int64_t K = shapes[s].K, N = shapes[s].N;
        float *x = rnd((size_t)(M * K), 1), *W = rnd((size_t)(N * K), 2), *y = malloc((size_t)(M * N) * sizeof *y);
        double fl = 2.0 * M * N * K;
        f5_linear(&k, x, M, K, W, N, NULL, y); /* warm-up */
        double w0 = f5_now_s(), c0 = f5_cpu_s();
        for (int r = 0; r < reps; r++) f5_linear(&k, x, M, K, W, N, NULL, y);
        char name[96];
        snprintf(name, sizeof name, "f5_linear cpu (oneDNN) %s", shapes[s].name);
        report(name, fl, f5_now_s() - w0, f5_cpu_s() - c0, reps);
        openblas_set_num_threads(threads);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)M, (int)N, (int)K, 1.0f, x, (int)K, W, (int)K, 0.0f,
                    y, (int)N);
        w0 = f5_now_s(), c0 = f5_cpu_s();
        for (int r = 0; r < reps; r++)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)M, (int)N, (int)K, 1.0f, x, (int)K, W, (int)K,
                        0.0f, y, (int)N);
        snprintf(name, sizeof name, "OpenBLAS sgemm %s", shapes[s].name);
        report(name, fl, f5_now_s() - w0, f5_cpu_s() - c0, reps);
        free(x);
        free(W);
        free(y);
    }
    {
        int64_t H = 16, dh = 64, ld = H * dh, Nf = frames;
        float *q = rnd((size_t)(2 * Nf * ld), 3), *kk = rnd((size_t)(2 * Nf * ld), 4), *v = rnd((size_t)(2 * Nf * ld), 5);
        float *o = malloc((size_t)(2 * Nf * ld) * sizeof *o);
        float *sc = malloc(f5_attention_scratch_floats(&k, Nf, H) * sizeof *sc);
        double fl = 2.0 * 2 * H * 2.0 * Nf * Nf * dh;
        f5_attention(&k, q, kk, v, 2, Nf, H, dh, ld, 0.125f, o, sc);
        double w0 = f5_now_s(), c0 = f5_cpu_s();
        for (int r = 0; r < reps; r++) f5_attention(&k, q, kk, v, 2, Nf, H, dh, ld, 0.125f, o, sc);
        report("f5_attention cpu (2 x 16 heads)", fl, f5_now_s() - w0, f5_cpu_s() - c0, reps);
        /* fresh inputs each rep (repeated GELU would drift into denormals); the copy is timed too */
        float *src = rnd((size_t)(2 * Nf * ld), 6);
        for (size_t i = 0; i < (size_t)(2 * Nf * ld); i++) src[i] *= 6.0f;
        w0 = f5_now_s(), c0 = f5_cpu_s();
        for (int r = 0; r < reps; r++) {
            memcpy(o, src, (size_t)(2 * Nf * ld) * sizeof *o);
            f5_activation(&k, F5_ACT_GELU_TANH, o, 2 * Nf * ld);
        }
        report("f5_activation gelu_tanh (elements as flops)", (double)(2 * Nf * ld), f5_now_s() - w0, f5_cpu_s() - c0, reps);
        w0 = f5_now_s(), c0 = f5_cpu_s();
        for (int r = 0; r < reps; r++) f5_layernorm(&k, src, 2 * Nf, ld, NULL, NULL, 1e-6f, o);
        report("f5_layernorm (elements as flops)", (double)(2 * Nf * ld), f5_now_s() - w0, f5_cpu_s() - c0, reps);
        free(q);
        free(kk);
        free(v);
        free(o);
        free(sc);
        free(src);
    }
    f5_threadpool_free(pool);
    return 0;
}
