/* golden.h - the `f5tts golden DIR` harness shared by the per-kind checkers.
 *
 * cmd_golden.c reads DIR/manifest.json and hands each case to the checker
 * whose detect() accepts it (by the case's structure, never by its exact
 * name). A checker compares its results with golden_compare()/golden_exact()
 * which print one line per case and sub-case:
 *     NAME[/SUB] PASS|FAIL|SKIP max_abs=… rel_l2=… (tol …)
 */
#ifndef F5_CLI_GOLDEN_H
#define F5_CLI_GOLDEN_H

#include "f5tts.h"
#include "kernels/kernels.h"
#include "model/weights.h"

#include <jansson.h>
#include <stdbool.h>

typedef struct golden_ctx {
    const char *dir;     /* the golden directory */
    json_t *manifest;
    int n_threads;
    int passed, failed, skipped;
    bool verbose;
    f5_kprec prec;       /* --dtype: DiT/sampler cases in this precision */
    bool cuda;           /* --device cuda: DiT/sampler cases on the cuda backend */
    double worst_rel_l2; /* largest rel_l2 compared (for the bf16 summary) */
} golden_ctx;

/* bf16 (weights and activations rounded to 8 mantissa bits, fp32
 * accumulation) against the fp32 goldens: relative L2 of each output. The
 * measured worst case is printed; this bound is what the tests enforce. */
#define GOLDEN_BF16_REL_L2 3e-2

typedef struct golden_tol {
    double max_abs; /* < 0: not checked */
    double rel_l2;  /* < 0: not checked */
} golden_tol;

/* Tolerance for a tensor: tol_obj["per_tensor"][name] if present, else
 * tol_obj[name] (sampler style), else tol_obj["default"]; fallback if none. */
golden_tol golden_tolerance(json_t *tol_obj, const char *tensor, golden_tol fallback);

/* Compare got vs ref (n floats), print the line, count it. Returns pass. */
bool golden_compare(golden_ctx *g, const char *case_name, const char *sub, const float *got, const float *ref, size_t n,
                    golden_tol tol);
/* Exact comparison result (text cases): print PASS/FAIL with a detail. */
bool golden_exact(golden_ctx *g, const char *case_name, const char *sub, bool ok, const char *detail);
/* A sub-case that could not run: FAIL with the error message. */
void golden_error(golden_ctx *g, const char *case_name, const char *sub, const char *msg);
void golden_skip(golden_ctx *g, const char *case_name, const char *sub, const char *why);

/* DIR/rel into buf. */
const char *golden_path(const golden_ctx *g, const char *rel, char *buf, size_t cap);

/* Load a vectors file; NULL + FAIL line on error. */
f5_weights *golden_load_vectors(golden_ctx *g, const char *case_name, const char *rel);
/* A float32 copy-free view of a vectors tensor (any float dtype converted), or NULL with a FAIL line. */
const float *golden_f32(golden_ctx *g, f5_weights *v, const char *case_name, const char *tensor, const f5_tensor **info);

/* One checker per case kind. detect() looks at the case's structure. */
typedef struct golden_checker {
    const char *kind;
    bool (*detect)(json_t *kase);
    void (*run)(golden_ctx *g, json_t *kase);
} golden_checker;

extern const golden_checker golden_checker_mel, golden_checker_dit, golden_checker_sample, golden_checker_vocos,
    golden_checker_text, golden_checker_e2e;

#endif
