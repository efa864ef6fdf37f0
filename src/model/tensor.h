/* tensor.h - a named, typed, shaped view of tensor bytes.
 *
 * A tensor does not own its data: the table that holds it (f5_weights) owns
 * the file mapping or buffer the data points into. Data is little-endian,
 * C order (last index fastest).
 */
#ifndef F5_MODEL_TENSOR_H
#define F5_MODEL_TENSOR_H

#include <stddef.h>
#include <stdint.h>

typedef enum f5_dtype {
    F5_DT_F32 = 0,
    F5_DT_F16,
    F5_DT_BF16,
    F5_DT_F64,
    F5_DT_I64,
    F5_DT_I32,
    F5_DT_I16,
    F5_DT_I8,
    F5_DT_U8,
    F5_DT_BOOL,
    F5_DT_COUNT
} f5_dtype;

#define F5_MAX_DIMS 8

typedef struct f5_tensor {
    char *name;
    f5_dtype dtype;
    int ndim;                     /* 0 = scalar */
    int64_t shape[F5_MAX_DIMS];
    int64_t numel;
    const void *data;             /* numel * dtype size bytes, borrowed */
    size_t nbytes;
} f5_tensor;

size_t f5_dtype_size(f5_dtype t);
const char *f5_dtype_name(f5_dtype t);       /* "F32", "BF16", ... (safetensors spelling) */
int f5_dtype_parse(const char *s, f5_dtype *out); /* safetensors spelling; 0 on success */

/* "[1024, 512]" into buf; returns buf. */
char *f5_shape_str(int ndim, const int64_t *shape, char *buf, size_t cap);

/* Convert one element-run to float32 (F32/F16/BF16/F64 and integer types). */
void f5_convert_to_f32(f5_dtype t, const void *src, float *dst, int64_t n);
float f5_half_to_f32(uint16_t h);
float f5_bf16_to_f32(uint16_t h);

#endif
