/* textnorm_numpat.c - tokens that contain digits: ranges and scores,
 * fractions, dimensions, numbers with their signs, currencies (read after
 * the number), percent, units (from units.tsv) and shorthand amounts (25k,
 * 1tr5). Dates and times are in textnorm_datetime.c, phone numbers and
 * other identifiers in textnorm_ident.c.
 */
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <string.h>

const f5_tn_entry *tn_unit(const char *s, size_t n) {
    const f5_tn_entry *e = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, s, n, false);
    if (!e) e = f5_tn_lookup(f5_tn_table_units, f5_tn_table_units_n, s, n, false);
    return e;
}

/* A unit or currency after a number; in an all-caps line, where case tells
 * nothing, also a currency word or a unit flagged 'c' written in capitals
 * ("5 KM", "ĐỒNG/LÍT"). */
static const f5_tn_entry *np_unit(const tn_ctx *c, const char *s, size_t n) {
    const f5_tn_entry *e = tn_unit(s, n);
    if (e || !c->caps || n < 2 || n > 16) return e;
    f5_tx_buf lw;
    f5_tx_buf_init(&lw, 64);
    tn_lower_into(&lw, s, n);
    if (!lw.failed) e = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, lw.p, lw.n, false);
    if (!lw.failed && !e) {
        e = f5_tn_lookup(f5_tn_table_units, f5_tn_table_units_n, lw.p, lw.n, false);
        if (e && !f5_tn_has_flag(e, 'c')) e = NULL;
    }
    f5_tx_buf_free(&lw);
    return e;
}

static bool np_suffix(const tn_ctx *c, tn_out *o, const char *s, size_t n);

/* A count of units after "u/" ("đ/100g"): says it when o != NULL. Not the
 * same unit again, which lists options ("8GB/128GB"). */
static bool np_per_count(const tn_ctx *c, tn_out *o, const char *s, size_t n, const char *u, size_t un) {
    size_t l = tn_scan_lit(s, n);
    if (!l || memchr(s + l, '/', n - l) || !np_suffix(c, NULL, s + l, n - l)) return false;
    if (n - l == un && memcmp(s + l, u, un) == 0) return false;
    if (o) {
        tn_say_lit(o, s, l, false);
        np_suffix(c, o, s + l, n - l);
    }
    return true;
}

