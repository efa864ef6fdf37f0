/* bench_gemm.c - the matrix-product rate this machine reaches at the DiT's
 * shapes, in fp32 and bf16, through the same kernels a step uses (our
 * pool splitting oneDNN products). `f5tts bench` prints it next to the
 * achieved step rate, so "how close to the limit" is measured in the same
 * run rather than remembered from another machine. */
#include "cli/bench.h"

#include "core/clock.h"
#include "core/error.h"
#include "core/threadpool.h"

#include <stdio.h>
#include <stdlib.h>

/* One shape: best of `reps` runs, GFLOP/s. */
static double time_linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N,
                          const float *b, float *y, int reps) {
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        double t0 = f5_now_s();
        f5_linear(k, x, M, K, W, N, b, y);
        double dt = f5_now_s() - t0;
        if (dt < best) best = dt;
    }
    return 2.0 * (double)M * (double)N * (double)K / best * 1e-9;
}

f5_status f5_bench_gemm_limits(const f5_dit_config *c, int64_t rows, int threads, bench_gemm_limits *out,
                               f5_error *err) {
    *out = (bench_gemm_limits){0};
    int64_t D = c->dim, A = (int64_t)c->heads * c->dim_head, F = D * c->ff_mult;
    struct { const char *name; int64_t K, N, per_block; } shapes[] = {
        {"qkv", D, A, 3}, {"out", A, D, 1}, {"ff1", D, F, 1}, {"ff2", F, D, 1}};
    int64_t maxK = F > A ? F : A, maxN = F > A ? F : A;
    if (D > maxK) maxK = D;
    if (D > maxN) maxN = D;
    float *x = malloc(sizeof(float) * (size_t)(rows * maxK)), *y = malloc(sizeof(float) * (size_t)(rows * maxN));
    float *W = malloc(sizeof(float) * (size_t)(maxK * maxN)), *b = calloc((size_t)maxN, sizeof(float));
    void *scratch = malloc((size_t)(rows * maxK) * 2);
    f5_threadpool *pool = NULL;
    f5_kpack *pack = NULL;
    f5_status st = F5_OK;
    if (!x || !y || !W || !b || !scratch) {
        st = f5_errf(err, F5_ERR_NOMEM, "bench --gemm: out of memory for %lld rows", (long long)rows);
        goto done;
    }
    for (int64_t i = 0; i < rows * maxK; i++) x[i] = (float)((i * 7919) % 1000) * 1e-3f - 0.5f;
    for (int64_t i = 0; i < maxK * maxN; i++) W[i] = (float)((i * 104729) % 1000) * 1e-3f - 0.5f;
    int nt = threads > 0 ? threads : f5_cpu_count();
    if ((st = f5_threadpool_create(nt, &pool, err))) goto done;
    out->threads = nt;
    for (int prec = 0; prec < 2; prec++) {
        f5_kctx k = {.backend = F5_BACKEND_CPU, .n_threads = nt, .pool = pool};
        if (prec == 1) {
            if (!f5_cpu_supports(F5_KPREC_BF16)) break;
            if ((st = f5_kpack_create(F5_BACKEND_CPU, F5_KPREC_BF16, &pack, err))) goto done;
            k.prec = F5_KPREC_BF16, k.pack = pack, k.scratch = scratch, k.scratch_bytes = (size_t)(rows * maxK) * 2;
        }
        double flop = 0, secs = 0;
        for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
            /* the same W for every shape: the pack finds it by address, so repack per shape */
            if (pack) {
                f5_kpack_free(pack);
                pack = NULL;
                if ((st = f5_kpack_create(F5_BACKEND_CPU, F5_KPREC_BF16, &pack, err)) ||
                    (st = f5_kpack_add(pack, W, shapes[s].N, shapes[s].K, err)))
                    goto done;
                k.pack = pack;
            }
            f5_linear(&k, x, rows, shapes[s].K, W, shapes[s].N, b, y); /* warm-up: primitives, pages */
            double g = time_linear(&k, x, rows, shapes[s].K, W, shapes[s].N, b, y, 3);
            out->shape_gflops[prec][s] = g;
            double f = 2.0 * (double)rows * (double)shapes[s].K * (double)shapes[s].N * (double)shapes[s].per_block;
            flop += f;
            secs += f / (g * 1e9);
        }
        out->gflops[prec] = flop / secs * 1e-9; /* the block's product mix at these rates */
    }
done:
    f5_kpack_free(pack);
    f5_threadpool_free(pool);
    free(x), free(y), free(W), free(b), free(scratch);
    return st;
}

const char *const f5_bench_gemm_shape_names[4] = {"qkv", "out", "ff1", "ff2"};
