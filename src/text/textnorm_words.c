/* textnorm_words.c - tokens without a number reading of their own: spoken
 * symbols, URLs and e-mail addresses (spelled with chấm / a còng / gạch
 * chéo), Roman numerals after a context word, prefix abbreviations glued to
 * what follows ("Q.1", "TP.Hà"), compounds joined by / - & (split and read
 * part by part), mixed letters+digits ("U23", "H5N1") and plain words,
 * which are kept as written, lowercased.
 */
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <string.h>

const char *tn_symbol_word(const char *b, size_t n) {
    static const struct {
        const char *sym, *word;
    } tab[] = {{"&", "và"},          {"+", "cộng"},        {"=", "bằng"},     {">", "lớn hơn"},
               {"<", "nhỏ hơn"},     {"~", "khoảng"},      {"≈", "xấp xỉ"},   {">=", "lớn hơn hoặc bằng"},
               {"≥", "lớn hơn hoặc bằng"}, {"<=", "nhỏ hơn hoặc bằng"}, {"≤", "nhỏ hơn hoặc bằng"},
               {"%", "phần trăm"},   {"@", "a còng"},      {"×", "nhân"},     {"÷", "chia"},
               {"->", ""},           {"→", ""},            {"=>", ""},        {"/", ""},
               {"#", ""},            {"*", ""},            {"•", ""},         {"|", ""},
               {"_", ""},            {"--", ""},           {"---", ""},       {"^", ""},
               {"\\", ""},           {"½", "một phần hai"}, {"¼", "một phần tư"}, {"¾", "ba phần tư"},
               {"⅓", "một phần ba"}, {"±", "cộng trừ"}};
    for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
        if (strlen(tab[i].sym) == n && memcmp(tab[i].sym, b, n) == 0) return tab[i].word;
    return NULL;
}

