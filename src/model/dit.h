/* dit.h - the F5-TTS DiT backbone: immutable model + per-thread context.
 *
 * f5_dit is the model: a config plus float32 pointers into an f5_weights
 * whose keys were normalised by f5_checkpoint_normalize() ("transformer.*").
 * It is read-only after f5_dit_create(), so any number of threads may share
 * it. f5_dit_ctx is one thread's working state: kernel backend + thread
 * pool, scratch buffers (allocated when the context is sized, never inside a
 * step) and the text embedding cached for the current synthesis.
 *
 * Typical use (the CFM sampler does exactly this):
 *     f5_dit_ctx_create(dit, &kp, &ctx, err);
 *     f5_dit_set_text(ctx, B, N, text, T, lens, err);    once per synthesis
 *     for each step: f5_dit_step(ctx, x, cond, time, F5_DIT_CFG_PACKED, out, err);
 * Layouts: x, cond [B,N,100] (frames major, mel bins fastest), text [B,T]
 * int32 vocab ids padded with -1, lens [B] valid frames (NULL = all N, no
 * mask: what inference does for B = 1).
 */
#ifndef F5_MODEL_DIT_H
#define F5_MODEL_DIT_H

#include "f5tts.h"
#include "kernels/kernels.h"
#include "model/model_config.h"
#include "model/weights.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct f5_dit f5_dit;
typedef struct f5_dit_ctx f5_dit_ctx;

/* Bind the weights of `w` (keys "transformer.*", see f5_checkpoint_normalize)
 * to a DiT of architecture `c`. Every tensor is checked by name and shape
 * (the error names the tensor: "got [..], expected [..]"); non-F32 tensors
 * are converted once (inside w). `w` is BORROWED: it must outlive the
 * returned model (the model keeps pointers into it). Unsupported options
 * (qk_norm, attn_mask_enabled) fail with F5_ERR_UNSUPPORTED. */
f5_status f5_dit_create(f5_weights *w, const f5_dit_config *c, f5_dit **out, f5_error *err);
void f5_dit_free(f5_dit *d); /* NULL-safe; does not free the f5_weights (frees the packs) */

/* Prepare the weights of the matrix products for `prec` on the cpu
 * backend (bf16: converted and packed once, about half the fp32 bytes
 * again). Call before creating contexts of that precision; not
 * thread-safe with running contexts. F5_ERR_UNSUPPORTED when the CPU cannot
 * run it (no AVX512-BF16/AMX): the caller then stays in fp32. fp32 needs
 * nothing and returns F5_OK. */
f5_status f5_dit_prepare(f5_dit *d, f5_kprec prec, f5_error *err);
/* Put the weights a step reads on a device, once (backend cuda, device
 * index; bf16 adds bf16 copies of the large products' matrices). Needed
 * before creating a context of that backend; host backends need nothing
 * (F5_OK). F5_ERR_DEVICE "no CUDA device: ..." / "built without CUDA"
 * when there is none; F5_ERR_NOMEM when the weights do not fit. */
f5_status f5_dit_prepare_device(f5_dit *d, f5_backend backend, int device, f5_kprec prec, f5_error *err);
size_t f5_dit_device_bytes(const f5_dit *d); /* bytes on the device (0 before) */
/* Bytes held by the packed copies (0 before f5_dit_prepare). */
size_t f5_dit_packed_bytes(const f5_dit *d);
const f5_dit_config *f5_dit_get_config(const f5_dit *d);

/* Options of one context. */
typedef struct f5_dit_ctx_params {
    f5_backend backend; /* F5_BACKEND_CPU (default), F5_BACKEND_REF, or F5_BACKEND_CUDA (f5_dit_prepare_device first) */
    f5_kprec prec;      /* F5_KPREC_F32 (default); BF16 needs f5_dit_prepare(d, BF16) first on the cpu */
    int n_threads;      /* >= 1; 0 = number of online CPUs */
    int max_batch;      /* initial sizing hint (>= 1), grows on demand */
    int max_frames;     /* initial sizing hint (frames), grows on demand */
} f5_dit_ctx_params;

f5_dit_ctx_params f5_dit_ctx_default_params(void);

/* A context for one thread at a time (a context must not be used by two
 * threads concurrently; the model may be). Scratch grows in
 * f5_dit_set_text() when a synthesis needs more than the current size and
 * is reused afterwards: f5_dit_step() never allocates. */
f5_status f5_dit_ctx_create(const f5_dit *d, const f5_dit_ctx_params *p, f5_dit_ctx **out, f5_error *err);
void f5_dit_ctx_free(f5_dit_ctx *ctx); /* NULL-safe */
const f5_dit *f5_dit_ctx_model(const f5_dit_ctx *ctx);
int f5_dit_ctx_threads(const f5_dit_ctx *ctx); /* threads the context uses */
/* The context's kernel context (backend, thread pool, precision): other
 * models run by the same thread (the vocoder) share its pool through a
 * copy, so one synthesis never has two thread teams. */
const f5_kctx *f5_dit_ctx_kernels(const f5_dit_ctx *ctx);

