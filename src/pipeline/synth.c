/* synth.c - one synthesis: text -> plan (chunks by the reference's length)
 * -> per chunk: tokens of ref_text' + chunk, the duration rule, one CFM
 * sampler run conditioned on the reference mel, reference frames dropped,
 * Vocos, inverse RMS scaling -> cross-faded stream -> optional silence
 * removal. Follows upstream infer_process / infer_batch_process (chunks run
 * in order; each draws its noise from a seed derived from the run's seed).
 */
#include "core/error.h"
#include "core/clock.h"
#include "model/cfm.h"
#include "pipeline/pipeline_internal.h"
#include "pipeline/stream.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

f5_synth_params f5_synth_default_params(void) {
    return (f5_synth_params){.nfe_step = 32, .cfg_strength = 2.0f, .sway_sampling_coef = -1.0f, .speed = 1.0f,
                             .target_rms = 0.1f, .cross_fade_duration = 0.15f};
}

void f5_synth_result_free(f5_synth_result *r) {
    if (!r) return;
    free(r->pcm);
    r->pcm = NULL;
    r->n_samples = 0;
}

static double now_ms(void) { return f5_now_s() * 1e3; }

static f5_status check_params(const f5_synth_params *p, f5_error *err) {
    if (p->nfe_step < 1 || p->nfe_step > 1000)
        return f5_errf(err, F5_ERR_INVALID_ARG, "nfe_step %d out of range [1, 1000]", p->nfe_step);
    if (!isfinite(p->cfg_strength) || p->cfg_strength < 0 || p->cfg_strength > 100)
        return f5_errf(err, F5_ERR_INVALID_ARG, "cfg_strength %g out of range [0, 100]", p->cfg_strength);
    if (!isfinite(p->sway_sampling_coef) || fabsf(p->sway_sampling_coef) > 10)
        return f5_errf(err, F5_ERR_INVALID_ARG, "sway_sampling_coef %g out of range [-10, 10]", p->sway_sampling_coef);
    if (!isfinite(p->speed) || p->speed < 0.1f || p->speed > 10)
        return f5_errf(err, F5_ERR_INVALID_ARG, "speed %g out of range [0.1, 10]", p->speed);
    if (!isfinite(p->cross_fade_duration) || p->cross_fade_duration < 0 || p->cross_fade_duration > 5)
        return f5_errf(err, F5_ERR_INVALID_ARG, "cross_fade_duration %g out of range [0, 5] s", p->cross_fade_duration);
    if (!isfinite(p->fix_duration) || p->fix_duration > 600)
        return f5_errf(err, F5_ERR_INVALID_ARG, "fix_duration %g s out of range (<= 600)", p->fix_duration);
    return F5_OK;
}

typedef struct step_cb {
    const f5_synth_params *p;
    int chunk, n_chunks;
} step_cb;

static void on_step(void *user, int step, int n_steps) {
    step_cb *c = user;
    if (c->p->progress) c->p->progress(c->p->user, c->chunk, c->n_chunks, step, n_steps);
}

static bool on_abort(void *user) {
    step_cb *c = user;
    return c->p->should_abort && c->p->should_abort(c->p->user);
}

