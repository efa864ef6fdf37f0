/* golden_dit.c - placeholder checker: reports the kind as not implemented (SKIP). */
#include "cli/golden/golden.h"

static bool detect(json_t *kase) {
    json_t *c = json_object_get(kase, "config"), *f = json_object_get(kase, "files");
    return json_is_string(json_object_get(c, "backbone")) && !json_object_get(f, "cases") && json_object_get(f, "vectors");
}

static void run(golden_ctx *g, json_t *kase) {
    golden_skip(g, json_string_value(json_object_get(kase, "name")), NULL, "dit checker not implemented");
}

const golden_checker golden_checker_dit = {"dit", detect, run};
