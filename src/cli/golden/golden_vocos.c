/* golden_vocos.c - placeholder checker: reports the kind as not implemented (SKIP). */
#include "cli/golden/golden.h"

static bool detect(json_t *kase) {
    return json_object_get(json_object_get(kase, "config"), "head_padding") != NULL;
}

static void run(golden_ctx *g, json_t *kase) {
    golden_skip(g, json_string_value(json_object_get(kase, "name")), NULL, "vocos checker not implemented");
}

const golden_checker golden_checker_vocos = {"vocos", detect, run};
