/* bench_concurrent.c - `f5tts bench --concurrent C [--max-batch B,1]`:
 * C requests of the same size (ref + gen seconds, NFE, CFG 2) arrive
 * together and are sampled through the step-level batcher
 * (model/cfm_batch.h) on procedural release-size weights, once per
 * --max-batch value: B > 1 shares every step's DiT evaluation among up to B
 * requests; 1 runs them one after the other (the service without
 * batching: one worker). Reported per value: wall time, audio-seconds per
 * second of the sampling, per-request latency, and an end-to-end figure
 * that adds each request's reference mel and Vocos decode serially (a
 * conservative bound: on a GPU, or with spare cores, they overlap the
 * sampling). Also measured once: an item's text embedding next to a batch
 * step, i.e. what recomputing every in-flight item's text embedding at
 * every step would cost instead of caching it at admission. */
#include "cli/bench.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"

#include "model/cfm_batch.h"
#include "model/dit.h"
#include "model/model_config.h"
#include "model/procedural.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conc_opts {
    const char *preset, *backend, *batches, *dtype, *device;
    double ref_s, gen_s;
    int nfe, threads, concurrent;
    long long batch_frames;
    unsigned long long seed;
    bool json;
} conc_opts;

typedef struct conc_run {
    int max_batch;
    double wall_s, cpu_s, mean_latency_s, max_latency_s, first_step_s;
    long long steps, rows;
    int max_running;
} conc_run;

static void usage(void) {
    fprintf(stderr,
            "usage: f5tts bench --concurrent C [--max-batch B[,B2...]] [--preset v1_base|base|small]\n"
            "                   [--ref-seconds 5] [--gen-seconds 10] [--nfe 32] [--threads N] [--dtype fp32|bf16]\n"
            "                   [--batch-frames F] [--backend cpu|ref|cuda] [--seed S] [--json]\n"
            "  C requests arrive together; each --max-batch value (default C,1) samples them through the\n"
            "  step-level batcher: B > 1 shares each DiT step among up to B requests, 1 = one at a time.\n");
}

static int parse(int argc, char **argv, conc_opts *o) {
    *o = (conc_opts){.preset = "v1_base", .backend = "cpu", .batches = NULL, .dtype = "fp32", .ref_s = 5,
                     .gen_s = 10, .nfe = 32, .concurrent = 0, .seed = 1001};
    const char *env_dtype = getenv("F5_DTYPE");
    if (env_dtype && *env_dtype) o->dtype = env_dtype;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--concurrent") && has) o->concurrent = atoi(argv[++i]);
        else if (!strcmp(a, "--max-batch") && has) o->batches = argv[++i];
        else if (!strcmp(a, "--preset") && has) o->preset = argv[++i];
        else if (!strcmp(a, "--random-weights")) { /* the only weight source */ }
        else if (!strcmp(a, "--ref-seconds") && has) o->ref_s = atof(argv[++i]);
        else if (!strcmp(a, "--gen-seconds") && has) o->gen_s = atof(argv[++i]);
        else if (!strcmp(a, "--nfe") && has) o->nfe = atoi(argv[++i]);
        else if (!strcmp(a, "--threads") && has) o->threads = atoi(argv[++i]);
        else if (!strcmp(a, "--dtype") && has) o->dtype = argv[++i];
        else if (!strcmp(a, "--batch-frames") && has) o->batch_frames = atoll(argv[++i]);
        else if (!strcmp(a, "--backend") && has) o->backend = argv[++i];
        else if (!strcmp(a, "--device") && has) o->device = argv[++i]; /* cuda = --backend cuda */
        else if (!strcmp(a, "--seed") && has) o->seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--json")) o->json = true;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) return usage(), 0;
        else {
            fprintf(stderr, "f5tts bench --concurrent: unknown or incomplete option %s\n", a);
            usage();
            return 2;
        }
    }
    if (o->concurrent < 1 || o->concurrent > 1024 || o->ref_s < 0 || o->gen_s <= 0 || o->ref_s + o->gen_s > 600 ||
        o->nfe < 1 || o->threads < 0 || o->batch_frames < 0 || (strcmp(o->backend, "cpu") && strcmp(o->backend, "ref") && strcmp(o->backend, "cuda"))) {
        fprintf(stderr, "f5tts bench --concurrent: need 1 <= C <= 1024, 0 <= ref, 0 < gen, ref+gen <= 600 s, nfe >= 1, "
                        "threads >= 0, batch-frames >= 0, backend cpu|ref|cuda\n");
        return 2;
    }
    if (o->device && strcmp(o->device, "auto") && strcmp(o->device, "cpu") && strcmp(o->device, "cuda")) {
        fprintf(stderr, "f5tts bench --concurrent: --device auto, cpu or cuda, not '%s'\n", o->device);
        return 2;
    }
    if (o->device && !strcmp(o->device, "cuda")) o->backend = "cuda";
    return -1;
}

