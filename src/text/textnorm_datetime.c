/* textnorm_datetime.c - dates and times inside number tokens: d/m/y with
 * "/", "-" or "." (day first, ISO y-m-d too), m/y, bare d/m when the context
 * says it is a date rather than a fraction, day ranges (20-25/12), times
 * (7h30, 7g30, 7:30, hh:mm:ss) and time ranges (8h-17h). "ngày" is inserted
 * before a bare date unless a day word precedes; month 4 is "tư".
 */
#include "text/textnorm.h"

#include <string.h>

static void dt_say_month(tn_out *o, unsigned long m) {
    if (m == 4) tn_w(o, "tư");
    else tn_say_uint(o, m);
}

bool tn_date_context(tn_ctx *c) {
    static const char *const w[] = {"ngày", "sáng", "trưa", "chiều", "tối", "đêm", "hôm", "lúc", "từ", "đến",
                                    "tới", "vào", "hạn", "dịp", "lễ", "mùng", "mồng", "nay", "qua", "mai", "kể",
                                    "trước", "sau", "khuya", "rạng"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tn_prev_is(c, 0, w[k])) return true;
    if (tn_weekday_before(c, 0)) return true; /* "thứ Hai 7/10", "chủ nhật, 5/10" */
    /* "hôm nay là 1/6", "sinh nhật tôi là 5/8": a time phrase shortly before "là" */
    static const char *const ph[] = {"hôm nay", "hôm qua", "ngày mai", "sinh nhật", "kỷ niệm", "hạn chót",
                                     "ngày sinh", "ngày lễ", "quốc khánh", "khai giảng"};
    /* ... or right before it: "khai giảng 5/9", "đến hết 3/5" */
    bool la = tn_prev_is(c, 0, "là");
    for (int back = la; back <= (la ? 3 : 0); back++)
        for (size_t k = 0; k < sizeof ph / sizeof *ph; k++)
            if (tn_prev_phrase(c, back, ph[k])) return true;
    return tn_prev_phrase(c, 0, "đến hết") || tn_prev_phrase(c, 0, "tới hết");
}

bool tn_weekday_before(tn_ctx *c, int back) {
    static const char *const d[] = {"hai", "ba", "tư", "năm", "sáu", "bảy"};
    if (tn_prev_phrase(c, back, "chủ nhật")) return true;
    if (!tn_prev_is(c, back + 1, "thứ")) return false;
    for (size_t k = 0; k < sizeof d / sizeof *d; k++)
        if (tn_prev_is(c, back, d[k])) return true;
    return false;
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

/* Words after a bare d/m that make it a date ("2/9 năm nay", "30/4 tới"),
 * where a fraction would be followed by a noun ("1/3 số học sinh"). */
static bool dt_date_after(tn_ctx *c) {
    static const char *const w[] = {"này", "tới", "vừa", "hằng", "hàng", "sắp", "vào", "lúc"};
    if (c->t[c->i].trn || c->i + 1 >= c->nt) return false;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tn_tok_is(c, c->i + 1, w[k])) return true;
    if (tn_tok_is(c, c->i + 1, "năm") && c->i + 2 < c->nt &&
        (tn_tok_is(c, c->i + 2, "nay") || tn_tok_is(c, c->i + 2, "ngoái") || tn_tok_is(c, c->i + 2, "sau") ||
         tn_tok_is(c, c->i + 2, "trước") || tn_tok_is(c, c->i + 2, "đó")))
        return true;
    return false;
}

static void dt_say_day(tn_ctx *c, unsigned long d, bool with_ngay) {
    if (with_ngay && !tn_prev_is(c, 0, "ngày") && !tn_prev_is(c, 0, "mùng") && !tn_prev_is(c, 0, "mồng"))
        tn_w(c->o, "ngày");
    tn_say_uint(c->o, d);
}

/* Split s at the separators sep into at most 4 all-digit parts. */
static int dt_parts(const char *s, size_t n, char sepc, const char **p, size_t *pl) {
    int k = 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == sepc) {
            if (k == 4 || i == st || !tn_all_digits(s + st, i - st)) return 0;
            p[k] = s + st;
            pl[k] = i - st;
            k++;
            st = i + 1;
        }
    }
    return k;
}

/* Parts d, m[, yyyy] of a date. */
static bool dt_day_month(const char **p, const size_t *pl, int k) {
    unsigned long d = tn_digits_val(p[0], pl[0]), m = tn_digits_val(p[1], pl[1]);
    return pl[0] <= 2 && pl[1] <= 2 && d >= 1 && d <= 31 && m >= 1 && m <= 12 && (k == 2 || pl[2] == 4);
}

