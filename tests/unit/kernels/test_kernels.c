/* test_kernels.c - backend equivalence: every kernel of the cpu backend
 * against the reference backend, by NMSE, on random shapes including odd
 * sizes, with sentinel guards around every output buffer (a kernel writing
 * one float too many fails). Also a hand-checked value per op family so the
 * reference itself is pinned. */
#include "core/threadpool.h"
#include "kernels/kernels.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GUARD 16
#define SENTINEL 1234.5678f

static f5_threadpool *g_pool;
static f5_kctx g_cpu, g_ref;
static uint64_t g_seed = 0x12345678;

static float frand(void) {
    g_seed = g_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (float)((double)(g_seed >> 40) * 0x1p-24 * 2.0 - 1.0);
}
static int irand(int lo, int hi) { /* [lo, hi] */
    g_seed = g_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return lo + (int)((g_seed >> 33) % (uint64_t)(hi - lo + 1));
}

/* A buffer of n floats with GUARD sentinels on each side; returns the payload. */
static float *gbuf(size_t n) {
    float *p = malloc((n + 2 * GUARD) * sizeof *p);
    for (size_t i = 0; i < n + 2 * GUARD; i++) p[i] = SENTINEL;
    return p + GUARD;
}
static float *grand(size_t n, float scale) {
    float *p = gbuf(n);
    for (size_t i = 0; i < n; i++) p[i] = frand() * scale;
    return p;
}
static float *gcopy(const float *src, size_t n) {
    float *p = gbuf(n);
    memcpy(p, src, n * sizeof *p);
    return p;
}
static bool guards_ok(const float *p, size_t n) {
    for (int i = 1; i <= GUARD; i++)
        if (p[-i] != SENTINEL || p[n + (size_t)i - 1] != SENTINEL) return false;
    return true;
}
static void gfree(float *p) {
    if (p) free(p - GUARD);
}
static double nmse(const float *a, const float *b, size_t n) {
    double num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)a[i] - b[i];
        num += d * d;
        den += (double)b[i] * b[i];
    }
    return den > 0 ? num / den : num;
}

#define CHECK_EQUIV(what, got, ref, n, tol)                                                                      \
    do {                                                                                                         \
        double e_ = nmse(got, ref, n);                                                                           \
        CHECKF(e_ <= (tol) && isfinite(e_), "%s: NMSE %.3g > %.3g", what, e_, (double)(tol));                  \
        CHECKF(guards_ok(got, n), "%s: cpu output guard overwritten", what);                                   \
        CHECKF(guards_ok(ref, n), "%s: ref output guard overwritten", what);                                   \
    } while (0)

static void test_gemm(void) {
    for (int it = 0; it < 12; it++) {
        int M = irand(1, 70), N = irand(1, 90), K = irand(1, 130), pad = irand(0, 3);
        bool tb = it % 2;
        int lda = K + pad, ldb = (tb ? K : N) + pad, ldc = N + pad;
        float *A = grand((size_t)M * lda, 1), *B = grand((size_t)(tb ? N : K) * ldb, 1);
        float *C0 = grand((size_t)M * ldc, 1), *C1 = gcopy(C0, (size_t)M * ldc);
        float beta = it % 3 == 0 ? 0.5f : 0.0f;
        f5_gemm(&g_cpu, tb, M, N, K, 0.75f, A, lda, B, ldb, beta, C0, ldc);
        f5_gemm(&g_ref, tb, M, N, K, 0.75f, A, lda, B, ldb, beta, C1, ldc);
        CHECK_EQUIV("gemm", C0, C1, (size_t)M * ldc, 1e-10);
        gfree(A), gfree(B), gfree(C0), gfree(C1);
    }
    /* a big one that the cpu backend splits over the pool */
    int M = 301, N = 257, K = 129;
    float *A = grand((size_t)M * K, 1), *W = grand((size_t)N * K, 1), *b = grand((size_t)N, 1);
    float *y0 = gbuf((size_t)M * N), *y1 = gbuf((size_t)M * N);
    f5_linear(&g_cpu, A, M, K, W, N, b, y0);
    f5_linear_ref(A, M, K, W, N, b, y1);
    CHECK_EQUIV("linear 301x129->257", y0, y1, (size_t)M * N, 1e-10);
    f5_kctx nopool = {.backend = F5_BACKEND_CPU, .n_threads = 2, .pool = NULL}; /* oneDNN threads it */
    f5_linear(&nopool, A, M, K, W, N, b, y0);
    CHECK_EQUIV("linear without pool", y0, y1, (size_t)M * N, 1e-10);
    /* pinned value: [1 2] . [3 4] + 0.5 */
    float x2[2] = {1, 2}, w2[2] = {3, 4}, b2 = 0.5f, y2 = 0;
    f5_linear(&g_cpu, x2, 1, 2, w2, 1, &b2, &y2);
    CHECK_NEAR(y2, 11.5, 1e-6);
    gfree(A), gfree(W), gfree(b), gfree(y0), gfree(y1);
}

