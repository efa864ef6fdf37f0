/* linear_bf16.c - Linear in bf16 with fp32 accumulation, on weights packed
 * once (f5_kpack), and the cpu-bf16 backend table.
 *
 * Why this shape: on AVX512-BF16 (Zen 4) oneDNN's bf16 matmul runs the
 * DiT's products at about twice its fp32 rate (measured ~950 vs ~480
 * GFLOP/s on 2 cores), and the weights take half the memory traffic. The
 * weights are converted and reordered once into the layout the matmul
 * primitive picks for itself (format "any"); that layout proved the same
 * for every row count, so one packed copy serves all M. Per call, each
 * worker of our pool rounds its block of activation rows to bf16 (into the
 * context's scratch) and runs the primitive on it with the bias fused,
 * writing fp32 - oneDNN held to one thread per worker, as the fp32 path
 * does, so no OpenMP team spins beside our pool. Products too small to
 * split (M < 16: time embedding, AdaLN) or whose weights are not in the
 * pack stay on the fp32 path.
 */
#include "kernels/cpu/cpu_kernels.h"

#include "core/error.h"
#include "core/threadpool.h"

#include <immintrin.h>
#include <oneapi/dnnl/dnnl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern void omp_set_num_threads(int n) __attribute__((weak));

enum { PRIMS_PER_WEIGHT = 12, MIN_ROWS = 16 };

/* One primitive per (rows, bias, worker): a oneDNN primitive keeps its
 * scratchpad, so two threads must never execute the same one at once. */
typedef struct kp_prim {
    int64_t M;
    bool bias;
    int worker;
    dnnl_primitive_t p;
} kp_prim;

typedef struct kp_entry {
    const float *W; /* key; NULL = empty slot */
    int64_t N, K;
    dnnl_memory_desc_t wmd; /* packed bf16 layout */
    void *wdata;
    kp_prim prims[PRIMS_PER_WEIGHT];
    int n_prims;
} kp_entry;

struct f5_kpack {
    f5_backend backend;
    f5_kprec prec;
    dnnl_engine_t eng;
    kp_entry *slots; /* open addressing, cap a power of two, load <= 1/2 */
    int64_t cap, n;
    size_t bytes;
    pthread_mutex_t lock; /* the primitive caches grow while contexts run */
};

static uint64_t slot_of(const float *W, int64_t cap) {
    return (((uint64_t)(uintptr_t)W >> 4) * 0x9E3779B97F4A7C15ull >> 17) & (uint64_t)(cap - 1);
}

static kp_entry *find(const f5_kpack *p, const float *W) {
    if (!p || !p->cap) return NULL;
    for (uint64_t i = slot_of(W, p->cap);; i = (i + 1) & (uint64_t)(p->cap - 1)) {
        if (p->slots[i].W == W) return &p->slots[i];
        if (!p->slots[i].W) return NULL;
    }
}

f5_status f5_kpack_create(f5_backend backend, f5_kprec prec, f5_kpack **out, f5_error *err) {
    *out = NULL;
    if (backend != F5_BACKEND_CPU || prec != F5_KPREC_BF16)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "weight packing: only the cpu backend in bf16 packs weights (asked %s)",
                       f5_kprec_name(prec));
    if (!f5_cpu_supports(F5_KPREC_BF16))
        return f5_errf(err, F5_ERR_UNSUPPORTED, "weight packing: this CPU has neither AVX512-BF16 nor AMX");
    f5_kpack *p = calloc(1, sizeof *p);
    if (!p) return f5_errf(err, F5_ERR_NOMEM, "weight packing: out of memory");
    p->backend = backend;
    p->prec = prec;
    if (dnnl_engine_create(&p->eng, dnnl_cpu, 0) != dnnl_success) {
        free(p);
        return f5_errf(err, F5_ERR_INTERNAL, "weight packing: oneDNN cpu engine could not be created");
    }
    pthread_mutex_init(&p->lock, NULL);
    *out = p;
    return F5_OK;
}

static f5_status grow(f5_kpack *p, f5_error *err) {
    int64_t cap = p->cap ? 2 * p->cap : 256;
    kp_entry *s = calloc((size_t)cap, sizeof *s);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "weight packing: out of memory for %lld slots", (long long)cap);
    for (int64_t i = 0; i < p->cap; i++) {
        if (!p->slots[i].W) continue;
        uint64_t j = slot_of(p->slots[i].W, cap);
        while (s[j].W) j = (j + 1) & (uint64_t)(cap - 1);
        s[j] = p->slots[i];
    }
    free(p->slots);
    p->slots = s;
    p->cap = cap;
    return F5_OK;
}

