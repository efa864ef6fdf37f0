/* test_batch.c - the public batching API (f5_batch, f5_synthesize_batched)
 * on the random-weight test model (`f5tts make-test-model`): four threads
 * with different texts, NFE counts and seeds synthesise through one batch;
 * each result equals f5_synthesize of the same request alone (same seed)
 * within 1e-5 relative L2 of the PCM (measured, printed); the chunks really
 * shared evaluations; progress reaches the last step; one aborted request
 * ends with F5_ERR_ABORTED while the others stay equal; bad arguments.
 * Job 3's text is two chunks (each its own batch item). */
#include "f5tts.h"
#include "test.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PCM_REL_L2 1e-5

static char g_dir[256];
static f5_model *M;
static f5_vocoder *V;
static f5_voice *VOICE;

typedef struct job {
    const char *text;
    int nfe;
    float fix_duration; /* seconds per chunk (ref + gen): keeps the audio short */
    uint64_t seed;
    int abort_after; /* steps; 0 = never */
    f5_batch *batch;
    pthread_barrier_t *start;
    /* out */
    f5_status st;
    f5_synth_result res;
    int last_step, n_steps;
    char msg[F5_ERROR_MSG_MAX];
} job;

static void on_progress(void *u, int chunk, int n_chunks, int step, int n_steps) {
    (void)chunk, (void)n_chunks;
    job *j = u;
    j->last_step = step;
    j->n_steps = n_steps;
}
static bool on_abort(void *u) {
    job *j = u;
    return j->abort_after > 0 && j->last_step >= j->abort_after;
}

static f5_synth_params params_of(job *j) {
    f5_synth_params p = f5_synth_default_params();
    p.nfe_step = j->nfe;
    p.fix_duration = j->fix_duration;
    p.seed_set = true;
    p.seed = j->seed;
    p.progress = on_progress;
    p.should_abort = on_abort;
    p.user = j;
    return p;
}

static void *run_batched(void *arg) {
    job *j = arg;
    f5_session *s = NULL;
    f5_error err = {0};
    j->st = f5_session_create(M, V, NULL, &s, &err);
    if (j->start) pthread_barrier_wait(j->start);
    if (j->st == F5_OK) {
        f5_synth_params p = params_of(j);
        j->st = f5_synthesize_batched(j->batch, s, VOICE, j->text, &p, true, &j->res, &err);
    }
    snprintf(j->msg, sizeof j->msg, "%s", err.message);
    f5_session_free(s);
    return NULL;
}

static int setup(void) {
    const char *bin = getenv("F5_BIN");
    if (!bin) return 0;
    snprintf(g_dir, sizeof g_dir, "/tmp/f5_batch_XXXXXX");
    if (!mkdtemp(g_dir)) return 0;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' make-test-model '%s/m' >/dev/null", bin, g_dir);
    if (system(cmd) != 0) return 0;
    char p[512];
    f5_error err = {0};
    f5_model_params mp = f5_model_default_params();
    mp.n_threads = 2;
    snprintf(p, sizeof p, "%s/m", g_dir);
    CHECKF(f5_model_load(p, &mp, &M, &err) == F5_OK, "%s", err.message);
    snprintf(p, sizeof p, "%s/m/vocos", g_dir);
    CHECKF(f5_vocoder_load(p, NULL, &V, &err) == F5_OK, "%s", err.message);
    snprintf(p, sizeof p, "%s/m/ref.wav", g_dir);
    if (M) CHECKF(f5_voice_create_file(M, p, "xin chào các bạn", NULL, &VOICE, &err) == F5_OK, "%s", err.message);
    return M && V && VOICE;
}

static double rel_l2(const float *a, const float *b, size_t n) {
    double num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)a[i] - b[i];
        num += d * d;
        den += (double)b[i] * b[i];
    }
    return den > 0 ? sqrt(num / den) : sqrt(num);
}

static const char *TEXTS[] = {
    "Hôm nay trời đẹp quá.",
    "Chúng ta đi dạo nhé, gió nhẹ.",
    "Xin chào.",
    ("Người dân nên mặc thêm áo ấm khi ra ngoài vào buổi tối, nhất là người già và trẻ nhỏ. Ngày mai có mưa "
     "phùn nhẹ vào buổi sáng, sương mù dày đặc trên các tuyến đường phía bắc."),
};
static const int NFES[] = {6, 8, 5, 4};
/* the reference is 2.5 s: each chunk generates 0.3-0.9 s (different lengths) */
static const float FIX[] = {3.0f, 3.4f, 2.8f, 3.2f};