static void test_norms(void) {
    for (int it = 0; it < 8; it++) {
        /* the last two: row lengths the 16-wide path takes (the DiT's 1024, the text blocks' 512) */
        int B = irand(1, 3), N = irand(1, 40), D = it == 6 ? 1024 : it == 7 ? 512 : irand(2, 150);
        size_t n = (size_t)B * N * D;
        float *x = grand(n, 3), *w = grand((size_t)D, 1), *bb = grand((size_t)D, 1);
        float *y0 = gbuf(n), *y1 = gbuf(n);
        f5_layernorm(&g_cpu, x, (int64_t)B * N, D, it % 2 ? w : NULL, it % 2 ? bb : NULL, 1e-6f, y0);
        f5_layernorm(&g_ref, x, (int64_t)B * N, D, it % 2 ? w : NULL, it % 2 ? bb : NULL, 1e-6f, y1);
        CHECK_EQUIV("layernorm", y0, y1, n, 1e-11);
        float *mod = grand((size_t)B * 6 * D, 0.5f);
        f5_adaln(&g_cpu, x, B, N, D, mod + D, mod, 6 * D, 1e-6f, y0);
        f5_adaln(&g_ref, x, B, N, D, mod + D, mod, 6 * D, 1e-6f, y1);
        CHECK_EQUIV("adaln", y0, y1, n, 1e-11);
        int32_t lens[3] = {N, irand(0, N), irand(0, N)};
        float *h0 = gcopy(x, n), *h1 = gcopy(x, n);
        f5_gated_add(&g_cpu, h0, y0, B, N, D, mod + 2 * D, 6 * D, it % 2 ? lens : NULL);
        f5_gated_add(&g_ref, h1, y0, B, N, D, mod + 2 * D, 6 * D, it % 2 ? lens : NULL);
        CHECK_EQUIV("gated_add", h0, h1, n, 1e-14);
        if (it % 2 && B > 1 && lens[1] < N) /* masked rows untouched */
            CHECK(h0[((size_t)N + (size_t)lens[1]) * D] == x[((size_t)N + (size_t)lens[1]) * D]);
        gfree(x), gfree(w), gfree(bb), gfree(y0), gfree(y1), gfree(mod), gfree(h0), gfree(h1);
    }
    /* pinned: LN of [1, 3] = [-1, 1] (eps negligible) */
    float v[2] = {1, 3}, o[2];
    f5_layernorm(&g_cpu, v, 1, 2, NULL, NULL, 1e-12f, o);
    CHECK_NEAR(o[0], -1.0, 1e-5);
    CHECK_NEAR(o[1], 1.0, 1e-5);
}

static void test_activations(void) {
    const char *names[] = {"silu", "mish", "gelu_erf", "gelu_tanh"};
    for (int a = 0; a < 4; a++) {
        size_t n = (size_t)irand(1000, 5000) + 3;
        float *x = grand(n, 8), *x0 = gcopy(x, n), *x1 = gcopy(x, n);
        x0[0] = x1[0] = -100.0f, x0[1] = x1[1] = 100.0f, x0[2] = x1[2] = 0.0f; /* saturation ends */
        f5_activation(&g_cpu, (f5_act)a, x0, (int64_t)n);
        f5_activation(&g_ref, (f5_act)a, x1, (int64_t)n);
        CHECK_EQUIV(names[a], x0, x1, n, 1e-12);
        CHECKF(fabsf(x0[0]) < 1e-6f && fabsf(x0[1] - 100.0f) < 1e-3f, "%s saturation: %g %g", names[a], x0[0], x0[1]);
        gfree(x), gfree(x0), gfree(x1);
    }
    float g[1] = {1.0f};
    f5_activation(&g_ref, F5_ACT_GELU_ERF, g, 1);
    CHECK_NEAR(g[0], 0.8413447460685429, 1e-6);
    g[0] = 1.0f;
    f5_activation(&g_cpu, F5_ACT_SILU, g, 1);
    CHECK_NEAR(g[0], 0.7310585786300049, 1e-6);
}

