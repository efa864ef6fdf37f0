/* golden_dit_model.c - DiT model setup for the dit/sample golden checkers:
 * architecture from the case's config.arch, weights from the checkpoint
 * file named by the case or from the procedural spec, keys normalised. */
#include "cli/golden/golden_dit.h"

#include "model/model_config.h"
#include "model/procedural.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int jint(json_t *o, const char *k, int def) {
    json_t *v = json_object_get(o, k);
    return json_is_integer(v) ? (int)json_integer_value(v) : def;
}

static int count_lines(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    int n = 0, c, last = '\n';
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n') n++;
        last = c;
    }
    if (last != '\n') n++;
    fclose(f);
    return n;
}

bool golden_dit_load(golden_ctx *g, json_t *kase, const char *source, golden_dit_model *m) {
    const char *name = json_string_value(json_object_get(kase, "name"));
    json_t *cfgj = json_object_get(kase, "config"), *arch = json_object_get(cfgj, "arch");
    json_t *files = json_object_get(kase, "files");
    memset(m, 0, sizeof *m);
    f5_error err = {0};
    char path[4096], sub[64];
    snprintf(sub, sizeof sub, "%s", source);
    if (!json_is_object(arch)) {
        golden_error(g, name, sub, "config.arch missing");
        return false;
    }
    f5_dit_config *c = &m->cfg;
    snprintf(c->name, sizeof c->name, "golden");
    c->dim = jint(arch, "dim", 0);
    c->depth = jint(arch, "depth", 0);
    c->heads = jint(arch, "heads", 0);
    c->dim_head = jint(arch, "dim_head", jint(cfgj, "dim_head", 64));
    c->ff_mult = jint(arch, "ff_mult", 2);
    c->text_dim = jint(arch, "text_dim", 0);
    c->conv_layers = jint(arch, "conv_layers", 0);
    c->mel_dim = jint(cfgj, "mel_dim", 100);
    c->text_mask_padding = json_is_true(json_object_get(arch, "text_mask_padding"));
    c->pe_attn_head = jint(arch, "pe_attn_head", 0);
    c->qk_norm = json_is_string(json_object_get(arch, "qk_norm"));
    c->attn_mask_enabled = json_is_true(json_object_get(arch, "attn_mask_enabled"));
    c->text_num_embeds = jint(cfgj, "text_num_embeds", 0);
    if (c->text_num_embeds <= 0 && json_is_string(json_object_get(files, "vocab")))
        c->text_num_embeds = count_lines(golden_path(g, json_string_value(json_object_get(files, "vocab")), path,
                                                     sizeof path));
    f5_status st;
    if (!strcmp(source, "procedural")) {
        json_t *proc = json_object_get(json_object_get(kase, "weights"), "procedural");
        json_t *seed = json_object_get(proc, "seed");
        if (!json_is_integer(seed)) {
            golden_error(g, name, sub, "weights.procedural.seed missing");
            return false;
        }
        st = f5_procedural_dit((uint64_t)json_integer_value(seed), c, false, &m->w, &err);
    } else {
        char key[64];
        snprintf(key, sizeof key, "weights_%s", source);
        const char *rel = json_string_value(json_object_get(files, key));
        if (!rel) {
            golden_error(g, name, sub, "no weight file for this source");
            return false;
        }
        st = f5_weights_open(golden_path(g, rel, path, sizeof path), &m->w, &err);
    }
    if (st == F5_OK) st = f5_checkpoint_normalize(m->w, &err);
    if (st == F5_OK && c->text_num_embeds <= 0) {
        const f5_tensor *t = f5_weights_find(m->w, "transformer.text_embed.text_embed.weight");
        if (t && t->ndim == 2) c->text_num_embeds = (int)t->shape[0] - 1;
    }
    if (st == F5_OK) st = f5_dit_create(m->w, c, &m->dit, &err);
    if (st == F5_OK && g->cuda) st = f5_dit_prepare_device(m->dit, F5_BACKEND_CUDA, 0, g->prec, &err);
    else if (st == F5_OK) st = f5_dit_prepare(m->dit, g->prec, &err);
    if (st == F5_OK) {
        f5_dit_ctx_params p = f5_dit_ctx_default_params();
        if (g->cuda) p.backend = F5_BACKEND_CUDA;
        p.n_threads = g->n_threads;
        p.prec = g->prec;
        st = f5_dit_ctx_create(m->dit, &p, &m->ctx, &err);
    }
    if (st != F5_OK) {
        golden_error(g, name, sub, err.message);
        golden_dit_unload(m);
        return false;
    }
    return true;
}

void golden_dit_unload(golden_dit_model *m) {
    f5_dit_ctx_free(m->ctx);
    f5_dit_free(m->dit);
    f5_weights_free(m->w);
    memset(m, 0, sizeof *m);
}

int32_t *golden_i32(golden_ctx *g, f5_weights *v, const char *case_name, const char *tensor, const f5_tensor **info) {
    const f5_tensor *t = f5_weights_find(v, tensor);
    if (!t) {
        golden_error(g, case_name, tensor, "tensor missing from the vectors file");
        return NULL;
    }
    int32_t *o = malloc((size_t)(t->numel > 0 ? t->numel : 1) * sizeof *o);
    float *f = malloc((size_t)(t->numel > 0 ? t->numel : 1) * sizeof *f);
    if (!o || !f) {
        free(o);
        free(f);
        golden_error(g, case_name, tensor, "out of memory");
        return NULL;
    }
    if (t->dtype == F5_DT_I64) {
        for (int64_t i = 0; i < t->numel; i++) {
            int64_t x;
            memcpy(&x, (const char *)t->data + i * 8, 8);
            o[i] = (int32_t)x;
        }
    } else if (t->dtype == F5_DT_I32) {
        memcpy(o, t->data, (size_t)t->numel * 4);
    } else {
        f5_convert_to_f32(t->dtype, t->data, f, t->numel);
        for (int64_t i = 0; i < t->numel; i++) o[i] = (int32_t)f[i];
    }
    free(f);
    if (info) *info = t;
    return o;
}
