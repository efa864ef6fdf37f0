/* route_speech.c - OpenAI's POST /v1/audio/speech: JSON {model, input,
 * voice, response_format, speed, stream_format, instructions} where voice is
 * a speaker-library voice (id or name). The synthesis is a sync job,
 * streamed back as it is produced: raw audio ("audio", the default), or
 * Server-Sent Events of base64 audio ("sse"). Errors are OpenAI error
 * objects (respond.c adds type and param to every error). aac is refused:
 * no encoder for it ships in Debian's free libraries.
 */
#include "service/http/http.h"

#include "service/auth/quota.h"
#include "service/voices/voice_store.h"

#include <math.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>

static long utf8_chars(const char *s) {
    long n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

enum MHD_Result f5_route_v1_speech(const f5_http_ctx *cx, f5_http_req *req) {
    int phase = f5_svc_phase_get(cx->svc, NULL);
    if (cx->cfg->role == F5_SVC_ROLE_API)
        return f5_http_error(req, 400, "unsupported_role", NULL,
                             "this node runs --role api: /v1/audio/speech streams its synthesis and needs role all");
    if (phase != F5_SVC_READY)
        return f5_http_error(req, 503, "not_ready", NULL, "%s",
                             phase == F5_SVC_FAILED ? "the model failed to load; see /readyz"
                                                    : "the model is still loading; retry shortly");
    if (f5_svc_stopping(cx->svc)) return f5_http_error(req, 503, "shutting_down", NULL, "the service is shutting down");
    /* the caller's concurrent jobs and daily audio seconds, as for /tts */
    f5_quota_limits lim = {.max_concurrent = cx->cfg->max_concurrent, .quota_seconds = cx->cfg->quota_seconds,
                           .retry_hint_s = f5_jobs_mean_run_s(cx->jobs), .retry_default_s = cx->cfg->retry_after_s};
    f5_auth_verdict qv;
    f5_quota_check(&req->caller, &lim, cx->queue, cx->usage, f5_obs_now(), &qv);
    if (qv.status) {
        if (qv.status == 429) f5_obs_inc(cx->metrics, F5_OBS_RATE_LIMITED, qv.code, NULL);
        req->retry_after_s = qv.retry_after_s;
        return f5_http_error(req, qv.status, qv.code, NULL, "%s", qv.message);
    }
    const char *ct = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct || strncmp(ct, "application/json", 16))
        return f5_http_error(req, 415, "unsupported_media_type", NULL,
                             "POST /v1/audio/speech expects Content-Type application/json, got '%.80s'",
                             ct ? ct : "(none)");
    json_error_t je;
    json_t *in = req->body ? json_loadb(req->body, req->body_len, 0, &je) : NULL;
    if (!json_is_object(in)) {
        json_decref(in);
        return f5_http_error(req, 400, "invalid_json", NULL, "the body must be a JSON object {model, input, voice, ...}");
    }
    enum MHD_Result ret;
    f5_voice_rec voice = {0};
    json_t *model = json_object_get(in, "model"), *input = json_object_get(in, "input"),
           *jv = json_object_get(in, "voice"), *fmt = json_object_get(in, "response_format"),
           *speed = json_object_get(in, "speed"), *sf = json_object_get(in, "stream_format");
    if (!json_is_string(model) || !json_string_length(model)) {
        ret = f5_http_error(req, 400, "missing_field", "model", "field 'model' is required (any name; GET /v1/models lists f5-tts)");
        goto done;
    }
    if (!json_is_string(input) || !json_string_length(input) ||
        strlen(json_string_value(input)) != json_string_length(input)) {
        ret = f5_http_error(req, 400, "missing_field", "input", "field 'input' (the text to speak) is required");
        goto done;
    }
    long nch = utf8_chars(json_string_value(input));
    if (nch > cx->cfg->max_text_chars) {
        ret = f5_http_error(req, 400, "text_too_long", "input", "input has %ld characters, the limit is %d", nch,
                            cx->cfg->max_text_chars);
        goto done;
    }
    if (json_is_object(jv)) jv = json_object_get(jv, "id"); /* {"id": "..."} as newer clients send */
    if (!json_is_string(jv) || !json_string_length(jv)) {
        ret = f5_http_error(req, 400, "missing_field", "voice",
                            "field 'voice' is required: the id or name of a saved voice (POST /voices, GET /voices)");
        goto done;
    }
    f5_audio_format format = F5_FMT_MP3;
    const char *fs = json_is_string(fmt) ? json_string_value(fmt) : fmt && !json_is_null(fmt) ? "?" : "mp3";
    if (!strcmp(fs, "aac")) {
        ret = f5_http_error(req, 400, "unsupported_response_format", "response_format",
                            "response_format 'aac' cannot be encoded by this server (no AAC encoder in its libraries); "
                            "use mp3, opus, flac, wav or pcm");
        goto done;
    }
    if (!strcmp(fs, "mp3")) format = F5_FMT_MP3;
    else if (!strcmp(fs, "opus")) format = F5_FMT_OPUS;
    else if (!strcmp(fs, "flac")) format = F5_FMT_FLAC;
    else if (!strcmp(fs, "wav")) format = F5_FMT_WAV;
    else if (!strcmp(fs, "pcm")) format = F5_FMT_PCM;
    else {
        ret = f5_http_error(req, 400, "invalid_field", "response_format",
                            "response_format must be one of mp3, opus, flac, wav, pcm (aac is not supported), got '%.20s'", fs);
        goto done;
    }
    double sp = 1.0;
    if (speed && !json_is_null(speed)) {
        sp = json_is_number(speed) ? json_number_value(speed) : NAN;
        if (!(sp >= 0.25 && sp <= 4.0)) {
            ret = f5_http_error(req, 400, "invalid_field", "speed", "speed must be a number in [0.25, 4.0]");
            goto done;
        }
    }
    const char *sfs = json_is_string(sf) ? json_string_value(sf) : "audio";
    if (strcmp(sfs, "audio") && strcmp(sfs, "sse")) {
        ret = f5_http_error(req, 400, "invalid_field", "stream_format", "stream_format must be 'audio' or 'sse'");
        goto done;
    }
    f5_error err = {0};
    f5_status vs = f5_voices_find(cx->voices, json_string_value(jv), f5_http_voice_visible, &req->caller, &voice, &err);
    if (vs == F5_ERR_NOT_FOUND) {
        ret = f5_http_error(req, 404, "voice_not_found", "voice",
                            "voice '%.64s' not found: save one with POST /voices, list yours with GET /voices",
                            json_string_value(jv));
        goto done;
    }
    if (vs) {
        ret = f5_http_error(req, 500, "storage_error", "voice", "%s", err.message);
        goto done;
    }
    if (!f5_http_random_hex(req->job_id, F5_JOB_ID_LEN / 2)) {
        ret = f5_http_error(req, 500, "internal_error", NULL, "no randomness for a job id");
        goto done;
    }
    f5_job_rec rec = {0};
    snprintf(rec.id, sizeof rec.id, "%s", req->job_id);
    snprintf(rec.request_id, sizeof rec.request_id, "%s", req->request_id);
    snprintf(rec.owner, sizeof rec.owner, "%s", req->caller.key_id);
    f5_obs_traceparent_format(&req->trace, rec.trace_context, sizeof rec.trace_context);
    rec.sync = true;
    rec.params.nfe_step = cx->cfg->default_nfe;
    rec.params.cfg_strength = (float)cx->cfg->default_cfg;
    rec.params.speed = (float)sp;
    rec.params.format = format;
    uint32_t r = 0;
    RAND_bytes((unsigned char *)&r, sizeof r);
    rec.params.seed = r & 0x7fffffffu;
    rec.text = (char *)json_string_value(input);
    rec.ref_text = voice.ref_text;
    snprintf(rec.ref_key, sizeof rec.ref_key, "%s", voice.clip_key);
    rec.created_at = f5_obs_now();
    f5_job *job = NULL;
    if (!f5_http_submit(cx, req, &rec, &job, &ret)) goto done;
    req->sse = !strcmp(sfs, "sse");
    req->sse_input_chars = nch;
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)rec.params.seed);
    ret = f5_http_stream_job(cx, req, job, &rec, seed);
done:
    f5_voice_rec_free(&voice);
    json_decref(in);
    return ret;
}
