/* multipart.c - streaming multipart/form-data parser (see multipart.h).
 *
 * The stream is treated as if it began with CRLF so that the first
 * boundary line matches the same delimiter "\r\n--BOUNDARY" as every later
 * one. Body bytes are emitted as soon as they cannot be the start of a
 * delimiter, so at most delimiter-length - 1 bytes are held back.
 */
#include "service/http/multipart.h"

#include "core/error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MP_MAX_HEADER 16384
#define MP_MAX_PARTS 256
#define MP_MAX_PADDING 64

typedef enum { MP_PREAMBLE, MP_AFTER_DELIM, MP_HEADERS, MP_BODY, MP_DONE } mp_state;

struct f5_multipart {
    f5_mp_callbacks cb;
    void *user;
    char delim[80]; /* "\r\n--" + boundary */
    size_t dlen;
    mp_state state;
    char *buf;
    size_t len, cap;
    int parts;
    int padding;
    bool in_part;
};

static bool is_token_end(char c) {
    return c == ';' || c == 0;
}

f5_status f5_mp_boundary(const char *ct, char *out, size_t n, f5_error *err) {
    if (!ct) return f5_errf(err, F5_ERR_UNSUPPORTED_FORMAT, "Content-Type is missing; expected multipart/form-data");
    while (*ct == ' ' || *ct == '\t') ct++;
    static const char mt[] = "multipart/form-data";
    size_t ml = sizeof mt - 1;
    if (strncasecmp(ct, mt, ml) != 0 || !(ct[ml] == ';' || ct[ml] == ' ' || ct[ml] == 0))
        return f5_errf(err, F5_ERR_UNSUPPORTED_FORMAT, "Content-Type '%.100s' is not multipart/form-data", ct);
    const char *p = ct + ml;
    while (*p) {
        while (*p == ';' || *p == ' ' || *p == '\t') p++;
        const char *key = p;
        while (*p && *p != '=' && *p != ';') p++;
        size_t kl = (size_t)(p - key);
        while (kl && (key[kl - 1] == ' ' || key[kl - 1] == '\t')) kl--;
        if (*p != '=') continue;
        p++;
        while (*p == ' ' || *p == '\t') p++;
        char val[128];
        size_t vl = 0;
        if (*p == '"') {
            p++;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1]) p++;
                if (vl + 1 < sizeof val) val[vl] = *p;
                vl++;
                p++;
            }
            if (*p == '"') p++;
        } else {
            while (!is_token_end(*p) && *p != ' ' && *p != '\t') {
                if (vl + 1 < sizeof val) val[vl] = *p;
                vl++;
                p++;
            }
        }
        if (kl == 8 && !strncasecmp(key, "boundary", 8)) {
            if (vl < 1 || vl > 70) return f5_errf(err, F5_ERR_INVALID_ARG, "multipart boundary must be 1..70 characters");
            if (vl + 1 > n) return f5_errf(err, F5_ERR_INVALID_ARG, "multipart boundary too long");
            val[vl] = 0;
            for (size_t i = 0; i < vl; i++)
                if ((unsigned char)val[i] < 0x20 || (unsigned char)val[i] > 0x7e)
                    return f5_errf(err, F5_ERR_INVALID_ARG, "multipart boundary has a non-printable character");
            memcpy(out, val, vl + 1);
            return F5_OK;
        }
    }
    return f5_errf(err, F5_ERR_INVALID_ARG, "multipart/form-data Content-Type without a boundary parameter");
}

f5_status f5_mp_new(const char *boundary, const f5_mp_callbacks *cb, void *user, f5_multipart **out, f5_error *err) {
    *out = NULL;
    size_t bl = boundary ? strlen(boundary) : 0;
    if (bl < 1 || bl > 70) return f5_errf(err, F5_ERR_INVALID_ARG, "multipart boundary must be 1..70 characters");
    f5_multipart *mp = calloc(1, sizeof *mp);
    if (!mp) return f5_errf(err, F5_ERR_NOMEM, "multipart: out of memory");
    mp->cb = *cb;
    mp->user = user;
    mp->dlen = (size_t)snprintf(mp->delim, sizeof mp->delim, "\r\n--%s", boundary);
    mp->cap = 4096;
    mp->buf = malloc(mp->cap);
    if (!mp->buf) {
        free(mp);
        return f5_errf(err, F5_ERR_NOMEM, "multipart: out of memory");
    }
    memcpy(mp->buf, "\r\n", 2);
    mp->len = 2;
    *out = mp;
    return F5_OK;
}

