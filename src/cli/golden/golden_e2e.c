/* golden_e2e.c - the whole pipeline against upstream infer_process: a case
 * with a reference wav, a DiT checkpoint, a Vocos directory and a vocab is
 * run through f5_voice_create / f5_synthesize with upstream's recorded
 * per-chunk noise injected (chunk<i>.noise), the Vietnamese normaliser off
 * and the pydub clip/trim off (the case skipped them). Compared: the loaded
 * and conditioned reference, its mel, per-chunk token ids and durations
 * (exact), sampler outputs, raw vocoder heads/tails, the combined vocoder
 * input and the final cross-faded waveform.
 */
#include "cli/golden/golden.h"

#include "core/error.h"
#include "pipeline/pipeline_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define E2E_MAX_CHUNKS 256

static bool detect(json_t *kase) {
    return json_object_get(json_object_get(kase, "files"), "ref_wav") != NULL;
}

typedef struct chunk_rec {
    int32_t *ids;
    int n_ids;
    float *mel; /* [frames,100] */
    int frames, ref_audio_len;
    float *wave;
    size_t n_wave;
} chunk_rec;

typedef struct e2e_trace {
    chunk_rec c[E2E_MAX_CHUNKS];
    int n;
    bool oom;
} e2e_trace;

static void *dup_mem(const void *p, size_t n) {
    void *q = malloc(n ? n : 1);
    if (q && n) memcpy(q, p, n);
    return q;
}

static void trace(void *user, int chunk, const f5_plan_chunk *pc, const int32_t *ids, int n_ids,
                  const float *sampled_mel, int frames, int ref_audio_len, const float *wave, size_t n_wave,
                  double sample_ms, double vocoder_ms) {
    (void)pc, (void)sample_ms, (void)vocoder_ms;
    e2e_trace *t = user;
    if (chunk >= E2E_MAX_CHUNKS) return;
    chunk_rec *r = &t->c[chunk];
    r->ids = dup_mem(ids, (size_t)n_ids * sizeof *ids);
    r->n_ids = n_ids;
    r->mel = dup_mem(sampled_mel, (size_t)frames * F5_N_MELS * sizeof(float));
    r->frames = frames;
    r->ref_audio_len = ref_audio_len;
    r->wave = dup_mem(wave, n_wave * sizeof(float));
    r->n_wave = n_wave;
    if (!r->ids || !r->mel || !r->wave) t->oom = true;
    if (chunk + 1 > t->n) t->n = chunk + 1;
}

static double num(json_t *o, const char *k, double dflt) {
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : dflt;
}

/* Compare a tensor of the vectors with got[n] (sizes must agree). */
static void cmp(golden_ctx *g, const char *name, f5_weights *vec, json_t *tol, const char *tensor, const float *got,
                size_t n) {
    const f5_tensor *ti;
    const float *ref = golden_f32(g, vec, name, tensor, &ti);
    if (!ref) return;
    if ((size_t)ti->numel != n) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s: got %zu values, expected %lld", tensor, n, (long long)ti->numel);
        golden_error(g, name, tensor, msg);
        return;
    }
    golden_compare(g, name, tensor, got, ref, n, golden_tolerance(tol, tensor, (golden_tol){2e-3, 2e-4}));
}

/* The DiT architecture of the case: config.dit names the case whose
 * config.arch describes the weights (v1/v0 flags are not in the shapes).
 * false when the manifest does not say (the loader then decides). */
