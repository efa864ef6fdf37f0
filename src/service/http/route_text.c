/* route_text.c - POST /normalize (the Vietnamese text normalisation the
 * engine applies before synthesis, without synthesising: the normalised
 * text and its sentences, one per line) and GET /v1/models (the
 * OpenAI-style model list: one model, this service's). Both are cheap,
 * need no loaded model and run on the HTTP thread.
 */
#include "service/http/http.h"

#include <stdlib.h>
#include <string.h>

/* UTF-8 code points in s (continuation bytes not counted). */
static long utf8_chars(const char *s) {
    long n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* Body: {"text": "..."} (application/json). Answer:
 * {"text": input, "normalized": "...", "sentences": ["...", ...],
 *  "characters": n_in, "normalized_characters": n_out}. */
enum MHD_Result f5_route_normalize(const f5_http_ctx *cx, f5_http_req *req) {
    const char *ct = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct || strncmp(ct, "application/json", 16))
        return f5_http_error(req, 415, "unsupported_media_type", NULL,
                             "POST /normalize expects Content-Type application/json with {\"text\": \"...\"}, got '%.80s'",
                             ct ? ct : "(none)");
    json_error_t je;
    json_t *in = req->body ? json_loadb(req->body, req->body_len, 0, &je) : NULL;
    if (!in) {
        if (!req->body) return f5_http_error(req, 400, "invalid_json", NULL, "the request body is empty; expected {\"text\": \"...\"}");
        return f5_http_error(req, 400, "invalid_json", NULL, "the body is not valid JSON: %s at line %d column %d", je.text,
                             je.line, je.column);
    }
    enum MHD_Result ret;
    json_t *t = json_is_object(in) ? json_object_get(in, "text") : NULL;
    if (!json_is_string(t) || !json_string_length(t)) {
        ret = f5_http_error(req, 400, "missing_field", "text", "field 'text' is required and must be a non-empty string");
        goto done;
    }
    const char *text = json_string_value(t);
    if (strlen(text) != json_string_length(t)) {
        ret = f5_http_error(req, 400, "invalid_field", "text", "field 'text' contains a NUL character");
        goto done;
    }
    long nch = utf8_chars(text);
    if (cx->cfg->max_text_chars > 0 && nch > cx->cfg->max_text_chars) {
        ret = f5_http_error(req, 413, "text_too_long", "text", "text has %ld characters, the limit is %d", nch,
                            cx->cfg->max_text_chars);
        goto done;
    }
    char *norm = NULL;
    f5_error err = {0};
    if (f5_text_normalize(text, &norm, &err) != F5_OK) {
        ret = f5_http_error(req, 422, "invalid_text", "text", "normalisation failed: %s", err.message);
        goto done;
    }
    json_t *sent = json_array();
    for (const char *p = norm; *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l) json_array_append_new(sent, json_stringn(p, l));
        p += l + (e ? 1 : 0);
    }
    ret = f5_http_json(req, 200, json_pack("{s:s, s:s, s:o, s:I, s:I}", "text", text, "normalized", norm, "sentences", sent,
                                           "characters", (json_int_t)nch, "normalized_characters",
                                           (json_int_t)utf8_chars(norm)));
    free(norm);
done:
    json_decref(in);
    return ret;
}

/* OpenAI's GET /v1/models shape: {"object":"list","data":[{"id","object":"model","created","owned_by"}]}. */
enum MHD_Result f5_route_v1_models(const f5_http_ctx *cx, f5_http_req *req) {
    json_t *m = json_pack("{s:s, s:s, s:I, s:s}", "id", "f5-tts", "object", "model", "created",
                          (json_int_t)f5_svc_started_at(cx->svc), "owned_by", "f5tts-c");
    if (cx->cfg->model_label[0]) json_object_set_new(m, "description", json_string(cx->cfg->model_label));
    return f5_http_json(req, 200, json_pack("{s:s, s:[o]}", "object", "list", "data", m));
}
