/* test_cfm_batch.c - the step-level batcher (model/cfm_batch.h) on the
 * tiny golden DiTs: requests of different lengths, NFE counts and CFG
 * settings admitted at different times share DiT evaluations, and each
 * final mel equals the same request sampled alone (f5_cfm_sample) within
 * 1e-5 relative L2 (measured and printed); the golden steps8 case through
 * the batcher; admission bounded by max_batch and the frame budget; an
 * aborted item leaving the others exact. */
#include "dit_test_util.h"

#include "model/cfm.h"
#include "model/cfm_batch.h"

#include <math.h>

#define SOLO_REL_L2 1e-5

typedef struct req_spec {
    int ref_len, n_text, duration, steps;
    float cfg;
    uint64_t seed;
    int submit_at; /* batch step before which it is submitted */
} req_spec;

typedef struct item_state {
    int progress;     /* last step reported */
    int abort_at;     /* abort when progress reaches this (0 = never) */
    bool aborted_poll;
} item_state;

static void on_progress(void *u, int step, int n) {
    (void)n;
    ((item_state *)u)->progress = step;
}
static bool on_abort(void *u) {
    item_state *s = u;
    return s->abort_at < 0 || (s->abort_at > 0 && s->progress >= s->abort_at); /* < 0: at the first poll */
}

/* Deterministic pseudo-mel and token ids. */
static void fill_inputs(float *cond, int ref_len, int32_t *text, int n_text, uint64_t seed) {
    uint64_t z = seed * 0x9E3779B97F4A7C15ULL + 1;
    for (int i = 0; i < ref_len * 100; i++) {
        z = z * 6364136223846793005ULL + 1442695040888963407ULL;
        cond[i] = (float)((double)(z >> 40) * 0x1p-24 * 8.0 - 9.0); /* log-mel-like range [-9, -1) */
    }
    for (int i = 0; i < n_text; i++) {
        z = z * 6364136223846793005ULL + 1442695040888963407ULL;
        text[i] = (int32_t)((z >> 33) % 2545);
    }
}

typedef struct run_result {
    float *out[8];
    int frames[8];
    f5_status status[8];
    int steps_done[8];
    int max_running, batch_steps;
    int64_t max_frames_in_flight;
    double worst_rel;
} run_result;

/* Submit specs[i] before batch step specs[i].submit_at, step until all
 * are done; results by spec index. */
static void run_batched(f5_dit_ctx *ctx, const f5_cfm_batch_params *bp, const req_spec *specs, int n,
                        item_state *states, run_result *rr) {
    f5_error err = {0};
    f5_cfm_batcher *b = NULL;
    memset(rr, 0, sizeof *rr);
    CHECK(f5_cfm_batcher_create(ctx, bp, &b, &err) == F5_OK);
    if (!b) return;
    int submitted = 0, finished = 0;
    for (int step = 0; finished < n && step < 10000; step++) {
        for (int i = 0; i < n; i++)
            if (specs[i].submit_at == step) {
                const req_spec *s = &specs[i];
                float *cond = malloc((size_t)s->ref_len * 100 * sizeof *cond);
                int32_t *text = malloc((size_t)s->n_text * sizeof *text);
                fill_inputs(cond, s->ref_len, text, s->n_text, s->seed);
                f5_cfm_request rq = {.params = f5_cfm_default_params(), .cond = cond, .ref_len = s->ref_len,
                                     .text = text, .n_text = s->n_text, .duration = s->duration, .seed = s->seed,
                                     .user = (void *)(intptr_t)i};
                rq.params.steps = s->steps;
                rq.params.cfg_strength = s->cfg;
                rq.hooks = (f5_cfm_hooks){.user = &states[i], .progress = on_progress, .abort = on_abort};
                CHECKF(f5_cfm_batcher_submit(b, &rq, NULL, &err) == F5_OK, "%s", err.message);
                free(cond); /* copied at submit */
                free(text);
                submitted++;
            }
        const f5_cfm_done *done = NULL;
        int nd = 0;
        CHECK(f5_cfm_batcher_step(b, &done, &nd, &err) == F5_OK);
        CHECKF(f5_cfm_batcher_running(b) <= bp->max_batch, "%d running > max_batch %d", f5_cfm_batcher_running(b),
               bp->max_batch);
        for (int d = 0; d < nd; d++) {
            int i = (int)(intptr_t)done[d].user;
            rr->out[i] = done[d].out;
            rr->frames[i] = done[d].frames;
            rr->status[i] = done[d].status;
            rr->steps_done[i] = done[d].steps_done;
            finished++;
        }
    }
    CHECKF(finished == n && submitted == n, "%d of %d finished", finished, n);
    f5_cfm_batch_stats st;
    f5_cfm_batcher_stats(b, &st);
    rr->max_running = st.max_running;
    rr->batch_steps = (int)st.steps;
    rr->max_frames_in_flight = st.max_frames_in_flight;
    CHECKF(st.texts <= n, "%lld text embeddings for %d items", st.texts, n); /* once per admitted item, never per step */
    f5_cfm_batcher_free(b);
}

