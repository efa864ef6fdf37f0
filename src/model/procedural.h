/* procedural.h - release-size weights generated from (seed, key, shape).
 *
 * The exact spec is in ../shared/golden/README.md "Procedural weights":
 * FNV-1a-64 of "<seed>:<key>", splitmix64 per element, role-dependent
 * offset/amplitude, one double->float rounding. Used by the release-size
 * golden cases, `make-test-model` and `bench --random-weights`.
 */
#ifndef F5_MODEL_PROCEDURAL_H
#define F5_MODEL_PROCEDURAL_H

#include "model/model_config.h"

/* The full DiT state dict as released: keys "ema_model.transformer.*" plus
 * "initted", "step" (and, when legacy_mel_buffers, the two v0
 * "ema_model.mel_spec.mel_stft.*" buffers). All F32 except the bookkeeping. */
f5_status f5_procedural_dit(uint64_t seed, const f5_dit_config *c, bool legacy_mel_buffers, f5_weights **out,
                            f5_error *err);
/* The Vocos state dict as released (keys "backbone.*", "head.*", "feature_extractor.*"). */
f5_status f5_procedural_vocos(uint64_t seed, const f5_vocos_config *c, f5_weights **out, f5_error *err);

/* One generated value (exposed for tests): element i of tensor key under seed. */
float f5_procedural_value(uint64_t seed, const char *key, int64_t i, double offset, double amplitude);

/* Role of a state-dict key (README role table, first match wins), with the
 * offset/amplitude it implies (0 for bookkeeping and fixed buffers). */
typedef enum f5_proc_role {
    F5_PROC_BOOKKEEPING,
    F5_PROC_FIXED,
    F5_PROC_GRN,
    F5_PROC_LAYER_SCALE,
    F5_PROC_EMBEDDING,
    F5_PROC_MATRIX,
    F5_PROC_NORM_WEIGHT,
    F5_PROC_BIAS,
} f5_proc_role;
f5_proc_role f5_procedural_role(const char *key, int ndim, const int64_t *shape, double *offset, double *amplitude);

/* Fixed buffers. inv_freq [dim_head/2]: torch's float32 1/10000^(2j/dim_head)
 * (bit-exact). Periodic Hann [n]: float32 0.5 - 0.5 cos(2 pi i/n) (may differ
 * from torch's vectorised cos by 1 ulp at a few points). HTK mel filterbank
 * [n_freqs, n_mels] (torchaudio melscale_fbanks, norm None) computed in
 * double then rounded (within ~1.2e-5 of torch's float32 result). */
void f5_procedural_inv_freq(int dim_head, float *out);
void f5_procedural_hann(int n, float *out);
void f5_procedural_mel_fb(int n_freqs, int n_mels, double sample_rate, double f_min, double f_max, float *out);

#endif
