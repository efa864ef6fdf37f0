/* f5tts.h - the public C API of libf5tts.
 *
 * A voice-cloning TTS engine re-implementing F5-TTS inference (DiT + CFM
 * sampler) and the Vocos vocoder. The API is built from opaque handles:
 *
 *   f5_model    the DiT weights + vocab + architecture. Immutable after load,
 *               shareable across threads.
 *   f5_vocoder  the Vocos weights + config. Immutable, shareable.
 *   f5_session  per-thread scratch (activations, FFT plans, counters). One
 *               session is used by one thread at a time; create N sessions
 *               over one model to run N syntheses concurrently.
 *   f5_voice    a preprocessed reference (clipped/normalised audio, its mel,
 *               its transcript). Immutable after creation, shareable; compute
 *               it once and reuse it for many syntheses.
 *
 * Every fallible call returns an f5_status and fills an optional f5_error
 * with a human message (what failed, which file/tensor/field, expected vs
 * found). The library never exits the process and keeps no global mutable
 * state. Output audio is mono float PCM at 24 000 Hz.
 */
#ifndef F5TTS_H
#define F5TTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define F5_SAMPLE_RATE 24000
#define F5_HOP_LENGTH 256
#define F5_N_MELS 100

/* ------------------------------------------------------------------ status */

typedef enum f5_status {
    F5_OK = 0,
    F5_ERR_INVALID_ARG,        /* "invalid_argument": a parameter is out of range */
    F5_ERR_NOMEM,              /* "out_of_memory" */
    F5_ERR_IO,                 /* "io_error": open/read/write/mmap failed */
    F5_ERR_FORMAT,             /* "invalid_format": corrupt or malformed file/data */
    F5_ERR_UNSUPPORTED,        /* "unsupported": valid but not handled (dtype, op, pickle global) */
    F5_ERR_SHAPE,              /* "shape_mismatch": tensor shape/dtype differs from the architecture */
    F5_ERR_NOT_FOUND,          /* "not_found": tensor, file, model name, vocab missing */
    F5_ERR_INVALID_AUDIO,      /* "invalid_audio": undecodable, empty, NaN/Inf, absurd header */
    F5_ERR_UNSUPPORTED_FORMAT, /* "unsupported_format": not an audio format we decode */
    F5_ERR_AUDIO_TOO_LONG,     /* "audio_too_long" */
    F5_ERR_AUDIO_TOO_SHORT,    /* "audio_too_short" */
    F5_ERR_INVALID_TEXT,       /* "invalid_text": empty, only punctuation, invalid UTF-8 */
    F5_ERR_ABORTED,            /* "aborted": the abort callback asked to stop */
    F5_ERR_DEVICE,             /* "device_error": CUDA or other backend failure */
    F5_ERR_INTERNAL,           /* "internal_error": a bug; the message says where */
    F5_ERR_GPU_OOM,            /* "gpu_out_of_memory": the GPU ran out of memory (after retrying smaller batches) */
    F5_STATUS_COUNT
} f5_status;

/* Stable snake_case code for a status ("invalid_audio", ...). Never NULL. */
const char *f5_status_str(f5_status s);

#define F5_ERROR_MSG_MAX 512
typedef struct f5_error {
    f5_status status;
    char message[F5_ERROR_MSG_MAX];
} f5_error;

/* ------------------------------------------------------------------ logging */

typedef enum f5_log_level { F5_LOG_DEBUG, F5_LOG_INFO, F5_LOG_WARN, F5_LOG_ERROR } f5_log_level;
typedef void (*f5_log_fn)(void *user, f5_log_level level, const char *msg);

/* ------------------------------------------------------------------ handles */

typedef struct f5_model f5_model;
typedef struct f5_vocoder f5_vocoder;
typedef struct f5_session f5_session;
typedef struct f5_voice f5_voice;

typedef enum f5_device { F5_DEVICE_AUTO = 0, F5_DEVICE_CPU, F5_DEVICE_CUDA } f5_device;

/* Precision of the DiT's matrix products and attention. BF16 rounds
 * weights and activations to bfloat16 with fp32 accumulation (norms,
 * softmax statistics and the ODE state stay fp32): about 2x faster on CPUs
 * with AVX512-BF16 or AMX, within ~1e-2 relative L2 of fp32. On a CPU
 * without them, BF16 falls back to FP32 (logged), never fails. */
