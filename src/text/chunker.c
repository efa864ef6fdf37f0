/* chunker.c - upstream chunk_text: split the text to speak into sentence
 * pieces (after [;:,.!?] + whitespace, or right after a full-width
 * ；：，。！？) and greedily pack them into chunks of at most max_chars UTF-8
 * bytes. Splits happen only at punctuation followed by whitespace, so a
 * normalised number or a word is never cut.
 */
#include "text/text.h"

#include "core/error.h"
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>

static bool chunk_ascii_punct(uint32_t c) {
    return c == ';' || c == ':' || c == ',' || c == '.' || c == '!' || c == '?';
}
static bool chunk_wide_punct(uint32_t c) {
    return c == 0xFF1B || c == 0xFF1A || c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/* Python str.strip() (Unicode whitespace) of s[0..n) -> [*b, *e). */
static void chunk_strip(const char *s, size_t n, size_t *b, size_t *e) {
    size_t i = 0, j = n;
    uint32_t cp;
    while (i < j) {
        int k = f5_tx_utf8_decode((const unsigned char *)s + i, j - i, &cp);
        if (!k || !f5_tx_py_isspace(cp)) break;
        i += (size_t)k;
    }
    while (j > i) {
        int k = f5_tx_utf8_last_len(s + i, j - i);
        if (!f5_tx_utf8_decode((const unsigned char *)s + j - (size_t)k, (size_t)k, &cp) || !f5_tx_py_isspace(cp))
            break;
        j -= (size_t)k;
    }
    *b = i;
    *e = j;
}

static void chunk_flush(f5_tx_strv *out, const f5_tx_buf *cur) {
    size_t b, e;
    chunk_strip(cur->p ? cur->p : "", cur->n, &b, &e);
    f5_tx_strv_push(out, cur->p + b, e - b);
}

/* current = piece + " " if the piece's last character is one byte, else piece */
static void chunk_add(f5_tx_buf *cur, const char *p, size_t n) {
    f5_tx_put(cur, p, n);
    if (n && f5_tx_utf8_last_len(p, n) == 1) f5_tx_putc(cur, ' ');
}

/* One sentence piece: text[b, e). */
typedef struct chunk_piece {
    size_t b, e;
} chunk_piece;

/* Python re.split(r"(?<=[;:,.!?])\s+|(?<=[；：，。！？])", text): pieces in
 * order; a wide punctuation at the very end yields a final empty piece. */
static chunk_piece *chunk_split(const char *text, size_t len, int *np) {
    int cap = 16, n = 0;
    chunk_piece *v = malloc((size_t)cap * sizeof *v);
    if (!v) return NULL;
    size_t last = 0, i = 0;
    uint32_t prev = 0; /* character before i (0 at the start) */
    for (;;) {
        uint32_t cp = 0;
        int k = i < len ? f5_tx_utf8_decode((const unsigned char *)text + i, len - i, &cp) : 0;
        size_t cut_b = 0, cut_e = 0;
        bool cut = false;
        if (i > 0 && k && chunk_ascii_punct(prev) && f5_tx_py_isspace(cp)) {
            size_t j = i;
            uint32_t c2 = cp;
            int k2 = k;
            while (k2 && f5_tx_py_isspace(c2)) {
                j += (size_t)k2;
                prev = c2;
                k2 = j < len ? f5_tx_utf8_decode((const unsigned char *)text + j, len - j, &c2) : 0;
            }
            cut = true, cut_b = i, cut_e = j;
        } else if (i > 0 && chunk_wide_punct(prev)) {
            cut = true, cut_b = cut_e = i;
        }
        if (cut) {
            if (n == cap) {
                cap *= 2;
                chunk_piece *nv = realloc(v, (size_t)cap * sizeof *v);
                if (!nv) {
                    free(v);
                    return NULL;
                }
                v = nv;
            }
            v[n++] = (chunk_piece){last, cut_b};
            last = cut_e;
            if (cut_e != i) { /* resume after the whitespace */
                i = cut_e;
                continue;
            }
        }
        if (i >= len) break;
        prev = cp;
        i += (size_t)k;
    }
    if (n == cap) {
        chunk_piece *nv = realloc(v, (size_t)(cap + 1) * sizeof *v);
        if (!nv) {
            free(v);
            return NULL;
        }
        v = nv;
    }
    v[n++] = (chunk_piece){last, len};
    *np = n;
    return v;
}

f5_status f5_chunk_text(const char *text, int max_chars, char ***chunks, int *n, f5_error *err) {
    *chunks = NULL;
    *n = 0;
    size_t len = strlen(text);
    size_t bad = f5_tx_utf8_invalid_at(text, len);
    if (bad != (size_t)-1) return f5_errf(err, F5_ERR_INVALID_TEXT, "chunk_text: invalid UTF-8 at byte %zu", bad);
    int np = 0;
    chunk_piece *pc = chunk_split(text, len, &np);
    if (!pc) return f5_errf(err, F5_ERR_NOMEM, "chunk_text: out of memory");
    f5_tx_strv out = {0};
    f5_tx_buf cur;
    f5_tx_buf_init(&cur, 0);
    long long maxc = max_chars;
    for (int k = 0; k < np; k++) {
        const char *p = text + pc[k].b;
        size_t pn = pc[k].e - pc[k].b;
        if ((long long)(cur.n + pn) > maxc) {
            if (cur.n) chunk_flush(&out, &cur);
            cur.n = 0;
        }
        chunk_add(&cur, p, pn);
    }
    if (cur.n) chunk_flush(&out, &cur);
    free(pc);
    bool failed = cur.failed || out.failed;
    f5_tx_buf_free(&cur);
    if (failed) {
        f5_strv_free(out.v, out.n);
        return f5_errf(err, F5_ERR_NOMEM, "chunk_text: out of memory");
    }
    *chunks = out.v;
    *n = out.n;
    return F5_OK;
}