/* The layout the bf16 matmul prefers for weights [K,N] (asked at M = 1024). */
static bool preferred_layout(dnnl_engine_t eng, int64_t N, int64_t K, dnnl_memory_desc_t *out) {
    dnnl_memory_desc_t a, w, c;
    dnnl_dims_t ad = {1024, K}, wd = {K, N}, cd = {1024, N};
    dnnl_matmul_desc_t md;
    dnnl_primitive_desc_t pd;
    if (dnnl_memory_desc_init_by_tag(&a, 2, ad, dnnl_bf16, dnnl_ab) != dnnl_success ||
        dnnl_memory_desc_init_by_tag(&w, 2, wd, dnnl_bf16, dnnl_format_tag_any) != dnnl_success ||
        dnnl_memory_desc_init_by_tag(&c, 2, cd, dnnl_f32, dnnl_ab) != dnnl_success ||
        dnnl_matmul_desc_init(&md, &a, &w, NULL, &c) != dnnl_success ||
        dnnl_primitive_desc_create(&pd, &md, NULL, eng, NULL) != dnnl_success)
        return false;
    *out = *dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
    dnnl_primitive_desc_destroy(pd);
    return true;
}

f5_status f5_kpack_add(f5_kpack *p, const float *W, int64_t N, int64_t K, f5_error *err) {
    if (!p || !W || N <= 0 || K <= 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "weight packing: bad matrix (%lld x %lld)", (long long)N, (long long)K);
    if (find(p, W)) return F5_OK;
    if (2 * (p->n + 1) > p->cap) {
        f5_status st = grow(p, err);
        if (st != F5_OK) return st;
    }
    kp_entry e = {.W = W, .N = N, .K = K};
    dnnl_memory_desc_t src;
    dnnl_dims_t wd = {K, N};
    dnnl_memory_t msrc = NULL, mdst = NULL;
    dnnl_primitive_desc_t rpd = NULL;
    dnnl_primitive_t r = NULL;
    dnnl_stream_t st = NULL;
    bool ok = preferred_layout(p->eng, N, K, &e.wmd) &&
              dnnl_memory_desc_init_by_tag(&src, 2, wd, dnnl_f32, dnnl_ba) == dnnl_success; /* W [N,K] = [K,N]^T */
    size_t bytes = ok ? dnnl_memory_desc_get_size(&e.wmd) : 0;
    if (ok) ok = (e.wdata = aligned_alloc(64, (bytes + 63) / 64 * 64)) != NULL;
    if (ok)
        ok = dnnl_memory_create(&msrc, &src, p->eng, (void *)W) == dnnl_success &&
             dnnl_memory_create(&mdst, &e.wmd, p->eng, e.wdata) == dnnl_success &&
             dnnl_reorder_primitive_desc_create(&rpd, &src, p->eng, &e.wmd, p->eng, NULL) == dnnl_success &&
             dnnl_primitive_create(&r, rpd) == dnnl_success &&
             dnnl_stream_create(&st, p->eng, dnnl_stream_default_flags) == dnnl_success;
    if (ok) {
        dnnl_exec_arg_t args[2] = {{DNNL_ARG_FROM, msrc}, {DNNL_ARG_TO, mdst}};
        ok = dnnl_primitive_execute(r, st, 2, args) == dnnl_success && dnnl_stream_wait(st) == dnnl_success;
    }
    if (st) dnnl_stream_destroy(st);
    if (r) dnnl_primitive_destroy(r);
    if (rpd) dnnl_primitive_desc_destroy(rpd);
    if (msrc) dnnl_memory_destroy(msrc);
    if (mdst) dnnl_memory_destroy(mdst);
    if (!ok) {
        free(e.wdata);
        return f5_errf(err, F5_ERR_INTERNAL, "weight packing: oneDNN could not pack a %lld x %lld matrix to bf16",
                       (long long)N, (long long)K);
    }
    uint64_t i = slot_of(W, p->cap);
    while (p->slots[i].W) i = (i + 1) & (uint64_t)(p->cap - 1);
    p->slots[i] = e;
    p->n++;
    p->bytes += bytes;
    return F5_OK;
}