/* Solo results by (model, spec index), computed once: the specs of every
 * test are k_specs' (submission times do not change a result). */
#define MAX_SPECS 8
static float *g_solo[2][MAX_SPECS];
static int g_solo_frames[2][MAX_SPECS];

static void free_solo_cache(void) {
    for (int m = 0; m < 2; m++)
        for (int i = 0; i < MAX_SPECS; i++) free(g_solo[m][i]);
}

/* Each successful item against f5_cfm_sample of the same request alone. */
static double compare_solo(f5_dit_ctx *solo, int model, const req_spec *specs, int n, const run_result *rr,
                           const char *tag) {
    double worst = 0;
    for (int i = 0; i < n && i < MAX_SPECS; i++) {
        if (rr->status[i] != F5_OK) continue;
        const req_spec *s = &specs[i];
        if (!g_solo[model][i]) {
            float *cond = malloc((size_t)s->ref_len * 100 * sizeof *cond);
            int32_t *text = malloc((size_t)s->n_text * sizeof *text);
            fill_inputs(cond, s->ref_len, text, s->n_text, s->seed);
            int eff = f5_cfm_effective_duration(s->ref_len, s->n_text, s->duration);
            g_solo[model][i] = malloc((size_t)eff * 100 * sizeof(float));
            f5_cfm_params p = f5_cfm_default_params();
            p.steps = s->steps;
            p.cfg_strength = s->cfg;
            f5_error err = {0};
            CHECK(f5_cfm_sample(solo, &p, cond, s->ref_len, text, s->n_text, s->duration, NULL, s->seed, NULL,
                                g_solo[model][i], &g_solo_frames[model][i], &err) == F5_OK);
            free(cond), free(text);
        }
        const float *ref = g_solo[model][i];
        int frames = g_solo_frames[model][i];
        CHECKF(rr->frames[i] == frames, "item %d: %d frames, solo %d", i, rr->frames[i], frames);
        if (rr->frames[i] == frames && rr->out[i]) {
            size_t nn = (size_t)frames * 100;
            double e = tu_rel_l2(rr->out[i], ref, nn), mx = 0;
            for (size_t j = 0; j < nn; j++) mx = fmax(mx, fabs((double)rr->out[i][j] - ref[j]));
            printf("  %s item %d (%d frames, %d steps, cfg %g): batched vs solo rel_l2 %.3g max_abs %.3g\n", tag, i,
                   frames, s->steps, (double)s->cfg, e, mx);
            CHECKF(e < SOLO_REL_L2, "%s item %d: rel_l2 %.3g >= %g", tag, i, e, SOLO_REL_L2);
            if (e > worst) worst = e;
        }
    }
    return worst;
}

static void free_results(run_result *rr, int n) {
    for (int i = 0; i < n; i++) free(rr->out[i]);
}

/* Four requests, different lengths (90, 61, 70, 65 frames: the last raised
 * to its text + 1), NFE (uniform 8, EPSS 6/5/7), CFG (one without),
 * admitted at steps 0, 0, 2, 3. */