static bool tw_is_letter_ascii(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

static bool tw_is_tld(const char *s, size_t n) {
    static const char *const tld[] = {"com", "vn", "net", "org", "edu", "gov", "io", "info", "biz", "co", "me",
                                      "app", "dev", "ai", "tv", "uk", "us", "jp", "cn", "kr", "fr", "de", "asia",
                                      "xyz", "online", "store", "shop", "site", "html", "htm", "php", "int", "ly", "gl", "cc",
                                      "link", "news", "tech", "pro", "club", "live", "top", "cloud", "blog",
                                      "asp", "aspx", "pdf", "sg", "th", "au", "ca", "ru", "in", "tw", "hk"};
    for (size_t i = 0; i < sizeof tld / sizeof *tld; i++)
        if (strlen(tld[i]) == n) {
            size_t k = 0;
            while (k < n && (s[k] | 0x20) == tld[i][k]) k++;
            if (k == n) return true;
        }
    return false;
}

/* Spell one label of an address: letters kept (lowercased), digits one by one. */
static void tw_say_label(tn_out *o, const char *s, size_t n) {
    if (n == 3 && (s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' && (s[2] | 0x20) == 'w') {
        tn_w(o, "vê kép vê kép vê kép");
        return;
    }
    size_t i = 0;
    while (i < n) {
        size_t st = i;
        if (tn_is_digit(s[i])) {
            while (i < n && tn_is_digit(s[i])) i++;
            tn_say_digits(o, s + st, i - st);
        } else {
            while (i < n && !tn_is_digit(s[i])) i++;
            tn_w_lower(o, s + st, i - st);
        }
    }
}

bool tn_url_token(tn_ctx *c, const char *b, size_t n) {
    const char *atp = memchr(b, '@', n);
    bool at = atp && !memchr(b, '/', (size_t)(atp - b)); /* "youtube.com/@vtv24" is a path, not an e-mail */
    bool proto = (n > 7 && memcmp(b, "http://", 7) == 0) || (n > 8 && memcmp(b, "https://", 8) == 0);
    bool www = n > 4 && (b[0] | 0x20) == 'w' && (b[1] | 0x20) == 'w' && (b[2] | 0x20) == 'w' && b[3] == '.';
    size_t i = 0;
    for (; i < n; i++) /* only address characters */
        if (!(tw_is_letter_ascii(b[i]) || tn_is_digit(b[i]) || strchr(".@/:-_?=&%#~+", b[i]))) return false;
    if (!at && !proto && !www) {
        /* label.label...tld */
        const char *dot = NULL;
        for (size_t k = n; k > 0; k--)
            if (b[k - 1] == '.') {
                dot = b + k - 1;
                break;
            }
        const char *sl = memchr(b, '/', n);
        size_t host = sl ? (size_t)(sl - b) : n;
        dot = NULL;
        for (size_t k = host; k > 0; k--)
            if (b[k - 1] == '.') {
                dot = b + k - 1;
                break;
            }
        if (!dot || !tw_is_tld(dot + 1, host - (size_t)(dot - b) - 1)) return false;
        if (!tw_is_letter_ascii(b[0]) && !tn_is_digit(b[0])) return false;
        bool letter = false;
        for (size_t k = 0; k < (size_t)(dot - b); k++) letter |= tw_is_letter_ascii(b[k]);
        if (!letter) return false;
    } else if (at) {
        const char *a = memchr(b, '@', n);
        if (a == b || a == b + n - 1 || !memchr(a, '.', n - (size_t)(a - b))) return false;
    }
    size_t p = 0;
    if (proto) p = (b[4] == 's') ? 8 : 7; /* the protocol is dropped (allowed) */
    while (p < n) {
        size_t st = p;
        while (p < n && (tw_is_letter_ascii(b[p]) || tn_is_digit(b[p]))) p++;
        if (p > st) tw_say_label(c->o, b + st, p - st);
        if (p >= n) break;
        switch (b[p]) {
        case '.': tn_w(c->o, "chấm"); break;
        case '@': tn_w(c->o, "a còng"); break;
        case '/':
            if (p + 1 < n) tn_w(c->o, "gạch chéo"); /* not a final "/" ("gso.gov.vn/") */
            break;
        case ':': tn_w(c->o, "hai chấm"); break;
        case '-': tn_w(c->o, "gạch ngang"); break;
        case '_': tn_w(c->o, "gạch dưới"); break;
        case '?': tn_w(c->o, "hỏi chấm"); break;
        case '=': tn_w(c->o, "bằng"); break;
        case '&': tn_w(c->o, "và"); break;
        default: break;
        }
        p++;
    }
    return true;
}

bool tn_roman_ctx(tn_ctx *c, bool *ordinal) {
    static const char *const w[] = {"kỷ", "kỉ", "hội", "khóa", "khoá", "quý", "chương", "phần", "mục", "điều",
                                    "khoản", "tập", "hồi", "kỳ", "kì", "quyển", "bài", "đợt", "đoạn", "cấp",
                                    "louis", "elizabeth", "napoleon", "henry", "charles", "george", "edward",
                                    "william", "james", "richard", "philip", "felipe", "juan", "carlos",
                                    "gioan", "phaolô", "piô", "benedict", "leo", "gregory", "alexander",
                                    "nicholas", "peter", "frederick", "ludwig", "victor", "chiến", "ương", "nghị",
                                    "vòng", "đoàn", "hạng", "vùng", "loại", "nhóm", "bậc", "lục", "hiệp"}; /* phụ lục II */
    /* regnal titles: "Vua Rama IX", "Nữ hoàng Victoria II" (a capitalised name in between);
     * "hoàng", "đế", "hậu", "tử" only after the word that makes them a title, as
     * they are also names ("Hoàng Văn X" is an initial, not ten) */
    static const char *const title[] = {"vua", "nữ hoàng", "giáo hoàng", "sa hoàng", "hoàng đế", "đại đế",
                                        "hoàng hậu", "hoàng tử", "thái tử", "pharaoh", "king", "queen", "pope",
                                        "prince", "princess", "emperor", "sultan", "tsar"};
    *ordinal = tn_prev_is(c, 0, "thứ");
    if (*ordinal) return true;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tn_prev_is(c, 0, w[k])) return true;
    for (int j = 1; j <= 3 && c->i - j - 1 >= 0; j++) {
        const tn_tok *nm = &c->t[c->i - j];
        if (nm->trn || !tn_tok_starts_upper(c, c->i - j) || tn_has_digit(nm->b, nm->bn)) return false;
        int tk = c->i - j - 1;
        for (size_t k = 0; k < sizeof title / sizeof *title && !c->t[tk].trn; k++) {
            const char *sp = strchr(title[k], ' ');
            if (!sp && tn_tok_is(c, tk, title[k])) return true;
            char first[16];
            if (!sp || tk < 1 || c->t[tk - 1].trn || (size_t)(sp - title[k]) >= sizeof first) continue;
            memcpy(first, title[k], (size_t)(sp - title[k]));
            first[sp - title[k]] = 0;
            if (tn_tok_is(c, tk, sp + 1) && tn_tok_is(c, tk - 1, first)) return true;
        }
    }
    return false;
}

static void tw_say_roman(tn_ctx *c, int v, bool ordinal) {
    if (ordinal && v == 1) tn_w(c->o, "nhất");
    else if (ordinal && v == 4) tn_w(c->o, "tư");
    else tn_say_uint(c->o, (unsigned long long)v);
}

/* "km"/"Km" before a number is a kilometre post on a road ("Km 25+300"). */
static bool tw_km_post(const char *s, size_t n) { return n == 2 && (s[0] | 0x20) == 'k' && (s[1] | 0x20) == 'm'; }
static void tw_say_km(tn_ctx *c) {
    const f5_tn_entry *u = tn_unit("km", 2);
    tn_w(c->o, u ? u->value : "km");
}

/* Mixed letters / digits / other characters, read piece by piece. A long
 * digit run glued to letters is a code ("SPX123456789"): digit by digit. */
static void tw_generic(tn_ctx *c, const char *b, size_t n) {
    size_t i = 0, nd = 0;
    bool code = tn_has_alpha(b, n);
    for (size_t k = 0; k < n; k++) nd += tn_is_digit(b[k]);
    while (i < n) {
        size_t st = i;
        if (tn_is_digit(b[i])) {
            while (i < n && tn_is_digit(b[i])) i++;
            if ((i - st > 1 && b[st] == '0') || (code && nd >= 5)) tn_say_digits(c->o, b + st, i - st); /* "5CD1234XYZ" */
            else tn_say_int(c->o, b + st, i - st);
            while (i + 1 < n && b[i] == '.' && tn_is_digit(b[i + 1])) { /* "v2.1.3": version parts */
                size_t gs = ++i;
                while (i < n && tn_is_digit(b[i])) i++;
                tn_w(c->o, "chấm");
                if (i - gs > 1 && b[gs] == '0') tn_say_digits(c->o, b + gs, i - gs); /* "A2.05" */
                else tn_say_int(c->o, b + gs, i - gs);
            }
            continue;
        }
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)b + i, n - i, &cp);
        if (!k) return;
        bool letter = tn_has_alpha(b + i, (size_t)k) || (cp >= 0x300 && cp <= 0x36F);
        if (letter) {
            while (i < n && !tn_is_digit(b[i])) {
                int l = f5_tx_utf8_decode((const unsigned char *)b + i, n - i, &cp);
                if (l && cp == '\'' && i > st && i + 1 < n && tn_has_alpha(b + i + 1, 1)) { /* don't, I'm */
                    i++;
                    continue;
                }
                if (!l || !(tn_has_alpha(b + i, (size_t)l) || (cp >= 0x300 && cp <= 0x36F))) break;
                i += (size_t)l;
            }
            bool num = i < n && tn_is_digit(b[i]);
            const f5_tn_entry *a =
                f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, b + st, i - st, false);
            size_t run = 0; /* the digit run before: a count is short ("2PN2WC"), a code long ("EE123456789VN") */
            while (run < st && tn_is_digit(b[st - 1 - run])) run++;
            bool counted = run >= 1 && run <= 2 && tn_caps_word(b + st, i - st);
            if (a && !(num && f5_tn_has_flag(a, 'n')) && !counted) a = NULL;
            if (a) tn_w(c->o, a->value); /* "QL1A": quốc lộ */
            else if (num && tw_km_post(b + st, i - st) && !tn_prev_is(c, 0, "mã")) tw_say_km(c); /* "Km25+300", not "mã KM2024" */
            else tn_w_lower(c->o, b + st, i - st);
            continue;
        }
        i += (size_t)k;
        const char *w = tn_symbol_word(b + st, (size_t)k);
        bool between = st > 0 && tn_is_digit(b[st - 1]) && i < n && tn_is_digit(b[i]);
        if (cp == '~' && between) tn_w(c->o, "đến"); /* 3~5 */
        else if (cp == '^' && between) tn_w(c->o, "mũ"); /* 10^6 */
        else if (w && *w && cp != '%' && cp != '@') tn_w(c->o, w);
        else if (cp == '%') tn_w(c->o, "phần trăm");
    }
}

