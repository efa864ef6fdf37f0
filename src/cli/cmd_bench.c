/* cmd_bench.c - `f5tts bench`: the synthesis benchmark on procedural
 * (random, release-size) weights, no checkpoint needed.
 *
 * In one run it measures (1) this machine's matrix-product rate at the
 * DiT's shapes in fp32 and bf16 (bench_gemm.c), then per precision asked
 * for (2) the per-synthesis text setup and K CFG-packed NFE steps at the
 * frame count of ref+gen seconds, with the share of each op family, and
 * (3) the reference mel and one Vocos decode of the generated seconds on
 * the same thread pool. The whole synthesis is extrapolated from those:
 * ref mel + text setup + NFE x step + vocoder. `--dtype fp32,bf16` runs
 * both back to back so their ratio comes from one machine state.
 * `--vocoder-only` hands over to the vocoder benchmark (bench_vocoder.c). */
#include "cli/bench.h"
#include "cli/commands.h"
#include "core/clock.h"

#include "model/cfm.h"
#include "model/dit.h"
#include "model/model_config.h"
#include "model/procedural.h"
#include "pipeline/device.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static void usage(void) {
    fprintf(stderr,
            "usage: f5tts bench [--preset v1_base|base|small] [--random-weights] [--ref-seconds 5]\n"
            "                   [--gen-seconds 10] [--nfe 32] [--threads N] [--steps-to-time K]\n"
            "                   [--dtype fp32|bf16|fp32,bf16] [--gemm | --no-gemm] [--backend cpu|ref|cuda]\n"
            "                   [--device auto|cpu|cuda] [--batch B] [--seed S] [--json] | --vocoder-only [...]\n"
            "                   | --concurrent C [--max-batch B,1] [...]\n"
            "  --device      cuda runs the DiT on the GPU (= --backend cuda); the ref mel and Vocos stay on the cpu\n"
            "  --batch B     B requests of the same length in one forward pass (2B rows with CFG); default 1\n"
            "  --dtype       precision(s) to run, comma-separated (default fp32, env F5_DTYPE)\n"
            "  --gemm        only measure the product rate at the DiT's shapes (fp32 and bf16)\n"
            "  --no-gemm     skip that measurement\n");
}

typedef struct bench_opts {
    const char *preset, *backend, *dtypes;
    double ref_s, gen_s;
    int nfe, threads, k_steps, batch;
    const char *device;
    unsigned long long seed;
    bool json, gemm_only, no_gemm;
} bench_opts;

typedef struct bench_run {
    f5_kprec prec;
    int threads;
    double text_s, first_s, step_s, best_s, cpu_step_s, refmel_ms, vocoder_ms, total_s, packed_mb;
    int prof_steps;
    f5_kprof prof;
} bench_run;