static const req_spec k_specs[] = {
    {.ref_len = 40, .n_text = 30, .duration = 90, .steps = 6, .cfg = 2.0f, .seed = 11, .submit_at = 0},
    {.ref_len = 25, .n_text = 20, .duration = 61, .steps = 8, .cfg = 2.0f, .seed = 12, .submit_at = 0},
    {.ref_len = 50, .n_text = 44, .duration = 70, .steps = 5, .cfg = 0.0f, .seed = 13, .submit_at = 2},
    {.ref_len = 30, .n_text = 64, .duration = 45, .steps = 7, .cfg = 2.0f, .seed = 14, .submit_at = 3},
};
#define N_SPECS ((int)(sizeof k_specs / sizeof *k_specs))

static void one_model(const char *model, int model_idx) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, model, &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL, *solo = NULL;
    f5_error err = {0};
    f5_dit_ctx_params cp = f5_dit_ctx_default_params();
    cp.n_threads = 2;
    CHECK(f5_dit_ctx_create(d, &cp, &ctx, &err) == F5_OK);
    CHECK(f5_dit_ctx_create(d, &cp, &solo, &err) == F5_OK);
    if (ctx && solo) {
        item_state st[N_SPECS] = {{0}};
        run_result rr;
        f5_cfm_batch_params bp = {.max_batch = 4, .max_frames = 0};
        run_batched(ctx, &bp, k_specs, N_SPECS, st, &rr);
        CHECKF(rr.max_running == 4, "max in flight %d, expected all 4 together at some step", rr.max_running);
        /* the last item (7 steps from step 3) ends after batch step 9 */
        printf("  %s: %d batch steps for %d item steps (max %d in flight)\n", model, rr.batch_steps, 6 + 8 + 5 + 7,
               rr.max_running);
        CHECK(rr.batch_steps == 10);
        for (int i = 0; i < N_SPECS; i++) {
            CHECK(rr.status[i] == F5_OK);
            CHECKF(st[i].progress == k_specs[i].steps, "item %d progress %d", i, st[i].progress);
        }
        double worst = compare_solo(solo, model_idx, k_specs, N_SPECS, &rr, model);
        printf("  %s: worst batched-vs-solo rel_l2 %.3g (bound %g)\n", model, worst, SOLO_REL_L2);
        free_results(&rr, N_SPECS);
    }
    f5_dit_ctx_free(ctx);
    f5_dit_ctx_free(solo);
    f5_dit_free(d);
    f5_weights_free(w);
}

static void test_batched_equals_solo_v1(void) { one_model("dit_v1_tiny", 0); }
static void test_batched_equals_solo_v0(void) { one_model("dit_v0_tiny", 1); }

/* max_batch 2 and a frame budget: never more in flight than allowed, FIFO
 * order kept, results still equal the solo runs. */
static void test_admission_limits(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL, *solo = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, NULL, &ctx, &err) == F5_OK);
    CHECK(f5_dit_ctx_create(d, NULL, &solo, &err) == F5_OK);
    req_spec specs[N_SPECS];
    memcpy(specs, k_specs, sizeof specs);
    for (int i = 0; i < N_SPECS; i++) specs[i].submit_at = 0; /* all queued at once */
    item_state st[N_SPECS] = {{0}};
    run_result rr;
    f5_cfm_batch_params bp = {.max_batch = 2, .max_frames = 0};
    run_batched(ctx, &bp, specs, N_SPECS, st, &rr);
    printf("  max_batch 2: max in flight %d, %d batch steps\n", rr.max_running, rr.batch_steps);
    CHECK(rr.max_running == 2);
    compare_solo(solo, 0, specs, N_SPECS, &rr, "max_batch 2");
    free_results(&rr, N_SPECS);
    /* budget 200 frames: 90 + 61 (2 x 90) fits, a third (3 x 90) does not; then 61 + 70 (2 x 70) fits, 65 more
     * (3 x 70) does not: never more than 2 in flight */
    memset(st, 0, sizeof st);
    bp = (f5_cfm_batch_params){.max_batch = 4, .max_frames = 200};
    run_batched(ctx, &bp, specs, N_SPECS, st, &rr);
    printf("  budget 200 frames: max in flight %d, max items x frames %lld, %d batch steps\n", rr.max_running,
           (long long)rr.max_frames_in_flight, rr.batch_steps);
    CHECKF(rr.max_frames_in_flight <= 200, "budget exceeded: %lld", (long long)rr.max_frames_in_flight);
    CHECK(rr.max_running == 2);
    compare_solo(solo, 0, specs, N_SPECS, &rr, "budget 200");
    free_results(&rr, N_SPECS);
    /* items longer than the whole budget still run, alone */
    memset(st, 0, sizeof st);
    bp = (f5_cfm_batch_params){.max_batch = 4, .max_frames = 100};
    run_batched(ctx, &bp, specs, 2, st, &rr);
    CHECK(rr.status[0] == F5_OK && rr.status[1] == F5_OK);
    CHECK(rr.max_running == 1);
    free_results(&rr, 2);
    f5_dit_ctx_free(ctx);
    f5_dit_ctx_free(solo);
    f5_dit_free(d);
    f5_weights_free(w);
}

