/* cuda_device.cu - devices, the weights on a device (f5_kdev), one
 * context's stream (f5_kstream), backend memory, and the sticky error that
 * f5_ksync reports. Kernels and copies are queued on the context's stream;
 * the first failure is kept (with its message) until f5_ksync returns it,
 * and out-of-memory is told apart so the caller can retry smaller. */
#include "kernels/cuda/cuda_internal.cuh"

extern "C" {
#include "core/error.h" /* plain C, no linkage block of its own */
}

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern "C" bool f5_cuda_built(void) { return true; }

extern "C" int f5_cuda_device_count(char *why, size_t why_n) {
    int n = 0;
    cudaError_t e = cudaGetDeviceCount(&n);
    if (e != cudaSuccess) {
        if (why && why_n) snprintf(why, why_n, "%s (%s)", cudaGetErrorString(e), cudaGetErrorName(e));
        (void)cudaGetLastError(); /* clear it: asking is not a failure */
        return 0;
    }
    if (n == 0 && why && why_n) snprintf(why, why_n, "the CUDA runtime reports no device");
    return n;
}

extern "C" f5_status f5_cuda_device_info(int idx, char *name, size_t name_n, size_t *total_bytes, f5_error *err) {
    cudaDeviceProp p;
    cudaError_t e = cudaGetDeviceProperties(&p, idx);
    if (e != cudaSuccess) {
        (void)cudaGetLastError();
        return f5_errf(err, F5_ERR_DEVICE, "CUDA device %d: %s", idx, cudaGetErrorString(e));
    }
    if (name && name_n) snprintf(name, name_n, "%s (sm_%d%d)", p.name, p.major, p.minor);
    if (total_bytes) *total_bytes = p.totalGlobalMem;
    return F5_OK;
}

/* ---- errors */

void f5_cu_failf(f5_kstream *s, const char *fmt, ...) {
    if (!s || s->failed) return;
    s->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->msg, sizeof s->msg, fmt, ap);
    va_end(ap);
}

bool f5_cu_fail(f5_kstream *s, cudaError_t e, const char *what) {
    if (e == cudaSuccess) return false;
    if (s && !s->failed && e == cudaErrorMemoryAllocation) s->oom = true;
    f5_cu_failf(s, "%s: %s (%s)", what, cudaGetErrorString(e), cudaGetErrorName(e));
    return true;
}

bool f5_cu_fail_blas(f5_kstream *s, cublasStatus_t e, const char *what) {
    if (e == CUBLAS_STATUS_SUCCESS) return false;
    if (s && !s->failed && e == CUBLAS_STATUS_ALLOC_FAILED) s->oom = true;
    f5_cu_failf(s, "%s: cuBLASLt status %d (%s)", what, (int)e, cublasLtGetStatusString(e));
    return true;
}

static f5_status report(f5_error *err, cudaError_t e, const char *what) {
    f5_status st = e == cudaErrorMemoryAllocation ? F5_ERR_GPU_OOM : F5_ERR_DEVICE;
    return f5_errf(err, st, "%s%s: %s", st == F5_ERR_GPU_OOM ? "gpu out of memory: " : "", what,
                   cudaGetErrorString(e));
}

/* ---- weights on a device */

extern "C" f5_status f5_kdev_create(f5_backend backend, int device, f5_kdev **out, f5_error *err) {
    *out = NULL;
    if (backend != F5_BACKEND_CUDA) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_kdev_create: only for the cuda backend");
    char why[200];
    int n = f5_cuda_device_count(why, sizeof why);
    if (n == 0) return f5_errf(err, F5_ERR_DEVICE, "no CUDA device: %s", why);
    if (device < 0 || device >= n)
        return f5_errf(err, F5_ERR_DEVICE, "CUDA device %d does not exist (%d device%s)", device, n, n == 1 ? "" : "s");
    cudaError_t e = cudaSetDevice(device);
    if (e != cudaSuccess) return report(err, e, "cudaSetDevice");
    f5_kdev *d = (f5_kdev *)calloc(1, sizeof *d);
    if (!d) return f5_errf(err, F5_ERR_NOMEM, "f5_kdev_create: out of memory");
    d->device = device;
    *out = d;
    return F5_OK;
}

__global__ void to_bf16_kernel(const float *__restrict__ x, __nv_bfloat16 *__restrict__ y, int64_t n) {
    for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < n; i += (int64_t)gridDim.x * blockDim.x)
        y[i] = __float2bfloat16_rn(x[i]);
}

void f5_cu_to_bf16(cudaStream_t st, const float *x, __nv_bfloat16 *y, int64_t n) {
    if (n > 0) to_bf16_kernel<<<f5_cu_blocks(n, 256), 256, 0, st>>>(x, y, n);
}