/* Is s[0..n) a suffix we can read after a number? Says it when o != NULL. */
static bool np_suffix(const tn_ctx *c, tn_out *o, const char *s, size_t n) {
    if (!n) return true;
    const f5_tn_entry *e = np_unit(c, s, n);
    if (e) {
        if (o) tn_w(o, e->value);
        return true;
    }
    if (n == 1 && s[0] == '%') {
        if (o) tn_w(o, "phần trăm");
        return true;
    }
    if (n == 1 && (s[0] == 'k' || s[0] == 'K')) {
        const tn_tok *me = c ? &c->t[c->i] : NULL;
        if (s[0] == 'K' && me && me->bn && ((me->b[0] | 0x20) >= 'a' && (me->b[0] | 0x20) <= 'z')) {
            if (o) tn_w(o, "k"); /* "i9-14900K": a model code's letter */
            return true;
        }
        if (o) tn_w(o, "nghìn");
        return true;
    }
    if (n >= 1 && s[n - 1] == '+' && (n == 1 || s[n - 2] != '+') && np_suffix(c, NULL, s, n - 1)) { /* "1.000+", "500k+" */
        if (o) {
            np_suffix(c, o, s, n - 1);
            tn_w(o, "cộng");
        }
        return true;
    }
    if ((n >= 2 && (s[0] == 't' || s[0] == 'T') && s[1] == 'r') && (n == 2 || tn_all_digits(s + 2, n - 2)) && n <= 5) {
        if (o) {
            tn_w(o, "triệu");
            if (n > 2) {
                char d[3] = {'0', '0', '0'};
                memcpy(d, s + 2, n - 2);
                tn_say_int(o, d, 3);
                tn_w(o, "nghìn");
            }
        }
        return true;
    }
    if (n >= 2 && n <= 3 && s[0] == 'm' && tn_all_digits(s + 1, n - 1)) { /* 1m75 */
        if (o) {
            tn_w(o, "mét");
            tn_say_int(o, s + 1, n - 1);
        }
        return true;
    }
    const char *sl = memchr(s, '/', n);
    if (sl && sl > s && sl < s + n - 1) {
        size_t ln = (size_t)(sl - s), rn = n - ln - 1;
        bool lu = np_suffix(c, NULL, s, ln);
        bool ru = true; /* each piece after a "/" is a unit or a word: "đ/m2/tháng" */
        for (const char *q = sl + 1, *e = s + n; q < e && ru;) {
            const char *qe = memchr(q, '/', (size_t)(e - q));
            if (!qe) qe = e;
            size_t qn = (size_t)(qe - q);
            ru = qe > q && (np_unit(c, q, qn) || !tn_has_digit(q, qn) || np_per_count(c, NULL, q, qn, s, ln));
            q = qe + 1;
        }
        if (lu && ru) {
            if (o) {
                np_suffix(c, o, s, ln);
                tn_w(o, "trên");
                const f5_tn_entry *r = np_unit(c, sl + 1, rn);
                if (r) tn_w(o, r->value);
                else /* "đ/người/lượt": each further piece is a unit or a word */
                    for (const char *q = sl + 1, *e = s + n; q < e;) {
                        const char *qe = memchr(q, '/', (size_t)(e - q));
                        if (!qe) qe = e;
                        if (q > sl + 1) tn_w(o, "trên");
                        const f5_tn_entry *u = np_unit(c, q, (size_t)(qe - q));
                        if (u) tn_w(o, u->value);
                        else if (!np_per_count(c, o, q, (size_t)(qe - q), s, ln)) tn_w_lower(o, q, (size_t)(qe - q));
                        q = qe + 1;
                    }
            }
            return true;
        }
        return false;
    }
    if (!tn_has_digit(s, n) && tn_has_alpha(s, n)) {
        for (size_t i = 0; i < n; i++)
            if (strchr("-_.,:/@#&=+<>~\"'()[]", s[i])) return false;
        const f5_tn_entry *a = tn_caps_word(s, n)
                                   ? f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, s, n, false)
                                   : NULL;
        if (a && o) tn_w(o, a->value); /* "3PN": phòng ngủ */
        else if (o) tn_w_lower(o, s, n); /* 4G, 10A, 5tuổi */
        return true;
    }
    return false;
}

static bool np_score_ctx(tn_ctx *c) {
    static const char *const w[] = {"thắng", "thua", "hòa", "hoà", "bại", "dẫn", "gỡ", "set", "tỉ số", "tỷ số",
                                    "chung cuộc", "cách biệt", "sơ đồ", "đội hình"};
    for (int back = 0; back < 3; back++)
        for (size_t k = 0; k < sizeof w / sizeof *w; k++)
            if (tn_prev_phrase(c, back, w[k])) return true;
    return tn_tyso_before(c, c->i - 1);
}

bool tn_tyso_before(const tn_ctx *c, int k) {
    for (int e = k - 6; k >= 1 && k >= e && !c->t[k].trn; k--)
        if (tn_tok_is(c, k, "số") && (tn_tok_is(c, k - 1, "tỷ") || tn_tok_is(c, k - 1, "tỉ"))) return true;
    return false;
}

int tn_scale_word(tn_ctx *c, int k) {
    static const char *const w[] = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm"};
    const tn_tok *nx = k + 1 < c->nt ? &c->t[k + 1] : NULL;
    if (c->t[k].trn || !nx || nx->bn < 3 || nx->bn > 8 || !strchr("nNtT", nx->b[0])) return k;
    f5_tx_buf lw; /* lowercased once: this runs after every number */
    f5_tx_buf_init(&lw, 32);
    tn_lower_into(&lw, nx->b, nx->bn);
    size_t i = 0;
    while (!lw.failed && i < sizeof w / sizeof *w && !(strlen(w[i]) == lw.n && memcmp(w[i], lw.p, lw.n) == 0)) i++;
    bool hit = !lw.failed && i < sizeof w / sizeof *w;
    f5_tx_buf_free(&lw);
    if (!hit) return k;
    tn_w(c->o, w[i]);
    return tn_scale_word(c, k + 1); /* "3 nghìn tỷ" */
}

