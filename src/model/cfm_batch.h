/* cfm_batch.h - continuous batching of the CFM sampler at step granularity.
 *
 * A batcher holds sampling requests ("items"), each with its own time grid
 * (NFE count, sway, EPSS), step index, state x, reference mel, text and
 * duration. Items wait in FIFO order until they fit: at most max_batch in
 * flight and (in-flight items) x (the longest one's frames) <= max_frames.
 * One f5_cfm_batcher_step() admits what fits (computing each admitted
 * item's text embedding once), runs ONE DiT evaluation over every item in
 * flight (cond and, for CFG items, uncond rows; padded to the longest, each
 * row at its own flow time and limited to its own frames:
 * f5_dit_step_items), then each item's Euler update; items past their last
 * step are returned. An item's result equals f5_cfm_sample of the same
 * request run alone, up to the last bits of the products (measured in
 * tests/unit/model/test_cfm_batch).
 *
 * Not thread-safe: one thread drives a batcher (and its DiT context).
 * Knows nothing about requests, jobs or services.
 */
#ifndef F5_MODEL_CFM_BATCH_H
#define F5_MODEL_CFM_BATCH_H

#include "model/cfm.h"

typedef struct f5_cfm_batcher f5_cfm_batcher;

typedef struct f5_cfm_batch_params {
    int max_batch;      /* items in flight (>= 1) */
    int64_t max_frames; /* budget: items in flight x padded frames; 0 = no limit. An item longer than
                           the budget still runs, alone. */
} f5_cfm_batch_params;

/* ctx is borrowed (must outlive the batcher) and used only inside
 * f5_cfm_batcher_step. */
f5_status f5_cfm_batcher_create(f5_dit_ctx *ctx, const f5_cfm_batch_params *p, f5_cfm_batcher **out,
                                f5_error *err);
/* Frees every item still held (their results are lost). NULL-safe. */
void f5_cfm_batcher_free(f5_cfm_batcher *b);

/* One sampling request: the inputs of f5_cfm_sample. Everything is copied
 * at submit. hooks: progress(user, step, n_steps) after each of the item's
 * steps and abort(user), polled before each batch step while the item waits
 * or runs (true: the item leaves with F5_ERR_ABORTED); trace is ignored. */
typedef struct f5_cfm_request {
    f5_cfm_params params;
    const float *cond;   /* [ref_len,100] */
    int ref_len;
    const int32_t *text; /* [n_text], -1 = padding */
    int n_text;
    int duration;        /* raised to the effective duration */
    const float *noise;  /* [duration_eff,100] or NULL: f5_rng from seed */
    uint64_t seed;
    f5_cfm_hooks hooks;
    void *user;          /* handed back in f5_cfm_done */
} f5_cfm_request;

/* Queue a request (FIFO). *id (optional) identifies it in f5_cfm_done.
 * F5_ERR_INVALID_ARG for bad parameters, F5_ERR_NOMEM. */
f5_status f5_cfm_batcher_submit(f5_cfm_batcher *b, const f5_cfm_request *rq, uint64_t *id, f5_error *err);

/* A finished item: status F5_OK with out [frames,100] (malloc'd, the
 * caller frees it; frames = the effective duration, reference frames
 * replaced by the reference mel), F5_ERR_ABORTED, or the error of a failed
 * DiT evaluation (every item in flight then fails with it; out NULL). */
typedef struct f5_cfm_done {
    uint64_t id;
    void *user;
    f5_status status;
    float *out;
    int frames;
    int steps_done;
} f5_cfm_done;

/* Admit, evaluate, update; *done (owned by the batcher, valid until the
 * next call) lists the items that left during this call. Returns F5_OK
 * even when an evaluation failed (its items carry the error); err then
 * holds the message. With nothing queued it does nothing. */
f5_status f5_cfm_batcher_step(f5_cfm_batcher *b, const f5_cfm_done **done, int *n_done, f5_error *err);

/* Items in flight / waiting. */
int f5_cfm_batcher_running(const f5_cfm_batcher *b);
int f5_cfm_batcher_waiting(const f5_cfm_batcher *b);

/* Counters since creation: batch steps run, rows evaluated, largest batch
 * and largest items x frames in flight, text embeddings computed. */
typedef struct f5_cfm_batch_stats {
    long long steps, rows, texts;
    int max_running;
    int64_t max_frames_in_flight;
} f5_cfm_batch_stats;
void f5_cfm_batcher_stats(const f5_cfm_batcher *b, f5_cfm_batch_stats *s);

#endif