void f5_kpack_free(f5_kpack *p) {
    if (!p) return;
    for (int64_t i = 0; i < p->cap; i++) {
        kp_entry *e = &p->slots[i];
        if (!e->W) continue;
        for (int j = 0; j < e->n_prims; j++) dnnl_primitive_destroy(e->prims[j].p);
        free(e->wdata);
    }
    free(p->slots);
    dnnl_engine_destroy(p->eng);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

size_t f5_kpack_bytes(const f5_kpack *p) { return p ? p->bytes : 0; }
int64_t f5_kpack_count(const f5_kpack *p) { return p ? p->n : 0; }

/* The matmul for M rows of entry e (bias fused or not) for one worker,
 * created once and cached; *owned is set when the cache was full and the
 * caller must destroy the primitive after use. */
static dnnl_primitive_t prim_for(f5_kpack *p, kp_entry *e, int64_t M, bool bias, int worker, bool *owned) {
    *owned = false;
    pthread_mutex_lock(&p->lock);
    for (int i = 0; i < e->n_prims; i++)
        if (e->prims[i].M == M && e->prims[i].bias == bias && e->prims[i].worker == worker) {
            dnnl_primitive_t r = e->prims[i].p;
            pthread_mutex_unlock(&p->lock);
            return r;
        }
    dnnl_memory_desc_t a, b, c;
    dnnl_dims_t ad = {M, e->K}, bd = {1, e->N}, cd = {M, e->N};
    dnnl_matmul_desc_t md;
    dnnl_primitive_desc_t pd = NULL;
    dnnl_primitive_t prim = NULL;
    if (dnnl_memory_desc_init_by_tag(&a, 2, ad, dnnl_bf16, dnnl_ab) == dnnl_success &&
        dnnl_memory_desc_init_by_tag(&b, 2, bd, dnnl_f32, dnnl_ab) == dnnl_success &&
        dnnl_memory_desc_init_by_tag(&c, 2, cd, dnnl_f32, dnnl_ab) == dnnl_success &&
        dnnl_matmul_desc_init(&md, &a, &e->wmd, bias ? &b : NULL, &c) == dnnl_success &&
        dnnl_primitive_desc_create(&pd, &md, NULL, p->eng, NULL) == dnnl_success)
        if (dnnl_primitive_create(&prim, pd) != dnnl_success) prim = NULL;
    if (pd) dnnl_primitive_desc_destroy(pd);
    if (prim) {
        if (e->n_prims < PRIMS_PER_WEIGHT) e->prims[e->n_prims++] = (kp_prim){M, bias, worker, prim};
        else *owned = true;
    }
    pthread_mutex_unlock(&p->lock);
    return prim;
}

/* fp32 -> bf16, round to nearest even (NaN kept a quiet NaN). */
static inline uint16_t bf16_of(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x40);
    return (uint16_t)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}

__attribute__((target("avx512f,avx512bf16"))) static void to_bf16_avx512(const float *x, int64_t n, uint16_t *y) {
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m512bh v = _mm512_cvtne2ps_pbh(_mm512_loadu_ps(x + i + 16), _mm512_loadu_ps(x + i));
        _mm512_storeu_si512((void *)(y + i), (__m512i)v);
    }
    for (; i < n; i++) y[i] = bf16_of(x[i]);
}

typedef struct bf16_job {
    f5_kpack *pack;
    kp_entry *e;
    const float *x, *b;
    float *y;
    uint16_t *xb;
    float *ytmp; /* contiguous output when y's rows are ldy != N apart (in the scratch), else NULL */
    int64_t M, ldy, step;
    bool failed[64];
} bf16_job;

