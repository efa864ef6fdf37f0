/* bench_vocoder.c - `f5tts bench --vocoder-only`: Vocos decode speed on a
 * mel of --gen-seconds (default 10 s) with the released architecture and
 * procedural weights (or --vocoder PATH), --threads GEMM threads (default
 * 1), reporting the best and median of --iters runs and the real-time
 * factor (decode time / audio duration). */
#include "cli/bench.h"
#include "core/error.h"
#include "cli/commands.h"
#include "audio/mel.h"
#include "core/clock.h"

#include "model/procedural.h"
#include "model/vocos.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) { return f5_now_s() * 1e3; }

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int f5_bench_vocoder(int argc, char **argv) {
    double seconds = 10;
    int threads = 1, iters = 5;
    unsigned long long seed = 1003;
    const char *path = NULL, *backend = "cpu";
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--gen-seconds") && has) seconds = atof(argv[++i]);
        else if (!strcmp(a, "--threads") && has) threads = atoi(argv[++i]);
        else if (!strcmp(a, "--iters") && has) iters = atoi(argv[++i]);
        else if (!strcmp(a, "--seed") && has) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--vocoder") && has) path = argv[++i];
        else if (!strcmp(a, "--backend") && has) backend = argv[++i];
        else if (!strcmp(a, "--json")) json = true;
        else if (!strcmp(a, "--preset") || !strcmp(a, "--ref-seconds") || !strcmp(a, "--nfe") ||
                 !strcmp(a, "--steps-to-time")) i += has; /* DiT options: not used here */
        else if (strcmp(a, "--vocoder-only") && strcmp(a, "--random-weights")) {
            fprintf(stderr, "f5tts bench --vocoder-only: unknown option %s\n"
                            "usage: f5tts bench --vocoder-only [--gen-seconds 10] [--threads 1] [--iters 5]\n"
                            "                   [--vocoder DIR] [--seed 1003] [--backend cpu|ref] [--json]\n", a);
            return 2;
        }
    }
    if (!(seconds > 0.05) || seconds > 3600 || threads < 1 || iters < 1) {
        fprintf(stderr, "f5tts bench --vocoder-only: need --gen-seconds in (0.05, 3600], --threads >= 1, --iters >= 1\n");
        return 2;
    }
    f5_error err = {0};
    f5_vocos *v = NULL;
    f5_vocos_scratch *s = NULL;
    float *mel = NULL, *audio = NULL;
    int rc = 1;
    double t0 = now_ms();
    if (path) {
        if (f5_vocos_load(path, &v, &err) != F5_OK) goto fail;
    } else {
        f5_vocos_config cfg = f5_vocos_config_default();
        f5_weights *w = NULL;
        if (f5_procedural_vocos(seed, &cfg, &w, &err) != F5_OK) goto fail;
        if (f5_vocos_create_from_weights(w, &cfg, &v, &err) != F5_OK) goto fail;
    }
    double t_load = now_ms() - t0;
    const int T = (int)(seconds * F5_SAMPLE_RATE / F5_HOP_LENGTH) + 1;
    size_t n_out = f5_vocos_out_len(v, T);
    mel = malloc(sizeof(float) * 100 * (size_t)T);
    audio = malloc(sizeof(float) * (n_out ? n_out : 1));
    if (!mel || !audio) {
        fprintf(stderr, "f5tts bench --vocoder-only: out of memory\n");
        goto done;
    }
    /* a smooth log-mel-like input: deterministic, values in about [-8, 2] */
    uint64_t st = seed * 0x9E3779B97F4A7C15ull + 1;
    for (int c = 0; c < 100; c++)
        for (int t = 0; t < T; t++) {
            st = st * 6364136223846793005ull + 1442695040888963407ull;
            double r = (double)(st >> 11) / 9007199254740992.0;
            mel[(size_t)c * T + t] = (float)(-3.0 - 0.04 * c + 2.0 * sin(0.05 * t + 0.3 * c) + (r - 0.5));
        }
    if (f5_vocos_scratch_create(&s, &err) != F5_OK) goto fail;
    f5_kctx k = {.backend = !strcmp(backend, "ref") ? F5_BACKEND_REF : F5_BACKEND_CPU, .n_threads = threads};
    if (f5_vocos_decode(v, s, &k, mel, T, audio, NULL, &err) != F5_OK) goto fail; /* warm-up: plans, buffers */
    double *ms = malloc(sizeof(double) * (size_t)iters);
    if (!ms) goto done;
    for (int i = 0; i < iters; i++) {
        double a = now_ms();
        if (f5_vocos_decode(v, s, &k, mel, T, audio, NULL, &err) != F5_OK) {
            free(ms);
            goto fail;
        }
        ms[i] = now_ms() - a;
    }
    qsort(ms, (size_t)iters, sizeof *ms, cmp_d);
    double best = ms[0], med = ms[iters / 2], audio_s = (double)n_out / F5_SAMPLE_RATE;
    double peak = 0;
    for (size_t i = 0; i < n_out; i++) peak = fmax(peak, fabs(audio[i]));
    free(ms);
    const f5_vocos_config *c = f5_vocos_get_config(v);
    if (json)
        printf("{\"bench\":\"vocoder\",\"dim\":%d,\"intermediate_dim\":%d,\"num_layers\":%d,\"frames\":%d,"
               "\"audio_seconds\":%.3f,\"threads\":%d,\"backend\":\"%s\",\"iters\":%d,\"load_ms\":%.1f,"
               "\"best_ms\":%.2f,\"median_ms\":%.2f,\"rtf_best\":%.5f,\"rtf_median\":%.5f}\n",
               c->dim, c->intermediate_dim, c->num_layers, T, audio_s, threads, backend, iters, t_load, best, med,
               best / 1e3 / audio_s, med / 1e3 / audio_s);
    else
        printf("vocoder: Vocos dim %d/%d x%d, %d frames -> %.2f s audio (peak %.3f), %d thread(s), backend %s\n"
               "  load %.1f ms; decode best %.1f ms, median %.1f ms over %d runs\n"
               "  RTF %.4f (best) %.4f (median) = %.2f%% of the audio duration\n",
               c->dim, c->intermediate_dim, c->num_layers, T, audio_s, peak, threads, backend, t_load, best, med,
               iters, best / 1e3 / audio_s, med / 1e3 / audio_s, 100.0 * med / 1e3 / audio_s);
    rc = 0;
    goto done;
