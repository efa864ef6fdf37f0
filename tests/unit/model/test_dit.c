/* test_dit.c - the DiT against the tiny golden vectors (v1 and v0, batch 1
 * and the padded batch with lens, cond / uncond / packed CFG) on both
 * backends; ref and cpu must agree; bad weights and bad inputs are refused
 * with messages that name the problem. */
#include "dit_test_util.h"

#include "core/error.h"

#include <pthread.h>

static void run_case(const char *case_name, f5_backend be) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, case_name, &w, NULL);
    if (!d) return;
    char rel[256];
    snprintf(rel, sizeof rel, "%s/vectors.safetensors", case_name);
    f5_weights *v = tu_vectors(g, rel);
    f5_dit_ctx_params p = f5_dit_ctx_default_params();
    p.backend = be;
    p.n_threads = 2;
    f5_dit_ctx *ctx = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, &p, &ctx, &err) == F5_OK);
    for (int bi = 1; v && ctx && bi <= 2; bi++) {
        char k[64];
        const f5_tensor *xt, *tt;
        snprintf(k, sizeof k, "b%d.x", bi);
        const float *x = tu_f32(v, k, &xt);
        snprintf(k, sizeof k, "b%d.cond", bi);
        const float *cond = tu_f32(v, k, NULL);
        snprintf(k, sizeof k, "b%d.time", bi);
        const f5_tensor *tmt;
        const float *tm = tu_f32(v, k, &tmt);
        snprintf(k, sizeof k, "b%d.text", bi);
        int64_t nt = 0;
        int32_t *text = tu_i32(v, k, &nt);
        tt = f5_weights_find(v, k);
        snprintf(k, sizeof k, "b%d.lens", bi);
        int32_t *lens = f5_weights_find(v, k) ? tu_i32(v, k, NULL) : NULL;
        if (!x || !cond || !tm || !text) {
            free(text);
            free(lens);
            continue;
        }
        int B = (int)xt->shape[0], N = (int)xt->shape[1], T = (int)tt->shape[1];
        float tb[8];
        for (int b = 0; b < B; b++) tb[b] = tm[tmt->numel == B ? b : 0];
        float *out = malloc((size_t)2 * B * N * 100 * sizeof *out);
        const char *names[3] = {"cond", "uncond", "cfg_packed"};
        for (int m = 0; m < 3; m++) {
            f5_status st = m == 2 ? (f5_dit_set_text(ctx, B, N, text, T, lens, &err) == F5_OK
                                         ? f5_dit_step(ctx, x, cond, tb, F5_DIT_CFG_PACKED, out, &err)
                                         : err.status)
                                  : f5_dit_forward(ctx, B, N, x, cond, text, T, tb, lens, m == 1, m == 1, out, &err);
            CHECKF(st == F5_OK, "%s b%d %s: %s", case_name, bi, names[m], err.message);
            snprintf(k, sizeof k, "b%d.out.%s", bi, names[m]);
            const f5_tensor *rt;
            const float *ref = tu_f32(v, k, &rt);
            if (ref && st == F5_OK) {
                double e = tu_rel_l2(out, ref, (size_t)rt->numel);
                printf("  %s %s %s rel_l2 %.3g\n", case_name, be == F5_BACKEND_REF ? "ref" : "cpu", k, e);
                CHECKF(e < 3e-5, "%s %s rel_l2 %.3g", case_name, k, e);
            }
        }
        free(out);
        free(text);
        free(lens);
    }
    f5_dit_ctx_free(ctx);
    f5_weights_free(v);
    f5_dit_free(d);
    f5_weights_free(w);
}

static void test_v1_cpu(void) { run_case("dit_v1_tiny", F5_BACKEND_CPU); }
static void test_v0_cpu(void) { run_case("dit_v0_tiny", F5_BACKEND_CPU); }
static void test_v1_ref(void) { run_case("dit_v1_tiny", F5_BACKEND_REF); }
static void test_v0_ref(void) { run_case("dit_v0_tiny", F5_BACKEND_REF); }

