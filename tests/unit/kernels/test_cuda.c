/* test_cuda.c - the cuda backend against the reference, on a GPU: every
 * kernel on random data (odd sizes included), the weight translation
 * (registered host arrays, offsets into them), bf16 products, the sticky
 * error of f5_ksync, and a whole DiT step (packed CFG, two rows of
 * different lengths) against the cpu backend. Each comparison prints its
 * relative L2 error. Without a usable device (or in a build without CUDA)
 * every test skips, and the executable exits 77 (ctest: skipped). */
#include "core/threadpool.h"
#include "kernels/kernels.h"
#include "model/dit.h"
#include "model/procedural.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static f5_kdev *g_dev;
static f5_kstream *g_stream;
static f5_kctx g_cu, g_cu16;
static char g_why[1200];
static uint64_t g_seed = 0xC0DA;

static float frand(void) {
    g_seed = g_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (float)((double)(g_seed >> 40) * 0x1p-24 * 2.0 - 1.0);
}
static float *hrand(size_t n, float scale) {
    float *p = malloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; i < n; i++) p[i] = frand() * scale;
    return p;
}
/* Device copy of a host array. */
static float *up(const float *h, size_t n) {
    float *d = f5_kalloc(&g_cu, n * sizeof *d);
    CHECK(d != NULL);
    if (d) f5_kupload(&g_cu, d, h, n * sizeof *d);
    return d;
}
static float *down(const float *d, size_t n) {
    float *h = malloc(n * sizeof *h);
    f5_kdownload(&g_cu, h, d, n * sizeof *h);
    return h;
}
static double rel_l2(const float *a, const float *ref, size_t n) {
    double num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)a[i] - ref[i];
        num += d * d;
        den += (double)ref[i] * ref[i];
    }
    return den > 0 ? sqrt(num / den) : sqrt(num);
}
/* Compare, print, and check against a bound. */
static void cmp(const char *what, const float *got, const float *ref, size_t n, double bound) {
    double r = rel_l2(got, ref, n);
    bool finite = true;
    for (size_t i = 0; i < n; i++) finite = finite && isfinite(got[i]);
    printf("    %-40s rel_l2 %.3e (bound %.0e)\n", what, r, bound);
    CHECKF(finite && r <= bound, "%s: rel_l2 %.3e > %.0e (or not finite)", what, r, bound);
}
static void synced(const char *what) {
    f5_error err = {0};
    f5_status st = f5_ksync(&g_cu, &err);
    CHECKF(st == F5_OK, "%s: %s", what, err.message);
}

#define NEED_DEVICE()                                                                                                 \
    do {                                                                                                              \
        if (!g_stream) TEST_SKIP(g_why);                                                                              \
    } while (0)

static void test_linear_gemm(void) {
    NEED_DEVICE();
    const int shapes[][3] = {{1, 256, 64}, {7, 100, 33}, {130, 712, 200}, {257, 1024, 512}};
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        int M = shapes[s][0], K = shapes[s][1], N = shapes[s][2];
        float *x = hrand((size_t)M * K, 1), *W = hrand((size_t)N * K, 0.1f), *b = hrand((size_t)N, 1);
        float *ref = malloc((size_t)M * N * sizeof *ref);
        f5_linear_ref(x, M, K, W, N, b, ref);
        f5_error err = {0};
        CHECKF(f5_kdev_add(g_dev, W, (int64_t)N * K, true, &err) == F5_OK, "%s", err.message);
        CHECKF(f5_kdev_add(g_dev, b, N, false, &err) == F5_OK, "%s", err.message);
        float *dx = up(x, (size_t)M * K), *dy = f5_kalloc(&g_cu, (size_t)M * N * sizeof(float));
        char name[80];
        f5_linear(&g_cu, dx, M, K, W, N, b, dy);
        synced("linear fp32");
        float *y = down(dy, (size_t)M * N);
        snprintf(name, sizeof name, "linear fp32 %dx%dx%d", M, K, N);
        cmp(name, y, ref, (size_t)M * N, 1e-5);
        free(y);
        f5_linear(&g_cu16, dx, M, K, W, N, b, dy);
        synced("linear bf16");
        y = down(dy, (size_t)M * N);
        snprintf(name, sizeof name, "linear bf16 %dx%dx%d", M, K, N);
        cmp(name, y, ref, (size_t)M * N, 1e-2);
        free(y);
        /* gemm, both layouts, alpha/beta, B as a device array (not registered) */
        for (int tb = 0; tb < 2; tb++) {
            float *B = hrand((size_t)N * K, 0.1f), *C = hrand((size_t)M * N, 1);
            float *Cref = malloc((size_t)M * N * sizeof *Cref);
            memcpy(Cref, C, (size_t)M * N * sizeof *C);
            f5_gemm_ref(tb, M, N, K, 0.5f, x, K, B, tb ? K : N, 0.25f, Cref, N);
            float *dB = up(B, (size_t)N * K), *dC = up(C, (size_t)M * N);
            f5_gemm(&g_cu, tb, M, N, K, 0.5f, dx, K, dB, tb ? K : N, 0.25f, dC, N);
            synced("gemm");
            float *Cg = down(dC, (size_t)M * N);
            snprintf(name, sizeof name, "gemm%s fp32 %dx%dx%d", tb ? " B^T" : "", M, K, N);
            cmp(name, Cg, Cref, (size_t)M * N, 1e-5);
            free(Cg), free(Cref), free(B), free(C);
            f5_kfree(&g_cu, dB), f5_kfree(&g_cu, dC);
        }
        f5_kfree(&g_cu, dx), f5_kfree(&g_cu, dy);
        free(ref), free(x); /* W and b stay: their addresses are keys of g_dev */
    }
}

