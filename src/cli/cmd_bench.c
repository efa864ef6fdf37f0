/* cmd_bench.c - `f5tts bench`: the DiT synthesis benchmark on procedural
 * (random, release-size) weights. It times the per-synthesis text setup and
 * K CFG-packed NFE steps at the frame count of ref+gen seconds, then
 * extrapolates the whole synthesis (text setup + nfe steps) from them and
 * reports ms/step, RTF, achieved GFLOP/s and peak RSS. `--vocoder-only`
 * hands over to the vocoder benchmark (f5_bench_vocoder, bench_vocoder.c). */
#include "cli/commands.h"
#include "core/clock.h"

#include "model/cfm.h"
#include "model/dit.h"
#include "model/model_config.h"
#include "model/procedural.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Provided by bench_vocoder.c (audio module); weak so this file links before it exists. */
int f5_bench_vocoder(int argc, char **argv) __attribute__((weak));


static void usage(void) {
    fprintf(stderr,
            "usage: f5tts bench [--preset v1_base|base|small] [--random-weights] [--ref-seconds 5]\n"
            "                   [--gen-seconds 10] [--nfe 32] [--threads N] [--steps-to-time K]\n"
            "                   [--backend cpu|ref] [--seed S] [--json] | --vocoder-only [...]\n");
}

/* Share of the step per op family, and what was left outside the kernels. */
static void print_profile(const f5_kprof *p, int steps, double step_s) {
    double in_kernels = 0;
    printf("  time per step by op family:\n");
    for (int f = 0; f < F5_KFAM_COUNT; f++) {
        double s = p->seconds[f] / steps;
        in_kernels += s;
        if (p->calls[f] == 0) continue;
        printf("    %-12s %8.1f ms %5.1f%%", f5_kfam_name((f5_kfam)f), s * 1e3, 100.0 * s / step_s);
        if (p->flops[f] > 0) printf("  %7.1f GFLOP/s", p->flops[f] / p->seconds[f] * 1e-9);
        printf("  (%lld calls)\n", p->calls[f] / steps);
    }
    printf("    %-12s %8.1f ms %5.1f%%\n", "other", (step_s - in_kernels) * 1e3, 100.0 * (step_s - in_kernels) / step_s);
}