static void test_conv(void) {
    struct {
        int Cin, Cout, K, groups;
    } cfg[] = {{8, 8, 7, 8}, {32, 32, 31, 16}, {6, 10, 3, 2}, {5, 7, 5, 1}, {64, 64, 31, 16}};
    for (size_t c = 0; c < sizeof cfg / sizeof *cfg; c++) {
        int T = irand(1, 45), pad = cfg[c].K / 2, Tout = T + 2 * pad - cfg[c].K + 1;
        float *x = grand((size_t)T * cfg[c].Cin, 1);
        float *W = grand((size_t)cfg[c].Cout * (cfg[c].Cin / cfg[c].groups) * cfg[c].K, 1), *b = grand(cfg[c].Cout, 1);
        size_t ns = f5_conv1d_scratch_floats(&g_cpu, T, cfg[c].Cin, cfg[c].Cout, cfg[c].K, cfg[c].groups, pad);
        float *scr = ns ? gbuf(ns) : NULL;
        float *y0 = gbuf((size_t)Tout * cfg[c].Cout), *y1 = gbuf((size_t)Tout * cfg[c].Cout);
        f5_conv1d(&g_cpu, x, T, cfg[c].Cin, W, cfg[c].Cout, cfg[c].K, cfg[c].groups, pad, b, y0, scr);
        f5_conv1d(&g_ref, x, T, cfg[c].Cin, W, cfg[c].Cout, cfg[c].K, cfg[c].groups, pad, b, y1, NULL);
        CHECK_EQUIV("conv1d", y0, y1, (size_t)Tout * cfg[c].Cout, 1e-10);
        if (scr) CHECK(guards_ok(scr, ns));
        gfree(x), gfree(W), gfree(b), gfree(y0), gfree(y1), gfree(scr);
    }
    /* pinned: depthwise [1 1 1] moving sum with zero padding */
    float x[4] = {1, 2, 3, 4}, w[3] = {1, 1, 1}, y[4];
    f5_conv1d(&g_cpu, x, 4, 1, w, 1, 3, 1, 1, NULL, y, NULL);
    CHECK(y[0] == 3 && y[1] == 6 && y[2] == 9 && y[3] == 7);
}

static void test_attention(void) {
    for (int it = 0; it < 4; it++) {
        int B = irand(1, 2), N = irand(1, 37), H = irand(1, 4), dh = 2 * irand(1, 8), ld = H * dh;
        size_t n = (size_t)B * N * ld;
        float *q = grand(n, 2), *k = grand(n, 2), *v = grand(n, 1);
        float *cs = grand((size_t)N * dh, 1), *sn = grand((size_t)N * dh, 1);
        float *q0 = gcopy(q, n), *q1 = gcopy(q, n);
        int nrot = irand(1, H);
        f5_rope(&g_cpu, q0, B, N, nrot, dh, ld, cs, sn);
        f5_rope(&g_ref, q1, B, N, nrot, dh, ld, cs, sn);
        CHECK_EQUIV("rope", q0, q1, n, 1e-14);
        size_t ns = f5_attention_scratch_floats(&g_cpu, N, H);
        float *scr = ns ? gbuf(ns) : NULL, *o0 = gbuf(n), *o1 = gbuf(n);
        f5_attention(&g_cpu, q, k, v, B, N, H, dh, ld, 0.3f, o0, scr);
        f5_attention(&g_ref, q, k, v, B, N, H, dh, ld, 0.3f, o1, NULL);
        CHECK_EQUIV("attention", o0, o1, n, 1e-11);
        if (scr) CHECK(guards_ok(scr, ns));
        gfree(q), gfree(k), gfree(v), gfree(cs), gfree(sn), gfree(q0), gfree(q1), gfree(scr), gfree(o0), gfree(o1);
    }
    /* pinned: one key -> output = its value; equal scores -> mean of values */
    float q[2] = {1, 0}, k[4] = {0, 0, 0, 0}, v[4] = {2, 4, 6, 8}, o[4], scr[64];
    f5_attention(&g_cpu, q, k, v, 1, 1, 1, 2, 2, 1.0f, o, scr);
    CHECK(o[0] == 2 && o[1] == 4);
    float q2[4] = {1, 0, 1, 0};
    f5_attention(&g_cpu, q2, k, v, 1, 2, 1, 2, 2, 1.0f, o, scr);
    CHECK_NEAR(o[0], 4.0, 1e-6);
    CHECK_NEAR(o[3], 6.0, 1e-6);
}