/* "a/b" between words is read "trên" when it is a rate (đồng/lượng, km/giờ). */
static bool tw_per_slash(const char *l, size_t ln, const char *r, size_t rn) {
    if (ln == 1 && rn == 1 && l[0] >= 'A' && l[0] <= 'Z' && r[0] >= 'A' && r[0] <= 'Z') return false; /* sizes "M/L" */
    static const char *const per[] = {"năm", "tháng", "ngày", "giờ", "tuần", "người", "lượng", "lít", "chiếc",
                                      "cái", "suất", "phút", "giây", "tấn", "hộp", "bao", "con", "ký", "kỳ",
                                      "quý", "đêm", "lần", "căn", "m2", "mét", "gói", "vé", "kg", "km", "lô"};
    if (f5_tn_lookup(f5_tn_table_units, f5_tn_table_units_n, r, rn, false) ||
        f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, l, ln, false) ||
        f5_tn_lookup(f5_tn_table_units, f5_tn_table_units_n, l, ln, false))
        return true;
    f5_tx_buf lw, rw; /* the words also in capitals ("ĐỒNG/LÍT") */
    f5_tx_buf_init(&lw, 64);
    f5_tx_buf_init(&rw, 64);
    tn_lower_into(&lw, l, ln);
    tn_lower_into(&rw, r, rn);
    bool per_word = !lw.failed && !rw.failed &&
                    f5_tn_lookup(f5_tn_table_currencies, f5_tn_table_currencies_n, lw.p, lw.n, false);
    for (size_t i = 0; i < sizeof per / sizeof *per && !per_word && !rw.failed; i++)
        per_word = strlen(per[i]) == rw.n && memcmp(per[i], rw.p, rw.n) == 0;
    /* a lowercase word per a number of units: "lít/100 km", "ca/100.000 dân" */
    if (!per_word && tn_is_digit(r[0]) && !lw.failed && lw.n == ln && memcmp(lw.p, l, ln) == 0)
        per_word = tn_has_alpha(l, ln) && !tn_has_digit(l, ln);
    f5_tx_buf_free(&lw);
    f5_tx_buf_free(&rw);
    return per_word;
}