void f5_mp_free(f5_multipart *mp) {
    if (!mp) return;
    free(mp->buf);
    free(mp);
}

static void consume(f5_multipart *mp, size_t n) {
    memmove(mp->buf, mp->buf + n, mp->len - n);
    mp->len -= n;
}

static const char *find(const char *hay, size_t hl, const char *needle, size_t nl) {
    if (nl == 0 || hl < nl) return NULL;
    return memmem(hay, hl, needle, nl);
}

/* Copy a Content-Disposition parameter value (quoted or token) starting at
 * *pp into a malloc'd string; advances *pp. */
static char *param_value(const char **pp, const char *end) {
    const char *p = *pp;
    size_t cap = (size_t)(end - p) + 1, vl = 0;
    char *v = malloc(cap);
    if (!v) return NULL;
    if (p < end && *p == '"') {
        p++;
        while (p < end && *p != '"') {
            if (*p == '\\' && p + 1 < end) p++;
            v[vl++] = *p++;
        }
        if (p < end) p++;
    } else {
        while (p < end && *p != ';') v[vl++] = *p++;
        while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t')) vl--;
    }
    v[vl] = 0;
    *pp = p;
    return v;
}

static f5_status parse_headers(f5_multipart *mp, const char *h, size_t hl, f5_error *err) {
    char *name = NULL, *filename = NULL, *ctype = NULL;
    bool disposition = false;
    f5_status st = F5_OK;
    const char *p = h, *end = h + hl;
    while (p < end) {
        const char *eol = find(p, (size_t)(end - p), "\r\n", 2);
        if (!eol) eol = end;
        const char *colon = memchr(p, ':', (size_t)(eol - p));
        if (!colon) {
            st = f5_errf(err, F5_ERR_FORMAT, "multipart: part header line without ':'");
            goto out;
        }
        size_t kl = (size_t)(colon - p);
        const char *v = colon + 1;
        while (v < eol && (*v == ' ' || *v == '\t')) v++;
        if (kl == 19 && !strncasecmp(p, "Content-Disposition", 19)) {
            if (disposition) {
                st = f5_errf(err, F5_ERR_FORMAT, "multipart: duplicate Content-Disposition");
                goto out;
            }
            disposition = true;
            if ((size_t)(eol - v) < 9 || strncasecmp(v, "form-data", 9) != 0) {
                st = f5_errf(err, F5_ERR_FORMAT, "multipart: Content-Disposition is not form-data");
                goto out;
            }
            const char *q = v + 9;
            while (q < eol) {
                while (q < eol && (*q == ';' || *q == ' ' || *q == '\t')) q++;
                const char *k = q;
                while (q < eol && *q != '=' && *q != ';') q++;
                size_t kn = (size_t)(q - k);
                while (kn && (k[kn - 1] == ' ' || k[kn - 1] == '\t')) kn--;
                if (q >= eol || *q != '=') continue;
                q++;
                while (q < eol && (*q == ' ' || *q == '\t')) q++;
                char *val = param_value(&q, eol);
                if (!val) {
                    st = f5_errf(err, F5_ERR_NOMEM, "multipart: out of memory");
                    goto out;
                }
                if (kn == 4 && !strncasecmp(k, "name", 4) && !name) name = val;
                else if (kn == 8 && !strncasecmp(k, "filename", 8) && !filename) filename = val;
                else free(val);
            }
        } else if (kl == 12 && !strncasecmp(p, "Content-Type", 12)) {
            free(ctype);
            ctype = strndup(v, (size_t)(eol - v));
            if (!ctype) {
                st = f5_errf(err, F5_ERR_NOMEM, "multipart: out of memory");
                goto out;
            }
        }
        p = eol + 2;
    }
    if (!name || !*name) {
        st = f5_errf(err, F5_ERR_FORMAT, "multipart: part without a form-data name");
        goto out;
    }
    if (strlen(name) > 255) {
        st = f5_errf(err, F5_ERR_FORMAT, "multipart: field name longer than 255 bytes");
        goto out;
    }
    f5_mp_part part = {.name = name, .filename = filename, .content_type = ctype};
    mp->in_part = true;
    if (mp->cb.part_begin) st = mp->cb.part_begin(mp->user, &part, err);
out:
    free(name);
    free(filename);
    free(ctype);
    return st;
}

