/* nocuda.c - the CUDA entry points of kernels.h in a build without the
 * CUDA backend (F5_CUDA=OFF or no nvcc): nothing is usable and every
 * constructor says so, so callers need no #ifdef. */
#include "core/error.h"
#include "kernels/backend.h"

#include <stdio.h>

#define NOT_BUILT "built without CUDA (rebuild with nvcc present, or -DF5_CUDA=ON)"

/* No stream can be created, so no context ever reaches these entries. */
const f5_kops f5_kops_cuda = {.name = "cuda (not built)"};

bool f5_cuda_built(void) { return false; }

int f5_cuda_device_count(char *why, size_t why_n) {
    if (why && why_n) snprintf(why, why_n, "%s", NOT_BUILT);
    return 0;
}

f5_status f5_cuda_device_info(int idx, char *name, size_t name_n, size_t *total_bytes, f5_error *err) {
    if (name && name_n) name[0] = 0;
    if (total_bytes) *total_bytes = 0;
    return f5_errf(err, F5_ERR_DEVICE, "CUDA device %d: %s", idx, NOT_BUILT);
}

f5_status f5_kdev_create(f5_backend backend, int device, f5_kdev **out, f5_error *err) {
    *out = NULL;
    return f5_errf(err, F5_ERR_DEVICE, "CUDA device %d: %s", device, NOT_BUILT);
}

f5_status f5_kdev_add(f5_kdev *d, const float *host, int64_t n, bool bf16, f5_error *err) {
    return f5_errf(err, F5_ERR_DEVICE, "%s", NOT_BUILT);
}

void f5_kdev_free(f5_kdev *d) { (void)d; }

size_t f5_kdev_bytes(const f5_kdev *d) { return 0; }

int f5_kdev_device(const f5_kdev *d) { return -1; }

f5_status f5_kstream_create(const f5_kdev *d, f5_kstream **out, f5_error *err) {
    *out = NULL;
    return f5_errf(err, F5_ERR_DEVICE, "%s", NOT_BUILT);
}

void f5_kstream_free(f5_kstream *s) { (void)s; }
