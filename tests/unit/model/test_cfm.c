/* test_cfm.c - the sampler: time grids against the golden `t` of every
 * sample case, effective durations, our RNG (deterministic, seed-sensitive,
 * prefix property, N(0,1) moments), the abort callback stopping within one
 * step, and a whole tiny sampling run against the golden output. */
#include "dit_test_util.h"

#include "model/cfm.h"
#include "model/rng.h"

#include <math.h>

static void test_time_grid_golden(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    json_t *c = tu_case(g, "sample_v1_tiny");
    CHECK(c != NULL);
    json_t *cases = json_object_get(c, "cases"), *k;
    size_t i;
    int checked = 0;
    json_array_foreach(cases, i, k) {
        json_t *P = json_object_get(k, "params");
        int steps = tu_int(P, "steps", 0);
        float sway = (float)json_number_value(json_object_get(P, "sway_sampling_coef"));
        f5_weights *v = tu_vectors(g, json_string_value(json_object_get(k, "file")));
        const f5_tensor *tt;
        const float *ref = v ? tu_f32(v, "t", &tt) : NULL;
        float t[64];
        f5_error err = {0};
        CHECK(steps > 0 && steps < 64);
        CHECK(f5_cfm_time_grid(steps, sway, json_is_true(json_object_get(P, "use_epss")), t, &err) == F5_OK);
        if (ref) {
            CHECK(tt->numel == steps + 1);
            double mx = 0;
            for (int j = 0; j <= steps; j++) mx = fmax(mx, fabs((double)t[j] - ref[j]));
            printf("  %s: %d steps, max |t - golden| = %.3g\n", json_string_value(json_object_get(k, "file")), steps, mx);
            CHECKF(mx <= 1e-7, "steps %d: max diff %.3g", steps, mx);
            checked++;
        }
        f5_weights_free(v);
    }
    CHECK(checked >= 3);
    json_decref(c);
}

static void test_time_grid_rules(void) {
    float t[40];
    f5_error err = {0};
    CHECK(f5_cfm_time_grid(7, NAN, true, t, &err) == F5_OK); /* EPSS 7, no sway */
    const int e7[] = {0, 2, 4, 6, 8, 16, 24, 32};
    for (int i = 0; i <= 7; i++) CHECK(t[i] == e7[i] / 32.0f);
    CHECK(f5_cfm_time_grid(7, NAN, false, t, &err) == F5_OK); /* uniform */
    CHECK_NEAR(t[1], 1.0 / 7, 1e-7);
    CHECK(t[7] == 1.0f && t[0] == 0.0f);
    CHECK(f5_cfm_time_grid(4, -1.0f, true, t, &err) == F5_OK); /* 4: not EPSS; sway -1 -> 1 - cos(pi t / 2) */
    for (int i = 0; i <= 4; i++) CHECK_NEAR(t[i], 1.0 - cos(M_PI / 2 * i / 4.0), 1e-6);
    CHECK(f5_cfm_time_grid(0, -1.0f, true, t, &err) == F5_ERR_INVALID_ARG);
}

static void test_effective_duration(void) {
    CHECK(f5_cfm_effective_duration(60, 43, 160) == 160);
    CHECK(f5_cfm_effective_duration(40, 55, 35) == 56); /* text longer: text + 1 */
    CHECK(f5_cfm_effective_duration(80, 10, 50) == 81); /* reference longer */
    CHECK(f5_cfm_effective_duration(10, 10, 1 << 20) == F5_CFM_MAX_DURATION);
}

static void test_rng(void) {
    f5_rng r;
    f5_rng_seed(&r, 0);
    CHECK(r.s[0] == 0xe220a8397b1dcdafULL); /* splitmix64 from 0, first output */
    enum { n = 100000 };
    float *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
    f5_rng_fill_normal(42, a, n);
    f5_rng_fill_normal(42, b, n);
    f5_rng_fill_normal(43, c, n);
    CHECK(memcmp(a, b, n * sizeof *a) == 0);
    int same = 0;
    for (int i = 0; i < n; i++) same += a[i] == c[i];
    CHECK(same < 10);
    f5_rng_fill_normal(42, b, 1001); /* a shorter draw is a prefix */
    CHECK(memcmp(a, b, 1001 * sizeof *a) == 0);
    double m = 0, v = 0;
    for (int i = 0; i < n; i++) m += a[i];
    m /= n;
    for (int i = 0; i < n; i++) v += (a[i] - m) * (a[i] - m);
    v /= n;
    printf("  N(0,1) draw: mean %.4f var %.4f\n", m, v);
    CHECK(fabs(m) < 0.02 && fabs(v - 1) < 0.03);
    free(a), free(b), free(c);
}

