/* test_colmm.c - the column-major product descriptors the cuda backend
 * gives cuBLASLt (kernels/colmm.c), executed on the CPU by a reference
 * column-major GEMM with cuBLAS's semantics, against the reference kernels:
 * Linear, GEMM in both layouts with strides/alpha/beta, and the bf16
 * attention's two batched products around the row softmax, replayed exactly
 * as cuda_attn_gemm.cu loops (per batch element, masked lengths, padded
 * score rows). A layout mistake here would be a wrong answer on the GPU. */
#include "kernels/colmm.h"
#include "kernels/kernels.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t g_seed = 0x5eed;
static float frand(void) {
    g_seed = g_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (float)((double)(g_seed >> 40) * 0x1p-24 * 2.0 - 1.0);
}
static float *hrand(size_t n) {
    float *p = malloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; i < n; i++) p[i] = frand();
    return p;
}
static double rel_l2(const float *a, const float *b, size_t n) {
    double num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
        num += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        den += (double)b[i] * b[i];
    }
    return den > 0 ? sqrt(num / den) : sqrt(num);
}

static void test_linear(void) {
    int M = 37, K = 53, N = 29;
    float *x = hrand((size_t)M * K), *W = hrand((size_t)N * K), *y = hrand((size_t)M * N), *ref = malloc((size_t)M * N * 4);
    f5_linear_ref(x, M, K, W, N, NULL, ref);
    f5_colmm mm = f5_colmm_linear(x, M, K, W, N, y);
    f5_colmm_run_ref(&mm);
    double r = rel_l2(y, ref, (size_t)M * N);
    printf("  linear %dx%dx%d rel_l2 %.2e\n", M, K, N, r);
    CHECK(r < 1e-6);
    free(x), free(W), free(y), free(ref);
}

static void test_gemm(void) {
    int M = 19, N = 23, K = 31, lda = K + 3, ldc = N + 5;
    for (int tb = 0; tb < 2; tb++) {
        int ldb = tb ? K + 2 : N + 4;
        float *A = hrand((size_t)M * lda), *B = hrand((size_t)(tb ? N : K) * ldb), *C = hrand((size_t)M * ldc);
        float *ref = malloc((size_t)M * ldc * 4);
        memcpy(ref, C, (size_t)M * ldc * 4);
        f5_gemm_ref(tb, M, N, K, 0.75f, A, lda, B, ldb, -0.5f, ref, ldc);
        f5_colmm mm = f5_colmm_gemm(tb, M, N, K, 0.75f, A, lda, B, ldb, -0.5f, C, ldc);
        f5_colmm_run_ref(&mm);
        double r = rel_l2(C, ref, (size_t)M * ldc); /* the padding columns must stay untouched too */
        printf("  gemm%s %dx%dx%d rel_l2 %.2e\n", tb ? " B^T" : "", M, K, N, r);
        CHECK(r < 1e-6);
        free(A), free(B), free(C), free(ref);
    }
}

/* cuda_attn_gemm.cu's loop, on the CPU: scores, softmax over each padded row, P V. */
static void attention_by_products(const float *q, const float *kk, const float *v, int B, int N, int H, int dh,
                                  int ld, float scale, const int32_t *lens, float *o) {
    int Lmax = 0;
    for (int b = 0; b < B; b++) Lmax = (lens ? lens[b] : N) > Lmax ? (lens ? lens[b] : N) : Lmax;
    int Lpm = (Lmax + 7) / 8 * 8;
    float *S = malloc((size_t)H * (Lmax ? Lmax : 1) * Lpm * 4), *P = malloc((size_t)H * (Lmax ? Lmax : 1) * Lpm * 4);
    for (int b = 0; b < B; b++) {
        int L = lens ? lens[b] : N, Lp = (L + 7) / 8 * 8;
        float *ob = o + (size_t)b * N * ld;
        memset(ob + (size_t)L * ld, 0, (size_t)(N - L) * ld * 4);
        if (L == 0) continue;
        const float *Q = q + (size_t)b * N * ld, *K = kk + (size_t)b * N * ld, *V = v + (size_t)b * N * ld;
        f5_colmm s1 = f5_colmm_scores(Q, K, L, H, dh, ld, scale, S, Lp);
        f5_colmm_run_ref(&s1);
        for (int h = 0; h < H; h++)
            for (int i = 0; i < L; i++) {
                const float *sr = S + ((size_t)h * L + i) * Lp;
                float *pr = P + ((size_t)h * L + i) * Lp;
                float mx = -INFINITY;
                double sum = 0;
                for (int j = 0; j < L; j++) mx = sr[j] > mx ? sr[j] : mx;
                for (int j = 0; j < L; j++) sum += exp((double)sr[j] - mx);
                for (int j = 0; j < L; j++) pr[j] = (float)(exp((double)sr[j] - mx) / sum);
            }
        f5_colmm s2 = f5_colmm_pv(P, V, L, H, dh, ld, Lp, ob);
        f5_colmm_run_ref(&s2);
    }
    free(S), free(P);
}

static void test_attention_products(void) {
    const int cfg[][4] = {{2, 45, 3, 64}, {3, 20, 2, 40}, {1, 9, 1, 8}};
    for (size_t c = 0; c < sizeof cfg / sizeof *cfg; c++) {
        int B = cfg[c][0], N = cfg[c][1], H = cfg[c][2], dh = cfg[c][3], ld = H * dh + (c == 1 ? 8 : 0);
        size_t n = (size_t)B * N * ld;
        float *q = hrand(n), *k = hrand(n), *v = hrand(n), *o = hrand(n), *ref = malloc(n * 4);
        int32_t lens[3] = {N - 5, 7, 0};
        float sc = 1.3f / sqrtf((float)dh);
        for (int masked = 0; masked < 2; masked++) {
            const int32_t *ln = masked ? lens : NULL;
            f5_attention_masked_ref(q, k, v, B, N, H, dh, ld, sc, ln, ref);
            for (size_t i = 0; i < n; i++) o[i] = ref[i] + 1.0f; /* every entry must be rewritten... */
            attention_by_products(q, k, v, B, N, H, dh, ld, sc, ln, o);
            /* ... within the heads' columns (the ld padding is not attention output) */
            double num = 0, den = 0;
            for (int r = 0; r < B * N; r++)
                for (int e = 0; e < H * dh; e++) {
                    double d = (double)o[(size_t)r * ld + e] - ref[(size_t)r * ld + e];
                    num += d * d;
                    den += (double)ref[(size_t)r * ld + e] * ref[(size_t)r * ld + e];
                }
            double r = sqrt(num / (den > 0 ? den : 1));
            printf("  attention by products B%d N%d H%d dh%d%s rel_l2 %.2e\n", B, N, H, dh, masked ? " masked" : "", r);
            CHECK(r < 1e-5);
        }
        free(q), free(k), free(v), free(o), free(ref);
    }
}

TEST_MAIN(TEST(test_linear), TEST(test_gemm), TEST(test_attention_products))
