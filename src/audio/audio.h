/* audio.h - audio in and out for the engine: decoding encoded bytes to mono
 * float PCM, torchaudio-compatible resampling, upstream's reference
 * preprocessing (pydub silence clip/trim + RMS normalisation), the chunk
 * cross-fader, silence removal of the result, and 16-bit conversion.
 *
 * Everything here is reentrant: no global mutable state, every buffer is
 * owned by the caller or by the object that returned it. The log-mel lives
 * in audio/mel.h (it owns FFTW plans). Encoding is in include/f5tts.h.
 */
#ifndef F5_AUDIO_H
#define F5_AUDIO_H

#include "f5tts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ decode */

/* Mono float PCM. data is malloc'd and owned by the struct (f5_pcm_free). */
typedef struct f5_pcm {
    float *data;          /* [n] mono samples, nominally in [-1, 1] */
    size_t n;
    int sample_rate;      /* Hz, as in the file */
    int channels;         /* channel count of the source before the downmix */
    const char *format;   /* static name of the detected container/codec: "wav", "flac", "ogg", "opus", "mp3" */
} f5_pcm;

typedef struct f5_decode_limits {
    double max_seconds;   /* > 0: longer input -> F5_ERR_AUDIO_TOO_LONG (checked before decoding when the header says) */
    double min_seconds;   /* > 0: shorter -> F5_ERR_AUDIO_TOO_SHORT */
    size_t max_bytes;     /* > 0: larger encoded input -> F5_ERR_AUDIO_TOO_LONG */
} f5_decode_limits;

/* 300 s max, no minimum, 256 MiB. */
f5_decode_limits f5_decode_default_limits(void);

typedef enum f5_audio_container {
    F5_CONTAINER_UNKNOWN = 0,
    F5_CONTAINER_WAV,
    F5_CONTAINER_FLAC,
    F5_CONTAINER_OGG_VORBIS,
    F5_CONTAINER_OGG_OPUS,
    F5_CONTAINER_OGG_FLAC,
    F5_CONTAINER_MP3,
} f5_audio_container;

/* Format from the leading bytes only (RIFF/WAVE, RF64, fLaC, OggS + codec
 * header, ID3 / MPEG frame sync); never from names or MIME types. */
f5_audio_container f5_audio_detect(const void *bytes, size_t len);

/* Decode a whole encoded file held in memory into mono float at the file's
 * rate (channels averaged). 16-bit WAV gives exactly int16/32768 (torchaudio).
 * Failure codes: F5_ERR_UNSUPPORTED_FORMAT (not audio we know),
 * F5_ERR_INVALID_AUDIO (truncated/corrupt, zero samples, NaN/Inf, sample
 * rate outside [1000, 768000], channels > 16), F5_ERR_AUDIO_TOO_LONG /
 * F5_ERR_AUDIO_TOO_SHORT (limits), F5_ERR_NOMEM. lim may be NULL (defaults).
 * On failure out is zeroed. Thread-safe. */
f5_status f5_audio_decode(const void *bytes, size_t len, const f5_decode_limits *lim, f5_pcm *out, f5_error *err);
/* Read a file and decode it (F5_ERR_IO when it cannot be read). */
f5_status f5_audio_decode_file(const char *path, const f5_decode_limits *lim, f5_pcm *out, f5_error *err);
void f5_pcm_free(f5_pcm *p);

/* ------------------------------------------------------------------ resample */

/* Output length of torchaudio Resample: ceil(n * new / orig) (gcd-reduced). */
size_t f5_resample_out_len(size_t n, int orig_rate, int new_rate);

/* torchaudio.transforms.Resample(orig, new) with its defaults
 * (sinc_interp_hann, lowpass_filter_width 6, rolloff 0.99): *out is malloc'd
 * with f5_resample_out_len() samples. orig == new copies. Rates must be in
 * [1000, 768000]. Thread-safe. */
f5_status f5_audio_resample(const float *in, size_t n, int orig_rate, int new_rate, float **out, size_t *out_n,
                            f5_error *err);

/* ------------------------------------------------------------------ silence (pydub semantics) */

/* pydub measures loudness on integer samples: rms = (unsigned)sqrt(mean(s^2))
 * (truncated) of 16-bit values, dBFS = 20 log10(rms / 32768). We work on
 * float samples x = s/32768 and reproduce that exactly by evaluating rms on
 * the 16-bit scale (x*32768) and truncating. Positions are in milliseconds,
 * a slice [a, b) ms is samples [int(a*sr/1000), int(b*sr/1000)). */
typedef struct f5_seg { int64_t start_ms, end_ms; } f5_seg;