int cmd_bench(int argc, char **argv) {
    const char *preset = "v1_base", *backend = "cpu", *dtype = getenv("F5_DTYPE");
    if (!dtype || !*dtype) dtype = "fp32";
    double ref_s = 5, gen_s = 10;
    int nfe = 32, threads = 0, k_steps = 2;
    unsigned long long seed = 1001;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--vocoder-only")) {
            if (!f5_bench_vocoder) {
                fprintf(stderr, "f5tts bench: the vocoder benchmark is not built into this binary\n");
                return 2;
            }
            return f5_bench_vocoder(argc, argv);
        } else if (!strcmp(a, "--preset") && has) preset = argv[++i];
        else if (!strcmp(a, "--random-weights")) { /* the only weight source: procedural */ }
        else if (!strcmp(a, "--ref-seconds") && has) ref_s = atof(argv[++i]);
        else if (!strcmp(a, "--gen-seconds") && has) gen_s = atof(argv[++i]);
        else if (!strcmp(a, "--nfe") && has) nfe = atoi(argv[++i]);
        else if (!strcmp(a, "--threads") && has) threads = atoi(argv[++i]);
        else if (!strcmp(a, "--steps-to-time") && has) k_steps = atoi(argv[++i]);
        else if (!strcmp(a, "--backend") && has) backend = argv[++i];
        else if (!strcmp(a, "--dtype") && has) dtype = argv[++i];
        else if (!strcmp(a, "--seed") && has) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--json")) json = true;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(); return 0; }
        else {
            fprintf(stderr, "f5tts bench: unknown or incomplete option %s\n", a);
            usage();
            return 2;
        }
    }
    if (ref_s < 0 || gen_s <= 0 || ref_s + gen_s > 600 || nfe < 1 || k_steps < 1 || threads < 0 ||
        (strcmp(backend, "cpu") && strcmp(backend, "ref"))) {
        fprintf(stderr, "f5tts bench: need 0 <= ref, 0 < gen, ref+gen <= 600 s, nfe >= 1, steps-to-time >= 1, "
                        "threads >= 0, backend cpu|ref\n");
        return 2;
    }
    if (k_steps > nfe) k_steps = nfe;
    f5_error err = {0};
    f5_dit_config cfg;
    f5_weights *w = NULL;
    f5_dit *dit = NULL;
    f5_dit_ctx *ctx = NULL;
    float *x = NULL, *cond = NULL, *out = NULL;
    int32_t *text = NULL;
    int rc = 1;
    double t0 = f5_now_s();
    if (f5_dit_config_preset(preset, 2545, &cfg, &err) != F5_OK ||
        f5_procedural_dit(seed, &cfg, false, &w, &err) != F5_OK || f5_checkpoint_normalize(w, &err) != F5_OK ||
        f5_dit_create(w, &cfg, &dit, &err) != F5_OK)
        goto fail;
    double t_load = f5_now_s() - t0;
    f5_dit_ctx_params cp = f5_dit_ctx_default_params();
    cp.backend = strcmp(backend, "ref") ? F5_BACKEND_CPU : F5_BACKEND_REF;
    if (!f5_kprec_parse(dtype, &cp.prec)) {
        fprintf(stderr, "f5tts bench: --dtype must be fp32 or bf16, not %s\n", dtype);
        goto done;
    }
    if (cp.prec != F5_KPREC_F32 && f5_dit_prepare(dit, cp.prec, &err) != F5_OK) goto fail;
    cp.n_threads = threads;
    if (f5_dit_ctx_create(dit, &cp, &ctx, &err) != F5_OK) goto fail;
    int N = (int)((ref_s + gen_s) * 24000.0 / 256.0), M = cfg.mel_dim, ref_frames = (int)(ref_s * 24000.0 / 256.0);
    int T = (int)((ref_s + gen_s) * 14.0); /* ~14 characters per second of speech */
    if (T >= N) T = N - 1;
    if (T < 1) T = 1;
    x = malloc((size_t)N * M * sizeof *x);
    cond = calloc((size_t)N * M, sizeof *cond);
    out = malloc((size_t)2 * N * M * sizeof *out);
    text = malloc((size_t)T * sizeof *text);
    if (!x || !cond || !out || !text) {
        fprintf(stderr, "f5tts bench: out of memory\n");
        goto done;
    }
    uint64_t s = seed;
    for (size_t i = 0; i < (size_t)N * M; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        x[i] = (float)((double)(s >> 40) * 0x1p-24 * 2.0 - 1.0);
        if ((int)(i / M) < ref_frames) cond[i] = x[i] * 3.0f - 5.0f;
    }
    for (int i = 0; i < T; i++) text[i] = (int32_t)((i * 37 + 11) % 2545);
    double ts0 = f5_now_s();
    if (f5_dit_set_text(ctx, 1, N, text, T, NULL, &err) != F5_OK) goto fail;
    double t_text = f5_now_s() - ts0;
    double first = 0, sum_rest = 0, best = 1e30, cpu_rest = 0, cpu_first = 0;
    f5_kprof prof = {0}; /* over the steps after the first (the first when only one is timed) */
    for (int k = 0; k < k_steps; k++) {
        if (k == 1) prof = (f5_kprof){0};
        f5_dit_ctx_set_profile(ctx, &prof);
        float tm = (float)k / (float)nfe;
        double a = f5_now_s(), ca = f5_cpu_s();
        if (f5_dit_step(ctx, x, cond, &tm, F5_DIT_CFG_PACKED, out, &err) != F5_OK) goto fail;
        double dt = f5_now_s() - a, dc = f5_cpu_s() - ca;
        if (k == 0) cpu_first = dc;
        else cpu_rest += dc;
        if (k == 0) first = dt;
        else sum_rest += dt;
        if (dt < best) best = dt;
    }
    f5_dit_ctx_set_profile(ctx, NULL);
    double step = k_steps > 1 ? sum_rest / (k_steps - 1) : first;
    int prof_steps = k_steps > 1 ? k_steps - 1 : 1;
    double cpu_step = k_steps > 1 ? cpu_rest / (k_steps - 1) : cpu_first;
    double total = t_text + nfe * step, flops = f5_dit_flops(&cfg, 2, N);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double rss_mb = ru.ru_maxrss / 1024.0;
    int nthreads = f5_dit_ctx_threads(ctx);
    if (json) {
        printf("{\"preset\":\"%s\",\"backend\":\"%s\",\"threads\":%d,\"frames\":%d,\"text_tokens\":%d,"
               "\"ref_seconds\":%g,\"gen_seconds\":%g,\"nfe\":%d,\"steps_timed\":%d,\"weights_seconds\":%.3f,"
               "\"text_setup_ms\":%.2f,\"first_step_ms\":%.2f,\"step_ms\":%.2f,\"best_step_ms\":%.2f,"
               "\"estimated_total_seconds\":%.3f,\"rtf\":%.4f,\"gflop_per_step\":%.2f,\"gflops\":%.2f,"
               "\"cpu_seconds_per_step\":%.3f,\"gflop_per_cpu_second\":%.2f,\"peak_rss_mb\":%.1f,\"extrapolated\":true}\n",
               cfg.name, backend, nthreads, N, T, ref_s, gen_s, nfe, k_steps, t_load, t_text * 1e3, first * 1e3,
               step * 1e3, best * 1e3, total, total / gen_s, flops * 1e-9, flops / step * 1e-9, cpu_step,
               flops / cpu_step * 1e-9, rss_mb);
    } else {
        printf("f5tts bench: DiT %s (%lld params, procedural weights seed %llu, built in %.2f s), backend %s, "
               "threads %d%s\n",
               cfg.name, (long long)f5_dit_config_params(&cfg), seed, t_load, backend, f5_dit_ctx_threads(ctx),
               threads > 0 ? "" : " (all CPUs)");
        printf("  frames N = %d (%.1f s ref + %.1f s gen), text tokens %d, NFE %d, CFG packed (batch 2)\n", N, ref_s,
               gen_s, T, nfe);
        printf("  text setup (once per synthesis): %.1f ms\n", t_text * 1e3);
        printf("  timed %d NFE step(s): first %.1f ms, %s %.1f ms, best %.1f ms\n", k_steps, first * 1e3,
               k_steps > 1 ? "mean of the rest" : "step", step * 1e3, best * 1e3);
        printf("  work per step: %.1f GFLOP (GEMMs + attention) -> %.1f GFLOP/s achieved\n", flops * 1e-9,
               flops / step * 1e-9);
        printf("  CPU time per step: %.2f s (%.1f GFLOP per CPU-second; on a shared machine wall time is\n"
               "  inflated by other load, CPU time is not: idle %d-thread estimate %.2f s/step)\n",
               cpu_step, flops / cpu_step * 1e-9, nthreads, cpu_step / nthreads);
        printf("  ESTIMATED whole synthesis (extrapolated from %d timed step(s)): %.2f s for %.1f s of audio, "
               "RTF %.3f\n",
               k_steps, total, gen_s, total / gen_s);
        printf("  peak RSS %.0f MB\n", rss_mb);
        print_profile(&prof, prof_steps, step);
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
    f5_dit_ctx_free(ctx);
    f5_dit_free(dit);
    f5_weights_free(w);
    return rc;
}
