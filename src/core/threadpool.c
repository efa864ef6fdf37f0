/* threadpool.c - fork-join pool on pthreads: a job generation counter under
 * one mutex, workers wait on a condvar for a new generation, the caller
 * waits on another until every worker has finished its range. */
#include "core/threadpool.h"

#include "core/error.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

struct f5_threadpool {
    int n;              /* threads including the caller */
    pthread_t *threads; /* [n-1] */
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
    uint64_t generation;
    int pending; /* workers still running the current job */
    bool stop;
    /* current job */
    f5_range_fn fn;
    void *arg;
    int64_t n_items, chunk;
};

typedef struct worker_arg {
    f5_threadpool *p;
    int id;
} worker_arg;

static void run_range(f5_threadpool *p, int id) {
    int64_t b = (int64_t)id * p->chunk, e = b + p->chunk;
    if (e > p->n_items) e = p->n_items;
    if (b < e) p->fn(p->arg, b, e, id);
}

static void *worker_main(void *a) {
    worker_arg *wa = a;
    f5_threadpool *p = wa->p;
    int id = wa->id;
    free(wa);
    uint64_t seen = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->generation == seen) pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->stop) break;
        seen = p->generation;
        pthread_mutex_unlock(&p->mu);
        run_range(p, id);
        pthread_mutex_lock(&p->mu);
        if (--p->pending == 0) pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int f5_cpu_count(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (int)n;
}

f5_status f5_threadpool_create(int n_threads, f5_threadpool **out, f5_error *err) {
    *out = NULL;
    if (n_threads < 1 || n_threads > 1024)
        return f5_errf(err, F5_ERR_INVALID_ARG, "threadpool: n_threads %d out of range [1, 1024]", n_threads);
    f5_threadpool *p = calloc(1, sizeof *p);
    if (!p) return f5_errf(err, F5_ERR_NOMEM, "threadpool: out of memory");
    p->n = 1;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    if (n_threads > 1) {
        p->threads = calloc((size_t)n_threads - 1, sizeof *p->threads);
        if (!p->threads) goto nomem;
        for (int i = 1; i < n_threads; i++) {
            worker_arg *wa = malloc(sizeof *wa);
            if (!wa) goto nomem;
            wa->p = p;
            wa->id = i;
            if (pthread_create(&p->threads[i - 1], NULL, worker_main, wa) != 0) {
                free(wa);
                f5_threadpool_free(p);
                return f5_errf(err, F5_ERR_INTERNAL, "threadpool: pthread_create failed for thread %d", i);
            }
            p->n = i + 1;
        }
    }
    *out = p;
    return F5_OK;
nomem:
    f5_threadpool_free(p);
    return f5_errf(err, F5_ERR_NOMEM, "threadpool: out of memory");
}

void f5_threadpool_free(f5_threadpool *p) {
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n - 1; i++) pthread_join(p->threads[i], NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work_cv);
    pthread_cond_destroy(&p->done_cv);
    free(p->threads);
    free(p);
}

int f5_threadpool_size(const f5_threadpool *p) { return p ? p->n : 1; }

void f5_threadpool_for(f5_threadpool *p, int64_t n, int64_t min_chunk, f5_range_fn fn, void *arg) {
    if (n <= 0) return;
    if (min_chunk < 1) min_chunk = 1;
    int nt = p ? p->n : 1;
    int64_t max_parts = (n + min_chunk - 1) / min_chunk;
    if (max_parts < nt) nt = (int)max_parts;
    if (nt <= 1) {
        fn(arg, 0, n, 0);
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->fn = fn;
    p->arg = arg;
    p->n_items = n;
    p->chunk = (n + nt - 1) / nt;
    p->pending = p->n - 1;
    p->generation++;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    run_range(p, 0);
    pthread_mutex_lock(&p->mu);
    while (p->pending > 0) pthread_cond_wait(&p->done_cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
}
