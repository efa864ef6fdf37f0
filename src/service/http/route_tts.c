/* route_tts.c - POST /tts: the multipart body streams into a form (the
 * voice file straight into storage), becomes a typed job, and is either
 * answered 202 (async) or streamed back as audio while it is synthesised
 * (sync). A sync client that goes away cancels its job.
 */
#include "service/http/http.h"

#include "service/auth/quota.h"
#include "service/voices/transcript.h"

#include <math.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>

enum MHD_Result f5_route_tts_begin(const f5_http_ctx *cx, f5_http_req *req) {
    int phase = f5_svc_phase_get(cx->svc, NULL);
    if (cx->cfg->role != F5_SVC_ROLE_API && phase != F5_SVC_READY)
        return f5_http_error(req, 503, "not_ready", NULL, "%s",
                             phase == F5_SVC_FAILED ? "the model failed to load; see /readyz"
                                                    : "the model is still loading; retry shortly");
    if (f5_svc_stopping(cx->svc)) return f5_http_error(req, 503, "shutting_down", NULL, "the service is shutting down");
    /* the caller's concurrent jobs and daily audio seconds, before the upload is read */
    f5_quota_limits lim = {.max_concurrent = cx->cfg->max_concurrent, .quota_seconds = cx->cfg->quota_seconds,
                           .retry_hint_s = f5_jobs_mean_run_s(cx->jobs), .retry_default_s = cx->cfg->retry_after_s};
    f5_auth_verdict qv;
    f5_quota_check(&req->caller, &lim, cx->queue, cx->usage, f5_obs_now(), &qv);
    if (qv.status) { /* answered once the body is read (and discarded): clients that send it all still see it */
        if (qv.status == 429) f5_obs_inc(cx->metrics, F5_OBS_RATE_LIMITED, qv.code, NULL);
        req->retry_after_s = qv.retry_after_s;
        if (!(req->form = f5_tts_form_new(cx->cfg, NULL, "")))
            return f5_http_error(req, 500, "internal_error", NULL, "out of memory");
        f5_tts_form_fail(req->form, qv.status, qv.code, NULL, "%s", qv.message);
        return MHD_YES;
    }
    const char *ct = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    char boundary[80];
    f5_error err = {0};
    f5_status st = f5_mp_boundary(ct, boundary, sizeof boundary, &err);
    if (st == F5_ERR_UNSUPPORTED_FORMAT) return f5_http_error(req, 415, "unsupported_media_type", NULL, "%s", err.message);
    if (st) return f5_http_error(req, 400, "invalid_multipart", NULL, "%s", err.message);
    if (!f5_http_random_hex(req->job_id, F5_JOB_ID_LEN / 2))
        return f5_http_error(req, 500, "internal_error", NULL, "no randomness for a job id");
    char ref_key[96];
    snprintf(ref_key, sizeof ref_key, "refs/%s", req->job_id);
    req->form = f5_tts_form_new(cx->cfg, cx->store, ref_key);
    if (!req->form || f5_mp_new(boundary, &f5_tts_form_callbacks, req->form, &req->mp, &err) != F5_OK)
        return f5_http_error(req, 500, "internal_error", NULL, "cannot start the form parser: %s", err.message);
    return MHD_YES;
}

void f5_route_tts_body(const f5_http_ctx *cx, f5_http_req *req, const char *data, size_t n) {
    if (!req->mp || f5_tts_form_error(req->form)->status) return;
    f5_error err = {0};
    if (f5_mp_feed(req->mp, data, n, &err) != F5_OK && !f5_tts_form_error(req->form)->status)
        f5_tts_form_fail(req->form, 400, "invalid_multipart", NULL, "%s", err.message);
}

/* OpenAI's stream_format "sse": each piece of audio as a
 * speech.audio.delta event (base64), then one speech.audio.done. */
