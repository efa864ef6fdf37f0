/* golden_dit.h - helpers shared by the dit and sample golden checkers:
 * the DiT architecture of a case (config.arch), its weights (checkpoint
 * file or procedural spec) bound into an f5_dit, and int tensors. */
#ifndef F5_CLI_GOLDEN_DIT_H
#define F5_CLI_GOLDEN_DIT_H

#include "cli/golden/golden.h"
#include "model/dit.h"

/* Weights source of a case: "safetensors", "pt" (files.weights_*), "procedural". */
typedef struct golden_dit_model {
    f5_weights *w;
    f5_dit *dit;
    f5_dit_ctx *ctx;
    f5_dit_config cfg;
} golden_dit_model;

/* Build the model of a case from `source`; false + FAIL line (sub = source) on error. */
bool golden_dit_load(golden_ctx *g, json_t *kase, const char *source, golden_dit_model *m);
void golden_dit_unload(golden_dit_model *m);

/* Int32 copy of an integer (or float) vectors tensor; NULL + FAIL line. Caller frees. */
int32_t *golden_i32(golden_ctx *g, f5_weights *v, const char *case_name, const char *tensor, const f5_tensor **info);

#endif