static bool case_arch(golden_ctx *g, json_t *kase, f5_dit_config *c) {
    const char *dit = json_string_value(json_object_get(json_object_get(kase, "config"), "dit"));
    json_t *cases = json_object_get(g->manifest, "cases"), *k;
    size_t i;
    if (!dit) return false;
    json_array_foreach(cases, i, k) {
        const char *n = json_string_value(json_object_get(k, "name"));
        json_t *cfg = json_object_get(k, "config"), *a = json_object_get(cfg, "arch");
        if (!n || strcmp(n, dit) || !json_is_object(a)) continue;
        memset(c, 0, sizeof *c);
        snprintf(c->name, sizeof c->name, "custom");
        c->dim = (int)num(a, "dim", 0);
        c->depth = (int)num(a, "depth", 0);
        c->heads = (int)num(a, "heads", 0);
        c->ff_mult = (int)num(a, "ff_mult", 2);
        c->text_dim = (int)num(a, "text_dim", 0);
        c->conv_layers = (int)num(a, "conv_layers", 0);
        c->dim_head = (int)num(cfg, "dim_head", 64);
        c->mel_dim = (int)num(cfg, "mel_dim", 100);
        c->text_mask_padding = json_is_true(json_object_get(a, "text_mask_padding"));
        c->pe_attn_head = (int)num(a, "pe_attn_head", 0);
        c->qk_norm = json_is_string(json_object_get(a, "qk_norm"));
        c->attn_mask_enabled = json_is_true(json_object_get(a, "attn_mask_enabled"));
        return c->dim > 0 && c->depth > 0 && c->heads > 0 && c->text_dim > 0;
    }
    return false;
}

