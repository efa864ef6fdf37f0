/* route_voices.c - the speaker library over HTTP: POST /voices (multipart
 * enrolment with the quality report), GET /voices, GET/PATCH/DELETE
 * /voices/{id} ({id} is a voice id or a name) and GET /voices/{id}/audio.
 * Every voice belongs to the key that created it: another key's voice
 * answers 404 voice_not_found exactly like a missing one
 * (f5_auth_caller_may_see; admin keys see all).
 */
#include "service/http/http.h"

#include "service/http/form_parts.h"
#include "service/voices/enrol.h"

#include <stdlib.h>
#include <string.h>

bool f5_http_voice_visible(void *caller, const char *owner) {
    return f5_auth_caller_may_see(caller, owner);
}

void f5_http_asr_opts(const f5_http_ctx *cx, f5_asr_opts *o) {
    *o = (f5_asr_opts){.url = cx->cfg->asr_url, .timeout_s = cx->cfg->asr_timeout_s, .model = cx->cfg->asr_model,
                       .api_key = cx->asr_api_key};
}

json_t *f5_http_voice_json(const f5_voice_rec *r) {
    json_t *j = f5_voice_rec_to_json(r);
    if (!j) return NULL;
    json_object_del(j, "clip_key");
    char url[64];
    snprintf(url, sizeof url, "/voices/%s/audio", r->id);
    json_object_set_new(j, "audio_url", json_string(url));
    json_object_set_new(j, "object", json_string("voice"));
    return j;
}

/* Answers for an enrolment failure. */
static enum MHD_Result enrol_error(f5_http_req *req, const f5_voice_enrol_out *o, const f5_error *err) {
    switch (o->why) {
    case F5_ENROL_BAD_FIELD: return f5_http_error(req, 400, "invalid_field", o->field, "%s", err->message);
    case F5_ENROL_BAD_AUDIO: {
        const char *code = err->status == F5_ERR_UNSUPPORTED_FORMAT ? "unsupported_format"
                           : err->status == F5_ERR_AUDIO_TOO_LONG   ? "audio_too_long"
                           : err->status == F5_ERR_AUDIO_TOO_SHORT  ? "audio_too_short"
                                                                    : "invalid_audio";
        return f5_http_error(req, err->status == F5_ERR_UNSUPPORTED_FORMAT ? 415 : 422, code, "audio", "%s",
                             err->message);
    }
    case F5_ENROL_NEED_TEXT: return f5_http_error(req, 422, "ref_text_required", "ref_text", "%s", err->message);
    case F5_ENROL_ASR_TIMEOUT: return f5_http_error(req, 504, "asr_timeout", "ref_text", "%s", err->message);
    case F5_ENROL_ASR_FAILED: return f5_http_error(req, 502, "asr_failed", "ref_text", "%s", err->message);
    case F5_ENROL_QUALITY: {
        json_t *e = json_pack("{s:s, s:s, s:s, s:s, s:o}", "code", "voice_quality", "message", err->message,
                              "request_id", req->request_id, "field", "audio", "quality",
                              f5_voice_quality_json(&o->quality));
        return f5_http_json(req, 422, json_pack("{s:o}", "error", e));
    }
    case F5_ENROL_NAME_TAKEN: return f5_http_error(req, 409, "voice_exists", "name", "%s", err->message);
    default: return f5_http_error(req, 500, "storage_error", NULL, "%s", err->message);
    }
}

static const char *part_str(const f5_form_parts *p, const char *name) {
    const f5_form_part *q = f5_form_parts_get(p, name);
    return q ? q->data : NULL;
}

