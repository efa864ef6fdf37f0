/* text_internal.h - helpers shared by the text module's files: strict UTF-8
 * decoding, Python-compatible character classes, and a growable byte buffer
 * with a hard size cap (so no input can make the normaliser's output grow
 * without bound). Not part of the module's public interface (text.h).
 */
#ifndef F5_TEXT_INTERNAL_H
#define F5_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[0..len). Returns its byte length (1..4) and
 * sets *cp, or 0 for an invalid/overlong/surrogate/truncated sequence. */
int f5_tx_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Encode cp into out (>= 4 bytes); returns the byte count. */
int f5_tx_utf8_encode(uint32_t cp, char *out);
/* Byte offset of the first invalid sequence, or (size_t)-1 if valid. */
size_t f5_tx_utf8_invalid_at(const char *s, size_t len);
/* Byte length of the code point whose last byte is s[len-1] (len > 0). */
int f5_tx_utf8_last_len(const char *s, size_t len);

/* Python str.isspace() for one code point. */
bool f5_tx_py_isspace(uint32_t cp);

/* Growable buffer. Operations after a failure (oom or over cap) are no-ops;
 * check .failed once at the end. Always NUL-terminated when .p != NULL. */
typedef struct f5_tx_buf {
    char *p;
    size_t n, cap, limit; /* limit: max bytes (0 = unlimited) */
    bool failed, over_limit;
} f5_tx_buf;

void f5_tx_buf_init(f5_tx_buf *b, size_t limit);
bool f5_tx_put(f5_tx_buf *b, const char *s, size_t n);
bool f5_tx_puts(f5_tx_buf *b, const char *s);
bool f5_tx_putc(f5_tx_buf *b, char c);
bool f5_tx_put_cp(f5_tx_buf *b, uint32_t cp);
/* Hand the string to the caller (never NULL on success: "" when empty). */
char *f5_tx_take(f5_tx_buf *b);
void f5_tx_buf_free(f5_tx_buf *b);

/* Growable array of malloc'd strings. */
typedef struct f5_tx_strv {
    char **v;
    int n, cap;
    bool failed;
} f5_tx_strv;
bool f5_tx_strv_push(f5_tx_strv *a, const char *s, size_t n);

#endif