static int tw_word(tn_ctx *c, const char *b, size_t n);

/* An English-looking word: ASCII letters only, some lowercase ("Index"). */
static bool tw_latin_word(const char *s, size_t n) {
    bool lower = false;
    for (size_t i = 0; i < n; i++) {
        if (!tw_is_letter_ascii(s[i])) return false;
        lower |= s[i] >= 'a';
    }
    return n >= 2 && lower;
}

/* An abbreviation that names a weekday ("T2" thứ hai, "CN" chủ nhật). */
static bool tw_weekday(const f5_tn_entry *a) {
    return a && (strncmp(a->value, "thứ ", strlen("thứ ")) == 0 || strcmp(a->value, "chủ nhật") == 0);
}

/* After a weekday just read ("thứ 2"), the piece r glued after a dash and
 * the next token start another one: "Thứ 2-Thứ 6", "thứ 2-chủ nhật". */
static bool tw_weekday_glued(tn_ctx *c, const char *r, size_t rn) {
    if (!tn_weekday_before(c, 0) || c->t[c->i].trn || c->i + 1 >= c->nt) return false;
    f5_tx_buf lw;
    f5_tx_buf_init(&lw, 16);
    tn_lower_into(&lw, r, rn);
    const tn_tok *nx = &c->t[c->i + 1];
    bool thu = !lw.failed && lw.n == strlen("thứ") && memcmp(lw.p, "thứ", lw.n) == 0;
    bool chu = !lw.failed && lw.n == strlen("chủ") && memcmp(lw.p, "chủ", lw.n) == 0;
    f5_tx_buf_free(&lw);
    return (thu && nx->bn && (tn_is_digit(nx->b[0]) || tn_has_alpha(nx->b, nx->bn))) ||
           (chu && tn_tok_is(c, c->i + 1, "nhật"));
}

int tn_word_token(tn_ctx *c, const char *b, size_t n) {
    if (c->depth >= 8) { /* pathological nesting ("a-b-c-...", "Q.Q.Q..."): read flat */
        tw_generic(c, b, n);
        return c->i;
    }
    c->depth++;
    int r = tw_word(c, b, n);
    c->depth--;
    return r;
}

