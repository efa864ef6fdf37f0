/* textnorm.h - internals of the Vietnamese normaliser shared by its files:
 * the output builder (words separated by one space, punctuation attached,
 * sentence breaks as "\n") and the number readers. See textnorm.c for the
 * driver and ../shared/textnorm/README.md for the convention implemented.
 */
#ifndef F5_TEXT_TEXTNORM_H
#define F5_TEXT_TEXTNORM_H

#include "text/text_internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tn_out {
    f5_tx_buf b;
} tn_out;

/* Append words (one or more, space separated) after a single space. */
void tn_w(tn_out *o, const char *words);
void tn_wn(tn_out *o, const char *words, size_t n);
/* Append words lowercased (UTF-8 aware). */
void tn_w_lower(tn_out *o, const char *s, size_t n);
/* Attach punctuation to the previous word. */
void tn_p(tn_out *o, const char *punct);
/* End the sentence (newline) if something was written since the last one. */
void tn_break(tn_out *o);
/* The last word written in the current sentence (pointer into the buffer, length in *n), or NULL. */
const char *tn_last_word(const tn_out *o, size_t *n, int back);
bool tn_last_is(const tn_out *o, const char *w);

/* Numbers. Digit strings are ASCII digits only. */
void tn_say_digit(tn_out *o, int d);
void tn_say_digits(tn_out *o, const char *s, size_t n);
/* Cardinal reading of a digit string of any length (leading zeros ignored). */
void tn_say_int(tn_out *o, const char *s, size_t n);
void tn_say_uint(tn_out *o, unsigned long long v);
/* Numeric literal at s: digits ([.,] digits)*; its length (0 if none). */
size_t tn_scan_lit(const char *s, size_t n);
/* Read a numeric literal: thousands separators (. or English-style ,),
 * decimal comma or dot, version numbers; a leading 0 digit by digit when
 * lead_zero_digits. */
void tn_say_lit(tn_out *o, const char *s, size_t n, bool lead_zero_digits);
/* "int phẩy frac": frac digit by digit. */
void tn_say_decimal(tn_out *o, const char *ip, size_t in, const char *fp, size_t fn, const char *mark);

/* One whitespace-separated input token, split into opening marks (dropped),
 * body and trailing punctuation. */
typedef struct tn_tok {
    const char *s;     /* the whole raw token */
    size_t n;
    const char *b;     /* body */
    size_t bn;
    const char *tr;    /* trailing punctuation run (closing quotes/brackets removed later) */
    size_t trn;
    bool abbr_end;     /* body ends with an abbreviation dot taken back from the trailing punctuation */
    bool abbr_can_end; /* ... that may also be the sentence's period mid-line ("v.v.") */
} tn_tok;

typedef struct tn_ctx {
    tn_out *o;
    tn_tok *t; /* tokens of the current line */
    int nt;
    int i;     /* current token */
    int depth; /* nesting of tn_word_token (compounds, glued prefixes), capped */
    bool caps; /* the line has no lowercase letter (a headline): case tells nothing */
    int ident_end; /* one past the last token read as a phone number (0: none) */
} tn_ctx;

/* Handlers: each consumes token ctx->i (and possibly following ones) and
 * returns the index of the last token it consumed (whose trailing
 * punctuation the driver then emits), or -1 when it does not apply. */
int tn_number_token(tn_ctx *c, const char *b, size_t n);
int tn_word_token(tn_ctx *c, const char *b, size_t n);
bool tn_url_token(tn_ctx *c, const char *b, size_t n);
/* Dates and times (textnorm_datetime.c): handlers like tn_number_token. */
int tn_date_token(tn_ctx *c, const char *b, size_t n);
int tn_time_token(tn_ctx *c, const char *b, size_t n);
/* A bare month number after "tháng" ("tháng 4" -> "tháng tư", "tháng 09"). */
int tn_month_token(tn_ctx *c, const char *b, size_t n);
/* The previous output word(s) announce a date ("ngày", "sáng", "hôm nay là"). */
bool tn_date_context(tn_ctx *c);
/* The output words ending `back` words before the end name a weekday ("thứ hai" .. "thứ bảy", "chủ nhật"). */
bool tn_weekday_before(tn_ctx *c, int back);
/* Token k starts a weekday ("thứ 6", "Thứ Sáu", "chủ nhật", "T6", "CN"). */
bool tn_weekday_next(const tn_ctx *c, int k);
/* "tỷ số"/"tỉ số" among the input tokens k, k-1 ... (up to 6 back, within the clause). */
bool tn_tyso_before(const tn_ctx *c, int k);
/* Value of up to 9 ASCII digits (longer strings saturate at 999999999). */
unsigned long tn_digits_val(const char *s, size_t n);
/* The output words ending `back` words before the end spell phrase (1-2 words). */
bool tn_prev_phrase(tn_ctx *c, int back, const char *phrase);
/* If token k+1 is a scale word (nghìn, triệu, tỷ...) and k has no trailing
 * punctuation: says it and returns k+1, else returns k. */
