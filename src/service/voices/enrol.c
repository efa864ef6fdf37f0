/* enrol.c - enrolment of a voice (enrol.h). */
#include "service/voices/enrol.h"

#include "core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool blank(const char *s) {
    for (; s && *s; s++)
        if (!strchr(" \t\r\n", *s)) return false;
    return true;
}

static f5_status fail(f5_voice_enrol_out *o, f5_enrol_failure why, const char *field, f5_status st) {
    o->why = why;
    snprintf(o->field, sizeof o->field, "%s", field ? field : "");
    return st;
}

f5_status f5_voice_enrol(f5_voices *v, const f5_voice_enrol_req *rq, f5_voice_enrol_out *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    const char *np = f5_voice_name_problem(rq->name);
    if (np) return fail(out, F5_ENROL_BAD_FIELD, "name", f5_errf(err, F5_ERR_INVALID_ARG, "field 'name': %s", np));
    if (rq->description && strlen(rq->description) > F5_VOICE_DESC_MAX)
        return fail(out, F5_ENROL_BAD_FIELD, "description",
                    f5_errf(err, F5_ERR_INVALID_ARG, "field 'description' is longer than %d bytes", F5_VOICE_DESC_MAX));
    const char *lang = rq->language && *rq->language ? rq->language : "vi";
    if (strlen(lang) > 16)
        return fail(out, F5_ENROL_BAD_FIELD, "language",
                    f5_errf(err, F5_ERR_INVALID_ARG, "field 'language': expected a language code like vi or en"));
    if (!rq->audio || rq->len == 0)
        return fail(out, F5_ENROL_BAD_AUDIO, "audio", f5_errf(err, F5_ERR_INVALID_AUDIO, "field 'audio' is empty"));

    f5_decode_limits lim = f5_decode_default_limits();
    if (rq->max_seconds > 0) lim.max_seconds = rq->max_seconds;
    if (rq->min_seconds > 0) lim.min_seconds = rq->min_seconds;
    f5_pcm pcm;
    f5_error e = {0};
    f5_status st = f5_audio_decode(rq->audio, rq->len, &lim, &pcm, &e);
    if (st) return fail(out, F5_ENROL_BAD_AUDIO, "audio", f5_errf(err, st, "field 'audio': %s", e.message));
    st = f5_audio_quality(&pcm, NULL, &out->quality, &e);
    char format[8];
    snprintf(format, sizeof format, "%s", pcm.format ? pcm.format : "");
    f5_pcm_free(&pcm);
    if (st) return fail(out, F5_ENROL_BAD_AUDIO, "audio", f5_errf(err, st, "field 'audio': %s", e.message));
    if (rq->strict && out->quality.n_warnings > 0) {
        char why[700] = "";
        for (int i = 0; i < out->quality.n_warnings; i++) {
            size_t l = strlen(why);
            snprintf(why + l, sizeof why - l, "%s%s: %s", i ? "; " : "", out->quality.warnings[i].code,
                     out->quality.warnings[i].message);
        }
        return fail(out, F5_ENROL_QUALITY, "audio",
                    f5_errf(err, F5_ERR_INVALID_AUDIO, "the clip fails the quality gate (--strict-voices): %s", why));
    }

    char *text = NULL;
    bool from_asr = false;
    if (blank(rq->ref_text)) {
        f5_asr_failure af;
        st = f5_voice_transcript(v, rq->asr, rq->audio, rq->len, rq->filename, &text, &out->transcript_cached, &af, err);
        if (st == F5_ERR_NOT_FOUND) return fail(out, F5_ENROL_NEED_TEXT, "ref_text", st);
        if (st) return fail(out, af == F5_ASR_TIMEOUT ? F5_ENROL_ASR_TIMEOUT : F5_ENROL_ASR_FAILED, "ref_text", st);
        from_asr = true;
    } else if (strlen(rq->ref_text) > F5_VOICE_TEXT_MAX) {
        return fail(out, F5_ENROL_BAD_FIELD, "ref_text",
                    f5_errf(err, F5_ERR_INVALID_ARG, "field 'ref_text' is longer than %d bytes", F5_VOICE_TEXT_MAX));
    } else if (!(text = strdup(rq->ref_text))) {
        return fail(out, F5_ENROL_INTERNAL, NULL, f5_errf(err, F5_ERR_NOMEM, "out of memory"));
    }
    char *norm = NULL;
    st = f5_text_normalize(text, &norm, &e);
    if (st) {
        free(text);
        return fail(out, F5_ENROL_BAD_FIELD, "ref_text", f5_errf(err, st, "field 'ref_text': %s", e.message));
    }
    for (char *p = norm; *p; p++) /* one line, as the pipeline joins sentences */
        if (*p == '\n') *p = ' ';

    f5_voice_rec *r = &out->rec;
    snprintf(r->name, sizeof r->name, "%s", rq->name);
    snprintf(r->language, sizeof r->language, "%s", lang);
    snprintf(r->owner, sizeof r->owner, "%s", rq->owner ? rq->owner : "");
    snprintf(r->format, sizeof r->format, "%s", format);
    r->duration_s = out->quality.duration_s;
    r->description = strdup(rq->description ? rq->description : "");
    r->ref_text = text;
    r->ref_text_normalized = norm;
    r->ref_text_from_asr = from_asr;
    r->quality = f5_voice_quality_json(&out->quality);
    if (!r->description || !r->quality) {
        f5_voice_rec_free(r);
        return fail(out, F5_ENROL_INTERNAL, NULL, f5_errf(err, F5_ERR_NOMEM, "out of memory"));
    }
    st = f5_voices_add(v, rq->audio, rq->len, r, &out->deduped, err);
    if (st) {
        f5_voice_rec_free(r);
        return fail(out, st == F5_ERR_INVALID_ARG ? F5_ENROL_NAME_TAKEN : F5_ENROL_INTERNAL,
                    st == F5_ERR_INVALID_ARG ? "name" : NULL, st);
    }
    return F5_OK;
}
