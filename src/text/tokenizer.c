/* tokenizer.c - text -> tokens -> vocab ids, reproducing upstream F5-TTS
 * `convert_char_to_pinyin` + `list_str_to_idx` for text without Chinese:
 * the translation table (; -> ,  curly quotes -> straight), the rjieba
 * (jieba-rs) segmentation of ASCII runs, the space token inserted before a
 * multi-character pure-ASCII segment, one token per character. The
 * segmentation rules are restated in ../shared/golden/README.md
 * ("text/text_cases.json"); this file re-implements them from that text.
 */
#include "text/text.h"

#include "core/error.h"
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

f5_tok_opts f5_tok_default_opts(void) { return (f5_tok_opts){.jieba_split = true, .lowercase = false}; }

void f5_strv_free(char **v, int n) {
    if (!v) return;
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
}

/* Characters that jieba-rs groups into one "han" block with ASCII. */
static bool tok_is_run_char(uint32_t c) {
    return (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
                         c == '#' || c == '&' || c == '.' || c == '_' || c == '%' || c == '-'));
}
static bool tok_is_alnum(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
static bool tok_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
/* upstream's is_chinese(): U+3100..U+9FFF */
static bool tok_is_cjk(uint32_t c) { return c >= 0x3100 && c <= 0x9FFF; }

typedef struct tok_state {
    f5_tx_strv out;
} tok_state;

static bool tok_push_cp(tok_state *st, uint32_t cp) {
    char b[4];
    int k = f5_tx_utf8_encode(cp, b);
    return f5_tx_strv_push(&st->out, b, (size_t)k);
}

/* One jieba segment: cps[0..n). */
static void tok_segment(tok_state *st, const uint32_t *cps, int n) {
    bool ascii = true;
    for (int i = 0; i < n; i++)
        if (cps[i] >= 0x80) ascii = false;
    if (ascii && n > 1 && st->out.n > 0) {
        const char *last = st->out.v[st->out.n - 1];
        bool exempt = last[0] && !last[1] && (last[0] == ' ' || last[0] == ':' || last[0] == '\'' || last[0] == '"');
        if (!exempt) f5_tx_strv_push(&st->out, " ", 1);
    }
    for (int i = 0; i < n; i++) {
        if (tok_is_cjk(cps[i])) f5_tx_strv_push(&st->out, " ", 1); /* pinyin is not reproduced */
        tok_push_cp(st, cps[i]);
    }
}

/* Regex `[a-zA-Z0-9]+(?:.\d+)?%?` over a piece of a run: matches and gaps are segments. */
static void tok_regex_split(tok_state *st, const uint32_t *c, int n) {
    int i = 0, gap = 0;
    while (i < n) {
        if (!tok_is_alnum(c[i])) {
            i++;
            continue;
        }
        int s = i;
        while (i < n && tok_is_alnum(c[i])) i++;
        if (i + 1 < n && c[i] != '\n' && tok_is_digit(c[i + 1])) {
            i += 1;
            while (i < n && tok_is_digit(c[i])) i++;
        }
        if (i < n && c[i] == '%') i++;
        if (s > gap) tok_segment(st, c + gap, s - gap);
        tok_segment(st, c + s, i - s);
        gap = i;
    }
    if (n > gap) tok_segment(st, c + gap, n - gap);
}

static const char *const tok_dict_words[] = {"AT&T", "C++", "c++", "C#", "c#"};

/* A run of [A-Za-z0-9+#&._%-]: dictionary words cut out, the rest regex-split. */
static void tok_run(tok_state *st, const uint32_t *c, int n) {
    int piece = 0, i = 0;
    while (i < n) {
        int wl = 0;
        for (size_t w = 0; w < sizeof tok_dict_words / sizeof *tok_dict_words; w++) {
            const char *d = tok_dict_words[w];
            int l = (int)strlen(d);
            if (l <= n - i && l > wl) {
                int k = 0;
                while (k < l && c[i + k] == (unsigned char)d[k]) k++;
                if (k == l) wl = l;
            }
        }
        if (!wl) {
            i++;
            continue;
        }
        if (i > piece) tok_regex_split(st, c + piece, i - piece);
        tok_segment(st, c + i, wl);
        i += wl;
        piece = i;
    }
    if (n > piece) tok_regex_split(st, c + piece, n - piece);
}

f5_status f5_text_to_tokens(const char *text, const f5_tok_opts *o, char ***toks, int *n, f5_error *err) {
    *toks = NULL;
    *n = 0;
    f5_tok_opts opts = o ? *o : f5_tok_default_opts();
    size_t len = strlen(text);
    size_t bad = f5_tx_utf8_invalid_at(text, len);
    if (bad != (size_t)-1) return f5_errf(err, F5_ERR_INVALID_TEXT, "tokenizer: invalid UTF-8 at byte %zu", bad);
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    if (!cps) return f5_errf(err, F5_ERR_NOMEM, "tokenizer: out of memory (%zu bytes of text)", len);
    int m = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)text + i, len - i, &cp);
        i += (size_t)k;
        if (opts.lowercase) cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        switch (cp) { /* upstream's str.maketrans table */
        case ';': cp = ','; break;
        case 0x201C: case 0x201D: cp = '"'; break;
        case 0x2018: case 0x2019: cp = '\''; break;
        default: break;
        }
        cps[m++] = cp;
    }
    tok_state st = {0};
    if (!opts.jieba_split) {
        for (int i = 0; i < m; i++) tok_push_cp(&st, cps[i]);
    } else {
        int i = 0;
        while (i < m) {
            if (tok_is_run_char(cps[i])) {
                int s = i;
                while (i < m && tok_is_run_char(cps[i])) i++;
                tok_run(&st, cps + s, i - s);
            } else if (cps[i] == '\r' && i + 1 < m && cps[i + 1] == '\n') {
                tok_segment(&st, cps + i, 2);
                i += 2;
            } else {
                tok_segment(&st, cps + i, 1);
                i++;
            }
        }
    }
    free(cps);
    if (st.out.failed) {
        f5_strv_free(st.out.v, st.out.n);
        return f5_errf(err, F5_ERR_NOMEM, "tokenizer: out of memory");
    }
    *toks = st.out.v;
    *n = st.out.n;
    return F5_OK;
}

f5_status f5_tokenize(const f5_vocab *v, const char *text, const f5_tok_opts *o, int32_t **ids, int *n,
                      f5_error *err) {
    *ids = NULL;
    *n = 0;
    if (!v) return f5_errf(err, F5_ERR_INVALID_ARG, "tokenizer: no vocab");
    char **t;
    int nt;
    f5_status s = f5_text_to_tokens(text, o, &t, &nt, err);
    if (s) return s;
    int32_t *r = malloc(((size_t)nt + 1) * sizeof *r);
    if (!r) {
        f5_strv_free(t, nt);
        return f5_errf(err, F5_ERR_NOMEM, "tokenizer: out of memory");
    }
    for (int i = 0; i < nt; i++) r[i] = f5_vocab_lookup(v, t[i], strlen(t[i]));
    f5_strv_free(t, nt);
    *ids = r;
    *n = nt;
    return F5_OK;
}