/* Masked attention (f5_attention_masked): element b of a padded batch must
 * equal element b run alone at N = lens[b], bit for bit (same arithmetic),
 * its rows >= lens[b] must be 0, and the padding's keys/values must not
 * matter (filled with huge values here). Backends: cpu fp32 (flash at dh
 * 64, two-GEMM path at dh 16), cpu bf16 where the CPU has it, and ref. */
static void test_attention_masked(void) {
    int dhs[] = {64, 16};
    int lens_sets[][3] = {{1, 65, 130}, {130, 37, 0}, {64, 63, 129}};
    f5_kctx kb = g_cpu;
    kb.prec = F5_KPREC_BF16;
    const f5_kctx *ctxs[] = {&g_cpu, &g_ref, &kb};
    const char *names[] = {"cpu fp32", "ref", "cpu bf16"};
    int n_ctx = f5_cpu_supports(F5_KPREC_BF16) ? 3 : 2;
    int checked = 0;
    for (size_t di = 0; di < 2; di++)
        for (size_t li = 0; li < 3; li++)
            for (int c = 0; c < n_ctx; c++) {
                int B = 3, N = 130, H = 2, dh = dhs[di], ld = H * dh;
                const int32_t lens[3] = {lens_sets[li][0], lens_sets[li][1], lens_sets[li][2]};
                size_t n = (size_t)B * N * ld;
                float *q = grand(n, 2), *k = grand(n, 2), *v = grand(n, 1);
                for (int b = 0; b < B; b++) /* padding keys and values that would dominate if they leaked */
                    for (int i = lens[b]; i < N; i++)
                        for (int d = 0; d < ld; d++) {
                            k[((size_t)b * N + i) * ld + d] = 50.0f;
                            v[((size_t)b * N + i) * ld + d] = 1e6f;
                        }
                size_t ns = f5_attention_scratch_floats(ctxs[c], N, H);
                float *scr = ns ? gbuf(ns) : NULL, *o = gbuf(n);
                f5_attention_masked(ctxs[c], q, k, v, B, N, H, dh, ld, 0.125f, lens, o, scr);
                CHECK(guards_ok(o, n));
                for (int b = 0; b < B; b++) {
                    int L = lens[b];
                    size_t nb = (size_t)(L > 0 ? L : 1) * ld;
                    float *os = gbuf(nb);
                    if (L > 0) {
                        size_t nss = f5_attention_scratch_floats(ctxs[c], L, H);
                        float *s2 = nss ? gbuf(nss) : NULL;
                        size_t off = (size_t)b * N * ld;
                        f5_attention(ctxs[c], q + off, k + off, v + off, 1, L, H, dh, ld, 0.125f, os, s2);
                        gfree(s2);
                        CHECKF(memcmp(os, o + off, (size_t)L * ld * sizeof *os) == 0,
                               "%s dh %d: element %d (len %d) differs from its solo run", names[c], dh, b, L);
                    }
                    int nonzero = 0;
                    for (int i = L; i < N; i++)
                        for (int d = 0; d < ld; d++) nonzero += o[((size_t)b * N + i) * ld + d] != 0.0f;
                    CHECKF(nonzero == 0, "%s dh %d: element %d has %d nonzero padded outputs", names[c], dh, b, nonzero);
                    gfree(os);
                    checked++;
                }
                gfree(q), gfree(k), gfree(v), gfree(scr), gfree(o);
            }
    printf("  masked attention: %d (backend, head size, element) cases equal their solo run bit for bit\n", checked);
}

/* The F5-TTS head size (64) takes the blocked online-softmax path where
 * AVX-512 is present: key counts around the 64-key block and the 32-row
 * query block, in fp32 and (where the CPU has it) bf16. */
