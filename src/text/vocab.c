/* vocab.c - the token vocabulary (vocab.txt): one token per line, id = line
 * index, looked up through an open-addressing hash table. Reproduces
 * upstream's reading (universal newlines, `line[:-1]`, last duplicate wins).
 * Immutable after load: any number of threads may look up concurrently.
 */
#include "text/text.h"

#include "core/error.h"
#include "text/text_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct f5_vocab {
    int n;          /* number of tokens */
    char **tok;     /* [n] NUL-terminated token texts */
    size_t *len;    /* [n] byte lengths */
    int32_t *slots; /* [nslots] token id + 1, 0 = empty */
    size_t nslots;  /* power of two */
};

static uint64_t vocab_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

static size_t vocab_find_slot(const f5_vocab *v, const char *s, size_t n) {
    size_t m = v->nslots - 1, i = (size_t)vocab_hash(s, n) & m;
    for (;;) {
        int32_t e = v->slots[i];
        if (!e) return i;
        if (v->len[e - 1] == n && memcmp(v->tok[e - 1], s, n) == 0) return i;
        i = (i + 1) & m;
    }
}

void f5_vocab_free(f5_vocab *v) {
    if (!v) return;
    for (int i = 0; i < v->n; i++) free(v->tok[i]);
    free(v->tok);
    free(v->len);
    free(v->slots);
    free(v);
}

f5_status f5_vocab_parse(const char *data, size_t len, const char *name, f5_vocab **out, f5_error *err) {
    *out = NULL;
    if (!name) name = "vocab";
    size_t bad = f5_tx_utf8_invalid_at(data, len);
    if (bad != (size_t)-1) return f5_errf(err, F5_ERR_FORMAT, "%s: invalid UTF-8 at byte %zu", name, bad);
    size_t j = 0;
    while (j < len && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n')) j++;
    if (j < len && data[j] == '{' && (len < 1 || data[0] != ' '))
        return f5_errf(err, F5_ERR_FORMAT,
                       "%s: looks like a JSON object, expected a vocab with one token per line (line 0 = \" \")", name);
    f5_vocab *v = calloc(1, sizeof *v);
    if (!v) return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", name);
    int cap = 0;
    size_t i = 0;
    while (i < len) {
        size_t s = i;
        while (i < len && data[i] != '\n' && data[i] != '\r') i++;
        size_t e = i; /* line text without its ending */
        bool ended = i < len;
        if (ended) i += (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') ? 2 : 1;
        else if (e > s) e -= (size_t)f5_tx_utf8_last_len(data + s, e - s); /* Python line[:-1] */
        if (v->n == cap) {
            cap = cap ? cap * 2 : 4096;
            char **t = realloc(v->tok, (size_t)cap * sizeof *t);
            size_t *l = t ? realloc(v->len, (size_t)cap * sizeof *l) : NULL;
            if (t) v->tok = t;
            if (!t || !l) goto oom;
            v->len = l;
        }
        char *c = malloc(e - s + 1);
        if (!c) goto oom;
        memcpy(c, data + s, e - s);
        c[e - s] = 0;
        v->tok[v->n] = c;
        v->len[v->n] = e - s;
        v->n++;
    }
    if (v->n == 0) {
        f5_vocab_free(v);
        return f5_errf(err, F5_ERR_FORMAT, "%s: empty vocab", name);
    }
    v->nslots = 64;
    while (v->nslots < (size_t)v->n * 2) v->nslots *= 2;
    v->slots = calloc(v->nslots, sizeof *v->slots);
    if (!v->slots) goto oom;
    for (int k = 0; k < v->n; k++) v->slots[vocab_find_slot(v, v->tok[k], v->len[k])] = k + 1; /* last wins */
    *out = v;
    return F5_OK;
oom:
    f5_vocab_free(v);
    return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory reading the vocab", name);
}

f5_status f5_vocab_load(const char *path, f5_vocab **out, f5_error *err) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return f5_errf(err, F5_ERR_NOT_FOUND, "%s: cannot open vocab: %s", path, strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > ((size_t)64 << 20)) {
                fclose(f);
                free(buf);
                return f5_errf(err, F5_ERR_FORMAT, "%s: vocab larger than 64 MiB", path);
            }
            char *p = realloc(buf, cap);
            if (!p) {
                fclose(f);
                free(buf);
                return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
            }
            buf = p;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0) break;
    }
    bool rd_err = ferror(f);
    fclose(f);
    if (rd_err) {
        free(buf);
        return f5_errf(err, F5_ERR_IO, "%s: read error", path);
    }
    f5_status st = f5_vocab_parse(buf ? buf : "", n, path, out, err);
    free(buf);
    return st;
}

int f5_vocab_size(const f5_vocab *v) { return v ? v->n : 0; }

int32_t f5_vocab_lookup(const f5_vocab *v, const char *tok, size_t len) {
    int32_t e = v->slots[vocab_find_slot(v, tok, len)];
    return e ? e - 1 : 0;
}

const char *f5_vocab_token(const f5_vocab *v, int32_t id) {
    return (v && id >= 0 && id < v->n) ? v->tok[id] : NULL;
}
