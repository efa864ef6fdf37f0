/* textnorm_num.c - the normaliser's output builder and number readers:
 * Vietnamese cardinals of any size (mươi/mười, mốt, tư, lăm, linh, "không
 * trăm" inside a number, empty groups skipped, "tỷ" groups recursively so
 * 10^12 is "một nghìn tỷ"), digit-by-digit reading, decimals, Roman numerals,
 * and numeric literals with their thousands/decimal separators.
 */
#include "text/textnorm.h"

#include <string.h>
#include <utf8proc.h>

static const char *const tn_digit_word[10] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

void tn_wn(tn_out *o, const char *words, size_t n) {
    if (!n) return;
    if (o->b.n && o->b.p[o->b.n - 1] != '\n' && o->b.p[o->b.n - 1] != ' ') f5_tx_putc(&o->b, ' ');
    f5_tx_put(&o->b, words, n);
}
void tn_w(tn_out *o, const char *words) { tn_wn(o, words, strlen(words)); }

void tn_lower_into(f5_tx_buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            f5_tx_putc(b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k) { /* cannot happen on validated text; copy the byte through */
            f5_tx_putc(b, (char)c);
            i++;
            continue;
        }
        f5_tx_put_cp(b, (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp));
        i += (size_t)k;
    }
}

void tn_w_lower(tn_out *o, const char *s, size_t n) {
    if (!n) return;
    if (o->b.n && o->b.p[o->b.n - 1] != '\n' && o->b.p[o->b.n - 1] != ' ') f5_tx_putc(&o->b, ' ');
    tn_lower_into(&o->b, s, n);
}

void tn_p(tn_out *o, const char *punct) {
    if (!o->b.n || o->b.p[o->b.n - 1] == '\n') return; /* nothing to attach to */
    f5_tx_puts(&o->b, punct);
}

void tn_break(tn_out *o) {
    if (o->b.n && o->b.p[o->b.n - 1] != '\n') f5_tx_putc(&o->b, '\n');
}

static bool tn_is_punct_char(char ch) {
    return ch == '.' || ch == ',' || ch == '!' || ch == '?' || ch == ';' || ch == ':';
}

const char *tn_last_word(const tn_out *o, size_t *n, int back) {
    size_t e = o->b.n;
    const char *p = o->b.p;
    for (int k = 0; k <= back; k++) {
        /* skip trailing punctuation attached to the word */
        while (e > 0 && tn_is_punct_char(p[e - 1])) e--;
        if (e == 0 || p[e - 1] == '\n') return NULL;
        size_t s = e;
        while (s > 0 && p[s - 1] != ' ' && p[s - 1] != '\n') s--;
        if (k == back) {
            *n = e - s;
            return e > s ? p + s : NULL;
        }
        if (s == 0 || p[s - 1] == '\n') return NULL;
        e = s - 1;
    }
    return NULL;
}

bool tn_last_is(const tn_out *o, const char *w) {
    size_t n;
    const char *p = tn_last_word(o, &n, 0);
    return p && n == strlen(w) && memcmp(p, w, n) == 0;
}

void tn_say_digit(tn_out *o, int d) { tn_w(o, tn_digit_word[d % 10]); }

void tn_say_digits(tn_out *o, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') tn_say_digit(o, s[i] - '0');
}

/* tens t and units u after a hundreds reading (full = a group that is not the leading one) */
static void tn_say_tens_units(tn_out *o, int t, int u, bool after_hundreds) {
    if (t == 0) {
        if (u == 0) return;
        if (after_hundreds) tn_w(o, "linh");
        tn_say_digit(o, u);
        return;
    }
    if (t == 1) {
        tn_w(o, "mười");
    } else {
        tn_say_digit(o, t);
        tn_w(o, "mươi");
    }
    if (u == 0) return;
    if (u == 5) tn_w(o, "lăm");
    else if (u == 1 && t >= 2) tn_w(o, "mốt");
    else if (u == 4 && t >= 2) tn_w(o, "tư");
    else tn_say_digit(o, u);
}

/* One group of up to 3 digits (value v); leading: no "không trăm". */
static void tn_say_group(tn_out *o, int v, bool leading) {
    int h = v / 100, t = v / 10 % 10, u = v % 10;
    if (leading && h == 0) {
        tn_say_tens_units(o, t, u, false);
        return;
    }
    tn_say_digit(o, h);
    tn_w(o, "trăm");
    tn_say_tens_units(o, t, u, true);
}