/* "tỷ số 2:10", "thắng 3:2": a score written with a colon (otherwise a time). */
static int np_colon_score(tn_ctx *c, const char *b, size_t n) {
    const char *col = memchr(b, ':', n);
    if (!col) return -1;
    size_t l1 = (size_t)(col - b), l2 = n - l1 - 1;
    if (l1 < 1 || l1 > 2 || l2 < 1 || l2 > 2 || !tn_all_digits(b, l1) || !tn_all_digits(col + 1, l2)) return -1;
    if (!np_score_ctx(c)) return -1;
    tn_say_int(c->o, b, l1);
    tn_say_int(c->o, col + 1, l2);
    return c->i;
}

/* A unit or currency in the next token ("2 km", "200 USD", "3-5 km"):
 * says it and returns the next token's index, else returns c->i. */
static int np_next_unit(tn_ctx *c) {
    if (c->t[c->i].trn != 0 || c->i + 1 >= c->nt) return c->i;
    const tn_tok *nx = &c->t[c->i + 1];
    if (nx->b != nx->s) return c->i;
    if (nx->bn == 1 && nx->b[0] == '%') {
        tn_w(c->o, "phần trăm");
        return c->i + 1;
    }
    if ((nx->bn == 2 && memcmp(nx->b, "tr", 2) == 0) || (nx->bn == 1 && (nx->b[0] == 'k' || nx->b[0] == 'K'))) {
        tn_w(c->o, nx->bn == 2 ? "triệu" : "nghìn"); /* 5 tr, 20 k */
        return c->i + 1;
    }
    const f5_tn_entry *u = np_unit(c, nx->b, nx->bn);
    if (u) {
        tn_w(c->o, u->value);
        return c->i + 1;
    }
    const char *sl = memchr(nx->b, '/', nx->bn);
    size_t ln = sl ? (size_t)(sl - nx->b) : 0;
    bool shorthand = (ln == 2 && memcmp(nx->b, "tr", 2) == 0) || (ln == 1 && (nx->b[0] == 'k' || nx->b[0] == 'K'));
    if (sl && np_suffix(c, NULL, nx->b, nx->bn) && (np_unit(c, nx->b, ln) || shorthand)) { /* "đồng/kg", "tr/tháng" */
        np_suffix(c, c->o, nx->b, nx->bn);
        return c->i + 1;
    }
    return c->i;
}

/* One "literal + suffix" part. */
typedef struct np_part {
    const char *s;
    size_t ln, n; /* literal length, whole length */
} np_part;

static bool np_part_ok(const tn_ctx *c, const char *s, size_t n, np_part *p) {
    size_t l = tn_scan_lit(s, n);
    if (!l) return false;
    p->s = s;
    p->ln = l;
    p->n = n;
    return np_suffix(c, NULL, s + l, n - l);
}

static void np_part_say(tn_ctx *c, const np_part *p, bool with_suffix) {
    tn_say_lit(c->o, p->s, p->ln, true);
    if (with_suffix) np_suffix(c, c->o, p->s + p->ln, p->n - p->ln);
}