static void run(golden_ctx *g, json_t *kase) {
    const char *name = json_string_value(json_object_get(kase, "name"));
    json_t *files = json_object_get(kase, "files"), *params = json_object_get(kase, "params");
    json_t *tol = json_object_get(kase, "tolerance");
    char p_wav[4096], p_dit[4096], p_voc[4096], p_vocab[4096], msg[4400];
    f5_model *m = NULL;
    f5_vocoder *voc = NULL;
    f5_session *s = NULL;
    f5_voice *v = NULL;
    f5_weights *vec = NULL;
    f5_synth_result res = {0};
    e2e_trace *tr = calloc(1, sizeof *tr);
    const float *noise[E2E_MAX_CHUNKS];
    f5_error err = {0};
    if (!name) name = "e2e";
    const char *fw = json_string_value(json_object_get(files, "ref_wav"));
    const char *fd = json_string_value(json_object_get(files, "dit_weights"));
    const char *fv = json_string_value(json_object_get(files, "vocos_dir"));
    const char *fb = json_string_value(json_object_get(files, "vocab"));
    const char *fx = json_string_value(json_object_get(files, "vectors"));
    const char *ref_text = json_string_value(json_object_get(params, "ref_text_raw"));
    const char *gen_text = json_string_value(json_object_get(params, "gen_text"));
    if (!tr || !fw || !fd || !fv || !fb || !fx || !ref_text || !gen_text) {
        golden_error(g, name, NULL, "manifest case lacks files.{ref_wav,dit_weights,vocos_dir,vocab,vectors} or "
                                    "params.{ref_text_raw,gen_text}");
        goto done;
    }
    golden_path(g, fw, p_wav, sizeof p_wav);
    golden_path(g, fd, p_dit, sizeof p_dit);
    golden_path(g, fv, p_voc, sizeof p_voc);
    golden_path(g, fb, p_vocab, sizeof p_vocab);
    if (!(vec = golden_load_vectors(g, name, fx))) goto done;

    f5_model_params mp = f5_model_default_params();
    mp.vocab_path = p_vocab;
    mp.lowercase_text = false; /* upstream feeds the text as is */
    mp.n_threads = g->n_threads;
    f5_dit_config arch;
    bool have_arch = case_arch(g, kase, &arch);
    if (f5_model_load_ex(p_dit, &mp, have_arch ? &arch : NULL, &m, &err)) goto fail;
    f5_model_set_textnorm(m, false);
    f5_vocoder_params vp = f5_vocoder_default_params();
    vp.n_threads = g->n_threads;
    if (f5_vocoder_load(p_voc, &vp, &voc, &err)) goto fail;
    f5_session_params sp = f5_session_default_params();
    sp.n_threads = g->n_threads;
    if (f5_session_create(m, voc, &sp, &s, &err)) goto fail;

    f5_voice_params vcp = f5_voice_default_params();
    vcp.clip_and_trim = false; /* the case skipped preprocess_ref_audio_text's audio part */
    vcp.target_rms = (float)num(params, "target_rms", 0.1);
    FILE *f = fopen(p_wav, "rb");
    if (!f) {
        snprintf(msg, sizeof msg, "cannot open %s", p_wav);
        golden_error(g, name, NULL, msg);
        goto done;
    }
    fseek(f, 0, SEEK_END);
    long fl = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *wavbytes = malloc(fl > 0 ? (size_t)fl : 1);
    size_t got = wavbytes ? fread(wavbytes, 1, (size_t)(fl > 0 ? fl : 0), f) : 0;
    fclose(f);
    f5_status vs = wavbytes ? f5_voice_create_ex(m, wavbytes, got, ref_text, &vcp, false, &v, &err)
                            : f5_errf(&err, F5_ERR_NOMEM, "out of memory");
    free(wavbytes);
    if (vs) goto fail;

    /* the reference as conditioned: wave (RMS-normalised, 24 kHz) and mel [1,100,Nr] */
    if (f5_weights_find(vec, "ref.cond_wave")) cmp(g, name, vec, tol, "ref.cond_wave", v->wave, v->n);
    if (f5_weights_find(vec, "ref.mel")) {
        float *mt = malloc((size_t)v->frames * F5_N_MELS * sizeof *mt);
        if (mt) {
            for (int t = 0; t < v->frames; t++)
                for (int k = 0; k < F5_N_MELS; k++) mt[(size_t)k * v->frames + t] = v->mel_t[(size_t)t * F5_N_MELS + k];
            cmp(g, name, vec, tol, "ref.mel", mt, (size_t)v->frames * F5_N_MELS);
            free(mt);
        }
    }

    int n_noise = 0;
    for (; n_noise < E2E_MAX_CHUNKS; n_noise++) {
        char tn[64];
        snprintf(tn, sizeof tn, "chunk%d.noise", n_noise);
        if (!f5_weights_find(vec, tn)) break;
        const f5_tensor *ti;
        noise[n_noise] = golden_f32(g, vec, name, tn, &ti);
        if (!noise[n_noise]) goto done;
    }
    f5_synth_params p = f5_synth_default_params();
    p.nfe_step = (int)num(params, "nfe_step", 32);
    p.cfg_strength = (float)num(params, "cfg_strength", 2);
    p.sway_sampling_coef = (float)num(params, "sway_sampling_coef", -1);
    p.speed = (float)num(params, "speed", 1);
    p.target_rms = vcp.target_rms;
    p.cross_fade_duration = (float)num(params, "cross_fade_duration", 0.15);
    p.fix_duration = (float)num(params, "fix_duration", 0);
    p.seed_set = true;
    p.seed = (uint64_t)num(params, "seed", 0);
    f5_synth_hooks h = {.noise = noise, .n_noise = n_noise, .chunk_trace = trace, .user = tr};
    if (f5_synthesize_ex(s, v, gen_text, &p, true, &h, &res, &err)) goto fail;
    if (tr->oom) {
        golden_error(g, name, NULL, "out of memory recording chunks");
        goto done;
    }

    json_t *chunks = json_object_get(params, "chunks");
    golden_exact(g, name, "n_chunks", (size_t)tr->n == json_array_size(chunks) && tr->n == n_noise,
                 (snprintf(msg, sizeof msg, "got %d, expected %zu", tr->n, json_array_size(chunks)), msg));
    size_t mel_total = 0;
    for (int i = 0; i < tr->n; i++) mel_total += (size_t)(tr->c[i].frames - tr->c[i].ref_audio_len);
    float *combined = malloc((mel_total ? mel_total : 1) * F5_N_MELS * sizeof(float));
    size_t col = 0;
    for (int i = 0; i < tr->n; i++) {
        chunk_rec *r = &tr->c[i];
        char sub[64], tn[64];
        /* token ids: exact */
        snprintf(tn, sizeof tn, "chunk%d.text", i);
        const f5_tensor *ti = f5_weights_find(vec, tn);
        if (ti) {
            int64_t bad = -1, want = 0; /* memcpy: tensor data in the file need not be aligned */
            bool same = ti->numel == r->n_ids && ti->dtype == F5_DT_I64;
            for (int64_t k = 0; same && k < ti->numel; k++) {
                memcpy(&want, (const char *)ti->data + k * 8, 8);
                if (want != r->ids[k]) same = false, bad = k;
            }
            snprintf(msg, sizeof msg, "%d ids vs %lld expected", r->n_ids, (long long)ti->numel);
            if (bad >= 0)
                snprintf(msg, sizeof msg, "%d ids vs %lld; first difference at %lld: got %d expected %lld", r->n_ids,
                         (long long)ti->numel, (long long)bad, r->ids[bad], (long long)want);
            golden_exact(g, name, tn, same, msg);
        }
        json_t *cj = json_array_get(chunks, (size_t)i);
        if (cj) {
            int dur = (int)num(cj, "duration", -1), ral = (int)num(cj, "ref_audio_len", -1);
            snprintf(sub, sizeof sub, "chunk%d.duration", i);
            snprintf(msg, sizeof msg, "frames %d vs %d, ref_audio_len %d vs %d", r->frames, dur, r->ref_audio_len, ral);
            golden_exact(g, name, sub, r->frames == dur && r->ref_audio_len == ral, msg);
        }
        snprintf(tn, sizeof tn, "chunk%d.sampled_mel", i);
        if (f5_weights_find(vec, tn)) cmp(g, name, vec, tol, tn, r->mel, (size_t)r->frames * F5_N_MELS);
        snprintf(tn, sizeof tn, "chunk%d.vocoder_head", i);
        ti = f5_weights_find(vec, tn);
        if (ti && (size_t)ti->numel <= r->n_wave) cmp(g, name, vec, tol, tn, r->wave, (size_t)ti->numel);
        else if (ti) golden_error(g, name, tn, "vocoder output shorter than the reference head");
        snprintf(tn, sizeof tn, "chunk%d.vocoder_tail", i);
        ti = f5_weights_find(vec, tn);
        if (ti && (size_t)ti->numel <= r->n_wave)
            cmp(g, name, vec, tol, tn, r->wave + r->n_wave - (size_t)ti->numel, (size_t)ti->numel);
        else if (ti) golden_error(g, name, tn, "vocoder output shorter than the reference tail");
        if (combined) { /* the vocoder input [100, frames] of this chunk, appended along time */
            int T = r->frames - r->ref_audio_len;
            for (int k = 0; k < F5_N_MELS; k++)
                for (int t = 0; t < T; t++)
                    combined[(size_t)k * mel_total + col + (size_t)t] =
                        r->mel[(size_t)(r->ref_audio_len + t) * F5_N_MELS + k];
            col += (size_t)T;
        }
    }
    if (combined && f5_weights_find(vec, "combined_mel"))
        cmp(g, name, vec, tol, "combined_mel", combined, mel_total * F5_N_MELS);
    free(combined);
    cmp(g, name, vec, tol, "final_wave", res.pcm, res.n_samples);
    goto done;
fail:
    golden_error(g, name, NULL, err.message[0] ? err.message : f5_status_str(err.status));
done:
    if (tr)
        for (int i = 0; i < E2E_MAX_CHUNKS; i++) free(tr->c[i].ids), free(tr->c[i].mel), free(tr->c[i].wave);
    free(tr);
    f5_synth_result_free(&res);
    f5_voice_free(v);
    f5_session_free(s);
    f5_vocoder_free(voc);
    f5_model_free(m);
    f5_weights_free(vec);
}

const golden_checker golden_checker_e2e = {"e2e", detect, run};
