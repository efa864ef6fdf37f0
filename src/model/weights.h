/* weights.h - a table of named tensors, whatever file they came from.
 *
 * f5_weights owns the memory its tensors point into: file mappings (mmap,
 * zero-copy) and heap buffers (converted or generated tensors). It is filled
 * by a format reader (safetensors.c, torch_zip.c) or by hand (procedural
 * weights, tests) and is read-only afterwards, so it can be shared across
 * threads.
 */
#ifndef F5_MODEL_WEIGHTS_H
#define F5_MODEL_WEIGHTS_H

#include "f5tts.h"
#include "model/tensor.h"

typedef struct f5_weights f5_weights;

f5_weights *f5_weights_new(void);
void f5_weights_free(f5_weights *w);

/* Open a weight file, choosing the reader from its first bytes: safetensors
 * (u64 header length + '{') or a torch ZIP checkpoint ("PK"). */
f5_status f5_weights_open(const char *path, f5_weights **out, f5_error *err);

/* Map a whole file read-only; the mapping is owned by w. */
f5_status f5_weights_map_file(f5_weights *w, const char *path, const void **data, size_t *size, f5_error *err);

/* Hand w ownership of a malloc'd buffer (freed with w). */
void f5_weights_own(f5_weights *w, void *buf);

/* Add a tensor (name is copied; data is borrowed: it must live as long as w,
 * e.g. inside a mapping or a buffer given to f5_weights_own). Replaces an
 * existing tensor of the same name. */
f5_status f5_weights_add(f5_weights *w, const char *name, f5_dtype dt, int ndim, const int64_t *shape,
                         const void *data, f5_error *err);

size_t f5_weights_count(const f5_weights *w);
const f5_tensor *f5_weights_at(const f5_weights *w, size_t i);
const f5_tensor *f5_weights_find(const f5_weights *w, const char *name);

/* Remove tensors (by exact name); a no-op for absent names. */
void f5_weights_remove(f5_weights *w, const char *name);

/* Rename every tensor whose name starts with from_prefix to to_prefix + rest;
 * tensors without the prefix are kept unless drop_others. */
f5_status f5_weights_rename_prefix(f5_weights *w, const char *from_prefix, const char *to_prefix, bool drop_others,
                                   f5_error *err);

/* A float32 view of tensor `name`, checked against the expected shape
 * (ndim < 0: any shape). F32 data is returned in place; F16/BF16/F64 are
 * converted once into a buffer owned by w (hence w is not const).
 * Errors name the tensor and say "got [..], expected [..]". */
f5_status f5_weights_get_f32(f5_weights *w, const char *name, int ndim, const int64_t *shape, const float **out,
                             f5_error *err);

/* Check the shape of a tensor without converting it. */
f5_status f5_weights_check(const f5_weights *w, const char *name, int ndim, const int64_t *shape, f5_error *err);

/* Source description (file path or "procedural seed N") for messages. */
const char *f5_weights_source(const f5_weights *w);
void f5_weights_set_source(f5_weights *w, const char *src);

#endif
