/* textnorm_numpat.c - tokens that contain digits: phone numbers and
 * identifiers, house numbers, ranges and scores, fractions, dimensions,
 * numbers with their thousands/decimal separators, signs, currencies (read
 * after the number), percent, units (from units.tsv) and shorthand amounts
 * (25k, 1tr5). Dates and times are in textnorm_datetime.c.
 */
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <string.h>

/* Numeric literal at s: digits ([.,] digits)*. Returns its length (0 if none). */
static size_t np_scan_lit(const char *s, size_t n) {
    size_t i = 0;
    if (!n || !tn_is_digit(s[0])) return 0;
    while (i < n && tn_is_digit(s[i])) i++;
    while (i + 1 < n && (s[i] == '.' || s[i] == ',') && tn_is_digit(s[i + 1])) {
        i++;
        while (i < n && tn_is_digit(s[i])) i++;
    }
    return i;
}

unsigned long tn_digits_val(const char *s, size_t n) {
    unsigned long v = 0;
    for (size_t i = 0; i < n && i < 9; i++) v = v * 10 + (unsigned long)(s[i] - '0');
    return n > 9 ? 999999999UL : v;
}

/* Read a numeric literal (validated by np_scan_lit). */
static void np_say_lit(tn_out *o, const char *s, size_t n, bool lead_zero_digits) {
    size_t gs[64], gl[64];
    char sep[64];
    int ng = 0;
    for (size_t i = 0; i < n && ng < 64;) {
        size_t st = i;
        while (i < n && tn_is_digit(s[i])) i++;
        gs[ng] = st;
        gl[ng] = i - st;
        sep[ng] = i < n ? s[i] : 0;
        ng++;
        if (i < n) i++;
    }
    if (ng == 1) {
        if (lead_zero_digits && n > 1 && s[0] == '0') tn_say_digits(o, s, n);
        else tn_say_int(o, s, n);
        return;
    }
    char digits[256];
    size_t dn = 0;
    /* thousands with dots, optional decimal comma */
    int ndots = 0, ncommas = 0;
    for (int g = 0; g < ng - 1; g++) sep[g] == '.' ? ndots++ : ncommas++;
    bool groups3 = gl[0] <= 3;
    int last_int = ng - 1; /* index of the last integer group */
    if (ndots >= 1 && sep[ng - 2] == ',' && ncommas == 1) last_int = ng - 2;
    else if (ncommas >= 1 && sep[ng - 2] == '.' && ndots == 1 && ng >= 3) last_int = ng - 2;
    for (int g = 1; g <= last_int; g++)
        if (gl[g] != 3) groups3 = false;
    char isep = 0;
    bool uniform = true;
    for (int g = 0; g < last_int; g++) {
        if (!isep) isep = sep[g];
        if (sep[g] != isep) uniform = false;
    }
    bool thousands = groups3 && uniform && last_int >= 1 && (isep == '.' || (isep == ',' && (last_int >= 2 || last_int < ng - 1)));
    if (thousands) {
        for (int g = 0; g <= last_int && dn + gl[g] < sizeof digits; g++) {
            memcpy(digits + dn, s + gs[g], gl[g]);
            dn += gl[g];
        }
        tn_say_int(o, digits, dn);
        if (last_int < ng - 1) {
            tn_w(o, "phẩy");
            tn_say_digits(o, s + gs[ng - 1], gl[ng - 1]);
        }
        return;
    }
    if (ng == 2 && sep[0] == ',') {
        tn_say_decimal(o, s + gs[0], gl[0], s + gs[1], gl[1], "phẩy");
        return;
    }
    if (ng == 2 && sep[0] == '.') {
        tn_say_int(o, s + gs[0], gl[0]);
        tn_w(o, "chấm");
        if (gl[1] <= 2 && s[gs[1]] != '0') tn_say_int(o, s + gs[1], gl[1]);
        else tn_say_digits(o, s + gs[1], gl[1]);
        return;
    }
    for (int g = 0; g < ng; g++) { /* version numbers and anything else */
        tn_say_int(o, s + gs[g], gl[g]);
        if (g < ng - 1) tn_w(o, sep[g] == ',' ? "phẩy" : "chấm");
    }
}

static const f5_tn_entry *np_unit(const char *s, size_t n) {
    const f5_tn_entry *e = f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, s, n, false);
    if (!e) e = f5_tn_lookup(f5_tn_table_units, f5_tn_table_units_n, s, n, false);
    return e;
}

