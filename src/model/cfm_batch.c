/* cfm_batch.c - the step-level batcher: a FIFO of waiting items, up to
 * max_batch in flight, one packed DiT evaluation per step over all of them
 * (each at its own step of its own grid), per-item CFG combination and
 * Euler update, results handed out as items finish. The arithmetic per
 * item is that of f5_cfm_sample_batch at B = 1. */
#include "model/cfm_batch.h"

#include "core/error.h"
#include "model/rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct bitem {
    uint64_t id;
    void *user;
    f5_cfm_hooks hooks;
    float cfg;          /* cfg strength; < 1e-5 = no uncond row */
    int steps, k;       /* grid size, steps done */
    float *t;           /* [steps+1] */
    int frames, ref_len;
    float *x, *cond;    /* [frames, M] */
    int32_t *text;
    int n_text;
    float *text_c, *text_u; /* [frames, Dt] once admitted */
    struct bitem *next; /* waiting list */
} bitem;

struct f5_cfm_batcher {
    f5_dit_ctx *ctx;
    f5_cfm_batch_params p;
    int M;
    uint64_t next_id;
    bitem *wait_head, *wait_tail;
    int n_wait;
    bitem **run; /* [max_batch] */
    int n_run;
    f5_cfm_done *done; /* [max_batch + n_wait at the time], grown on demand */
    int done_cap, n_done;
    f5_dit_item *rows; /* [2 max_batch] */
    float *pred;       /* [cap_pred] */
    size_t cap_pred;
    f5_cfm_batch_stats stats;
};

static bool uses_cfg(const bitem *it) { return it->cfg >= 1e-5f; }

static void item_free(bitem *it) {
    if (!it) return;
    free(it->t);
    free(it->x);
    free(it->cond);
    free(it->text);
    free(it->text_c);
    free(it->text_u);
    free(it);
}

f5_status f5_cfm_batcher_create(f5_dit_ctx *ctx, const f5_cfm_batch_params *p, f5_cfm_batcher **out,
                                f5_error *err) {
    *out = NULL;
    if (!ctx || !p || p->max_batch < 1 || p->max_batch > 4096 || p->max_frames < 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "batcher: bad parameters (max_batch %d, max_frames %lld)",
                       p ? p->max_batch : 0, p ? (long long)p->max_frames : 0LL);
    f5_cfm_batcher *b = calloc(1, sizeof *b);
    if (!b) return f5_errf(err, F5_ERR_NOMEM, "batcher: out of memory");
    b->ctx = ctx;
    b->p = *p;
    b->M = f5_dit_get_config(f5_dit_ctx_model(ctx))->mel_dim;
    b->run = calloc((size_t)p->max_batch, sizeof *b->run);
    b->rows = calloc(2 * (size_t)p->max_batch, sizeof *b->rows);
    if (!b->run || !b->rows) {
        f5_cfm_batcher_free(b);
        return f5_errf(err, F5_ERR_NOMEM, "batcher: out of memory");
    }
    *out = b;
    return F5_OK;
}

void f5_cfm_batcher_free(f5_cfm_batcher *b) {
    if (!b) return;
    for (bitem *it = b->wait_head, *nx; it; it = nx) {
        nx = it->next;
        item_free(it);
    }
    for (int i = 0; i < b->n_run; i++) item_free(b->run[i]);
    free(b->run);
    free(b->rows);
    free(b->done);
    free(b->pred);
    free(b);
}

static int count_tokens(const int32_t *text, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) c += text[i] != -1;
    return c;
}