/* a-b, a-b-c (ranges, scores, formations), a/b fractions, AxB dimensions */
static int np_compound(tn_ctx *c, const char *b, size_t n) {
    static const char seps[3] = {'-', '/', 'x'};
    for (int si = 0; si < 3; si++) {
        np_part parts[4];
        int k = 0;
        size_t st = 0;
        bool ok = true;
        for (size_t i = 0; i <= n && ok; i++) {
            bool at = i < n && (b[i] == seps[si] || (si == 2 && (unsigned char)b[i] == 0xC3 && i + 1 < n &&
                                                    (unsigned char)b[i + 1] == 0x97));
            if (i == n || at) {
                if (k == 4 || !np_part_ok(c, b + st, i - st, &parts[k])) ok = false;
                else k++;
                st = i + ((si == 2 && i < n && b[i] != 'x') ? 2 : 1);
                if (si == 2 && i < n && b[i] != 'x') i++;
            }
        }
        if (!ok || k < 2) continue;
        if (si == 0) {
            bool plain = true;
            for (int j = 0; j < k; j++)
                if (parts[j].ln != parts[j].n || memchr(parts[j].s, ',', parts[j].ln) || memchr(parts[j].s, '.', parts[j].ln))
                    plain = false;
            unsigned long a = tn_digits_val(parts[0].s, parts[0].ln), bb = tn_digits_val(parts[1].s, parts[1].ln);
            bool score = k >= 3 || np_score_ctx(c) || (plain && k == 2 && a >= bb && parts[0].ln <= 2 && parts[1].ln <= 2);
            if (score && plain) {
                for (int j = 0; j < k; j++) tn_say_lit(c->o, parts[j].s, parts[j].ln, false);
                return c->i;
            }
            if (k != 2) return -1;
            np_part_say(c, &parts[0], true);
            tn_w(c->o, "đến");
            np_part_say(c, &parts[1], true);
            return parts[1].ln == parts[1].n ? np_next_unit(c) : c->i;
        }
        if (si == 1 && k == 2) {
            if (parts[0].n != parts[0].ln) return -1;
            if (n == 4 && memcmp(b, "24/7", 4) == 0) { /* "hỗ trợ 24/7": round the clock */
                tn_w(c->o, "hai mươi tư trên bảy");
                return c->i;
            } /* "500đ/lít" is a suffix, handled elsewhere */
            tn_say_lit(c->o, parts[0].s, parts[0].ln, false);
            tn_w(c->o, "phần");
            if (parts[1].ln == 1 && parts[1].s[0] == '4' && parts[1].n == 1) tn_w(c->o, "tư");
            else np_part_say(c, &parts[1], true);
            return parts[1].ln == parts[1].n ? np_next_unit(c) : c->i; /* "1/2 kg" */
        }
        if (si == 2) {
            for (int j = 0; j < k; j++) {
                if (j) tn_w(c->o, "nhân");
                np_part_say(c, &parts[j], true);
            }
            return parts[k - 1].ln == parts[k - 1].n ? np_next_unit(c) : c->i;
        }
    }
    return -1;
}

/* English digit grouping in an amount (docs/textnorm-codes.md): a literal
 * with exactly one comma followed by exactly three digits ("1,299",
 * "1,299.99") is thousands, not the Vietnamese decimal comma, after a foreign
 * currency sign ("$1,299", "€1,250") or before a foreign currency code
 * ("5,000 USD"); and ",000" is thousands anywhere ("10,000 xe": a decimal is
 * not written with three trailing zeros). Reads it and returns true if so. */
static bool np_at_tok_start(const tn_ctx *c, const char *s) { return s == c->t[c->i].b; }

static bool np_en_thousands(tn_ctx *c, const char *s, size_t l, const f5_tn_entry *cur) {
    size_t d = 0;
    while (d < l && tn_is_digit(s[d])) d++;
    if (d < 1 || d > 3 || d + 4 > l || s[d] != ',' || !tn_is_digit(s[d + 1]) || !tn_is_digit(s[d + 2]) ||
        !tn_is_digit(s[d + 3]) || (d + 4 < l && (s[d + 4] != '.' || d + 5 >= l)))
        return false;
    for (size_t i = d + 5; i < l; i++)
        if (!tn_is_digit(s[i])) return false;
    bool en = memcmp(s + d + 1, "000", 3) == 0 && d + 4 == l;
    if (!en && cur) en = strcmp(cur->value, "đồng") != 0;
    if (!en && !cur && c->t[c->i].trn == 0 && c->i + 1 < c->nt && s + l == c->t[c->i].b + c->t[c->i].bn) {
        const tn_tok *nx = &c->t[c->i + 1];
        const char *sl = memchr(nx->b, '/', nx->bn); /* "USD/người/năm": the code before a per-unit */
        size_t cn = sl ? (size_t)(sl - nx->b) : nx->bn;
        const f5_tn_entry *e = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, nx->b, cn, false);
        en = e && strcmp(e->value, "đồng") != 0 && cn >= 3 && nx->b[0] >= 'A' && nx->b[0] <= 'Z';
    }
    if (!en && !cur && c->i > 0 && np_at_tok_start(c, s)) { /* "USD 1,500": the code read before, said after */
        const tn_tok *pv = &c->t[c->i - 1];
        const f5_tn_entry *e = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, pv->b, pv->bn, false);
        en = e && strcmp(e->value, "đồng") != 0 && pv->bn >= 3 && pv->b[0] >= 'A' && pv->b[0] <= 'Z';
    }
    if (!en) return false;
    char buf[32];
    size_t bn = 0;
    for (size_t i = 0; i < l && bn < sizeof buf; i++)
        if (s[i] != ',') buf[bn++] = s[i];
    tn_say_lit(c->o, buf, bn, true);
    return true;
}

