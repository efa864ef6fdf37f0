/* model_keys.c - expected state-dict keys and shapes for DiT and Vocos.
 *
 * The lists follow the README "checkpoints" / "vocos_tiny" sections: Linear
 * weights [out, in], Conv1d [out, in/groups, k], grouped conv position
 * embedding with 16 groups, text table with V+1 rows.
 */
#include "model/model_keys.h"

#include "core/error.h"
#include "model/model_config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct key_list {
    f5_key_shape *k;
    size_t n, cap;
    bool oom;
} key_list;

static void add(key_list *l, int ndim, const int64_t *shape, const char *fmt, ...) F5_PRINTF(4, 5);
static void add(key_list *l, int ndim, const int64_t *shape, const char *fmt, ...) {
    if (l->oom) return;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 128;
        f5_key_shape *nk = realloc(l->k, nc * sizeof *nk);
        if (!nk) {
            l->oom = true;
            return;
        }
        l->k = nk;
        l->cap = nc;
    }
    f5_key_shape *e = &l->k[l->n++];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->name, sizeof e->name, fmt, ap);
    va_end(ap);
    e->ndim = ndim;
    for (int i = 0; i < 4; i++) e->shape[i] = i < ndim ? shape[i] : 0;
}

#define S1(a) 1, (const int64_t[]){a}
#define S2(a, b) 2, (const int64_t[]){a, b}
#define S3(a, b, c) 3, (const int64_t[]){a, b, c}

static f5_key_shape *finish(key_list *l, size_t *n, f5_error *err) {
    if (l->oom) {
        free(l->k);
        f5_errf(err, F5_ERR_NOMEM, "out of memory building the key list");
        return NULL;
    }
    *n = l->n;
    return l->k;
}

f5_key_shape *f5_dit_keys(const f5_dit_config *c, const char *p, int flags, size_t *n, f5_error *err) {
    *n = 0;
    if (f5_dit_config_validate(c, NULL, err)) return NULL;
    key_list l = {0};
    const int64_t D = c->dim, Dt = c->text_dim, M = c->mel_dim, A = (int64_t)c->heads * c->dim_head, F = D * c->ff_mult;
    if (flags & F5_KEYS_BOOKKEEPING) {
        add(&l, 0, NULL, "initted");
        add(&l, 0, NULL, "step");
    }
    add(&l, S2(D, 256), "%stime_embed.time_mlp.0.weight", p);
    add(&l, S1(D), "%stime_embed.time_mlp.0.bias", p);
    add(&l, S2(D, D), "%stime_embed.time_mlp.2.weight", p);
    add(&l, S1(D), "%stime_embed.time_mlp.2.bias", p);
    add(&l, S2((int64_t)c->text_num_embeds + 1, Dt), "%stext_embed.text_embed.weight", p);
    for (int j = 0; j < c->conv_layers; j++) {
        add(&l, S3(Dt, 1, 7), "%stext_embed.text_blocks.%d.dwconv.weight", p, j);
        add(&l, S1(Dt), "%stext_embed.text_blocks.%d.dwconv.bias", p, j);
        add(&l, S1(Dt), "%stext_embed.text_blocks.%d.norm.weight", p, j);
        add(&l, S1(Dt), "%stext_embed.text_blocks.%d.norm.bias", p, j);
        add(&l, S2(2 * Dt, Dt), "%stext_embed.text_blocks.%d.pwconv1.weight", p, j);
        add(&l, S1(2 * Dt), "%stext_embed.text_blocks.%d.pwconv1.bias", p, j);
        add(&l, S3(1, 1, 2 * Dt), "%stext_embed.text_blocks.%d.grn.gamma", p, j);
        add(&l, S3(1, 1, 2 * Dt), "%stext_embed.text_blocks.%d.grn.beta", p, j);
        add(&l, S2(Dt, 2 * Dt), "%stext_embed.text_blocks.%d.pwconv2.weight", p, j);
        add(&l, S1(Dt), "%stext_embed.text_blocks.%d.pwconv2.bias", p, j);
    }
    add(&l, S2(D, 2 * M + Dt), "%sinput_embed.proj.weight", p);
    add(&l, S1(D), "%sinput_embed.proj.bias", p);
    for (int j = 0; j <= 2; j += 2) {
        add(&l, S3(D, D / 16, 31), "%sinput_embed.conv_pos_embed.conv1d.%d.weight", p, j);
        add(&l, S1(D), "%sinput_embed.conv_pos_embed.conv1d.%d.bias", p, j);
    }
    add(&l, S1(c->dim_head / 2), "%srotary_embed.inv_freq", p);
    for (int i = 0; i < c->depth; i++) {
        add(&l, S2(6 * D, D), "%stransformer_blocks.%d.attn_norm.linear.weight", p, i);
        add(&l, S1(6 * D), "%stransformer_blocks.%d.attn_norm.linear.bias", p, i);
        static const char *const qkv[3] = {"q", "k", "v"};
        for (int k = 0; k < 3; k++) {
            add(&l, S2(A, D), "%stransformer_blocks.%d.attn.to_%s.weight", p, i, qkv[k]);
            add(&l, S1(A), "%stransformer_blocks.%d.attn.to_%s.bias", p, i, qkv[k]);
        }
        add(&l, S2(D, A), "%stransformer_blocks.%d.attn.to_out.0.weight", p, i);
        add(&l, S1(D), "%stransformer_blocks.%d.attn.to_out.0.bias", p, i);
        add(&l, S2(F, D), "%stransformer_blocks.%d.ff.ff.0.0.weight", p, i);
        add(&l, S1(F), "%stransformer_blocks.%d.ff.ff.0.0.bias", p, i);
        add(&l, S2(D, F), "%stransformer_blocks.%d.ff.ff.2.weight", p, i);
        add(&l, S1(D), "%stransformer_blocks.%d.ff.ff.2.bias", p, i);
    }
    add(&l, S2(2 * D, D), "%snorm_out.linear.weight", p);
    add(&l, S1(2 * D), "%snorm_out.linear.bias", p);
    add(&l, S2(M, D), "%sproj_out.weight", p);
    add(&l, S1(M), "%sproj_out.bias", p);
    if (flags & F5_KEYS_LEGACY_MEL) {
        add(&l, S2(513, 100), "ema_model.mel_spec.mel_stft.mel_scale.fb");
        add(&l, S1(1024), "ema_model.mel_spec.mel_stft.spectrogram.window");
    }
    return finish(&l, n, err);
}

