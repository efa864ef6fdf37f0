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

#endif