static void dt_say_date(tn_ctx *c, const char **p, const size_t *pl, int k) {
    dt_say_day(c, tn_digits_val(p[0], pl[0]), true);
    tn_w(c->o, "tháng");
    dt_say_month(c->o, tn_digits_val(p[1], pl[1]));
    if (k == 3) {
        tn_w(c->o, "năm");
        tn_say_int(c->o, p[2], pl[2]);
    }
}

int tn_date_token(tn_ctx *c, const char *b, size_t n) {
    const char *p[4];
    size_t pl[4];
    static const char seps[3] = {'/', '-', '.'};
    for (int si = 0; si < 3; si++) {
        int k = dt_parts(b, n, seps[si], p, pl);
        if (k == 3 && dt_day_month(p, pl, 3)) {
            dt_say_date(c, p, pl, 3);
            return c->i;
        }
        if (k == 3 && pl[0] == 4 && pl[1] <= 2 && pl[2] <= 2 && si != 2) { /* ISO yyyy-mm-dd */
            unsigned long m = tn_digits_val(p[1], pl[1]), d = tn_digits_val(p[2], pl[2]);
            if (d < 1 || d > 31 || m < 1 || m > 12) continue;
            dt_say_day(c, d, true);
            tn_w(c->o, "tháng");
            dt_say_month(c->o, m);
            tn_w(c->o, "năm");
            tn_say_int(c->o, p[0], pl[0]);
            return c->i;
        }
        bool after_day = tn_prev_is(c, 0, "ngày") || tn_prev_is(c, 0, "mùng") || tn_prev_is(c, 0, "mồng");
        if (k == 2 && (si != 2 || (after_day && pl[1] <= 2))) { /* "ngày 01.01" too */
            unsigned long a = tn_digits_val(p[0], pl[0]), m = tn_digits_val(p[1], pl[1]);
            if (pl[0] <= 2 && pl[1] == 4 && a >= 1 && a <= 4 && si == 0 && tn_prev_is(c, 0, "quý")) { /* quý 1/2025 */
                tn_say_uint(c->o, a);
                tn_w(c->o, "năm");
                tn_say_int(c->o, p[1], pl[1]);
                return c->i;
            }
            if (pl[0] <= 2 && pl[1] == 4 && a >= 1 && a <= 12 && si == 0) { /* mm/yyyy */
                if (!tn_prev_is(c, 0, "tháng")) tn_w(c->o, "tháng");
                dt_say_month(c->o, a);
                tn_w(c->o, "năm");
                tn_say_int(c->o, p[1], pl[1]);
                return c->i;
            }
            if (pl[0] <= 2 && pl[1] <= 2 && a >= 1 && a <= 31 && m >= 1 && m <= 12) {
                bool ngay = tn_prev_is(c, 0, "ngày") || tn_prev_is(c, 0, "mùng") || tn_prev_is(c, 0, "mồng");
                /* d/m without a year: a date after a date word, with a leading
                                 * zero, or when it cannot be a proper fraction (a >= m) */
                bool date = si == 0 ? (tn_date_context(c) || dt_date_after(c) || a >= m || p[0][0] == '0' || p[1][0] == '0')
                                    : ngay;
                /* "điểm 10/10", "9/10 điểm": a mark out of a maximum, read as a fraction */
                if (date && !ngay && (tn_prev_is(c, 0, "điểm") || (c->t[c->i].trn == 0 && tn_tok_is(c, c->i + 1, "điểm"))))
                    date = false;
                if (date) {
                    dt_say_day(c, a, true);
                    tn_w(c->o, "tháng");
                    dt_say_month(c->o, m);
                    return c->i;
                }
            }
        }
    }
    /* day range: D-D/M[/Y]; date range D/M[/Y]-D/M[/Y] */
    const char *dash = memchr(b, '-', n);
    const char *p2[4];
    size_t pl2[4];
    int k1 = dash ? dt_parts(b, (size_t)(dash - b), '/', p, pl) : 0;
    int k2 = dash ? dt_parts(dash + 1, n - (size_t)(dash - b) - 1, '/', p2, pl2) : 0;
    if ((k1 == 2 || k1 == 3) && k1 == k2 && dt_day_month(p, pl, k1) && dt_day_month(p2, pl2, k2)) {
        dt_say_date(c, p, pl, k1);
        tn_w(c->o, "đến");
        dt_say_date(c, p2, pl2, k2);
        return c->i;
    }
    if (dash) {
        size_t l1 = (size_t)(dash - b);
        int k = dt_parts(dash + 1, n - l1 - 1, '/', p, pl);
        if (l1 >= 1 && l1 <= 2 && tn_all_digits(b, l1) && (k == 2 || k == 3) && pl[0] <= 2 && pl[1] <= 2 &&
            (k == 2 || pl[2] == 4)) {
            unsigned long d1 = tn_digits_val(b, l1), d2 = tn_digits_val(p[0], pl[0]), m = tn_digits_val(p[1], pl[1]);
            if (d1 >= 1 && d1 <= 31 && d2 >= 1 && d2 <= 31 && m >= 1 && m <= 12) {
                dt_say_day(c, d1, true);
                tn_w(c->o, "đến");
                tn_w(c->o, "ngày");
                tn_say_uint(c->o, d2);
                tn_w(c->o, "tháng");
                dt_say_month(c->o, m);
                if (k == 3) {
                    tn_w(c->o, "năm");
                    tn_say_int(c->o, p[2], pl[2]);
                }
                return c->i;
            }
        }
    }
    return -1;
}

