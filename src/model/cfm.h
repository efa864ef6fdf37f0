/* cfm.h - the conditional flow-matching sampler (F5-TTS CFM.sample).
 *
 * Starting from Gaussian noise at t = 0, integrate dx/dt = v(t, x) to t = 1
 * with Euler steps over a (EPSS or uniform) time grid warped by sway
 * sampling; v is the DiT's prediction combined by classifier-free guidance
 * (cond and uncond passes packed as one batch of 2B). The reference region
 * (frames < ref_len) of the result is replaced by the reference mel.
 * Layout of every mel here: [frames, 100] (mel bins fastest).
 */
#ifndef F5_MODEL_CFM_H
#define F5_MODEL_CFM_H

#include "f5tts.h"
#include "model/dit.h"

#include <stdbool.h>
#include <stdint.h>

#define F5_CFM_MAX_DURATION 65536

typedef struct f5_cfm_params {
    int steps;          /* NFE steps (>= 1), 32 */
    float cfg_strength; /* 2; < 1e-5 disables guidance (one cond pass per step) */
    float sway_coef;    /* -1; NAN = no sway */
    bool use_epss;      /* true: EPSS tables for steps in {5,6,7,10,12,16} */
} f5_cfm_params;

f5_cfm_params f5_cfm_default_params(void);

/* t[0..steps] (steps+1 floats, float32 exactly as upstream computes them). */
f5_status f5_cfm_time_grid(int steps, float sway_coef, bool use_epss, float *t, f5_error *err);
/* True when `steps` has an EPSS grid (used unless use_epss is off). */
bool f5_cfm_uses_epss(int steps);

/* The effective duration upstream uses: max(max(n_text_tokens, ref_len) + 1,
 * duration_in), capped at F5_CFM_MAX_DURATION. n_text_tokens counts ids != -1. */
int f5_cfm_effective_duration(int ref_len, int n_text_tokens, int duration_in);

/* One item of a batch. */
typedef struct f5_cfm_item {
    const float *cond;    /* [ref_len,100] reference log-mel frames */
    int ref_len;          /* frames of reference (lens) */
    const int32_t *text;  /* [n_text] vocab ids (ref text + text to say); -1 = padding */
    int n_text;
    int duration;         /* requested total frames (ref + generated), raised to the effective duration */
    const float *noise;   /* [duration_eff,100] initial noise, or NULL: drawn from seed (f5_rng) */
    uint64_t seed;
    float *out;           /* [duration_eff,100] caller-allocated, see f5_cfm_effective_duration */
    int out_frames;       /* set on success: duration_eff */
} f5_cfm_item;

/* Callbacks, all optional. progress(user, step, n_steps) after each step
 * (step 1..n_steps); abort(user) is polled before every step, true -> stop
 * with F5_ERR_ABORTED. trace(user, step, t, x, v) receives, for step k, x_k
 * [B,N,100] before the step and the CFG-combined velocity v [B,N,100]
 * (step = n_steps: final x, v = NULL), N = max effective duration (golden). */
typedef struct f5_cfm_hooks {
    void *user;
    void (*progress)(void *user, int step, int n_steps);
    bool (*abort)(void *user);
    void (*trace)(void *user, int step, float t, const float *x, const float *v, int B, int N);
} f5_cfm_hooks;

/* Sample a batch of `batch` items with the DiT of ctx. B = 1 runs without
 * a frame mask; B > 1 masks each item's frames >= its duration (upstream).
 * Scratch for [B,N] is taken from ctx / allocated once per call, never per
 * step. Fails with F5_ERR_INVALID_ARG for bad parameters, F5_ERR_ABORTED
 * when aborted (out contents then undefined). Thread-safety: as the ctx. */
f5_status f5_cfm_sample_batch(f5_dit_ctx *ctx, const f5_cfm_params *p, int batch, f5_cfm_item *items,
                              const f5_cfm_hooks *hooks, f5_error *err);

/* Single-item convenience wrapper. out [duration_eff,100]; *out_frames = duration_eff. */
f5_status f5_cfm_sample(f5_dit_ctx *ctx, const f5_cfm_params *p, const float *cond, int ref_len,
                        const int32_t *text, int n_text, int duration, const float *noise, uint64_t seed,
                        const f5_cfm_hooks *hooks, float *out, int *out_frames, f5_error *err);

#endif
