/* store_s3.c - the S3 blob store (s3://bucket[/prefix][?endpoint=URL&region=R
 * &presign=SECONDS&retries=N]) on libcurl with SigV4 signing (s3_sign.c).
 *
 * Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN; the region from region= or AWS_REGION /
 * AWS_DEFAULT_REGION (us-east-1); a custom endpoint (MinIO, s3rver, ...)
 * from endpoint= or AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, addressed
 * path-style (endpoint/bucket/key); without one, AWS virtual-hosted style
 * (https://bucket.s3.region.amazonaws.com/key). Key K is stored as
 * prefix/K. Every request is retried with exponential backoff and jitter on
 * connection errors, timeouts, 5xx and 429 (throttling), never on other 4xx.
 * Writers stream into an unnamed temporary file while hashing, and commit
 * PUTs it from the file, so large results are never held in memory twice.
 */
#include "service/store/s3_sign.h"
#include "service/store/store_impl.h"

#include "core/clock.h"
#include "core/error.h"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct s3_store {
    f5_store base;
    f5_s3_creds creds;
    char bucket[64];
    char prefix[128];      /* "" or "a/b/" */
    char scheme_host[300]; /* "http://127.0.0.1:9000/bucket" or "https://bucket.s3.region.amazonaws.com" */
    char host[256];        /* Host header */
    char base_uri[200];    /* "/bucket" (path style) or "" */
    long presign_s;        /* 0 = results are proxied */
    int retries;
} s3_store;

typedef struct s3_writer {
    f5_store_writer base;
    FILE *f;
    EVP_MD_CTX *md;
    uint64_t len;
    char key[256];
} s3_writer;

static const f5_store_ops s3_ops;

/* ---- open */

static const char *env_first(const char *a, const char *b) {
    const char *v = getenv(a);
    if ((!v || !*v) && b) v = getenv(b);
    return v && *v ? v : NULL;
}

static f5_status set_endpoint(s3_store *s, const char *ep, f5_error *err) {
    const char *p = strstr(ep, "://");
    if (!p || (strncmp(ep, "http://", 7) && strncmp(ep, "https://", 8)))
        return f5_errf(err, F5_ERR_INVALID_ARG, "storage: s3 endpoint '%s': expected http://host[:port] or https://...", ep);
    p += 3;
    size_t hl = strcspn(p, "/");
    if (!hl || hl >= sizeof s->host) return f5_errf(err, F5_ERR_INVALID_ARG, "storage: s3 endpoint '%s': bad host", ep);
    memcpy(s->host, p, hl);
    s->host[hl] = 0;
    snprintf(s->base_uri, sizeof s->base_uri, "/%s", s->bucket);
    snprintf(s->scheme_host, sizeof s->scheme_host, "%.*s%s", (int)(p - ep), ep, s->host);
    return F5_OK;
}

