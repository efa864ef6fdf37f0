/* golden_mel.c - placeholder checker: reports the kind as not implemented (SKIP). */
#include "cli/golden/golden.h"

static bool detect(json_t *kase) {
    json_t *f = json_object_get(kase, "files");
    return json_object_get(f, "wav_24k") != NULL || (json_object_get(json_object_get(kase, "config"), "n_mel_channels") && !json_object_get(f, "ref_wav"));
}

static void run(golden_ctx *g, json_t *kase) {
    golden_skip(g, json_string_value(json_object_get(kase, "name")), NULL, "mel checker not implemented");
}

const golden_checker golden_checker_mel = {"mel", detect, run};
