/* textnorm.c - the Vietnamese normaliser's driver: Unicode clean-up, lines,
 * whitespace tokens (split by textnorm_token.c; trailing sentence
 * punctuation kept and attached), dispatch of each token to the symbol /
 * abbreviation / URL / number / word handlers, and sentence splitting (one
 * sentence per output line). Implements f5_textnorm and the public
 * f5_text_normalize. The convention is ../shared/textnorm/README.md.
 * Handlers: textnorm_numpat.c (numbers, units, ranges), textnorm_ident.c
 * (phones, codes), textnorm_datetime.c, textnorm_range.c (a lone dash),
 * textnorm_words.c (words, abbreviations, URLs, Roman numerals).
 */
#include "text/text.h"

#include "core/error.h"
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Emit a token's trailing punctuation; returns true if it ends a sentence. */
static bool tn_emit_trail(tn_ctx *c, const tn_tok *t) {
    bool ends = false;
    for (size_t i = 0; i < t->trn;) {
        char ch = t->tr[i];
        if (ch == '.') {
            size_t j = i;
            while (j < t->trn && t->tr[j] == '.') j++;
            if (j - i == 1 && j < t->trn && strchr(",;:", t->tr[j])) { /* "Văn B., 45 tuổi": an initial's dot */
                i = j;
                continue;
            }
            bool after_dot = c->o->b.n && c->o->b.p[c->o->b.n - 1] == '.'; /* "rồi.. ." */
            if (j - i >= 2 || !after_dot) tn_p(c->o, j - i >= 2 ? "..." : ".");
            ends = true;
            i = j;
            continue;
        }
        if (tn_is_sent_punct(ch)) {
            char p[2] = {ch, 0};
            tn_p(c->o, p);
            ends = (ch == '!' || ch == '?');
        }
        i++;
    }
    return ends;
}

/* Context entries of abbreviations.tsv are keyed "previous-word ABBR" (no
 * token contains a space): "ty CP" is "cổ phần" after "công ty". */
static const f5_tn_entry *tn_abbr_after_word(const tn_ctx *c, const char *b, size_t n) {
    size_t pn;
    const char *p = tn_last_word(c->o, &pn, 0);
    char key[64];
    if (!p || pn + 1 + n >= sizeof key) return NULL;
    memcpy(key, p, pn);
    key[pn] = ' ';
    memcpy(key + pn + 1, b, n);
    return f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, key, pn + 1 + n, false);
}

/* An upper-case currency code ("USD", "VNĐ"), not a word such as "đồng" or "euro". */
static bool tn_is_code(const char *b, size_t n) {
    if (n < 3) return false;
    for (size_t i = 0; i < n; i++) {
        if (b[i] >= 'A' && b[i] <= 'Z') continue;
        if (i + 1 < n && (unsigned char)b[i] == 0xC4 && (unsigned char)b[i + 1] == 0x90) { /* Đ */
            i++;
            continue;
        }
        return false;
    }
    return true;
}
/* Digits with . or , separators only ("50.000", "1,5"). */
static bool tn_all_number(const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!tn_is_digit(b[i]) && b[i] != '.' && b[i] != ',') return false;
    return true;
}

/* A lowercase chat form capitalised at the start of a sentence ("Đc r",
 * "Bn tuổi"); single letters are left alone ("vitamin K", "Văn K"). */
static const f5_tn_entry *tn_chat_capitalised(const char *b, size_t n) {
    char key[32];
    size_t fl = (unsigned char)b[0] < 0x80 ? 1 : 2;
    if (n < 2 || n + 1 > sizeof key || n <= fl) return NULL;
    if (b[0] >= 'A' && b[0] <= 'Z') key[0] = (char)(b[0] + 32);
    else if (fl == 2 && (unsigned char)b[0] == 0xC4 && (unsigned char)b[1] == 0x90) memcpy(key, "\xC4\x91", 2); /* Đ */
    else return NULL;
    memcpy(key + fl, b + fl, n - fl);
    for (size_t i = fl; i < n; i++)
        if (key[i] >= 'A' && key[i] <= 'Z') return NULL;
    const f5_tn_entry *a = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, key, n, false);
    if (!a) return NULL;
    for (size_t i = 0; i < a->klen; i++)
        if (a->key[i] >= 'A' && a->key[i] <= 'Z') return NULL;
    return a;
}