/* A proper fraction "a/b" (0 < a < b <= 16) at s[0..n): its value parts, or false. */
static bool np_proper_fraction(const char *s, size_t n, unsigned *a, unsigned *b) {
    const char *sl = memchr(s, '/', n);
    if (!sl || sl == s || sl + 1 == s + n || !tn_all_digits(s, (size_t)(sl - s)) ||
        !tn_all_digits(sl + 1, (size_t)(s + n - sl - 1)) || sl - s > 2 || s + n - sl - 1 > 2)
        return false;
    *a = (unsigned)tn_digits_val(s, (size_t)(sl - s));
    *b = (unsigned)tn_digits_val(sl + 1, (size_t)(s + n - sl - 1));
    return *a > 0 && *a < *b && *b <= 16;
}

/* "1/2-3/4 cốc", "1/4-1/2 thìa", "1/2-1 chén": a range of proper fractions
 * (or a fraction then a small whole number), read "a phần b đến c phần d",
 * unless a date is announced ("ngày 1/2-3/2", "từ 1/2-3/4": dates). */
static int np_fraction_range(tn_ctx *c, const char *b, size_t n) {
    const char *dash = memchr(b, '-', n);
    unsigned a1, b1, a2 = 0, b2 = 0;
    if (!dash || !np_proper_fraction(b, (size_t)(dash - b), &a1, &b1) || tn_date_context(c)) return -1;
    const char *r = dash + 1;
    size_t rn = (size_t)(b + n - r);
    bool frac2 = np_proper_fraction(r, rn, &a2, &b2);
    if (!frac2 && !(rn >= 1 && rn <= 2 && tn_all_digits(r, rn) && tn_digits_val(r, rn) <= 10)) return -1;
    tn_say_uint(c->o, a1);
    tn_w(c->o, "phần");
    b1 == 4 ? tn_w(c->o, "tư") : tn_say_uint(c->o, b1);
    tn_w(c->o, "đến");
    if (frac2) {
        tn_say_uint(c->o, a2);
        tn_w(c->o, "phần");
        b2 == 4 ? tn_w(c->o, "tư") : tn_say_uint(c->o, b2);
    } else
        tn_say_int(c->o, r, rn);
    return np_next_unit(c);
}

/* "24H2", "23H2": a Windows-style release (two digits, capital H, half 1 or
 * 2), not a time; "4K", "8K": a video resolution, not 4000, unless a price
 * is announced ("giá 4K"). Read number, letter, digit. */
static int np_release_code(tn_ctx *c, const char *b, size_t n) {
    if (n == 4 && tn_is_digit(b[0]) && tn_is_digit(b[1]) && b[2] == 'H' && (b[3] == '1' || b[3] == '2')) {
        tn_say_int(c->o, b, 2);
        tn_w(c->o, "h");
        tn_say_digit(c->o, b[3] - '0');
        return c->i;
    }
    static const char *const price[] = {"giá", "còn", "chỉ", "mất", "trả", "tốn", "phí", "ship", "lương"};
    if (n == 2 && strchr("2458", b[0]) && b[1] == 'K') {
        for (size_t k = 0; k < sizeof price / sizeof *price; k++)
            if (tn_prev_is(c, 0, price[k])) return -1;
        if (c->t[c->i].trn == 0 && c->i + 1 < c->nt && tn_unit(c->t[c->i + 1].b, c->t[c->i + 1].bn)) return -1;
        tn_say_digit(c->o, b[0] - '0');
        tn_w(c->o, "k");
        return c->i;
    }
    return -1;
}

