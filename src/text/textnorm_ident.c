/* textnorm_ident.c - digit strings that are identifiers, read digit by
 * digit: phone numbers (possibly over several space-separated groups, "+84"
 * read "cộng"), hotlines (1900/1800), short service numbers (113/114/115),
 * account numbers, OTP and other codes named by a context word; and house
 * numbers ("số 45/12"), whose parts are joined by "trên".
 */
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <string.h>

/* Words after which a digit string is an identifier read digit by digit:
 * right before the number, or (strong ones) up to 4 words before it. */
static const char *const id_near[] = {"gọi", "đài", "nóng", "mã", "bấm", "quay"};
static const char *const id_far[] = {"thoại", "hotline", "sđt", "otp", "zalo", "fax", "stk", "tài khoản", "mã số", "bưu chính", "bưu điện", "postcode", "zip", "xác thực"};

static bool id_amount_follows(const tn_ctx *c);

static bool id_phone_context(tn_ctx *c) {
    for (size_t k = 0; k < sizeof id_near / sizeof *id_near; k++)
        if (tn_prev_is(c, 0, id_near[k])) return true;
    /* identifiers named a few words before: "mã bưu chính 700000", "số CCCD 0123..." */
    static const char *const id_words[] = {"mã", "cmnd", "cccd", "mst", "imei", "seri", "serial", "pin", "căn cước",
                                           "chứng minh", "báo danh", "vận đơn", "số hiệu", "hộ chiếu", "lái xe", "bằng lái",
                                           "số khung", "số máy"};
    const tn_tok *me = &c->t[c->i];
    /* SMS short codes: "nhắn tin đến 8079.", "soạn tin DK gửi 9029" (at the end of a clause) */
    if (me->bn >= 3 && me->bn <= 5 && tn_all_digits(me->b, me->bn) && (me->trn || c->i + 1 == c->nt))
        for (int back = 0; back < 4; back++)
            if (tn_prev_phrase(c, back, "nhắn tin") || tn_prev_phrase(c, back, "soạn tin")) return true;
    if (me->bn >= 4 && tn_all_digits(me->b, me->bn) && !(me->trn == 0 && c->i + 1 < c->nt && tn_unit(c->t[c->i + 1].b, c->t[c->i + 1].bn)))
        /* a long string (>= 9 digits) is named further back: "số BHXH của tôi là 79..." */
        for (int back = 0; back < (me->bn >= 9 ? 5 : 3); back++)
            for (size_t k = 0; k < sizeof id_words / sizeof *id_words; k++)
                if (tn_prev_phrase(c, back, id_words[k]) &&
                    !(back > 0 && (tn_prev_is(c, back - 1, "hóa") || tn_prev_is(c, back - 1, "hoá"))))
                    return true; /* not "mã hóa 1000 tệp" */
    /* a long string (>= 9 digits) after a social-insurance name: "số BHXH (bảo hiểm xã hội) của tôi là 79..." */
    if (me->bn >= 9 && tn_all_digits(me->b, me->bn) && !id_amount_follows(c))
        for (int back = 0; back < 5; back++)
            if (tn_prev_phrase(c, back, "xã hội")) return true;
    /* the last 6 output words, found once (this runs for every digit string) */
    const char *w[6];
    size_t wn[6];
    for (int k = 0; k < 6; k++) w[k] = tn_last_word(c->o, &wn[k], k);
    for (int back = 0; back < 5 && w[back]; back++)
        for (size_t k = 0; k < sizeof id_far / sizeof *id_far; k++) {
            const char *ph = id_far[k], *sp = strchr(ph, ' ');
            if (!sp) {
                if (wn[back] == strlen(ph) && memcmp(w[back], ph, wn[back]) == 0) return true;
                continue;
            }
            size_t fl = (size_t)(sp - ph);
            if (w[back + 1] && wn[back + 1] == fl && memcmp(w[back + 1], ph, fl) == 0 && wn[back] == strlen(sp + 1) &&
                memcmp(w[back], sp + 1, wn[back]) == 0)
                return true;
        }
    return false;
}

/* Phone-style digits: groups separated by . - or spaces, read digit by digit. */
static void id_say_phone(tn_out *o, const char *s, size_t n) {
    size_t i = 0;
    if (n && s[0] == '+') {
        tn_w(o, "cộng");
        i = 1;
    }
    tn_say_digits(o, s + i, n - i);
}

static size_t id_count_digits(const char *s, size_t n) {
    size_t d = 0;
    for (size_t i = 0; i < n; i++) d += tn_is_digit(s[i]);
    return d;
}

static bool id_phone_chars(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!tn_is_digit(s[i]) && s[i] != '.' && s[i] != '-' && !(i == 0 && s[i] == '+')) return false;
    return n > 0;
}

/* The next token makes the number an amount: a unit, a currency, a scale
 * word ("tài khoản bị trừ 500.000 đồng", "điện thoại 6.1 inch"). */
static bool id_amount_follows(const tn_ctx *c) {
    static const char *const w[] = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm", "%", "k", "tr"};
    if (c->t[c->i].trn || c->i + 1 >= c->nt) return false;
    const tn_tok *nx = &c->t[c->i + 1];
    if (tn_unit(nx->b, nx->bn)) return true;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tn_tok_is(c, c->i + 1, w[k])) return true;
    return false;
}

/* Try phone numbers, possibly over several tokens. Returns last token or -1. */
int tn_phone_token(tn_ctx *c, const char *b, size_t n) {
    if (!id_phone_chars(b, n) || id_amount_follows(c)) return -1;
    if (memchr(b, '.', n) && b[0] != '0' && tn_prev_is(c, 0, "bản")) return -1; /* "Zalo bản 24.05.01": a version */
    bool ctx = id_phone_context(c);
    size_t digits = id_count_digits(b, n);
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
            size_t nd = id_count_digits(nx->b, nx->bn); /* "3822", "38.123.456" */
            if (!id_phone_chars(nx->b, nx->bn) || !tn_is_digit(nx->b[0]) || !tn_is_digit(nx->b[nx->bn - 1]) ||
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
    id_say_phone(c->o, b, n);
    for (int k = c->i + 1; k <= last; k++) tn_say_digits(c->o, c->t[k].b, c->t[k].bn);
    c->ident_end = last + 1;
    return last;
}

/* "số 45/12", "hẻm 12/3/4": a house number, its parts joined by "trên". */
int tn_house_number(tn_ctx *c, const char *b, size_t n) {
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

bool tn_service_number(tn_ctx *c, const char *b, size_t n) {
    static const char *const w[] = {"gọi", "số", "hotline", "nóng", "đài", "cứu", "báo", "quay", "bấm", "hoặc"};
    if (n != 3 || b[0] != '1' || b[1] != '1' || b[2] < '1' || b[2] > '9') return false;
    for (int back = 0; back < 4; back++)
        for (size_t k = 0; k < sizeof w / sizeof *w; k++)
            if (tn_prev_is(c, back, w[k])) return true;
    return false;
}