/* Digits s[0..n) with n <= 9 and no leading zero (or a single "0"). */
static void tn_say_below_billion(tn_out *o, const char *s, size_t n, bool leading) {
    static const char *const unit[3] = {"", "nghìn", "triệu"};
    int ng = (int)((n + 2) / 3);
    size_t first = n - (size_t)(ng - 1) * 3;
    size_t pos = 0;
    bool any = false;
    for (int g = ng - 1; g >= 0; g--) {
        size_t len = (g == ng - 1) ? first : 3;
        int v = 0;
        for (size_t i = 0; i < len; i++) v = v * 10 + (s[pos + i] - '0');
        pos += len;
        if (v == 0 && (any || !leading)) continue;
        tn_say_group(o, v, leading && !any);
        any = true;
        if (g > 0) tn_w(o, unit[g]);
    }
}

void tn_say_int(tn_out *o, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] == '0') i++;
    if (i == n) {
        tn_w(o, "không");
        return;
    }
    if (n - i > 4000) { /* absurd length: read digit by digit */
        tn_say_digits(o, s + i, n - i);
        return;
    }
    /* the part above 10^9 is read as its own number ("một nghìn tỷ") */
    if (n - i > 9) {
        size_t hi = n - i - 9;
        tn_say_int(o, s + i, hi);
        tn_w(o, "tỷ");
        size_t j = i + hi;
        while (j < n && s[j] == '0') j++;
        if (j < n) tn_say_below_billion(o, s + i + hi, 9, false);
        return;
    }
    tn_say_below_billion(o, s + i, n - i, true);
}

void tn_say_uint(tn_out *o, unsigned long long v) {
    char b[24];
    int n = 0;
    do {
        b[23 - n] = (char)('0' + v % 10);
        v /= 10;
        n++;
    } while (v && n < 23);
    tn_say_int(o, b + 24 - n, (size_t)n);
}

void tn_say_decimal(tn_out *o, const char *ip, size_t in, const char *fp, size_t fn, const char *mark) {
    tn_say_int(o, ip, in);
    tn_w(o, mark);
    tn_say_digits(o, fp, fn);
}

int tn_roman_value(const char *s, size_t n) {
    if (n == 0 || n > 15) return 0;
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        int v;
        switch (s[i]) {
        case 'I': v = 1; break;
        case 'V': v = 5; break;
        case 'X': v = 10; break;
        case 'L': v = 50; break;
        case 'C': v = 100; break;
        case 'D': v = 500; break;
        case 'M': v = 1000; break;
        default: return 0;
        }
        int next = 0;
        if (i + 1 < n) {
            switch (s[i + 1]) {
            case 'I': next = 1; break;
            case 'V': next = 5; break;
            case 'X': next = 10; break;
            case 'L': next = 50; break;
            case 'C': next = 100; break;
            case 'D': next = 500; break;
            case 'M': next = 1000; break;
            default: return 0;
            }
        }
        total += v < next ? -v : v;
    }
    if (total <= 0 || total > 3999) return 0;
    /* canonical form check: regenerate and compare */
    static const int val[13] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[13] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    char buf[32];
    size_t k = 0;
    int t = total;
    for (int i = 0; i < 13; i++)
        while (t >= val[i] && k + 2 < sizeof buf) {
            size_t l = strlen(sym[i]);
            memcpy(buf + k, sym[i], l);
            k += l;
            t -= val[i];
        }
    return (k == n && memcmp(buf, s, n) == 0) ? total : 0;
}

/* Numeric literal at s: digits ([.,] digits)*. Returns its length (0 if none). */
size_t tn_scan_lit(const char *s, size_t n) {
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

/* Read a numeric literal (validated by tn_scan_lit). */
void tn_say_lit(tn_out *o, const char *s, size_t n, bool lead_zero_digits) {
    size_t gs[64], gl[64];
    char sep[64];
    int ng = 0;
    gl[0] = 0;
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
    bool groups3 = gl[0] <= 3 && !(ng == 2 && s[0] == '0' && s[1] == '.'); /* "0.618": a decimal, never thousands */
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
