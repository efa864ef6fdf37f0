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
