/* kernels.h - the numeric kernels the models are built from.
 *
 * One interface, several backends, peers behind one dispatcher
 * (dispatch.c): ref/ (plain C, the numeric spec, slow and obviously right),
 * cpu/ in float32 (oneDNN sgemm + our threads) and cpu/ in bf16 (packed
 * bf16 weights, fp32 accumulation, where the CPU has AVX512-BF16 or AMX),
 * cuda/ later. The caller passes an f5_kctx that says which backend, which
 * precision and which thread pool. Tensors at this interface are float32,
 * row-major, contiguous unless a leading dimension (ld*) is given; a
 * reduced-precision backend converts inside. Kernels never fail on valid
 * sizes and are thread-safe as long as two calls do not share an f5_kctx
 * pool at once. f5_<op>_ref() is the reference implementation of each op
 * (the ref backend, and the spec every other backend is tested against).
 */
#ifndef F5_KERNELS_H
#define F5_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "f5tts.h"

#ifdef __cplusplus /* the cuda backend's .cu files include this */
extern "C" {
#endif

typedef enum f5_backend { F5_BACKEND_REF = 0, F5_BACKEND_CPU, F5_BACKEND_CUDA } f5_backend;

/* Arithmetic precision of the matrix products (and attention) of a
 * backend; everything else (norms, softmax statistics, the ODE state)
 * stays float32. */
typedef enum f5_kprec { F5_KPREC_F32 = 0, F5_KPREC_BF16 } f5_kprec;

/* Op families, for the per-op time profile. */
typedef enum f5_kfam {
    F5_KFAM_GEMM = 0,   /* linear, gemm */
    F5_KFAM_ATTENTION,
    F5_KFAM_NORM,       /* layernorm, AdaLN modulation, gated residual adds */
    F5_KFAM_ELEMWISE,   /* activations */
    F5_KFAM_CONV,
    F5_KFAM_ROPE,
    F5_KFAM_COUNT
} f5_kfam;

/* Wall time per op family, accumulated by the dispatcher when a context
 * carries one (a clock read per kernel call, so it is off by default). */
typedef struct f5_kprof {
    double seconds[F5_KFAM_COUNT];
    long long calls[F5_KFAM_COUNT];
    double flops[F5_KFAM_COUNT]; /* GEMM and attention only */
} f5_kprof;
const char *f5_kfam_name(f5_kfam f); /* "gemm", "attention", ... */

struct f5_threadpool;
typedef struct f5_kpack f5_kpack;
typedef struct f5_kdev f5_kdev;       /* a device's copies of the weights (cuda) */
typedef struct f5_kstream f5_kstream; /* one context's queue on a device (cuda) */

/* Instruction-set levels of the cpu kernels, lowest first. A kernel runs
 * the highest level both the CPU (f5_cpu_detect) and the context's
 * isa_max allow; tests cap it to check every path on one machine. */
typedef enum f5_cpu_isa { F5_ISA_BEST = 0, F5_ISA_BASE = 1, F5_ISA_AVX2 = 2, F5_ISA_AVX512 = 3 } f5_cpu_isa;

typedef struct f5_kctx {
    f5_backend backend;
    int n_threads;               /* >= 1; without a pool, oneDNN threads each GEMM this wide */
    struct f5_threadpool *pool;  /* our threads (GEMM blocks, attention, elementwise); NULL = caller only */
    f5_kprec prec;               /* F5_KPREC_BF16 needs f5_kpack'ed weights (else float32 is used) */
    f5_cpu_isa isa_max;          /* cpu: use at most this instruction set (0 = the best the CPU has) */
    const f5_kpack *pack;        /* weights prepared for this backend/precision (may be NULL) */
    f5_kprof *prof;              /* per-op timing, NULL = off */
    void *scratch;               /* backend work area (bf16 activations), owned by the caller */
    size_t scratch_bytes;        /* its size: f5_kctx_scratch_bytes(); too small = fp32 fallback */
    const f5_kdev *dev;          /* cuda: the weights on the device (pointers into them are translated) */
    f5_kstream *stream;          /* cuda: this context's stream, GEMM handle, workspace, first error */
} f5_kctx;

/* Bytes of k->scratch the backend wants for products of up to max_rows x
 * max_k activations (0 for backends that need none). */
size_t f5_kctx_scratch_bytes(const f5_kctx *k, int64_t max_rows, int64_t max_k);

/* What the processor can do, detected at run time (cpuid): never assumed
 * at build time, so one binary runs on older CPUs (falling back to fp32). */
typedef struct f5_cpu_features {
    bool avx2_fma, avx512f, avx512_bf16, amx_bf16;
} f5_cpu_features;
f5_cpu_features f5_cpu_detect(void);
/* The level the cpu kernels of k use: the CPU's best, capped by k->isa_max. */
f5_cpu_isa f5_cpu_isa_for(const f5_kctx *k);
const char *f5_cpu_isa_name(f5_cpu_isa isa); /* "base", "avx2", "avx512" */
/* True when `prec` runs natively on this CPU (bf16: AVX512-BF16 or AMX). */
bool f5_cpu_supports(f5_kprec prec);
const char *f5_kprec_name(f5_kprec d); /* "fp32", "bf16" */
/* "fp32"/"f32"/"float32", "bf16"/"bfloat16" -> precision; false if unknown. */
bool f5_kprec_parse(const char *s, f5_kprec *out);

/* Weights prepared once for a backend/precision: each registered matrix W
 * [N,K] (PyTorch Linear layout, looked up by its address) is converted and
 * reordered into the GEMM library's preferred layout for that precision.
 * The f5_linear calls of a context whose `pack` holds W then use it; other
 * W fall back to the float32 path. Built before use, read-only after (any
 * number of contexts may share one); W must outlive the pack. */
f5_status f5_kpack_create(f5_backend backend, f5_kprec prec, f5_kpack **out, f5_error *err);
f5_status f5_kpack_add(f5_kpack *p, const float *W, int64_t N, int64_t K, f5_error *err);
void f5_kpack_free(f5_kpack *p); /* NULL-safe */
size_t f5_kpack_bytes(const f5_kpack *p);  /* memory the packed copies hold */
int64_t f5_kpack_count(const f5_kpack *p);

/* y[M,N] = x[M,K] · W[N,K]^T + b[N] (b may be NULL). PyTorch Linear layout. */
void f5_linear(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b,
               float *y);
/* Reference implementation (double accumulation), used by tests and the ref backend. */
void f5_linear_ref(const float *x, int64_t M, int64_t K, const float *W, int64_t N, const float *b, float *y);

/* C[M,N] = alpha * A[M,K] · op(B) + beta * C with op(B) = B^T when trans_b
 * (B stored [N,K]) else B (stored [K,N]); lda/ldb/ldc are row strides. */
void f5_gemm(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
             int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc);
void f5_gemm_ref(bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A, int64_t lda,
                 const float *B, int64_t ldb, float beta, float *C, int64_t ldc);

/* y[r,:] = (x[r,:] - mean) / sqrt(var + eps) * w + b over the last axis D
 * (biased variance; w, b may be NULL = no affine). y may alias x. */
void f5_layernorm(const f5_kctx *k, const float *x, int64_t rows, int64_t D, const float *w, const float *b,
                  float eps, float *y);
void f5_layernorm_ref(const float *x, int64_t rows, int64_t D, const float *w, const float *b, float eps, float *y);

/* AdaLN modulation for B batch rows of N frames:
 * y[b,n,:] = LN(x[b,n,:]) * (1 + scale[b,:]) + shift[b,:] (LN without affine);
 * scale/shift rows are ld_mod floats apart. y may alias x. */
void f5_adaln(const f5_kctx *k, const float *x, int64_t B, int64_t N, int64_t D, const float *scale,
              const float *shift, int64_t ld_mod, float eps, float *y);
void f5_adaln_ref(const float *x, int64_t B, int64_t N, int64_t D, const float *scale, const float *shift,
                  int64_t ld_mod, float eps, float *y);

/* h[b,n,:] += gate[b,:] * a[b,n,:] for n < lens[b] (lens NULL: all N;
 * frames >= lens get nothing added, i.e. a's rows are treated as zero). */
void f5_gated_add(const f5_kctx *k, float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate,
                  int64_t ld_gate, const int32_t *lens);
void f5_gated_add_ref(float *h, const float *a, int64_t B, int64_t N, int64_t D, const float *gate, int64_t ld_gate,
                      const int32_t *lens);

typedef enum f5_act { F5_ACT_SILU = 0, F5_ACT_MISH, F5_ACT_GELU_ERF, F5_ACT_GELU_TANH } f5_act;
/* x[i] = act(x[i]) in place, i < n. */
void f5_activation(const f5_kctx *k, f5_act act, float *x, int64_t n);
void f5_activation_ref(f5_act act, float *x, int64_t n);

/* 1-D convolution over time, channels-last: x [T, Cin], W [Cout, Cin/groups, K]
 * (PyTorch Conv1d), b [Cout] or NULL, zero padding `pad` both sides,
 * stride 1, y [Tout, Cout] with Tout = T + 2 pad - K + 1. `scratch` must hold
 * f5_conv1d_scratch_floats(...) floats (may be NULL when that is 0). */
void f5_conv1d(const f5_kctx *k, const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K,
               int64_t groups, int64_t pad, const float *b, float *y, float *scratch);
size_t f5_conv1d_scratch_floats(const f5_kctx *k, int64_t T, int64_t Cin, int64_t Cout, int64_t K, int64_t groups,
                                int64_t pad);
void f5_conv1d_ref(const float *x, int64_t T, int64_t Cin, const float *W, int64_t Cout, int64_t K, int64_t groups,
                   int64_t pad, const float *b, float *y);

/* Rotary embedding on heads [0, n_heads_rot) of x [B*N, ld] (head h at
 * columns h*dh .. h*dh+dh-1): interleaved pairs (2j, 2j+1),
 * x' = x*cos + rot(x)*sin, rot(x)[2j] = -x[2j+1], rot(x)[2j+1] = x[2j];
 * cos/sin [N, dh] tables (angles already repeated per pair). */
void f5_rope(const f5_kctx *k, float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld,
             const float *cos_t, const float *sin_t);
void f5_rope_ref(float *x, int64_t B, int64_t N, int64_t n_heads_rot, int64_t dh, int64_t ld, const float *cos_t,
                 const float *sin_t);

/* Full (unmasked) multi-head attention: for each batch b and head h,
 * o = softmax(q k^T * scale) v with q, k, v, o [B*N, ld] (head h at columns
 * h*dh..). `scratch` must hold f5_attention_scratch_floats(...) floats. */
void f5_attention(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                  int64_t H, int64_t dh, int64_t ld, float scale, float *o, float *scratch);
size_t f5_attention_scratch_floats(const f5_kctx *k, int64_t N, int64_t H);
void f5_attention_ref(const float *q, const float *kk, const float *v, int64_t B, int64_t N, int64_t H, int64_t dh,
                      int64_t ld, float scale, float *o);

/* Attention with a length per batch element (lens [B], values in [0, N];
 * NULL = f5_attention): in batch b only keys and values j < lens[b] take
 * part, and query rows i >= lens[b] get o = 0. Rows i < lens[b] are what
 * f5_attention computes for that element alone at N = lens[b] (the
 * backends run the same arithmetic, so the cpu and ref results are
 * bit-identical to that solo call). Used to pack items of different lengths
 * into one batch without their padding reaching the real frames. Same
 * scratch as f5_attention at N. */
void f5_attention_masked(const f5_kctx *k, const float *q, const float *kk, const float *v, int64_t B, int64_t N,
                         int64_t H, int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o, float *scratch);
void f5_attention_masked_ref(const float *q, const float *kk, const float *v, int64_t B, int64_t N, int64_t H,
                             int64_t dh, int64_t ld, float scale, const int32_t *lens, float *o);

/* ---- Backend memory. The tensors a kernel reads and writes (its
 * activations) live in the backend's memory: host memory for ref and cpu
 * (these calls are malloc/memcpy there, and f5_khost_visible() is true),
 * device memory for cuda. Weights stay host pointers at this interface:
 * a cuda context translates any pointer into an array registered with its
 * f5_kdev to the device copy. Transfers and kernels are queued in order on
 * the context; f5_kdownload returns when the data is on the host. */
void *f5_kalloc(const f5_kctx *k, size_t bytes); /* NULL when out of memory */
void f5_kfree(const f5_kctx *k, void *p);        /* NULL-safe */
void f5_kupload(const f5_kctx *k, void *dst, const void *src_host, size_t bytes);   /* dst == src: nothing */
void f5_kdownload(const f5_kctx *k, void *dst_host, const void *src, size_t bytes); /* dst == src: nothing */
void f5_kcopy(const f5_kctx *k, void *dst, const void *src, size_t bytes);
void f5_kzero(const f5_kctx *k, void *dst, size_t bytes);
bool f5_khost_visible(const f5_kctx *k); /* backend memory is host memory (ref, cpu, NULL k) */
/* Wait for everything queued on k; the first failure of any of it (a
 * device error is sticky) as F5_ERR_DEVICE, or F5_ERR_GPU_OOM when the
 * device ran out of memory (not sticky: a smaller retry may work). F5_OK at
 * once on ref/cpu. */
f5_status f5_ksync(const f5_kctx *k, f5_error *err);

/* y[i] += x[i], i < n. */
void f5_add(const f5_kctx *k, float *y, const float *x, int64_t n);

/* ---- Devices (cuda). A build without the CUDA backend has all of these:
 * f5_cuda_built() is false and the rest fail with "built without CUDA". */
bool f5_cuda_built(void);
/* CUDA devices usable now; 0 with the reason in why (may be NULL). */
int f5_cuda_device_count(char *why, size_t why_n);
/* Name and memory of device `idx` ("NVIDIA H100 80GB HBM3", bytes). */
f5_status f5_cuda_device_info(int idx, char *name, size_t name_n, size_t *total_bytes, f5_error *err);

/* The weights of one model on device `device`: each f5_kdev_add copies
 * host[0..n) once (with a bf16 copy too when `bf16`: the matrices of the
 * products in bf16). Read-only after loading; any number of streams may
 * share it; the host arrays must outlive it (their addresses are the keys). */
f5_status f5_kdev_create(f5_backend backend, int device, f5_kdev **out, f5_error *err);
f5_status f5_kdev_add(f5_kdev *d, const float *host, int64_t n, bool bf16, f5_error *err);
void f5_kdev_free(f5_kdev *d); /* NULL-safe */
size_t f5_kdev_bytes(const f5_kdev *d);
int f5_kdev_device(const f5_kdev *d);
/* A queue for one context on d's device (stream, cuBLASLt handle and
 * workspace, error state). One thread at a time. */
f5_status f5_kstream_create(const f5_kdev *d, f5_kstream **out, f5_error *err);
void f5_kstream_free(f5_kstream *s); /* NULL-safe */

#ifdef __cplusplus
}
#endif

#endif