int tn_scale_word(tn_ctx *c, int k);
/* Identifiers (textnorm_ident.c), handlers like tn_number_token: phone
 * numbers and codes, house numbers; 3-digit service numbers (113). */
int tn_phone_token(tn_ctx *c, const char *b, size_t n);
int tn_house_number(tn_ctx *c, const char *b, size_t n);
/* A legal document number ("100/2019/NĐ-CP", textnorm_docnum.c), handler like tn_number_token. */
int tn_doc_number(tn_ctx *c, const char *b, size_t n);
/* Codes (textnorm_codes.c), handlers like tn_number_token: hyphenated codes
 * ("AB-1234-XL", ISBN), airline codes after "chuyến" ("VN 254"), match
 * minutes ("30'"). */
int tn_code_token(tn_ctx *c, const char *b, size_t n);
int tn_flight_code(tn_ctx *c, const char *b, size_t n);
int tn_plate_token(tn_ctx *c, const char *b, size_t n);
int tn_hex_token(tn_ctx *c, const char *b, size_t n);
int tn_building_code(tn_ctx *c, const char *b, size_t n);
int tn_minute_mark(tn_ctx *c, const char *b, size_t n);
bool tn_service_number(tn_ctx *c, const char *b, size_t n);
/* A unit or currency symbol read after a number ("km", "USD"), or NULL. */
const struct f5_tn_entry *tn_unit(const char *s, size_t n);
/* Spoken symbol (&, +, =, >, <, ~, ≈ ...) or NULL. */
const char *tn_symbol_word(const char *b, size_t n);

/* Tokens (textnorm_token.c). Split a raw token into opening marks, body and
 * trailing punctuation. */
void tn_split_token(tn_tok *t);
/* Length of the first piece of a raw token glued to the next one ("gì?Tôi"),
 * or n when it is one token. */
size_t tn_token_cut(const char *s, size_t n);
/* An URL or e-mail address (never cut at its dots). */
bool tn_is_address(const char *s, size_t n);
/* Token t would be a title abbreviation with a dot ("TP", "PGS.TS"): a
 * lone "." after it ("TP .Hà Nội") is that dot, spaced. */
bool tn_title_dot(const tn_tok *t);
/* A chat emoticon (":)", "=))", "^^"): not a spoken symbol. */
bool tn_emoticon(const char *s, size_t n);
/* . , ! ? ; : */
bool tn_is_sent_punct(char ch);
/* A standalone "-" token (textnorm_range.c): range, score or clause dash. */
int tn_dash_token(tn_ctx *c, bool between_numbers);

/* Helpers over the raw tokens. */
bool tn_is_digit(char ch);
bool tn_all_digits(const char *s, size_t n);
bool tn_has_digit(const char *s, size_t n);
bool tn_has_alpha(const char *s, size_t n);
/* At least two characters, the first a capital, no lowercase ASCII letter:
 * an abbreviation glued to a count ("3PN", "2PN2WC"), not a chat form ("5k"). */
bool tn_caps_word(const char *s, size_t n);
/* First character of token k (body) is an uppercase letter or a digit. */
bool tn_tok_starts_upper(const tn_ctx *c, int k);
/* Lowercased body of token k equals w (ASCII/UTF-8 exact after lowercasing). */
bool tn_tok_is(const tn_ctx *c, int k, const char *w);
/* Previous output word (back = 0 last, 1 the one before) equals w. */
bool tn_prev_is(const tn_ctx *c, int back, const char *w);

/* The words before the current token make a Roman numeral a number ("thế kỷ",
 * "khóa", "lần thứ", "Vua Rama"); *ordinal after "thứ". */
bool tn_roman_ctx(tn_ctx *c, bool *ordinal);
/* Roman numeral (strict standard form, 1..3999) -> value, or 0. */
int tn_roman_value(const char *s, size_t n);

/* Lowercase one UTF-8 string into buf (ASCII + Vietnamese via utf8proc). */
void tn_lower_into(f5_tx_buf *b, const char *s, size_t n);

#endif
