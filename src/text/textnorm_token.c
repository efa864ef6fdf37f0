/* textnorm_token.c - the normaliser's view of its input: character classes
 * of raw tokens, a whitespace token split into opening marks, body and
 * trailing punctuation (an abbreviation's final dot taken back), glued
 * tokens cut apart ("gì?Tôi", "a ,b"), chat emoticons, and the tests on
 * neighbouring tokens and on the words already written that the handlers
 * use as context.
 */
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

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

bool tn_caps_word(const char *s, size_t n) {
    if (n < 2 || !((s[0] >= 'A' && s[0] <= 'Z') || ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x90)))
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') return false;
    return true;
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

/* The output words ending `back` words before the end spell phrase (1-2 words). */
bool tn_prev_phrase(tn_ctx *c, int back, const char *phrase) {
    const char *sp = strchr(phrase, ' ');
    if (!sp) return tn_prev_is(c, back, phrase);
    char first[32];
    size_t fl = (size_t)(sp - phrase);
    if (fl >= sizeof first) return false;
    memcpy(first, phrase, fl);
    first[fl] = 0;
    return tn_prev_is(c, back, sp + 1) && tn_prev_is(c, back + 1, first);
}

static bool tn_is_open_mark(uint32_t cp) {
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == '*' || cp == 0x2022 ||
           cp == 0xB7 || cp == 0x25CF || cp == 0x25AA || cp == 0x2023 || cp == '<' + 0x10000;
}
static bool tn_is_close_mark(char ch) { return ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == '}' || ch == '*'; }
bool tn_is_sent_punct(char ch) { return ch == '.' || ch == ',' || ch == '!' || ch == '?' || ch == ';' || ch == ':'; }

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

bool tn_title_dot(const tn_tok *t) {
    char key[64];
    if (t->trn || !t->bn || t->bn + 1 >= sizeof key) return false;
    memcpy(key, t->b, t->bn);
    key[t->bn] = '.';
    const f5_tn_entry *a = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, key, t->bn + 1, true);
    return (a && f5_tn_has_flag(a, 'p')) || tn_title_chain(key, t->bn + 1);
}

/* Split a raw token into opening marks, body and trailing punctuation. */
void tn_split_token(tn_tok *t) {
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

/* A chat emoticon (":)", "=))", ";-D", ":v", "^^", "<3"): not a spoken symbol. */
bool tn_emoticon(const char *s, size_t n) {
    if ((n == 2 && (!memcmp(s, "^^", 2) || !memcmp(s, "<3", 2))) || (n == 3 && !memcmp(s, "^_^", 3))) return true;
    if (n < 2 || !strchr(":;=", s[0])) return false;
    size_t i = 1;
    if (strchr("-'^", s[i])) i++;
    if (i >= n) return false;
    for (; i < n; i++)
        if (!strchr(")(][DPpOovV3|/\\*>", s[i])) return false;
    return true;
}

/* Is the code point at s[i] (within n) a letter; *upper tells its case. */
static bool tn_letter_at(const char *s, size_t n, size_t i, bool *upper) {
    uint32_t cp;
    if (i >= n || !f5_tx_utf8_decode((const unsigned char *)s + i, n - i, &cp)) return false;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    if (upper) *upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool tn_is_address(const char *s, size_t n) {
    return memchr(s, '@', n) || (n > 4 && memmem(s, n, "://", 3)) || (n > 4 && memmem(s, n, "www.", 4));
}

/* Length of the first piece of a raw token glued to the next sentence or
 * clause without a space ("gì?Tôi", "rồi...Để", "a,b", "Hotline:0912"), or n
 * when it is one token. Numbers, URLs, e-mails and table abbreviations are never cut. */
size_t tn_token_cut(const char *s, size_t n) {
    /* spaced punctuation glued to the next word ("khỏe ?Tôi", "a ,b"): the
     * leading run becomes a token of its own, attached to the previous word */
    if (tn_emoticon(s, n)) return n;
    size_t k = 0;
    while (k < n && (tn_is_sent_punct(s[k]) && s[k] != '.')) k++;
    if (k == 0 && n >= 3 && s[0] == '.' && s[1] == '.' && s[2] == '.') k = 3;
    size_t q = k; /* opening quotes/brackets after it: 'nói :"Không' */
    uint32_t cp;
    for (int l; k > 0 && q < n && (l = f5_tx_utf8_decode((const unsigned char *)s + q, n - q, &cp)) &&
                tn_is_open_mark(cp);)
        q += (size_t)l;
    if (k > 0 && q < n && (tn_letter_at(s, n, q, NULL) || (s[0] != '.' && tn_is_digit(s[q]))))
        return k; /* "phòng ;2" */
    /* a spaced period glued to the next sentence ("rồi .Về"): a capitalised
     * word, not a name written with a dot (".NET") */
    bool up = false;
    int l1 = n >= 3 && s[0] == '.' ? f5_tx_utf8_decode((const unsigned char *)s + 1, n - 1, &cp) : 0;
    if (l1 && tn_letter_at(s, n, 1, &up) && up && tn_letter_at(s, n, 1 + (size_t)l1, &up) && !up) return 1;
    size_t e = n;
    while (e > 0 && (tn_is_sent_punct(s[e - 1]) || tn_is_close_mark(s[e - 1]))) e--;
    if (f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, s, e, true) ||
        (e < n && f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, s, e + 1, true)))
        return n;
    for (size_t i = 1; i + 1 < n; i++) {
        char ch = s[i];
        if (ch == ':' && !tn_has_digit(s, i) && (tn_letter_at(s, n, i - 1, NULL) || (s[i - 1] & 0x80)) &&
            (tn_letter_at(s, n, i + 1, NULL) || tn_is_digit(s[i + 1]) || s[i + 1] == '+'))
            return i + 1; /* a label glued to its value: "Hotline:0912", "Lưu ý:không" */
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