/* Sample + vocode chunk ci. *wave (malloc'd) gets its raw vocoder output. */
static f5_status run_chunk(f5_session *s, const f5_voice *v, const f5_text_plan *plan, int ci,
                           const f5_synth_params *p, const f5_synth_hooks *h, uint64_t seed, f5_synth_result *res,
                           float **wave_out, size_t *n_out, f5_error *err) {
    const f5_model *m = s->model;
    const f5_plan_chunk *pc = &plan->chunks[ci];
    int32_t *ids = NULL;
    float *mel = NULL, *gen = NULL, *wave = NULL;
    int n_ids = 0, frames = 0;
    f5_status st;
    f5_tok_opts to = f5_tok_default_opts();
    to.jieba_split = m->jieba_split;
    to.lowercase = m->lowercase_text;
    if ((st = f5_tokenize(m->vocab, pc->full_text, &to, &ids, &n_ids, err))) goto fail;
    int ref_audio_len = (int)(v->n / F5_HOP_LENGTH);
    int duration = f5_plan_duration(ref_audio_len, plan->ref_text, pc->text, p->speed, p->fix_duration);
    int eff = f5_cfm_effective_duration(v->frames, n_ids, duration);
    mel = malloc((size_t)eff * F5_N_MELS * sizeof *mel);
    if (!mel) {
        st = f5_errf(err, F5_ERR_NOMEM, "chunk %d: out of memory for %d mel frames", ci, eff);
        goto fail;
    }
    const float *noise = NULL;
    if (h && h->noise) {
        if (ci >= h->n_noise) {
            st = f5_errf(err, F5_ERR_INVALID_ARG, "injected noise for %d chunks, the text has more", h->n_noise);
            goto fail;
        }
        noise = h->noise[ci];
    }
    f5_cfm_params cp = f5_cfm_default_params();
    cp.steps = p->nfe_step;
    cp.cfg_strength = p->cfg_strength;
    cp.sway_coef = p->sway_sampling_coef;
    step_cb cb = {p, ci, plan->n_chunks};
    f5_cfm_hooks hk = {.user = &cb, .progress = on_step, .abort = on_abort};
    double t0 = now_ms();
    if (h && h->sample)
        st = h->sample(h->sample_user, &cp, v->mel_t, v->frames, ids, n_ids, duration, noise, seed, &hk, mel, &frames,
                       err);
    else
        st = f5_cfm_sample(s->dit_ctx, &cp, v->mel_t, v->frames, ids, n_ids, duration, noise, seed, &hk, mel,
                           &frames, err);
    double t1 = now_ms();
    res->t_sample_ms += t1 - t0;
    if (p->on_phase) p->on_phase(p->user, F5_PHASE_SAMPLE, ci, plan->n_chunks, t0 / 1e3, t1 / 1e3);
    if (st) goto fail;
    /* upstream keeps the last reference frame: it drops samples // 256 frames */
    int T = frames - ref_audio_len;
    size_t nw = 0;
    if (T >= 2) {
        gen = malloc((size_t)T * F5_N_MELS * sizeof *gen);
        nw = f5_vocos_out_len(s->vocoder->vocos, T);
        wave = malloc((nw ? nw : 1) * sizeof *wave);
        if (!gen || !wave) {
            st = f5_errf(err, F5_ERR_NOMEM, "chunk %d: out of memory for %d vocoder frames", ci, T);
            goto fail;
        }
        for (int t = 0; t < T; t++)
            for (int k = 0; k < F5_N_MELS; k++) gen[(size_t)k * T + t] = mel[(size_t)(ref_audio_len + t) * F5_N_MELS + k];
        st = f5_vocos_decode(s->vocoder->vocos, s->vscratch, &s->kctx, gen, T, wave, NULL, err);
        if (st) goto fail;
    }
    double t2 = now_ms();
    res->t_vocoder_ms += t2 - t1;
    if (p->on_phase) p->on_phase(p->user, F5_PHASE_VOCODE, ci, plan->n_chunks, t1 / 1e3, t2 / 1e3);
    if (h && h->chunk_trace)
        h->chunk_trace(h->user, ci, pc, ids, n_ids, mel, frames, ref_audio_len, wave, nw, t1 - t0, t2 - t1);
    *wave_out = wave;
    *n_out = nw;
    wave = NULL;
    st = F5_OK;
fail:
    free(ids);
    free(mel);
    free(gen);
    free(wave);
    if (st && st != F5_ERR_ABORTED) f5_err_prefix(err, st, "chunk %d/%d", ci + 1, plan->n_chunks);
    return st;
}

