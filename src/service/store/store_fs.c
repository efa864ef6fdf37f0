/* store_fs.c - the local-filesystem blob store (fs:DIR). A key maps to
 * DIR/key; writes go to a temporary file in the same directory and are
 * renamed into place, so readers never see partial blobs.
 */
#include "service/store/store_impl.h"

#include "core/error.h"
#include "core/fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fs_store {
    f5_store base;
    char root[PATH_MAX];
} fs_store;

typedef struct fs_writer {
    f5_store_writer base;
    FILE *f;
    char tmp[PATH_MAX];
    char dst[PATH_MAX];
} fs_writer;

static const f5_store_ops fs_ops;

static f5_status key_path(f5_store *sb, const char *key, char *buf, size_t n, f5_error *err) {
    fs_store *s = (fs_store *)sb;
    if (!f5_store_key_valid(key)) return f5_errf(err, F5_ERR_INVALID_ARG, "storage: invalid key '%s'", key ? key : "");
    if ((size_t)snprintf(buf, n, "%s/%s", s->root, key) >= n)
        return f5_errf(err, F5_ERR_INVALID_ARG, "storage: path too long for key '%s'", key);
    return F5_OK;
}

f5_status f5_store_fs_open(const char *url, f5_store **out, f5_error *err) {
    *out = NULL;
    if (strncmp(url, "fs:", 3) != 0 || !url[3])
        return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: '%s': expected fs:DIR", url);
    fs_store *s = calloc(1, sizeof *s);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
    s->base.ops = &fs_ops;
    if (strlen(url + 3) >= sizeof s->root - 256) {
        free(s);
        return f5_errf(err, F5_ERR_INVALID_ARG, "storage: directory path too long");
    }
    snprintf(s->root, sizeof s->root, "%s", url + 3);
    f5_status st = f5_mkdirs(s->root, 0755, err);
    if (st) {
        free(s);
        return st;
    }
    *out = &s->base;
    return F5_OK;
}

static void fs_close(f5_store *s) {
    free(s);
}

static f5_status fs_begin(f5_store *s, const char *key, f5_store_writer **out, f5_error *err) {
    *out = NULL;
    fs_writer *w = calloc(1, sizeof *w);
    if (!w) return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
    w->base.s = s;
    f5_status st = key_path(s, key, w->dst, sizeof w->dst, err);
    if (st) goto fail;
    st = f5_mkdirs_parent(w->dst, 0755, err);
    if (st) goto fail;
    if ((size_t)snprintf(w->tmp, sizeof w->tmp, "%.4000s.tmp-XXXXXX", w->dst) >= sizeof w->tmp) {
        st = f5_errf(err, F5_ERR_INVALID_ARG, "storage: path too long for key '%s'", key);
        goto fail;
    }
    int fd = mkstemp(w->tmp);
    if (fd < 0) {
        st = f5_errf(err, F5_ERR_IO, "storage: create %s: %s", w->tmp, strerror(errno));
        goto fail;
    }
    w->f = fdopen(fd, "wb");
    if (!w->f) {
        close(fd);
        unlink(w->tmp);
        st = f5_errf(err, F5_ERR_IO, "storage: fdopen: %s", strerror(errno));
        goto fail;
    }
    *out = &w->base;
    return F5_OK;
fail:
    free(w);
    return st;
}

static f5_status fs_write(f5_store_writer *wb, const void *data, size_t len, f5_error *err) {
    fs_writer *w = (fs_writer *)wb;
    if (len && fwrite(data, 1, len, w->f) != len)
        return f5_errf(err, F5_ERR_IO, "storage: write %s: %s", w->tmp, strerror(errno));
    return F5_OK;
}

static f5_status fs_commit(f5_store_writer *wb, f5_error *err) {
    fs_writer *w = (fs_writer *)wb;
    f5_status st = F5_OK;
    if (fflush(w->f) != 0 || fsync(fileno(w->f)) != 0)
        st = f5_errf(err, F5_ERR_IO, "storage: flush %s: %s", w->tmp, strerror(errno));
    if (fclose(w->f) != 0 && !st) st = f5_errf(err, F5_ERR_IO, "storage: close %s: %s", w->tmp, strerror(errno));
    if (!st && rename(w->tmp, w->dst) != 0)
        st = f5_errf(err, F5_ERR_IO, "storage: rename to %s: %s", w->dst, strerror(errno));
    if (st) unlink(w->tmp);
    free(w);
    return st;
}