static void test_norms(void) {
    NEED_DEVICE();
    int B = 3, N = 37, D = 1024;
    size_t n = (size_t)B * N * D;
    float *x = hrand(n, 2), *w = hrand(D, 1), *bb = hrand(D, 1), *mod = hrand((size_t)B * 6 * D, 0.5f);
    for (size_t i = 0; i < n; i++) x[i] += 0.5f; /* a non-zero mean */
    f5_error err = {0};
    CHECK(f5_kdev_add(g_dev, w, D, false, &err) == F5_OK && f5_kdev_add(g_dev, bb, D, false, &err) == F5_OK);
    float *ref = malloc(n * sizeof *ref), *dx = up(x, n), *dmod = up(mod, (size_t)B * 6 * D);
    float *dy = f5_kalloc(&g_cu, n * sizeof(float));
    f5_layernorm_ref(x, B * N, D, w, bb, 1e-6f, ref);
    f5_layernorm(&g_cu, dx, B * N, D, w, bb, 1e-6f, dy);
    synced("layernorm");
    float *y = down(dy, n);
    cmp("layernorm 111x1024 affine", y, ref, n, 1e-5);
    free(y);
    /* AdaLN: scale = mod + D, shift = mod (rows 6D apart), in place */
    f5_adaln_ref(x, B, N, D, mod + D, mod, 6 * D, 1e-6f, ref);
    f5_adaln(&g_cu, dx, B, N, D, dmod + D, dmod, 6 * D, 1e-6f, dx);
    synced("adaln");
    y = down(dx, n);
    cmp("adaln 3x37x1024 in place", y, ref, n, 1e-5);
    free(y);
    /* gated add with lens (host lens), gate from the device mod rows */
    float *h = hrand(n, 1), *a = hrand(n, 1);
    float *dh = up(h, n), *da = up(a, n);
    int32_t lens[3] = {37, 20, 0};
    memcpy(ref, h, n * sizeof *ref);
    f5_gated_add_ref(ref, a, B, N, D, mod + 2 * D, 6 * D, lens);
    f5_gated_add(&g_cu, dh, da, B, N, D, dmod + 2 * D, 6 * D, lens);
    synced("gated add");
    y = down(dh, n);
    cmp("gated add with lens", y, ref, n, 1e-6);
    free(y);
    {
        float *r2 = malloc(n * sizeof *r2);
        for (size_t i = 0; i < n; i++) r2[i] = ref[i] + a[i];
        f5_add(&g_cu, dh, da, (int64_t)n);
        synced("add");
        y = down(dh, n);
        cmp("add", y, r2, n, 1e-7);
        free(y), free(r2);
    }
    f5_kfree(&g_cu, dx), f5_kfree(&g_cu, dmod), f5_kfree(&g_cu, dy), f5_kfree(&g_cu, dh), f5_kfree(&g_cu, da);
    free(x), free(mod), free(ref), free(h), free(a); /* w, bb are registered: kept */
}

static void test_activations(void) {
    NEED_DEVICE();
    size_t n = 100003;
    const char *names[] = {"silu", "mish", "gelu erf", "gelu tanh"};
    for (int act = F5_ACT_SILU; act <= F5_ACT_GELU_TANH; act++) {
        float *x = hrand(n, 12), *ref = malloc(n * sizeof *ref);
        x[0] = 30.0f, x[1] = -30.0f, x[2] = 0.0f; /* the softplus branch, saturation */
        memcpy(ref, x, n * sizeof *ref);
        f5_activation_ref((f5_act)act, ref, (int64_t)n);
        float *dx = up(x, n);
        f5_activation(&g_cu, (f5_act)act, dx, (int64_t)n);
        synced("activation");
        float *y = down(dx, n);
        cmp(names[act], y, ref, n, 1e-6);
        free(y), free(x), free(ref);
        f5_kfree(&g_cu, dx);
    }
}

