/* voice_rec.c - a voice record to and from its JSON form (voice_rec.h). */
#include "service/voices/voice_rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void f5_voice_rec_free(f5_voice_rec *r) {
    if (!r) return;
    free(r->description);
    free(r->ref_text);
    free(r->ref_text_normalized);
    json_decref(r->quality);
    r->description = r->ref_text = r->ref_text_normalized = NULL;
    r->quality = NULL;
}

static char *dup_or_empty(const char *s) {
    return strdup(s ? s : "");
}

bool f5_voice_rec_copy(f5_voice_rec *dst, const f5_voice_rec *src) {
    *dst = *src;
    dst->description = dup_or_empty(src->description);
    dst->ref_text = dup_or_empty(src->ref_text);
    dst->ref_text_normalized = dup_or_empty(src->ref_text_normalized);
    dst->quality = src->quality ? json_deep_copy(src->quality) : NULL;
    if (!dst->description || !dst->ref_text || !dst->ref_text_normalized || (src->quality && !dst->quality)) {
        f5_voice_rec_free(dst);
        memset(dst, 0, sizeof *dst);
        return false;
    }
    return true;
}

json_t *f5_voice_rec_to_json(const f5_voice_rec *r) {
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:f, s:s, s:s, s:b}", "id", r->id,
                          "name", r->name, "description", r->description ? r->description : "", "language",
                          r->language, "owner", r->owner, "clip_sha256", r->clip_sha256, "clip_key", r->clip_key,
                          "format", r->format, "duration", r->duration_s, "created_at", r->created_at, "updated_at",
                          r->updated_at, "ref_text", r->ref_text ? r->ref_text : "", "ref_text_normalized",
                          r->ref_text_normalized ? r->ref_text_normalized : "", "ref_text_from_asr",
                          r->ref_text_from_asr);
    if (!j) return NULL;
    json_object_set_new(j, "clip_bytes", json_integer((json_int_t)r->clip_bytes));
    json_object_set_new(j, "quality", r->quality ? json_deep_copy(r->quality) : json_null());
    return j;
}

static bool get_str(const json_t *j, const char *k, char *buf, size_t n, char *msg, size_t msg_n) {
    const json_t *v = json_object_get(j, k);
    if (!json_is_string(v) || json_string_length(v) >= n) {
        snprintf(msg, msg_n, "voice record: field '%s' missing, not a string or too long", k);
        return false;
    }
    memcpy(buf, json_string_value(v), json_string_length(v) + 1);
    return true;
}

static char *get_dup(const json_t *j, const char *k) {
    const json_t *v = json_object_get(j, k);
    return strdup(json_is_string(v) ? json_string_value(v) : "");
}

bool f5_voice_rec_from_json(const json_t *j, f5_voice_rec *r, char *msg, size_t msg_n) {
    memset(r, 0, sizeof *r);
    if (!json_is_object(j)) {
        snprintf(msg, msg_n, "voice record: not a JSON object");
        return false;
    }
    if (!get_str(j, "id", r->id, sizeof r->id, msg, msg_n) || !get_str(j, "name", r->name, sizeof r->name, msg, msg_n) ||
        !get_str(j, "language", r->language, sizeof r->language, msg, msg_n) ||
        !get_str(j, "owner", r->owner, sizeof r->owner, msg, msg_n) ||
        !get_str(j, "clip_sha256", r->clip_sha256, sizeof r->clip_sha256, msg, msg_n) ||
        !get_str(j, "clip_key", r->clip_key, sizeof r->clip_key, msg, msg_n) ||
        !get_str(j, "format", r->format, sizeof r->format, msg, msg_n))
        return false;
    r->clip_bytes = (uint64_t)json_integer_value(json_object_get(j, "clip_bytes"));
    r->duration_s = json_number_value(json_object_get(j, "duration"));
    r->created_at = json_number_value(json_object_get(j, "created_at"));
    r->updated_at = json_number_value(json_object_get(j, "updated_at"));
    r->ref_text_from_asr = json_is_true(json_object_get(j, "ref_text_from_asr"));
    r->description = get_dup(j, "description");
    r->ref_text = get_dup(j, "ref_text");
    r->ref_text_normalized = get_dup(j, "ref_text_normalized");
    json_t *q = json_object_get(j, "quality");
    r->quality = json_is_object(q) ? json_deep_copy(q) : NULL;
    if (!r->description || !r->ref_text || !r->ref_text_normalized) {
        f5_voice_rec_free(r);
        snprintf(msg, msg_n, "voice record: out of memory");
        return false;
    }
    return true;
}

static json_t *num(double x) {
    return json_real(x);
}

json_t *f5_voice_quality_json(const f5_quality_report *q) {
    json_t *w = json_array();
    for (int i = 0; i < q->n_warnings; i++)
        json_array_append_new(w, json_pack("{s:s, s:s}", "code", q->warnings[i].code, "message", q->warnings[i].message));
    json_t *j = json_object();
    json_object_set_new(j, "ok", json_boolean(q->n_warnings == 0));
    json_object_set_new(j, "duration", num(q->duration_s));
    json_object_set_new(j, "sample_rate", json_integer(q->sample_rate));
    json_object_set_new(j, "peak_dbfs", num(q->peak_dbfs));
    json_object_set_new(j, "rms_dbfs", num(q->rms_dbfs));
    json_object_set_new(j, "loudness_dbfs", num(q->active_rms_dbfs));
    json_object_set_new(j, "clipping_ratio", num(q->clipping_ratio));
    json_object_set_new(j, "snr_db", num(q->snr_db));
    json_object_set_new(j, "noise_floor_dbfs", num(q->noise_floor_dbfs));
    json_object_set_new(j, "speech_level_dbfs", num(q->speech_level_dbfs));
    json_object_set_new(j, "silence_ratio", num(q->silence_ratio));
    json_object_set_new(j, "kept_seconds", num(q->kept_seconds));
    json_object_set_new(j, "will_cut", json_boolean(q->will_cut));
    json_object_set_new(j, "cut_at", q->will_cut ? num(q->cut_at_s) : json_null());
    json_object_set_new(j, "warnings", w);
    return j;
}

bool f5_voice_id_valid(const char *s) {
    if (!s || strncmp(s, "v_", 2) || strlen(s) != F5_VOICE_ID_LEN) return false;
    for (const char *p = s + 2; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

const char *f5_voice_name_problem(const char *s) {
    size_t n = s ? strlen(s) : 0;
    if (n == 0) return "the name is empty";
    if (n > F5_VOICE_NAME_MAX) return "the name is longer than 64 bytes";
    bool blank = true;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!k || i + k > n) return "the name is not valid UTF-8";
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80) return "the name is not valid UTF-8";
        if (k == 1 && (c < 0x20 || c == 0x7f)) return "the name contains a control character";
        if (c != ' ') blank = false;
        i += k;
    }
    if (blank) return "the name is blank";
    if (f5_voice_id_valid(s)) return "the name has the shape of a voice id (v_ + 24 hex digits)";
    return NULL;
}
