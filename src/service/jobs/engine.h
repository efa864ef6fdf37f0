/* engine.h - what the job runner needs from a synthesis engine, as a small
 * vtable: run one synthesis on worker slot i with progress / abort / chunk
 * callbacks. The real engine (engine_f5.c) wraps the public libf5tts API
 * (one model + vocoder, one session per slot); tests plug in fakes.
 */
#ifndef F5_SVC_ENGINE_H
#define F5_SVC_ENGINE_H

#include "f5tts.h"
#include "service/obs/gpu.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Phases of one synthesis as reported to f5_svc_synth_req.phase (for
 * spans): getting the prepared reference (decoded and preprocessed, or
 * found in the reference cache), text preparation and chunk planning, and
 * per chunk the sampler run and the vocoder. */
typedef enum f5_svc_synth_phase {
    F5_SVC_PHASE_REFERENCE = 0, /* reference preprocessing (cache miss) */
    F5_SVC_PHASE_REFERENCE_CACHED, /* prepared reference taken from the cache */
    F5_SVC_PHASE_TEXT,          /* text preparation + chunk plan (chunk -1) */
    F5_SVC_PHASE_SAMPLE,        /* one chunk's NFE steps */
    F5_SVC_PHASE_VOCODE,        /* one chunk's Vocos decode */
} f5_svc_synth_phase;

typedef struct f5_svc_synth_req {
    const char *text;
    const char *ref_text;
    const void *ref_audio; /* encoded reference file bytes */
    size_t ref_len;
    int nfe_step;
    float cfg_strength;
    float speed;
    bool remove_silence;
    uint64_t seed;
    bool keep_pcm;         /* return the whole PCM in out (for encoders that cannot stream) */
    /* callbacks (any may be NULL); user is passed to each */
    void (*progress)(void *user, double fraction);
    bool (*should_abort)(void *user);
    f5_status (*on_chunk)(void *user, const float *pcm, size_t n);
    /* a phase ended: start and end on the monotonic clock (f5_obs_mono seconds) */
    void (*phase)(void *user, f5_svc_synth_phase phase, int chunk, int n_chunks, double t0, double t1);
    void *user;
} f5_svc_synth_req;

typedef struct f5_svc_synth_out {
    float *pcm;            /* malloc'd when keep_pcm, else NULL */
    size_t n_samples;
    double audio_seconds;
    double rtf;
    double t_first_call_ms; /* monotonic ms at which the engine began (for overhead measurements) */
    double t_voice_ms;      /* getting the prepared reference (cache lookup or preprocessing) */
    bool ref_cache_hit;     /* the prepared reference came from the reference cache (same upload bytes + transcript) */
} f5_svc_synth_out;

typedef struct f5_svc_engine {
    void *self;
    int n_slots;
    /* Thread-safe across different slots; one call per slot at a time. */
    f5_status (*run)(void *self, int slot, const f5_svc_synth_req *rq, f5_svc_synth_out *out, f5_error *err);
    /* {"model":...,"vocoder":...,"arch":...} for /version and logs; caller owns. */
    json_t *(*info)(void *self);
    void (*free)(void *self);
    /* Per-device GPU numbers for /metrics (obs/gpu.h); NULL when the engine
     * runs without a GPU (every CPU build): the GPU families are then absent. */
    int (*gpu_stats)(void *self, f5_obs_gpu_stat *out, int max);
    /* Prepare a reference (encoded bytes + transcript) into the engine's
     * reference cache ahead of its first synthesis, so that one hits
     * (*cached: it was there already). Thread-safe; NULL when the engine
     * has no cache (test fakes). */
    f5_status (*prepare)(void *self, const void *audio, size_t len, const char *ref_text, bool *cached, f5_error *err);
} f5_svc_engine;

typedef struct f5_svc_engine_opts {
    const char *model;
    const char *vocoder;      /* NULL/"" = <model dir>/vocos */
    const char *vocab;
    const char *model_config;
    const char *device;       /* auto|cpu|cuda */
    const char *dtype;        /* fp32|bf16 (NULL = fp32) */
    int threads;
    int n_slots;
    int max_batch;            /* > 1: the slots' syntheses share DiT steps (f5_batch) */
    long long batch_frames;   /* its memory budget (0 = none) */
    double max_ref_seconds, min_ref_seconds;
    f5_log_fn log;
    void *log_user;
} f5_svc_engine_opts;

/* Load model + vocoder and create n_slots sessions. */
f5_status f5_svc_engine_f5_open(const f5_svc_engine_opts *o, f5_svc_engine *out, f5_error *err);

/* One short synthesis per slot with a synthetic reference, so that the first
 * real request does not pay for lazy initialisation. */
f5_status f5_svc_engine_warmup(f5_svc_engine *e, f5_error *err);

#endif