/* Run 4 jobs through a fresh batch (max_batch 4), then each alone; returns the worst rel_l2. */
static double four(int abort_index, int *max_running) {
    f5_batch *b = NULL;
    f5_error err = {0};
    f5_batch_params bp = f5_batch_default_params();
    bp.max_batch = 4;
    bp.n_threads = 2;
    CHECKF(f5_batch_create(M, &bp, &b, &err) == F5_OK, "%s", err.message);
    if (!b) return INFINITY;
    job jobs[4];
    pthread_t th[4];
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, 4);
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){.text = TEXTS[i], .nfe = NFES[i], .fix_duration = FIX[i], .seed = 100 + (uint64_t)i,
                        .batch = b, .start = &start,
                        .abort_after = i == abort_index ? 3 : 0};
        pthread_create(&th[i], NULL, run_batched, &jobs[i]);
    }
    for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
    pthread_barrier_destroy(&start);
    f5_batch_stats bs;
    f5_batch_get_stats(b, &bs);
    *max_running = bs.max_running;
    printf("  batch: %lld evaluations, %lld rows, %lld chunks, max %d chunks in one evaluation\n", bs.steps, bs.rows,
           bs.items, bs.max_running);
    CHECK(bs.running == 0 && bs.waiting == 0);
    f5_batch_free(b);
    double worst = 0;
    f5_session *solo = NULL;
    CHECK(f5_session_create(M, V, NULL, &solo, &err) == F5_OK);
    for (int i = 0; i < 4; i++) {
        job *j = &jobs[i];
        if (i == abort_index) {
            CHECKF(j->st == F5_ERR_ABORTED, "job %d: %s (%s)", i, f5_status_str(j->st), j->msg);
            /* the flag is set by the caller once it has seen step 3; the driver may have run one more */
            CHECKF(j->last_step >= 3 && j->last_step <= 5, "aborted job reached step %d of %d", j->last_step, j->nfe);
            f5_synth_result_free(&j->res);
            continue;
        }
        CHECKF(j->st == F5_OK, "job %d: %s", i, j->msg);
        CHECKF(j->last_step == j->nfe, "job %d: progress ended at step %d of %d", i, j->last_step, j->nfe);
        job ref = {.nfe = j->nfe, .fix_duration = j->fix_duration, .seed = j->seed};
        f5_synth_params p = params_of(&ref);
        f5_synth_result r;
        CHECK(f5_synthesize(solo, VOICE, j->text, &p, true, &r, &err) == F5_OK);
        CHECKF(r.n_samples == j->res.n_samples, "job %d: %zu samples, solo %zu", i, j->res.n_samples, r.n_samples);
        if (r.n_samples == j->res.n_samples && r.pcm && j->res.pcm) {
            double e = rel_l2(j->res.pcm, r.pcm, r.n_samples);
            printf("  job %d (%d chunk%s, NFE %d, %.2f s): batched vs solo PCM rel_l2 %.3g\n", i, j->res.n_chunks,
                   j->res.n_chunks > 1 ? "s" : "", j->nfe, j->res.audio_seconds, e);
            CHECKF(e < PCM_REL_L2, "job %d: rel_l2 %.3g >= %g", i, e, PCM_REL_L2);
            if (e > worst) worst = e;
        }
        f5_synth_result_free(&r);
        f5_synth_result_free(&j->res);
    }
    f5_session_free(solo);
    return worst;
}

static void test_four_threads_equal_solo(void) {
    if (!M) TEST_SKIP("no test model (F5_BIN make-test-model)");
    int mr = 0;
    double worst = four(-1, &mr);
    printf("  worst batched-vs-solo PCM rel_l2 %.3g (bound %g)\n", worst, PCM_REL_L2);
    CHECKF(mr >= 2, "the four syntheses never shared an evaluation (max %d)", mr);
}

static void test_abort_one(void) {
    if (!M) TEST_SKIP("no test model (F5_BIN make-test-model)");
    int mr = 0;
    double worst = four(1, &mr);
    printf("  job 1 aborted after step 3: the other three worst rel_l2 %.3g\n", worst);
}

static void test_bad_args(void) {
    if (!M) TEST_SKIP("no test model (F5_BIN make-test-model)");
    f5_batch *b = NULL;
    f5_error err = {0};
    f5_batch_params bp = f5_batch_default_params();
    bp.max_batch = 0;
    CHECK(f5_batch_create(M, &bp, &b, &err) == F5_ERR_INVALID_ARG && !b);
    CHECK(strstr(err.message, "max_batch") != NULL);
    CHECK(f5_batch_create(NULL, NULL, &b, &err) == F5_ERR_INVALID_ARG);
    f5_synth_result r;
    CHECK(f5_synthesize_batched(NULL, NULL, VOICE, "x", NULL, true, &r, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_batch_create(M, NULL, &b, &err) == F5_OK);
    f5_batch_free(b); /* idle: returns at once */
    f5_batch_free(NULL);
}

int main(void) {
    int ok = setup();
    t_case cases[] = {TEST(test_four_threads_equal_solo), TEST(test_abort_one), TEST(test_bad_args)};
    int rc = t_run(cases, 3);
    (void)ok;
    f5_voice_free(VOICE);
    f5_vocoder_free(V);
    f5_model_free(M);
    if (g_dir[0]) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", g_dir);
    }
    return rc;
}
