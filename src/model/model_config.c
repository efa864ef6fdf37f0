/* model_config.c - DiT presets, Vocos defaults, parameter counts.
 *
 * Presets mirror upstream's configs: F5TTS_v1_Base ("v1_base": text padding
 * masked, rotary on every head), F5TTS_Base ("base", the v0 architecture of
 * the Vietnamese fine-tunes: no text padding mask, rotary on head 0 only)
 * and F5TTS_Small ("small", v0 style). dim_head 64 and mel_dim 100 are
 * DiT's constructor defaults, absent from the YAMLs.
 */
#include "model/model_config.h"

#include "core/error.h"
#include "model/model_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

f5_status f5_dit_config_preset(const char *name, int text_num_embeds, f5_dit_config *out, f5_error *err) {
    f5_dit_config c = {.dim_head = 64, .ff_mult = 2, .text_dim = 512, .conv_layers = 4, .mel_dim = 100,
                       .text_num_embeds = text_num_embeds};
    if (!name) return f5_errf(err, F5_ERR_INVALID_ARG, "DiT preset name is NULL");
    if (!strcmp(name, "v1_base") || !strcmp(name, "F5TTS_v1_Base")) {
        c.dim = 1024, c.depth = 22, c.heads = 16, c.text_mask_padding = true, c.pe_attn_head = 0;
        snprintf(c.name, sizeof c.name, "v1_base");
    } else if (!strcmp(name, "base") || !strcmp(name, "F5TTS_Base") || !strcmp(name, "v0")) {
        c.dim = 1024, c.depth = 22, c.heads = 16, c.text_mask_padding = false, c.pe_attn_head = 1;
        snprintf(c.name, sizeof c.name, "base");
    } else if (!strcmp(name, "small") || !strcmp(name, "F5TTS_Small")) {
        c.dim = 768, c.depth = 18, c.heads = 12, c.text_mask_padding = false, c.pe_attn_head = 1;
        snprintf(c.name, sizeof c.name, "small");
    } else {
        return f5_errf(err, F5_ERR_INVALID_ARG, "unknown DiT preset \"%s\" (expected v1_base, base or small)", name);
    }
    if (text_num_embeds <= 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT preset %s: text_num_embeds (vocab size) must be > 0, got %d", name,
                       text_num_embeds);
    *out = c;
    return F5_OK;
}

/* Upper bounds far above any released model (dim 1024, depth 22) that keep
 * a hostile config from asking for terabytes before a tensor is read. */
enum { MAX_DIM = 16384, MAX_DEPTH = 512, MAX_HEADS = 1024, MAX_DIM_HEAD = 1024, MAX_FF_MULT = 16,
       MAX_CONV_LAYERS = 64, MAX_MEL = 1024, MAX_VOCAB = 1 << 22, MAX_VOCOS_LAYERS = 256, MAX_N_FFT = 1 << 16 };

#define IN(v, lo, hi) ((v) >= (lo) && (v) <= (hi))

f5_status f5_dit_config_validate(const f5_dit_config *c, const char *what, f5_error *err) {
    bool ok = IN(c->dim, 16, MAX_DIM) && c->dim % 16 == 0 && IN(c->depth, 1, MAX_DEPTH) && IN(c->heads, 1, MAX_HEADS) &&
              IN(c->dim_head, 2, MAX_DIM_HEAD) && c->dim_head % 2 == 0 && IN(c->ff_mult, 1, MAX_FF_MULT) &&
              IN(c->text_dim, 2, MAX_DIM) && c->text_dim % 2 == 0 && IN(c->conv_layers, 0, MAX_CONV_LAYERS) &&
              IN(c->mel_dim, 1, MAX_MEL) && IN(c->text_num_embeds, 1, MAX_VOCAB) && IN(c->pe_attn_head, 0, c->heads);
    if (ok) return F5_OK;
    return f5_errf(err, F5_ERR_INVALID_ARG,
                   "%s: invalid DiT dimensions: dim %d (16..%d, a multiple of 16), depth %d (1..%d), heads %d (1..%d), "
                   "dim_head %d (even, 2..%d), ff_mult %d (1..%d), text_dim %d (even, 2..%d), conv_layers %d (0..%d), "
                   "mel_dim %d (1..%d), text_num_embeds %d (1..%d), pe_attn_head %d (0..heads)",
                   what ? what : c->name, c->dim, MAX_DIM, c->depth, MAX_DEPTH, c->heads, MAX_HEADS, c->dim_head,
                   MAX_DIM_HEAD, c->ff_mult, MAX_FF_MULT, c->text_dim, MAX_DIM, c->conv_layers, MAX_CONV_LAYERS,
                   c->mel_dim, MAX_MEL, c->text_num_embeds, MAX_VOCAB, c->pe_attn_head);
}

f5_status f5_vocos_config_validate(const f5_vocos_config *c, const char *what, f5_error *err) {
    bool ok = IN(c->input_channels, 1, MAX_MEL) && IN(c->dim, 1, MAX_DIM) && IN(c->intermediate_dim, 1, 4 * MAX_DIM) &&
              IN(c->num_layers, 0, MAX_VOCOS_LAYERS) && IN(c->n_fft, 2, MAX_N_FFT) && c->n_fft % 2 == 0 &&
              IN(c->hop_length, 1, c->n_fft);
    if (ok) return F5_OK;
    return f5_errf(err, F5_ERR_INVALID_ARG,
                   "%s: invalid Vocos dimensions: input_channels %d (1..%d), dim %d (1..%d), intermediate_dim %d (1..%d), "
                   "num_layers %d (0..%d), n_fft %d (even, 2..%d), hop_length %d (1..n_fft)",
                   what ? what : "Vocos config", c->input_channels, MAX_MEL, c->dim, MAX_DIM, c->intermediate_dim,
                   4 * MAX_DIM, c->num_layers, MAX_VOCOS_LAYERS, c->n_fft, MAX_N_FFT, c->hop_length);
}

int64_t f5_dit_config_params(const f5_dit_config *c) {
    size_t n;
    f5_key_shape *k = f5_dit_keys(c, "", 0, &n, NULL);
    if (!k) return -1;
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (strstr(k[i].name, "inv_freq")) continue; /* a buffer, not a parameter */
        int64_t m = 1;
        for (int d = 0; d < k[i].ndim; d++) m *= k[i].shape[d];
        total += m;
    }
    free(k);
    return total;
}

f5_vocos_config f5_vocos_config_default(void) {
    return (f5_vocos_config){.input_channels = 100, .dim = 512, .intermediate_dim = 1536, .num_layers = 8,
                             .n_fft = 1024, .hop_length = 256, .padding_center = true, .layer_scale = true};
}
