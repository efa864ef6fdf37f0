/* vocos_load.c - building an f5_vocos: Vocos' config.yaml (through
 * f5_vocos_config_from_yaml), the weight file (torch pytorch_model.bin or
 * model.safetensors, through f5_weights_open) and the check of every
 * tensor against the config. */
#include "model/vocos_impl.h"

#include "core/error.h"
#include "model/model_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ weights */

static f5_status get(f5_weights *w, const char *name, int ndim, int64_t a, int64_t b, int64_t c3, const float **out,
                     f5_error *err) {
    int64_t shape[3] = {a, b, c3};
    return f5_weights_get_f32(w, name, ndim, shape, out, err);
}

f5_status f5_vocos_create_from_weights(f5_weights *w, const f5_vocos_config *cfg, f5_vocos **out, f5_error *err) {
    *out = NULL;
    f5_status st = F5_OK;
    f5_key_shape *keys = NULL;
    f5_vocos *v = calloc(1, sizeof *v);
    if (!v || !w || !cfg) {
        st = f5_errf(err, !v ? F5_ERR_NOMEM : F5_ERR_INVALID_ARG, "vocos: %s", !v ? "out of memory" : "NULL argument");
        goto fail;
    }
    v->cfg = *cfg;
    v->w = w;
    const int64_t D = cfg->dim, I = cfg->intermediate_dim, C = cfg->input_channels, NF = cfg->n_fft;
    size_t nk = 0;
    keys = f5_vocos_keys(cfg, &nk, err);
    if (!keys) {
        st = err ? err->status : F5_ERR_INVALID_ARG;
        goto fail;
    }
    /* Strict like upstream's load_state_dict: nothing unexpected. */
    for (size_t i = 0; i < f5_weights_count(w); i++) {
        const char *name = f5_weights_at(w, i)->name;
        bool known = false;
        for (size_t j = 0; j < nk && !known; j++) known = !strcmp(keys[j].name, name);
        if (!known) {
            st = f5_errf(err, F5_ERR_FORMAT,
                         "%s: unexpected tensor %s for Vocos (dim %lld, %d layers): not a Vocos mel checkpoint?",
                         f5_weights_source(w), name, (long long)D, cfg->num_layers);
            goto fail;
        }
    }
    /* feature_extractor.* buffers are optional (unused by decode); check shapes if present. */
    for (size_t j = 0; j < nk; j++)
        if (!strncmp(keys[j].name, "feature_extractor.", 18) && f5_weights_find(w, keys[j].name)) {
            st = f5_weights_check(w, keys[j].name, keys[j].ndim, keys[j].shape, err);
            if (st != F5_OK) goto fail;
        }
    if ((st = get(w, "backbone.embed.weight", 3, D, C, 7, &v->embed_w, err)) ||
        (st = get(w, "backbone.embed.bias", 1, D, 0, 0, &v->embed_b, err)) ||
        (st = get(w, "backbone.norm.weight", 1, D, 0, 0, &v->norm_w, err)) ||
        (st = get(w, "backbone.norm.bias", 1, D, 0, 0, &v->norm_b, err)) ||
        (st = get(w, "backbone.final_layer_norm.weight", 1, D, 0, 0, &v->fln_w, err)) ||
        (st = get(w, "backbone.final_layer_norm.bias", 1, D, 0, 0, &v->fln_b, err)) ||
        (st = get(w, "head.out.weight", 2, NF + 2, D, 0, &v->head_w, err)) ||
        (st = get(w, "head.out.bias", 1, NF + 2, 0, 0, &v->head_b, err)) ||
        (st = get(w, "head.istft.window", 1, NF, 0, 0, &v->window, err)))
        goto fail;
    v->blocks = calloc((size_t)cfg->num_layers + 1, sizeof *v->blocks);
    float *dwt = malloc(sizeof(float) * (size_t)(cfg->num_layers ? cfg->num_layers : 1) * 7 * (size_t)D);
    if (!v->blocks || !dwt) {
        free(dwt);
        st = f5_errf(err, F5_ERR_NOMEM, "vocos: out of memory");
        goto fail;
    }
    f5_weights_own(w, dwt);
    for (int l = 0; l < cfg->num_layers; l++) {
        f5_vocos_block *b = &v->blocks[l];
        char n[96];
        const float *dw;
#define G(field, suffix, nd, a, bb, cc)                                                   \
    snprintf(n, sizeof n, "backbone.convnext.%d.%s", l, suffix);                          \
    if ((st = get(w, n, nd, a, bb, cc, field, err)) != F5_OK) goto fail;
        G(&dw, "dwconv.weight", 3, D, 1, 7)
        G(&b->dw_b, "dwconv.bias", 1, D, 0, 0)
        G(&b->ln_w, "norm.weight", 1, D, 0, 0)
        G(&b->ln_b, "norm.bias", 1, D, 0, 0)
        G(&b->pw1_w, "pwconv1.weight", 2, I, D, 0)
        G(&b->pw1_b, "pwconv1.bias", 1, I, 0, 0)
        G(&b->pw2_w, "pwconv2.weight", 2, D, I, 0)
        G(&b->pw2_b, "pwconv2.bias", 1, D, 0, 0)
        if (cfg->layer_scale) {
            G(&b->gamma, "gamma", 1, D, 0, 0)
        }
#undef G
        float *t = dwt + (size_t)l * 7 * D;
        for (int64_t d = 0; d < D; d++)
            for (int k = 0; k < 7; k++) t[k * D + d] = dw[d * 7 + k];
        b->dw_wt = t;
    }
    free(keys);
    *out = v;
    return F5_OK;
fail:
    free(keys);
    if (v) {
        free(v->blocks);
        free(v);
    }
    f5_weights_free(w);
    return st;
}