static ssize_t sse_reader(f5_http_req *req, uint64_t pos, char *buf, size_t max) {
    const f5_http_ctx *cx = req->cx;
    static const char head[] = "data: {\"type\":\"speech.audio.delta\",\"audio\":\"", tail[] = "\"}\n\n";
    if (req->sse_done) return MHD_CONTENT_READER_END_OF_STREAM;
    size_t raw_max = (max - sizeof head - sizeof tail - 8) / 4 * 3;
    if (raw_max > sizeof req->sse_raw) raw_max = sizeof req->sse_raw;
    for (;;) {
        size_t n = 0;
        f5_stream_status s = f5_job_read(cx->jobs, req->job, (char *)req->sse_raw, raw_max, 0.1, &n);
        switch (s) {
        case F5_STREAM_DATA: {
            if (pos == 0) req->first_byte_ms = (f5_obs_mono() - req->t_body_done_mono) * 1000.0;
            size_t o = sizeof head - 1;
            memcpy(buf, head, o);
            o += (size_t)EVP_EncodeBlock((unsigned char *)buf + o, req->sse_raw, (int)n);
            memcpy(buf + o, tail, sizeof tail - 1);
            return (ssize_t)(o + sizeof tail - 1);
        }
        case F5_STREAM_END:
            req->tail_ms = f5_job_ms_since_last_chunk(cx->jobs, req->job);
            req->stream_ok = true;
            req->sse_done = true;
            return snprintf(buf, max,
                            "data: {\"type\":\"speech.audio.done\",\"usage\":{\"input_tokens\":%ld,"
                            "\"output_tokens\":0,\"total_tokens\":%ld}}\n\n",
                            req->sse_input_chars, req->sse_input_chars);
        case F5_STREAM_FAILED: {
            char code[48], msg[512];
            f5_job_state st;
            f5_job_error(cx->jobs, req->job, &st, code, sizeof code, msg, sizeof msg);
            json_t *e = json_pack("{s:s, s:{s:s, s:s, s:s}}", "type", "error", "error", "code", code, "message", msg,
                                  "type", "server_error");
            char *js = json_dumps(e, JSON_COMPACT);
            json_decref(e);
            req->sse_done = true;
            int k = snprintf(buf, max, "data: %s\n\n", js ? js : "{}");
            free(js);
            return k;
        }
        case F5_STREAM_WAIT:
            if (f5_http_peer_gone(req)) {
                f5_job_abandon(cx->jobs, req->job);
                return MHD_CONTENT_READER_END_WITH_ERROR;
            }
            break;
        }
    }
}

static ssize_t stream_reader(void *cls, uint64_t pos, char *buf, size_t max) {
    f5_http_req *req = cls;
    const f5_http_ctx *cx = req->cx;
    if (req->sse) return sse_reader(req, pos, buf, max);
    for (;;) {
        size_t n = 0;
        f5_stream_status s = f5_job_read(cx->jobs, req->job, buf, max, 0.1, &n);
        switch (s) {
        case F5_STREAM_DATA:
            if (pos == 0) req->first_byte_ms = (f5_obs_mono() - req->t_body_done_mono) * 1000.0;
            return (ssize_t)n;
        case F5_STREAM_END:
            req->tail_ms = f5_job_ms_since_last_chunk(cx->jobs, req->job);
            req->stream_ok = true;
            return MHD_CONTENT_READER_END_OF_STREAM;
        case F5_STREAM_FAILED:
            return MHD_CONTENT_READER_END_WITH_ERROR;
        case F5_STREAM_WAIT:
            if (f5_http_peer_gone(req)) {
                f5_job_abandon(cx->jobs, req->job);
                return MHD_CONTENT_READER_END_WITH_ERROR;
            }
            break;
        }
    }
}

static void stream_free(void *cls) {
    f5_http_req_unref(cls);
}

static enum MHD_Result submit(const f5_http_ctx *cx, f5_http_req *req, f5_tts_request *trp, const f5_voice_rec *voice,
                              const char *asr_text);

static enum MHD_Result form_error(f5_http_req *req) {
    const f5_form_error *e = f5_tts_form_error(req->form);
    return f5_http_error(req, e->status, e->code, e->field, "%s", e->message);
}

