/* batch.c - f5_batch: the public face of the step-level batcher. One
 * driver thread owns the DiT context and the f5_cfm_batcher; calling
 * threads (f5_synthesize_batched, one per synthesis) hand each chunk's
 * sampling request to it through an inbox and wait for the result. The
 * driver only records progress and reads an abort flag; the callers' own
 * callbacks (progress, should_abort) run on the calling threads, which
 * wake on every step of their chunk.
 */
#include "core/error.h"
#include "model/cfm_batch.h"
#include "pipeline/pipeline_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One chunk's request, on its caller's stack while it waits. */
typedef struct waiter {
    struct f5_batch *b;
    f5_cfm_request rq;
    pthread_cond_t cv;
    int step, n_steps;    /* progress reported by the driver */
    bool done;
    f5_status st;
    float *out;           /* result (malloc'd by the batcher) */
    int frames;
    char msg[F5_ERROR_MSG_MAX];
    atomic_bool abort;    /* set by the caller, read by the driver */
    struct waiter *next;  /* inbox */
} waiter;

struct f5_batch {
    const f5_model *model;
    f5_dit_ctx *ctx;
    f5_cfm_batcher *batcher;
    pthread_t thread;
    bool started;
    pthread_mutex_t mu;
    pthread_cond_t cv;    /* driver: work arrived or stop */
    waiter *inbox_head, *inbox_tail;
    bool stop;
    f5_batch_stats stats; /* under mu */
};

f5_batch_params f5_batch_default_params(void) {
    return (f5_batch_params){.max_batch = 16, .max_frames = 0, .n_threads = 0};
}

static void drv_progress(void *user, int step, int n_steps) {
    waiter *w = user;
    pthread_mutex_lock(&w->b->mu); /* the driver steps unlocked; the caller reads these under mu */
    w->step = step;
    w->n_steps = n_steps;
    pthread_mutex_unlock(&w->b->mu);
}

static bool drv_abort(void *user) { return atomic_load(&((waiter *)user)->abort); }

static void finish(f5_batch *b, waiter *w, f5_status st, float *out, int frames, const char *msg) {
    pthread_mutex_lock(&b->mu);
    w->done = true;
    w->st = st;
    w->out = out;
    w->frames = frames;
    if (st != F5_OK) snprintf(w->msg, sizeof w->msg, "%s", msg && *msg ? msg : f5_status_str(st));
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&b->mu);
}

static void *driver_main(void *arg) {
    f5_batch *b = arg;
    waiter **running = NULL; /* waiters submitted to the batcher, to wake on each step */
    int n_running = 0, cap_running = 0;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        while (!b->stop && !b->inbox_head && f5_cfm_batcher_running(b->batcher) == 0 &&
               f5_cfm_batcher_waiting(b->batcher) == 0)
            pthread_cond_wait(&b->cv, &b->mu);
        if (b->stop) {
            pthread_mutex_unlock(&b->mu);
            break;
        }
        waiter *in = b->inbox_head;
        b->inbox_head = b->inbox_tail = NULL;
        pthread_mutex_unlock(&b->mu);
        for (waiter *w = in, *nx; w; w = nx) {
            nx = w->next;
            f5_error err = {0};
            w->rq.hooks = (f5_cfm_hooks){.user = w, .progress = drv_progress, .abort = drv_abort};
            w->rq.user = w;
            if (n_running == cap_running) {
                int cap = cap_running ? 2 * cap_running : 32;
                waiter **r = realloc(running, (size_t)cap * sizeof *r);
                if (!r) {
                    finish(b, w, F5_ERR_NOMEM, NULL, 0, "batch: out of memory");
                    continue;
                }
                running = r;
                cap_running = cap;
            }
            if (f5_cfm_batcher_submit(b->batcher, &w->rq, NULL, &err) != F5_OK) {
                finish(b, w, err.status, NULL, 0, err.message);
                continue;
            }
            running[n_running++] = w;
        }
        const f5_cfm_done *done = NULL;
        int nd = 0;
        f5_error err = {0};
        f5_cfm_batcher_step(b->batcher, &done, &nd, &err);
        f5_cfm_batch_stats cs;
        f5_cfm_batcher_stats(b->batcher, &cs);
        pthread_mutex_lock(&b->mu);
        b->stats.steps = cs.steps;
        b->stats.rows = cs.rows;
        b->stats.max_running = cs.max_running;
        b->stats.running = f5_cfm_batcher_running(b->batcher);
        b->stats.waiting = f5_cfm_batcher_waiting(b->batcher);
        for (int i = 0; i < n_running; i++) pthread_cond_signal(&running[i]->cv); /* progress */
        pthread_mutex_unlock(&b->mu);
        for (int d = 0; d < nd; d++) {
            waiter *w = done[d].user;
            for (int i = 0; i < n_running; i++)
                if (running[i] == w) {
                    running[i] = running[--n_running];
                    break;
                }
            const char *msg = done[d].status == F5_ERR_ABORTED ? "sampling aborted" : err.message;
            if (done[d].status == F5_OK) { /* counted before the caller can see its result */
                pthread_mutex_lock(&b->mu);
                b->stats.items++;
                pthread_mutex_unlock(&b->mu);
            }
            finish(b, w, done[d].status, done[d].out, done[d].frames, msg);
        }
    }
    /* stopping: whatever still waits ends aborted (f5_batch_free's contract) */
    for (int i = 0; i < n_running; i++) finish(b, running[i], F5_ERR_ABORTED, NULL, 0, "the batch was freed");
    pthread_mutex_lock(&b->mu);
    waiter *in = b->inbox_head;
    b->inbox_head = b->inbox_tail = NULL;
    pthread_mutex_unlock(&b->mu);
    for (waiter *w = in, *nx; w; w = nx) {
        nx = w->next;
        finish(b, w, F5_ERR_ABORTED, NULL, 0, "the batch was freed");
    }
    free(running);
    return NULL;
}