void f5_vocos_free(f5_vocos *v) {
    if (!v) return;
    f5_weights_free(v->w);
    free(v->blocks);
    free(v);
}

static bool is_file(const char *p) {
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

f5_status f5_vocos_load(const char *path, f5_vocos **out, f5_error *err) {
    *out = NULL;
    if (!path) return f5_errf(err, F5_ERR_INVALID_ARG, "vocos: NULL path");
    struct stat sb;
    if (stat(path, &sb) != 0) return f5_errf(err, F5_ERR_NOT_FOUND, "vocos: %s does not exist", path);
    char dir[4096], cfgp[4200], wp[4200];
    if (S_ISDIR(sb.st_mode)) {
        snprintf(dir, sizeof dir, "%s", path);
        const char *cands[] = {"pytorch_model.bin", "model.safetensors", "pytorch_model.safetensors"};
        wp[0] = 0;
        for (size_t i = 0; i < 3 && !wp[0]; i++) {
            snprintf(wp, sizeof wp, "%s/%s", dir, cands[i]);
            if (!is_file(wp)) wp[0] = 0;
        }
        if (!wp[0])
            return f5_errf(err, F5_ERR_NOT_FOUND, "vocos: %s holds neither pytorch_model.bin nor model.safetensors",
                           path);
    } else {
        snprintf(wp, sizeof wp, "%s", path);
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(dir, sizeof dir, ".");
    }
    snprintf(cfgp, sizeof cfgp, "%s/config.yaml", dir);
    f5_vocos_config cfg = f5_vocos_config_default();
    f5_status st;
    if (is_file(cfgp) && (st = f5_vocos_config_from_yaml(cfgp, &cfg, err)) != F5_OK) return st;
    f5_weights *w = NULL;
    if ((st = f5_weights_open(wp, &w, err)) != F5_OK) return st;
    st = f5_vocos_create_from_weights(w, &cfg, out, err);
    if (st != F5_OK) f5_err_prefix(err, st, "vocos %s", wp);
    return st;
}
