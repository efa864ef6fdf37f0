/* vocos.h - the Vocos mel vocoder (charactr/vocos-mel-24khz layout).
 *
 * mel [100, T] -> ConvNeXt backbone (embed conv k7, LayerNorm, blocks of
 * depthwise conv / LN / pwconv1 / exact GELU / pwconv2 / layer scale,
 * residual; final LN) -> Linear to 1026 -> magnitude min(exp, 100) and
 * phase -> ISTFT (n_fft 1024, hop 256, Hann, window-square normalised).
 * Padding "center" (released) gives 256(T-1) samples, "same" 256T.
 *
 * f5_vocos is immutable after creation and shared by threads; every decode
 * uses an f5_vocos_scratch owned by one thread (activations + FFTW plan).
 */
#ifndef F5_MODEL_VOCOS_H
#define F5_MODEL_VOCOS_H

#include "f5tts.h"
#include "kernels/kernels.h"
#include "model/model_config.h"
#include "model/weights.h"

typedef struct f5_vocos f5_vocos;
typedef struct f5_vocos_scratch f5_vocos_scratch;

/* Load from a directory (config.yaml + pytorch_model.bin or model.safetensors)
 * or from a weight file (config.yaml beside it, else the released config). */
f5_status f5_vocos_load(const char *dir_or_file, f5_vocos **out, f5_error *err);

/* Build over an existing tensor table (takes ownership of w on success AND on
 * failure, so the caller never frees it after this call). Every tensor is
 * checked against cfg ("got [..], expected [..]"). */
f5_status f5_vocos_create_from_weights(f5_weights *w, const f5_vocos_config *cfg, f5_vocos **out, f5_error *err);
void f5_vocos_free(f5_vocos *v);

const f5_vocos_config *f5_vocos_get_config(const f5_vocos *v);

/* Output samples for T mel frames: 256(T-1) (center) or 256T (same). */
size_t f5_vocos_out_len(const f5_vocos *v, int T);

/* Per-thread scratch; grows as needed. */
f5_status f5_vocos_scratch_create(f5_vocos_scratch **out, f5_error *err);
void f5_vocos_scratch_free(f5_vocos_scratch *s);

/* Optional intermediates for tests (each NULL = not wanted):
 * backbone_out [T, D], head_linear [T, 1026], spec_real/spec_imag [513, T]. */
typedef struct f5_vocos_taps {
    float *backbone_out;
    float *head_linear;
    float *spec_real;
    float *spec_imag;
} f5_vocos_taps;

/* Decode one mel [100, T] (T >= 2 for center, >= 1 for same) into
 * audio[f5_vocos_out_len(v, T)]. k selects backend/threads (NULL: CPU, 1
 * thread). Thread-safe given distinct scratch objects. */
f5_status f5_vocos_decode(const f5_vocos *v, f5_vocos_scratch *s, const f5_kctx *k, const float *mel, int T,
                          float *audio, const f5_vocos_taps *taps, f5_error *err);

/* The head's spectrum bin b from one head output row [2 nb] (log-magnitude
 * then phase): mag = min(exp(row[b]), 100), (re, im) = mag (cos, sin)(row[nb + b]).
 * Exposed so tests can check this stage from a reference head output. */
void f5_vocos_head_bin(const float *row, int nb, int b, float *re, float *im);

#endif