enum MHD_Result f5_route_tts(const f5_http_ctx *cx, f5_http_req *req) {
    f5_error err = {0};
    if (f5_tts_form_error(req->form)->status) return form_error(req);
    if (f5_mp_finish(req->mp, &err) != F5_OK) {
        f5_tts_form_fail(req->form, 400, "invalid_multipart", NULL, "%s", err.message);
        return form_error(req);
    }
    const char *prefer = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, "Prefer");
    f5_tts_request tr;
    if (!f5_tts_form_finish(req->form, prefer && strstr(prefer, "respond-async"), &tr)) return form_error(req);
    /* The reference: a saved voice (its clip and transcript), or the upload,
     * transcribed when it came without ref_text. */
    f5_voice_rec voice = {0};
    bool have_voice = false;
    char *asr_text = NULL;
    if (tr.voice_id) {
        f5_status vs = f5_voices_find(cx->voices, tr.voice_id, f5_http_voice_visible, &req->caller, &voice, &err);
        if (vs == F5_ERR_NOT_FOUND)
            return f5_http_error(req, 404, "voice_not_found", "voice_id", "voice '%.64s' not found (GET /voices lists "
                                 "yours; save one with POST /voices)", tr.voice_id);
        if (vs) return f5_http_error(req, 500, "storage_error", "voice_id", "%s", err.message);
        have_voice = true;
    } else if (tr.ref_text_missing) {
        enum MHD_Result r;
        if (!f5_http_transcribe_upload(cx, req, tr.ref_key, &asr_text, &r)) {
            f5_store_delete(cx->store, tr.ref_key, NULL);
            return r;
        }
    }
    enum MHD_Result ret = submit(cx, req, &tr, have_voice ? &voice : NULL, asr_text);
    f5_voice_rec_free(&voice);
    free(asr_text);
    return ret;
}

/* Read an uploaded reference back from storage and transcribe it (cached by
 * its hash). False with the error response queued in *ret. */
bool f5_http_transcribe_upload(const f5_http_ctx *cx, f5_http_req *req, const char *ref_key, char **text,
                               enum MHD_Result *ret) {
    f5_asr_opts asr;
    f5_http_asr_opts(cx, &asr);
    f5_error err = {0};
    if (!asr.url[0]) {
        *ret = f5_http_error(req, 422, "ref_text_required", "ref_text",
                             "field 'ref_text' (the transcript of the reference) is empty and automatic transcription "
                             "is not configured: send ref_text, or start the server with --asr-url URL (env "
                             "F5_ASR_URL) pointing at an OpenAI-compatible /v1/audio/transcriptions service");
        return false;
    }
    uint8_t *d = NULL;
    size_t n = 0;
    if (f5_store_get(cx->store, ref_key, &d, &n, &err) != F5_OK) {
        *ret = f5_http_error(req, 500, "storage_error", "voice", "cannot read the upload back: %s", err.message);
        return false;
    }
    bool cached = false;
    f5_asr_failure why;
    f5_status st = f5_voice_transcript(cx->voices, &asr, d, n, "voice.wav", text, &cached, &why, &err);
    free(d);
    if (st) {
        *ret = why == F5_ASR_TIMEOUT ? f5_http_error(req, 504, "asr_timeout", "ref_text", "%s", err.message)
                                     : f5_http_error(req, 502, "asr_failed", "ref_text", "%s", err.message);
        return false;
    }
    f5_obs_event(cx->log, "info", "asr",
                 json_pack("{s:s, s:b, s:I}", "request_id", req->request_id, "cached", cached, "chars",
                           (json_int_t)strlen(*text)));
    return true;
}

static enum MHD_Result submit(const f5_http_ctx *cx, f5_http_req *req, f5_tts_request *trp, const f5_voice_rec *voice,
                              const char *asr_text) {
    f5_tts_request tr = *trp;
    if (!tr.seed_given) {
        uint32_t r = 0;
        RAND_bytes((unsigned char *)&r, sizeof r);
        tr.params.seed = r & 0x7fffffffu;
    }
    if (!tr.async && cx->cfg->role == F5_SVC_ROLE_API) {
        f5_store_delete(cx->store, tr.ref_key, NULL);
        return f5_http_error(req, 400, "invalid_field", "mode",
                             "this node runs --role api: streaming (sync) synthesis needs role all; use mode=async");
    }
    /* Shutdown may have begun while the body was uploading: a sync job queued
     * now would find no worker (an async one is kept for the next start). */
    if (!tr.async && f5_svc_stopping(cx->svc)) {
        f5_store_delete(cx->store, tr.ref_key, NULL);
        return f5_http_error(req, 503, "shutting_down", NULL, "the service is shutting down");
    }
    f5_job_rec rec = {0};
    snprintf(rec.id, sizeof rec.id, "%s", req->job_id);
    snprintf(rec.request_id, sizeof rec.request_id, "%s", req->request_id);
    f5_obs_traceparent_format(&req->trace, rec.trace_context, sizeof rec.trace_context); /* the job continues the request's trace */
    rec.sync = !tr.async;
    rec.params = tr.params;
    rec.text = tr.text;
    rec.ref_text = voice ? voice->ref_text : asr_text ? (char *)asr_text : tr.ref_text;
    snprintf(rec.ref_key, sizeof rec.ref_key, "%s", voice ? voice->clip_key : tr.ref_key);
    snprintf(rec.owner, sizeof rec.owner, "%s", req->caller.key_id);
    rec.created_at = f5_obs_now();
    f5_job *job = NULL;
    enum MHD_Result ret;
    if (!f5_http_submit(cx, req, &rec, &job, &ret)) {
        f5_store_delete(cx->store, tr.ref_key, NULL);
        return ret;
    }
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)rec.params.seed);
    if (!rec.sync) {
        char status_url[64], result_url[80];
        snprintf(status_url, sizeof status_url, "/jobs/%s", rec.id);
        snprintf(result_url, sizeof result_url, "/jobs/%s/audio", rec.id);
        json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "job_id", rec.id, "status", "queued", "status_url",
                                 status_url, "result_url", result_url, "events_url", "", "seed", seed);
        char events_url[80];
        snprintf(events_url, sizeof events_url, "/jobs/%s/events", rec.id);
        json_object_set_new(body, "events_url", json_string(events_url));
        char *s = json_dumps(body, JSON_COMPACT);
        json_decref(body);
        struct MHD_Response *r = MHD_create_response_from_buffer(s ? strlen(s) : 0, s, MHD_RESPMEM_MUST_FREE);
        MHD_add_response_header(r, "Content-Type", "application/json");
        MHD_add_response_header(r, "Location", status_url);
        MHD_add_response_header(r, "X-Job-ID", rec.id);
        MHD_add_response_header(r, "X-Seed", seed);
        return f5_http_respond(req, 202, r);
    }
    return f5_http_stream_job(cx, req, job, &rec, seed);
}