static int tn_dispatch(tn_ctx *c) {
    tn_tok *t = &c->t[c->i];
    const char *b = t->b;
    size_t n = t->bn;
    if (tn_emoticon(t->s, t->n)) {
        t->trn = 0; /* its ":" or ")" is no punctuation either */
        return c->i;
    }
    if (!n) return c->i; /* only quotes/brackets/punctuation */
    const char *sym = tn_symbol_word(b, n);
    if (sym) {
        if (*sym) tn_w(c->o, sym);
        return c->i;
    }
    bool between_numbers = c->i > 0 && c->i + 1 < c->nt && tn_has_digit(c->t[c->i - 1].b, c->t[c->i - 1].bn) &&
                           c->t[c->i - 1].trn == 0 && c->t[c->i + 1].bn && tn_is_digit(c->t[c->i + 1].b[0]);
    if (n == 1 && b[0] == '-') return tn_dash_token(c, between_numbers);
    if (n > 3 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X')) { /* "0x80070005" */
        int r = tn_hex_token(c, b, n);
        if (r >= 0) return r;
    }
    if (n > 3 && tn_is_digit(b[0]) && (memchr(b, '/', n) || memchr(b, '-', n))) { /* "100/2019/NĐ-CP" */
        int r = tn_doc_number(c, b, n);
        if (r >= 0) return r;
    }
    if (n > 4 && memchr(b, '-', n) && tn_has_digit(b, n)) { /* "AB-1234-XL", "978-604-1-23456-7", "30A-123.45" */
        int r = tn_plate_token(c, b, n);
        if (r >= 0) return r;
        r = tn_code_token(c, b, n);
        if (r >= 0) return r;
    }
    if (t->trn && tn_is_digit(b[0])) { /* "30'" */
        int r = tn_minute_mark(c, b, n);
        if (r >= 0) return r;
    }
    if (b[0] >= 'A' && b[0] <= 'Z' && n >= 2) { /* "chuyến VN 254" */
        int r = tn_flight_code(c, b, n);
        if (r >= 0) return r;
    }
    if (between_numbers && ((n == 1 && (b[0] == 'x' || b[0] == 'X')) || (n == 2 && memcmp(b, "×", 2) == 0))) {
        tn_w(c->o, "nhân");
        return c->i;
    }
    /* a currency code or sign before a spaced number ("USD 100", "$ 5"): read after it */
    const f5_tn_entry *cu = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, b, n, false);
    if (cu && t->trn == 0 && c->i + 1 < c->nt && (f5_tn_has_flag(cu, 'b') || tn_is_code(b, n))) {
        const tn_tok *nx = &c->t[c->i + 1];
        /* the number may carry a per-unit: "US$ 1,250/tấn" */
        const char *sl = nx->bn ? memchr(nx->b, '/', nx->bn) : NULL;
        size_t nl = sl ? (size_t)(sl - nx->b) : nx->bn, rl = sl ? nx->bn - nl - 1 : 0;
        bool per = sl && rl && tn_has_alpha(sl + 1, rl) && !tn_has_digit(sl + 1, rl);
        if (nx->bn && nx->b == nx->s && tn_is_digit(nx->b[0]) && nl && tn_all_number(nx->b, nl) && (!sl || per)) {
            c->i++;
            int r = tn_number_token(c, nx->b, nl);
            if (r < 0) r = tn_word_token(c, nx->b, nl);
            if (!sl) r = tn_scale_word(c, r);
            tn_w(c->o, cu->value);
            if (sl) {
                tn_w(c->o, "trên");
                r = tn_word_token(c, sl + 1, rl);
            }
            return r;
        }
    }
    if (n == 2 && b[0] == 'T') { /* "tòa T2": a building, not a weekday */
        int r = tn_building_code(c, b, n);
        if (r >= 0) return r;
    }
    const f5_tn_entry *a = tn_abbr_after_word(c, b, n);
    if (a) {
        tn_w(c->o, a->value);
        return c->i;
    }
    /* a label opening a sentence ("Đ/c: 12 Lê Lợi") is its lowercase form (đ/c: địa chỉ), capitalised */
    bool label = t->trn && t->tr[0] == ':' && (c->i == 0 || memchr(c->t[c->i - 1].tr, '.', c->t[c->i - 1].trn));
    a = label ? tn_chat_capitalised(b, n) : NULL;
    if (!a) a = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, b, n, true);
    if (a && c->caps && f5_tn_has_flag(a, 'w')) a = NULL;
    if (!a) a = tn_chat_capitalised(b, n);
    if (a) {
        tn_w(c->o, a->value);
        return c->i;
    }
    if (tn_url_token(c, b, n)) return c->i;
    /* a spoken symbol glued before a number: "~30°C", ">8", "≈5" */
    for (size_t k = 1; k <= 3 && k < n; k++) {
        const char *w = tn_is_digit(b[k]) ? tn_symbol_word(b, k) : NULL;
        if (w && *w && b[0] != '+' && b[0] != '%' && b[0] != '@') {
            tn_w(c->o, w);
            int r = tn_number_token(c, b + k, n - k);
            if (r >= 0) return r;
            return tn_word_token(c, b + k, n - k);
        }
    }
    if (tn_has_digit(b, n)) {
        int r = tn_number_token(c, b, n);
        if (r >= 0) return r;
    }
    return tn_word_token(c, b, n);
}