static double peak_rss_mb(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

/* Text setup, K steps, then ref mel and Vocos on the context's pool. */
static f5_status run_one(const bench_opts *o, f5_dit *dit, const f5_dit_config *cfg, f5_kprec prec, int N, int T,
                         const float *x, const float *cond, const int32_t *text, float *out, bench_run *r,
                         f5_error *err) {
    *r = (bench_run){.prec = prec};
    f5_dit_ctx *ctx = NULL;
    f5_dit_ctx_params cp = f5_dit_ctx_default_params();
    bool cuda = !strcmp(o->backend, "cuda");
    cp.backend = cuda ? F5_BACKEND_CUDA : strcmp(o->backend, "ref") ? F5_BACKEND_CPU : F5_BACKEND_REF;
    cp.n_threads = o->threads;
    cp.prec = prec;
    cp.max_batch = o->batch;
    f5_status st = cuda ? f5_dit_prepare_device(dit, F5_BACKEND_CUDA, 0, prec, err) : f5_dit_prepare(dit, prec, err);
    if (!st) st = f5_dit_ctx_create(dit, &cp, &ctx, err);
    if (st) return st;
    r->packed_mb = prec == F5_KPREC_BF16 ? (double)f5_dit_packed_bytes(dit) / 1048576.0 : 0;
    r->threads = f5_dit_ctx_threads(ctx);
    double ts0 = f5_now_s();
    if ((st = f5_dit_set_text(ctx, o->batch, N, text, T, NULL, err))) goto done;
    r->text_s = f5_now_s() - ts0;
    double sum_rest = 0, cpu_rest = 0, cpu_first = 0;
    r->best_s = 1e30;
    for (int k = 0; k < o->k_steps; k++) {
        if (k == 1) r->prof = (f5_kprof){0}; /* the profile covers the steps after the first */
        f5_dit_ctx_set_profile(ctx, &r->prof);
        float tm[256]; /* one time per batch item (all at the same step here) */
        for (int b = 0; b < o->batch; b++) tm[b] = (float)k / (float)o->nfe;
        double a = f5_now_s(), ca = f5_cpu_s();
        if ((st = f5_dit_step(ctx, x, cond, tm, F5_DIT_CFG_PACKED, out, err))) goto done;
        double dt = f5_now_s() - a, dc = f5_cpu_s() - ca;
        if (k == 0) r->first_s = dt, cpu_first = dc;
        else sum_rest += dt, cpu_rest += dc;
        if (dt < r->best_s) r->best_s = dt;
    }
    f5_dit_ctx_set_profile(ctx, NULL);
    r->step_s = o->k_steps > 1 ? sum_rest / (o->k_steps - 1) : r->first_s;
    r->cpu_step_s = o->k_steps > 1 ? cpu_rest / (o->k_steps - 1) : cpu_first;
    r->prof_steps = o->k_steps > 1 ? o->k_steps - 1 : 1;
    if (cp.backend != F5_BACKEND_REF) {
        f5_kctx vk = *f5_dit_ctx_kernels(ctx);
        /* the ref mel and Vocos run on the host (cpu fp32) on every device */
        vk = (f5_kctx){.backend = F5_BACKEND_CPU, .n_threads = vk.n_threads, .pool = vk.pool};
        if ((st = f5_bench_refmel_ms(o->ref_s, &r->refmel_ms, err))) goto done;
        if ((st = f5_bench_vocoder_ms(o->gen_s, &vk, &r->vocoder_ms, err))) goto done;
    }
    /* batch B: B ref mels and B decodes one after another on the pool */
    r->total_s = o->batch * (r->refmel_ms + r->vocoder_ms) * 1e-3 + r->text_s + o->nfe * r->step_s;
done:
    f5_dit_ctx_free(ctx);
    (void)cfg;
    return st;
}

static void print_profile(const bench_run *r) {
    double in_kernels = 0;
    printf("  time per step by op family:\n");
    for (int f = 0; f < F5_KFAM_COUNT; f++) {
        double s = r->prof.seconds[f] / r->prof_steps;
        in_kernels += s;
        if (r->prof.calls[f] == 0) continue;
        printf("    %-12s %8.1f ms %5.1f%%", f5_kfam_name((f5_kfam)f), s * 1e3, 100.0 * s / r->step_s);
        if (r->prof.flops[f] > 0) printf("  %7.1f GFLOP/s", r->prof.flops[f] / r->prof.seconds[f] * 1e-9);
        printf("  (%lld calls)\n", r->prof.calls[f] / r->prof_steps);
    }
    printf("    %-12s %8.1f ms %5.1f%%\n", "other", (r->step_s - in_kernels) * 1e3,
           100.0 * (r->step_s - in_kernels) / r->step_s);
}

static void print_gemm(const bench_gemm_limits *g, int64_t rows) {
    printf("  matrix products at the DiT's shapes (%lld rows, %d threads, best of 3):\n", (long long)rows, g->threads);
    for (int p = 0; p < 2; p++) {
        if (g->gflops[p] <= 0) {
            if (p == 1) printf("    bf16: not measured (no AVX512-BF16/AMX)\n");
            continue;
        }
        printf("    %s: %7.1f GFLOP/s for the block's mix (", p ? "bf16" : "fp32", g->gflops[p]);
        for (int s = 0; s < 4; s++) printf("%s%s %.0f", s ? ", " : "", f5_bench_gemm_shape_names[s], g->shape_gflops[p][s]);
        printf(")\n");
    }
}

static void print_run(const bench_opts *o, const bench_run *r, double flops, const bench_gemm_limits *g) {
    printf("[%s] text setup %.1f ms; timed %d NFE step(s): first %.1f ms, %s %.1f ms, best %.1f ms\n",
           f5_kprec_name(r->prec), r->text_s * 1e3, o->k_steps, r->first_s * 1e3,
           o->k_steps > 1 ? "mean of the rest" : "step", r->step_s * 1e3, r->best_s * 1e3);
    double lim = g->gflops[r->prec == F5_KPREC_BF16];
    printf("  work per step: %.1f GFLOP (GEMMs + attention) -> %.1f GFLOP/s achieved", flops * 1e-9,
           flops / r->step_s * 1e-9);
    if (lim > 0) printf(" (%.0f%% of the %s product rate %.1f)", 100.0 * flops / r->step_s * 1e-9 / lim,
                        f5_kprec_name(r->prec), lim);
    printf("\n  CPU time per step: %.2f s (on a shared machine wall time is inflated by other load, CPU time\n"
           "  is not: idle %d-thread estimate %.2f s/step)\n",
           r->cpu_step_s, r->threads, r->cpu_step_s / r->threads);
    if (r->packed_mb > 0) printf("  bf16 packed weights: %.0f MB\n", r->packed_mb);
    print_profile(r);
    printf("  reference mel (%.1f s): %.1f ms; Vocos decode (%.1f s, same pool, fp32): %.1f ms\n", o->ref_s,
           r->refmel_ms, o->gen_s, r->vocoder_ms);
    double dit_s = r->text_s + o->nfe * r->step_s, audio = o->gen_s * o->batch;
    printf("  ESTIMATED whole synthesis at NFE %d%s: %.2f s for %.1f s of audio, RTF %.3f\n"
           "    (= %sref mel + text setup + %d x step + %svocoder; steps extrapolated from %d timed)\n",
           o->nfe, f5_cfm_uses_epss(o->nfe) ? " (EPSS grid)" : "", r->total_s, audio, r->total_s / audio,
           o->batch > 1 ? "B x " : "", o->nfe, o->batch > 1 ? "B x " : "", o->k_steps);
    printf("  DiT only (text setup + %d steps): %.3f s -> %.1f audio-seconds per second over %d request%s\n", o->nfe,
           dit_s, audio / dit_s, o->batch, o->batch == 1 ? "" : "s");
}

static void json_run(const bench_opts *o, const bench_run *r, double flops, const bench_gemm_limits *g, bool first) {
    printf("%s{\"dtype\":\"%s\",\"batch\":%d,\"dit_seconds\":%.4f,\"threads\":%d,\"text_setup_ms\":%.2f,\"first_step_ms\":%.2f,\"step_ms\":%.2f,"
           "\"best_step_ms\":%.2f,\"cpu_seconds_per_step\":%.3f,\"gflops\":%.2f,\"gemm_limit_gflops\":%.2f,"
           "\"refmel_ms\":%.2f,\"vocoder_ms\":%.2f,\"estimated_total_seconds\":%.3f,\"rtf\":%.4f,"
           "\"packed_weights_mb\":%.1f,\"ops\":{",
           first ? "" : ",", f5_kprec_name(r->prec), o->batch, r->text_s + o->nfe * r->step_s, r->threads, r->text_s * 1e3, r->first_s * 1e3, r->step_s * 1e3,
           r->best_s * 1e3, r->cpu_step_s, flops / r->step_s * 1e-9, g->gflops[r->prec == F5_KPREC_BF16],
           r->refmel_ms, r->vocoder_ms, r->total_s, r->total_s / o->gen_s, r->packed_mb);
    for (int f = 0; f < F5_KFAM_COUNT; f++) {
        double s = r->prof.seconds[f] / r->prof_steps;
        printf("%s\"%s\":{\"ms\":%.2f,\"share\":%.4f,\"calls\":%lld", f ? "," : "", f5_kfam_name((f5_kfam)f), s * 1e3,
               s / r->step_s, r->prof.calls[f] / r->prof_steps);
        if (r->prof.flops[f] > 0) printf(",\"gflops\":%.2f", r->prof.flops[f] / r->prof.seconds[f] * 1e-9);
        printf("}");
    }
    printf("}}");
}

static int parse_args(int argc, char **argv, bench_opts *o) {
    const char *env_dtype = getenv("F5_DTYPE");
    *o = (bench_opts){.preset = "v1_base", .backend = "cpu", .dtypes = env_dtype && *env_dtype ? env_dtype : "fp32",
                      .ref_s = 5, .gen_s = 10, .nfe = 32, .k_steps = 2, .seed = 1001, .batch = 1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--preset") && has) o->preset = argv[++i];
        else if (!strcmp(a, "--random-weights")) { /* the only weight source: procedural */ }
        else if (!strcmp(a, "--ref-seconds") && has) o->ref_s = atof(argv[++i]);
        else if (!strcmp(a, "--gen-seconds") && has) o->gen_s = atof(argv[++i]);
        else if (!strcmp(a, "--nfe") && has) o->nfe = atoi(argv[++i]);
        else if (!strcmp(a, "--threads") && has) o->threads = atoi(argv[++i]);
        else if (!strcmp(a, "--steps-to-time") && has) o->k_steps = atoi(argv[++i]);
        else if (!strcmp(a, "--backend") && has) o->backend = argv[++i];
        else if (!strcmp(a, "--device") && has) o->device = argv[++i];
        else if (!strcmp(a, "--batch") && has) o->batch = atoi(argv[++i]);
        else if (!strcmp(a, "--dtype") && has) o->dtypes = argv[++i];
        else if (!strcmp(a, "--gemm")) o->gemm_only = true;
        else if (!strcmp(a, "--no-gemm")) o->no_gemm = true;
        else if (!strcmp(a, "--seed") && has) o->seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--json")) o->json = true;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) return usage(), 0;
        else {
            fprintf(stderr, "f5tts bench: unknown or incomplete option %s\n", a);
            usage();
            return 2;
        }
    }
    if (o->ref_s < 0 || o->gen_s <= 0 || o->ref_s + o->gen_s > 600 || o->nfe < 1 || o->k_steps < 1 ||
        o->threads < 0 || o->batch < 1 || o->batch > 256 ||
        (strcmp(o->backend, "cpu") && strcmp(o->backend, "ref") && strcmp(o->backend, "cuda"))) {
        fprintf(stderr, "f5tts bench: need 0 <= ref, 0 < gen, ref+gen <= 600 s, nfe >= 1, steps-to-time >= 1, "
                        "threads >= 0, 1 <= batch <= 256, backend cpu|ref|cuda\n");
        return 2;
    }
    if (o->device) {
        f5_device want, got;
        char msg[400];
        f5_error e = {0};
        if (!f5_device_parse(o->device, &want)) {
            fprintf(stderr, "f5tts bench: --device must be auto, cpu or cuda\n");
            return 2;
        }
        if (f5_device_resolve(want, &got, msg, sizeof msg, &e) != F5_OK) {
            fprintf(stderr, "f5tts bench: %s\n", e.message);
            return 2;
        }
        if (!o->json) printf("%s\n", msg);
        if (got == F5_DEVICE_CUDA) o->backend = "cuda";
        else if (!strcmp(o->backend, "cuda")) o->backend = "cpu";
    }
    if (!strcmp(o->backend, "cuda")) o->no_gemm = true; /* the cpu product rate says nothing about the GPU */
    if (o->k_steps > o->nfe) o->k_steps = o->nfe;
    return -1;
}

/* "fp32,bf16" -> precisions (at most 4); false on an unknown name. */
static bool parse_dtypes(const char *list, f5_kprec *out, int *n) {
    *n = 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t && *n < 4; t = strtok_r(NULL, ",", &save))
        if (!f5_kprec_parse(t, &out[(*n)++])) return false;
    return *n > 0;
}

