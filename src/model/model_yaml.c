/* model_yaml.c - DiT and Vocos configs from upstream YAML files (libyaml).
 *
 * DiT: F5-TTS's configs/F5TTS_*.yaml, `model: {backbone: DiT, arch: {...},
 * mel_spec: {n_mel_channels}, ...}`. Keys absent from a YAML take the values
 * of the code that YAML was written for: text_mask_padding and pe_attn_head
 * were added to upstream together with v1, so a YAML without them (the old
 * F5TTS_Base.yaml) describes the v0 behaviour: text_mask_padding false,
 * pe_attn_head 1 (rotary on the first 64 channels = head 0). `pe_attn_head:
 * null` means every head. Vocos: its own config.yaml (class_path/init_args).
 */
#include "model/model_config.h"

#include "core/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Node at a dotted path of mapping keys ("model.arch.dim"), or NULL. */
static yaml_node_t *at(yaml_document_t *d, yaml_node_t *n, const char *path) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ".", &save); tok && n; tok = strtok_r(NULL, ".", &save)) {
        if (n->type != YAML_MAPPING_NODE) return NULL;
        yaml_node_t *next = NULL;
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = yaml_document_get_node(d, p->key);
            if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, tok)) {
                next = yaml_document_get_node(d, p->value);
                break;
            }
        }
        n = next;
    }
    return n;
}

static const char *scalar(yaml_node_t *n) {
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static bool is_null(const char *s) { return !s || !strcmp(s, "null") || !strcmp(s, "~") || !strcmp(s, "None") || !*s; }

typedef struct yctx {
    yaml_document_t *d;
    yaml_node_t *root;
    const char *path;
    f5_error *err;
} yctx;

/* Integer at key; absent -> def (or error when def < 0: required). */
static f5_status get_int(yctx *y, const char *key, int def, int *out) {
    yaml_node_t *n = at(y->d, y->root, key);
    const char *s = scalar(n);
    if (!n || is_null(s)) {
        if (def < 0) return f5_errf(y->err, F5_ERR_FORMAT, "%s: required key %s missing", y->path, key);
        *out = def;
        return F5_OK;
    }
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 0 || v > 1 << 24)
        return f5_errf(y->err, F5_ERR_FORMAT, "%s: %s: got \"%.60s\", expected a non-negative integer", y->path, key, s);
    *out = (int)v;
    return F5_OK;
}

static f5_status get_bool(yctx *y, const char *key, bool def, bool *out) {
    const char *s = scalar(at(y->d, y->root, key));
    if (is_null(s)) {
        *out = def;
        return F5_OK;
    }
    if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) *out = true;
    else if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) *out = false;
    else return f5_errf(y->err, F5_ERR_FORMAT, "%s: %s: got \"%.60s\", expected true or false", y->path, key, s);
    return F5_OK;
}