static void test_rope(void) {
    NEED_DEVICE();
    int B = 2, N = 45, H = 4, dh = 64, ld = H * dh + 16;
    for (int nrot = 1; nrot <= H; nrot += H - 1) {
        size_t n = (size_t)B * N * ld;
        float *x = hrand(n, 1), *cs = hrand((size_t)N * dh, 1), *sn = hrand((size_t)N * dh, 1);
        float *ref = malloc(n * sizeof *ref);
        memcpy(ref, x, n * sizeof *ref);
        f5_rope_ref(ref, B, N, nrot, dh, ld, cs, sn);
        float *dx = up(x, n), *dc = up(cs, (size_t)N * dh), *ds = up(sn, (size_t)N * dh);
        f5_rope(&g_cu, dx, B, N, nrot, dh, ld, dc, ds);
        synced("rope");
        float *y = down(dx, n);
        cmp(nrot == 1 ? "rope (head 0 only)" : "rope (all heads)", y, ref, n, 1e-6);
        free(y), free(x), free(cs), free(sn), free(ref);
        f5_kfree(&g_cu, dx), f5_kfree(&g_cu, dc), f5_kfree(&g_cu, ds);
    }
}

static void test_conv(void) {
    NEED_DEVICE();
    /* the DiT position conv (tiled kernel: 32 | Cout/groups), the depthwise text
     * conv and an odd grouped one (direct kernel) */
    const int cfg[][5] = {{300, 512, 31, 16, 15}, {131, 1024, 31, 16, 15}, {77, 64, 7, 64, 3}, {50, 24, 5, 3, 2}};
    for (size_t c = 0; c < sizeof cfg / sizeof *cfg; c++) {
        int T = cfg[c][0], C = cfg[c][1], K = cfg[c][2], G = cfg[c][3], pad = cfg[c][4];
        int Tout = T + 2 * pad - K + 1;
        float *x = hrand((size_t)T * C, 1), *W = hrand((size_t)C * (C / G) * K, 0.1f), *b = hrand(C, 1);
        float *ref = malloc((size_t)Tout * C * sizeof *ref);
        f5_conv1d_ref(x, T, C, W, C, K, G, pad, b, ref);
        f5_error err = {0};
        CHECK(f5_kdev_add(g_dev, W, (int64_t)C * (C / G) * K, false, &err) == F5_OK);
        CHECK(f5_kdev_add(g_dev, b, C, false, &err) == F5_OK);
        float *dx = up(x, (size_t)T * C), *dy = f5_kalloc(&g_cu, (size_t)Tout * C * sizeof(float));
        f5_conv1d(&g_cu, dx, T, C, W, C, K, G, pad, b, dy, NULL);
        synced("conv1d");
        float *y = down(dy, (size_t)Tout * C);
        char name[80];
        snprintf(name, sizeof name, "conv1d T%d C%d K%d groups %d", T, C, K, G);
        cmp(name, y, ref, (size_t)Tout * C, 1e-5);
        free(y), free(x), free(ref);
        f5_kfree(&g_cu, dx), f5_kfree(&g_cu, dy);
    }
}