typedef struct req_inputs {
    float *cond;
    int32_t *text;
    int ref_frames, T, N;
} req_inputs;

/* C requests through one batcher of max_batch; all submitted at t = 0. */
static f5_status run_batch(const conc_opts *o, f5_dit_ctx *ctx, const req_inputs *in, int max_batch, conc_run *r,
                           f5_error *err) {
    *r = (conc_run){.max_batch = max_batch};
    f5_cfm_batch_params bp = {.max_batch = max_batch, .max_frames = o->batch_frames};
    f5_cfm_batcher *b = NULL;
    f5_status st = f5_cfm_batcher_create(ctx, &bp, &b, err);
    if (st) return st;
    double t0 = f5_now_s(), c0 = f5_cpu_s(), lat_sum = 0;
    for (int i = 0; i < o->concurrent && !st; i++) {
        f5_cfm_request rq = {.params = f5_cfm_default_params(), .cond = in->cond, .ref_len = in->ref_frames,
                             .text = in->text, .n_text = in->T, .duration = in->N, .seed = o->seed + (uint64_t)i};
        rq.params.steps = o->nfe;
        st = f5_cfm_batcher_submit(b, &rq, NULL, err);
    }
    int finished = 0;
    while (!st && finished < o->concurrent) {
        const f5_cfm_done *done;
        int nd;
        double a = f5_now_s();
        st = f5_cfm_batcher_step(b, &done, &nd, err);
        if (r->first_step_s == 0) r->first_step_s = f5_now_s() - a;
        for (int d = 0; d < nd && !st; d++) {
            if (done[d].status != F5_OK) {
                char m[F5_ERROR_MSG_MAX];
                snprintf(m, sizeof m, "%s", err->message);
                st = f5_errf(err, done[d].status, "a request failed: %s", m[0] ? m : f5_status_str(done[d].status));
            }
            double lat = f5_now_s() - t0;
            lat_sum += lat;
            if (lat > r->max_latency_s) r->max_latency_s = lat;
            free(done[d].out);
            finished++;
        }
    }
    r->wall_s = f5_now_s() - t0;
    r->cpu_s = f5_cpu_s() - c0;
    r->mean_latency_s = finished ? lat_sum / finished : 0;
    f5_cfm_batch_stats bs;
    f5_cfm_batcher_stats(b, &bs);
    r->steps = bs.steps;
    r->rows = bs.rows;
    r->max_running = bs.max_running;
    f5_cfm_batcher_free(b);
    return st;
}