f5_status f5_batch_create(const f5_model *m, const f5_batch_params *pp, f5_batch **out, f5_error *err) {
    *out = NULL;
    f5_batch_params p = pp ? *pp : f5_batch_default_params();
    if (!m) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_batch_create: a model is required");
    if (p.max_batch < 1 || p.max_batch > 4096 || p.max_frames < 0 || p.n_threads < 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_batch_create: max_batch %d (1..4096), max_frames %lld, n_threads %d",
                       p.max_batch, (long long)p.max_frames, p.n_threads);
    f5_batch *b = calloc(1, sizeof *b);
    if (!b) return f5_errf(err, F5_ERR_NOMEM, "f5_batch_create: out of memory");
    b->model = m;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    int nt = p.n_threads > 0 ? p.n_threads : m->n_threads;
    if (nt <= 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        nt = c > 0 ? (int)c : 1;
    }
    f5_dit_ctx_params dp = f5_dit_ctx_default_params();
    dp.backend = F5_BACKEND_CPU;
    dp.n_threads = nt;
    dp.prec = m->prec;
    f5_cfm_batch_params bp = {.max_batch = p.max_batch, .max_frames = p.max_frames};
    f5_status st = f5_dit_ctx_create(m->dit, &dp, &b->ctx, err);
    if (st == F5_OK) st = f5_cfm_batcher_create(b->ctx, &bp, &b->batcher, err);
    if (st == F5_OK && pthread_create(&b->thread, NULL, driver_main, b) != 0)
        st = f5_errf(err, F5_ERR_INTERNAL, "f5_batch_create: cannot start the driver thread");
    if (st != F5_OK) {
        f5_batch_free(b);
        return st;
    }
    b->started = true;
    *out = b;
    return F5_OK;
}

void f5_batch_free(f5_batch *b) {
    if (!b) return;
    if (b->started) {
        pthread_mutex_lock(&b->mu);
        b->stop = true;
        pthread_cond_signal(&b->cv);
        pthread_mutex_unlock(&b->mu);
        pthread_join(b->thread, NULL);
    }
    f5_cfm_batcher_free(b->batcher);
    f5_dit_ctx_free(b->ctx);
    pthread_cond_destroy(&b->cv);
    pthread_mutex_destroy(&b->mu);
    free(b);
}

void f5_batch_get_stats(f5_batch *b, f5_batch_stats *st) {
    pthread_mutex_lock(&b->mu);
    *st = b->stats;
    pthread_mutex_unlock(&b->mu);
}

/* The sampler hook of f5_synthesize_ex: one chunk through the batch. */
static f5_status batch_sample(void *user, const f5_cfm_params *p, const float *cond, int ref_len, const int32_t *text,
                              int n_text, int duration, const float *noise, uint64_t seed, const f5_cfm_hooks *hooks,
                              float *out, int *out_frames, f5_error *err) {
    f5_batch *b = user;
    waiter w;
    memset(&w, 0, sizeof w);
    w.b = b;
    w.rq = (f5_cfm_request){.params = *p, .cond = cond, .ref_len = ref_len, .text = text, .n_text = n_text,
                            .duration = duration, .noise = noise, .seed = seed};
    atomic_init(&w.abort, false);
    pthread_cond_init(&w.cv, NULL);
    if (hooks && hooks->abort && hooks->abort(hooks->user)) {
        pthread_cond_destroy(&w.cv);
        if (out_frames) *out_frames = 0;
        return f5_errf(err, F5_ERR_ABORTED, "sampler: aborted before step 1 of %d", p->steps);
    }
    pthread_mutex_lock(&b->mu);
    if (b->inbox_tail)
        b->inbox_tail->next = &w;
    else
        b->inbox_head = &w;
    b->inbox_tail = &w;
    pthread_cond_signal(&b->cv);
    int reported = 0;
    while (!w.done) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 50 * 1000000L; /* the caller's abort callback is polled at least every 50 ms */
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_cond_timedwait(&w.cv, &b->mu, &ts);
        int step = w.step, n = w.n_steps;
        bool done = w.done;
        pthread_mutex_unlock(&b->mu);
        if (step > reported && hooks && hooks->progress) hooks->progress(hooks->user, step, n);
        if (step > reported) reported = step;
        if (!done && hooks && hooks->abort && !atomic_load(&w.abort) && hooks->abort(hooks->user))
            atomic_store(&w.abort, true);
        pthread_mutex_lock(&b->mu);
    }
    pthread_mutex_unlock(&b->mu);
    pthread_cond_destroy(&w.cv);
    if (w.st != F5_OK) {
        if (out_frames) *out_frames = 0;
        return f5_errf(err, w.st, "%s", w.msg);
    }
    memcpy(out, w.out, (size_t)w.frames * F5_N_MELS * sizeof *out);
    free(w.out);
    if (out_frames) *out_frames = w.frames;
    return F5_OK;
}

f5_status f5_synthesize_batched(f5_batch *b, f5_session *s, const f5_voice *v, const char *text,
                                const f5_synth_params *p, bool keep_pcm, f5_synth_result *res, f5_error *err) {
    if (!b || !s) {
        if (res) memset(res, 0, sizeof *res);
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_synthesize_batched: batch and session are required");
    }
    if (s->model != b->model) {
        memset(res, 0, sizeof *res);
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_synthesize_batched: the session belongs to another model");
    }
    f5_synth_hooks h = {.sample = batch_sample, .sample_user = b};
    return f5_synthesize_ex(s, v, text, p, keep_pcm, &h, res, err);
}