bool f5_http_submit(const f5_http_ctx *cx, f5_http_req *req, const f5_job_rec *rec, f5_job **job, enum MHD_Result *ret) {
    f5_queue_result qr;
    f5_error err = {0};
    *job = NULL;
    if (f5_jobs_submit(cx->jobs, rec, rec->sync ? job : NULL, &qr, &err) != F5_OK) {
        f5_obs_inc(cx->metrics, F5_OBS_QUEUE_ERRORS, "submit", NULL);
        if (f5_queue_down(cx->queue, NULL)) /* Redis unreachable: retry later, never hang */
            *ret = f5_http_error(req, 503, "queue_unavailable", NULL, "cannot queue the job: %s", err.message);
        else *ret = f5_http_error(req, 500, "internal_error", NULL, "cannot queue the job: %s", err.message);
        return false;
    }
    if (qr == F5_Q_FULL) {
        /* Retry-After: the queue ahead of a new job at the measured job time */
        double per_job = f5_jobs_mean_run_s(cx->jobs);
        if (per_job > 0) {
            double wait = ceil((double)cx->cfg->max_queue * per_job / (cx->cfg->concurrency > 0 ? cx->cfg->concurrency : 1));
            req->retry_after_s = wait < 1 ? 1 : wait > 3600 ? 3600 : (int)wait;
        }
        *ret = f5_http_error(req, 503, "queue_full", NULL, "the queue is full (%d jobs waiting); retry later",
                             cx->cfg->max_queue);
        return false;
    }
    return true;
}

enum MHD_Result f5_http_stream_job(const f5_http_ctx *cx, f5_http_req *req, f5_job *job, const f5_job_rec *rec,
                                   const char *seed) {
    req->job = job;
    char code[48], msg[512];
    for (;;) {
        if (f5_job_wait_first(cx->jobs, job, 0.1)) break;
        f5_job_state stt;
        f5_job_error(cx->jobs, job, &stt, code, sizeof code, msg, sizeof msg);
        if (f5_job_state_terminal(stt)) return f5_http_error(req, f5_http_status_for(code), code, NULL, "%s", msg);
        if (f5_http_peer_gone(req)) {
            f5_job_abandon(cx->jobs, job);
            req->status = 499; /* client closed request */
            return MHD_NO;
        }
    }
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, stream_reader, req, stream_free);
    if (!r) return MHD_NO;
    atomic_fetch_add(&req->refs, 1);
    const char *mime = req->sse                           ? "text/event-stream"
                       : rec->params.format == F5_FMT_PCM ? "audio/L16; rate=24000; channels=1"
                                                          : f5_audio_format_mime(rec->params.format);
    MHD_add_response_header(r, "Content-Type", mime);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Job-ID", rec->id);
    MHD_add_response_header(r, "X-Seed", seed);
    MHD_add_response_header(r, "X-Accel-Buffering", "no");
    return f5_http_respond(req, 200, r);
}