/* Item 1 aborts after 5 of its 8 steps: it leaves with F5_ERR_ABORTED,
 * the others are unchanged; a waiting item can abort before admission. */
static void test_abort_one(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL, *solo = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, NULL, &ctx, &err) == F5_OK);
    CHECK(f5_dit_ctx_create(d, NULL, &solo, &err) == F5_OK);
    item_state st[N_SPECS] = {{0}};
    st[1].abort_at = 5;
    run_result rr;
    f5_cfm_batch_params bp = {.max_batch = 4, .max_frames = 0};
    run_batched(ctx, &bp, k_specs, N_SPECS, st, &rr);
    CHECK(rr.status[1] == F5_ERR_ABORTED && rr.out[1] == NULL);
    CHECKF(rr.steps_done[1] == 5, "aborted after %d steps", rr.steps_done[1]);
    CHECK(rr.status[0] == F5_OK && rr.status[2] == F5_OK && rr.status[3] == F5_OK);
    double worst = compare_solo(solo, 0, k_specs, N_SPECS, &rr, "abort");
    printf("  one of 4 aborted at step 5: the other 3 worst rel_l2 vs solo %.3g\n", worst);
    free_results(&rr, N_SPECS);
    /* waiting item aborted before it ever runs (max_batch 1: item 1 waits behind item 0) */
    memset(st, 0, sizeof st);
    st[1].abort_at = -1; /* never set progress: abort whenever polled */
    req_spec two[2] = {k_specs[0], k_specs[1]};
    two[0].submit_at = two[1].submit_at = 0;
    bp.max_batch = 1;
    run_batched(ctx, &bp, two, 2, st, &rr);
    CHECK(rr.status[0] == F5_OK && rr.status[1] == F5_ERR_ABORTED && rr.steps_done[1] == 0);
    free_results(&rr, 2);
    f5_dit_ctx_free(ctx);
    f5_dit_ctx_free(solo);
    f5_dit_free(d);
    f5_weights_free(w);
}

/* The golden steps8 case (B = 1, injected noise) through the batcher, next
 * to a longer item on another grid (7 EPSS steps): the upstream output
 * within the case's tolerance. */
