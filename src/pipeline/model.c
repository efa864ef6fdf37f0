/* model.c - loading an F5-TTS DiT model: resolve the argument (directory,
 * file or name) to checkpoint + vocab + optional YAML, open and normalise the
 * state dict, decide the architecture (YAML, preset or inferred from the
 * tensors), check every tensor against it, and bind the DiT.
 */
#include "core/error.h"
#include "model/model_config.h"
#include "pipeline/device.h"
#include "pipeline/pipeline_internal.h"
#include "pipeline/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

f5_model_params f5_model_default_params(void) {
    return (f5_model_params){.arch = "auto", .device = F5_DEVICE_AUTO, .jieba_split = true, .lowercase_text = true};
}

void f5_model_set_textnorm(f5_model *m, bool on) {
    if (m) m->textnorm = on;
}

static void mlog(const f5_model_params *p, f5_log_level lv, const char *fmt, const char *a, const char *b) {
    if (!p->log) return;
    char msg[8400];
    snprintf(msg, sizeof msg, fmt, a, b);
    p->log(p->log_user, lv, msg);
}

/* The architecture: explicit YAML, explicit preset, the YAML found beside
 * the checkpoint, else inferred from the tensor shapes. */
static f5_status pick_config(const f5_model_params *p, const f5_resolved_model *r, const f5_weights *w, int vocab_n,
                             bool legacy_mel, const f5_dit_config *arch, f5_dit_config *cfg, f5_error *err) {
    f5_status s;
    if (arch) {
        *cfg = *arch;
        cfg->text_num_embeds = vocab_n;
        return F5_OK;
    }
    if (p->config_path && *p->config_path) {
        s = f5_dit_config_from_yaml(p->config_path, vocab_n, cfg, err);
        return s ? f5_err_prefix(err, s, "model config %s", p->config_path) : F5_OK;
    }
    if (p->arch && *p->arch && strcmp(p->arch, "auto") != 0) return f5_dit_config_preset(p->arch, vocab_n, cfg, err);
    if (r->config[0]) {
        s = f5_dit_config_from_yaml(r->config, vocab_n, cfg, err);
        return s ? f5_err_prefix(err, s, "model config %s", r->config) : F5_OK;
    }
    if (r->known && r->known->arch) return f5_dit_config_preset(r->known->arch, vocab_n, cfg, err);
    s = f5_dit_config_infer(w, cfg, err);
    if (s) return f5_err_prefix(err, s, "cannot infer the architecture of %s", f5_weights_source(w));
    /* Shapes cannot tell v1 from v0 (text padding mask, rotary on all heads
     * vs head 0). Only v0-era checkpoints carry the legacy mel buffers;
     * without them we take v1. A v0 fine-tune saved by newer code needs a
     * YAML or --arch base. */
    if (!legacy_mel) {
        cfg->text_mask_padding = true;
        cfg->pe_attn_head = 0;
    }
    if (cfg->text_num_embeds != vocab_n)
        return f5_errf(err, F5_ERR_SHAPE,
                       "vocab has %d tokens but the checkpoint's text embedding has %d rows (expected %d = vocab + 1): "
                       "wrong vocab for this checkpoint",
                       vocab_n, cfg->text_num_embeds + 1, vocab_n + 1);
    return F5_OK;
}