/* A capitalised word that starts sentences and is not a name ("Ông", "Tôi",
 * "Bệnh nhân"): after a title abbreviation ("là GS.TS. Ông dạy", "đến BV.
 * Bác sĩ") its dot ends the sentence. Compared lowercased, for all-caps lines. */
static bool tn_sentence_starter(const tn_ctx *c, int k) {
    static const char *const w[] = {"ông", "bà", "anh", "chị", "em", "tôi", "chúng", "họ", "cô", "đây", "đó",
                                    "sau", "trong", "khi", "nhưng", "và", "tuy", "vì", "nếu", "hiện", "theo",
                                    "các", "những", "mọi", "năm", "ngày", "hôm", "còn", "cả", "người", "bên",
                                    "bác", "tại", "lúc", "với", "do", "nhờ", "ngoài", "mặc", "dù", "cũng", "sáng",
                                    "chiều", "tối", "trước", "nhiều", "bé", "mẹ", "kết", "ngay", "ở", "để",
                                    "không", "chưa", "đã", "đang", "sẽ", "vẫn", "rồi", "lần", "vậy", "bệnh nhân"};
    if (k < 0 || k >= c->nt || !tn_tok_starts_upper(c, k)) return false;
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
        const char *sp = strchr(w[i], ' ');
        char first[16];
        if (sp && (size_t)(sp - w[i]) >= sizeof first) continue;
        if (!sp) {
            if (tn_tok_is(c, k, w[i])) return true;
            continue;
        }
        memcpy(first, w[i], (size_t)(sp - w[i]));
        first[sp - w[i]] = 0;
        if (tn_tok_is(c, k, first) && !c->t[k].trn && tn_tok_is(c, k + 1, sp + 1)) return true;
    }
    return false;
}

/* A one-letter prefix abbreviation ("X." xã, "Q." quận) ending the line or
 * where a Roman numeral is expected ("thế kỷ X. Nhà Đinh") is a letter
 * followed by the sentence's period: give the dot back. */
static void tn_letter_dot(tn_ctx *c) {
    tn_tok *t = &c->t[c->i];
    bool ord;
    if (!t->abbr_end || t->bn != 2 || !(t->b[0] >= 'A' && t->b[0] <= 'Z')) return;
    if (c->i + 1 < c->nt && !(tn_roman_value(t->b, 1) > 0 && tn_roman_ctx(c, &ord))) return;
    t->bn--;
    t->tr--;
    t->trn++;
    t->abbr_end = t->abbr_can_end = false;
}

/* A headline: at least two letters and none of them lowercase. */
static bool tn_all_caps(const char *s, size_t n) {
    int upper = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k) return false;
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (cat == UTF8PROC_CATEGORY_LL) return false;
        upper += cat == UTF8PROC_CATEGORY_LU;
        i += (size_t)k;
    }
    return upper >= 2;
}

