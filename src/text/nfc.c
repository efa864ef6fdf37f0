/* nfc.c - Unicode clean-up in front of the normaliser: strict UTF-8
 * validation, NFC composition (utf8proc, which also reorders combining marks
 * and composes base letters with separate tone marks), Ð (U+00D0) -> Đ,
 * removal of control and zero-width characters, every kind of space (NBSP,
 * tab, thin spaces...) -> " ", typographic quotes/dashes/ellipsis unified
 * to their ASCII forms ("…" -> "...", en/em dashes -> "-"). Newlines (\n, \r\n, \r, U+2028/9)
 * become "\n" and are kept: they end sentences.
 */
#include "text/text.h"

#include "core/error.h"
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Replacement for one code point: NULL = keep, "" = drop. */
static const char *clean_map(uint32_t c) {
    switch (c) {
    case 0x00D0: return "\xC4\x90"; /* Ð -> Đ */
    case 0x00F0: return "\xC4\x91"; /* ð -> đ (same confusion, lowercase) */
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD: case 0x180E:
        return "";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x0060: case 0x00B4:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2013: case 0x2014: case 0x2015:
        return "-"; /* a clause dash or a range: decided by the normaliser */
    case 0x2026: return "...";
    case 0x2028: case 0x2029: case 0x0085: return "\n";
    case 0xFF05: return "%";
    case 0xFF0C: return ",";
    case 0xFF0E: return ".";
    case 0xFF01: return "!";
    case 0xFF1F: return "?";
    case 0xFF1A: return ":";
    case 0xFF1B: return ";";
    case 0x3002: return ".";
    default: return NULL;
    }
}

/* Some Vietnamese input methods type the tone before the vowel's shape mark
 * ("e" U+0301 U+0302 for "ế"). Both have combining class 230, so NFC keeps
 * that order and leaves "é" plus a stray circumflex: move the circumflex or
 * breve of an a/e/o in front of the tone marks (U+0300/0301/0303/0309)
 * before it, the order of the canonical decomposition. */
static bool clean_is_tone(utf8proc_int32_t c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309; }

static void clean_tone_order(utf8proc_int32_t *cp, utf8proc_ssize_t n) {
    for (utf8proc_ssize_t i = 1; i < n; i++) {
        if ((cp[i] != 0x302 && cp[i] != 0x306) || !clean_is_tone(cp[i - 1])) continue;
        utf8proc_ssize_t j = i - 1;
        while (j > 0 && clean_is_tone(cp[j - 1])) j--;
        utf8proc_ssize_t base = j - 1;
        while (base >= 0 && (cp[base] == 0x323 || cp[base] == 0x31B)) base--; /* dot below, horn */
        if (base < 0) continue;
        utf8proc_int32_t v = cp[base] | 0x20;
        if (v != 'a' && (cp[i] == 0x306 || (v != 'e' && v != 'o'))) continue;
        utf8proc_int32_t mark = cp[i];
        memmove(cp + j + 1, cp + j, (size_t)(i - j) * sizeof *cp);
        cp[j] = mark;
    }
}

f5_status f5_text_clean(const char *in, size_t len, char **out, f5_error *err) {
    *out = NULL;
    size_t bad = f5_tx_utf8_invalid_at(in, len);
    if (bad != (size_t)-1)
        return f5_errf(err, F5_ERR_INVALID_TEXT, "text: invalid UTF-8 at byte %zu (0x%02x)", bad,
                       (unsigned)(unsigned char)in[bad]);
    for (size_t i = 0; i < len; i++)
        if (in[i] == 0) return f5_errf(err, F5_ERR_INVALID_TEXT, "text: NUL byte at offset %zu", i);
    /* pass 1: mapping and clean-up on the raw text (before NFC so that NFD
     * sequences with zero-width characters between them still compose) */
    f5_tx_buf b;
    f5_tx_buf_init(&b, 0);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = f5_tx_utf8_decode((const unsigned char *)in + i, len - i, &cp);
        i += (size_t)k;
        if (cp == '\r') {
            if (i < len && in[i] == '\n') i++;
            f5_tx_putc(&b, '\n');
            continue;
        }
        if (cp == '\n') {
            f5_tx_putc(&b, '\n');
            continue;
        }
        const char *m = clean_map(cp);
        if (m) {
            f5_tx_puts(&b, m);
            continue;
        }
        if (f5_tx_py_isspace(cp)) {
            f5_tx_putc(&b, ' ');
            continue;
        }
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CS ||
            cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CN)
            continue; /* controls, format chars, private use, unassigned */
        f5_tx_put(&b, in + i - (size_t)k, (size_t)k);
    }
    if (b.failed) {
        f5_tx_buf_free(&b);
        return f5_errf(err, F5_ERR_NOMEM, "text: out of memory");
    }
    char *raw = f5_tx_take(&b);
    if (!raw) return f5_errf(err, F5_ERR_NOMEM, "text: out of memory");
    /* NFC as utf8proc_map does it (decompose, then compose in place), with
     * the tone marks put after the vowel marks in between */
    const utf8proc_option_t dec = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)raw, 0, NULL, 0, dec);
    utf8proc_int32_t *cp = n >= 0 ? malloc((size_t)n * sizeof *cp + 1) : NULL;
    if (cp) n = utf8proc_decompose((const utf8proc_uint8_t *)raw, 0, cp, n, dec);
    free(raw);
    if (n < 0) {
        free(cp);
        return f5_errf(err, F5_ERR_INVALID_TEXT, "text: NFC failed: %s", utf8proc_errmsg(n));
    }
    if (!cp) return f5_errf(err, F5_ERR_NOMEM, "text: out of memory");
    clean_tone_order(cp, n);
    utf8proc_ssize_t r = utf8proc_reencode(cp, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        free(cp);
        return f5_errf(err, F5_ERR_INVALID_TEXT, "text: NFC failed: %s", utf8proc_errmsg(r));
    }
    *out = (char *)cp;
    return F5_OK;
}