int f5_bench_concurrent(int argc, char **argv) {
    conc_opts o;
    int prc = parse(argc, argv, &o);
    if (prc >= 0) return prc;
    f5_kprec prec;
    if (!f5_kprec_parse(o.dtype, &prec)) {
        fprintf(stderr, "f5tts bench --concurrent: --dtype fp32 or bf16, not '%s'\n", o.dtype);
        return 2;
    }
    if (prec == F5_KPREC_BF16 && strcmp(o.backend, "cuda") && !f5_cpu_supports(prec)) {
        fprintf(stderr, "f5tts bench --concurrent: bf16 asked for, but this CPU has neither AVX512-BF16 nor AMX\n");
        return 2;
    }
    int batches[8], n_b = 0;
    char list[64];
    if (o.batches) snprintf(list, sizeof list, "%s", o.batches);
    else snprintf(list, sizeof list, "%d,1", o.concurrent);
    for (char *save = NULL, *t = strtok_r(list, ",", &save); t && n_b < 8; t = strtok_r(NULL, ",", &save)) {
        int v = atoi(t);
        if (v < 1 || v > 4096) {
            fprintf(stderr, "f5tts bench --concurrent: --max-batch values must be in 1..4096, not '%s'\n", t);
            return 2;
        }
        if (n_b == 0 || batches[n_b - 1] != v) batches[n_b++] = v;
    }
    f5_error err = {0};
    f5_dit_config cfg;
    f5_weights *w = NULL;
    f5_dit *dit = NULL;
    f5_dit_ctx *ctx = NULL;
    req_inputs in = {0};
    float *tc = NULL, *tu = NULL;
    conc_run runs[8];
    int rc = 1;
    double refmel_ms = 0, vocoder_ms = 0, text_ms = 0;
    if (f5_dit_config_preset(o.preset, 2545, &cfg, &err) != F5_OK) goto fail;
    in.N = (int)((o.ref_s + o.gen_s) * 24000.0 / 256.0);
    in.ref_frames = (int)(o.ref_s * 24000.0 / 256.0);
    in.T = (int)((o.ref_s + o.gen_s) * 14.0); /* ~14 characters per second of speech */
    if (in.T >= in.N) in.T = in.N - 1;
    if (in.T < 1) in.T = 1;
    if (f5_procedural_dit(o.seed, &cfg, false, &w, &err) != F5_OK || f5_checkpoint_normalize(w, &err) != F5_OK ||
        f5_dit_create(w, &cfg, &dit, &err) != F5_OK)
        goto fail;
    bool cuda = !strcmp(o.backend, "cuda");
    if ((cuda ? f5_dit_prepare_device(dit, F5_BACKEND_CUDA, 0, prec, &err) : f5_dit_prepare(dit, prec, &err)) != F5_OK)
        goto fail;
    f5_dit_ctx_params cp = f5_dit_ctx_default_params();
    cp.backend = cuda ? F5_BACKEND_CUDA : strcmp(o.backend, "ref") ? F5_BACKEND_CPU : F5_BACKEND_REF;
    cp.n_threads = o.threads;
    cp.prec = prec;
    if (f5_dit_ctx_create(dit, &cp, &ctx, &err) != F5_OK) goto fail;
    in.cond = malloc((size_t)(in.ref_frames > 0 ? in.ref_frames : 1) * cfg.mel_dim * sizeof *in.cond);
    in.text = malloc((size_t)in.T * sizeof *in.text);
    size_t nt = f5_dit_item_text_floats(dit, in.N);
    tc = malloc(nt * sizeof *tc);
    tu = malloc(nt * sizeof *tu);
    if (!in.cond || !in.text || !tc || !tu) {
        f5_errf(&err, F5_ERR_NOMEM, "out of memory");
        goto fail;
    }
    uint64_t s = o.seed;
    for (size_t i = 0; i < (size_t)in.ref_frames * cfg.mel_dim; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        in.cond[i] = (float)((double)(s >> 40) * 0x1p-24 * 6.0 - 8.0);
    }
    for (int i = 0; i < in.T; i++) in.text[i] = (int32_t)((i * 37 + 11) % 2545);
    /* one item's text embedding (both variants), after a warm-up call */
    if (f5_dit_item_text(ctx, in.N, in.text, in.T, tc, tu, &err) != F5_OK) goto fail;
    double a = f5_now_s();
    if (f5_dit_item_text(ctx, in.N, in.text, in.T, tc, tu, &err) != F5_OK) goto fail;
    text_ms = (f5_now_s() - a) * 1e3;
    if (strcmp(o.backend, "ref")) { /* the ref mel and Vocos run on the host (cpu fp32) on every device */
        const f5_kctx *dk = f5_dit_ctx_kernels(ctx);
        f5_kctx vk = {.backend = F5_BACKEND_CPU, .n_threads = dk->n_threads, .pool = dk->pool};
        if (f5_bench_refmel_ms(o.ref_s, &refmel_ms, &err) || f5_bench_vocoder_ms(o.gen_s, &vk, &vocoder_ms, &err))
            goto fail;
    }
    for (int i = 0; i < n_b; i++)
        if (run_batch(&o, ctx, &in, batches[i], &runs[i], &err) != F5_OK) goto fail;
    double audio = o.concurrent * o.gen_s, serial_extra = o.concurrent * (refmel_ms + vocoder_ms) * 1e-3;
    if (o.json) {
        printf("{\"preset\":\"%s\",\"backend\":\"%s\",\"dtype\":\"%s\",\"threads\":%d,\"concurrent\":%d,"
               "\"frames\":%d,\"text_tokens\":%d,\"ref_seconds\":%g,\"gen_seconds\":%g,\"nfe\":%d,"
               "\"text_embed_ms\":%.2f,\"refmel_ms\":%.2f,\"vocoder_ms\":%.2f,\"runs\":[",
               cfg.name, o.backend, f5_kprec_name(prec), f5_dit_ctx_threads(ctx), o.concurrent, in.N, in.T, o.ref_s,
               o.gen_s, o.nfe, text_ms, refmel_ms, vocoder_ms);
        for (int i = 0; i < n_b; i++) {
            const conc_run *r = &runs[i];
            double step_ms = r->steps ? r->wall_s / (double)r->steps * 1e3 : 0;
            printf("%s{\"max_batch\":%d,\"wall_seconds\":%.3f,\"sampling_audio_seconds_per_second\":%.3f,"
                   "\"end_to_end_audio_seconds_per_second\":%.3f,\"mean_latency_seconds\":%.3f,"
                   "\"max_latency_seconds\":%.3f,\"dit_evaluations\":%lld,\"rows\":%lld,\"max_in_flight\":%d,"
                   "\"ms_per_evaluation\":%.2f,\"text_recompute_share\":%.4f,\"cpu_seconds\":%.3f,"
                   "\"audio_seconds_per_cpu_second\":%.4f}",
                   i ? "," : "", r->max_batch, r->wall_s, audio / r->wall_s, audio / (r->wall_s + serial_extra),
                   r->mean_latency_s, r->max_latency_s, r->steps, r->rows, r->max_running, step_ms,
                   step_ms > 0 ? text_ms * r->max_running / step_ms : 0, r->cpu_s, audio / r->cpu_s);
        }
        printf("]}\n");
    } else {
        printf("f5tts bench --concurrent %d: DiT %s (procedural weights), %s, backend %s, %d threads\n", o.concurrent,
               cfg.name, f5_kprec_name(prec), o.backend, f5_dit_ctx_threads(ctx));
        printf("  each request: %.1f s ref + %.1f s gen = %d frames, %d text tokens, NFE %d, CFG 2; all arrive at once\n",
               o.ref_s, o.gen_s, in.N, in.T, o.nfe);
        printf("  per request outside the sampling: reference mel %.1f ms, Vocos %.1f ms\n", refmel_ms, vocoder_ms);
        printf("  %-9s %9s %11s %13s %11s %11s %7s %9s %9s %11s\n", "max-batch", "wall s", "sampling", "end-to-end",
               "mean lat s", "max lat s", "evals", "ms/eval", "CPU s", "sampling");
        printf("  %-9s %9s %11s %13s %11s %11s %7s %9s %9s %11s\n", "", "", "audio-s/s", "audio-s/s", "", "", "", "", "",
               "audio-s/CPU-s");
        for (int i = 0; i < n_b; i++) {
            const conc_run *r = &runs[i];
            printf("  %-9d %9.2f %11.3f %13.3f %11.2f %11.2f %7lld %9.1f %9.2f %11.4f\n", r->max_batch, r->wall_s,
                   audio / r->wall_s, audio / (r->wall_s + serial_extra), r->mean_latency_s, r->max_latency_s, r->steps,
                   r->steps ? r->wall_s / (double)r->steps * 1e3 : 0, r->cpu_s, audio / r->cpu_s);
        }
        for (int i = 1; i < n_b; i++)
            printf("  max-batch %d vs %d: %.2fx the sampling throughput (wall), %.2fx per CPU second\n", runs[0].max_batch,
                   runs[i].max_batch, runs[i].wall_s / runs[0].wall_s, runs[i].cpu_s / runs[0].cpu_s);
        const conc_run *r0 = &runs[0];
        double step_ms = r0->steps ? r0->wall_s / (double)r0->steps * 1e3 : 0;
        printf("  text embedding of one item: %.1f ms, computed once at admission; recomputing it for all %d items in\n"
               "  flight at every step would add %.1f ms to each %.1f ms evaluation (%.1f%%)\n",
               text_ms, r0->max_running, text_ms * r0->max_running, step_ms,
               step_ms > 0 ? 100.0 * text_ms * r0->max_running / step_ms : 0);
        printf("  (end-to-end adds every request's ref mel + Vocos serially after the sampling: a lower bound)\n");
    }
    rc = 0;
    goto done;
fail:
    fprintf(stderr, "f5tts bench --concurrent: %s\n", err.message);
done:
    free(in.cond);
    free(in.text);
    free(tc);
    free(tu);
    f5_dit_ctx_free(ctx);
    f5_dit_free(dit);
    f5_weights_free(w);
    return rc;
}
