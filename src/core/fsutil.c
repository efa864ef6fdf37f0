/* fsutil.c - mkdir -p with errors that say which component failed and why.
 * Walks the path left to right so an existing prefix (even one we could not
 * create, such as /) is accepted, and checks after EEXIST that the thing in
 * the way really is a directory: mkdir's EEXIST says nothing about that. */
#include "core/fsutil.h"

#include "core/error.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *reason(int e) {
    switch (e) {
    case EACCES:
    case EPERM: return "permission denied";
    case EROFS: return "read-only filesystem";
    case ENOSPC: return "no space left on device";
    case ENOTDIR: return "a path component is a file, not a directory";
    default: return strerror(e);
    }
}

static f5_status make_one(const char *path, const char *whole, mode_t mode, f5_error *err) {
    if (mkdir(path, mode) == 0) return F5_OK;
    int e = errno;
    struct stat st;
    /* an existing directory is fine even when mkdir said EACCES or EROFS (e.g. "/") */
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return F5_OK;
        return f5_errf(err, F5_ERR_IO, "cannot create directory %s: %s exists and is not a directory", whole, path);
    }
    if (!strcmp(path, whole)) return f5_errf(err, F5_ERR_IO, "cannot create directory %s: %s", whole, reason(e));
    return f5_errf(err, F5_ERR_IO, "cannot create directory %s: creating %s: %s", whole, path, reason(e));
}

f5_status f5_mkdirs(const char *dir, mode_t mode, f5_error *err) {
    if (!dir || !*dir) return f5_errf(err, F5_ERR_INVALID_ARG, "cannot create directory: empty path");
    size_t n = strlen(dir);
    char *p = malloc(n + 1);
    if (!p) return f5_errf(err, F5_ERR_NOMEM, "cannot create directory %s: out of memory", dir);
    memcpy(p, dir, n + 1);
    while (n > 1 && p[n - 1] == '/') p[--n] = 0;
    f5_status st = F5_OK;
    for (size_t i = 1; i <= n && st == F5_OK; i++) {
        if (p[i] != '/' && p[i] != 0) continue;
        if (p[i - 1] == '/') continue; /* "a//b" */
        char c = p[i];
        p[i] = 0;
        st = make_one(p, dir, mode, err);
        p[i] = c;
    }
    free(p);
    return st;
}

f5_status f5_mkdirs_parent(const char *file, mode_t mode, f5_error *err) {
    if (!file) return f5_errf(err, F5_ERR_INVALID_ARG, "cannot create parent directory: NULL path");
    const char *slash = strrchr(file, '/');
    if (!slash || slash == file) return F5_OK;
    size_t n = (size_t)(slash - file);
    char *d = malloc(n + 1);
    if (!d) return f5_errf(err, F5_ERR_NOMEM, "cannot create parent directory of %s: out of memory", file);
    memcpy(d, file, n);
    d[n] = 0;
    f5_status st = f5_mkdirs(d, mode, err);
    free(d);
    return st;
}
