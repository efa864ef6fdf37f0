/* test_textnorm_cases.c - the normaliser against the JSONL case files in the
 * ../shared/textnorm format: the shared public sample (../shared/textnorm/
 * sample.jsonl, next to the golden dir) and our own cases
 * (tests/golden/textnorm_cases.jsonl, the larger textnorm_cases_h.jsonl,
 * textnorm_cases_r.jsonl, textnorm_cases_s.jsonl, textnorm_cases_t.jsonl,
 * textnorm_cases_u.jsonl, textnorm_cases_v.jsonl and textnorm_cases_w.jsonl).
 * Scoring is the README's canon():
 * NFC, per-line whitespace collapse, no space before . , ! ? ; :, lines
 * re-joined with "\n" for sentence_split (with " " otherwise). Prints the
 * pass rate per category and overall; every case must pass.
 */
#include "test.h"
#include "text/text.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static char *canon(const char *x, int split) {
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)x);
    if (!nfc) return NULL;
    size_t n = strlen(nfc);
    char *out = malloc(n + 2);
    size_t o = 0;
    int line_has = 0, pending_space = 0, any_line = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? nfc[i] : '\n';
        if (c == '\n') {
            if (line_has) any_line = 1;
            line_has = 0;
            pending_space = 0;
            if (split && o && out[o - 1] != '\n' && i < n) out[o++] = '\n';
            else if (!split && o && out[o - 1] != ' ') pending_space = 1;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            if (line_has) pending_space = 1;
            continue;
        }
        if (pending_space && !strchr(".,!?;:", c) && o && out[o - 1] != '\n') out[o++] = ' ';
        pending_space = 0;
        out[o++] = c;
        line_has = 1;
    }
    while (o && (out[o - 1] == '\n' || out[o - 1] == ' ')) o--;
    out[o] = 0;
    (void)any_line;
    free(nfc);
    return out;
}

typedef struct cat_score {
    char name[32];
    int ok, total;
} cat_score;

static void run_file(const char *path, int required) {
    FILE *f = fopen(path, "r");
    if (!f) {
        if (required) {
            CHECKF(0, "cannot open %s", path);
            return;
        }
        TEST_SKIP("case file not found");
    }
    cat_score cats[32];
    int ncat = 0, ok_all = 0, total = 0;
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        json_error_t je;
        json_t *c = json_loads(line, 0, &je);
        if (!c) continue;
        const char *id = json_string_value(json_object_get(c, "id"));
        const char *cat = json_string_value(json_object_get(c, "category"));
        const char *in = json_string_value(json_object_get(c, "input"));
        json_t *acc = json_object_get(c, "accept");
        if (!id || !cat || !in || !json_is_array(acc)) {
            json_decref(c);
            continue;
        }
        int split = strcmp(cat, "sentence_split") == 0;
        char *out = NULL;
        f5_error err = {0};
        f5_status st = f5_textnorm(in, &out, &err);
        CHECKF(st == F5_OK, "%s: %s", id, err.message);
        char *got = st == F5_OK ? canon(out, split) : NULL;
        int pass = 0;
        for (size_t k = 0; got && k < json_array_size(acc) && !pass; k++) {
            char *a = canon(json_string_value(json_array_get(acc, k)), split);
            pass = a && strcmp(a, got) == 0;
            free(a);
        }
        CHECKF(pass, "%s: got \"%s\", expected \"%s\"", id, got ? got : "(error)",
               json_string_value(json_array_get(acc, 0)));
        int ci = 0;
        while (ci < ncat && strcmp(cats[ci].name, cat) != 0) ci++;
        if (ci == ncat && ncat < 32) {
            snprintf(cats[ncat].name, sizeof cats[ncat].name, "%s", cat);
            cats[ncat].ok = cats[ncat].total = 0;
            ncat++;
        }
        if (ci < 32) {
            cats[ci].total++;
            cats[ci].ok += pass;
        }
        total++;
        ok_all += pass;
        free(got);
        free(out);
        json_decref(c);
    }
    fclose(f);
    printf("  %s\n", path);
    for (int i = 0; i < ncat; i++) printf("    %-16s %d/%d\n", cats[i].name, cats[i].ok, cats[i].total);
    printf("    overall          %d/%d (%.1f%%)\n", ok_all, total, total ? 100.0 * ok_all / total : 0.0);
    CHECK(total > 0);
}

static void test_shared_sample(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden dir absent");
    char p[4096];
    snprintf(p, sizeof p, "%s/../textnorm/sample.jsonl", g);
    run_file(p, 0);
}

/* one of our case files in tests/golden (F5_SOURCE_DIR: the source tree) */
static void run_own(const char *name) {
    const char *src = getenv("F5_SOURCE_DIR");
    char p[4096];
    snprintf(p, sizeof p, "%s/tests/golden/%s", src && *src ? src : ".", name);
    run_file(p, 1);
}

static void test_own_cases(void) { run_own("textnorm_cases.jsonl"); }

/* the larger set (>= 15 cases per category), tests/golden/gen_textnorm_cases_h.py */
static void test_own_cases_h(void) { run_own("textnorm_cases_h.jsonl"); }

/* hand-written cases for news, e-commerce, weather, sports, finance, medical,
 * legal and chat text, tests/golden/gen_textnorm_cases_r.py */
static void test_own_cases_r(void) { run_own("textnorm_cases_r.jsonl"); }

/* blind-written cases for addresses, legal, medical, school, sports, finance,
 * tech, transport, years, durations, headings, quotes, chat, product names,
 * all-caps headlines and stray spaces, tests/golden/gen_textnorm_cases_s.py */
static void test_own_cases_s(void) { run_own("textnorm_cases_s.jsonl"); }

/* blind-written cases for weather, real estate, recipes, e-commerce, history,
 * science and school, schedules, contacts, ordinals, versions and model
 * names, company and office abbreviations and foreign currencies,
 * tests/golden/gen_textnorm_cases_t.py */
static void test_own_cases_t(void) { run_own("textnorm_cases_t.jsonl"); }

/* blind-written cases, six or so per category in the plain news/everyday
 * style of the shared sample, tests/golden/gen_textnorm_cases_u.py */
static void test_own_cases_u(void) { run_own("textnorm_cases_u.jsonl"); }

/* blind-written cases for issue 16 (legal document numbers, product names and
 * versions, foreign-format amounts, codes read digit by digit), 75 per family,
 * tests/golden/gen_textnorm_cases_v.py */
static void test_own_cases_v(void) { run_own("textnorm_cases_v.jsonl"); }

/* the second blind pass for issue 16 (the same four families, new inputs:
 * licence plates, standards, court and party document numbers...),
 * tests/golden/gen_textnorm_cases_w.py */
static void test_own_cases_w(void) { run_own("textnorm_cases_w.jsonl"); }

static void test_canon(void) {
    char *a = canon("a , b\n\n c  d .", 0);
    CHECK_STREQ(a, "a, b c d.");
    free(a);
    a = canon("x.\n  y  !\n", 1);
    CHECK_STREQ(a, "x.\ny!");
    free(a);
}

TEST_MAIN(TEST(test_canon), TEST(test_shared_sample), TEST(test_own_cases), TEST(test_own_cases_h),
          TEST(test_own_cases_r), TEST(test_own_cases_s), TEST(test_own_cases_t),
          TEST(test_own_cases_u), TEST(test_own_cases_v), TEST(test_own_cases_w))