/* Load one YAML document from a file (path) or from memory (text, len). */
static f5_status load_doc(const char *path, const char *text, size_t len, yaml_document_t *d, f5_error *err) {
    FILE *f = NULL;
    if (!text) {
        f = fopen(path, "rb");
        if (!f) return f5_errf(err, errno == ENOENT ? F5_ERR_NOT_FOUND : F5_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        if (f) fclose(f);
        return f5_errf(err, F5_ERR_NOMEM, "%s: cannot initialise the YAML parser", path);
    }
    if (f)
        yaml_parser_set_input_file(&p, f);
    else
        yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    f5_status s = F5_OK;
    if (!yaml_parser_load(&p, d))
        s = f5_errf(err, F5_ERR_FORMAT, "%s: invalid YAML at line %zu: %s", path, p.problem_mark.line + 1,
                    p.problem ? p.problem : "parse error");
    else if (!yaml_document_get_root_node(d)) {
        yaml_document_delete(d);
        s = f5_errf(err, F5_ERR_FORMAT, "%s: empty YAML document", path);
    }
    yaml_parser_delete(&p);
    if (f) fclose(f);
    return s;
}

static f5_status dit_from_doc(yaml_document_t *d, const char *path, int text_num_embeds, f5_dit_config *out,
                                      f5_error *err) {
    yctx y = {d, yaml_document_get_root_node(d), path, err};
    f5_dit_config c = {.dim_head = 64, .text_num_embeds = text_num_embeds};
    snprintf(c.name, sizeof c.name, "custom");
    const char *bb = scalar(at(d, y.root, "model.backbone"));
    if (bb && strcmp(bb, "DiT") != 0)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: model.backbone %.40s is not supported (only DiT)", path, bb);
    if (!at(d, y.root, "model.arch")) return f5_errf(err, F5_ERR_FORMAT, "%s: model.arch missing: not an F5-TTS model config", path);
    f5_status s;
    if ((s = get_int(&y, "model.arch.dim", -1, &c.dim)) || (s = get_int(&y, "model.arch.depth", -1, &c.depth)) ||
        (s = get_int(&y, "model.arch.heads", -1, &c.heads)) || (s = get_int(&y, "model.arch.ff_mult", 2, &c.ff_mult)) ||
        (s = get_int(&y, "model.arch.text_dim", -1, &c.text_dim)) ||
        (s = get_int(&y, "model.arch.conv_layers", 0, &c.conv_layers)) ||
        (s = get_int(&y, "model.arch.dim_head", 64, &c.dim_head)) ||
        (s = get_int(&y, "model.mel_spec.n_mel_channels", 100, &c.mel_dim)) ||
        (s = get_bool(&y, "model.arch.text_mask_padding", false, &c.text_mask_padding)) ||
        (s = get_bool(&y, "model.arch.attn_mask_enabled", false, &c.attn_mask_enabled)))
        return s;
    yaml_node_t *pe = at(d, y.root, "model.arch.pe_attn_head");
    if (!pe) c.pe_attn_head = 1; /* key absent: pre-v1 YAML, v0 behaviour */
    else if (is_null(scalar(pe))) c.pe_attn_head = 0;
    else if ((s = get_int(&y, "model.arch.pe_attn_head", 0, &c.pe_attn_head))) return s;
    const char *qk = scalar(at(d, y.root, "model.arch.qk_norm"));
    c.qk_norm = !is_null(qk);
    if (c.qk_norm) return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: model.arch.qk_norm: %.40s is not supported (only null)", path, qk);
    if (c.attn_mask_enabled)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: model.arch.attn_mask_enabled: true is not supported (released models use false)", path);
    if (c.pe_attn_head > c.heads)
        return f5_errf(err, F5_ERR_FORMAT, "%s: model.arch.pe_attn_head %d exceeds heads %d", path, c.pe_attn_head, c.heads);
    if ((s = f5_dit_config_validate(&c, path, err))) return s;
    *out = c;
    return F5_OK;
}

f5_status f5_dit_config_from_yaml(const char *path, int text_num_embeds, f5_dit_config *out, f5_error *err) {
    return f5_dit_config_from_yaml_mem(NULL, 0, path, text_num_embeds, out, err);
}

f5_status f5_dit_config_from_yaml_mem(const char *text, size_t len, const char *what, int text_num_embeds, f5_dit_config *out,
                                      f5_error *err) {
    yaml_document_t d;
    f5_status s = load_doc(what, text, len, &d, err);
    if (s) return s;
    s = dit_from_doc(&d, what, text_num_embeds, out, err);
    yaml_document_delete(&d);
    return s;
}

static f5_status vocos_from_doc(yaml_document_t *d, const char *path, f5_vocos_config *out, f5_error *err) {
    yctx y = {d, yaml_document_get_root_node(d), path, err};
    f5_vocos_config c = f5_vocos_config_default();
    const char *bc = scalar(at(d, y.root, "backbone.class_path")), *hc = scalar(at(d, y.root, "head.class_path"));
    if (!at(d, y.root, "backbone.init_args") || !at(d, y.root, "head.init_args"))
        return f5_errf(err, F5_ERR_FORMAT, "%s: backbone.init_args / head.init_args missing: not a Vocos config.yaml", path);
    if (bc && !strstr(bc, "VocosBackbone"))
        return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: backbone %.60s is not supported (only vocos.models.VocosBackbone)", path, bc);
    if (hc && !strstr(hc, "ISTFTHead"))
        return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: head %.60s is not supported (only vocos.heads.ISTFTHead)", path, hc);
    if (!is_null(scalar(at(d, y.root, "backbone.init_args.adanorm_num_embeddings"))))
        return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: backbone.init_args.adanorm_num_embeddings (AdaLayerNorm) is not supported", path);
    int head_dim = 0;
    f5_status s;
    if ((s = get_int(&y, "backbone.init_args.input_channels", 100, &c.input_channels)) ||
        (s = get_int(&y, "backbone.init_args.dim", -1, &c.dim)) ||
        (s = get_int(&y, "backbone.init_args.intermediate_dim", -1, &c.intermediate_dim)) ||
        (s = get_int(&y, "backbone.init_args.num_layers", -1, &c.num_layers)) ||
        (s = get_int(&y, "head.init_args.dim", c.dim, &head_dim)) || (s = get_int(&y, "head.init_args.n_fft", -1, &c.n_fft)) ||
        (s = get_int(&y, "head.init_args.hop_length", -1, &c.hop_length)))
        return s;
    const char *pad = scalar(at(d, y.root, "head.init_args.padding"));
    if (is_null(pad) || !strcmp(pad, "same")) c.padding_center = false; /* ISTFTHead's default is "same" */
    else if (!strcmp(pad, "center")) c.padding_center = true;
    else return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: head.init_args.padding %.40s is not supported (center or same)", path, pad);
    /* layer_scale_init_value: null disables the per-block gamma */
    yaml_node_t *ls = at(d, y.root, "backbone.init_args.layer_scale_init_value");
    c.layer_scale = !ls || !is_null(scalar(ls));
    if (head_dim != c.dim)
        return f5_errf(err, F5_ERR_FORMAT, "%s: head.init_args.dim %d differs from backbone.init_args.dim %d", path, head_dim, c.dim);
    if ((s = f5_vocos_config_validate(&c, path, err))) return s;
    *out = c;
    return F5_OK;
}

f5_status f5_vocos_config_from_yaml(const char *path, f5_vocos_config *out, f5_error *err) {
    return f5_vocos_config_from_yaml_mem(NULL, 0, path, out, err);
}

f5_status f5_vocos_config_from_yaml_mem(const char *text, size_t len, const char *what, f5_vocos_config *out, f5_error *err) {
    yaml_document_t d;
    f5_status s = load_doc(what, text, len, &d, err);
    if (s) return s;
    s = vocos_from_doc(&d, what, out, err);
    yaml_document_delete(&d);
    return s;
}
