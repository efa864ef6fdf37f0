/* procedural.c - release-size weights as a function of (seed, key, shape).
 *
 * Implements ../shared/golden/README.md "Procedural weights": per tensor an
 * FNV-1a-64 hash of "<seed>:<key>", per element output i+1 of splitmix64
 * started in that state, top 24 bits -> r in [-1, 1), value =
 * float(offset + amplitude * r) computed in double, with offset/amplitude
 * from the role table (key suffix and rank). Fixed buffers (rotary inv_freq,
 * Hann windows, HTK mel filterbank) get their standard values. Generation is
 * split into chunks of elements shared by a few pthreads; every value is
 * independent of the split, so the result is deterministic.
 */
#include "model/procedural.h"

#include "core/error.h"
#include "model/model_keys.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (1 << 20) /* elements per work item */
#define MAX_THREADS 8

static uint64_t fnv1a64_key(uint64_t seed, const char *key) {
    char num[32];
    snprintf(num, sizeof num, "%llu:", (unsigned long long)seed);
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char *s = num; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    for (const char *s = key; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

static inline double proc_r(uint64_t h, uint64_t i) {
    uint64_t z = h + (i + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return (double)(z >> 40) * 0x1p-23 - 1.0;
}

float f5_procedural_value(uint64_t seed, const char *key, int64_t i, double offset, double amplitude) {
    return (float)(offset + amplitude * proc_r(fnv1a64_key(seed, key), (uint64_t)i));
}

static bool ends_with(const char *s, const char *suf) {
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && memcmp(s + a - b, suf, b) == 0;
}

f5_proc_role f5_procedural_role(const char *key, int ndim, const int64_t *shape, double *offset, double *amplitude) {
    *offset = 0;
    *amplitude = 0;
    if (!strcmp(key, "initted") || !strcmp(key, "step")) return F5_PROC_BOOKKEEPING;
    static const char *const fixed[] = {"rotary_embed.inv_freq", "head.istft.window", "mel_spec.spectrogram.window",
                                        "mel_spec.mel_scale.fb", "mel_spec.mel_stft.spectrogram.window",
                                        "mel_spec.mel_stft.mel_scale.fb"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (ends_with(key, fixed[i])) return F5_PROC_FIXED;
    if (ends_with(key, ".grn.gamma") || ends_with(key, ".grn.beta")) {
        *amplitude = 0.5;
        return F5_PROC_GRN;
    }
    if (ndim == 1 && ends_with(key, ".gamma")) {
        *offset = 0.5;
        *amplitude = 0.25;
        return F5_PROC_LAYER_SCALE;
    }
    if (ends_with(key, "text_embed.text_embed.weight")) {
        *amplitude = 1.0;
        return F5_PROC_EMBEDDING;
    }
    if (ndim >= 2) {
        int64_t fan_in = 1;
        for (int d = 1; d < ndim; d++) fan_in *= shape[d];
        *amplitude = sqrt(3.0 / (double)(fan_in > 0 ? fan_in : 1));
        return F5_PROC_MATRIX;
    }
    if (ndim == 1 && ends_with(key, "norm.weight")) {
        *offset = 1.0;
        *amplitude = 0.125;
        return F5_PROC_NORM_WEIGHT;
    }
    *amplitude = 0.0625;
    return F5_PROC_BIAS;
}

void f5_procedural_inv_freq(int dim_head, float *out) {
    for (int j = 0; j < dim_head / 2; j++) out[j] = 1.0f / powf(10000.0f, (float)(2 * j) / (float)dim_head);
}

void f5_procedural_hann(int n, float *out) {
    const float step = (float)(2.0 * M_PI / (double)n);
    for (int i = 0; i < n; i++) out[i] = 0.5f - 0.5f * cosf((float)i * step);
}

static double hz_to_mel(double f) { return 2595.0 * log10(1.0 + f / 700.0); }
static double mel_to_hz(double m) { return 700.0 * (pow(10.0, m / 2595.0) - 1.0); }

void f5_procedural_mel_fb(int n_freqs, int n_mels, double sample_rate, double f_min, double f_max, float *out) {
    double m_lo = hz_to_mel(f_min), m_hi = hz_to_mel(f_max);
    double *f = malloc((size_t)(n_mels + 2) * sizeof *f);
    if (!f) { /* tiny allocation; on failure leave a zero bank rather than crash */
        memset(out, 0, (size_t)n_freqs * (size_t)n_mels * sizeof *out);
        return;
    }
    for (int i = 0; i < n_mels + 2; i++) f[i] = mel_to_hz(m_lo + (m_hi - m_lo) * i / (double)(n_mels + 1));
    for (int k = 0; k < n_freqs; k++) {
        double fr = (sample_rate / 2) * k / (double)(n_freqs - 1);
        for (int i = 0; i < n_mels; i++) {
            double down = (fr - f[i]) / (f[i + 1] - f[i]), up = (f[i + 2] - fr) / (f[i + 2] - f[i + 1]);
            double v = down < up ? down : up;
            out[(size_t)k * n_mels + i] = (float)(v > 0 ? v : 0);
        }
    }
    free(f);
}

/* ------------------------------------------------------------ generation */

typedef struct gen_job {
    uint64_t h;
    float *buf;  /* [numel] */
    int64_t numel;
    double offset, amplitude;
} gen_job;

typedef struct gen_plan {
    gen_job *jobs;
    size_t n_jobs;
    int64_t *chunk_start; /* [n_jobs + 1] prefix sums of chunk counts */
    int64_t n_chunks;
    atomic_llong next;
} gen_plan;

static void fill_range(const gen_job *j, int64_t b, int64_t e) {
    const double off = j->offset, amp = j->amplitude;
    for (int64_t i = b; i < e; i++) j->buf[i] = (float)(off + amp * proc_r(j->h, (uint64_t)i));
}

static void *gen_worker(void *arg) {
    gen_plan *p = arg;
    size_t job = 0;
    for (;;) {
        int64_t c = atomic_fetch_add(&p->next, 1);
        if (c >= p->n_chunks) break;
        while (p->chunk_start[job + 1] <= c) job++;
        int64_t b = (c - p->chunk_start[job]) * CHUNK, e = b + CHUNK;
        if (e > p->jobs[job].numel) e = p->jobs[job].numel;
        fill_range(&p->jobs[job], b, e);
    }
    return NULL;
}

static f5_status run_plan(gen_job *jobs, size_t n, f5_error *err) {
    gen_plan p = {.jobs = jobs, .n_jobs = n};
    p.chunk_start = malloc((n + 1) * sizeof *p.chunk_start);
    if (!p.chunk_start) return f5_errf(err, F5_ERR_NOMEM, "procedural weights: out of memory");
    p.chunk_start[0] = 0;
    for (size_t i = 0; i < n; i++) p.chunk_start[i + 1] = p.chunk_start[i] + (jobs[i].numel + CHUNK - 1) / CHUNK;
    p.n_chunks = p.chunk_start[n];
    atomic_init(&p.next, 0);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int nt = ncpu < 1 ? 1 : ncpu > MAX_THREADS ? MAX_THREADS : (int)ncpu;
    if (nt > p.n_chunks) nt = (int)(p.n_chunks > 0 ? p.n_chunks : 1);
    pthread_t th[MAX_THREADS];
    int started = 0;
    for (int t = 1; t < nt; t++) {
        if (pthread_create(&th[started], NULL, gen_worker, &p) != 0) break; /* fewer threads still finish the work */
        started++;
    }
    gen_worker(&p);
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
    free(p.chunk_start);
    return F5_OK;
}

/* Build the table for a key list: bookkeeping scalars, fixed buffers,
 * generated tensors (filled in parallel once every buffer is allocated). */
static f5_status build(uint64_t seed, const f5_key_shape *keys, size_t nk, int64_t step_value, int dim_head,
                       f5_weights **out, f5_error *err) {
    *out = NULL;
    f5_status s = F5_OK;
    gen_job *jobs = calloc(nk ? nk : 1, sizeof *jobs);
    f5_weights *w = f5_weights_new();
    if (!jobs || !w) {
        s = f5_errf(err, F5_ERR_NOMEM, "procedural weights: out of memory");
        goto fail;
    }
    char src[64];
    snprintf(src, sizeof src, "procedural seed %llu", (unsigned long long)seed);
    f5_weights_set_source(w, src);
    size_t nj = 0;
    for (size_t i = 0; i < nk; i++) {
        const f5_key_shape *k = &keys[i];
        int64_t numel = 1;
        for (int d = 0; d < k->ndim; d++) numel *= k->shape[d];
        double off, amp;
        f5_proc_role role = f5_procedural_role(k->name, k->ndim, k->shape, &off, &amp);
        void *buf;
        f5_dtype dt = F5_DT_F32;
        if (role == F5_PROC_BOOKKEEPING) {
            bool is_step = !strcmp(k->name, "step");
            buf = calloc(1, 8);
            if (!buf) goto oom;
            if (is_step)
                memcpy(buf, &step_value, 8);
            else
                *(unsigned char *)buf = 1;
            dt = is_step ? F5_DT_I64 : F5_DT_BOOL;
        } else {
            buf = malloc((size_t)(numel ? numel : 1) * sizeof(float));
            if (!buf) goto oom;
            float *f = buf;
            if (role == F5_PROC_FIXED) {
                if (ends_with(k->name, "inv_freq"))
                    f5_procedural_inv_freq(dim_head, f);
                else if (ends_with(k->name, "window"))
                    f5_procedural_hann((int)numel, f);
                else /* mel filterbank [n_freqs, n_mels] at 24 kHz, 0..12000 Hz */
                    f5_procedural_mel_fb((int)k->shape[0], (int)k->shape[1], 24000.0, 0.0, 12000.0, f);
            } else {
                jobs[nj++] = (gen_job){fnv1a64_key(seed, k->name), f, numel, off, amp};
            }
        }
        f5_weights_own(w, buf);
        s = f5_weights_add(w, k->name, dt, k->ndim, k->shape, buf, err);
        if (s) goto fail;
    }
    s = run_plan(jobs, nj, err);
    if (s) goto fail;
    free(jobs);
    *out = w;
    return F5_OK;
oom:
    s = f5_errf(err, F5_ERR_NOMEM, "procedural weights: out of memory");
fail:
    free(jobs);
    f5_weights_free(w);
    return s;
}

f5_status f5_procedural_dit(uint64_t seed, const f5_dit_config *c, bool legacy_mel_buffers, f5_weights **out,
                            f5_error *err) {
    *out = NULL;
    size_t nk;
    f5_key_shape *keys =
        f5_dit_keys(c, "ema_model.transformer.", F5_KEYS_BOOKKEEPING | (legacy_mel_buffers ? F5_KEYS_LEGACY_MEL : 0), &nk, err);
    if (!keys) return err ? err->status : F5_ERR_INVALID_ARG;
    f5_status s = build(seed, keys, nk, c->text_mask_padding ? 1250000 : 1200000, c->dim_head, out, err);
    free(keys);
    return s;
}

f5_status f5_procedural_vocos(uint64_t seed, const f5_vocos_config *c, f5_weights **out, f5_error *err) {
    *out = NULL;
    size_t nk;
    f5_key_shape *keys = f5_vocos_keys(c, &nk, err);
    if (!keys) return err ? err->status : F5_ERR_INVALID_ARG;
    f5_status s = build(seed, keys, nk, 0, 64, out, err);
    free(keys);
    return s;
}