static void tn_line(tn_out *o, const char *s, size_t n) {
    int cap = 0, nt = 0;
    tn_tok *t = NULL;
    size_t tok_end = 0;
    bool tok_addr = false;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t st = i;
        if (tok_end > st) i = tok_end; /* rest of a whitespace token already measured */
        else
            while (i < n && s[i] != ' ') i++;
        /* one whitespace token may hold several glued ones ("gì?Tôi"); the
         * address test runs once per whitespace token to stay linear */
        if (i > st && tok_end <= st) {
            tok_end = i;
            tok_addr = tn_is_address(s + st, i - st);
        }
        if (i > st && !tok_addr) i = st + tn_token_cut(s + st, i - st);
        if (i == st + 1 && s[st] == '.' && nt && tn_title_dot(&t[nt - 1])) { /* "TP .Hà Nội": its dot, spaced */
            t[nt - 1].abbr_end = true;
            continue;
        }
        if (i > st) {
            if (nt == cap) {
                cap = cap ? cap * 2 : 64;
                tn_tok *nt2 = realloc(t, (size_t)cap * sizeof *t);
                if (!nt2) {
                    o->b.failed = true;
                    free(t);
                    return;
                }
                t = nt2;
            }
            t[nt] = (tn_tok){.s = s + st, .n = i - st};
            tn_split_token(&t[nt]);
            nt++;
        }
    }
    tn_ctx c = {.o = o, .t = t, .nt = nt, .caps = tn_all_caps(s, n)};
    for (c.i = 0; c.i < nt && !o->b.failed; c.i++) {
        tn_letter_dot(&c);
        int last = tn_dispatch(&c);
        if (last < c.i) last = c.i;
        c.i = last;
        const tn_tok *lt = &t[last];
        bool ends = tn_emit_trail(&c, lt);
        /* the dot of a final abbreviation is also the sentence's period: "v.v." before a
         * capital or at the end; a title ("TP.", "PGS.TS.") only at the end of the line */
        if (lt->abbr_end && lt->trn == 0 &&
            (last + 1 >= nt || (lt->abbr_can_end && tn_tok_starts_upper(&c, last + 1)) ||
             tn_sentence_starter(&c, last + 1))) {
            tn_p(o, ".");
            ends = true;
        }
        if (ends && last + 1 < nt && tn_tok_starts_upper(&c, last + 1)) tn_break(o);
    }
    free(t);
    tn_break(o);
}

/* Fullwidth ASCII forms (U+FF01..U+FF5E, "１００", "Ｈà") -> ASCII, in place
 * (3 bytes become 1). Done here rather than in f5_text_clean, whose output
 * the tokenizer path shares. */
static void tn_fold_fullwidth(char *s) {
    unsigned char *r = (unsigned char *)s, *w = r;
    while (*r) {
        if (r[0] == 0xEF && ((r[1] == 0xBC && r[2] >= 0x81 && r[2] <= 0xBF) || (r[1] == 0xBD && r[2] >= 0x80 && r[2] <= 0x9E))) {
            unsigned cp = ((unsigned)(r[1] & 0x3F) << 6 | (r[2] & 0x3F)) + 0xF000u;
            *w++ = (unsigned char)(cp - 0xFEE0u);
            r += 3;
            continue;
        }
        *w++ = *r++;
    }
    *w = 0;
}

f5_status f5_textnorm(const char *in, char **out, f5_error *err) {
    *out = NULL;
    if (!in) return f5_errf(err, F5_ERR_INVALID_ARG, "normalize: text is NULL");
    size_t len = strlen(in);
    char *clean = NULL;
    f5_status st = f5_text_clean(in, len, &clean, err);
    if (st) return st;
    tn_fold_fullwidth(clean);
    tn_out o = {0};
    f5_tx_buf_init(&o.b, len * 64 + 4096);
    size_t cl = strlen(clean);
    for (size_t i = 0; i <= cl && !o.b.failed;) {
        size_t e = i;
        while (e < cl && clean[e] != '\n') e++;
        tn_line(&o, clean + i, e - i);
        i = e + 1;
    }
    free(clean);
    if (o.b.failed) {
        bool over = o.b.over_limit;
        f5_tx_buf_free(&o.b);
        return over ? f5_errf(err, F5_ERR_INVALID_TEXT, "normalize: output exceeds %zu bytes (64x the input)",
                              len * 64 + 4096)
                    : f5_errf(err, F5_ERR_NOMEM, "normalize: out of memory");
    }
    /* drop the trailing newline */
    while (o.b.n && (o.b.p[o.b.n - 1] == '\n' || o.b.p[o.b.n - 1] == ' ')) o.b.p[--o.b.n] = 0;
    char *r = f5_tx_take(&o.b);
    if (!r) return f5_errf(err, F5_ERR_NOMEM, "normalize: out of memory");
    *out = r;
    return F5_OK;
}

f5_status f5_text_normalize(const char *text, char **out, f5_error *err) { return f5_textnorm(text, out, err); }
