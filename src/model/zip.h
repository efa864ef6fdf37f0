/* zip.h - a read-only ZIP central-directory reader over a memory image.
 *
 * Enough of APPNOTE for PyTorch checkpoints: the end-of-central-directory
 * record (and its ZIP64 variant for files over 4 GiB), central directory
 * entries (ZIP64 extra fields), local headers. Entry data is returned as a
 * pointer into the image (zero-copy) for stored entries; compressed entries
 * are refused with a clear error. Every offset and length is bounds-checked.
 */
#ifndef F5_MODEL_ZIP_H
#define F5_MODEL_ZIP_H

#include "f5tts.h"

#include <stddef.h>
#include <stdint.h>

typedef struct f5_zip_entry {
    const char *name; /* points into the image; not NUL-terminated */
    size_t name_len;
    uint16_t method;  /* 0 = stored, 8 = deflate */
    uint64_t csize, usize, local_offset;
} f5_zip_entry;

typedef struct f5_zip {
    const unsigned char *data;
    size_t size;
    f5_zip_entry *e; /* [n], sorted by name */
    size_t n;
} f5_zip;

/* Parse the central directory of `data` (size bytes; not copied, must outlive
 * z). `what` names the file in messages. On failure z holds nothing. */
f5_status f5_zip_open(f5_zip *z, const char *what, const void *data, size_t size, f5_error *err);
void f5_zip_close(f5_zip *z);

/* Ask the kernel to read every local header ahead, in parallel (one
 * madvise(WILLNEED) per header page): on a cold multi-GB checkpoint the
 * headers are scattered and reading them one fault at a time dominates. */
void f5_zip_prefetch_headers(const f5_zip *z);

/* Entry by exact name, or NULL. */
const f5_zip_entry *f5_zip_find(const f5_zip *z, const char *name);

/* The bytes of a stored entry (pointer into the image, e->usize bytes). */
f5_status f5_zip_entry_data(const f5_zip *z, const char *what, const f5_zip_entry *e, const void **out, f5_error *err);

#endif
