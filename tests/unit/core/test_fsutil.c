/* test_fsutil.c - mkdir -p: missing parents are created with the given
 * mode, existing directories are accepted, and each failure (a file in the
 * way, a path under a file, a directory without write permission) comes back
 * as F5_ERR_IO with a message naming the path and the reason. */
#include "core/error.h"
#include "core/fsutil.h"
#include "test.h"

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];

static void make_root(void) {
    snprintf(root, sizeof root, "/tmp/f5-fsutil-XXXXXX");
    CHECK(mkdtemp(root) != NULL);
}

static void rm_tree(void) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+w %s && rm -rf %s", root, root);
    CHECK(system(cmd) == 0);
}

static bool is_dir(const char *p, mode_t *mode) {
    struct stat st;
    if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    if (mode) *mode = st.st_mode & 0777;
    return true;
}

static void test_creates_parents(void) {
    make_root();
    char p[400];
    f5_error err = {0};
    snprintf(p, sizeof p, "%s/a/b//c/", root);
    CHECK(f5_mkdirs(p, 0700, &err) == F5_OK);
    snprintf(p, sizeof p, "%s/a/b/c", root);
    mode_t m = 0;
    CHECK(is_dir(p, &m));
    CHECKF((m & 0077) == 0, "mode %o", (unsigned)m);
    CHECK(f5_mkdirs(p, 0700, &err) == F5_OK); /* already there */
    snprintf(p, sizeof p, "%s/x/y/out.wav", root);
    CHECK(f5_mkdirs_parent(p, 0755, &err) == F5_OK);
    snprintf(p, sizeof p, "%s/x/y", root);
    CHECK(is_dir(p, NULL));
    CHECK(f5_mkdirs_parent("plain.wav", 0755, &err) == F5_OK);
    CHECK(f5_mkdirs("/", 0755, &err) == F5_OK);
    rm_tree();
}

static void test_file_in_the_way(void) {
    make_root();
    char f[400], p[400];
    snprintf(f, sizeof f, "%s/data", root);
    FILE *fp = fopen(f, "w");
    CHECK(fp != NULL);
    if (fp) fclose(fp);
    f5_error err = {0};
    CHECK(f5_mkdirs(f, 0755, &err) == F5_ERR_IO);
    CHECKF(strstr(err.message, "not a directory") != NULL, "%s", err.message);
    snprintf(p, sizeof p, "%s/data/test-model/vocos", root);
    f5_err_clear(&err);
    CHECK(f5_mkdirs(p, 0755, &err) == F5_ERR_IO);
    CHECKF(strstr(err.message, p) && strstr(err.message, "not a directory"), "%s", err.message);
    rm_tree();
}

static void test_permission_denied(void) {
    if (geteuid() == 0) TEST_SKIP("running as root: permission bits do not stop root");
    make_root();
    char ro[400], p[400];
    snprintf(ro, sizeof ro, "%s/ro", root);
    CHECK(mkdir(ro, 0500) == 0);
    snprintf(p, sizeof p, "%s/ro/sub/dir", root);
    f5_error err = {0};
    CHECK(f5_mkdirs(p, 0755, &err) == F5_ERR_IO);
    CHECKF(strstr(err.message, "permission denied") != NULL, "%s", err.message);
    rm_tree();
}

static void test_bad_args(void) {
    f5_error err = {0};
    CHECK(f5_mkdirs("", 0755, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_mkdirs(NULL, 0755, &err) == F5_ERR_INVALID_ARG);
}

TEST_MAIN(TEST(test_creates_parents), TEST(test_file_in_the_way), TEST(test_permission_denied), TEST(test_bad_args))