static void test_golden_through_batcher(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, NULL, &ctx, &err) == F5_OK);
    f5_weights *v = tu_vectors(g, "sample_v1_tiny/steps8.safetensors");
    const f5_tensor *nt;
    const float *cond = v ? tu_f32(v, "cond", NULL) : NULL, *noise = v ? tu_f32(v, "noise", &nt) : NULL;
    const float *ref = v ? tu_f32(v, "out", NULL) : NULL;
    int64_t T = 0;
    int32_t *text = v ? tu_i32(v, "text", &T) : NULL, *lens = v ? tu_i32(v, "lens", NULL) : NULL;
    int32_t *dur = v ? tu_i32(v, "duration_in", NULL) : NULL;
    f5_cfm_batcher *b = NULL;
    f5_cfm_batch_params bp = {.max_batch = 2};
    if (ctx && cond && noise && ref && text && lens && dur && f5_cfm_batcher_create(ctx, &bp, &b, &err) == F5_OK) {
        int N = (int)nt->shape[1];
        f5_cfm_request rq = {.params = f5_cfm_default_params(), .cond = cond, .ref_len = lens[0], .text = text,
                             .n_text = (int)T, .duration = dur[0], .noise = noise, .user = (void *)1};
        rq.params.steps = 8;
        f5_cfm_request other = rq; /* a longer neighbour with other noise and 12 steps */
        other.noise = NULL;
        other.seed = 5;
        other.duration = N + 37;
        other.params.steps = 7;
        other.user = (void *)2;
        CHECK(f5_cfm_batcher_submit(b, &other, NULL, &err) == F5_OK);
        CHECK(f5_cfm_batcher_submit(b, &rq, NULL, &err) == F5_OK);
        float *got = NULL;
        int frames = 0;
        for (int s = 0; s < 20 && f5_cfm_batcher_running(b) + f5_cfm_batcher_waiting(b) > 0; s++) {
            const f5_cfm_done *dn;
            int nd;
            CHECK(f5_cfm_batcher_step(b, &dn, &nd, &err) == F5_OK);
            for (int i = 0; i < nd; i++) {
                if (dn[i].user == (void *)1) got = dn[i].out, frames = dn[i].frames;
                else free(dn[i].out);
            }
        }
        CHECK(got && frames == N);
        if (got && frames == N) {
            double e = tu_rel_l2(got, ref, (size_t)N * 100);
            printf("  golden steps8 through the batcher (beside a %d-frame item): out rel_l2 %.3g (bound 3e-5)\n",
                   N + 37, e);
            CHECKF(e < 3e-5, "rel_l2 %.3g", e);
        }
        free(got);
    }
    f5_cfm_batcher_free(b);
    free(text), free(lens), free(dur);
    f5_weights_free(v);
    f5_dit_ctx_free(ctx);
    f5_dit_free(d);
    f5_weights_free(w);
}

static void test_bad_requests(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found (F5_GOLDEN_DIR)");
    f5_weights *w = NULL;
    f5_dit *d = tu_load_dit(g, "dit_v1_tiny", &w, NULL);
    if (!d) return;
    f5_dit_ctx *ctx = NULL;
    f5_error err = {0};
    CHECK(f5_dit_ctx_create(d, NULL, &ctx, &err) == F5_OK);
    f5_cfm_batcher *b = NULL;
    f5_cfm_batch_params bp = {.max_batch = 0};
    CHECK(f5_cfm_batcher_create(ctx, &bp, &b, &err) == F5_ERR_INVALID_ARG && b == NULL);
    CHECK(strstr(err.message, "max_batch") != NULL);
    bp.max_batch = 2;
    CHECK(f5_cfm_batcher_create(ctx, &bp, &b, &err) == F5_OK);
    f5_cfm_request rq = {.params = f5_cfm_default_params(), .ref_len = 0, .duration = 10};
    rq.params.steps = 0;
    CHECK(f5_cfm_batcher_submit(b, &rq, NULL, &err) == F5_ERR_INVALID_ARG);
    rq.params.steps = 4;
    rq.params.cfg_strength = NAN;
    CHECK(f5_cfm_batcher_submit(b, &rq, NULL, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_cfm_batcher_waiting(b) == 0);
    const f5_cfm_done *dn;
    int nd = -1;
    CHECK(f5_cfm_batcher_step(b, &dn, &nd, &err) == F5_OK && nd == 0); /* nothing queued: nothing done */
    f5_cfm_batcher_free(b);
    f5_dit_ctx_free(ctx);
    f5_dit_free(d);
    f5_weights_free(w);
}

int main(void) {
    t_case cases[] = {TEST(test_batched_equals_solo_v1), TEST(test_batched_equals_solo_v0),
                      TEST(test_admission_limits), TEST(test_abort_one), TEST(test_golden_through_batcher),
                      TEST(test_bad_requests)};
    int rc = t_run(cases, (int)(sizeof cases / sizeof *cases));
    free_solo_cache();
    return rc;
}
