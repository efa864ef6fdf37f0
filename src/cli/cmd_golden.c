/* cmd_golden.c - `f5tts golden DIR`: run every case of DIR/manifest.json
 * that the engine supports; one line per case and sub-case, then
 * "N passed, M failed" (skips listed, never counted as passed); exit 1 on
 * any failure. Cases are dispatched by structure, never by exact name.
 * --only / --skip take comma-separated substrings of case names (a case runs
 * if it matches any --only entry and no --skip entry). */
#include "cli/commands.h"
#include "cli/golden/golden.h"
#include "pipeline/device.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const golden_checker *const checkers[] = {
    &golden_checker_text, &golden_checker_e2e, &golden_checker_sample,
    &golden_checker_dit,  &golden_checker_vocos, &golden_checker_mel,
};

/* true when NAME contains any of the comma-separated substrings of LIST */
static bool name_matches(const char *name, const char *list) {
    while (*list) {
        size_t n = strcspn(list, ",");
        if (n) {
            for (const char *p = name; *p; p++)
                if (!strncmp(p, list, n)) return true;
        }
        list += n;
        if (*list == ',') list++;
    }
    return false;
}

int cmd_golden(int argc, char **argv) {
    const char *dir = NULL, *only = NULL, *skip = NULL;
    golden_ctx g = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--skip") && i + 1 < argc)
            skip = argv[++i];
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            g.n_threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dtype") && i + 1 < argc) {
            if (!f5_kprec_parse(argv[++i], &g.prec)) {
                fprintf(stderr, "f5tts golden: --dtype must be fp32 or bf16\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--device") && i + 1 < argc) {
            f5_device want, got;
            char msg[400];
            f5_error e = {0};
            if (!f5_device_parse(argv[++i], &want)) {
                fprintf(stderr, "f5tts golden: --device must be auto, cpu or cuda\n");
                return 2;
            }
            if (f5_device_resolve(want, &got, msg, sizeof msg, &e) != F5_OK) {
                fprintf(stderr, "f5tts golden: %s\n", e.message);
                return 2;
            }
            printf("%s\n", msg);
            g.cuda = got == F5_DEVICE_CUDA;
        } else if (!strcmp(argv[i], "-v"))
            g.verbose = true;
        else if (!strcmp(argv[i], "--help")) {
            printf("usage: f5tts golden DIR [--only SUBSTRING[,...]] [--skip SUBSTRING[,...]] [--threads N]\n"
                   "                         [--dtype fp32|bf16] [--device auto|cpu|cuda] [-v]\n"
                   "  --device cuda runs the DiT and sampler cases on the GPU (the other kinds run on\n"
                   "  the cpu only and are skipped there); default cpu\n"
                   "  --dtype bf16 runs the DiT and sampler cases in bf16 against the fp32 goldens\n"
                   "  (relative L2 <= %g; the other kinds are skipped)\n", GOLDEN_BF16_REL_L2);
            return 0;
        } else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else {
            fprintf(stderr, "f5tts golden: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (!dir) {
        fprintf(stderr, "usage: f5tts golden DIR [--only SUBSTRING]\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    json_error_t je;
    json_t *m = json_load_file(path, 0, &je);
    if (!m) {
        fprintf(stderr, "f5tts golden: cannot read %s: %s (line %d)\n", path, je.text, je.line);
        return 2;
    }
    json_t *cases = json_object_get(m, "cases");
    if (!json_is_array(cases)) {
        fprintf(stderr, "f5tts golden: %s has no \"cases\" array\n", path);
        json_decref(m);
        return 2;
    }
    g.dir = dir;
    g.manifest = m;
    size_t i;
    json_t *kase;
    json_array_foreach(cases, i, kase) {
        const char *name = json_string_value(json_object_get(kase, "name"));
        if (!name) name = "(unnamed)";
        if ((only && !name_matches(name, only)) || (skip && name_matches(name, skip))) continue;
        const golden_checker *c = NULL;
        for (size_t k = 0; k < sizeof checkers / sizeof checkers[0] && !c; k++)
            if (checkers[k]->detect(kase)) c = checkers[k];
        if (!c) {
            golden_skip(&g, name, NULL, "unsupported case kind");
            continue;
        }
        if (g.cuda && c != &golden_checker_dit && c != &golden_checker_sample) {
            golden_skip(&g, name, NULL, "not a DiT or sampler case (--device cuda applies to those; the rest run on "
                                        "the cpu)");
            continue;
        }
        if (g.prec != F5_KPREC_F32 && c != &golden_checker_dit && c != &golden_checker_sample) {
            golden_skip(&g, name, NULL, "not a DiT or sampler case (--dtype applies to those)");
            continue;
        }
        c->run(&g, kase);
    }
    json_decref(m);
    if (g.skipped) printf("%d skipped (not counted as passed)\n", g.skipped);
    if (g.prec != F5_KPREC_F32)
        printf("%s: worst rel_l2 %.3g against the fp32 goldens (bound %g)\n", f5_kprec_name(g.prec), g.worst_rel_l2,
               GOLDEN_BF16_REL_L2);
    printf("%d passed, %d failed\n", g.passed, g.failed);
    return g.failed ? 1 : 0;
}
