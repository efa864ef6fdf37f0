/* model_config.h - architecture descriptions of the DiT and of Vocos.
 *
 * A config comes from an upstream YAML (F5TTS_v1_Base.yaml style for the
 * DiT, Vocos' config.yaml), from a preset name, or is inferred from tensor
 * shapes; f5_dit_config_check() then verifies every tensor of a state dict
 * against it ("got [..], expected [..]").
 */
#ifndef F5_MODEL_CONFIG_H
#define F5_MODEL_CONFIG_H

#include "f5tts.h"
#include "model/weights.h"

typedef struct f5_dit_config {
    char name[32];          /* "v1_base", "base", "small", "custom" */
    int dim;                /* D: 1024 (v1_base, base), 768 (small) */
    int depth;              /* 22 / 18 */
    int heads;              /* 16 / 12 */
    int dim_head;           /* 64 */
    int ff_mult;            /* 2 */
    int text_dim;           /* 512 */
    int conv_layers;        /* text ConvNeXt blocks: 4 */
    int mel_dim;            /* 100 */
    int text_num_embeds;    /* vocab size V (table has V+1 rows) */
    bool text_mask_padding; /* v1: true, v0: false */
    int pe_attn_head;       /* rotary on the first N heads; 0 = all heads (v1) */
    bool qk_norm;           /* unsupported when true */
    bool attn_mask_enabled; /* unsupported when true */
} f5_dit_config;

typedef struct f5_vocos_config {
    int input_channels;     /* 100 */
    int dim;                /* 512 */
    int intermediate_dim;   /* 1536 */
    int num_layers;         /* 8 */
    int n_fft;              /* 1024 */
    int hop_length;         /* 256 */
    bool padding_center;    /* head padding: "center" (released) or "same" */
    bool layer_scale;       /* true */
} f5_vocos_config;

/* Presets: "v1_base" (F5TTS_v1_Base), "base" (F5TTS_Base, v0), "small". */
f5_status f5_dit_config_preset(const char *name, int text_num_embeds, f5_dit_config *out, f5_error *err);
f5_status f5_dit_config_from_yaml(const char *path, int text_num_embeds, f5_dit_config *out, f5_error *err);
/* Infer dims from a normalised state dict (keys "transformer.*"). */
f5_status f5_dit_config_infer(const f5_weights *w, f5_dit_config *out, f5_error *err);
/* Every expected tensor present with the right shape, nothing unexpected. */
f5_status f5_dit_config_check(const f5_dit_config *c, const f5_weights *w, f5_error *err);
int64_t f5_dit_config_params(const f5_dit_config *c);
/* Every dimension positive, consistent and within sane upper bounds (a
 * hostile YAML or checkpoint cannot make us allocate terabytes). `what`
 * names the source in the message (NULL: the config's name). */
f5_status f5_dit_config_validate(const f5_dit_config *c, const char *what, f5_error *err);
f5_status f5_vocos_config_validate(const f5_vocos_config *c, const char *what, f5_error *err);

f5_status f5_vocos_config_from_yaml(const char *path, f5_vocos_config *out, f5_error *err);
f5_vocos_config f5_vocos_config_default(void); /* vocos-mel-24khz */

/* Checkpoint key normalisation as upstream: prefer EMA weights (nested
 * "ema_model_state_dict." / top-level "ema_model." prefixes stripped),
 * drop "initted", "step" and the legacy "mel_spec.*" buffers, leaving
 * "transformer.*" keys. Falls back to "model_state_dict." when no EMA. */
f5_status f5_checkpoint_normalize(f5_weights *w, f5_error *err);

/* Added by the loaders engineer (checkpoint.c / model_yaml.c): */
/* True when a raw (not normalised) DiT checkpoint carries the legacy v0
 * "ema_model.mel_spec.mel_stft.*" buffers: a hint for the v0 architecture.
 * f5_dit_config_infer cannot see text_mask_padding / pe_attn_head in shapes
 * and returns the v0 values (false, 1); override with a preset or YAML. */
bool f5_checkpoint_has_legacy_mel(const f5_weights *raw);
/* The YAML readers over a buffer (text NULL: read the file `what`). */
f5_status f5_dit_config_from_yaml_mem(const char *text, size_t len, const char *what, int text_num_embeds, f5_dit_config *out,
                                      f5_error *err);
f5_status f5_vocos_config_from_yaml_mem(const char *text, size_t len, const char *what, f5_vocos_config *out, f5_error *err);
/* Every Vocos tensor present with the right shape, nothing unexpected. */
f5_status f5_vocos_config_check(const f5_vocos_config *c, const f5_weights *w, f5_error *err);
/* Vocos dims from tensor shapes (n_fft from head.out rows - 2, hop 256,
 * padding center). */
f5_status f5_vocos_config_infer(const f5_weights *w, f5_vocos_config *out, f5_error *err);

#endif