/* Compute and cache the text embedding of one synthesis, for both variants
 * (with text, and with drop_text), for batch B and N frames: text [B,T]
 * int32 (ids, -1 = padding), lens [B] or NULL. Sizes the scratch for
 * packed CFG (2B rows). Must precede f5_dit_step(); the text embedding does
 * not depend on x or t, so it is computed once per synthesis. lens values
 * must lie in [0, N]; ids in [-1, text_num_embeds) (else F5_ERR_INVALID_ARG). */
f5_status f5_dit_set_text(f5_dit_ctx *ctx, int B, int N, const int32_t *text, int T, const int32_t *lens,
                          f5_error *err);

typedef enum f5_dit_mode {
    F5_DIT_COND = 0,      /* out [B,N,100]: no drops */
    F5_DIT_UNCOND,        /* out [B,N,100]: drop_audio_cond and drop_text */
    F5_DIT_DROP_AUDIO,    /* out [B,N,100]: drop_audio_cond only */
    F5_DIT_CFG_PACKED,    /* out [2B,N,100]: rows 0..B-1 cond, B..2B-1 uncond, run as one batch */
} f5_dit_mode;

/* One DiT evaluation with the cached text (B, N, lens of the last
 * f5_dit_set_text): x, cond [B,N,100], time [B] (flow time in [0,1]).
 * In F5_DIT_CFG_PACKED mode x/cond/time are given once (B rows) and out
 * holds 2B rows. Fails with F5_ERR_INVALID_ARG when set_text was not called. */
f5_status f5_dit_step(f5_dit_ctx *ctx, const float *x, const float *cond, const float *time, f5_dit_mode mode,
                      float *out, f5_error *err);

/* ---- independent items (continuous batching, cfm_batch.h)
 *
 * Items of different lengths at different flow times share one evaluation
 * without seeing each other: every row's attention keys, position
 * convolutions and residual adds stop at its own length, so row b's frames
 * equal the solo f5_dit_step of that item (B = 1, N = frames, no lens)
 * up to the products' blocking (measured: tests/unit/model/test_cfm_batch).
 * Unlike f5_dit_set_text (upstream's batch semantics, where padded frames
 * are attended to), nothing of the padding reaches real frames. */

/* Floats of one text variant of an item of `frames` frames. */
size_t f5_dit_item_text_floats(const f5_dit *d, int frames);
/* The item's text embedding, computed once when it is admitted: text_c
 * (with text) and text_u (drop_text), each f5_dit_item_text_floats(frames),
 * caller-owned; exactly what f5_dit_set_text(B = 1, N = frames, lens NULL)
 * caches. Uses (and may grow) ctx's scratch; invalidates set_text. */
f5_status f5_dit_item_text(f5_dit_ctx *ctx, int frames, const int32_t *text, int T, float *text_c, float *text_u,
                           f5_error *err);

/* One evaluated row. The cond pass of an item: cond = its reference mel,
 * text = text_c; its uncond (CFG) pass: cond = NULL, text = text_u. */
typedef struct f5_dit_item {
    const float *x;    /* [frames, M] state */
    const float *cond; /* [frames, M] reference mel (zeros beyond it), or NULL = zeros (drop_audio_cond) */
    const float *text; /* [frames, Dt] one variant from f5_dit_item_text */
    int frames;        /* 1..N */
    float time;        /* this row's flow time */
} f5_dit_item;

/* One evaluation of R rows padded to N frames (N >= every row's frames):
 * out [R,N,M]. Frames >= a row's length hold no meaning. Grows ctx's
 * scratch when needed (never inside the blocks); invalidates set_text. */
f5_status f5_dit_step_items(f5_dit_ctx *ctx, int R, const f5_dit_item *rows, int N, float *out, f5_error *err);

/* Convenience: set_text + step with explicit drop flags (tests, golden). */
f5_status f5_dit_forward(f5_dit_ctx *ctx, int B, int N, const float *x, const float *cond, const int32_t *text,
                         int T, const float *time, const int32_t *lens, bool drop_audio_cond, bool drop_text,
                         float *out, f5_error *err);

/* Debug/golden hook: called with every intermediate of a step, per batch
 * row b (0..rows-1 of the evaluated batch; in packed mode b >= B are the
 * uncond rows): name is "time_embed" [1,D], "text_embed" [N,Dt],
 * "input_embed" [N,D], "block<i>" [N,D], "norm_out" [N,D], "rope_freqs"
 * [N,64] (b = -1). data is only valid during the call. NULL disables it. */
typedef void (*f5_dit_trace_fn)(void *user, const char *name, int b, const float *data, int64_t rows, int64_t cols);
void f5_dit_ctx_set_trace(f5_dit_ctx *ctx, f5_dit_trace_fn fn, void *user);

/* Accumulate each kernel call's wall time per op family into *prof
 * (NULL: stop). The caller owns prof and reads it between steps. */
void f5_dit_ctx_set_profile(f5_dit_ctx *ctx, f5_kprof *prof);

/* FLOPs of one DiT evaluation of `rows` batch rows at N frames (GEMMs +
 * attention; 2 per multiply-add), for benchmarks. */
double f5_dit_flops(const f5_dit_config *c, int rows, int N);

#endif
