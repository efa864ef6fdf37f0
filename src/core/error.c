/* error.c - status codes and error messages (see error.h). */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[F5_STATUS_COUNT] = {
    [F5_OK] = "ok",
    [F5_ERR_INVALID_ARG] = "invalid_argument",
    [F5_ERR_NOMEM] = "out_of_memory",
    [F5_ERR_IO] = "io_error",
    [F5_ERR_FORMAT] = "invalid_format",
    [F5_ERR_UNSUPPORTED] = "unsupported",
    [F5_ERR_SHAPE] = "shape_mismatch",
    [F5_ERR_NOT_FOUND] = "not_found",
    [F5_ERR_INVALID_AUDIO] = "invalid_audio",
    [F5_ERR_UNSUPPORTED_FORMAT] = "unsupported_format",
    [F5_ERR_AUDIO_TOO_LONG] = "audio_too_long",
    [F5_ERR_AUDIO_TOO_SHORT] = "audio_too_short",
    [F5_ERR_INVALID_TEXT] = "invalid_text",
    [F5_ERR_ABORTED] = "aborted",
    [F5_ERR_DEVICE] = "device_error",
    [F5_ERR_INTERNAL] = "internal_error",
    [F5_ERR_GPU_OOM] = "gpu_out_of_memory",
};

const char *f5_status_str(f5_status s) {
    if ((unsigned)s >= F5_STATUS_COUNT || !status_names[s]) return "unknown_status";
    return status_names[s];
}

f5_status f5_errf(f5_error *err, f5_status s, const char *fmt, ...) {
    if (!err) return s;
    err->status = s;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return s;
}

f5_status f5_err_prefix(f5_error *err, f5_status s, const char *fmt, ...) {
    if (!err) return s;
    if (err->status == F5_OK) err->status = s;
    char prefix[F5_ERROR_MSG_MAX], old[F5_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->message, sizeof old);
    size_t lp = strnlen(prefix, sizeof prefix - 1);
    if (lp > sizeof err->message - 3) lp = sizeof err->message - 3;
    memcpy(err->message, prefix, lp);
    memcpy(err->message + lp, ": ", 2);
    size_t room = sizeof err->message - lp - 3, lo = strnlen(old, room);
    memcpy(err->message + lp + 2, old, lo);
    err->message[lp + 2 + lo] = 0;
    return err->status;
}
