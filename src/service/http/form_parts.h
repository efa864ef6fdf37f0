/* form_parts.h - a whole buffered multipart/form-data body split into its
 * named parts (for small forms such as POST /voices, whose body the server
 * has already buffered up to --max-body-bytes). Parts point into copies
 * owned by the set. Not thread-safe (one per request).
 */
#ifndef F5_HTTP_FORM_PARTS_H
#define F5_HTTP_FORM_PARTS_H

#include "f5tts.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct f5_form_part {
    char name[64];
    char filename[128]; /* "" when not a file part */
    char *data;         /* NUL-terminated copy (len bytes before the NUL) */
    size_t len;
} f5_form_part;

typedef struct f5_form_parts {
    f5_form_part *v;
    size_t n, cap;
    char bad_name[64];  /* set when a part is not in `allowed` or repeats */
    bool duplicate;
} f5_form_parts;

/* Parse body by content_type. allowed: NULL-terminated field names; an
 * unknown or repeated name stops with F5_ERR_INVALID_ARG (bad_name/duplicate
 * say which). F5_ERR_UNSUPPORTED_FORMAT: not multipart/form-data;
 * F5_ERR_FORMAT: malformed. */
f5_status f5_form_parts_parse(const char *content_type, const char *body, size_t len, const char *const *allowed,
                              f5_form_parts *out, f5_error *err);
const f5_form_part *f5_form_parts_get(const f5_form_parts *p, const char *name);
void f5_form_parts_free(f5_form_parts *p);

#endif