typedef struct abort_state {
    int polls, progress, stop_after;
} abort_state;
static bool on_abort(void *u) {
    abort_state *s = u;
    return ++s->polls > s->stop_after;
}
static void on_progress(void *u, int step, int n) {
    (void)n;
    ((abort_state *)u)->progress = step;
}

static void test_sample_golden_and_abort(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, NULL, &ctx, &err) == F5_OK);
    f5_weights *v = tu_vectors(g, "sample_v1_tiny/steps8.safetensors");
    const f5_tensor *ct, *nt;
    const float *cond = v ? tu_f32(v, "cond", &ct) : NULL, *noise = v ? tu_f32(v, "noise", &nt) : NULL;
    const float *ref = v ? tu_f32(v, "out", NULL) : NULL;
    int64_t T = 0;
    int32_t *text = v ? tu_i32(v, "text", &T) : NULL, *lens = v ? tu_i32(v, "lens", NULL) : NULL;
    int32_t *dur = v ? tu_i32(v, "duration_in", NULL) : NULL;
    if (ctx && cond && noise && ref && text && lens && dur) {
        int N = (int)nt->shape[1];
        float *out = malloc((size_t)N * 100 * sizeof *out), *out2 = malloc((size_t)N * 100 * sizeof *out2);
        f5_cfm_params p = f5_cfm_default_params();
        p.steps = 8;
        int frames = 0;
        CHECK(f5_cfm_sample(ctx, &p, cond, lens[0], text, (int)T, dur[0], noise, 0, NULL, out, &frames, &err) ==
              F5_OK);
        CHECK(frames == N);
        double e = tu_rel_l2(out, ref, (size_t)N * 100);
        printf("  steps8 out rel_l2 %.3g\n", e);
        CHECKF(e < 3e-5, "rel_l2 %.3g", e);
        /* reference region is the reference mel exactly */
        CHECK(memcmp(out, cond, (size_t)lens[0] * 100 * sizeof *out) == 0);
        /* seeded noise: deterministic, seed-sensitive */
        CHECK(f5_cfm_sample(ctx, &p, cond, lens[0], text, (int)T, dur[0], NULL, 7, NULL, out, &frames, &err) == F5_OK);
        CHECK(f5_cfm_sample(ctx, &p, cond, lens[0], text, (int)T, dur[0], NULL, 7, NULL, out2, &frames, &err) == F5_OK);
        CHECK(memcmp(out, out2, (size_t)N * 100 * sizeof *out) == 0);
        CHECK(f5_cfm_sample(ctx, &p, cond, lens[0], text, (int)T, dur[0], NULL, 8, NULL, out2, &frames, &err) == F5_OK);
        CHECK(memcmp(out + (size_t)lens[0] * 100, out2 + (size_t)lens[0] * 100,
                     (size_t)(N - lens[0]) * 100 * sizeof *out) != 0);
        /* abort after 3 steps: stops before step 4, within one step */
        abort_state s = {0, 0, 3};
        f5_cfm_hooks hooks = {.user = &s, .abort = on_abort, .progress = on_progress};
        CHECK(f5_cfm_sample(ctx, &p, cond, lens[0], text, (int)T, dur[0], noise, 0, &hooks, out, &frames, &err) ==
              F5_ERR_ABORTED);
        CHECKF(s.progress == 3, "progress reached step %d", s.progress);
        CHECK(frames == 0);
        free(out);
        free(out2);
    }
    free(text), free(lens), free(dur);
    f5_weights_free(v);
    f5_dit_ctx_free(ctx);
    f5_dit_free(d);
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_time_grid_golden), TEST(test_time_grid_rules), TEST(test_effective_duration), TEST(test_rng),
          TEST(test_sample_golden_and_abort))