f5_status f5_cfm_batcher_submit(f5_cfm_batcher *b, const f5_cfm_request *rq, uint64_t *id, f5_error *err) {
    if (!b || !rq) return f5_errf(err, F5_ERR_INVALID_ARG, "batcher: NULL request");
    const f5_cfm_params *p = &rq->params;
    if (!(p->cfg_strength >= 0.0f) || !isfinite(p->cfg_strength))
        return f5_errf(err, F5_ERR_INVALID_ARG, "batcher: cfg_strength %g must be finite and >= 0",
                       (double)p->cfg_strength);
    if (rq->ref_len < 0 || rq->n_text < 0 || (rq->n_text > 0 && !rq->text) || (rq->ref_len > 0 && !rq->cond) ||
        rq->duration < 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "batcher: bad request (ref_len %d, n_text %d, duration %d)",
                       rq->ref_len, rq->n_text, rq->duration);
    if (rq->ref_len >= F5_CFM_MAX_DURATION)
        return f5_errf(err, F5_ERR_INVALID_ARG, "batcher: reference of %d frames exceeds %d", rq->ref_len,
                       F5_CFM_MAX_DURATION - 1);
    if (p->steps < 1 || p->steps > 100000)
        return f5_errf(err, F5_ERR_INVALID_ARG, "batcher: steps %d outside [1, 100000]", p->steps);
    bitem *it = calloc(1, sizeof *it);
    if (!it) return f5_errf(err, F5_ERR_NOMEM, "batcher: out of memory");
    int M = b->M;
    it->frames = f5_cfm_effective_duration(rq->ref_len, count_tokens(rq->text, rq->n_text), rq->duration);
    it->ref_len = rq->ref_len < it->frames ? rq->ref_len : it->frames;
    it->steps = p->steps;
    it->cfg = p->cfg_strength;
    it->hooks = rq->hooks;
    it->user = rq->user;
    it->n_text = rq->n_text;
    size_t fm = (size_t)it->frames * (size_t)M;
    it->t = malloc(((size_t)it->steps + 1) * sizeof *it->t);
    it->x = malloc(fm * sizeof *it->x);
    it->cond = calloc(fm, sizeof *it->cond);
    it->text = malloc((size_t)(rq->n_text > 0 ? rq->n_text : 1) * sizeof *it->text);
    if (!it->t || !it->x || !it->cond || !it->text) {
        item_free(it);
        return f5_errf(err, F5_ERR_NOMEM, "batcher: out of memory for an item of %d frames", it->frames);
    }
    f5_status st = f5_cfm_time_grid(it->steps, p->sway_coef, p->use_epss, it->t, err);
    if (st != F5_OK) {
        item_free(it);
        return st;
    }
    if (it->ref_len > 0) memcpy(it->cond, rq->cond, (size_t)it->ref_len * M * sizeof *it->cond);
    if (rq->noise)
        memcpy(it->x, rq->noise, fm * sizeof *it->x);
    else
        f5_rng_fill_normal(rq->seed, it->x, fm);
    if (rq->n_text > 0) memcpy(it->text, rq->text, (size_t)rq->n_text * sizeof *it->text);
    it->id = ++b->next_id;
    if (b->wait_tail)
        b->wait_tail->next = it;
    else
        b->wait_head = it;
    b->wait_tail = it;
    b->n_wait++;
    if (id) *id = it->id;
    return F5_OK;
}

static f5_status push_done(f5_cfm_batcher *b, bitem *it, f5_status st, float *out) {
    if (b->n_done == b->done_cap) {
        int cap = b->done_cap ? 2 * b->done_cap : 16;
        f5_cfm_done *d = realloc(b->done, (size_t)cap * sizeof *d);
        if (!d) {
            free(out);
            return F5_ERR_NOMEM;
        }
        b->done = d;
        b->done_cap = cap;
    }
    b->done[b->n_done++] = (f5_cfm_done){.id = it->id, .user = it->user, .status = st, .out = out,
                                         .frames = out ? it->frames : 0, .steps_done = it->k};
    return F5_OK;
}

static bool wants_abort(const bitem *it) { return it->hooks.abort && it->hooks.abort(it->hooks.user); }

/* The padded frames of the batch in flight with `extra` frames added. */
static int64_t budget_use(const f5_cfm_batcher *b, int extra) {
    int N = extra;
    for (int i = 0; i < b->n_run; i++)
        if (b->run[i]->frames > N) N = b->run[i]->frames;
    return (int64_t)(b->n_run + (extra > 0)) * N;
}

/* Waiting items leave on abort; then the head of the FIFO is admitted
 * while it fits (never skipping it, so a long item is not starved). */
static f5_status admit(f5_cfm_batcher *b, f5_error *err) {
    for (bitem **pp = &b->wait_head, *prev = NULL; *pp;) {
        bitem *it = *pp;
        if (!wants_abort(it)) {
            prev = it;
            pp = &it->next;
            continue;
        }
        *pp = it->next;
        if (b->wait_tail == it) b->wait_tail = prev;
        b->n_wait--;
        f5_status st = push_done(b, it, F5_ERR_ABORTED, NULL);
        item_free(it);
        if (st != F5_OK) return f5_errf(err, st, "batcher: out of memory");
    }
    while (b->wait_head && b->n_run < b->p.max_batch) {
        bitem *it = b->wait_head;
        if (b->n_run > 0 && b->p.max_frames > 0 && budget_use(b, it->frames) > b->p.max_frames) break;
        size_t nt = f5_dit_item_text_floats(f5_dit_ctx_model(b->ctx), it->frames);
        it->text_c = malloc(nt * sizeof(float));
        it->text_u = malloc(nt * sizeof(float));
        f5_status st = it->text_c && it->text_u
                           ? f5_dit_item_text(b->ctx, it->frames, it->text, it->n_text, it->text_c, it->text_u, err)
                           : f5_errf(err, F5_ERR_NOMEM, "batcher: out of memory for a text embedding");
        b->wait_head = it->next;
        if (!b->wait_head) b->wait_tail = NULL;
        it->next = NULL;
        b->n_wait--;
        if (st != F5_OK) { /* this item leaves with the error; the others go on */
            f5_status ps = push_done(b, it, st, NULL);
            item_free(it);
            if (ps != F5_OK) return f5_errf(err, ps, "batcher: out of memory");
            continue;
        }
        b->stats.texts++;
        b->run[b->n_run++] = it;
    }
    return F5_OK;
}

