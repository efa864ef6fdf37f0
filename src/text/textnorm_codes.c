/* textnorm_codes.c - codes read digit by digit or letter by letter
 * (docs/textnorm-codes.md): hyphenated codes ("AB-1234-XL", "HD-2024-0015",
 * ISBN "978-604-1-23456-7", "ABC-123456": letters kept, digits one by one,
 * a 19xx/20xx part read as a year), airline codes after "chuyến (bay)" ("VN 254",
 * "VN-A321": the code kept, not expanded to "việt nam"), and football minute
 * marks ("30'", "45+2'": "phút ba mươi"), Vietnamese licence plates
 * ("30A-123.45", "29B1-123.45", "43A-02345": the province code a number,
 * "59-X1 234.56": the province code a number, the series kept, the serial
 * digit by digit), and hexadecimal codes
 * ("0x80070005": "không ích" then digit by digit), building and terminal
 * codes ("tòa T2").
 */
#include "text/textnorm.h"

#include <string.h>

static bool cd_letters(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) return false;
    return n > 0;
}

int tn_code_token(tn_ctx *c, const char *b, size_t n) {
    size_t st[16], ln[16];
    int np = 0, ndig = 0, nlet = 0;
    for (size_t i = 0; i <= n;) {
        size_t e = i;
        while (e < n && b[e] != '-') e++;
        if (np == 16 || e == i) return -1;
        st[np] = i;
        ln[np] = e - i;
        if (tn_all_digits(b + i, e - i)) ndig++;
        else if (cd_letters(b + i, e - i)) nlet++;
        else return -1;
        np++;
        i = e + 1;
        if (e == n) break;
    }
    /* two parts: letters then 5 or more digits ("ABC-123456"; "COVID-19" stays a name) */
    bool two = np == 2 && nlet == 1 && ndig == 1 && cd_letters(b, ln[0]) && ln[1] >= 5;
    if ((np < 3 && !two) || !ndig || (nlet ? 0 : np < 4)) return -1;
    if (nlet && !(b[0] >= 'A' && b[0] <= 'Z') && !tn_is_digit(b[0])) return -1; /* lowercase words: a compound */
    for (int k = 0; k < np; k++) {
        const char *p = b + st[k];
        if (!tn_is_digit(p[0])) tn_w_lower(c->o, p, ln[k]);
        else if (ln[k] == 4 && (p[0] == '1' || p[0] == '2') && (memcmp(p, "19", 2) == 0 || memcmp(p, "20", 2) == 0) && nlet)
            tn_say_int(c->o, p, 4); /* a year inside a code */
        else tn_say_digits(c->o, p, ln[k]);
    }
    return c->i;
}

/* Contract: b[0..n) is a licence plate: 2 digits (province), 1-2 capitals
 * and an optional digit (series), "-", then a serial of 4-5 digits or
 * "123.45". Reads it (the serial digit by digit, its dot not spoken) and
 * returns c->i, or -1 (nothing written). */
static bool cd_plate_serial(const char *r, size_t rn) {
    return (rn == 6 && tn_all_digits(r, 3) && r[3] == '.' && tn_all_digits(r + 4, 2)) ||
           (rn >= 4 && rn <= 5 && tn_all_digits(r, rn));
}

static void cd_say_serial(tn_ctx *c, const char *r, size_t rn) {
    if (rn == 6 && r[3] == '.') {
        tn_say_digits(c->o, r, 3);
        tn_say_digits(c->o, r + 4, 2);
    } else
        tn_say_digits(c->o, r, rn);
}

/* "59-X1 234.56", "29-B1 12345": a motorbike plate written with the dash
 * after the province and the serial as the next token. */
static int cd_plate_spaced(tn_ctx *c, const char *b, size_t n) {
    if (n != 5 || !tn_is_digit(b[0]) || !tn_is_digit(b[1]) || b[2] != '-' || !(b[3] >= 'A' && b[3] <= 'Z') ||
        !(tn_is_digit(b[4]) || (b[4] >= 'A' && b[4] <= 'Z')))
        return -1;
    const tn_tok *me = &c->t[c->i];
    if (me->trn || c->i + 1 >= c->nt) return -1;
    const tn_tok *nx = &c->t[c->i + 1];
    if (nx->b != nx->s || !cd_plate_serial(nx->b, nx->bn)) return -1;
    tn_say_int(c->o, b, 2);
    tn_w_lower(c->o, b + 3, 1);
    if (tn_is_digit(b[4])) tn_say_digits(c->o, b + 4, 1);
    else tn_w_lower(c->o, b + 4, 1);
    cd_say_serial(c, nx->b, nx->bn);
    return c->i + 1;
}

int tn_plate_token(tn_ctx *c, const char *b, size_t n) {
    int sp = cd_plate_spaced(c, b, n);
    if (sp >= 0) return sp;
    if (n < 8 || !tn_is_digit(b[0]) || !tn_is_digit(b[1])) return -1;
    size_t i = 2;
    while (i < n && i < 4 && b[i] >= 'A' && b[i] <= 'Z') i++;
    size_t le = i;
    if (le == 2) return -1;
    if (i < n && tn_is_digit(b[i])) i++;
    size_t se = i;
    if (i >= n || b[i] != '-') return -1;
    const char *r = b + i + 1;
    size_t rn = n - i - 1;
    if (!cd_plate_serial(r, rn)) return -1;
    tn_say_int(c->o, b, 2);
    tn_w_lower(c->o, b + 2, le - 2);
    if (se > le) tn_say_digits(c->o, b + le, 1);
    cd_say_serial(c, r, rn);
    return c->i;
}

