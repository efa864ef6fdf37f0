/* test_crossfade.c - the chunk cross-fade: a direct transcription of the
 * upstream formula (numpy linspace ramps in float64) as the oracle, the
 * streaming cross-fader equal to it for many chunk-length patterns, early
 * emission (only the fade tail is held back), short chunks, no fade. */
#include "audio/audio.h"
#include "test.h"

/* Oracle: out = prev[:-n] ++ prev[-n:]*linspace(1,0,n) + next[:n]*linspace(0,1,n) ++ next[n:] */
static double *oracle_join(double *prev, size_t *pn, const float *next, size_t nn, size_t fade) {
    size_t n = fade;
    if (*pn < n) n = *pn;
    if (nn < n) n = nn;
    double *o = malloc((*pn + nn) * sizeof *o + 8);
    memcpy(o, prev, (*pn - n) * sizeof *o);
    for (size_t i = 0; i < n; i++) {
        double fo = n == 1 ? 1.0 : 1.0 - (double)i / (double)(n - 1), fi = n == 1 ? 0.0 : (double)i / (double)(n - 1);
        o[*pn - n + i] = prev[*pn - n + i] * fo + (double)next[i] * fi;
    }
    for (size_t i = n; i < nn; i++) o[*pn - n + i] = next[i];
    *pn = *pn + nn - n;
    free(prev);
    return o;
}

typedef struct sink {
    float *buf;
    size_t n;
    size_t calls;
} sink;

static f5_status on_emit(void *u, const float *pcm, size_t n) {
    sink *s = u;
    s->buf = realloc(s->buf, (s->n + n) * sizeof *s->buf);
    memcpy(s->buf + s->n, pcm, n * sizeof *pcm);
    s->n += n;
    s->calls++;
    return F5_OK;
}

static float *chunk(size_t n, unsigned seed) {
    float *x = malloc((n ? n : 1) * sizeof *x);
    for (size_t i = 0; i < n; i++) x[i] = (float)sin(0.01 * i * (seed + 1) + seed) * 0.5f;
    return x;
}

static void run_pattern(const size_t *lens, int k, double fade_s) {
    const int sr = 24000;
    size_t fade = (size_t)(fade_s * sr);
    sink s = {0};
    f5_crossfader *c = NULL;
    CHECK(f5_crossfader_create(fade_s, sr, on_emit, &s, &c, NULL) == F5_OK);
    double *ora = malloc(8);
    size_t on = 0;
    float *acc = NULL;
    size_t an = 0;
    for (int i = 0; i < k; i++) {
        float *x = chunk(lens[i], (unsigned)i);
        size_t before = s.n;
        CHECK(f5_crossfader_push(c, x, lens[i], NULL) == F5_OK);
        ora = oracle_join(ora, &on, x, lens[i], fade);
        CHECK(f5_crossfade_append(&acc, &an, x, lens[i], fade_s, sr, NULL) == F5_OK);
        /* everything but the fade tail is out already */
        size_t held = on - s.n;
        CHECKF(held == (fade < on ? fade : on), "held %zu after chunk %d", held, i);
        CHECK(s.n >= before);
        free(x);
    }
    CHECK(f5_crossfader_finish(c, NULL) == F5_OK);
    CHECK(s.n == on && an == on);
    double m1 = 0, m2 = 0;
    for (size_t i = 0; i < on && s.n == on && an == on; i++) {
        m1 = fmax(m1, fabs(s.buf[i] - ora[i]));
        m2 = fmax(m2, fabs(acc[i] - ora[i]));
    }
    CHECKF(m1 <= 6e-8 && m2 <= 6e-8, "stream %g, append %g", m1, m2);
    f5_crossfader_free(c);
    free(s.buf), free(ora), free(acc);
}

static void test_patterns(void) {
    const size_t p1[] = {24000, 24000, 24000};
    const size_t p2[] = {100000, 2000, 50000};   /* a chunk shorter than the fade */
    const size_t p3[] = {1000, 500, 3600, 1, 7000}; /* first chunks shorter than the fade */
    const size_t p4[] = {3600, 3600, 3600};
    const size_t p5[] = {0, 5000, 0, 5000};
    run_pattern(p1, 3, 0.15);
    run_pattern(p2, 3, 0.15);
    run_pattern(p3, 5, 0.15);
    run_pattern(p4, 3, 0.15);
    run_pattern(p5, 4, 0.15);
    run_pattern(p1, 3, 0.0);
}

static void test_known_values(void) {
    /* prev = 1s, next = 0s, n = 5: linspace(1,0,5) = 1 .75 .5 .25 0 */
    float one[10], zero[10];
    for (int i = 0; i < 10; i++) one[i] = 1, zero[i] = 0;
    float *acc = NULL;
    size_t an = 0;
    CHECK(f5_crossfade_append(&acc, &an, one, 10, 0, 1000, NULL) == F5_OK && an == 10);
    CHECK(f5_crossfade_append(&acc, &an, zero, 10, 0.005, 1000, NULL) == F5_OK);
    CHECK(an == 15);
    const float want[] = {1, 1, 1, 1, 1, 1, .75f, .5f, .25f, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 15 && an == 15; i++) CHECKF(acc[i] == want[i], "i=%d %g", i, acc[i]);
    free(acc);
    /* invalid arguments */
    f5_crossfader *c = NULL;
    CHECK(f5_crossfader_create(-1, 24000, on_emit, NULL, &c, NULL) == F5_ERR_INVALID_ARG);
    CHECK(f5_crossfader_create(0.1, 24000, NULL, NULL, &c, NULL) == F5_ERR_INVALID_ARG);
}

static f5_status failing_emit(void *u, const float *pcm, size_t n) { return F5_ERR_ABORTED; }

static void test_emit_failure_propagates(void) {
    f5_crossfader *c = NULL;
    f5_error err = {0};
    CHECK(f5_crossfader_create(0.01, 1000, failing_emit, NULL, &c, &err) == F5_OK);
    float x[100] = {0};
    CHECK(f5_crossfader_push(c, x, 100, &err) == F5_ERR_ABORTED);
    CHECK(err.status == F5_ERR_ABORTED && err.message[0]);
    f5_crossfader_free(c);
}

TEST_MAIN(TEST(test_patterns), TEST(test_known_values), TEST(test_emit_failure_propagates))