/* Segment length in ms as pydub's len(): round-half-even(1000 * n / sr). */
int64_t f5_pcm_len_ms(size_t n, int sr);

/* pydub.silence.split_on_silence(): the kept ranges (ms) after widening each
 * non-silent range by keep_silence and splitting overlaps in the middle
 * (clamped to [0, len]). *out malloc'd (may be NULL when *n_out == 0). */
f5_status f5_split_on_silence(const float *x, size_t n, int sr, int min_silence_ms, double silence_thresh_db,
                              int keep_silence_ms, int seek_step_ms, f5_seg **out, size_t *n_out, f5_error *err);

/* upstream remove_silence_for_generated_wav(): split_on_silence(1000 ms,
 * -50 dBFS, keep 500 ms, step 10) and concatenate. *out malloc'd. */
f5_status f5_remove_silence(const float *x, size_t n, int sr, float **out, size_t *out_n, f5_error *err);

/* ------------------------------------------------------------------ reference preprocessing */

typedef struct f5_refprep_params {
    float target_rms;       /* 0.1: scale up (never down) to this RMS */
    float max_ref_seconds;  /* 12: clip longer references (upstream's 12000 ms) */
    bool clip_and_trim;     /* true: upstream preprocess_ref_audio_text clip + edge trim + 50 ms silence */
} f5_refprep_params;
f5_refprep_params f5_refprep_default_params(void);

typedef struct f5_refprep_result {
    float *wave;            /* [n] mono 24 kHz, RMS-normalised; malloc'd, owned (f5_refprep_free) */
    size_t n;
    double input_seconds;   /* decoded duration before anything */
    double kept_seconds;    /* duration after clip/trim (+ 50 ms), at the input rate */
    bool clipped;           /* audio was dropped by the 12 s clip (not by edge trimming) */
    int clip_stage;         /* 0 none, 1 long-silence split, 2 short-silence split, 3 hard cut */
    float rms;              /* RMS before normalisation (at the input rate, after clip/trim) */
    float scale;            /* factor applied (>= 1); the pipeline multiplies its output by 1/scale = rms/target */
    bool scaled;            /* rms < target_rms */
} f5_refprep_result;

/* Upstream order: clip/trim on the decoded samples at the file's rate,
 * RMS-normalise, then resample to 24 kHz. Fails with F5_ERR_AUDIO_TOO_SHORT
 * when trimming leaves nothing (everything below -42 dBFS), with
 * F5_ERR_INVALID_AUDIO for empty input or RMS 0 (digital silence with
 * clip_and_trim off). The minimum/maximum durations of the service are the
 * caller's checks (on input_seconds / kept_seconds). out is zeroed on
 * failure. Thread-safe. Note: upstream's infer_e2e golden case skips the
 * clip/trim step: use clip_and_trim = false to reproduce it. */
f5_status f5_refprep(const f5_pcm *in, const f5_refprep_params *p, f5_refprep_result *out, f5_error *err);
void f5_refprep_free(f5_refprep_result *r);

/* ------------------------------------------------------------------ cross-fade (streaming) */

/* Joins chunk waveforms as upstream: n = min(int(dur*sr), len(prev), len(next))
 * samples overlap with float64 linspace ramps (1->0 on prev, 0->1 on next).
 * Streaming: after push(chunk) everything except the last fade_samples
 * (held back to be faded with the next chunk) is final and is returned
 * through the emit callback at once; finish() releases the tail.
 * A short chunk (< fade samples) is held entirely (its length bounds n). */
typedef struct f5_crossfader f5_crossfader;
typedef f5_status (*f5_emit_fn)(void *user, const float *pcm, size_t n);

f5_status f5_crossfader_create(double fade_seconds, int sample_rate, f5_emit_fn emit, void *user, f5_crossfader **out,
                               f5_error *err);
/* Returns the emit callback's status if it fails. */
f5_status f5_crossfader_push(f5_crossfader *c, const float *chunk, size_t n, f5_error *err);
f5_status f5_crossfader_finish(f5_crossfader *c, f5_error *err);
void f5_crossfader_free(f5_crossfader *c);

/* Non-streaming helper: *acc (malloc'd, may be NULL with *acc_n 0) becomes
 * acc cross-faded with next. */
f5_status f5_crossfade_append(float **acc, size_t *acc_n, const float *next, size_t next_n, double fade_seconds,
                              int sample_rate, f5_error *err);

/* ------------------------------------------------------------------ misc */

/* sqrt(mean(x^2)) accumulated in double. */
double f5_audio_rms(const float *x, size_t n);

#endif