/* Contract: b[0..n) is "0x" + 2-16 hexadecimal digits (an error code, an
 * address): "không ích", then each digit (letters kept, lowercased).
 * Returns c->i, or -1. */
int tn_hex_token(tn_ctx *c, const char *b, size_t n) {
    if (n < 4 || n > 18 || b[0] != '0' || (b[1] != 'x' && b[1] != 'X')) return -1;
    for (size_t i = 2; i < n; i++)
        if (!tn_is_digit(b[i]) && !((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'f')) return -1;
    tn_w(c->o, "không");
    tn_w(c->o, "ích");
    for (size_t i = 2; i < n; i++) {
        if (tn_is_digit(b[i])) tn_say_digits(c->o, b + i, 1);
        else tn_w_lower(c->o, b + i, 1);
    }
    return c->i;
}

/* Contract: "T2".."T9" after a place word ("tòa T2", "nhà ga T2", "block
 * T3") is a building or terminal code, "t hai", not the weekday (README: T2
 * thứ hai elsewhere). Returns c->i, or -1. */
int tn_building_code(tn_ctx *c, const char *b, size_t n) {
    static const char *const w[] = {"tòa", "toà", "ga", "tháp", "block", "khu", "sảnh", "nhà"};
    if (n != 2 || b[0] != 'T' || b[1] < '1' || b[1] > '9') return -1;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tn_prev_is(c, 0, w[k])) {
            tn_w(c->o, "t");
            tn_say_digits(c->o, b + 1, 1);
            return c->i;
        }
    return -1;
}

/* "chuyến", "chuyến bay" or "bay" among the 6 tokens before the current one
 * ("chuyến bay VN 310 và VN 311"). */
static bool cd_flight_context(const tn_ctx *c) {
    if (tn_prev_is(c, 0, "chuyến") || tn_prev_is(c, 0, "bay")) return true;
    for (int k = 1; k <= 6 && c->i - k >= 0; k++)
        if (tn_tok_is(c, c->i - k, "chuyến") || tn_tok_is(c, c->i - k, "bay")) return true;
    return false;
}

/* An airline code as words: "VN" -> "vn", a capital + digit "K6" -> "k sáu"
 * (a digit never reaches the output). */
static void cd_airline(tn_ctx *c, const char *b) {
    if (tn_is_digit(b[1])) {
        tn_w_lower(c->o, b, 1);
        tn_say_digits(c->o, b + 1, 1);
    } else {
        tn_w_lower(c->o, b, 2);
    }
}

/* Contract: reads an airline code (two capitals, or capital + digit "VJ",
 * "QH", "VN", "K6") after "chuyến"/"bay" when a flight number follows (glued
 * after "-" or as the next token). Returns c->i, or -1 (nothing written). */
int tn_flight_code(tn_ctx *c, const char *b, size_t n) {
    if (n < 2 || !(b[0] >= 'A' && b[0] <= 'Z') || !((b[1] >= 'A' && b[1] <= 'Z') || tn_is_digit(b[1]))) return -1;
    if (!cd_flight_context(c)) return -1;
    const tn_tok *me = &c->t[c->i];
    if (n == 2) {
        if (me->trn || c->i + 1 >= c->nt || !c->t[c->i + 1].bn || !tn_is_digit(c->t[c->i + 1].b[0])) return -1;
        cd_airline(c, b);
        return c->i;
    }
    if (b[2] != '-' || n < 4) return -1;
    cd_airline(c, b);
    return tn_word_token(c, b + 3, n - 3);
}

/* Contract: "30'" / "45+2'" (the raw token's trailing run starts with an
 * apostrophe or U+2032 prime): a match minute, read "phút N" ("phút" not
 * repeated after "phút"). Returns c->i, or -1. */
int tn_minute_mark(tn_ctx *c, const char *b, size_t n) {
    const tn_tok *me = &c->t[c->i];
    if (!me->trn || !(me->tr[0] == '\'' || (me->trn >= 3 && memcmp(me->tr, "\xE2\x80\xB2", 3) == 0))) return -1;
    if (b != me->b || n != me->bn) return -1;
    const char *plus = memchr(b, '+', n);
    size_t l1 = plus ? (size_t)(plus - b) : n;
    if (!l1 || l1 > 3 || !tn_all_digits(b, l1) || tn_digits_val(b, l1) > 130) return -1;
    if (plus && (l1 + 1 >= n || n - l1 - 1 > 2 || !tn_all_digits(plus + 1, n - l1 - 1))) return -1;
    if (!tn_prev_is(c, 0, "phút")) tn_w(c->o, "phút");
    tn_say_int(c->o, b, l1);
    if (plus) {
        tn_w(c->o, "cộng");
        tn_say_int(c->o, plus + 1, n - l1 - 1);
    }
    return c->i;
}
