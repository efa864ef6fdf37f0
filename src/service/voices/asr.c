/* asr.c - the OpenAI-compatible transcription client (asr.h), on libcurl's
 * MIME API. */
#include "service/voices/asr.h"

#include "core/error.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void f5_asr_endpoint(const char *url, char *buf, size_t n) {
    size_t l = strlen(url);
    while (l && url[l - 1] == '/') l--;
    const char *suf = "/audio/transcriptions";
    size_t sl = strlen(suf);
    if (l >= sl && !strncmp(url + l - sl, suf, sl)) snprintf(buf, n, "%.*s", (int)l, url);
    else if (l >= 3 && !strncmp(url + l - 3, "/v1", 3)) snprintf(buf, n, "%.*s%s", (int)l, url, suf);
    else snprintf(buf, n, "%.*s/v1%s", (int)l, url, suf);
}

typedef struct sink {
    char *p;
    size_t n;
    bool overflow;
} sink;

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *user) {
    sink *s = user;
    size_t k = size * nmemb;
    if (s->n + k > (1u << 20)) { /* a transcript is never a megabyte */
        s->overflow = true;
        return 0;
    }
    char *q = realloc(s->p, s->n + k + 1);
    if (!q) return 0;
    memcpy(q + s->n, ptr, k);
    s->p = q;
    s->n += k;
    s->p[s->n] = 0;
    return k;
}

static char *trimmed(const char *s) {
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    size_t l = strlen(s);
    while (l && strchr(" \n\t\r", s[l - 1])) l--;
    char *t = malloc(l + 1);
    if (t) memcpy(t, s, l), t[l] = 0;
    return t;
}

f5_status f5_asr_transcribe(const f5_asr_opts *o, const void *audio, size_t len, const char *filename, char **text,
                            f5_asr_failure *why, f5_error *err) {
    *text = NULL;
    *why = F5_ASR_OK;
    char url[2048];
    f5_asr_endpoint(o->url, url, sizeof url);
    CURL *c = curl_easy_init();
    if (!c) return f5_errf(err, F5_ERR_NOMEM, "asr: cannot start a request");
    curl_mime *m = curl_mime_init(c);
    curl_mimepart *p = curl_mime_addpart(m);
    curl_mime_name(p, "file");
    curl_mime_data(p, audio, len);
    curl_mime_filename(p, filename && *filename ? filename : "audio.wav");
    p = curl_mime_addpart(m);
    curl_mime_name(p, "model");
    curl_mime_data(p, o->model && *o->model ? o->model : "whisper-1", CURL_ZERO_TERMINATED);
    p = curl_mime_addpart(m);
    curl_mime_name(p, "response_format");
    curl_mime_data(p, "json", CURL_ZERO_TERMINATED);
    if (o->language && *o->language) {
        p = curl_mime_addpart(m);
        curl_mime_name(p, "language");
        curl_mime_data(p, o->language, CURL_ZERO_TERMINATED);
    }
    struct curl_slist *h = curl_slist_append(NULL, "Expect:");
    char auth[600];
    if (o->api_key && *o->api_key) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", o->api_key);
        h = curl_slist_append(h, auth);
    }
    sink body = {0};
    long ms = (long)((o->timeout_s > 0 ? o->timeout_s : 30) * 1000);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_MIMEPOST, m);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, ms);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, ms < 10000 ? ms : 10000L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(h);
    curl_mime_free(m);
    curl_easy_cleanup(c);
    f5_status st = F5_OK;
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        *why = F5_ASR_TIMEOUT;
        st = f5_errf(err, F5_ERR_IO, "transcription at %s timed out after %g s", url, (double)ms / 1000.0);
    } else if (rc != CURLE_OK) {
        *why = F5_ASR_UNREACHABLE;
        st = f5_errf(err, F5_ERR_IO, "transcription at %s failed: %s", url, curl_easy_strerror(rc));
    } else if (code / 100 != 2) {
        *why = F5_ASR_HTTP_ERROR;
        char detail[300] = "";
        json_t *j = body.p ? json_loads(body.p, 0, NULL) : NULL;
        json_t *e = j ? json_object_get(j, "error") : NULL;
        const char *msg = json_is_object(e) ? json_string_value(json_object_get(e, "message"))
                          : json_is_string(e) ? json_string_value(e) : NULL;
        if (msg) snprintf(detail, sizeof detail, ": %s", msg);
        else if (body.p) snprintf(detail, sizeof detail, ": %.200s", body.p);
        json_decref(j);
        st = f5_errf(err, F5_ERR_IO, "transcription at %s answered HTTP %ld%s", url, code, detail);
    } else {
        json_t *j = body.p ? json_loads(body.p, 0, NULL) : NULL;
        const char *t = j ? json_string_value(json_object_get(j, "text")) : NULL;
        char *tt = t ? trimmed(t) : NULL;
        if (!tt || !*tt) {
            *why = F5_ASR_BAD_ANSWER;
            st = f5_errf(err, F5_ERR_FORMAT, "transcription at %s: the answer has no (non-empty) \"text\"", url);
            free(tt);
        } else *text = tt;
        json_decref(j);
    }
    free(body.p);
    return st;
}