typedef enum f5_precision { F5_PRECISION_FP32 = 0, F5_PRECISION_BF16 } f5_precision;
const char *f5_precision_name(f5_precision p); /* "fp32", "bf16" */
/* "fp32" (or "f32", "float32"), "bf16" (or "bfloat16"); false if unknown. */
bool f5_precision_parse(const char *s, f5_precision *out);

typedef struct f5_model_params {
    const char *arch;        /* "auto" (from config/tensors), "v1_base", "base", "small" */
    const char *config_path; /* upstream model YAML (F5TTS_v1_Base.yaml style) or NULL */
    const char *vocab_path;  /* vocab.txt (or config.json); NULL: next to the checkpoint */
    f5_device device;
    int n_threads;           /* 0: all cores */
    f5_precision precision;  /* FP32 (default) or BF16 */
    bool jieba_split;        /* reproduce upstream's jieba split of accented words (true) */
    bool lowercase_text;     /* lowercase input text (Vietnamese fine-tunes expect it) */
    f5_log_fn log;
    void *log_user;
} f5_model_params;

f5_model_params f5_model_default_params(void);

/* Load a DiT checkpoint: a file (.safetensors, .pt, .bin) or a directory
 * holding one + vocab.txt + optional YAML. The weights are mmapped where the
 * file allows it. On failure *out is NULL and err says why. */
f5_status f5_model_load(const char *path, const f5_model_params *p, f5_model **out, f5_error *err);
void f5_model_free(f5_model *m);

typedef struct f5_model_info {
    char arch[32];           /* "v1_base", "base", "small", or "custom" */
    int dim, depth, heads, dim_head, ff_mult, text_dim, conv_layers, text_num_embeds, mel_dim;
    bool text_mask_padding;
    int pe_attn_head;        /* 0 = all heads */
    int64_t n_params;
    char checkpoint[1024];
    char precision[8];       /* in effect: "fp32" or "bf16" (a BF16 request on an unsupported CPU says fp32) */
    char device[8];          /* in effect: "cpu" or "cuda" (the DiT's; Vocos runs on the cpu) */
} f5_model_info;
void f5_model_get_info(const f5_model *m, f5_model_info *info);

typedef struct f5_vocoder_params {
    f5_device device;
    int n_threads;
} f5_vocoder_params;
f5_vocoder_params f5_vocoder_default_params(void);

/* Load Vocos: a directory with config.yaml + pytorch_model.bin (or
 * model.safetensors), or the weights file with config.yaml beside it. */
f5_status f5_vocoder_load(const char *path, const f5_vocoder_params *p, f5_vocoder **out, f5_error *err);
void f5_vocoder_free(f5_vocoder *v);

typedef struct f5_session_params {
    int n_threads;           /* 0: model's setting */
} f5_session_params;
f5_session_params f5_session_default_params(void);

f5_status f5_session_create(const f5_model *m, const f5_vocoder *v, const f5_session_params *p,
                            f5_session **out, f5_error *err);
void f5_session_free(f5_session *s);

/* ------------------------------------------------------------------ voices */

typedef struct f5_voice_params {
    float target_rms;        /* 0.1 */
    float max_ref_seconds;   /* clip longer references to this (12) */
    float max_input_seconds; /* reject inputs longer than this before clipping (300) */
    float min_ref_seconds;   /* reject shorter (after trimming) (0.3) */
    bool clip_and_trim;      /* upstream's preprocess_ref_audio_text silence clip/trim (true) */
} f5_voice_params;
f5_voice_params f5_voice_default_params(void);

typedef struct f5_voice_info {
    double input_seconds;    /* decoded duration before any clipping */
    double kept_seconds;     /* duration after clip/trim (+ 50 ms silence) */
    bool clipped;            /* the reference was cut: its transcript may now be too long */
    int input_sample_rate;
    float rms;               /* RMS before normalisation */
    int mel_frames;
    const char *ref_text;    /* normalised transcript as the model sees it */
} f5_voice_info;

/* Build a voice from an encoded audio file in memory (WAV/FLAC/OGG/Opus/MP3,
 * format detected from the bytes) and its transcript (required, non-empty).
 * The model is needed for text normalisation settings; it is not modified. */
f5_status f5_voice_create(const f5_model *m, const void *audio, size_t audio_len, const char *ref_text,
                          const f5_voice_params *p, f5_voice **out, f5_error *err);
/* The same from a file path. */
f5_status f5_voice_create_file(const f5_model *m, const char *path, const char *ref_text,
                               const f5_voice_params *p, f5_voice **out, f5_error *err);
