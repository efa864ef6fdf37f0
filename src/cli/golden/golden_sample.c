/* golden_sample.c - placeholder checker: reports the kind as not implemented (SKIP). */
#include "cli/golden/golden.h"

static bool detect(json_t *kase) {
    json_t *c = json_object_get(kase, "config"), *f = json_object_get(kase, "files");
    return json_is_string(json_object_get(c, "backbone")) && json_is_array(json_object_get(f, "cases"));
}

static void run(golden_ctx *g, json_t *kase) {
    golden_skip(g, json_string_value(json_object_get(kase, "name")), NULL, "sample checker not implemented");
}

const golden_checker golden_checker_sample = {"sample", detect, run};