fail:
    fprintf(stderr, "f5tts bench --vocoder-only: %s: %s\n", f5_status_str(err.status), err.message);
done:
    free(mel);
    free(audio);
    f5_vocos_scratch_free(s);
    f5_vocos_free(v);
    return rc;
}

f5_status f5_bench_vocoder_ms(double gen_seconds, const f5_kctx *k, double *ms, f5_error *err) {
    *ms = 0;
    f5_vocos_config cfg = f5_vocos_config_default();
    f5_weights *w = NULL;
    f5_vocos *v = NULL;
    f5_vocos_scratch *s = NULL;
    float *mel = NULL, *audio = NULL;
    f5_status st = f5_procedural_vocos(1003, &cfg, &w, err);
    if (!st) st = f5_vocos_create_from_weights(w, &cfg, &v, err); /* owns w from here on */
    if (!st) st = f5_vocos_scratch_create(&s, err);
    const int T = (int)(gen_seconds * F5_SAMPLE_RATE / F5_HOP_LENGTH) + 1;
    if (!st) {
        mel = malloc(sizeof(float) * 100 * (size_t)T);
        audio = malloc(sizeof(float) * (f5_vocos_out_len(v, T) + 1));
        if (!mel || !audio) st = f5_errf(err, F5_ERR_NOMEM, "bench: out of memory for the vocoder");
    }
    if (!st) {
        for (size_t i = 0; i < 100 * (size_t)T; i++) mel[i] = (float)(-4.0 + 2.0 * sin(0.01 * (double)i));
        st = f5_vocos_decode(v, s, k, mel, T, audio, NULL, err); /* warm-up: FFT plans, buffers */
    }
    if (!st) {
        double t0 = now_ms();
        st = f5_vocos_decode(v, s, k, mel, T, audio, NULL, err);
        *ms = now_ms() - t0;
    }
    free(mel);
    free(audio);
    f5_vocos_scratch_free(s);
    f5_vocos_free(v);
    return st;
}

f5_status f5_bench_refmel_ms(double ref_seconds, double *ms, f5_error *err) {
    *ms = 0;
    size_t n = (size_t)(ref_seconds * F5_SAMPLE_RATE);
    float *wave = malloc(sizeof(float) * (n + 1)), *mel = malloc(sizeof(float) * 100 * (size_t)(f5_mel_frames(n) + 1));
    f5_mel *m = NULL;
    f5_status st = F5_OK;
    if (!wave || !mel) st = f5_errf(err, F5_ERR_NOMEM, "bench: out of memory");
    else st = f5_mel_create(&m, err);
    if (!st) {
        for (size_t i = 0; i < n; i++) wave[i] = (float)(0.1 * sin(0.05 * (double)i) * sin(0.0007 * (double)i));
        double t0 = now_ms();
        st = f5_mel_compute(m, wave, n, mel, NULL, err);
        *ms = now_ms() - t0;
    }
    f5_mel_free(m);
    free(wave);
    free(mel);
    return st;
}