static int tw_word(tn_ctx *c, const char *b, size_t n) {
    /* Roman numerals in context, possibly "/year" */
    size_t rl = 0;
    while (rl < n && strchr("IVXLCDM", b[rl]) && b[rl]) rl++;
    if (rl > 0 && (rl == n || b[rl] == '/' || b[rl] == '-')) {
        int v = tn_roman_value(b, rl);
        bool ord;
        /* a lone C, D, L or M after "phần", "mục"... is a letter ("khối D"), not 50..1000 */
        if (rl == 1 && v >= 50 && !tn_prev_is(c, 0, "kỷ") && !tn_prev_is(c, 0, "kỉ")) v = 0;
        if (v && tn_roman_ctx(c, &ord)) {
            if (rl == n) {
                tw_say_roman(c, v, ord);
                return c->i;
            }
            if (b[rl] == '/' && n - rl - 1 == 4 && tn_all_digits(b + rl + 1, 4)) {
                tw_say_roman(c, v, ord);
                tn_w(c->o, "năm");
                tn_say_int(c->o, b + rl + 1, 4);
                return c->i;
            }
            int v2 = b[rl] == '-' ? tn_roman_value(b + rl + 1, n - rl - 1) : 0;
            if (v2 > v) { /* "thế kỷ XVII-XVIII" */
                tw_say_roman(c, v, ord);
                tn_w(c->o, "đến");
                tw_say_roman(c, v2, ord);
                return c->i;
            }
        }
    }
    const tn_tok *me = &c->t[c->i];
    if (tw_km_post(b, n) && b == me->b && n == me->bn && !me->trn && c->i + 1 < c->nt && c->t[c->i + 1].bn &&
        tn_is_digit(c->t[c->i + 1].b[0])) {
        tw_say_km(c);
        return c->i;
    }
    /* prefix abbreviation glued to the rest: Q.1, P.Bến, TP.Hà */
    const char *dot = memchr(b, '.', n);
    if (dot && dot + 1 < b + n) {
        size_t hl = (size_t)(dot - b) + 1;
        const f5_tn_entry *a = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, b, hl, true);
        if (a && f5_tn_has_flag(a, 'p')) {
            const char *rest = b + hl;
            size_t rn = n - hl;
            /* "P.201": a room (wards are numbered low: "P.3" stays phường) */
            bool room = hl == 2 && b[0] == 'P' && rn >= 3 && tn_all_digits(rest, rn);
            tn_w(c->o, room ? "phòng" : a->value);
            const f5_tn_entry *a2 = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, rest, rn, true);
            if (a2) tn_w(c->o, a2->value);
            else if (tn_has_digit(rest, rn) && tn_number_token(c, rest, rn) >= 0) {
            } else tn_word_token(c, rest, rn);
            return c->i;
        }
    }
    /* compounds: a/b, a-b, a&b -> parts */
    for (size_t i = 0; i < n; i++) {
        char ch = b[i];
        if ((ch == '/' || ch == '-' || ch == '&' || ch == '+') && i > 0 && i + 1 < n) {
            const char *l = b, *r = b + i + 1;
            size_t ln = i, rn = n - i - 1;
            const f5_tn_entry *al = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, l, ln, true);
            const f5_tn_entry *ar = f5_tn_lookup(f5_tn_table_abbreviations, f5_tn_table_abbreviations_n, r, rn, true);
            if (ch == '-' && al && !ar && tw_latin_word(r, rn)) al = NULL; /* "VN-Index": part of a name */
            if (ch == '-' && ar && !al && tw_latin_word(l, ln)) ar = NULL;
            if (al) tn_w(c->o, al->value);
            else if (tn_scan_lit(l, ln) && tn_scan_lit(l, ln) < ln && tn_number_token(c, l, ln) >= 0) { /* "8GB/128GB" */
            } else if (ln == 1 && (l[0] == '1' || l[0] == '4') && tn_prev_is(c, 0, "thứ")) {
                tn_w(c->o, l[0] == '1' ? "nhất" : "tư"); /* "thứ 4-thứ 6" */
            } else tn_word_token(c, l, ln); /* (a bare number could read the next token's unit too early) */
            bool per = ch == '/' && tw_per_slash(l, ln, r, rn);
            if (ch == '/') {
                if (per) tn_w(c->o, "trên");
            } else if (ch == '&') {
                tn_w(c->o, "và");
            } else if (ch == '-' && tn_all_digits(l, ln) && tn_is_digit(r[0])) {
                tn_w(c->o, "đến"); /* "tháng 3-4/2024" */
            } else if (ch == '-' && ((tw_weekday(al) && tw_weekday(ar)) || tw_weekday_glued(c, r, rn))) {
                tn_w(c->o, "đến"); /* "T2-T6", "Thứ 2-Thứ 6" */
            } else if (ch == '+') {
                tn_w(c->o, "cộng");
            }
            int rr;
            const f5_tn_entry *ur = per ? f5_tn_lookup(f5_tn_table_units, f5_tn_table_units_n, r, rn, false) : NULL;
            if (ur) tn_w(c->o, ur->value);
            else if (ar) tn_w(c->o, ar->value);
            else if (tn_has_digit(r, rn) && (rr = tn_number_token(c, r, rn)) >= 0)
                return rr > c->i ? rr : c->i; /* it may read the next token's unit: "lít/100 km" */
            else tn_word_token(c, r, rn);
            return c->i;
        }
    }
    tw_generic(c, b, n);
    return c->i;
}