static void test_attention(void) {
    NEED_DEVICE();
    const int cfg[][4] = {{2, 300, 4, 64}, {1, 129, 2, 64}, {1, 1, 1, 64}, {2, 70, 3, 32}, {1, 33, 2, 40}};
    for (size_t c = 0; c < sizeof cfg / sizeof *cfg; c++) {
        int B = cfg[c][0], N = cfg[c][1], H = cfg[c][2], dh = cfg[c][3], ld = H * dh;
        size_t n = (size_t)B * N * ld;
        float *q = hrand(n, 1), *k = hrand(n, 1), *v = hrand(n, 1), *ref = malloc(n * sizeof *ref);
        float sc = (float)(1.0 / sqrt((double)dh));
        f5_attention_ref(q, k, v, B, N, H, dh, ld, sc * 4.0f, ref); /* a sharp softmax */
        float *dq = up(q, n), *dk = up(k, n), *dv = up(v, n), *dout = f5_kalloc(&g_cu, n * sizeof(float));
        f5_attention(&g_cu, dq, dk, dv, B, N, H, dh, ld, sc * 4.0f, dout, NULL);
        synced("attention");
        float *y = down(dout, n);
        char name[80];
        snprintf(name, sizeof name, "attention B%d N%d H%d dh%d", B, N, H, dh);
        cmp(name, y, ref, n, 1e-5);
        free(y);
        /* masked: a length per element (0 included when B > 1) */
        int32_t lens[2] = {N > 3 ? N - 3 : N, B > 1 ? (c == 0 ? 0 : N / 2 + 1) : N};
        f5_attention_masked_ref(q, k, v, B, N, H, dh, ld, sc, lens, ref);
        f5_attention_masked(&g_cu, dq, dk, dv, B, N, H, dh, ld, sc, lens, dout, NULL);
        synced("attention masked");
        y = down(dout, n);
        snprintf(name, sizeof name, "attention masked B%d N%d H%d dh%d", B, N, H, dh);
        cmp(name, y, ref, n, 1e-5);
        free(y);
        /* bf16 (tensor cores through cuBLASLt), same masks */
        f5_attention_masked(&g_cu16, dq, dk, dv, B, N, H, dh, ld, sc, lens, dout, NULL);
        synced("attention bf16");
        y = down(dout, n);
        snprintf(name, sizeof name, "attention bf16 masked B%d N%d H%d dh%d", B, N, H, dh);
        cmp(name, y, ref, n, 2e-2);
        free(y), free(q), free(k), free(v), free(ref);
        f5_kfree(&g_cu, dq), f5_kfree(&g_cu, dk), f5_kfree(&g_cu, dv), f5_kfree(&g_cu, dout);
    }
}

