/* multipart.h - a streaming multipart/form-data parser (RFC 7578). Bytes
 * arrive in arbitrary pieces through f5_mp_feed; part headers are parsed and
 * part bodies are handed to callbacks as they are found, without holding
 * the body: memory is bounded by the header limit plus the delimiter length.
 * Pure code, no I/O; one parser per request, not thread-safe.
 */
#ifndef F5_HTTP_MULTIPART_H
#define F5_HTTP_MULTIPART_H

#include "f5tts.h"

#include <stddef.h>

typedef struct f5_mp_part {
    const char *name;         /* form field name (never NULL) */
    const char *filename;     /* NULL if not a file part */
    const char *content_type; /* NULL if absent */
} f5_mp_part;

/* Each callback returns F5_OK to continue or a status to stop parsing; a
 * non-OK status is returned from f5_mp_feed/f5_mp_finish with err filled
 * by the callback. */
typedef struct f5_mp_callbacks {
    f5_status (*part_begin)(void *user, const f5_mp_part *part, f5_error *err);
    f5_status (*part_data)(void *user, const char *data, size_t n, f5_error *err);
    f5_status (*part_end)(void *user, f5_error *err);
} f5_mp_callbacks;

typedef struct f5_multipart f5_multipart;

/* Boundary from a Content-Type header value ("multipart/form-data;
 * boundary=..."). F5_ERR_UNSUPPORTED_FORMAT if the type is not
 * multipart/form-data, F5_ERR_INVALID_ARG if the boundary is missing/bad. */
f5_status f5_mp_boundary(const char *content_type, char *out, size_t n, f5_error *err);

f5_status f5_mp_new(const char *boundary, const f5_mp_callbacks *cb, void *user, f5_multipart **out, f5_error *err);
/* Malformed input fails with F5_ERR_FORMAT and a message saying what. */
f5_status f5_mp_feed(f5_multipart *mp, const char *data, size_t n, f5_error *err);
/* The body has ended: fails unless the closing boundary was seen. */
f5_status f5_mp_finish(f5_multipart *mp, f5_error *err);
void f5_mp_free(f5_multipart *mp);

#endif
