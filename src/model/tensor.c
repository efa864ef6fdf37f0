/* tensor.c - dtype helpers and element conversion. */
#include "model/tensor.h"

#include <stdio.h>
#include <string.h>

static const struct { const char *name; size_t size; } dtypes[F5_DT_COUNT] = {
    [F5_DT_F32] = {"F32", 4}, [F5_DT_F16] = {"F16", 2}, [F5_DT_BF16] = {"BF16", 2},
    [F5_DT_F64] = {"F64", 8}, [F5_DT_I64] = {"I64", 8}, [F5_DT_I32] = {"I32", 4},
    [F5_DT_I16] = {"I16", 2}, [F5_DT_I8] = {"I8", 1},   [F5_DT_U8] = {"U8", 1},
    [F5_DT_BOOL] = {"BOOL", 1},
};

size_t f5_dtype_size(f5_dtype t) { return (unsigned)t < F5_DT_COUNT ? dtypes[t].size : 0; }
const char *f5_dtype_name(f5_dtype t) { return (unsigned)t < F5_DT_COUNT ? dtypes[t].name : "?"; }

int f5_dtype_parse(const char *s, f5_dtype *out) {
    for (int i = 0; i < F5_DT_COUNT; i++)
        if (strcmp(s, dtypes[i].name) == 0) {
            *out = (f5_dtype)i;
            return 0;
        }
    return -1;
}

char *f5_shape_str(int ndim, const int64_t *shape, char *buf, size_t cap) {
    size_t used = 0;
    if (cap == 0) return buf;
    buf[0] = 0;
    used += (size_t)snprintf(buf + used, cap - used, "[");
    for (int i = 0; i < ndim && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, i ? ", %lld" : "%lld", (long long)shape[i]);
    if (used < cap) snprintf(buf + used, cap - used, "]");
    return buf;
}

float f5_half_to_f32(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
    if (exp == 0) {
        if (man == 0) {
            bits = sign;
        } else { /* subnormal: normalise */
            exp = 127 - 15 + 1;
            while (!(man & 0x400)) {
                man <<= 1;
                exp--;
            }
            man &= 0x3ff;
            bits = sign | (exp << 23) | (man << 13);
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | (man << 13);
    } else {
        bits = sign | ((exp + 127 - 15) << 23) | (man << 13);
    }
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

float f5_bf16_to_f32(uint16_t h) {
    uint32_t bits = (uint32_t)h << 16;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

void f5_convert_to_f32(f5_dtype t, const void *src, float *dst, int64_t n) {
    const unsigned char *p = src;
    for (int64_t i = 0; i < n; i++) {
        switch (t) {
        case F5_DT_F32: { float v; memcpy(&v, p + 4 * i, 4); dst[i] = v; break; }
        case F5_DT_F16: { uint16_t v; memcpy(&v, p + 2 * i, 2); dst[i] = f5_half_to_f32(v); break; }
        case F5_DT_BF16: { uint16_t v; memcpy(&v, p + 2 * i, 2); dst[i] = f5_bf16_to_f32(v); break; }
        case F5_DT_F64: { double v; memcpy(&v, p + 8 * i, 8); dst[i] = (float)v; break; }
        case F5_DT_I64: { int64_t v; memcpy(&v, p + 8 * i, 8); dst[i] = (float)v; break; }
        case F5_DT_I32: { int32_t v; memcpy(&v, p + 4 * i, 4); dst[i] = (float)v; break; }
        case F5_DT_I16: { int16_t v; memcpy(&v, p + 2 * i, 2); dst[i] = (float)v; break; }
        case F5_DT_I8: dst[i] = (float)(int8_t)p[i]; break;
        case F5_DT_U8: dst[i] = (float)p[i]; break;
        case F5_DT_BOOL: dst[i] = p[i] ? 1.0f : 0.0f; break;
        default: dst[i] = 0; break;
        }
    }
}