static void test_memory_and_errors(void) {
    NEED_DEVICE();
    CHECK(!f5_khost_visible(&g_cu));
    float h[5] = {1, 2, 3, 4, 5}, back[5] = {0};
    float *d = f5_kalloc(&g_cu, sizeof h), *e = f5_kalloc(&g_cu, sizeof h);
    f5_kupload(&g_cu, d, h, sizeof h);
    f5_kcopy(&g_cu, e, d, sizeof h);
    f5_kzero(&g_cu, e + 1, 2 * sizeof(float));
    f5_kdownload(&g_cu, back, e, sizeof back);
    CHECK(back[0] == 1 && back[1] == 0 && back[2] == 0 && back[3] == 4 && back[4] == 5);
    synced("memory");
    f5_kfree(&g_cu, d), f5_kfree(&g_cu, e);
    /* an unsupported attention shape fails on the stream and is reported once */
    f5_attention(&g_cu, NULL, NULL, NULL, 1, 20000, 1, 300, 300, 1.0f, NULL, NULL);
    f5_error err = {0};
    CHECK(f5_ksync(&g_cu, &err) == F5_ERR_DEVICE);
    CHECKF(strstr(err.message, "not supported") != NULL, "%s", err.message);
    CHECK(f5_ksync(&g_cu, &err) == F5_OK); /* reported, then cleared */
    /* overlapping registrations are refused */
    float *arr = hrand(64, 1);
    CHECK(f5_kdev_add(g_dev, arr, 64, false, &err) == F5_OK);
    CHECK(f5_kdev_add(g_dev, arr + 10, 10, false, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_kdev_add(g_dev, arr, 64, false, &err) == F5_OK); /* the same array again: nothing to do */
}

/* A whole DiT step on cuda against the cpu backend: packed CFG, two rows,
 * the second shorter (masks), dim 512 so the position conv takes the tiled kernel. */
static void test_dit_step(void) {
    NEED_DEVICE();
    f5_dit_config c = {.dim = 512, .depth = 2, .heads = 8, .dim_head = 64, .ff_mult = 2, .text_dim = 128,
                       .conv_layers = 1, .mel_dim = 100, .text_num_embeds = 60, .text_mask_padding = true};
    snprintf(c.name, sizeof c.name, "cuda_test");
    f5_error err = {0};
    f5_weights *w = NULL;
    f5_dit *d = NULL;
    f5_status st = f5_procedural_dit(77, &c, false, &w, &err);
    if (st == F5_OK) st = f5_checkpoint_normalize(w, &err);
    if (st == F5_OK) st = f5_dit_create(w, &c, &d, &err);
    if (st == F5_OK) st = f5_dit_prepare_device(d, F5_BACKEND_CUDA, f5_kdev_device(g_dev), F5_KPREC_BF16, &err);
    CHECKF(st == F5_OK, "%s", err.message);
    if (st != F5_OK) goto out;
    int B = 2, N = 150, T = 40, M = c.mel_dim;
    int32_t lens[2] = {150, 121}, *text = malloc((size_t)B * T * sizeof *text);
    for (int i = 0; i < B * T; i++) text[i] = i % 7 == 6 ? -1 : (i * 13 + 5) % 60;
    float *x = hrand((size_t)B * N * M, 1), *cond = hrand((size_t)B * N * M, 2), tm[2] = {0.3f, 0.8f};
    size_t on = (size_t)2 * B * N * M;
    float *ref = malloc(on * sizeof *ref), *got = malloc(on * sizeof *got);
    f5_dit_ctx *cpu = NULL, *gpu = NULL, *g16 = NULL;
    f5_dit_ctx_params p = f5_dit_ctx_default_params();
    p.n_threads = 2;
    CHECK(f5_dit_ctx_create(d, &p, &cpu, &err) == F5_OK);
    CHECK(f5_dit_set_text(cpu, B, N, text, T, lens, &err) == F5_OK);
    CHECK(f5_dit_step(cpu, x, cond, tm, F5_DIT_CFG_PACKED, ref, &err) == F5_OK);
    p.backend = F5_BACKEND_CUDA;
    CHECKF(f5_dit_ctx_create(d, &p, &gpu, &err) == F5_OK, "%s", err.message);
    p.prec = F5_KPREC_BF16;
    CHECKF(f5_dit_ctx_create(d, &p, &g16, &err) == F5_OK, "%s", err.message);
    if (gpu && g16) {
        for (int rep = 0; rep < 2; rep++) { /* the second step reuses everything */
            CHECKF(f5_dit_set_text(gpu, B, N, text, T, lens, &err) == F5_OK, "%s", err.message);
            CHECKF(f5_dit_step(gpu, x, cond, tm, F5_DIT_CFG_PACKED, got, &err) == F5_OK, "%s", err.message);
            cmp(rep ? "DiT step fp32 vs cpu (again)" : "DiT step fp32 vs cpu", got, ref, on, 1e-4);
        }
        CHECKF(f5_dit_set_text(g16, B, N, text, T, lens, &err) == F5_OK, "%s", err.message);
        CHECKF(f5_dit_step(g16, x, cond, tm, F5_DIT_CFG_PACKED, got, &err) == F5_OK, "%s", err.message);
        cmp("DiT step bf16 vs cpu fp32", got, ref, on, 3e-2);
        /* one row alone equals that row in the batch (within fp32 rounding) */
        float *solo = malloc((size_t)2 * N * M * sizeof *solo);
        CHECK(f5_dit_set_text(gpu, 1, N, text + T, T, lens + 1, &err) == F5_OK);
        CHECK(f5_dit_step(gpu, x + (size_t)N * M, cond + (size_t)N * M, tm + 1, F5_DIT_CFG_PACKED, solo, &err) ==
              F5_OK);
        cmp("row 1 alone vs in the batch (cond)", solo, got + (size_t)N * M, (size_t)N * M, 3e-2);
        free(solo);
    }
    f5_dit_ctx_free(cpu), f5_dit_ctx_free(gpu), f5_dit_ctx_free(g16);
    free(text), free(x), free(cond), free(ref), free(got);
out:
    f5_dit_free(d);
    f5_weights_free(w);
}

int main(void) {
    f5_error err = {0};
    int n = f5_cuda_device_count(g_why, sizeof g_why);
    if (n > 0 && f5_kdev_create(F5_BACKEND_CUDA, 0, &g_dev, &err) == F5_OK &&
        f5_kstream_create(g_dev, &g_stream, &err) == F5_OK) {
        char name[200] = "?";
        f5_cuda_device_info(0, name, sizeof name, NULL, NULL);
        printf("CUDA device 0: %s\n", name);
    } else if (n > 0) {
        snprintf(g_why, sizeof g_why, "CUDA device unusable: %.1000s", err.message);
    }
    if (!g_stream) {
        char msg[1200];
        snprintf(msg, sizeof msg, "no CUDA device: %.1000s", g_why);
        snprintf(g_why, sizeof g_why, "%s", msg);
    }
    g_cu = (f5_kctx){.backend = F5_BACKEND_CUDA, .n_threads = 1, .dev = g_dev, .stream = g_stream};
    g_cu16 = g_cu;
    g_cu16.prec = F5_KPREC_BF16;
    t_case cases[] = {TEST(test_memory_and_errors), TEST(test_linear_gemm), TEST(test_norms), TEST(test_activations),
                      TEST(test_rope), TEST(test_conv), TEST(test_attention), TEST(test_dit_step)};
    int rc = t_run(cases, (int)(sizeof cases / sizeof *cases));
    f5_kstream_free(g_stream);
    f5_kdev_free(g_dev);
    return rc;
}
