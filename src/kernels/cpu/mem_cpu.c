/* mem_cpu.c - backend memory of the ref and cpu backends: host memory, so
 * allocation is malloc, every transfer a memcpy and a sync has nothing to
 * wait for. f5_add is the plain loop the model used to write inline. */
#include "kernels/cpu/cpu_kernels.h"

#include <stdlib.h>
#include <string.h>

void *f5_kalloc_cpu(const f5_kctx *k, size_t bytes) { return malloc(bytes ? bytes : 1); }

void f5_kfree_cpu(const f5_kctx *k, void *p) { free(p); }

void f5_kmemcpy_cpu(const f5_kctx *k, void *dst, const void *src, size_t bytes) { memmove(dst, src, bytes); }

void f5_kzero_cpu(const f5_kctx *k, void *dst, size_t bytes) { memset(dst, 0, bytes); }

f5_status f5_ksync_cpu(const f5_kctx *k, f5_error *err) { return F5_OK; }

void f5_add_cpu(const f5_kctx *k, float *y, const float *x, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] += x[i];
}