extern "C" f5_status f5_kdev_add(f5_kdev *d, const float *host, int64_t n, bool bf16, f5_error *err) {
    if (!d || !host || n <= 0) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_kdev_add: bad array (%lld floats)", (long long)n);
    /* position (sorted by address); the same array twice is one entry, overlaps are refused */
    int64_t pos = 0;
    while (pos < d->n && d->w[pos].host < host) pos++;
    if (pos < d->n && d->w[pos].host == host && d->w[pos].n == n) { /* already there: add the bf16 copy if asked */
        f5_cu_weight *w = &d->w[pos];
        if (!bf16 || w->d16) return F5_OK;
        cudaError_t e = cudaSetDevice(d->device);
        if (e == cudaSuccess) e = cudaMalloc((void **)&w->d16, (size_t)n * sizeof(__nv_bfloat16));
        if (e == cudaSuccess) {
            f5_cu_to_bf16(0, w->d32, w->d16, n);
            e = cudaGetLastError();
            if (e == cudaSuccess) e = cudaDeviceSynchronize();
        }
        if (e != cudaSuccess) {
            cudaFree(w->d16);
            w->d16 = NULL;
            (void)cudaGetLastError();
            return report(err, e, "uploading weights (bf16 copy)");
        }
        d->bytes += (size_t)n * sizeof(__nv_bfloat16);
        return F5_OK;
    }
    if ((pos > 0 && d->w[pos - 1].host + d->w[pos - 1].n > host) || (pos < d->n && host + n > d->w[pos].host))
        return f5_errf(err, F5_ERR_INVALID_ARG, "f5_kdev_add: array %p (%lld floats) overlaps one already on the device",
                       (const void *)host, (long long)n);
    if (d->n == d->cap) {
        int64_t nc = d->cap ? 2 * d->cap : 256;
        f5_cu_weight *nw = (f5_cu_weight *)realloc(d->w, (size_t)nc * sizeof *nw);
        if (!nw) return f5_errf(err, F5_ERR_NOMEM, "f5_kdev_add: out of memory");
        d->w = nw;
        d->cap = nc;
    }
    cudaError_t e = cudaSetDevice(d->device);
    f5_cu_weight w = {host, n, NULL, NULL};
    size_t b32 = (size_t)n * sizeof(float), b16 = (size_t)n * sizeof(__nv_bfloat16);
    if (e == cudaSuccess) e = cudaMalloc((void **)&w.d32, b32);
    if (e == cudaSuccess) e = cudaMemcpy(w.d32, host, b32, cudaMemcpyHostToDevice);
    if (e == cudaSuccess && bf16) e = cudaMalloc((void **)&w.d16, b16);
    if (e == cudaSuccess && bf16) {
        f5_cu_to_bf16(0, w.d32, w.d16, n);
        e = cudaGetLastError();
        if (e == cudaSuccess) e = cudaDeviceSynchronize();
    }
    if (e != cudaSuccess) {
        cudaFree(w.d32);
        cudaFree(w.d16);
        (void)cudaGetLastError();
        return report(err, e, "uploading weights");
    }
    memmove(d->w + pos + 1, d->w + pos, (size_t)(d->n - pos) * sizeof *d->w);
    d->w[pos] = w;
    d->n++;
    d->bytes += b32 + (bf16 ? b16 : 0);
    return F5_OK;
}

extern "C" void f5_kdev_free(f5_kdev *d) {
    if (!d) return;
    cudaSetDevice(d->device);
    for (int64_t i = 0; i < d->n; i++) {
        cudaFree(d->w[i].d32);
        cudaFree(d->w[i].d16);
    }
    free(d->w);
    free(d);
}

extern "C" size_t f5_kdev_bytes(const f5_kdev *d) { return d ? d->bytes : 0; }

extern "C" int f5_kdev_device(const f5_kdev *d) { return d ? d->device : -1; }

