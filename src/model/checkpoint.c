/* checkpoint.c - state-dict normalisation, DiT config inference and checks.
 *
 * Upstream loads a checkpoint by preferring the EMA weights, stripping the
 * "ema_model." prefix, dropping the bookkeeping ("initted", "step") and the
 * legacy torchaudio mel buffers, and loading the rest strictly into CFM,
 * whose DiT keys are "transformer.*". f5_checkpoint_normalize does the
 * same; f5_dit_config_check then plays the role of the strict load, and
 * f5_dit_config_infer reads the dimensions off the tensor shapes.
 */
#include "model/model_config.h"

#include "core/error.h"
#include "model/model_keys.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool has_prefix(const f5_weights *w, const char *prefix) {
    size_t n = strlen(prefix);
    for (size_t i = 0; i < f5_weights_count(w); i++)
        if (!strncmp(f5_weights_at(w, i)->name, prefix, n)) return true;
    return false;
}

bool f5_checkpoint_has_legacy_mel(const f5_weights *raw) {
    for (size_t i = 0; i < f5_weights_count(raw); i++) {
        const char *n = f5_weights_at(raw, i)->name;
        if (strstr(n, "mel_spec.mel_stft.")) return true;
    }
    return false;
}

f5_status f5_checkpoint_normalize(f5_weights *w, f5_error *err) {
    f5_status s = F5_OK;
    if (has_prefix(w, "ema_model_state_dict."))
        s = f5_weights_rename_prefix(w, "ema_model_state_dict.", "", true, err);
    else if (!has_prefix(w, "ema_model.") && has_prefix(w, "model_state_dict."))
        s = f5_weights_rename_prefix(w, "model_state_dict.", "", true, err);
    if (!s) s = f5_weights_rename_prefix(w, "ema_model.", "", false, err);
    if (s) return s;
    f5_weights_remove(w, "initted");
    f5_weights_remove(w, "step");
    for (size_t i = f5_weights_count(w); i-- > 0;) {
        const char *n = f5_weights_at(w, i)->name;
        if (!strncmp(n, "mel_spec.", 9)) f5_weights_remove(w, n);
    }
    if (!has_prefix(w, "transformer.")) {
        const f5_tensor *t = f5_weights_at(w, 0);
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "%s: no DiT weights found (expected ema_model_state_dict / ema_model. / model_state_dict keys leading "
                       "to transformer.*; first key after normalisation: %s)",
                       f5_weights_source(w), t ? t->name : "(none)");
    }
    return F5_OK;
}

static const f5_tensor *need(const f5_weights *w, const char *name, int ndim, f5_error *err) {
    const f5_tensor *t = f5_weights_find(w, name);
    if (!t) {
        f5_errf(err, F5_ERR_NOT_FOUND, "%s: cannot infer the DiT architecture: tensor %s missing", f5_weights_source(w), name);
        return NULL;
    }
    if (t->ndim != ndim) {
        f5_errf(err, F5_ERR_SHAPE, "%s: tensor %s has %d dimensions, expected %d", f5_weights_source(w), name, t->ndim, ndim);
        return NULL;
    }
    return t;
}

static int count_indexed(const f5_weights *w, const char *fmt) {
    char name[160];
    int n = 0;
    for (;; n++) {
        snprintf(name, sizeof name, fmt, n);
        if (!f5_weights_find(w, name)) return n;
    }
}