void f5_voice_get_info(const f5_voice *v, f5_voice_info *info);
void f5_voice_free(f5_voice *v);

/* ------------------------------------------------------------------ synthesis */

/* Progress: called after every NFE step of every chunk. Return nothing. */
typedef void (*f5_progress_fn)(void *user, int chunk, int n_chunks, int step, int n_steps);
/* Abort: polled before every NFE step; return true to stop with F5_ERR_ABORTED. */
typedef bool (*f5_abort_fn)(void *user);
/* Chunk ready: final audio (already cross-faded with the previous chunk, RMS
 * restored) as soon as it is known; the pcm pointer is valid only during the
 * call. The concatenation of all calls equals the whole result. Return
 * F5_OK to continue, anything else aborts the synthesis with that status. */
typedef f5_status (*f5_chunk_fn)(void *user, int chunk, int n_chunks, const float *pcm, size_t n_samples);
/* Phase timing: called as each phase ends, with its start and end on the
 * monotonic clock (CLOCK_MONOTONIC, seconds). F5_PHASE_PREPARE (text
 * preparation and chunk planning, chunk -1) comes once, then per chunk
 * F5_PHASE_SAMPLE (the NFE steps) and F5_PHASE_VOCODE (Vocos); a sampling
 * run that failed or was aborted is still reported. For tracing and
 * profiling: the library only reports, it keeps nothing. */
typedef enum f5_phase { F5_PHASE_PREPARE = 0, F5_PHASE_SAMPLE, F5_PHASE_VOCODE } f5_phase;
typedef void (*f5_phase_fn)(void *user, f5_phase phase, int chunk, int n_chunks, double t_start_s, double t_end_s);

typedef struct f5_synth_params {
    int nfe_step;               /* 32 */
    float cfg_strength;         /* 2.0 */
    float sway_sampling_coef;   /* -1.0 */
    float speed;                /* 1.0 */
    float target_rms;           /* unused: the voice's f5_voice_params.target_rms applies (a prepared voice cannot be re-normalised); kept for ABI */
    float cross_fade_duration;  /* 0.15 s */
    float fix_duration;         /* total seconds (ref + gen) per chunk; <= 0: from the text */
    bool remove_silence;        /* false */
    bool seed_set;              /* false: a random seed is drawn and reported */
    uint64_t seed;
    f5_progress_fn progress;
    f5_abort_fn should_abort;
    f5_chunk_fn on_chunk;
    void *user;
    f5_phase_fn on_phase;       /* NULL: no phase reports; gets `user` */
} f5_synth_params;
f5_synth_params f5_synth_default_params(void);

typedef struct f5_synth_result {
    float *pcm;                 /* mono, F5_SAMPLE_RATE; owned by the caller: free() */
    size_t n_samples;
    uint64_t seed;              /* the seed actually used */
    int n_chunks;
    double t_preprocess_ms, t_sample_ms, t_vocoder_ms, t_total_ms;
    double audio_seconds, rtf;
} f5_synth_result;

/* Synthesise text in the voice. pcm in *res is allocated unless
 * p->on_chunk is set and res->pcm is not wanted (pass keep_pcm false). */
f5_status f5_synthesize(f5_session *s, const f5_voice *v, const char *text, const f5_synth_params *p,
                        bool keep_pcm, f5_synth_result *res, f5_error *err);
void f5_synth_result_free(f5_synth_result *r);

/* Dry run: what f5_synthesize would do with this text and voice, without
 * sampling or vocoding (no session needed). Same text preparation, chunking,
 * tokenisation and duration rule as f5_synthesize. */
typedef struct f5_synth_plan_chunk {
    char *text;             /* the chunk of the prepared text */
    int32_t *token_ids;     /* [n_tokens]: ids of ref_text' + chunk as the DiT sees them */
    int n_tokens;
    int frames;             /* generated mel frames (the reference's excluded) */
    double seconds;         /* planned audio duration of the chunk = frames * 256 / 24000 */
} f5_synth_plan_chunk;

typedef struct f5_synth_plan {
    char *text;             /* the prepared (normalised) text */
    int max_chars;          /* chunk size rule from the reference (bytes) */
    int n_chunks;
    f5_synth_plan_chunk *chunks; /* [n_chunks] */
    double total_seconds;   /* sum of chunk seconds minus the cross-fades */
} f5_synth_plan;