/* Currency signs written before the number: $5, €10, US$3. */
static const f5_tn_entry *np_currency_prefix(const char *b, size_t n, size_t *len) {
    for (int i = 0; i < f5_tn_table_currencies_n; i++) {
        const f5_tn_entry *e = &f5_tn_table_currencies[i];
        size_t l = e->klen;
        if (l < n && f5_tn_has_flag(e, 'b') && memcmp(b, e->key, l) == 0 && tn_is_digit(b[l])) {
            *len = l;
            return e;
        }
    }
    return NULL;
}

/* "1 000 000": a 1-3 digit number followed by tokens of exactly 3 digits. */
static int np_space_thousands(tn_ctx *c, const char *b, size_t n) {
    if (!tn_all_digits(b, n) || n > 3 || b[0] == '0' || c->t[c->i].trn) return -1;
    int last = c->i;
    char digits[64];
    size_t dn = n;
    memcpy(digits, b, n);
    while (last + 1 < c->nt && dn + 3 < sizeof digits) {
        const tn_tok *nx = &c->t[last + 1];
        if (nx->bn != 3 || nx->b != nx->s || !tn_all_digits(nx->b, 3)) break;
        memcpy(digits + dn, nx->b, 3);
        dn += 3;
        last++;
        if (nx->trn) break;
    }
    if (last == c->i) return -1;
    tn_say_int(c->o, digits, dn);
    int save = c->i;
    c->i = last;
    int r = np_next_unit(c);
    c->i = save;
    return r;
}