f5_status f5_dit_config_infer(const f5_weights *w, f5_dit_config *out, f5_error *err) {
    f5_dit_config c = {.dim_head = 64, .text_mask_padding = false, .pe_attn_head = 1};
    snprintf(c.name, sizeof c.name, "custom");
    const f5_tensor *po = need(w, "transformer.proj_out.weight", 2, err);
    const f5_tensor *te = need(w, "transformer.text_embed.text_embed.weight", 2, err);
    const f5_tensor *q = need(w, "transformer.transformer_blocks.0.attn.to_q.weight", 2, err);
    const f5_tensor *ff = need(w, "transformer.transformer_blocks.0.ff.ff.0.0.weight", 2, err);
    if (!po || !te || !q || !ff) return err ? err->status : F5_ERR_NOT_FOUND;
    if (po->shape[0] > INT_MAX || po->shape[1] > INT_MAX || te->shape[0] > INT_MAX || te->shape[1] > INT_MAX ||
        q->shape[0] > INT_MAX || ff->shape[0] > INT_MAX)
        return f5_errf(err, F5_ERR_SHAPE, "%s: DiT tensor dimensions beyond any model (proj_out %" PRId64 "x%" PRId64 ")",
                       f5_weights_source(w), po->shape[0], po->shape[1]);
    c.mel_dim = (int)po->shape[0];
    c.dim = (int)po->shape[1];
    c.text_num_embeds = (int)te->shape[0] - 1;
    c.text_dim = (int)te->shape[1];
    c.depth = count_indexed(w, "transformer.transformer_blocks.%d.attn_norm.linear.weight");
    c.conv_layers = count_indexed(w, "transformer.text_embed.text_blocks.%d.dwconv.weight");
    if (q->shape[0] % c.dim_head || c.dim <= 0 || ff->shape[0] % c.dim)
        return f5_errf(err, F5_ERR_SHAPE,
                       "%s: cannot infer the DiT architecture: to_q rows %" PRId64 " not a multiple of 64 or ff rows %" PRId64
                       " not a multiple of dim %d",
                       f5_weights_source(w), q->shape[0], ff->shape[0], c.dim);
    c.heads = (int)(q->shape[0] / c.dim_head);
    c.ff_mult = (int)(ff->shape[0] / c.dim);
    f5_status vs = f5_dit_config_validate(&c, f5_weights_source(w), err);
    if (vs) return vs;
    *out = c;
    return F5_OK;
}

static bool is_float(f5_dtype t) { return t == F5_DT_F32 || t == F5_DT_F16 || t == F5_DT_BF16 || t == F5_DT_F64; }

/* Compare w against an expected key list; the message names the first
 * problem ("got [..], expected [..]", missing, unexpected, dtype) and counts
 * the others. desc describes the architecture for the message. */
static f5_status check_list(const char *desc, const f5_key_shape *k, size_t n, const f5_weights *w, f5_error *err) {
    int problems = 0;
    char first[F5_ERROR_MSG_MAX] = "";
    f5_status first_s = F5_OK;
    for (size_t i = 0; i < n; i++) {
        const f5_tensor *t = f5_weights_find(w, k[i].name);
        char msg[400] = "";
        f5_status s = F5_OK;
        if (!t) {
            snprintf(msg, sizeof msg, "tensor %s missing", k[i].name), s = F5_ERR_NOT_FOUND;
        } else {
            bool ok = t->ndim == k[i].ndim;
            for (int d = 0; ok && d < t->ndim; d++) ok = t->shape[d] == k[i].shape[d];
            if (!ok) {
                char g[160], e[160];
                snprintf(msg, sizeof msg, "tensor %s: got %s, expected %s", k[i].name, f5_shape_str(t->ndim, t->shape, g, sizeof g),
                         f5_shape_str(k[i].ndim, k[i].shape, e, sizeof e));
                s = F5_ERR_SHAPE;
            } else if (!is_float(t->dtype)) {
                snprintf(msg, sizeof msg, "tensor %s: dtype %s, expected a float type", k[i].name, f5_dtype_name(t->dtype));
                s = F5_ERR_SHAPE;
            }
        }
        if (s && !problems++) snprintf(first, sizeof first, "%s", msg), first_s = s;
    }
    for (size_t i = 0; i < f5_weights_count(w); i++) {
        const char *name = f5_weights_at(w, i)->name;
        bool known = false;
        for (size_t j = 0; j < n && !known; j++) known = !strcmp(name, k[j].name);
        if (!known && !problems++) snprintf(first, sizeof first, "unexpected tensor %s", name), first_s = F5_ERR_SHAPE;
    }
    if (!problems) return F5_OK;
    char more[64] = "";
    if (problems > 1) snprintf(more, sizeof more, " (and %d more problem%s)", problems - 1, problems > 2 ? "s" : "");
    return f5_errf(err, first_s, "%s does not match %s: %s%s", f5_weights_source(w), desc, first, more);
}