enum MHD_Result f5_route_voice_create(const f5_http_ctx *cx, f5_http_req *req) {
    const char *ct = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    static const char *const allowed[] = {"name", "audio", "ref_text", "description", "language", NULL};
    f5_form_parts fp;
    f5_error err = {0};
    f5_status st = f5_form_parts_parse(ct, req->body, req->body_len, allowed, &fp, &err);
    enum MHD_Result ret;
    if (st == F5_ERR_UNSUPPORTED_FORMAT) {
        ret = f5_http_error(req, 415, "unsupported_media_type", NULL,
                            "POST /voices expects multipart/form-data (name, audio, ref_text, description, language): %s",
                            err.message);
        goto done;
    }
    if (st == F5_ERR_INVALID_ARG) {
        ret = f5_http_error(req, 400, fp.duplicate ? "duplicate_field" : "unknown_field", fp.bad_name,
                            "%s (accepted: name, audio, ref_text, description, language)", err.message);
        goto done;
    }
    if (st) {
        ret = f5_http_error(req, 400, "invalid_multipart", NULL, "%s", err.message);
        goto done;
    }
    const f5_form_part *audio = f5_form_parts_get(&fp, "audio");
    if (!part_str(&fp, "name")) {
        ret = f5_http_error(req, 400, "missing_field", "name", "field 'name' (the voice's name) is required");
        goto done;
    }
    if (!audio) {
        ret = f5_http_error(req, 400, "missing_field", "audio", "field 'audio' (the reference clip file) is required");
        goto done;
    }
    f5_asr_opts asr;
    f5_http_asr_opts(cx, &asr);
    f5_voice_enrol_req rq = {.audio = audio->data, .len = audio->len, .filename = audio->filename,
                             .name = part_str(&fp, "name"), .description = part_str(&fp, "description"),
                             .language = part_str(&fp, "language"), .ref_text = part_str(&fp, "ref_text"),
                             .owner = req->caller.key_id, .strict = cx->cfg->strict_voices,
                             .max_seconds = cx->cfg->max_ref_seconds, .min_seconds = cx->cfg->min_ref_seconds,
                             .asr = &asr};
    f5_voice_enrol_out out;
    if (f5_voice_enrol(cx->voices, &rq, &out, &err) != F5_OK) {
        ret = enrol_error(req, &out, &err);
        goto done;
    }
    /* Prepared now on this node (role all), so the first synthesis by this voice skips preprocessing. */
    bool prepared = false;
    f5_error perr = {0};
    double t_prep = f5_obs_mono();
    f5_jobs_prepare_voice(cx->jobs, audio->data, audio->len, out.rec.ref_text, &prepared, &perr);
    t_prep = (f5_obs_mono() - t_prep) * 1000.0;
    json_t *j = f5_http_voice_json(&out.rec);
    json_object_set_new(j, "deduplicated", json_boolean(out.deduped));
    json_object_set_new(j, "prepared", json_boolean(prepared));
    if (out.rec.ref_text_from_asr) json_object_set_new(j, "transcript_cached", json_boolean(out.transcript_cached));
    f5_obs_event(cx->log, "info", "voice",
                 json_pack("{s:s, s:s, s:s, s:b, s:i, s:f, s:b, s:f, s:s}", "request_id", req->request_id, "action",
                           "create", "voice_id", out.rec.id, "deduplicated", out.deduped, "warnings",
                           out.quality.n_warnings, "duration", out.quality.duration_s, "prepared", prepared, "prepare_ms",
                           t_prep, "prepare_error", perr.message));
    f5_voice_rec_free(&out.rec);
    ret = f5_http_json(req, 201, j);
done:
    f5_form_parts_free(&fp);
    return ret;
}

enum MHD_Result f5_route_voice_list(const f5_http_ctx *cx, f5_http_req *req) {
    f5_voice_rec *v = NULL;
    size_t n = 0;
    f5_error err = {0};
    if (f5_voices_list(cx->voices, f5_http_voice_visible, &req->caller, &v, &n, &err) != F5_OK)
        return f5_http_error(req, 500, "storage_error", NULL, "cannot list voices: %s", err.message);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(arr, f5_http_voice_json(&v[i]));
    f5_voices_list_free(v, n);
    return f5_http_json(req, 200, json_pack("{s:s, s:o}", "object", "list", "data", arr));
}

