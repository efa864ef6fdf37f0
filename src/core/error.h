/* error.h - building f5_error values.
 *
 * Every library failure goes through f5_errf(): it records the status and a
 * printf-formatted human message (what failed, which file/tensor/field,
 * expected vs found) and returns the status, so call sites read
 *     return f5_errf(err, F5_ERR_FORMAT, "%s: header length %llu > file size", path, n);
 * err may be NULL (the message is then dropped).
 */
#ifndef F5_CORE_ERROR_H
#define F5_CORE_ERROR_H

#include "f5tts.h"

#if defined(__GNUC__)
#define F5_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define F5_PRINTF(a, b)
#endif

f5_status f5_errf(f5_error *err, f5_status s, const char *fmt, ...) F5_PRINTF(3, 4);

/* Prefix an existing message: "ctx: old message". Returns err->status (or s if err NULL). */
f5_status f5_err_prefix(f5_error *err, f5_status s, const char *fmt, ...) F5_PRINTF(3, 4);

static inline void f5_err_clear(f5_error *err) {
    if (err) {
        err->status = F5_OK;
        err->message[0] = 0;
    }
}

#endif
