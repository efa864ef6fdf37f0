/* model_keys.h - the expected state-dict layout of the DiT and of Vocos.
 *
 * One list of (key, shape) per architecture, in the order of the released
 * checkpoints (F5TTS_v1_Base / F5TTS_Base model_*.safetensors, vocos-mel-24khz
 * pytorch_model.bin). Used by the procedural generator (which must produce
 * exactly the released keys), by f5_dit_config_check() and by `inspect`.
 */
#ifndef F5_MODEL_KEYS_H
#define F5_MODEL_KEYS_H

#include "model/model_config.h"

typedef struct f5_key_shape {
    char name[128];
    int ndim;
    int64_t shape[4];
} f5_key_shape;

typedef enum f5_keys_flags {
    F5_KEYS_BOOKKEEPING = 1, /* "initted", "step" first */
    F5_KEYS_LEGACY_MEL = 2,  /* v0 "ema_model.mel_spec.mel_stft.*" buffers last */
} f5_keys_flags;

/* The DiT keys. prefix is prepended to every transformer key (e.g.
 * "ema_model.transformer." for a checkpoint, "transformer." after
 * f5_checkpoint_normalize). The legacy mel buffers use "ema_model.mel_spec."
 * (they only exist in the raw checkpoint). Returns a malloc'd array (caller
 * frees) and its length in *n, or NULL on out-of-memory / invalid config
 * (error filled). */
f5_key_shape *f5_dit_keys(const f5_dit_config *c, const char *prefix, int flags, size_t *n, f5_error *err);

/* The Vocos keys (no prefix), including the feature_extractor buffers. */
f5_key_shape *f5_vocos_keys(const f5_vocos_config *c, size_t *n, f5_error *err);

#endif