#define BF16_ATTN_NMSE 1e-4
static void test_attention_dh64(void) {
    int Ns[] = {1, 5, 31, 63, 64, 65, 130, 301};
    double worst32 = 0, worst16 = 0;
    bool bf16 = f5_cpu_supports(F5_KPREC_BF16);
    for (size_t t = 0; t < sizeof Ns / sizeof *Ns; t++) {
        int B = 2, N = Ns[t], H = 3, dh = 64, ld = H * dh + 8;
        size_t n = (size_t)B * N * ld;
        float *q = grand(n, 2), *k = grand(n, 2), *v = grand(n, 1);
        float *cs = grand((size_t)N * dh, 1), *sn = grand((size_t)N * dh, 1);
        float *r0 = gcopy(q, n), *r1 = gcopy(q, n);
        f5_rope(&g_cpu, r0, B, N, H - 1, dh, ld, cs, sn);
        f5_rope(&g_ref, r1, B, N, H - 1, dh, ld, cs, sn);
        CHECK_EQUIV("rope dh64", r0, r1, n, 1e-13);
        gfree(cs), gfree(sn), gfree(r0), gfree(r1);
        size_t ns = f5_attention_scratch_floats(&g_cpu, N, H);
        float *scr = gbuf(ns), *o0 = gcopy(q, n), *o1 = gcopy(q, n);
        f5_attention(&g_cpu, q, k, v, B, N, H, dh, ld, 0.125f, o0, scr);
        f5_attention(&g_ref, q, k, v, B, N, H, dh, ld, 0.125f, o1, NULL);
        char what[64];
        snprintf(what, sizeof what, "attention dh64 N=%d", N);
        double e = nmse(o0, o1, n);
        if (e > worst32) worst32 = e;
        CHECK_EQUIV(what, o0, o1, n, 1e-11);
        CHECK(guards_ok(scr, ns));
        if (bf16) {
            f5_kctx kb = g_cpu;
            kb.prec = F5_KPREC_BF16;
            float *o2 = gcopy(q, n);
            f5_attention(&kb, q, k, v, B, N, H, dh, ld, 0.125f, o2, scr);
            e = nmse(o2, o1, n);
            if (e > worst16) worst16 = e;
            snprintf(what, sizeof what, "bf16 attention dh64 N=%d", N);
            CHECK_EQUIV(what, o2, o1, n, BF16_ATTN_NMSE);
            CHECK(guards_ok(scr, ns));
            gfree(o2);
        }
        gfree(q), gfree(k), gfree(v), gfree(scr), gfree(o0), gfree(o1);
    }
    printf("  attention dh 64: worst NMSE fp32 %.3g (bound 1e-11), bf16 %.3g (bound %g)%s\n", worst32, worst16,
           BF16_ATTN_NMSE, bf16 ? "" : " [bf16 not run: no AVX512-BF16/AMX]");
}

/* bf16 products: packed weights, rounded activations, fp32 accumulation.
 * Rounding both operands to 8 mantissa bits gives a relative error of
 * about 2^-9 per product; over K terms of random sign the NMSE stays near
 * 1e-5, so 1e-4 catches a wrong layout or row block (NMSE ~1). */