int tn_number_token(tn_ctx *c, const char *b, size_t n) {
    int r;
    size_t lead = 0;
    while (lead < n && tn_is_digit(b[lead])) lead++;
    if (lead >= 5 && lead < n && !c->caps && b[lead] >= 'A' && b[lead] <= 'Z' && !tn_unit(b + lead, n - lead))
        return -1; /* "240512ABC": a code, read by the word handler digit by digit */
    if (lead >= 3 && lead <= 4 && n == lead + 2 && b[lead] == '-' && tn_is_digit(b[lead + 1]) && c->i > 0) {
        const tn_tok *pv = &c->t[c->i - 1]; /* "Boeing 787-9": a model's variant, not a range */
        bool brand = pv->trn == 0 && pv->bn >= 3 && pv->b[0] >= 'A' && pv->b[0] <= 'Z';
        for (size_t k = 1; brand && k < pv->bn; k++) brand = pv->b[k] >= 'a' && pv->b[k] <= 'z';
        if (brand) {
            tn_say_int(c->o, b, lead);
            tn_say_digit(c->o, b[lead + 1] - '0');
            return c->i;
        }
    }
    if ((r = tn_month_token(c, b, n)) >= 0) return r;
    if (tn_service_number(c, b, n)) {
        tn_say_digits(c->o, b, n);
        return c->i;
    }
    if ((r = tn_phone_token(c, b, n)) >= 0) return r;
    if ((r = np_colon_score(c, b, n)) >= 0) return r;
    if ((r = np_space_thousands(c, b, n)) >= 0) return r;
    if (n == 4 && memcmp(b, "24/7", 4) == 0 && !tn_date_context(c)) return np_compound(c, b, n);
    if ((r = tn_house_number(c, b, n)) >= 0) return r;
    if ((r = np_fraction_range(c, b, n)) >= 0) return r;
    if ((r = np_release_code(c, b, n)) >= 0) return r;
    if ((r = tn_date_token(c, b, n)) >= 0) return r;
    if ((r = tn_time_token(c, b, n)) >= 0) return r;
    if (n >= 2 && n <= 3 && (b[n - 1] == 'g' || b[n - 1] == 'h') && tn_all_digits(b, n - 1) && tn_digits_val(b, n - 1) <= 24 &&
        tn_prev_is(c, 0, "lúc")) { /* "lúc 9g": hours, not grams */
        tn_say_int(c->o, b, n - 1);
        tn_w(c->o, "giờ");
        return c->i;
    }
    size_t pl = 0;
    const f5_tn_entry *cur = np_currency_prefix(b, n, &pl);
    bool neg = false;
    if (!cur && n >= 2 && b[0] == '-' && tn_is_digit(b[1])) neg = true, pl = 1;
    bool plus = false;
    if (!cur && n >= 2 && b[0] == '+' && tn_is_digit(b[1])) plus = true, pl = 1;
    const char *s = b + pl;
    size_t sn = n - pl;
    if (!cur && !neg && !plus && (r = np_compound(c, s, sn)) >= 0) return r;
    size_t l = tn_scan_lit(s, sn);
    size_t p2 = cur && l + 1 + pl < sn && memcmp(s + l + 1, b, pl) == 0 ? pl : 0; /* "$10-$20" or "$10-20" */
    if (cur && l && l + 1 + p2 < sn && s[l] == '-' && tn_scan_lit(s + l + 1 + p2, sn - l - 1 - p2) == sn - l - 1 - p2) {
        tn_say_lit(c->o, s, l, true);
        tn_w(c->o, "đến");
        tn_say_lit(c->o, s + l + 1 + p2, sn - l - 1 - p2, true);
        int last = tn_scale_word(c, c->i); /* "$1-2 triệu" */
        tn_w(c->o, cur->value);
        return last;
    }
    if (cur && l && l + 1 < sn && s[l] == '/' && tn_has_alpha(s + l + 1, sn - l - 1) && !tn_has_digit(s + l + 1, sn - l - 1)) {
        if (!np_en_thousands(c, s, l, cur)) tn_say_lit(c->o, s, l, true); /* "$4,200/tháng" */
        tn_w(c->o, cur->value);
        tn_w(c->o, "trên");
        tn_word_token(c, s + l + 1, sn - l - 1);
        return c->i;
    }
    /* "£3.2bn", "$5m", "€1.5bn": English scale shorthand after a currency sign */
    bool bn = cur && l && ((l + 2 == sn && s[l] == 'b' && s[l + 1] == 'n') || (l + 1 == sn && s[l] == 'm'));
    if (bn && strcmp(cur->value, "đồng") != 0) {
        tn_say_lit(c->o, s, l, true);
        tn_w(c->o, s[l] == 'm' ? "triệu" : "tỷ");
        tn_w(c->o, cur->value);
        return c->i;
    }
    if (!l || !np_suffix(c, NULL, s + l, sn - l)) return -1;
    if (neg && c->i > 0) { /* "10 -15%": a range written with the dash glued to the second number */
        const tn_tok *pv = &c->t[c->i - 1];
        char lc = pv->bn ? pv->b[pv->bn - 1] : 0;
        if (pv->trn == 0 && pv->bn && (tn_is_digit(lc) || lc == '%') && tn_is_digit(pv->b[0])) {
            if (!np_score_ctx(c)) tn_w(c->o, "đến");
            neg = false;
        }
    }
    if (neg) tn_w(c->o, "âm");
    if (plus) tn_w(c->o, "cộng");
    /* ordinals: thứ 1 -> thứ nhất, thứ 4 -> thứ tư */
    if (l == sn && tn_prev_is(c, 0, "thứ") && l == 1 && (s[0] == '1' || s[0] == '4')) {
        tn_w(c->o, s[0] == '1' ? "nhất" : "tư");
        return c->i;
    }
    if (cur && l + 1 == sn && strchr("KkMB", s[l])) { /* "$500K", "€2.5M", "$3.2B" */
        tn_say_lit(c->o, s, l, true);
        tn_w(c->o, s[l] == 'M' ? "triệu" : s[l] == 'B' ? "tỷ" : "nghìn");
        tn_w(c->o, cur->value);
        return c->i;
    }
    if (!np_en_thousands(c, s, l, cur)) tn_say_lit(c->o, s, l, true);
    int last = c->i;
    if (cur && l == sn) last = tn_scale_word(c, c->i); /* "$1,5 triệu" -> "một phẩy năm triệu đô la" */
    if (cur) tn_w(c->o, cur->value);
    if (last != c->i) return last;
    if (l < sn) {
        np_suffix(c, c->o, s + l, sn - l);
        return c->i;
    }
    if (cur) return c->i;
    int k = tn_scale_word(c, c->i); /* "150 triệu km": the unit after the scale word */
    if (k == c->i) return np_next_unit(c);
    int save = c->i;
    c->i = k;
    k = np_next_unit(c);
    c->i = save;
    return k;
}