/* The visible voice named by the {id} segment (an id or a name), or an
 * error response already queued (*ret). */
static bool find_voice(const f5_http_ctx *cx, f5_http_req *req, f5_voice_rec *r, enum MHD_Result *ret) {
    f5_error err = {0};
    f5_status st = f5_voices_find(cx->voices, req->param, f5_http_voice_visible, &req->caller, r, &err);
    if (st == F5_ERR_NOT_FOUND) {
        *ret = f5_http_error(req, 404, "voice_not_found", NULL, "voice '%.64s' not found", req->param);
        return false;
    }
    if (st) {
        *ret = f5_http_error(req, 500, "storage_error", NULL, "%s", err.message);
        return false;
    }
    return true;
}

enum MHD_Result f5_route_voice_get(const f5_http_ctx *cx, f5_http_req *req) {
    f5_voice_rec r;
    enum MHD_Result ret;
    if (!find_voice(cx, req, &r, &ret)) return ret;
    json_t *j = f5_http_voice_json(&r);
    f5_voice_rec_free(&r);
    return f5_http_json(req, 200, j);
}

static const char *mime_of(const char *format) {
    if (!strcmp(format, "wav")) return "audio/wav";
    if (!strcmp(format, "flac")) return "audio/flac";
    if (!strcmp(format, "mp3")) return "audio/mpeg";
    if (!strcmp(format, "ogg") || !strcmp(format, "opus")) return "audio/ogg";
    return "application/octet-stream";
}