/* Is s[0..n) a suffix we can read after a number? Says it when o != NULL. */
static bool np_suffix(tn_out *o, const char *s, size_t n) {
    if (!n) return true;
    const f5_tn_entry *e = np_unit(s, n);
    if (e) {
        if (o) tn_w(o, e->value);
        return true;
    }
    if (n == 1 && s[0] == '%') {
        if (o) tn_w(o, "phần trăm");
        return true;
    }
    if (n == 1 && (s[0] == 'k' || s[0] == 'K')) {
        if (o) tn_w(o, "nghìn");
        return true;
    }
    if (n >= 1 && s[n - 1] == '+' && (n == 1 || s[n - 2] != '+') && np_suffix(NULL, s, n - 1)) { /* "1.000+", "500k+" */
        if (o) {
            np_suffix(o, s, n - 1);
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
        bool lu = np_suffix(NULL, s, ln);
        bool ru = true; /* each piece after a "/" is a unit or a word: "đ/m2/tháng" */
        for (const char *q = sl + 1, *e = s + n; q < e && ru;) {
            const char *qe = memchr(q, '/', (size_t)(e - q));
            if (!qe) qe = e;
            ru = qe > q && (np_unit(q, (size_t)(qe - q)) || !tn_has_digit(q, (size_t)(qe - q)));
            q = qe + 1;
        }
        if (lu && ru) {
            if (o) {
                np_suffix(o, s, ln);
                tn_w(o, "trên");
                const f5_tn_entry *r = np_unit(sl + 1, rn);
                if (r) tn_w(o, r->value);
                else /* "đ/người/lượt": each further piece is a unit or a word */
                    for (const char *q = sl + 1, *e = s + n; q < e;) {
                        const char *qe = memchr(q, '/', (size_t)(e - q));
                        if (!qe) qe = e;
                        if (q > sl + 1) tn_w(o, "trên");
                        const f5_tn_entry *u = np_unit(q, (size_t)(qe - q));
                        if (u) tn_w(o, u->value);
                        else tn_w_lower(o, q, (size_t)(qe - q));
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
        if (o) tn_w_lower(o, s, n); /* 4G, 10A, 5tuổi */
        return true;
    }
    return false;
}

/* Words after which a digit string is an identifier read digit by digit:
 * right before the number, or (strong ones) up to 4 words before it. */
static const char *const np_id_near[] = {"gọi", "đài", "nóng", "mã", "bấm", "quay"};
static const char *const np_id_far[] = {"thoại", "hotline", "sđt", "otp", "zalo", "fax", "stk", "tài khoản", "mã số"};

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

static bool np_phone_context(tn_ctx *c) {
    for (size_t k = 0; k < sizeof np_id_near / sizeof *np_id_near; k++)
        if (tn_prev_is(c, 0, np_id_near[k])) return true;
    /* identifiers named a few words before: "mã bưu chính 700000", "số CCCD 0123..." */
    static const char *const id_words[] = {"mã", "cmnd", "cccd", "mst", "imei", "seri", "serial", "pin", "căn cước",
                                           "chứng minh", "báo danh", "vận đơn", "số hiệu"};
    const tn_tok *me = &c->t[c->i];
    /* SMS short codes: "nhắn tin đến 8079.", "soạn tin DK gửi 9029" (at the end of a clause) */
    if (me->bn >= 3 && me->bn <= 5 && tn_all_digits(me->b, me->bn) && (me->trn || c->i + 1 == c->nt))
        for (int back = 0; back < 4; back++)
            if (tn_prev_phrase(c, back, "nhắn tin") || tn_prev_phrase(c, back, "soạn tin")) return true;
    if (me->bn >= 4 && tn_all_digits(me->b, me->bn) && !(me->trn == 0 && c->i + 1 < c->nt && np_unit(c->t[c->i + 1].b, c->t[c->i + 1].bn)))
        for (int back = 0; back < 3; back++)
            for (size_t k = 0; k < sizeof id_words / sizeof *id_words; k++)
                if (tn_prev_phrase(c, back, id_words[k]) &&
                    !(back > 0 && (tn_prev_is(c, back - 1, "hóa") || tn_prev_is(c, back - 1, "hoá"))))
                    return true; /* not "mã hóa 1000 tệp" */
    for (int back = 0; back < 4; back++)
        for (size_t k = 0; k < sizeof np_id_far / sizeof *np_id_far; k++)
            if (tn_prev_phrase(c, back, np_id_far[k])) return true;
    return false;
}

/* Phone-style digits: groups separated by . - or spaces, read digit by digit. */
static void np_say_phone(tn_out *o, const char *s, size_t n) {
    size_t i = 0;
    if (n && s[0] == '+') {
        tn_w(o, "cộng");
        i = 1;
    }
    tn_say_digits(o, s + i, n - i);
}

static size_t np_count_digits(const char *s, size_t n) {
    size_t d = 0;
    for (size_t i = 0; i < n; i++) d += tn_is_digit(s[i]);
    return d;
}

static bool np_phone_chars(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!tn_is_digit(s[i]) && s[i] != '.' && s[i] != '-' && !(i == 0 && s[i] == '+')) return false;
    return n > 0;
}

/* The next token makes the number an amount: a unit, a currency, a scale
 * word ("tài khoản bị trừ 500.000 đồng", "điện thoại 6.1 inch"). */
static bool np_amount_follows(const tn_ctx *c) {
    static const char *const w[] = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm", "%", "k", "tr"};
    if (c->t[c->i].trn || c->i + 1 >= c->nt) return false;
    const tn_tok *nx = &c->t[c->i + 1];
    if (np_unit(nx->b, nx->bn)) return true;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tn_tok_is(c, c->i + 1, w[k])) return true;
    return false;
}

/* Try phone numbers, possibly over several tokens. Returns last token or -1. */
static int np_phone(tn_ctx *c, const char *b, size_t n) {
    if (!np_phone_chars(b, n) || np_amount_follows(c)) return -1;
    bool ctx = np_phone_context(c);
    size_t digits = np_count_digits(b, n);
    if (digits < 3 && b[0] != '0' && b[0] != '+') return -1; /* "điện thoại 6.1": too short for a phone number or a code */
    bool plus = b[0] == '+';
    bool zero = b[0] == '0';
    bool hot = n >= 4 && (memcmp(b, "1900", 4) == 0 || memcmp(b, "1800", 4) == 0) && (n == 4 || !tn_is_digit(b[4]) || digits == 8);
    bool seps = memchr(b, '.', n) || memchr(b, '-', n);
    if (seps && !plus && !zero && !ctx && !hot) return -1;
    if (!plus && !zero && !hot && !ctx) return -1;
    if (seps && zero && digits < 9 && !ctx) return -1;
    /* merge following all-digit tokens */
    int last = c->i;
    size_t total = digits;
    const tn_tok *me = &c->t[c->i];
    bool closing_only = true; /* "(028) 3822 1234" */
    for (size_t k = 0; k < me->trn; k++)
        if (me->tr[k] != ')') closing_only = false;
    if (closing_only) {
        while (last + 1 < c->nt) {
            const tn_tok *nx = &c->t[last + 1];
            size_t nd = np_count_digits(nx->b, nx->bn); /* "3822", "38.123.456" */
            if (!np_phone_chars(nx->b, nx->bn) || !tn_is_digit(nx->b[0]) || !tn_is_digit(nx->b[nx->bn - 1]) ||
                nd < 2 || nd > 8 || nx->b != nx->s)
                break;
            if (!zero && !plus && !hot && !ctx) break;
            if (total + nd > 12) break;
            total += nd;
            last++;
            if (nx->trn) break;
        }
    }
    if (!ctx && !plus && total < 8 && !(hot && last > c->i)) {
        if (zero && n >= 2 && last == c->i && tn_all_digits(b, n)) { /* 007: identifier */
            tn_say_digits(c->o, b, n);
            return c->i;
        }
        return -1;
    }
    if (ctx && last == c->i && tn_all_digits(b, n) && n < 3) return -1;
    np_say_phone(c->o, b, n);
    for (int k = c->i + 1; k <= last; k++) tn_say_digits(c->o, c->t[k].b, c->t[k].bn);
    return last;
}

/* "số 45/12", "hẻm 12/3/4": a house number, its parts joined by "trên". */
static int np_house_number(tn_ctx *c, const char *b, size_t n) {
    static const char *const w[] = {"số", "nhà", "hẻm", "ngõ", "ngách", "kiệt", "địa chỉ"};
    const char *sl = memchr(b, '/', n);
    if (!sl || !tn_is_digit(b[0])) return -1;
    bool ctx = false;
    for (size_t k = 0; k < sizeof w / sizeof *w && !ctx; k++) ctx = tn_prev_phrase(c, 0, w[k]);
    if (!ctx) return -1;
    for (size_t i = 0; i < n; i++) { /* parts: digits, then at most 2 letters (12A) */
        size_t st = i;
        while (i < n && tn_is_digit(b[i])) i++;
        if (i == st) return -1;
        size_t ls = i;
        while (i < n && ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z')) i++;
        if (i - ls > 2 || (i < n && b[i] != '/') || i + 1 == n) return -1;
    }
    for (size_t i = 0; i < n;) {
        size_t st = i;
        while (i < n && b[i] != '/') i++;
        if (st) tn_w(c->o, "trên");
        size_t dn = st;
        while (dn < i && tn_is_digit(b[dn])) dn++;
        if (dn - st > 1 && b[st] == '0') tn_say_digits(c->o, b + st, dn - st);
        else tn_say_int(c->o, b + st, dn - st);
        if (dn < i) tn_w_lower(c->o, b + dn, i - dn);
        i++;
    }
    return c->i;
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
    if (c->t[k].trn || k + 1 >= c->nt) return k;
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        if (tn_tok_is(c, k + 1, w[i])) {
            tn_w(c->o, w[i]);
            return k + 1;
        }
    return k;
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
    const f5_tn_entry *u = np_unit(nx->b, nx->bn);
    if (u) {
        tn_w(c->o, u->value);
        return c->i + 1;
    }
    const char *sl = memchr(nx->b, '/', nx->bn);
    size_t ln = sl ? (size_t)(sl - nx->b) : 0;
    bool shorthand = (ln == 2 && memcmp(nx->b, "tr", 2) == 0) || (ln == 1 && (nx->b[0] == 'k' || nx->b[0] == 'K'));
    if (sl && np_suffix(NULL, nx->b, nx->bn) && (np_unit(nx->b, ln) || shorthand)) { /* "đồng/kg", "tr/tháng" */
        np_suffix(c->o, nx->b, nx->bn);
        return c->i + 1;
    }
    return c->i;
}

/* One "literal + suffix" part. */
typedef struct np_part {
    const char *s;
    size_t ln, n; /* literal length, whole length */
} np_part;

static bool np_part_ok(const char *s, size_t n, np_part *p) {
    size_t l = np_scan_lit(s, n);
    if (!l) return false;
    p->s = s;
    p->ln = l;
    p->n = n;
    return np_suffix(NULL, s + l, n - l);
}

static void np_part_say(tn_ctx *c, const np_part *p, bool with_suffix) {
    np_say_lit(c->o, p->s, p->ln, true);
    if (with_suffix) np_suffix(c->o, p->s + p->ln, p->n - p->ln);
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
                if (k == 4 || !np_part_ok(b + st, i - st, &parts[k])) ok = false;
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
                for (int j = 0; j < k; j++) np_say_lit(c->o, parts[j].s, parts[j].ln, false);
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
            np_say_lit(c->o, parts[0].s, parts[0].ln, false);
            tn_w(c->o, "phần");
            if (parts[1].ln == 1 && parts[1].s[0] == '4' && parts[1].n == 1) tn_w(c->o, "tư");
            else np_part_say(c, &parts[1], true);
            return c->i;
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

static bool np_service_number(tn_ctx *c, const char *b, size_t n) {
    static const char *const w[] = {"gọi", "số", "hotline", "nóng", "đài", "cứu", "báo", "quay", "bấm", "hoặc"};
    if (n != 3 || b[0] != '1' || b[1] != '1' || b[2] < '1' || b[2] > '9') return false;
    for (int back = 0; back < 4; back++)
        for (size_t k = 0; k < sizeof w / sizeof *w; k++)
            if (tn_prev_is(c, back, w[k])) return true;
    return false;
}

int tn_number_token(tn_ctx *c, const char *b, size_t n) {
    int r;
    if ((r = tn_month_token(c, b, n)) >= 0) return r;
    if (np_service_number(c, b, n)) {
        tn_say_digits(c->o, b, n);
        return c->i;
    }
    if ((r = np_phone(c, b, n)) >= 0) return r;
    if ((r = np_colon_score(c, b, n)) >= 0) return r;
    if ((r = np_space_thousands(c, b, n)) >= 0) return r;
    if (n == 4 && memcmp(b, "24/7", 4) == 0 && !tn_date_context(c)) return np_compound(c, b, n);
    if ((r = np_house_number(c, b, n)) >= 0) return r;
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
    size_t l = np_scan_lit(s, sn);
    if (!l || !np_suffix(NULL, s + l, sn - l)) return -1;
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
    np_say_lit(c->o, s, l, true);
    int last = c->i;
    if (cur && l == sn) last = tn_scale_word(c, c->i); /* "$1,5 triệu" -> "một phẩy năm triệu đô la" */
    if (cur) tn_w(c->o, cur->value);
    if (last != c->i) return last;
    if (l < sn) {
        np_suffix(c->o, s + l, sn - l);
        return c->i;
    }
    if (cur) return c->i;
    return np_next_unit(c);
}