f5_status f5_store_s3_open(const char *url, f5_store **out, f5_error *err) {
    *out = NULL;
    if (strncmp(url, "s3://", 5) != 0) return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: '%s': expected s3://bucket", url);
    s3_store *s = calloc(1, sizeof *s);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
    s->base.ops = &s3_ops;
    s->retries = 6;
    f5_status st = F5_OK;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", url + 5);
    char *query = strchr(buf, '?');
    if (query) *query++ = 0;
    char *slash = strchr(buf, '/');
    if (slash) *slash++ = 0;
    size_t bl = strlen(buf);
    if (bl < 3 || bl >= sizeof s->bucket || strspn(buf, "abcdefghijklmnopqrstuvwxyz0123456789.-") != bl) {
        st = f5_errf(err, F5_ERR_INVALID_ARG, "storage: s3 bucket '%s': expected 3..63 of [a-z0-9.-]", buf);
        goto fail;
    }
    memcpy(s->bucket, buf, bl + 1);
    if (slash && *slash) {
        size_t pl = strlen(slash);
        while (pl && slash[pl - 1] == '/') slash[--pl] = 0;
        if (pl && (pl + 2 > sizeof s->prefix || !f5_store_key_valid(slash))) {
            st = f5_errf(err, F5_ERR_INVALID_ARG, "storage: s3 prefix '%s': expected [A-Za-z0-9._-] segments", slash);
            goto fail;
        }
        if (pl) snprintf(s->prefix, sizeof s->prefix, "%s/", slash);
    }
    const char *endpoint = env_first("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    const char *region = env_first("AWS_REGION", "AWS_DEFAULT_REGION");
    snprintf(s->creds.region, sizeof s->creds.region, "%s", region ? region : "us-east-1");
    char ep_buf[300] = "";
    char *save = NULL;
    for (char *kv = query ? strtok_r(query, "&", &save) : NULL; kv; kv = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq) {
            st = f5_errf(err, F5_ERR_INVALID_ARG, "storage: s3 URL option '%s': expected name=value", kv);
            goto fail;
        }
        *eq++ = 0;
        char *end;
        long v = strtol(eq, &end, 10);
        if (!strcmp(kv, "endpoint")) snprintf(ep_buf, sizeof ep_buf, "%s", eq), endpoint = ep_buf;
        else if (!strcmp(kv, "region")) snprintf(s->creds.region, sizeof s->creds.region, "%s", eq);
        else if (!strcmp(kv, "presign") && !*end && v >= 0 && v <= 7 * 86400) s->presign_s = v;
        else if (!strcmp(kv, "retries") && !*end && v >= 1 && v <= 20) s->retries = (int)v;
        else {
            st = f5_errf(err, F5_ERR_INVALID_ARG,
                         "storage: s3 URL option '%s=%s' is unknown or out of range (endpoint=URL, region=R, "
                         "presign=0..604800 seconds, retries=1..20)", kv, eq);
            goto fail;
        }
    }
    const char *ak = getenv("AWS_ACCESS_KEY_ID"), *sk = getenv("AWS_SECRET_ACCESS_KEY");
    const char *tok = getenv("AWS_SESSION_TOKEN");
    if (!ak || !*ak || !sk || !*sk) {
        st = f5_errf(err, F5_ERR_INVALID_ARG, "storage: s3 needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set");
        goto fail;
    }
    snprintf(s->creds.access_key, sizeof s->creds.access_key, "%s", ak);
    snprintf(s->creds.secret_key, sizeof s->creds.secret_key, "%s", sk);
    if (tok) snprintf(s->creds.session_token, sizeof s->creds.session_token, "%s", tok);
    if (endpoint) {
        if ((st = set_endpoint(s, endpoint, err))) goto fail;
    } else {
        snprintf(s->host, sizeof s->host, "%s.s3.%s.amazonaws.com", s->bucket, s->creds.region);
        snprintf(s->scheme_host, sizeof s->scheme_host, "https://%s", s->host);
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    *out = &s->base;
    return F5_OK;
fail:
    free(s);
    return st;
}

static void s3_close(f5_store *s) {
    free(s);
}

/* ---- one signed request, with retries */

typedef struct body_buf {
    uint8_t *p;
    size_t n, cap;
    bool failed;
    long long content_length; /* from the response headers, -1 = unknown */
} body_buf;

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *user) {
    body_buf *b = user;
    size_t n = size * nmemb;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->n + n + 1) cap *= 2;
        uint8_t *q = realloc(b->p, cap);
        if (!q) {
            b->failed = true;
            return 0;
        }
        b->p = q, b->cap = cap;
    }
    memcpy(b->p + b->n, ptr, n);
    b->n += n;
    b->p[b->n] = 0;
    return n;
}

static size_t on_read(char *ptr, size_t size, size_t nmemb, void *user) {
    return fread(ptr, 1, size * nmemb, (FILE *)user);
}

