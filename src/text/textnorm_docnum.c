/* textnorm_docnum.c - numbers of Vietnamese legal and administrative
 * documents: "100/2019/NĐ-CP", "01/2024/TT-BTC", "1234/QĐ-UBND",
 * "45/2019/QH14", "57-NQ/TW", and standards "41:2019/BGTVT" (QCVN: the
 * year after a colon is read bare, as the colon is elsewhere), and "N/YYYY"
 * right after a document type ("Nghị định 100/2019"). The number is a cardinal (with a leading zero,
 * digit by digit: an identifier), a "/" before a year is read "năm" (the way
 * the document is cited aloud: "nghị định một trăm năm hai nghìn không trăm
 * mười chín"), and the issuer code is read part by part from doccodes.tsv
 * ("NĐ-CP" -> "nghị định chính phủ", "QH14" -> "quốc hội mười bốn"); the
 * other "/" and "-" are not spoken. Decided in docs/textnorm-codes.md.
 */
#include "text/textnorm.h"
#include "text/textnorm_tables.h"

#include <string.h>

/* One code part: letters (at least one ASCII capital or a multi-byte letter
 * such as Đ), then optional digits. Returns the letter-run length, 0 if not. */
static size_t dn_part_letters(const char *p, size_t n) {
    size_t i = 0;
    bool upper = false;
    while (i < n && ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z') || (unsigned char)p[i] >= 0x80)) {
        upper |= (p[i] >= 'A' && p[i] <= 'Z') || (unsigned char)p[i] == 0xC4;
        i++;
    }
    if (!i || !upper || !((p[0] >= 'A' && p[0] <= 'Z') || (unsigned char)p[0] == 0xC4)) return 0;
    for (size_t k = i; k < n; k++)
        if (!tn_is_digit(p[k])) return 0;
    return i;
}

/* A document type just before ("Nghị định 100/2019", "NĐ số 15/2020",
 * "Thông tư 01/2024"), as output words: then "N/YYYY" without a code is a
 * document number too, not a fraction or a month. */
static bool dn_doc_type_before(tn_ctx *c) {
    static const char *const ty[] = {"nghị định", "thông tư", "quyết định", "nghị quyết", "chỉ thị", "công văn",
                                     "thông báo", "công điện", "pháp lệnh", "án lệ", "bản án", "kế hoạch",
                                     "tờ trình", "văn bản", "luật số", "lệnh số"};
    int back = tn_prev_is(c, 0, "số") ? 1 : 0;
    for (size_t k = 0; k < sizeof ty / sizeof *ty; k++)
        if (tn_prev_phrase(c, back, ty[k]) || (back && tn_prev_phrase(c, 0, ty[k]))) return true;
    return false;
}

/* Contract: b[0..n) is the token body. Reads it and returns c->i when it is a
 * document number whose code has at least one part in doccodes.tsv; else -1
 * (nothing written). */
int tn_doc_number(tn_ctx *c, const char *b, size_t n) {
    size_t d = 0;
    while (d < n && tn_is_digit(b[d])) d++;
    if (!d || d > 5 || d + 1 >= n || (b[d] != '/' && b[d] != '-' && b[d] != ':')) return -1;
    size_t i = d + 1, year = 0;
    bool colon = b[d] == ':';
    if (b[d] != '-' && i + 5 < n && tn_all_digits(b + i, 4) && b[i + 4] == '/' && (b[i] == '1' || b[i] == '2'))
        year = i, i += 5;
    if (colon && !year) return -1;
    if (b[d] == '/' && n == d + 5 && tn_all_digits(b + i, 4) && (b[i] == '1' || b[i] == '2') && dn_doc_type_before(c)) {
        if (b[0] == '0' && d > 1) tn_say_digits(c->o, b, d); /* "Thông tư 01/2024" */
        else tn_say_int(c->o, b, d);
        tn_w(c->o, "năm");
        tn_say_int(c->o, b + i, 4);
        return c->i;
    }
    /* validate the code parts first: nothing is written unless the whole token fits */
    size_t parts[8][2];
    int np = 0;
    bool known = false;
    while (i < n) {
        size_t e = i;
        while (e < n && b[e] != '-' && b[e] != '/') e++;
        size_t ln = dn_part_letters(b + i, e - i);
        if (!ln || np == 8) return -1;
        known |= f5_tn_lookup(f5_tn_table_doccodes, f5_tn_table_doccodes_n, b + i, ln, false) != NULL;
        parts[np][0] = i;
        parts[np][1] = e - i;
        np++;
        if (e < n && e + 1 >= n) return -1; /* trailing separator */
        i = e + 1;
    }
    if (!np || !known) return -1;
    if (b[0] == '0' && d > 1) tn_say_digits(c->o, b, d);
    else tn_say_int(c->o, b, d);
    if (year) {
        if (!colon) tn_w(c->o, "năm");
        tn_say_int(c->o, b + year, 4);
    }
    for (int k = 0; k < np; k++) {
        const char *p = b + parts[k][0];
        size_t pn = parts[k][1], ln = dn_part_letters(p, pn);
        const f5_tn_entry *e = f5_tn_lookup(f5_tn_table_doccodes, f5_tn_table_doccodes_n, p, ln, false);
        if (e) tn_w(c->o, e->value);
        else tn_word_token(c, p, ln);
        if (ln < pn) tn_say_int(c->o, p + ln, pn - ln);
    }
    return c->i;
}