#define BF16_LINEAR_NMSE 1e-4
static void test_linear_bf16(void) {
    if (!f5_cpu_supports(F5_KPREC_BF16)) {
        TEST_SKIP("this CPU has neither AVX512-BF16 nor AMX");
        return;
    }
    f5_kpack *pack = NULL;
    CHECK(f5_kpack_create(F5_BACKEND_CPU, F5_KPREC_BF16, &pack, NULL) == F5_OK);
    if (!pack) return;
    int shapes[][3] = {{301, 129, 257}, {2812, 64, 48}, {17, 1024, 96}, {50, 712, 1024}, {1000, 33, 7}, {3, 64, 64}, {256, 1024, 1024}, {96, 64, 32}};
    double worst = 0;
    enum { NS = sizeof shapes / sizeof *shapes };
    float *Ws[NS]; /* kept until the pack is freed: it finds weights by address */
    for (size_t s = 0; s < NS; s++) {
        int M = shapes[s][0], K = shapes[s][1], N = shapes[s][2];
        float *x = grand((size_t)M * K, 1), *W = Ws[s] = grand((size_t)N * K, 1), *b = grand((size_t)N, 1);
        float *y0 = gbuf((size_t)M * N), *y1 = gbuf((size_t)M * N);
        CHECK(f5_kpack_add(pack, W, N, K, NULL) == F5_OK);
        size_t sb = (size_t)M * K * 2;
        void *scr = malloc(sb);
        f5_kctx kb = g_cpu;
        kb.prec = F5_KPREC_BF16, kb.pack = pack, kb.scratch = scr, kb.scratch_bytes = sb;
        f5_linear(&kb, x, M, K, W, N, s % 2 ? NULL : b, y0);
        f5_linear_ref(x, M, K, W, N, s % 2 ? NULL : b, y1);
        double e = nmse(y0, y1, (size_t)M * N);
        if (e > worst) worst = e;
        char what[64];
        snprintf(what, sizeof what, "bf16 linear %dx%d->%d", M, K, N);
        CHECK_EQUIV(what, y0, y1, (size_t)M * N, BF16_LINEAR_NMSE);
        free(scr);
        gfree(x), gfree(b), gfree(y0), gfree(y1);
    }
    CHECK(f5_kpack_count(pack) == NS);
    printf("  bf16 linear: worst NMSE %.3g (bound %g), %lld packed matrices, %zu bytes\n", worst, BF16_LINEAR_NMSE,
           (long long)f5_kpack_count(pack), f5_kpack_bytes(pack));
    /* C = A B^T into one 64-column slice of a wider C (the grouped
     * convolutions' pattern: row stride ldc != N), B packed */
    int M = 300, K = 124, N = 64, ldc = 4 * N;
    float *A = grand((size_t)M * K, 1), *Bw = grand((size_t)N * K, 1);
    float *C0 = grand((size_t)M * ldc, 1), *C1 = gcopy(C0, (size_t)M * ldc);
    CHECK(f5_kpack_add(pack, Bw, N, K, NULL) == F5_OK);
    size_t sb = (size_t)M * K * 2 + 64 + (size_t)M * N * 4;
    void *scr = malloc(sb);
    f5_kctx kb = g_cpu;
    kb.prec = F5_KPREC_BF16, kb.pack = pack, kb.scratch = scr, kb.scratch_bytes = sb;
    f5_gemm(&kb, true, M, N, K, 1.0f, A, K, Bw, K, 0.0f, C0 + N, ldc);
    f5_gemm_ref(true, M, N, K, 1.0f, A, K, Bw, K, 0.0f, C1 + N, ldc);
    CHECK_EQUIV("bf16 gemm, strided C", C0, C1, (size_t)M * ldc, BF16_LINEAR_NMSE);
    bool untouched = true; /* the columns outside the slice keep their values */
    for (int m = 0; m < M; m++)
        for (int c = 0; c < ldc; c++)
            if ((c < N || c >= 2 * N) && C0[(size_t)m * ldc + c] != C1[(size_t)m * ldc + c]) untouched = false;
    CHECK(untouched);
    free(scr);
    gfree(A), gfree(C0), gfree(C1);
    f5_kpack_free(pack);
    gfree(Bw);
    for (size_t s = 0; s < NS; s++) gfree(Ws[s]);
}

static void test_threadpool(void) {
    f5_threadpool *p = NULL;
    CHECK(f5_threadpool_create(0, &p, NULL) == F5_ERR_INVALID_ARG);
    CHECK(f5_threadpool_size(NULL) == 1);
}

int main(void) {
    if (f5_threadpool_create(3, &g_pool, NULL) != F5_OK) return 1;
    g_cpu = (f5_kctx){.backend = F5_BACKEND_CPU, .n_threads = 3, .pool = g_pool};
    g_ref = (f5_kctx){.backend = F5_BACKEND_REF, .n_threads = 1, .pool = NULL};
    t_case cases[] = {TEST(test_gemm), TEST(test_norms), TEST(test_activations), TEST(test_conv),
                      TEST(test_attention), TEST(test_attention_masked), TEST(test_attention_dh64), TEST(test_linear_bf16), TEST(test_threadpool)};
    /* Every cpu path on this machine: the best level the CPU has, then
     * capped to AVX2+FMA and to the baseline (where the CPU has less, the
     * capped runs repeat a lower level: still a valid check). */
    f5_cpu_isa levels[] = {F5_ISA_BEST, F5_ISA_AVX2, F5_ISA_BASE};
    int rc = 0;
    for (size_t l = 0; l < sizeof levels / sizeof *levels; l++) {
        g_cpu.isa_max = levels[l];
        printf("cpu kernels at isa %s (runs as %s)\n", f5_cpu_isa_name(levels[l]), f5_cpu_isa_name(f5_cpu_isa_for(&g_cpu)));
        rc |= t_run(cases, (int)(sizeof cases / sizeof *cases));
    }
    f5_threadpool_free(g_pool);
    return rc;
}