int cmd_bench(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--vocoder-only")) return f5_bench_vocoder(argc, argv);
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--concurrent")) return f5_bench_concurrent(argc, argv);
    bench_opts o;
    int prc = parse_args(argc, argv, &o);
    if (prc >= 0) return prc;
    f5_kprec precs[4];
    int n_prec;
    if (!parse_dtypes(o.dtypes, precs, &n_prec)) {
        fprintf(stderr, "f5tts bench: --dtype takes fp32, bf16 or a comma list of them, not '%s'\n", o.dtypes);
        return 2;
    }
    for (int i = 0; i < n_prec; i++)
        if (precs[i] == F5_KPREC_BF16 && strcmp(o.backend, "cuda") && !f5_cpu_supports(F5_KPREC_BF16)) {
            fprintf(stderr, "f5tts bench: bf16 asked for, but this CPU has neither AVX512-BF16 nor AMX\n");
            return 2;
        }
    f5_error err = {0};
    f5_dit_config cfg;
    f5_weights *w = NULL;
    f5_dit *dit = NULL;
    float *x = NULL, *cond = NULL, *out = NULL;
    int32_t *text = NULL;
    int rc = 1;
    bench_gemm_limits g = {0};
    bench_run runs[4];
    if (f5_dit_config_preset(o.preset, 2545, &cfg, &err) != F5_OK) goto fail;
    int N = (int)((o.ref_s + o.gen_s) * 24000.0 / 256.0), M = cfg.mel_dim, ref_frames = (int)(o.ref_s * 24000.0 / 256.0);
    if (!o.no_gemm && strcmp(o.backend, "ref") && f5_bench_gemm_limits(&cfg, 2 * (int64_t)N, o.threads, &g, &err))
        goto fail;
    if (o.gemm_only) {
        if (o.json) {
            printf("{\"preset\":\"%s\",\"rows\":%d,\"threads\":%d,\"gemm_limit_gflops\":{\"fp32\":%.2f,\"bf16\":%.2f}}\n",
                   cfg.name, 2 * N, g.threads, g.gflops[0], g.gflops[1]);
        } else {
            printf("f5tts bench --gemm: DiT %s at %d frames (CFG packed)\n", cfg.name, N);
            print_gemm(&g, 2 * (int64_t)N);
        }
        rc = 0;
        goto done;
    }
    double t0 = f5_now_s();
    if (f5_procedural_dit(o.seed, &cfg, false, &w, &err) != F5_OK || f5_checkpoint_normalize(w, &err) != F5_OK ||
        f5_dit_create(w, &cfg, &dit, &err) != F5_OK)
        goto fail;
    double t_load = f5_now_s() - t0;
    int T = (int)((o.ref_s + o.gen_s) * 14.0); /* ~14 characters per second of speech */
    if (T >= N) T = N - 1;
    if (T < 1) T = 1;
    size_t NB = (size_t)o.batch * (size_t)N;
    x = malloc(NB * M * sizeof *x);
    cond = calloc(NB * M, sizeof *cond);
    out = malloc(2 * NB * M * sizeof *out);
    text = malloc((size_t)o.batch * (size_t)T * sizeof *text);
    if (!x || !cond || !out || !text) {
        fprintf(stderr, "f5tts bench: out of memory\n");
        goto done;
    }
    uint64_t s = o.seed;
    for (size_t i = 0; i < NB * M; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        x[i] = (float)((double)(s >> 40) * 0x1p-24 * 2.0 - 1.0);
        if ((int)(i / M % N) < ref_frames) cond[i] = x[i] * 3.0f - 5.0f;
    }
    for (int i = 0; i < o.batch * T; i++) text[i] = (int32_t)((i * 37 + 11) % 2545);
    double flops = f5_dit_flops(&cfg, 2 * o.batch, N);
    for (int i = 0; i < n_prec; i++)
        if (run_one(&o, dit, &cfg, precs[i], N, T, x, cond, text, out, &runs[i], &err)) goto fail;
    double rss = peak_rss_mb();
    if (o.json) {
        printf("{\"preset\":\"%s\",\"backend\":\"%s\",\"frames\":%d,\"text_tokens\":%d,\"ref_seconds\":%g,"
               "\"gen_seconds\":%g,\"nfe\":%d,\"epss\":%s,\"steps_timed\":%d,\"weights_seconds\":%.3f,"
               "\"gflop_per_step\":%.2f,\"gemm_limit_gflops\":{\"fp32\":%.2f,\"bf16\":%.2f},\"peak_rss_mb\":%.1f,"
               "\"extrapolated\":true,\"runs\":[",
               cfg.name, o.backend, N, T, o.ref_s, o.gen_s, o.nfe, f5_cfm_uses_epss(o.nfe) ? "true" : "false",
               o.k_steps, t_load, flops * 1e-9, g.gflops[0], g.gflops[1], rss);
        for (int i = 0; i < n_prec; i++) json_run(&o, &runs[i], flops, &g, i == 0);
        printf("]}\n");
    } else {
        printf("f5tts bench: DiT %s (%lld params, procedural weights seed %llu, built in %.2f s), backend %s, "
               "threads %d%s\n",
               cfg.name, (long long)f5_dit_config_params(&cfg), o.seed, t_load, o.backend, runs[0].threads,
               o.threads > 0 ? "" : " (all CPUs)");
        printf("  frames N = %d (%.1f s ref + %.1f s gen), text tokens %d, NFE %d, %d request%s, CFG packed (%d rows)\n",
               N, o.ref_s, o.gen_s, T, o.nfe, o.batch, o.batch == 1 ? "" : "s", 2 * o.batch);
        if (!strcmp(o.backend, "cuda"))
            printf("  cuda: step times are wall times to the result on the host; the per-family split times kernel\n"
                   "  launches only (they run asynchronously), so it is not a GPU profile\n");
        if (!o.no_gemm && g.gflops[0] > 0) print_gemm(&g, 2 * (int64_t)N);
        for (int i = 0; i < n_prec; i++) print_run(&o, &runs[i], flops, &g);
        for (int i = 1; i < n_prec; i++)
            printf("%s step / %s step = %.2fx faster; whole synthesis %.2fx\n", f5_kprec_name(runs[i].prec),
                   f5_kprec_name(runs[0].prec), runs[0].step_s / runs[i].step_s, runs[0].total_s / runs[i].total_s);
        printf("peak RSS %.0f MB (procedural weights %.0f MB, in memory)\n", rss,
               (double)f5_dit_config_params(&cfg) * 4.0 / 1048576.0);
    }
    rc = 0;
    goto done;
fail:
    fprintf(stderr, "f5tts bench: %s\n", err.message);
done:
    free(x);
    free(cond);
    free(out);
    free(text);
    f5_dit_free(dit);
    f5_weights_free(w);
    return rc;
}
