/* textnorm.c - the Vietnamese normaliser's driver: Unicode clean-up, lines,
 * whitespace tokens (opening quotes/brackets dropped, trailing sentence
 * punctuation kept and attached), dispatch of each token to the symbol /
 * abbreviation / URL / number / word handlers, and sentence splitting (one
 * sentence per output line). Implements f5_textnorm and the public
 * f5_text_normalize. The convention is ../shared/textnorm/README.md.
 */
#include "text/text.h"

#include "core/error.h"
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

bool tn_is_digit(char ch) { return ch >= '0' && ch <= '9'; }
bool tn_all_digits(const char *s, size_t n) {
    if (!n) return false;
    for (size_t i = 0; i < n; i++)
        if (!tn_is_digit(s[i])) return false;
    return true;
}
bool tn_has_digit(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (tn_is_digit(s[i])) return true;
    return false;
}
bool tn_has_alpha(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k) return false;
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) return true;
        i += (size_t)k;
    }
    return false;
}

bool tn_tok_starts_upper(const tn_ctx *c, int k) {
    if (k < 0 || k >= c->nt) return false;
    const tn_tok *t = &c->t[k];
    const char *s = t->bn ? t->b : t->s;
    size_t n = t->bn ? t->bn : t->n;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = f5_tx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l) return false;
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_ND) return true;
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) return false;
        i += (size_t)l;
    }
    return false;
}

bool tn_tok_is(const tn_ctx *c, int k, const char *w) {
    if (k < 0 || k >= c->nt) return false;
    const tn_tok *t = &c->t[k];
    size_t wn = strlen(w);
    if (t->bn > wn * 2 + 8) return false;
    char buf[128];
    f5_tx_buf b;
    f5_tx_buf_init(&b, sizeof buf - 1);
    tn_lower_into(&b, t->b, t->bn);
    bool eq = !b.failed && b.n == wn && memcmp(b.p, w, wn) == 0;
    f5_tx_buf_free(&b);
    return eq;
}

bool tn_prev_is(const tn_ctx *c, int back, const char *w) {
    size_t n;
    const char *p = tn_last_word(c->o, &n, back);
    return p && n == strlen(w) && memcmp(p, w, n) == 0;
}

static bool tn_is_open_mark(uint32_t cp) {
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == '*' || cp == 0x2022 ||
           cp == 0xB7 || cp == 0x25CF || cp == 0x25AA || cp == 0x2023 || cp == '<' + 0x10000;
}
static bool tn_is_close_mark(char ch) { return ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == '}' || ch == '*'; }
static bool tn_is_sent_punct(char ch) { return ch == '.' || ch == ',' || ch == '!' || ch == '?' || ch == ';' || ch == ':'; }

/* A chain of dotted title abbreviations not in the table as a whole
 * ("ThS.BS.", "TS.BS.", "PGS.TS.BS."): the entry of its last piece when
 * every piece is a prefix abbreviation, else NULL. */
static const f5_tn_entry *tn_title_chain(const char *s, size_t n) {
    const f5_tn_entry *a = NULL;
    for (size_t st = 0, i = 0; i < n; i++) {
        if (s[i] != '.') continue;
        a = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, s + st, i + 1 - st, true);
        if (!a || !f5_tn_has_flag(a, 'p')) return NULL;
        st = i + 1;
    }
    return n && s[n - 1] == '.' ? a : NULL;
}

/* Split a raw token into opening marks, body and trailing punctuation. */
static void tn_split_token(tn_tok *t) {
    const char *s = t->s;
    size_t b = 0, e = t->n;
    while (b < e) {
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)s + b, e - b, &cp);
        if (!k || !tn_is_open_mark(cp)) break;
        b += (size_t)k;
    }
    size_t te = e;
    while (e > b && (tn_is_close_mark(s[e - 1]) || tn_is_sent_punct(s[e - 1]))) e--;
    t->b = s + b;
    t->bn = e - b;
    t->tr = s + e;
    t->trn = te - e;
    t->abbr_end = t->abbr_can_end = false;
    if (t->trn && t->tr[0] == '.' && t->bn) {
        /* an abbreviation that ends with a dot ("v.v.", "TP.", "PGS.TS.") takes it back */
        const f5_tn_entry *a =
            f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, t->b, t->bn + 1, true);
        if (!a) a = tn_title_chain(t->b, t->bn + 1);
        if (a && (f5_tn_has_flag(a, 'p') || f5_tn_has_flag(a, 'e'))) {
            t->bn++;
            t->tr++;
            t->trn--;
            t->abbr_end = true;
            t->abbr_can_end = f5_tn_has_flag(a, 'e');
        }
    }
}

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
            tn_p(c->o, j - i >= 2 ? "..." : ".");
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