static void test_bad_shape_named(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit_config c;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, &c);
    if (!d) return;
    f5_dit_free(d);
    f5_dit_config bad = c;
    bad.ff_mult = 3; /* every ff tensor now has the wrong shape */
    f5_error err = {0};
    d = NULL;
    CHECK(f5_dit_create(w, &bad, &d, &err) == F5_ERR_SHAPE);
    CHECK(d == NULL);
    CHECKF(strstr(err.message, "ff.ff.0.0.weight") != NULL, "message: %s", err.message);
    bad = c;
    bad.qk_norm = true;
    CHECK(f5_dit_create(w, &bad, &d, &err) == F5_ERR_UNSUPPORTED);
    f5_weights_remove(w, "transformer.proj_out.bias");
    CHECK(f5_dit_create(w, &c, &d, &err) != F5_OK);
    CHECKF(strstr(err.message, "proj_out.bias") != NULL, "message: %s", err.message);
    f5_weights_free(w);
}

static void test_bad_inputs(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, NULL, &ctx, &err) == F5_OK);
    float x[4 * 100] = {0}, out[8 * 100], t = 0.5f;
    int32_t text[3] = {5, 9999, -1}, lens[1] = {7};
    CHECK(f5_dit_step(ctx, x, x, &t, F5_DIT_COND, out, &err) == F5_ERR_INVALID_ARG); /* no text yet */
    CHECK(f5_dit_set_text(ctx, 1, 4, text, 3, NULL, &err) == F5_ERR_INVALID_ARG); /* id 9999 >= 2545 */
    CHECKF(strstr(err.message, "9999") != NULL, "message: %s", err.message);
    text[1] = 7;
    CHECK(f5_dit_set_text(ctx, 1, 4, text, 3, lens, &err) == F5_ERR_INVALID_ARG); /* lens 7 > N 4 */
    CHECK(f5_dit_set_text(ctx, 1, 4, text, 3, NULL, &err) == F5_OK);
    CHECK(f5_dit_step(ctx, x, x, &t, F5_DIT_CFG_PACKED, out, &err) == F5_OK);
    bool finite = true;
    for (int i = 0; i < 800; i++) finite = finite && isfinite(out[i]);
    CHECK(finite);
    f5_dit_ctx_free(ctx);
    f5_dit_free(d);
    f5_weights_free(w);
}

/* N threads share one model, each with its own context: same result as alone. */
typedef struct thr_arg {
    const f5_dit *d;
    const float *x, *cond;
    const int32_t *text;
    int N, T;
    float *out;
    f5_status st;
} thr_arg;

static void *thr_main(void *a) {
    thr_arg *t = a;
    f5_dit_ctx_params p = f5_dit_ctx_default_params();
    p.n_threads = 2;
    f5_dit_ctx *ctx = NULL;
    f5_error err = {0};
    float tm = 0.4f;
    t->st = f5_dit_ctx_create(t->d, &p, &ctx, &err);
    for (int rep = 0; rep < 3 && t->st == F5_OK; rep++) {
        t->st = f5_dit_set_text(ctx, 1, t->N, t->text, t->T, NULL, &err);
        if (t->st == F5_OK) t->st = f5_dit_step(ctx, t->x, t->cond, &tm, F5_DIT_CFG_PACKED, t->out, &err);
    }
    f5_dit_ctx_free(ctx);
    return NULL;
}

static void test_shared_model_threads(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_weights *v = tu_vectors(g, "dit_v1_tiny/vectors.safetensors");
    const f5_tensor *xt = NULL;
    const float *x = v ? tu_f32(v, "b1.x", &xt) : NULL, *cond = v ? tu_f32(v, "b1.cond", NULL) : NULL;
    int64_t T = 0;
    int32_t *text = v ? tu_i32(v, "b1.text", &T) : NULL;
    if (x && cond && text) {
        enum { NT = 4 };
        int N = (int)xt->shape[1];
        thr_arg a[NT];
        pthread_t th[NT];
        for (int i = 0; i < NT; i++) {
            a[i] = (thr_arg){d, x, cond, text, N, (int)T, malloc((size_t)2 * N * 100 * sizeof(float)), F5_OK};
            CHECK(pthread_create(&th[i], NULL, thr_main, &a[i]) == 0);
        }
        for (int i = 0; i < NT; i++) pthread_join(th[i], NULL);
        for (int i = 0; i < NT; i++) {
            CHECK(a[i].st == F5_OK);
            CHECK(memcmp(a[i].out, a[0].out, (size_t)2 * N * 100 * sizeof(float)) == 0);
        }
        for (int i = 0; i < NT; i++) free(a[i].out);
    }
    free(text);
    f5_weights_free(v);
    f5_dit_free(d);
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_shared_model_threads), TEST(test_v1_cpu), TEST(test_v0_cpu), TEST(test_v1_ref), TEST(test_v0_ref), TEST(test_bad_shape_named),
          TEST(test_bad_inputs))