f5_key_shape *f5_vocos_keys(const f5_vocos_config *c, size_t *n, f5_error *err) {
    *n = 0;
    if (f5_vocos_config_validate(c, NULL, err)) return NULL;
    key_list l = {0};
    const int64_t D = c->dim, I = c->intermediate_dim, C = c->input_channels, NF = c->n_fft;
    add(&l, S1(NF), "feature_extractor.mel_spec.spectrogram.window");
    add(&l, S2(NF / 2 + 1, C), "feature_extractor.mel_spec.mel_scale.fb");
    add(&l, S3(D, C, 7), "backbone.embed.weight");
    add(&l, S1(D), "backbone.embed.bias");
    add(&l, S1(D), "backbone.norm.weight");
    add(&l, S1(D), "backbone.norm.bias");
    for (int i = 0; i < c->num_layers; i++) {
        if (c->layer_scale) add(&l, S1(D), "backbone.convnext.%d.gamma", i);
        add(&l, S3(D, 1, 7), "backbone.convnext.%d.dwconv.weight", i);
        add(&l, S1(D), "backbone.convnext.%d.dwconv.bias", i);
        add(&l, S1(D), "backbone.convnext.%d.norm.weight", i);
        add(&l, S1(D), "backbone.convnext.%d.norm.bias", i);
        add(&l, S2(I, D), "backbone.convnext.%d.pwconv1.weight", i);
        add(&l, S1(I), "backbone.convnext.%d.pwconv1.bias", i);
        add(&l, S2(D, I), "backbone.convnext.%d.pwconv2.weight", i);
        add(&l, S1(D), "backbone.convnext.%d.pwconv2.bias", i);
    }
    add(&l, S1(D), "backbone.final_layer_norm.weight");
    add(&l, S1(D), "backbone.final_layer_norm.bias");
    add(&l, S2(NF + 2, D), "head.out.weight");
    add(&l, S1(NF + 2), "head.out.bias");
    add(&l, S1(NF), "head.istft.window");
    return finish(&l, n, err);
}