static const char EMPTY_SHA[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/* Perform method on key. upload: the body (rewound per attempt) with its
 * hash; resp: the response body (may be NULL); *status: the HTTP status of
 * the last attempt (0 = no response). Retries as described at the top. */
static f5_status request_q(s3_store *s, const char *method, const char *key, const char *query, FILE *upload,
                           uint64_t up_len, const char *up_sha, body_buf *resp, long *status, f5_error *err) {
    char full[400], uri[1200], url[3000];
    snprintf(full, sizeof full, "%s%s", s->prefix, key);
    char enc[1000];
    f5_s3_uri_encode(full, 1, enc, sizeof enc);
    if (*query) snprintf(uri, sizeof uri, "%s/", s->base_uri); /* a bucket operation (list) */
    else snprintf(uri, sizeof uri, "%s/%s", s->base_uri, enc);
    snprintf(url, sizeof url, "%s%s%s%s", s->scheme_host, uri, *query ? "?" : "", query);
    const char *sha = upload ? up_sha : EMPTY_SHA;
    unsigned seed = (unsigned)(f5_now_s() * 1e6) ^ (unsigned)(uintptr_t)&seed;
    double backoff = 0.2;
    f5_status st = F5_OK;
    char why[300] = "";
    *status = 0;
    for (int attempt = 0; attempt < s->retries; attempt++) {
        if (attempt) {
            double wait = backoff * (0.5 + 0.5 * (double)(rand_r(&seed) % 1000) / 1000.0);
            usleep((useconds_t)(wait * 1e6));
            backoff = backoff * 2 > 5 ? 5 : backoff * 2;
        }
        char amzdate[17];
        f5_s3_amzdate(time(NULL), amzdate);
        f5_s3_header hs[4] = {{"host", s->host}, {"x-amz-content-sha256", sha}, {"x-amz-date", amzdate}};
        int nh = 3;
        if (s->creds.session_token[0]) hs[nh++] = (f5_s3_header){"x-amz-security-token", s->creds.session_token};
        char auth[600];
        if ((st = f5_s3_authorization(&s->creds, method, uri, query, hs, nh, sha, amzdate, auth, sizeof auth, err)))
            return st;
        CURL *c = curl_easy_init();
        if (!c) return f5_errf(err, F5_ERR_NOMEM, "storage: s3: cannot start a request");
        struct curl_slist *h = NULL;
        char line[2200];
        for (int i = 0; i < nh; i++) {
            snprintf(line, sizeof line, "%s: %s", hs[i].name, hs[i].value);
            h = curl_slist_append(h, line);
        }
        snprintf(line, sizeof line, "Authorization: %s", auth);
        h = curl_slist_append(h, line);
        h = curl_slist_append(h, "Expect:");
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
        body_buf sink = {0};
        if (resp) {
            free(resp->p);
            *resp = (body_buf){0};
        }
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, resp ? resp : &sink);
        if (!strcmp(method, "HEAD")) curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
        else if (!strcmp(method, "PUT")) {
            rewind(upload);
            curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
            curl_easy_setopt(c, CURLOPT_READDATA, upload);
            curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)up_len);
        } else if (strcmp(method, "GET")) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        CURLcode rc = curl_easy_perform(c);
        long code = 0;
        curl_off_t cl = -1;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
        if (resp) resp->content_length = (long long)cl;
        curl_slist_free_all(h);
        curl_easy_cleanup(c);
        free(sink.p);
        *status = rc == CURLE_OK ? code : 0;
        if (rc == CURLE_OK && code < 500 && code != 429) {
            if (resp && resp->failed) return f5_errf(err, F5_ERR_NOMEM, "storage: s3 %s %s: out of memory", method, key);
            return F5_OK; /* 2xx, or a 4xx for the caller to judge: never retried */
        }
        if (rc != CURLE_OK) snprintf(why, sizeof why, "%s", curl_easy_strerror(rc));
        else snprintf(why, sizeof why, "HTTP %ld", code);
    }
    return f5_errf(err, F5_ERR_IO, "storage: s3 %s %s at %s: %s after %d attempts", method, key, s->scheme_host, why,
                   s->retries);
}

static f5_status request(s3_store *s, const char *method, const char *key, FILE *upload, uint64_t up_len,
                         const char *up_sha, body_buf *resp, long *status, f5_error *err) {
    return request_q(s, method, key, "", upload, up_len, up_sha, resp, status, err);
}