f5_status f5_model_load_ex(const char *path, const f5_model_params *pp, const f5_dit_config *arch, f5_model **out,
                           f5_error *err) {
    f5_model_params p = pp ? *pp : f5_model_default_params();
    f5_resolved_model r;
    f5_model *m = NULL;
    f5_status s;
    *out = NULL;
    f5_device dev;
    char dmsg[400];
    if ((s = f5_device_resolve(p.device, &dev, dmsg, sizeof dmsg, err))) return s;
    mlog(&p, F5_LOG_INFO, "%s%s", dmsg, "");
    if ((s = f5_resolve_model(path, &r, err))) return s;
    m = calloc(1, sizeof *m);
    if (!m) return f5_errf(err, F5_ERR_NOMEM, "f5_model_load: out of memory");
    m->device = dev;
    m->n_threads = p.n_threads;
    m->jieba_split = p.jieba_split;
    m->lowercase_text = p.lowercase_text;
    m->textnorm = true;
    m->log = p.log;
    m->log_user = p.log_user;
    snprintf(m->checkpoint, sizeof m->checkpoint, "%s", r.checkpoint);

    const char *vocab = p.vocab_path && *p.vocab_path ? p.vocab_path : r.vocab;
    if (!vocab[0]) {
        s = f5_errf(err, F5_ERR_NOT_FOUND,
                    "vocab missing: no vocab.txt next to %s (pass a vocab file with --vocab / vocab_path)", r.checkpoint);
        goto fail;
    }
    if ((s = f5_vocab_load(vocab, &m->vocab, err))) goto fail;
    mlog(&p, F5_LOG_INFO, "loading %s (vocab %s)", r.checkpoint, vocab);
    if ((s = f5_weights_open(r.checkpoint, &m->w, err))) goto fail;
    bool legacy_mel = f5_checkpoint_has_legacy_mel(m->w);
    if ((s = f5_checkpoint_normalize(m->w, err))) {
        f5_err_prefix(err, s, "%s", r.checkpoint);
        goto fail;
    }
    if ((s = pick_config(&p, &r, m->w, f5_vocab_size(m->vocab), legacy_mel, arch, &m->cfg, err))) goto fail;
    if ((s = f5_dit_config_check(&m->cfg, m->w, err))) {
        f5_err_prefix(err, s, "architecture mismatch: %s does not fit %s", r.checkpoint, m->cfg.name);
        goto fail;
    }
    if ((s = f5_dit_create(m->w, &m->cfg, &m->dit, err))) goto fail;
    m->prec = F5_KPREC_F32;
    if (dev == F5_DEVICE_CUDA) {
        f5_kprec pr = p.precision == F5_PRECISION_BF16 ? F5_KPREC_BF16 : F5_KPREC_F32;
        if ((s = f5_dit_prepare_device(m->dit, F5_BACKEND_CUDA, 0, pr, err))) goto fail;
        m->prec = pr;
        char msg[96];
        snprintf(msg, sizeof msg, "%.0f MB", (double)f5_dit_device_bytes(m->dit) / 1048576.0);
        mlog(&p, F5_LOG_INFO, "cuda: DiT weights on the device (%s, %s products)", msg, f5_kprec_name(pr));
    } else if (p.precision == F5_PRECISION_BF16) {
        if (!f5_cpu_supports(F5_KPREC_BF16)) {
            mlog(&p, F5_LOG_WARN, "bf16 requested but this CPU has neither AVX512-BF16 nor AMX: using fp32%s%s", "",
                 "");
        } else {
            if ((s = f5_dit_prepare(m->dit, F5_KPREC_BF16, err))) goto fail;
            m->prec = F5_KPREC_BF16;
            char msg[96];
            snprintf(msg, sizeof msg, "%.0f MB", (double)f5_dit_packed_bytes(m->dit) / 1048576.0);
            mlog(&p, F5_LOG_INFO, "bf16: DiT products packed to bf16 (%s), fp32 accumulation%s", msg, "");
        }
    }
    m->n_params = f5_dit_config_params(&m->cfg);
    *out = m;
    return F5_OK;
fail:
    f5_model_free(m);
    return s;
}

f5_status f5_model_load(const char *path, const f5_model_params *p, f5_model **out, f5_error *err) {
    return f5_model_load_ex(path, p, NULL, out, err);
}

void f5_model_free(f5_model *m) {
    if (!m) return;
    f5_dit_free(m->dit);
    f5_weights_free(m->w);
    f5_vocab_free(m->vocab);
    free(m);
}

void f5_model_get_info(const f5_model *m, f5_model_info *info) {
    memset(info, 0, sizeof *info);
    if (!m) return;
    const f5_dit_config *c = &m->cfg;
    snprintf(info->arch, sizeof info->arch, "%s", c->name);
    info->dim = c->dim;
    info->depth = c->depth;
    info->heads = c->heads;
    info->dim_head = c->dim_head;
    info->ff_mult = c->ff_mult;
    info->text_dim = c->text_dim;
    info->conv_layers = c->conv_layers;
    info->text_num_embeds = c->text_num_embeds;
    info->mel_dim = c->mel_dim;
    info->text_mask_padding = c->text_mask_padding;
    info->pe_attn_head = c->pe_attn_head;
    info->n_params = m->n_params;
    snprintf(info->checkpoint, sizeof info->checkpoint, "%.1023s", m->checkpoint);
    snprintf(info->precision, sizeof info->precision, "%s", f5_kprec_name(m->prec));
    snprintf(info->device, sizeof info->device, "%s", f5_device_name(m->device));
}

const char *f5_precision_name(f5_precision p) { return p == F5_PRECISION_BF16 ? "bf16" : "fp32"; }

bool f5_precision_parse(const char *s, f5_precision *out) {
    f5_kprec k;
    if (!f5_kprec_parse(s, &k)) return false;
    *out = k == F5_KPREC_BF16 ? F5_PRECISION_BF16 : F5_PRECISION_FP32;
    return true;
}
