/* textnorm_range.c - a standalone dash token: a range between numbers
 * ("5 - 10" -> "đến"), weekdays ("thứ 2 - thứ 6"), times with their part
 * of the day ("8h sáng - 5h chiều") or numbered items
 * ("Chương I - Chương V", "thế kỷ XIX - XX"), nothing between the numbers
 * of a score ("tỷ số 4 - 2"), and a clause dash (dropped) otherwise, also
 * after a phone number.
 */
#include "text/textnorm.h"

#include <string.h>

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

/* Token k starts with a clock time: "5h", "17:00", "7g30". */
static bool tn_tok_time(const tn_ctx *c, int k) {
    if (k < 0 || k >= c->nt) return false;
    const tn_tok *t = &c->t[k];
    size_t i = 0;
    while (i < t->bn && i < 2 && tn_is_digit(t->b[i])) i++;
    return i && i < t->bn && strchr("hHg:", t->b[i]);
}

/* "8h sáng - 5h chiều": a time, its part of the day, then a time. */
static bool tn_dash_times(tn_ctx *c) {
    static const char *const part[] = {"sáng", "trưa", "chiều", "tối", "đêm"};
    if (c->i < 2 || c->t[c->i - 1].trn || !tn_tok_time(c, c->i - 2) || !tn_tok_time(c, c->i + 1)) return false;
    for (size_t k = 0; k < sizeof part / sizeof *part; k++)
        if (tn_tok_is(c, c->i - 1, part[k])) return true;
    return false;
}

int tn_dash_token(tn_ctx *c, bool between_numbers) {
    if (c->ident_end && c->ident_end == c->i) return c->i; /* "0909 123 456 - 0912 345 678": between phone numbers */
    if (c->t[c->i - (c->i > 0)].trn == 0 && tn_weekday_before(c, 0) && tn_weekday_next(c, c->i + 1)) {
        tn_w(c->o, "đến"); /* "thứ 2 - thứ 6" */
        return c->i;
    }
    if (tn_dash_times(c)) {
        tn_w(c->o, "đến");
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
