/* utf8.c - the text module's low-level helpers: strict UTF-8 decoding and
 * encoding, Python's whitespace class, and the capped string buffer /
 * string-array builders used by the tokenizer, chunker and normaliser.
 */
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>

int f5_tx_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp) {
    if (len == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) n = 2, v = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 3, v = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 4, v = c & 0x07, min = 0x10000;
    else return 0;
    if ((size_t)n > len) return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

int f5_tx_utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t f5_tx_utf8_invalid_at(const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = f5_tx_utf8_decode(u + i, len - i, &cp);
        if (!k) return i;
        i += (size_t)k;
    }
    return (size_t)-1;
}

int f5_tx_utf8_last_len(const char *s, size_t len) {
    int k = 1;
    while ((size_t)k < len && k < 4 && ((unsigned char)s[len - (size_t)k] & 0xC0) == 0x80) k++;
    return k;
}

bool f5_tx_py_isspace(uint32_t cp) {
    if (cp >= 0x09 && cp <= 0x0D) return true;
    if (cp >= 0x1C && cp <= 0x20) return true;
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

void f5_tx_buf_init(f5_tx_buf *b, size_t limit) {
    memset(b, 0, sizeof *b);
    b->limit = limit;
}

bool f5_tx_put(f5_tx_buf *b, const char *s, size_t n) {
    if (b->failed) return false;
    if (b->limit && b->n + n > b->limit) {
        b->failed = b->over_limit = true;
        return false;
    }
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return false;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n) memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return true;
}

bool f5_tx_puts(f5_tx_buf *b, const char *s) { return f5_tx_put(b, s, strlen(s)); }
bool f5_tx_putc(f5_tx_buf *b, char c) { return f5_tx_put(b, &c, 1); }
bool f5_tx_put_cp(f5_tx_buf *b, uint32_t cp) {
    char tmp[4];
    int k = f5_tx_utf8_encode(cp, tmp);
    return f5_tx_put(b, tmp, (size_t)k);
}

char *f5_tx_take(f5_tx_buf *b) {
    if (b->failed) return NULL;
    if (!b->p && !f5_tx_put(b, "", 0)) return NULL;
    char *p = b->p;
    b->p = NULL;
    b->n = b->cap = 0;
    return p;
}

void f5_tx_buf_free(f5_tx_buf *b) {
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

bool f5_tx_strv_push(f5_tx_strv *a, const char *s, size_t n) {
    if (a->failed) return false;
    if (a->n == a->cap) {
        int cap = a->cap ? a->cap * 2 : 16;
        char **v = realloc(a->v, (size_t)cap * sizeof *v);
        if (!v) {
            a->failed = true;
            return false;
        }
        a->v = v;
        a->cap = cap;
    }
    char *c = malloc(n + 1);
    if (!c) {
        a->failed = true;
        return false;
    }
    memcpy(c, s, n);
    c[n] = 0;
    a->v[a->n++] = c;
    return true;
}