f5_status f5_dit_config_check(const f5_dit_config *c, const f5_weights *w, f5_error *err) {
    if (c->qk_norm)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "DiT config %s: qk_norm is not supported (only qk_norm: null)", c->name);
    if (c->attn_mask_enabled)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "DiT config %s: attn_mask_enabled: true is not supported", c->name);
    if (c->pe_attn_head < 0 || c->pe_attn_head > c->heads)
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT config %s: pe_attn_head %d outside 0..heads (%d)", c->name, c->pe_attn_head,
                       c->heads);
    size_t n;
    f5_key_shape *k = f5_dit_keys(c, "transformer.", 0, &n, err);
    if (!k) return err ? err->status : F5_ERR_INVALID_ARG;
    char desc[200];
    snprintf(desc, sizeof desc, "DiT config %s (dim %d, depth %d, heads %d, ff_mult %d, text_dim %d, conv_layers %d, vocab %d)",
             c->name, c->dim, c->depth, c->heads, c->ff_mult, c->text_dim, c->conv_layers, c->text_num_embeds);
    f5_status s = check_list(desc, k, n, w, err);
    free(k);
    return s;
}

f5_status f5_vocos_config_check(const f5_vocos_config *c, const f5_weights *w, f5_error *err) {
    size_t n;
    f5_key_shape *k = f5_vocos_keys(c, &n, err);
    if (!k) return err ? err->status : F5_ERR_INVALID_ARG;
    char desc[200];
    snprintf(desc, sizeof desc, "Vocos config (input_channels %d, dim %d, intermediate_dim %d, num_layers %d, n_fft %d)",
             c->input_channels, c->dim, c->intermediate_dim, c->num_layers, c->n_fft);
    f5_status s = check_list(desc, k, n, w, err);
    free(k);
    return s;
}

f5_status f5_vocos_config_infer(const f5_weights *w, f5_vocos_config *out, f5_error *err) {
    f5_vocos_config c = f5_vocos_config_default();
    const f5_tensor *emb = f5_weights_find(w, "backbone.embed.weight"), *head = f5_weights_find(w, "head.out.weight"),
                    *pw = f5_weights_find(w, "backbone.convnext.0.pwconv1.weight");
    if (!emb || emb->ndim != 3 || !head || head->ndim != 2 || !pw || pw->ndim != 2)
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "%s: not a Vocos state dict (backbone.embed.weight [D,C,7], head.out.weight [n_fft+2,D] and "
                       "backbone.convnext.0.pwconv1.weight [I,D] needed)",
                       f5_weights_source(w));
    if (emb->shape[0] > INT_MAX || emb->shape[1] > INT_MAX || pw->shape[0] > INT_MAX || head->shape[0] > INT_MAX)
        return f5_errf(err, F5_ERR_SHAPE, "%s: Vocos tensor dimensions beyond any model", f5_weights_source(w));
    c.dim = (int)emb->shape[0];
    c.input_channels = (int)emb->shape[1];
    c.intermediate_dim = (int)pw->shape[0];
    c.n_fft = (int)head->shape[0] - 2;
    c.num_layers = count_indexed(w, "backbone.convnext.%d.dwconv.weight");
    c.layer_scale = f5_weights_find(w, "backbone.convnext.0.gamma") != NULL;
    f5_status vs = f5_vocos_config_validate(&c, f5_weights_source(w), err);
    if (vs) return vs;
    *out = c;
    return F5_OK;
}
