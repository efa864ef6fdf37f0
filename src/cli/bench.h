/* bench.h - pieces of `f5tts bench` shared by cmd_bench.c (the DiT step
 * benchmark and its report), bench_gemm.c (the machine's product rate at
 * the DiT's shapes) and bench_vocoder.c (Vocos and the reference mel). */
#ifndef F5_CLI_BENCH_H
#define F5_CLI_BENCH_H

#include "f5tts.h"
#include "kernels/kernels.h"
#include "model/model_config.h"

typedef struct bench_gemm_limits {
    int threads;
    double gflops[2];          /* [fp32, bf16]: the DiT block's product mix; 0 = not measured */
    double shape_gflops[2][4]; /* per shape, f5_bench_gemm_shape_names order */
} bench_gemm_limits;
extern const char *const f5_bench_gemm_shape_names[4];

/* Product rate through f5_linear at `rows` activation rows and the
 * config's shapes, on `threads` threads (0: all), fp32 and (where the CPU
 * has it) bf16 with packed weights. */
f5_status f5_bench_gemm_limits(const f5_dit_config *c, int64_t rows, int threads, bench_gemm_limits *out,
                               f5_error *err);

/* Wall ms of one Vocos decode (released sizes, procedural weights) of
 * gen_seconds of mel on k, after a warm-up decode; and of the reference
 * preprocessing's mel of ref_seconds of audio. */
f5_status f5_bench_vocoder_ms(double gen_seconds, const f5_kctx *k, double *ms, f5_error *err);
f5_status f5_bench_refmel_ms(double ref_seconds, double *ms, f5_error *err);

int f5_bench_vocoder(int argc, char **argv); /* --vocoder-only */
int f5_bench_concurrent(int argc, char **argv); /* --concurrent C: continuous batching on/off (bench_concurrent.c) */

#endif
