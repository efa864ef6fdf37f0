/* safetensors.h - the safetensors reader (zero-copy over a mapping). */
#ifndef F5_MODEL_SAFETENSORS_H
#define F5_MODEL_SAFETENSORS_H

#include "model/weights.h"

/* Parse a safetensors image (data/size: the whole file, owned by the caller
 * or by w) and add every tensor to w, pointing into data. Validates header
 * length, JSON, dtypes, shapes vs byte ranges, ranges inside the data section
 * and non-overlap. `what` names the file in messages. */
f5_status f5_safetensors_parse(f5_weights *w, const char *what, const void *data, size_t size, f5_error *err);

/* Convenience: open + parse a file into a new table. */
f5_status f5_safetensors_load(const char *path, f5_weights **out, f5_error *err);

/* Write tensors as a safetensors file (F32/I64/I32/BOOL etc. as stored). */
f5_status f5_safetensors_write(const char *path, const f5_tensor *const *tensors, size_t n, f5_error *err);

#endif