enum MHD_Result f5_route_voice_audio(const f5_http_ctx *cx, f5_http_req *req) {
    f5_voice_rec r;
    enum MHD_Result ret;
    if (!find_voice(cx, req, &r, &ret)) return ret;
    uint8_t *d = NULL;
    size_t n = 0;
    f5_error err = {0};
    if (f5_voices_clip(cx->voices, &r, &d, &n, &err) != F5_OK) {
        f5_voice_rec_free(&r);
        return f5_http_error(req, 500, "storage_error", NULL, "cannot read the voice's clip: %s", err.message);
    }
    struct MHD_Response *resp = MHD_create_response_from_buffer(n, d, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(resp, "Content-Type", mime_of(r.format));
    MHD_add_response_header(resp, "Cache-Control", "private, max-age=3600");
    MHD_add_response_header(resp, "ETag", r.clip_sha256);
    f5_voice_rec_free(&r);
    return f5_http_respond(req, 200, resp);
}

enum MHD_Result f5_route_voice_patch(const f5_http_ctx *cx, f5_http_req *req) {
    const char *ct = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct || strncmp(ct, "application/json", 16))
        return f5_http_error(req, 415, "unsupported_media_type", NULL,
                             "PATCH /voices/{id} expects application/json with any of name, description, ref_text");
    json_error_t je;
    json_t *in = req->body ? json_loadb(req->body, req->body_len, 0, &je) : NULL;
    if (!json_is_object(in)) {
        json_decref(in);
        return f5_http_error(req, 400, "invalid_json", NULL, "the body must be a JSON object");
    }
    enum MHD_Result ret;
    const char *key;
    json_t *val;
    json_object_foreach(in, key, val) {
        if (strcmp(key, "name") && strcmp(key, "description") && strcmp(key, "ref_text")) {
            ret = f5_http_error(req, 400, "unknown_field", key, "field '%.60s' cannot be changed (accepted: name, "
                                "description, ref_text)", key);
            goto out;
        }
        if (!json_is_string(val) || strlen(json_string_value(val)) != json_string_length(val)) {
            ret = f5_http_error(req, 400, "invalid_field", key, "field '%s' must be a string", key);
            goto out;
        }
    }
    f5_voice_rec r;
    if (!find_voice(cx, req, &r, &ret)) goto out;
    char old_name[sizeof r.name];
    snprintf(old_name, sizeof old_name, "%s", r.name);
    const char *name = json_string_value(json_object_get(in, "name"));
    const char *desc = json_string_value(json_object_get(in, "description"));
    const char *text = json_string_value(json_object_get(in, "ref_text"));
    f5_error err = {0};
    if (name) {
        const char *np = f5_voice_name_problem(name);
        if (np) {
            ret = f5_http_error(req, 400, "invalid_field", "name", "field 'name': %s", np);
            goto free_rec;
        }
        snprintf(r.name, sizeof r.name, "%s", name);
    }
    if (desc) {
        if (strlen(desc) > F5_VOICE_DESC_MAX) {
            ret = f5_http_error(req, 400, "invalid_field", "description", "field 'description' is too long");
            goto free_rec;
        }
        free(r.description);
        r.description = strdup(desc);
    }
    if (text) {
        char *norm = NULL;
        bool blank = true;
        for (const char *p = text; *p; p++)
            if (!strchr(" \t\r\n", *p)) blank = false;
        if (blank || strlen(text) > F5_VOICE_TEXT_MAX || f5_text_normalize(text, &norm, &err) != F5_OK) {
            ret = f5_http_error(req, 400, "invalid_field", "ref_text", "field 'ref_text' must be a non-empty "
                                "transcript of at most %d bytes%s%s", F5_VOICE_TEXT_MAX, err.message[0] ? ": " : "",
                                err.message);
            goto free_rec;
        }
        for (char *p = norm; *p; p++)
            if (*p == '\n') *p = ' ';
        free(r.ref_text);
        free(r.ref_text_normalized);
        r.ref_text = strdup(text);
        r.ref_text_normalized = norm;
        r.ref_text_from_asr = false;
    }
    if (!r.description || !r.ref_text) {
        ret = f5_http_error(req, 500, "out_of_memory", NULL, "out of memory");
        goto free_rec;
    }
    f5_status st = f5_voices_update(cx->voices, &r, old_name, &err);
    if (!st && text) { /* the new transcript makes a new prepared reference */
        uint8_t *clip = NULL;
        size_t clip_n = 0;
        bool prepared;
        f5_error perr = {0};
        if (f5_voices_clip(cx->voices, &r, &clip, &clip_n, &perr) == F5_OK)
            f5_jobs_prepare_voice(cx->jobs, clip, clip_n, r.ref_text, &prepared, &perr);
        free(clip);
    }
    if (st == F5_ERR_INVALID_ARG) ret = f5_http_error(req, 409, "voice_exists", "name", "%s", err.message);
    else if (st) ret = f5_http_error(req, 500, "storage_error", NULL, "%s", err.message);
    else ret = f5_http_json(req, 200, f5_http_voice_json(&r));
free_rec:
    f5_voice_rec_free(&r);
out:
    json_decref(in);
    return ret;
}

enum MHD_Result f5_route_voice_delete(const f5_http_ctx *cx, f5_http_req *req) {
    f5_voice_rec r;
    enum MHD_Result ret;
    if (!find_voice(cx, req, &r, &ret)) return ret;
    bool clip_deleted = false;
    f5_error err = {0};
    f5_status st = f5_voices_delete(cx->voices, r.id, &clip_deleted, &err);
    if (st == F5_ERR_NOT_FOUND) ret = f5_http_error(req, 404, "voice_not_found", NULL, "voice '%s' not found", r.id);
    else if (st) ret = f5_http_error(req, 500, "storage_error", NULL, "%s", err.message);
    else
        ret = f5_http_json(req, 200, json_pack("{s:s, s:s, s:b, s:b}", "id", r.id, "object", "voice.deleted",
                                               "deleted", 1, "clip_deleted", clip_deleted));
    f5_voice_rec_free(&r);
    return ret;
}
