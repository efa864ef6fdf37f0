/* dryrun.c - f5_synth_plan_make: the plan of one synthesis without running
 * it (f5tts synth --dry-run). The same steps f5_synthesize_ex takes before
 * sampling: text preparation (normaliser when on), the chunk plan from the
 * reference, tokenisation of ref_text' + chunk, the duration rule. Needs
 * the model (vocab, text settings) and the voice, no session or vocoder.
 */
#include "core/error.h"
#include "pipeline/pipeline_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

f5_status f5_synth_plan_make(const f5_model *m, const f5_voice *v, const char *text, const f5_synth_params *pp,
                             f5_synth_plan *out, f5_error *err) {
    f5_synth_params p = pp ? *pp : f5_synth_default_params();
    f5_text_plan plan;
    char *gen = NULL;
    bool have_plan = false;
    f5_status st;
    memset(out, 0, sizeof *out);
    memset(&plan, 0, sizeof plan);
    if (!m || !v) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_synth_plan_make: model and voice are required");
    if (!text || !*text) return f5_errf(err, F5_ERR_INVALID_TEXT, "text is empty: nothing to plan (--text)");
    if (!isfinite(p.speed) || p.speed < 0.1f || p.speed > 10)
        return f5_errf(err, F5_ERR_INVALID_ARG, "speed %g out of range [0.1, 10]", p.speed);
    if ((st = f5_pipeline_prepare_text(m, m->textnorm, text, &gen, err))) goto fail;
    f5_plan_params pl = f5_plan_default_params();
    pl.speed = p.speed;
    pl.fix_duration = p.fix_duration > 0 ? p.fix_duration : 0;
    pl.cross_fade_duration = p.cross_fade_duration;
    pl.tok.jieba_split = m->jieba_split;
    pl.tok.lowercase = m->lowercase_text;
    if ((st = f5_text_plan_build(v->ref_text, v->file_samples, v->file_sr, gen, &pl, &plan, err))) goto fail;
    have_plan = true;
    out->chunks = calloc((size_t)plan.n_chunks, sizeof *out->chunks);
    if (!out->chunks) {
        st = f5_errf(err, F5_ERR_NOMEM, "dry run: out of memory for %d chunks", plan.n_chunks);
        goto fail;
    }
    out->n_chunks = plan.n_chunks;
    out->max_chars = plan.max_chars;
    for (int i = 0; i < plan.n_chunks; i++) {
        const f5_plan_chunk *pc = &plan.chunks[i];
        f5_synth_plan_chunk *c = &out->chunks[i];
        if ((st = f5_tokenize(m->vocab, pc->full_text, &pl.tok, &c->token_ids, &c->n_tokens, err))) {
            f5_err_prefix(err, st, "chunk %d/%d", i + 1, plan.n_chunks);
            goto fail;
        }
        c->text = strdup(pc->text);
        if (!c->text) {
            st = f5_errf(err, F5_ERR_NOMEM, "dry run: out of memory");
            goto fail;
        }
        c->frames = pc->vocoder_frames > 0 ? pc->vocoder_frames : 0;
        c->seconds = (double)pc->samples / F5_SAMPLE_RATE;
    }
    out->total_seconds = (double)plan.final_samples / F5_SAMPLE_RATE;
    out->text = gen;
    f5_text_plan_free(&plan);
    return F5_OK;
fail:
    free(gen);
    if (have_plan) f5_text_plan_free(&plan);
    f5_synth_plan_free(out);
    return st;
}

void f5_synth_plan_free(f5_synth_plan *plan) {
    if (!plan) return;
    for (int i = 0; i < plan->n_chunks; i++) {
        free(plan->chunks[i].text);
        free(plan->chunks[i].token_ids);
    }
    free(plan->chunks);
    free(plan->text);
    memset(plan, 0, sizeof *plan);
}