/* A 4xx as an error naming the S3 error code from the XML body. */
static f5_status http_err(const char *method, const char *key, long status, const body_buf *b, f5_error *err) {
    char code[80] = "";
    const char *p = b && b->p ? strstr((const char *)b->p, "<Code>") : NULL;
    if (p) sscanf(p + 6, "%79[^<]", code);
    return f5_errf(err, status == 404 ? F5_ERR_NOT_FOUND : F5_ERR_IO, "storage: s3 %s %s: HTTP %ld%s%s", method, key,
                   status, code[0] ? " " : "", code);
}

static f5_status s3_get(f5_store *sb, const char *key, uint8_t **data, size_t *len, f5_error *err) {
    s3_store *s = (s3_store *)sb;
    body_buf b = {0};
    long status = 0;
    f5_status st = request(s, "GET", key, NULL, 0, NULL, &b, &status, err);
    if (!st && status / 100 != 2) st = http_err("GET", key, status, &b, err);
    if (st) {
        free(b.p);
        return st;
    }
    if (!b.p && !(b.p = calloc(1, 1))) return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
    *data = b.p;
    *len = b.n;
    return F5_OK;
}

static f5_status s3_delete(f5_store *sb, const char *key, f5_error *err) {
    body_buf b = {0};
    long status = 0;
    f5_status st = request((s3_store *)sb, "DELETE", key, NULL, 0, NULL, &b, &status, err);
    if (!st && status / 100 != 2 && status != 404) st = http_err("DELETE", key, status, &b, err);
    free(b.p);
    return st;
}

static f5_status s3_size(f5_store *sb, const char *key, uint64_t *size, f5_error *err) {
    body_buf b = {0};
    long status = 0;
    f5_status st = request((s3_store *)sb, "HEAD", key, NULL, 0, NULL, &b, &status, err);
    free(b.p);
    if (st) return st;
    if (status / 100 != 2) return http_err("HEAD", key, status, NULL, err);
    if (b.content_length < 0) return f5_errf(err, F5_ERR_IO, "storage: s3 HEAD %s: no Content-Length", key);
    *size = (uint64_t)b.content_length;
    return F5_OK;
}

static f5_status s3_presign(f5_store *sb, const char *key, char *buf, size_t n, f5_error *err) {
    s3_store *s = (s3_store *)sb;
    if (!s->presign_s) return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: presigned URLs are off (presign=0)");
    char full[400], enc[1000], uri[1200], amzdate[17];
    snprintf(full, sizeof full, "%s%s", s->prefix, key);
    f5_s3_uri_encode(full, 1, enc, sizeof enc);
    snprintf(uri, sizeof uri, "%s/%s", s->base_uri, enc);
    f5_s3_amzdate(time(NULL), amzdate);
    return f5_s3_presign_get(&s->creds, s->scheme_host, s->host, uri, amzdate, s->presign_s, buf, n, err);
}

/* ---- streaming writer */

static f5_status s3_begin(f5_store *sb, const char *key, f5_store_writer **out, f5_error *err) {
    s3_writer *w = calloc(1, sizeof *w);
    if (!w) return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
    w->base.s = sb;
    snprintf(w->key, sizeof w->key, "%s", key);
    w->f = tmpfile();
    w->md = EVP_MD_CTX_new();
    if (!w->f || !w->md || EVP_DigestInit_ex(w->md, EVP_sha256(), NULL) != 1) {
        if (w->f) fclose(w->f);
        EVP_MD_CTX_free(w->md);
        free(w);
        return f5_errf(err, F5_ERR_IO, "storage: s3 %s: cannot create the upload buffer file", key);
    }
    *out = &w->base;
    return F5_OK;
}

static f5_status s3_write(f5_store_writer *wb, const void *data, size_t len, f5_error *err) {
    s3_writer *w = (s3_writer *)wb;
    if (len && (fwrite(data, 1, len, w->f) != len || EVP_DigestUpdate(w->md, data, len) != 1))
        return f5_errf(err, F5_ERR_IO, "storage: s3 %s: writing the upload buffer failed", w->key);
    w->len += len;
    return F5_OK;
}

static void s3_abort(f5_store_writer *wb) {
    s3_writer *w = (s3_writer *)wb;
    fclose(w->f);
    EVP_MD_CTX_free(w->md);
    free(w);
}