static void fs_abort(f5_store_writer *wb) {
    fs_writer *w = (fs_writer *)wb;
    fclose(w->f);
    unlink(w->tmp);
    free(w);
}

static f5_status fs_get(f5_store *s, const char *key, uint8_t **data, size_t *len, f5_error *err) {
    char path[PATH_MAX];
    f5_status st = key_path(s, key, path, sizeof path, err);
    if (st) return st;
    FILE *f = fopen(path, "rb");
    if (!f) return f5_errf(err, errno == ENOENT ? F5_ERR_NOT_FOUND : F5_ERR_IO, "storage: open %s: %s", key, strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0) {
        fclose(f);
        return f5_errf(err, F5_ERR_IO, "storage: stat %s: %s", key, strerror(errno));
    }
    uint8_t *buf = malloc((size_t)sb.st_size + 1);
    if (!buf) {
        fclose(f);
        return f5_errf(err, F5_ERR_NOMEM, "storage: %s: out of memory", key);
    }
    size_t n = fread(buf, 1, (size_t)sb.st_size, f);
    fclose(f);
    if (n != (size_t)sb.st_size) {
        free(buf);
        return f5_errf(err, F5_ERR_IO, "storage: short read on %s", key);
    }
    *data = buf;
    *len = n;
    return F5_OK;
}

static f5_status fs_delete(f5_store *s, const char *key, f5_error *err) {
    char path[PATH_MAX];
    f5_status st = key_path(s, key, path, sizeof path, err);
    if (st) return st;
    if (unlink(path) != 0 && errno != ENOENT) return f5_errf(err, F5_ERR_IO, "storage: delete %s: %s", key, strerror(errno));
    return F5_OK;
}

static f5_status fs_path(f5_store *s, const char *key, char *buf, size_t n, f5_error *err) {
    return key_path(s, key, buf, n, err);
}

static f5_status fs_size(f5_store *s, const char *key, uint64_t *size, f5_error *err) {
    char path[PATH_MAX];
    f5_status st = key_path(s, key, path, sizeof path, err);
    if (st) return st;
    struct stat sb;
    if (stat(path, &sb) != 0)
        return f5_errf(err, errno == ENOENT ? F5_ERR_NOT_FOUND : F5_ERR_IO, "storage: stat %s: %s", key, strerror(errno));
    *size = (uint64_t)sb.st_size;
    return F5_OK;
}

/* Regular files of DIR/dir whose names are valid key segments (the
 * writers' temporary "NAME.tmp-XXXXXX" files are skipped). */
static f5_status fs_list(f5_store *s, const char *dir, char ***names, size_t *n, f5_error *err) {
    char path[PATH_MAX];
    f5_status st = key_path(s, dir, path, sizeof path, err);
    if (st) return st;
    DIR *d = opendir(path);
    if (!d) {
        if (errno == ENOENT) return F5_OK;
        return f5_errf(err, F5_ERR_IO, "storage: list %s: %s", dir, strerror(errno));
    }
    char **v = NULL;
    size_t k = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".tmp-") || !f5_store_key_valid(e->d_name)) continue;
        char fp[PATH_MAX];
        struct stat sb;
        if ((size_t)snprintf(fp, sizeof fp, "%s/%s", path, e->d_name) >= sizeof fp || stat(fp, &sb) != 0 ||
            !S_ISREG(sb.st_mode))
            continue;
        if (k == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **nv = realloc(v, nc * sizeof *nv);
            if (!nv) goto oom;
            v = nv, cap = nc;
        }
        if (!(v[k] = strdup(e->d_name))) goto oom;
        k++;
    }
    closedir(d);
    *names = v;
    *n = k;
    return F5_OK;
oom:
    closedir(d);
    for (size_t i = 0; i < k; i++) free(v[i]);
    free(v);
    return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
}

static const f5_store_ops fs_ops = {
    .close = fs_close, .get = fs_get, .del = fs_delete, .path = fs_path, .size = fs_size,
    .begin = fs_begin, .write = fs_write, .commit = fs_commit, .abort = fs_abort, .list = fs_list,
};
