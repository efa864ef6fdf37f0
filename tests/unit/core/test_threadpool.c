/* test_threadpool.c - the fork-join pool: every item of [0, n) lands in
 * exactly one range, there are never more ranges than threads or than
 * min_chunk allows, worker 0 is the caller, the caller sees every worker's
 * writes once f5_threadpool_for returns (over many back-to-back jobs), and
 * separate pools run side by side on separate threads (one pool per
 * session). The writes are plain ints on purpose: under ThreadSanitizer
 * (make test-tsan) a missing happens-before edge is reported as a race. */
#include "core/threadpool.h"
#include "test.h"

#include <pthread.h>
#include <stdint.h>

enum { MAX_N = 5000, MAX_THREADS = 8 };

typedef struct job {
    int hits[MAX_N];                   /* per item; each written by the one range that owns it */
    int64_t begin[MAX_THREADS], end[MAX_THREADS];
    int ranges[MAX_THREADS];           /* ranges run per worker id (each slot written by one thread) */
    int caller_is_worker0;             /* written by worker 0 only */
    int bad_worker;
    pthread_t caller;
} job;

static void visit(void *arg, int64_t b, int64_t e, int worker) {
    job *j = arg;
    if (worker < 0 || worker >= MAX_THREADS) {
        j->bad_worker = 1; /* only the caller can run an out-of-range id (pool size 1) */
        return;
    }
    j->ranges[worker]++;
    j->begin[worker] = b;
    j->end[worker] = e;
    if (worker == 0) j->caller_is_worker0 = pthread_equal(pthread_self(), j->caller);
    for (int64_t i = b; i < e; i++) j->hits[i]++;
}

/* One f5_threadpool_for over [0, n); returns the number of failed checks. */
static int run_once(f5_threadpool *p, job *j, int64_t n, int64_t min_chunk) {
    memset(j, 0, sizeof *j);
    j->caller = pthread_self();
    f5_threadpool_for(p, n, min_chunk, visit, j);
    int bad = j->bad_worker;
    int64_t covered = 0;
    int n_ranges = 0;
    for (int w = 0; w < MAX_THREADS; w++) {
        bad += j->ranges[w] > 1;
        if (!j->ranges[w]) continue;
        n_ranges++;
        bad += w >= f5_threadpool_size(p);
        bad += j->begin[w] >= j->end[w];
        covered += j->end[w] - j->begin[w];
    }
    for (int64_t i = 0; i < n; i++) bad += j->hits[i] != 1;
    bad += covered != n;
    int64_t mc = min_chunk < 1 ? 1 : min_chunk;
    if (n > 0) {
        bad += n_ranges > f5_threadpool_size(p) || n_ranges > (n + mc - 1) / mc;
        bad += j->ranges[0] == 1 && !j->caller_is_worker0;
    }
    return bad;
}

static const int64_t sizes[] = {0, 1, 2, 3, 7, 64, 100, 1000, 4999};
static const int64_t chunks[] = {0, 1, 4, 16, 300};

static void test_every_item_once(void) {
    for (int nt = 1; nt <= 5; nt++) {
        f5_threadpool *p = NULL;
        CHECK(f5_threadpool_create(nt, &p, NULL) == F5_OK);
        if (!p) continue;
        CHECK(f5_threadpool_size(p) == nt);
        job *j = malloc(sizeof *j);
        CHECK(j != NULL);
        for (size_t a = 0; j && a < sizeof sizes / sizeof *sizes; a++)
            for (size_t b = 0; b < sizeof chunks / sizeof *chunks; b++)
                CHECKF(run_once(p, j, sizes[a], chunks[b]) == 0, "threads %d, n %lld, min_chunk %lld", nt,
                       (long long)sizes[a], (long long)chunks[b]);
        free(j);
        f5_threadpool_free(p);
    }
}

static void test_null_pool_is_serial(void) {
    job *j = malloc(sizeof *j);
    CHECK(j != NULL);
    if (!j) return;
    CHECK(run_once(NULL, j, 1000, 1) == 0);
    CHECK(j->ranges[0] == 1 && j->begin[0] == 0 && j->end[0] == 1000 && j->caller_is_worker0);
    free(j);
}

/* A thread that owns a pool and runs many small jobs back to back, the
 * way a session drives its DiT context. */
typedef struct owner {
    int threads, rounds, failures;
} owner;

static void *owner_main(void *arg) {
    owner *o = arg;
    f5_threadpool *p = NULL;
    job *j = malloc(sizeof *j);
    if (!j || f5_threadpool_create(o->threads, &p, NULL) != F5_OK) {
        o->failures = 1;
        free(j);
        return NULL;
    }
    for (int r = 0; r < o->rounds; r++) o->failures += run_once(p, j, 1 + r % 97, r % 3) != 0;
    f5_threadpool_free(p);
    free(j);
    return NULL;
}

static void test_pools_side_by_side(void) {
    owner o[3] = {{2, 400, 0}, {3, 400, 0}, {4, 400, 0}};
    pthread_t th[3];
    int started = 0;
    for (int i = 0; i < 3; i++) started += pthread_create(&th[i], NULL, owner_main, &o[i]) == 0;
    CHECK(started == 3);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    for (int i = 0; i < started; i++) CHECKF(o[i].failures == 0, "owner %d: %d bad rounds", i, o[i].failures);
}

static void test_create_free_churn(void) {
    /* workers that have not reached their first wait yet must still see the stop */
    for (int i = 0; i < 50; i++) {
        f5_threadpool *p = NULL;
        CHECK(f5_threadpool_create(1 + i % 4, &p, NULL) == F5_OK);
        f5_threadpool_free(p);
    }
    f5_threadpool *p = NULL;
    CHECK(f5_threadpool_create(1025, &p, NULL) == F5_ERR_INVALID_ARG && p == NULL);
    f5_threadpool_free(NULL);
}

TEST_MAIN(TEST(test_every_item_once), TEST(test_null_pool_is_serial), TEST(test_pools_side_by_side),
          TEST(test_create_free_churn))