f5_status f5_synth_plan_make(const f5_model *m, const f5_voice *v, const char *text, const f5_synth_params *p,
                             f5_synth_plan *out, f5_error *err);
void f5_synth_plan_free(f5_synth_plan *plan);

/* ------------------------------------------------------------------ batching */

/* Continuous batching at step granularity: syntheses running on several
 * threads share one DiT evaluation per sampling step. Every text chunk of
 * every f5_synthesize_batched call becomes an item that is admitted at its
 * first step (FIFO, while it fits max_batch and max_frames) and leaves after
 * its last, so requests at different steps, of different lengths and NFE
 * counts run together. Each result equals f5_synthesize of the same request
 * alone within the precision's tolerance (fp32: relative L2 ~1e-7: only the
 * products' blocking over more rows differs). The batch owns one DiT
 * context and a driver thread; the calling threads keep their callbacks
 * (progress, abort, chunk) and run their own vocoder on their session. */
typedef struct f5_batch f5_batch;

typedef struct f5_batch_params {
    int max_batch;      /* chunks sampled together (>= 1; 16 suits a GPU) */
    int64_t max_frames; /* memory budget: chunks in flight x the longest one's mel frames; 0 = none
                           (a chunk longer than the budget still runs, alone) */
    int n_threads;      /* threads of the shared DiT evaluation; 0 = the model's */
} f5_batch_params;
f5_batch_params f5_batch_default_params(void); /* max_batch 16, max_frames 0, n_threads 0 */

f5_status f5_batch_create(const f5_model *m, const f5_batch_params *p, f5_batch **out, f5_error *err);
/* Stops the driver thread. Syntheses still waiting in it end with
 * F5_ERR_ABORTED; call it after they have returned. NULL-safe. */
void f5_batch_free(f5_batch *b);

/* f5_synthesize with the sampling done by the batch (thread-safe: any
 * number of threads, each with its own session, which runs the vocoder).
 * The session must belong to the batch's model. */
f5_status f5_synthesize_batched(f5_batch *b, f5_session *s, const f5_voice *v, const char *text,
                                const f5_synth_params *p, bool keep_pcm, f5_synth_result *res, f5_error *err);

typedef struct f5_batch_stats {
    long long steps;      /* DiT evaluations run */
    long long rows;       /* rows evaluated (cond + uncond per chunk and step) */
    long long items;      /* chunks sampled */
    int max_running;      /* most chunks in one evaluation */
    int running, waiting; /* now */
} f5_batch_stats;
void f5_batch_get_stats(f5_batch *b, f5_batch_stats *st);

/* ------------------------------------------------------------------ text */

/* Vietnamese text normalisation (../shared/textnorm convention): one
 * sentence per line. *out is malloc'd. */
f5_status f5_text_normalize(const char *text, char **out, f5_error *err);

/* ------------------------------------------------------------------ audio out */

typedef enum f5_audio_format {
    F5_FMT_WAV = 0,   /* 16-bit PCM */
    F5_FMT_WAV_FLOAT, /* 32-bit float */
    F5_FMT_FLAC,
    F5_FMT_OGG,       /* Vorbis */
    F5_FMT_MP3,
    F5_FMT_PCM,       /* raw s16le */
    F5_FMT_OPUS,      /* Ogg Opus (libsndfile), at the 24 kHz output rate */
    F5_FMT_COUNT
} f5_audio_format;

/* "wav", "wav_float", "flac", "ogg", "mp3", "pcm", "opus" <-> enum. Parse returns false if unknown. */
const char *f5_audio_format_name(f5_audio_format f);
bool f5_audio_format_parse(const char *name, f5_audio_format *f);
const char *f5_audio_format_mime(f5_audio_format f);

/* Encode whole mono float PCM. *out is malloc'd. */
f5_status f5_audio_encode(const float *pcm, size_t n, int sample_rate, f5_audio_format fmt,
                          uint8_t **out, size_t *out_len, f5_error *err);

/* A 44-byte WAV header for streaming s16 mono when the length is unknown
 * (data size 0xFFFFFFFF), or exact when n_samples > 0. */
void f5_wav_stream_header(uint8_t hdr[44], int sample_rate, size_t n_samples);
/* Float -> s16le with clamping (no wrap-around). out must hold 2*n bytes. */
void f5_pcm_to_s16le(const float *pcm, size_t n, uint8_t *out);

/* ------------------------------------------------------------------ misc */

const char *f5_version(void);

#ifdef __cplusplus
}
#endif
#endif /* F5TTS_H */