static f5_status s3_commit(f5_store_writer *wb, f5_error *err) {
    s3_writer *w = (s3_writer *)wb;
    unsigned char md[32];
    unsigned int n = 0;
    f5_status st = F5_OK;
    if (fflush(w->f) != 0 || EVP_DigestFinal_ex(w->md, md, &n) != 1) {
        st = f5_errf(err, F5_ERR_IO, "storage: s3 %s: finishing the upload buffer failed", w->key);
        goto out;
    }
    char sha[65];
    static const char d[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) sha[2 * i] = d[md[i] >> 4], sha[2 * i + 1] = d[md[i] & 15];
    sha[64] = 0;
    body_buf b = {0};
    long status = 0;
    st = request((s3_store *)w->base.s, "PUT", w->key, w->f, w->len, sha, &b, &status, err);
    if (!st && status / 100 != 2) st = http_err("PUT", w->key, status, &b, err);
    free(b.p);
out:
    s3_abort(wb);
    return st;
}

/* ListObjectsV2 with prefix "<prefix>dir/" and delimiter "/": the <Key>s
 * of one level, following continuation tokens. Keys are plain
 * [A-Za-z0-9._-/] (f5_store_key_valid), so no XML entity appears in them. */
static f5_status s3_list(f5_store *sb, const char *dir, char ***names, size_t *n, f5_error *err) {
    s3_store *s = (s3_store *)sb;
    char pfx[400], epfx[1200], token[1024] = "", etoken[3100], query[4500];
    snprintf(pfx, sizeof pfx, "%s%s/", s->prefix, dir);
    f5_s3_uri_encode(pfx, 0, epfx, sizeof epfx);
    size_t plen = strlen(pfx), k = 0, cap = 0;
    char **v = NULL;
    f5_status st = F5_OK;
    for (int page = 0; page < 10000; page++) {
        f5_s3_uri_encode(token, 0, etoken, sizeof etoken);
        /* canonical order: parameter names sorted */
        if (token[0])
            snprintf(query, sizeof query, "continuation-token=%s&delimiter=%%2F&list-type=2&prefix=%s", etoken, epfx);
        else snprintf(query, sizeof query, "delimiter=%%2F&list-type=2&prefix=%s", epfx);
        body_buf b = {0};
        long status = 0;
        st = request_q(s, "GET", "", query, NULL, 0, NULL, &b, &status, err);
        if (!st && status / 100 != 2) st = http_err("LIST", dir, status, &b, err);
        if (st) {
            free(b.p);
            goto fail;
        }
        const char *p = b.p ? (const char *)b.p : "";
        for (const char *q = strstr(p, "<Key>"); q; q = strstr(q, "<Key>")) {
            q += 5;
            const char *e = strstr(q, "</Key>");
            if (!e) break;
            size_t l = (size_t)(e - q);
            if (l > plen && !strncmp(q, pfx, plen) && !memchr(q + plen, '/', l - plen)) {
                if (k == cap) {
                    size_t nc = cap ? cap * 2 : 16;
                    char **nv = realloc(v, nc * sizeof *nv);
                    if (!nv) {
                        free(b.p);
                        goto oom;
                    }
                    v = nv, cap = nc;
                }
                if (!(v[k] = strndup(q + plen, l - plen))) {
                    free(b.p);
                    goto oom;
                }
                k++;
            }
            q = e;
        }
        bool more = strstr(p, "<IsTruncated>true</IsTruncated>") != NULL;
        const char *t = strstr(p, "<NextContinuationToken>");
        token[0] = 0;
        if (more && t) sscanf(t + 23, "%1023[^<]", token);
        free(b.p);
        if (!more || !token[0]) break;
    }
    *names = v;
    *n = k;
    return F5_OK;
oom:
    st = f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
fail:
    for (size_t i = 0; i < k; i++) free(v[i]);
    free(v);
    return st;
}

static const f5_store_ops s3_ops = {
    .close = s3_close, .get = s3_get, .del = s3_delete, .size = s3_size, .presign = s3_presign,
    .begin = s3_begin, .write = s3_write, .commit = s3_commit, .abort = s3_abort, .list = s3_list,
};