static bool run_rows(bf16_job *j, int64_t m0, int64_t m1, int worker) {
    kp_entry *e = j->e;
    int64_t rows = m1 - m0;
    to_bf16_avx512(j->x + m0 * e->K, rows * e->K, j->xb + m0 * e->K);
    bool owned;
    dnnl_primitive_t prim = prim_for(j->pack, e, rows, j->b != NULL, worker, &owned);
    if (!prim) return false;
    dnnl_memory_desc_t a, b, c;
    dnnl_dims_t ad = {rows, e->K}, bd = {1, e->N}, cd = {rows, e->N};
    dnnl_memory_t ma = NULL, mw = NULL, mb = NULL, mc = NULL;
    dnnl_stream_t st = NULL;
    bool ok = dnnl_memory_desc_init_by_tag(&a, 2, ad, dnnl_bf16, dnnl_ab) == dnnl_success &&
              dnnl_memory_desc_init_by_tag(&b, 2, bd, dnnl_f32, dnnl_ab) == dnnl_success &&
              dnnl_memory_desc_init_by_tag(&c, 2, cd, dnnl_f32, dnnl_ab) == dnnl_success &&
              dnnl_memory_create(&ma, &a, j->pack->eng, j->xb + m0 * e->K) == dnnl_success &&
              dnnl_memory_create(&mw, &e->wmd, j->pack->eng, e->wdata) == dnnl_success &&
              (!j->b || dnnl_memory_create(&mb, &b, j->pack->eng, (void *)j->b) == dnnl_success) &&
              dnnl_memory_create(&mc, &c, j->pack->eng, j->ytmp ? j->ytmp + m0 * e->N : j->y + m0 * e->N) ==
                  dnnl_success &&
              dnnl_stream_create(&st, j->pack->eng, dnnl_stream_default_flags) == dnnl_success;
    if (ok) {
        dnnl_exec_arg_t args[4] = {{DNNL_ARG_SRC, ma}, {DNNL_ARG_WEIGHTS, mw}, {DNNL_ARG_DST, mc}, {DNNL_ARG_BIAS, mb}};
        ok = dnnl_primitive_execute(prim, st, j->b ? 4 : 3, args) == dnnl_success &&
             dnnl_stream_wait(st) == dnnl_success;
    }
    if (st) dnnl_stream_destroy(st);
    dnnl_memory_t ms[4] = {ma, mw, mb, mc};
    for (int i = 0; i < 4; i++)
        if (ms[i]) dnnl_memory_destroy(ms[i]);
    if (owned) dnnl_primitive_destroy(prim);
    if (ok && j->ytmp) /* a strided destination: oneDNN would take a slow path writing it, so copy */
        for (int64_t r = m0; r < m1; r++) memcpy(j->y + r * j->ldy, j->ytmp + r * e->N, sizeof(float) * (size_t)e->N);
    return ok;
}

static void bf16_parts(void *arg, int64_t p0, int64_t p1, int worker) {
    bf16_job *j = arg;
    if (omp_set_num_threads) omp_set_num_threads(1);
    for (int64_t p = p0; p < p1; p++) {
        int64_t m0 = p * j->step, m1 = m0 + j->step > j->M ? j->M : m0 + j->step;
        if (m0 < m1 && !run_rows(j, m0, m1, worker)) j->failed[worker & 63] = true;
    }
}

/* y[M, N] (rows ldy apart) = x[M, K] W^T (+ b) on the packed W; false
 * when this call cannot take the bf16 path (y untouched). */
static bool packed_product(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N,
                           const float *b, float *y, int64_t ldy) {
    kp_entry *e = M >= MIN_ROWS ? find(k->pack, W) : NULL;
    size_t in_bytes = ((size_t)(M * K) * sizeof(uint16_t) + 63) / 64 * 64;
    size_t need = in_bytes + (ldy != N ? (size_t)(M * N) * sizeof(float) : 0);
    if (!e || e->N != N || e->K != K || !k->scratch || k->scratch_bytes < need) return false;
    int64_t np = f5_threadpool_size(k->pool);
    bf16_job j = {.pack = (f5_kpack *)k->pack, .e = e, .x = x, .b = b, .y = y, .xb = k->scratch, .M = M, .ldy = ldy};
    if (ldy != N) j.ytmp = (float *)((char *)k->scratch + in_bytes);
    j.step = ((M + np - 1) / np + 15) / 16 * 16;
    int64_t parts = (M + j.step - 1) / j.step;
    f5_threadpool_for(parts > 1 ? k->pool : NULL, parts, 1, bf16_parts, &j);
    for (int i = 0; i < 64; i++)
        if (j.failed[i]) return false; /* oneDNN refused (should not happen): the caller redoes it in fp32 */
    return true;
}

static void linear_bf16(const f5_kctx *k, const float *x, int64_t M, int64_t K, const float *W, int64_t N,
                        const float *b, float *y) {
    if (!packed_product(k, x, M, K, W, N, b, y, N)) f5_linear_cpu(k, x, M, K, W, N, b, y);
}

/* C = A B^T for a packed B (the grouped convolutions' im2col products);
 * anything else is the fp32 gemm. */
static void gemm_bf16(const f5_kctx *k, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float *A,
                      int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc) {
    if (trans_b && alpha == 1.0f && beta == 0.0f && lda == K && ldb == K &&
        packed_product(k, A, M, K, B, N, NULL, C, ldc))
        return;
    f5_gemm_cpu(k, trans_b, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

const f5_kops f5_kops_cpu_bf16 = {.name = "cpu-bf16", .linear = linear_bf16, .gemm = gemm_bf16};