static f5_status emit(f5_multipart *mp, size_t n, f5_error *err) {
    f5_status st = F5_OK;
    if (n && mp->cb.part_data) st = mp->cb.part_data(mp->user, mp->buf, n, err);
    consume(mp, n);
    return st;
}

static f5_status process(f5_multipart *mp, f5_error *err) {
    for (;;) {
        switch (mp->state) {
        case MP_PREAMBLE: {
            const char *d = find(mp->buf, mp->len, mp->delim, mp->dlen);
            if (d) {
                consume(mp, (size_t)(d - mp->buf) + mp->dlen);
                mp->state = MP_AFTER_DELIM;
                mp->padding = 0;
                continue;
            }
            if (mp->len >= mp->dlen) consume(mp, mp->len - (mp->dlen - 1));
            return F5_OK;
        }
        case MP_AFTER_DELIM:
            if (mp->len >= 1 && (mp->buf[0] == ' ' || mp->buf[0] == '\t')) {
                if (++mp->padding > MP_MAX_PADDING) return f5_errf(err, F5_ERR_FORMAT, "multipart: too much padding after a boundary");
                consume(mp, 1);
                continue;
            }
            if (mp->len < 2) return F5_OK;
            if (mp->buf[0] == '-' && mp->buf[1] == '-') {
                mp->state = MP_DONE;
                continue;
            }
            if (mp->buf[0] == '\r' && mp->buf[1] == '\n') {
                if (++mp->parts > MP_MAX_PARTS) return f5_errf(err, F5_ERR_FORMAT, "multipart: more than %d parts", MP_MAX_PARTS);
                consume(mp, 2);
                mp->state = MP_HEADERS;
                continue;
            }
            return f5_errf(err, F5_ERR_FORMAT, "multipart: unexpected bytes after a boundary");
        case MP_HEADERS: {
            if (mp->len >= 2 && mp->buf[0] == '\r' && mp->buf[1] == '\n')
                return f5_errf(err, F5_ERR_FORMAT, "multipart: part without headers");
            const char *e = find(mp->buf, mp->len, "\r\n\r\n", 4);
            if (!e) {
                if (mp->len > MP_MAX_HEADER) return f5_errf(err, F5_ERR_FORMAT, "multipart: part headers longer than %d bytes", MP_MAX_HEADER);
                return F5_OK;
            }
            size_t hl = (size_t)(e - mp->buf);
            if (hl > MP_MAX_HEADER) return f5_errf(err, F5_ERR_FORMAT, "multipart: part headers longer than %d bytes", MP_MAX_HEADER);
            f5_status st = parse_headers(mp, mp->buf, hl, err);
            if (st) return st;
            consume(mp, hl + 4);
            mp->state = MP_BODY;
            continue;
        }
        case MP_BODY: {
            const char *d = find(mp->buf, mp->len, mp->delim, mp->dlen);
            if (d) {
                f5_status st = emit(mp, (size_t)(d - mp->buf), err);
                if (st) return st;
                consume(mp, mp->dlen);
                mp->in_part = false;
                if (mp->cb.part_end && (st = mp->cb.part_end(mp->user, err))) return st;
                mp->state = MP_AFTER_DELIM;
                mp->padding = 0;
                continue;
            }
            if (mp->len >= mp->dlen) return emit(mp, mp->len - (mp->dlen - 1), err);
            return F5_OK;
        }
        case MP_DONE:
            mp->len = 0;
            return F5_OK;
        }
    }
}

f5_status f5_mp_feed(f5_multipart *mp, const char *data, size_t n, f5_error *err) {
    if (mp->state == MP_DONE) return F5_OK; /* epilogue is ignored */
    if (mp->len + n > mp->cap) {
        size_t cap = mp->cap;
        while (cap < mp->len + n) cap *= 2;
        char *b = realloc(mp->buf, cap);
        if (!b) return f5_errf(err, F5_ERR_NOMEM, "multipart: out of memory");
        mp->buf = b;
        mp->cap = cap;
    }
    memcpy(mp->buf + mp->len, data, n);
    mp->len += n;
    return process(mp, err);
}

f5_status f5_mp_finish(f5_multipart *mp, f5_error *err) {
    if (mp->state != MP_DONE)
        return f5_errf(err, F5_ERR_FORMAT, "multipart: body ended before the closing boundary%s",
                       mp->state == MP_PREAMBLE ? " (no boundary found at all)" : "");
    return F5_OK;
}