int tn_month_token(tn_ctx *c, const char *b, size_t n) {
    /* "tháng 4" is "tháng tư" and "tháng 09" "tháng chín", unless "tháng" is a
     * duration after a count ("3 tháng 4 ngày") or the number an amount
     * ("lương tháng 4 triệu") */
    static const char *const amount[] = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm", "đồng", "chục"};
    if (n > 2 || !tn_all_digits(b, n) || !tn_tok_is(c, c->i - 1, "tháng") || c->t[c->i - 1].trn ||
        (c->i >= 2 && tn_has_digit(c->t[c->i - 2].b, c->t[c->i - 2].bn)))
        return -1;
    for (size_t k = 0; k < sizeof amount / sizeof *amount && !c->t[c->i].trn; k++)
        if (tn_tok_is(c, c->i + 1, amount[k])) return -1;
    unsigned long m = tn_digits_val(b, n);
    if (m < 1 || m > 12) return -1;
    dt_say_month(c->o, m);
    return c->i;
}

/* H[h|g|:]MM[:SS] -> length consumed (0 if not a time); values out. */
static size_t dt_scan_time(const char *s, size_t n, unsigned long *h, unsigned long *m, unsigned long *sec,
                           bool *has_m, bool *has_s) {
    size_t i = 0;
    while (i < n && i < 2 && tn_is_digit(s[i])) i++;
    if (!i || i >= n) return 0;
    *h = tn_digits_val(s, i);
    *has_m = *has_s = false;
    char k = s[i];
    if (k != 'h' && k != 'g' && k != 'H' && k != ':') return 0;
    size_t j = i + 1, ms = j;
    while (j < n && j - ms < 2 && tn_is_digit(s[j])) j++;
    if (k == ':' && j - ms != 2) return 0;
    if ((k == 'g') && j == ms) return 0; /* 5g = five grams */
    if (j > ms) {
        *m = tn_digits_val(s + ms, j - ms);
        *has_m = true;
        if (*m >= 60) return 0;
    }
    if (k == ':' && j + 2 < n + 0 && j < n && s[j] == ':' && j + 3 <= n && tn_is_digit(s[j + 1]) && tn_is_digit(s[j + 2])) {
        *sec = tn_digits_val(s + j + 1, 2);
        if (*sec >= 60) return 0;
        *has_s = true;
        j += 3;
    }
    if (*h > 24) return 0;
    if (k != ':' && *has_m && j < n && (s[j] == 'p' || s[j] == '\'')) j++; /* 7h30p, 7h30' */
    return j;
}

static void dt_say_time(tn_out *o, unsigned long h, unsigned long m, unsigned long s, bool hm, bool hs) {
    tn_say_uint(o, h);
    tn_w(o, "giờ");
    if (hm && (m > 0 || hs)) {
        tn_say_uint(o, m);
        tn_w(o, "phút");
    }
    if (hs) {
        tn_say_uint(o, s);
        tn_w(o, "giây");
    }
}

int tn_time_token(tn_ctx *c, const char *b, size_t n) {
    unsigned long h, m = 0, s = 0, h2, m2 = 0, s2 = 0;
    bool hm, hs, hm2, hs2;
    size_t l = dt_scan_time(b, n, &h, &m, &s, &hm, &hs);
    if (!l) return -1;
    if (l == n) {
        bool said = !hs && !c->t[c->i].trn && tn_tok_is(c, c->i + 1, "phút"); /* "2h30 phút": the word is there */
        dt_say_time(c->o, h, m, s, hm && !said, hs);
        if (said && m > 0) tn_say_uint(c->o, m);
        return c->i;
    }
    if (b[l] == '-' && l + 1 < n) {
        size_t l2 = dt_scan_time(b + l + 1, n - l - 1, &h2, &m2, &s2, &hm2, &hs2);
        if (l2 && l + 1 + l2 == n) {
            dt_say_time(c->o, h, m, s, hm, hs);
            tn_w(c->o, "đến");
            dt_say_time(c->o, h2, m2, s2, hm2, hs2);
            return c->i;
        }
    }
    return -1;
}