static const f5_cu_weight *find_weight(const f5_kdev *d, const float *p) {
    if (!d || !p || d->n == 0) return NULL;
    int64_t lo = 0, hi = d->n - 1, best = -1; /* last entry with host <= p */
    while (lo <= hi) {
        int64_t mid = (lo + hi) / 2;
        if (d->w[mid].host <= p) {
            best = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (best < 0 || p >= d->w[best].host + d->w[best].n) return NULL;
    return &d->w[best];
}

const float *f5_cu_w32(const f5_kctx *k, const float *p) {
    const f5_cu_weight *w = find_weight(k->dev, p);
    return w ? w->d32 + (p - w->host) : p;
}

const __nv_bfloat16 *f5_cu_w16(const f5_kctx *k, const float *p) {
    const f5_cu_weight *w = find_weight(k->dev, p);
    return w && w->d16 ? w->d16 + (p - w->host) : NULL;
}

/* ---- streams */

#define F5_CU_WORKSPACE (32u << 20)

extern "C" f5_status f5_kstream_create(const f5_kdev *d, f5_kstream **out, f5_error *err) {
    *out = NULL;
    if (!d) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_kstream_create: no device");
    f5_kstream *s = (f5_kstream *)calloc(1, sizeof *s);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "f5_kstream_create: out of memory");
    s->device = d->device;
    cudaError_t e = cudaSetDevice(d->device);
    if (e == cudaSuccess) e = cudaStreamCreateWithFlags(&s->stream, cudaStreamNonBlocking);
    if (e == cudaSuccess) e = cudaMalloc(&s->ws, F5_CU_WORKSPACE);
    if (e != cudaSuccess) {
        (void)cudaGetLastError();
        f5_status st = report(err, e, "creating a CUDA stream");
        f5_kstream_free(s);
        return st;
    }
    s->ws_bytes = F5_CU_WORKSPACE;
    cublasStatus_t b = cublasLtCreate(&s->lt);
    if (b != CUBLAS_STATUS_SUCCESS) {
        s->lt = NULL;
        f5_kstream_free(s);
        return f5_errf(err, F5_ERR_DEVICE, "cuBLASLt: cannot create a handle (%s)", cublasLtGetStatusString(b));
    }
    *out = s;
    return F5_OK;
}

extern "C" void f5_kstream_free(f5_kstream *s) {
    if (!s) return;
    cudaSetDevice(s->device);
    if (s->stream) cudaStreamSynchronize(s->stream);
    for (int i = 0; i < F5_CU_PLANS; i++) {
        f5_cu_plan *p = &s->plans[i];
        if (p->la) cublasLtMatrixLayoutDestroy(p->la);
        if (p->lb) cublasLtMatrixLayoutDestroy(p->lb);
        if (p->lc) cublasLtMatrixLayoutDestroy(p->lc);
        if (p->op) cublasLtMatmulDescDestroy(p->op);
    }
    if (s->lt) cublasLtDestroy(s->lt);
    cudaFree(s->ws);
    cudaFree(s->xb);
    cudaFree(s->lens);
    free(s->lens_host);
    cudaFree(s->abuf);
    if (s->stream) cudaStreamDestroy(s->stream);
    (void)cudaGetLastError();
    free(s);
}

void *f5_cu_grow(f5_kstream *s, void **buf, size_t *cap, size_t need, const char *what) {
    if (need <= *cap && *buf) return *buf;
    if (f5_cu_fail(s, cudaStreamSynchronize(s->stream), what)) return NULL;
    cudaFree(*buf);
    *buf = NULL;
    *cap = 0;
    size_t nb = need + need / 8;
    if (f5_cu_fail(s, cudaMalloc(buf, nb), what)) {
        *buf = NULL;
        return NULL;
    }
    *cap = nb;
    return *buf;
}

/* ---- backend memory */

extern "C" void *f5_kalloc_cuda(const f5_kctx *k, size_t bytes) {
    void *p = NULL;
    cudaSetDevice(k->stream->device);
    cudaError_t e = cudaMalloc(&p, bytes ? bytes : 1);
    if (e != cudaSuccess) {
        (void)cudaGetLastError(); /* the caller sees NULL; nothing is queued */
        return NULL;
    }
    return p;
}

extern "C" void f5_kfree_cuda(const f5_kctx *k, void *p) {
    cudaSetDevice(k->stream->device);
    f5_cu_fail(k->stream, cudaFree(p), "cudaFree");
}

extern "C" void f5_kupload_cuda(const f5_kctx *k, void *dst, const void *src, size_t bytes) {
    /* pageable source: the call returns once src has been staged, so the
     * caller may reuse it at once */
    f5_cu_fail(k->stream, cudaMemcpyAsync(dst, src, bytes, cudaMemcpyHostToDevice, k->stream->stream), "upload");
}

extern "C" void f5_kdownload_cuda(const f5_kctx *k, void *dst, const void *src, size_t bytes) {
    f5_kstream *s = k->stream;
    if (f5_cu_fail(s, cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost, s->stream), "download")) return;
    f5_cu_fail(s, cudaStreamSynchronize(s->stream), "download (waiting for the stream)");
}

extern "C" void f5_kcopy_cuda(const f5_kctx *k, void *dst, const void *src, size_t bytes) {
    f5_cu_fail(k->stream, cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice, k->stream->stream), "copy");
}

extern "C" void f5_kzero_cuda(const f5_kctx *k, void *dst, size_t bytes) {
    f5_cu_fail(k->stream, cudaMemsetAsync(dst, 0, bytes, k->stream->stream), "memset");
}

extern "C" f5_status f5_ksync_cuda(const f5_kctx *k, f5_error *err) {
    f5_kstream *s = k->stream;
    f5_cu_fail(s, cudaStreamSynchronize(s->stream), "CUDA stream");
    if (!s->failed) return F5_OK;
    f5_status st = s->oom ? F5_ERR_GPU_OOM : F5_ERR_DEVICE;
    f5_errf(err, st, "%s%s", s->oom ? "gpu out of memory: " : "CUDA: ", s->msg);
    s->failed = s->oom = false;
    s->msg[0] = 0;
    return st;
}
