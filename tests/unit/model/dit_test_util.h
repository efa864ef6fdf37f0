/* dit_test_util.h - shared helpers of the DiT/CFM unit tests: the tiny
 * golden model (architecture from the manifest's config.arch), and vectors
 * as float / int32 arrays. */
#ifndef F5_TEST_DIT_UTIL_H
#define F5_TEST_DIT_UTIL_H

#include "model/dit.h"
#include "model/model_config.h"
#include "model/safetensors.h"
#include "test.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *tu_case(const char *gdir, const char *name) {
    char p[4200];
    snprintf(p, sizeof p, "%s/manifest.json", gdir);
    json_t *m = json_load_file(p, 0, NULL);
    if (!m) return NULL;
    json_t *cases = json_object_get(m, "cases"), *c, *found = NULL;
    size_t i;
    json_array_foreach(cases, i, c) if (!strcmp(json_string_value(json_object_get(c, "name")), name)) found = c;
    if (found) json_incref(found);
    json_decref(m);
    return found;
}

static int tu_int(json_t *o, const char *k, int def) {
    json_t *v = json_object_get(o, k);
    return json_is_integer(v) ? (int)json_integer_value(v) : def;
}

/* Load <case>'s safetensors weights into a DiT; NULL on failure (CHECK'd). */
static f5_dit *tu_load_dit(const char *gdir, const char *case_name, f5_weights **w_out, f5_dit_config *cfg_out) {
    json_t *c = tu_case(gdir, case_name);
    CHECKF(c != NULL, "case %s not in manifest", case_name);
    if (!c) return NULL;
    json_t *cfg = json_object_get(c, "config"), *arch = json_object_get(cfg, "arch");
    f5_dit_config dc = {.dim = tu_int(arch, "dim", 0), .depth = tu_int(arch, "depth", 0),
                        .heads = tu_int(arch, "heads", 0), .dim_head = tu_int(cfg, "dim_head", 64),
                        .ff_mult = tu_int(arch, "ff_mult", 2), .text_dim = tu_int(arch, "text_dim", 0),
                        .conv_layers = tu_int(arch, "conv_layers", 0), .mel_dim = tu_int(cfg, "mel_dim", 100),
                        .text_num_embeds = tu_int(cfg, "text_num_embeds", 2545),
                        .text_mask_padding = json_is_true(json_object_get(arch, "text_mask_padding")),
                        .pe_attn_head = tu_int(arch, "pe_attn_head", 0)};
    snprintf(dc.name, sizeof dc.name, "%s", case_name);
    char p[4200];
    snprintf(p, sizeof p, "%s/%s", gdir,
             json_string_value(json_object_get(json_object_get(c, "files"), "weights_safetensors")));
    json_decref(c);
    f5_error err = {0};
    f5_weights *w = NULL;
    f5_dit *d = NULL;
    f5_status st = f5_weights_open(p, &w, &err);
    if (st == F5_OK) st = f5_checkpoint_normalize(w, &err);
    if (st == F5_OK) st = f5_dit_create(w, &dc, &d, &err);
    CHECKF(st == F5_OK, "loading %s: %s", p, err.message);
    if (st != F5_OK) {
        f5_weights_free(w);
        return NULL;
    }
    *w_out = w;
    if (cfg_out) *cfg_out = dc;
    return d;
}

static f5_weights *tu_vectors(const char *gdir, const char *rel) {
    char p[4200];
    snprintf(p, sizeof p, "%s/%s", gdir, rel);
    f5_weights *v = NULL;
    f5_error err = {0};
    CHECKF(f5_safetensors_load(p, &v, &err) == F5_OK, "%s: %s", p, err.message);
    return v;
}

static const float *tu_f32(f5_weights *v, const char *name, const f5_tensor **t) {
    const float *p = NULL;
    f5_error err = {0};
    CHECKF(f5_weights_get_f32(v, name, -1, NULL, &p, &err) == F5_OK, "%s", err.message);
    if (t) *t = f5_weights_find(v, name);
    return p;
}

/* int32 copy of an I64 tensor (caller frees). */
static int32_t *tu_i32(f5_weights *v, const char *name, int64_t *n) {
    const f5_tensor *t = f5_weights_find(v, name);
    CHECKF(t && t->dtype == F5_DT_I64, "%s missing or not I64", name);
    if (!t || t->dtype != F5_DT_I64) return NULL;
    int32_t *o = malloc((size_t)(t->numel ? t->numel : 1) * sizeof *o);
    for (int64_t i = 0; i < t->numel; i++) {
        int64_t x;
        memcpy(&x, (const char *)t->data + 8 * i, 8);
        o[i] = (int32_t)x;
    }
    if (n) *n = t->numel;
    return o;
}

static double tu_rel_l2(const float *a, const float *b, size_t n) {
    double num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)a[i] - b[i];
        num += d * d;
        den += (double)b[i] * b[i];
    }
    return den > 0 ? sqrt(num / den) : sqrt(num);
}

#endif