/* Token k starts a weekday: "thứ"/"Thứ" before a number or day word, "chủ nhật", "T2".."T7", "CN". */
bool tn_weekday_next(const tn_ctx *c, int k) {
    static const char *const ab[] = {"t2", "t3", "t4", "t5", "t6", "t7", "cn"};
    if (k >= c->nt) return false;
    if (tn_tok_is(c, k, "thứ") || tn_tok_is(c, k, "chủ")) return c->t[k].trn == 0 && k + 1 < c->nt;
    for (size_t i = 0; i < sizeof ab / sizeof *ab; i++)
        if (tn_tok_is(c, k, ab[i])) return true;
    return false;
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

/* A number or a Roman numeral (token k). */
static bool tn_tok_numeral(const tn_ctx *c, int k) {
    const tn_tok *t = &c->t[k];
    return t->bn && (tn_is_digit(t->b[0]) || tn_roman_value(t->b, t->bn) > 0);
}

/* A spaced dash between two numbered items is a range: "Chương I - Chương V",
 * "tập 1 - tập 5", and "thế kỷ XIX - XX" (the Roman numeral before it was
 * read as a number, so the one after it is too). Returns the last token
 * consumed, or -1. */
static int tn_dash_range(tn_ctx *c) {
    int i = c->i;
    if (i < 1 || i + 1 >= c->nt || c->t[i - 1].trn || !c->t[i - 1].bn || !c->t[i + 1].bn) return -1;
    const tn_tok *p = &c->t[i - 1], *q = &c->t[i + 1];
    if (i >= 2 && i + 2 < c->nt && !c->t[i - 2].trn && !q->trn && tn_tok_numeral(c, i - 1) && tn_tok_numeral(c, i + 2)) {
        f5_tx_buf lw; /* the word before the first number, lowercased */
        f5_tx_buf_init(&lw, 64);
        tn_lower_into(&lw, c->t[i - 2].b, c->t[i - 2].bn);
        bool same = !lw.failed && lw.n && tn_tok_is(c, i + 1, lw.p) && tn_has_alpha(lw.p, lw.n);
        f5_tx_buf_free(&lw);
        if (same) {
            tn_w(c->o, "đến");
            return i;
        }
    }
    int vq = tn_roman_value(q->b, q->bn);
    size_t ln = 0;
    const char *lw = tn_last_word(c->o, &ln, 0);
    bool converted = lw && tn_roman_value(p->b, p->bn) > 0;
    if (converted && ln == p->bn) { /* the output still spells it ("xix"): not read as a numeral */
        size_t k = 0;
        while (k < ln && lw[k] == p->b[k] + 32) k++;
        converted = k < ln;
    }
    if (vq && converted) {
        tn_w(c->o, "đến");
        tn_say_uint(c->o, (unsigned long long)vq);
        return i + 1;
    }
    return -1;
}

/* A chat emoticon (":)", "=))", ";-D", ":v", "^^", "<3"): not a spoken symbol. */
static bool tn_emoticon(const char *s, size_t n) {
    if ((n == 2 && (!memcmp(s, "^^", 2) || !memcmp(s, "<3", 2))) || (n == 3 && !memcmp(s, "^_^", 3))) return true;
    if (n < 2 || !strchr(":;=", s[0])) return false;
    size_t i = 1;
    if (strchr("-'^", s[i])) i++;
    if (i >= n) return false;
    for (; i < n; i++)
        if (!strchr(")(][DPpOovV3|/\\*>", s[i])) return false;
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
    if (n == 1 && b[0] == '-') { /* standalone dash: a range between numbers or weekdays, else a clause dash (dropped) */
        if (c->t[c->i - (c->i > 0)].trn == 0 && tn_weekday_before(c, 0) && tn_weekday_next(c, c->i + 1)) {
            tn_w(c->o, "đến"); /* "thứ 2 - thứ 6" */
            return c->i;
        }
        int r = tn_dash_range(c);
        if (r >= 0) return r;
        if (between_numbers) {
            bool score = false;
            static const char *const sw[] = {"thắng", "thua", "hòa", "hoà", "số", "dẫn", "set", "bại", "cuộc"};
            for (size_t k = 0; k < sizeof sw / sizeof *sw; k++) score |= tn_tok_is(c, c->i - 2, sw[k]);
            score |= tn_tyso_before(c, c->i - 2);
            if (!score) tn_w(c->o, "đến");
        }
        return c->i;
    }
    if (between_numbers && ((n == 1 && (b[0] == 'x' || b[0] == 'X')) || (n == 2 && memcmp(b, "×", 2) == 0))) {
        tn_w(c->o, "nhân");
        return c->i;
    }
    /* a currency code or sign before a spaced number ("USD 100", "$ 5"): read after it */
    const f5_tn_entry *cu = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, b, n, false);
    if (cu && t->trn == 0 && c->i + 1 < c->nt && (f5_tn_has_flag(cu, 'b') || tn_is_code(b, n))) {
        const tn_tok *nx = &c->t[c->i + 1];
        if (nx->bn && nx->b == nx->s && tn_is_digit(nx->b[0]) && tn_all_number(nx->b, nx->bn)) {
            c->i++;
            int r = tn_number_token(c, nx->b, nx->bn);
            if (r < 0) r = tn_word_token(c, nx->b, nx->bn);
            r = tn_scale_word(c, r);
            tn_w(c->o, cu->value);
            return r;
        }
    }
    const f5_tn_entry *a = tn_abbr_after_word(c, b, n);
    if (a) {
        tn_w(c->o, a->value);
        return c->i;
    }
    a = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, b, n, true);
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

