/* test.h - a minimal test harness: CHECK records failures and goes on,
 * TEST_MAIN runs the listed tests and prints "N passed, M failed".
 * A test may call TEST_SKIP(why) to report itself skipped (never passed).
 */
#ifndef F5_TEST_H
#define F5_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_fail_count, t_checks, t_skipped_flag;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        t_checks++;                                                                       \
        if (!(cond)) {                                                                    \
            t_fail_count++;                                                               \
            fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
        }                                                                                 \
    } while (0)

#define CHECKF(cond, ...)                                                                 \
    do {                                                                                  \
        t_checks++;                                                                       \
        if (!(cond)) {                                                                    \
            t_fail_count++;                                                               \
            fprintf(stderr, "  %s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond);     \
            fprintf(stderr, __VA_ARGS__);                                                 \
            fputc('\n', stderr);                                                          \
        }                                                                                 \
    } while (0)

#define CHECK_STREQ(a, b)                                                                 \
    do {                                                                                  \
        const char *t_a = (a), *t_b = (b);                                                \
        CHECKF(t_a && t_b && strcmp(t_a, t_b) == 0, "\"%s\" != \"%s\"", t_a ? t_a : "(null)", \
               t_b ? t_b : "(null)");                                                     \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                             \
    do {                                                                                  \
        double t_x = (a), t_y = (b);                                                      \
        CHECKF(fabs(t_x - t_y) <= (tol), "%.9g vs %.9g (tol %g)", t_x, t_y, (double)(tol)); \
    } while (0)

#define TEST_SKIP(why)                                                                    \
    do {                                                                                  \
        printf("  SKIP: %s\n", why);                                                      \
        t_skipped_flag = 1;                                                               \
        return;                                                                           \
    } while (0)

typedef void (*t_fn)(void);
typedef struct { const char *name; t_fn fn; } t_case;

#define TEST(fn) {#fn, fn}

static inline int t_run(const t_case *cases, int n) {
    int passed = 0, failed = 0, skipped = 0;
    for (int i = 0; i < n; i++) {
        int before = t_fail_count;
        t_skipped_flag = 0;
        cases[i].fn();
        if (t_fail_count > before) {
            printf("FAIL %s\n", cases[i].name);
            failed++;
        } else if (t_skipped_flag) {
            printf("SKIP %s\n", cases[i].name);
            skipped++;
        } else {
            printf("PASS %s\n", cases[i].name);
            passed++;
        }
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    if (failed) return 1;
    if (passed == 0 && skipped > 0) return 77; /* ctest SKIP_RETURN_CODE */
    return 0;
}

#define TEST_MAIN(...)                                                                    \
    int main(void) {                                                                      \
        static const t_case t_cases[] = {__VA_ARGS__};                                    \
        return t_run(t_cases, (int)(sizeof t_cases / sizeof t_cases[0]));                 \
    }

/* Golden dir or NULL (with skip semantics handled by the caller). Under
 * CI=true a missing golden dir is a failure, not a skip. */
static inline const char *t_golden_dir(void) {
    const char *d = getenv("F5_GOLDEN_DIR");
    static char buf[4096];
    if (!d || !*d) d = "../shared/golden";
    snprintf(buf, sizeof buf, "%s/manifest.json", d);
    FILE *f = fopen(buf, "r");
    if (!f) {
        const char *ci = getenv("CI");
        if (ci && strcmp(ci, "true") == 0) {
            fprintf(stderr, "golden data missing at %s under CI=true\n", d);
            t_fail_count++;
        }
        return NULL;
    }
    fclose(f);
    return d;
}

#endif