f5_status f5_synthesize_ex(f5_session *s, const f5_voice *v, const char *text, const f5_synth_params *pp,
                           bool keep_pcm, const f5_synth_hooks *h, f5_synth_result *res, f5_error *err) {
    f5_synth_params p = pp ? *pp : f5_synth_default_params();
    f5_text_plan plan;
    f5_out_stream out;
    char *gen = NULL;
    bool have_plan = false, have_stream = false;
    f5_status st;
    memset(res, 0, sizeof *res);
    memset(&plan, 0, sizeof plan);
    double t0 = now_ms();
    if (!s || !v) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_synthesize: session and voice are required");
    if ((st = check_params(&p, err))) return st;
    if (!text || !*text) return f5_errf(err, F5_ERR_INVALID_TEXT, "text is empty: nothing to synthesise (--text)");
    if ((st = f5_pipeline_prepare_text(s->model, s->model->textnorm, text, &gen, err))) goto fail;

    f5_plan_params pl = f5_plan_default_params();
    pl.speed = p.speed;
    pl.fix_duration = p.fix_duration > 0 ? p.fix_duration : 0;
    pl.cross_fade_duration = p.cross_fade_duration;
    pl.tok.jieba_split = s->model->jieba_split;
    pl.tok.lowercase = s->model->lowercase_text;
    if ((st = f5_text_plan_build(v->ref_text, v->file_samples, v->file_sr, gen, &pl, &plan, err))) goto fail;
    have_plan = true;
    res->seed = p.seed_set ? p.seed : f5_pipeline_random_seed();
    res->n_chunks = plan.n_chunks;
    if ((st = f5_stream_init(&out, &p, keep_pcm, plan.n_chunks, err))) goto fail;
    have_stream = true;
    res->t_preprocess_ms = now_ms() - t0;
    if (p.on_phase) p.on_phase(p.user, F5_PHASE_PREPARE, -1, plan.n_chunks, t0 / 1e3, (t0 + res->t_preprocess_ms) / 1e3);

    for (int i = 0; i < plan.n_chunks; i++) {
        if (p.should_abort && p.should_abort(p.user)) {
            st = f5_errf(err, F5_ERR_ABORTED, "synthesis aborted before chunk %d/%d", i + 1, plan.n_chunks);
            goto fail;
        }
        float *wave = NULL;
        size_t nw = 0;
        st = run_chunk(s, v, &plan, i, &p, h, f5_pipeline_chunk_seed(res->seed, i), res, &wave, &nw, err);
        if (st) {
            if (st == F5_ERR_ABORTED && !(err && err->message[0]))
                f5_errf(err, st, "synthesis aborted in chunk %d/%d", i + 1, plan.n_chunks);
            goto fail;
        }
        /* upstream: wave * rms / target_rms when the reference was raised.
         * The target is the voice's (its mel was computed at that loudness);
         * f5_synth_params.target_rms cannot change a prepared voice. */
        if (v->scaled)
            for (size_t k = 0; k < nw; k++) wave[k] = wave[k] * v->rms / v->target_rms;
        st = f5_stream_push(&out, i, wave, nw, err);
        free(wave);
        if (st) goto fail;
    }
    if ((st = f5_stream_finish(&out, err))) goto fail;
    size_t n = 0;
    float *pcm = f5_stream_take(&out, &n);
    res->n_samples = out.emitted;
    if (keep_pcm || !p.on_chunk) {
        res->pcm = pcm;
        res->n_samples = n;
    } else {
        free(pcm);
    }
    res->audio_seconds = (double)res->n_samples / F5_SAMPLE_RATE;
    res->t_total_ms = now_ms() - t0;
    res->rtf = res->audio_seconds > 0 ? res->t_total_ms / 1e3 / res->audio_seconds : 0;
    st = F5_OK;
fail:
    if (have_stream) f5_stream_free(&out);
    if (have_plan) f5_text_plan_free(&plan);
    free(gen);
    if (st) {
        uint64_t seed = res->seed;
        int nc = res->n_chunks;
        memset(res, 0, sizeof *res);
        res->seed = seed;
        res->n_chunks = nc;
    }
    return st;
}

f5_status f5_synthesize(f5_session *s, const f5_voice *v, const char *text, const f5_synth_params *p, bool keep_pcm,
                        f5_synth_result *res, f5_error *err) {
    return f5_synthesize_ex(s, v, text, p, keep_pcm, NULL, res, err);
}