/* Is the code point at s[i] (within n) a letter; *upper tells its case. */
static bool tn_letter_at(const char *s, size_t n, size_t i, bool *upper) {
    uint32_t cp;
    if (i >= n || !f5_tx_utf8_decode((const unsigned char *)s + i, n - i, &cp)) return false;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    if (upper) *upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Length of the first piece of a raw token glued to the next sentence or
 * clause without a space ("gì?Tôi", "rồi...Để", "a,b"), or n when it is one
 * token. Numbers, URLs, e-mails and table abbreviations are never cut. */
static bool tn_is_address(const char *s, size_t n) {
    return memchr(s, '@', n) || (n > 4 && memmem(s, n, "://", 3)) || (n > 4 && memmem(s, n, "www.", 4));
}

static size_t tn_token_cut(const char *s, size_t n) {
    /* spaced punctuation glued to the next word ("khỏe ?Tôi", "a ,b"): the
     * leading run becomes a token of its own, attached to the previous word */
    if (tn_emoticon(s, n)) return n;
    size_t k = 0;
    while (k < n && (tn_is_sent_punct(s[k]) && s[k] != '.')) k++;
    if (k == 0 && n >= 3 && s[0] == '.' && s[1] == '.' && s[2] == '.') k = 3;
    if (k > 0 && k < n && tn_letter_at(s, n, k, NULL)) return k;
    size_t e = n;
    while (e > 0 && (tn_is_sent_punct(s[e - 1]) || tn_is_close_mark(s[e - 1]))) e--;
    if (f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, s, e, true) ||
        (e < n && f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, s, e + 1, true)))
        return n;
    for (size_t i = 1; i + 1 < n; i++) {
        char ch = s[i];
        if (ch != '.' && ch != ',' && ch != '!' && ch != '?' && ch != ';') continue;
        size_t j = i;
        while (j < n && strchr(".!?", s[j]) && ch != ',' && ch != ';') j++;
        if (ch == ',' || ch == ';') j = i + 1;
        bool up;
        if (j >= n || !tn_letter_at(s, n, j, &up)) continue;
        if (ch == '.' && j == i + 1) { /* a single dot: only "word.Word" with a lowercase word ("nhé.Hẹn") */
            if (!up || i < 2) continue;
            bool lower_word = true, u = false;
            for (size_t k = 0; k < i && lower_word; k++) /* continuation bytes decode as no letter */
                if (tn_letter_at(s, i, k, &u) && u) lower_word = false;
            size_t pl = (size_t)f5_tx_utf8_last_len(s, i);
            if (!lower_word || !tn_letter_at(s, i, i - pl, NULL)) continue;
        }
        if (!tn_letter_at(s, n, i - 1, NULL) && !(s[i - 1] & 0x80)) continue;
        return j;
    }
    return n;
}

/* A capitalised word that starts sentences and is not a name ("Ông", "Tôi"):
 * after a title abbreviation ("là GS.TS. Ông dạy") its dot ends the sentence. */
static bool tn_sentence_starter(const tn_ctx *c, int k) {
    static const char *const w[] = {"Ông", "Bà", "Anh", "Chị", "Em", "Tôi", "Chúng", "Họ", "Cô", "Đây", "Đó",
                                    "Sau", "Trong", "Khi", "Nhưng", "Và", "Tuy", "Vì", "Nếu", "Hiện", "Theo",
                                    "Các", "Những", "Mọi", "Năm", "Ngày", "Hôm", "Còn", "Cả", "Người", "Bên"};
    if (k < 0 || k >= c->nt) return false;
    const tn_tok *t = &c->t[k];
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        if (t->bn == strlen(w[i]) && memcmp(t->b, w[i], t->bn) == 0) return true;
    return false;
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
    tn_ctx c = {.o = o, .t = t, .nt = nt};
    for (c.i = 0; c.i < nt && !o->b.failed; c.i++) {
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