/* Remove run[i] (order kept: FIFO order is the rows' order). */
static void run_remove(f5_cfm_batcher *b, int i) {
    memmove(b->run + i, b->run + i + 1, (size_t)(b->n_run - i - 1) * sizeof *b->run);
    b->n_run--;
}

static f5_status fail_running(f5_cfm_batcher *b, f5_status st) {
    while (b->n_run > 0) {
        bitem *it = b->run[0];
        run_remove(b, 0);
        push_done(b, it, st, NULL);
        item_free(it);
    }
    return F5_OK;
}

f5_status f5_cfm_batcher_step(f5_cfm_batcher *b, const f5_cfm_done **done, int *n_done, f5_error *err) {
    b->n_done = 0;
    if (done) *done = NULL;
    if (n_done) *n_done = 0;
    f5_status st = admit(b, err);
    if (st == F5_OK)
        for (int i = 0; i < b->n_run;) { /* in-flight items polled before the step */
            bitem *it = b->run[i];
            if (!wants_abort(it)) {
                i++;
                continue;
            }
            run_remove(b, i);
            st = push_done(b, it, F5_ERR_ABORTED, NULL);
            item_free(it);
            if (st != F5_OK) break;
        }
    if (st != F5_OK) { /* no memory left for the bookkeeping: what runs fails (the caller reports each) */
        fail_running(b, st);
        goto out;
    }
    if (b->n_run == 0) goto out;
    int M = b->M, N = 0, R = 0;
    for (int i = 0; i < b->n_run; i++) {
        bitem *it = b->run[i];
        if (it->frames > N) N = it->frames;
        float tk = it->t[it->k];
        b->rows[R++] = (f5_dit_item){.x = it->x, .cond = it->cond, .text = it->text_c, .frames = it->frames, .time = tk};
        if (uses_cfg(it))
            b->rows[R++] = (f5_dit_item){.x = it->x, .cond = NULL, .text = it->text_u, .frames = it->frames, .time = tk};
    }
    size_t need = (size_t)R * (size_t)N * (size_t)M;
    if (need > b->cap_pred) {
        free(b->pred);
        b->pred = malloc(need * sizeof *b->pred);
        b->cap_pred = b->pred ? need : 0;
        if (!b->pred) {
            st = f5_errf(err, F5_ERR_NOMEM, "batcher: out of memory for %d rows x %d frames", R, N);
            fail_running(b, st);
            goto out;
        }
    }
    st = f5_dit_step_items(b->ctx, R, b->rows, N, b->pred, err);
    if (st != F5_OK) {
        fail_running(b, st);
        goto out;
    }
    b->stats.steps++;
    b->stats.rows += R;
    if (b->n_run > b->stats.max_running) b->stats.max_running = b->n_run;
    if ((int64_t)b->n_run * N > b->stats.max_frames_in_flight) b->stats.max_frames_in_flight = (int64_t)b->n_run * N;
    size_t NM = (size_t)N * (size_t)M;
    int r = 0;
    for (int i = 0; i < b->n_run; i++) {
        bitem *it = b->run[i];
        const float *pc = b->pred + (size_t)r++ * NM, *pu = uses_cfg(it) ? b->pred + (size_t)r++ * NM : NULL;
        size_t n = (size_t)it->frames * (size_t)M;
        float dt = it->t[it->k + 1] - it->t[it->k], s = it->cfg;
        if (pu)
            for (size_t j = 0; j < n; j++) {
                float v = pc[j] + (pc[j] - pu[j]) * s;
                it->x[j] = it->x[j] + dt * v;
            }
        else
            for (size_t j = 0; j < n; j++) it->x[j] = it->x[j] + dt * pc[j];
        it->k++;
        if (it->hooks.progress) it->hooks.progress(it->hooks.user, it->k, it->steps);
    }
    for (int i = 0; i < b->n_run;) {
        bitem *it = b->run[i];
        if (it->k < it->steps) {
            i++;
            continue;
        }
        run_remove(b, i);
        /* the result: the reference region is the reference mel */
        float *out = it->x;
        if (it->ref_len > 0) memcpy(out, it->cond, (size_t)it->ref_len * M * sizeof *out);
        it->x = NULL;
        st = push_done(b, it, F5_OK, out);
        item_free(it);
        if (st != F5_OK) {
            f5_errf(err, st, "batcher: out of memory");
            break;
        }
    }
out:
    if (done) *done = b->done;
    if (n_done) *n_done = b->n_done;
    return F5_OK;
}

int f5_cfm_batcher_running(const f5_cfm_batcher *b) { return b->n_run; }
int f5_cfm_batcher_waiting(const f5_cfm_batcher *b) { return b->n_wait; }

void f5_cfm_batcher_stats(const f5_cfm_batcher *b, f5_cfm_batch_stats *s) { *s = b->stats; }
