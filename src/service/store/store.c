/* store.c - the blob-store front: key validation, and dispatch of every
 * store.h call to the backend chosen by the URL scheme (fs:DIR ->
 * store_fs.c, s3://bucket/prefix -> store_s3.c).
 */
#include "service/store/store_impl.h"

#include "core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool f5_store_key_valid(const char *key) {
    if (!key || !*key || strlen(key) > 200 || key[0] == '/') return false;
    const char *seg = key;
    for (const char *p = key;; p++) {
        if (*p == '/' || *p == 0) {
            size_t n = (size_t)(p - seg);
            if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.')) return false;
            if (*p == 0) return true;
            seg = p + 1;
            continue;
        }
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return false;
    }
}

f5_status f5_store_open(const char *url, f5_store **out, f5_error *err) {
    *out = NULL;
    if (!strncmp(url, "fs:", 3)) return f5_store_fs_open(url, out, err);
    if (!strncmp(url, "s3://", 5)) return f5_store_s3_open(url, out, err);
    return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: '%s': expected fs:DIR or s3://bucket[/prefix]", url);
}

void f5_store_close(f5_store *s) {
    if (s) s->ops->close(s);
}

static f5_status check_key(const char *key, f5_error *err) {
    return f5_store_key_valid(key) ? F5_OK
                                   : f5_errf(err, F5_ERR_INVALID_ARG, "storage: invalid key '%s'", key ? key : "");
}

f5_status f5_store_put(f5_store *s, const char *key, const void *data, size_t len, f5_error *err) {
    f5_store_writer *w;
    f5_status st = f5_store_begin(s, key, &w, err);
    if (st) return st;
    st = f5_store_write(w, data, len, err);
    if (st) {
        f5_store_abort(w);
        return st;
    }
    return f5_store_commit(w, err);
}

f5_status f5_store_get(f5_store *s, const char *key, uint8_t **data, size_t *len, f5_error *err) {
    *data = NULL;
    *len = 0;
    f5_status st = check_key(key, err);
    return st ? st : s->ops->get(s, key, data, len, err);
}

f5_status f5_store_delete(f5_store *s, const char *key, f5_error *err) {
    f5_status st = check_key(key, err);
    return st ? st : s->ops->del(s, key, err);
}

f5_status f5_store_path(f5_store *s, const char *key, char *buf, size_t n, f5_error *err) {
    f5_status st = check_key(key, err);
    if (st) return st;
    if (!s->ops->path) return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: this backend has no local paths");
    return s->ops->path(s, key, buf, n, err);
}

f5_status f5_store_size(f5_store *s, const char *key, uint64_t *size, f5_error *err) {
    f5_status st = check_key(key, err);
    return st ? st : s->ops->size(s, key, size, err);
}

f5_status f5_store_presign(f5_store *s, const char *key, char *buf, size_t n, f5_error *err) {
    f5_status st = check_key(key, err);
    if (st) return st;
    if (!s->ops->presign) return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: no presigned URLs here");
    return s->ops->presign(s, key, buf, n, err);
}

f5_status f5_store_begin(f5_store *s, const char *key, f5_store_writer **out, f5_error *err) {
    *out = NULL;
    f5_status st = check_key(key, err);
    return st ? st : s->ops->begin(s, key, out, err);
}

f5_status f5_store_write(f5_store_writer *w, const void *data, size_t len, f5_error *err) {
    return w->s->ops->write(w, data, len, err);
}

f5_status f5_store_commit(f5_store_writer *w, f5_error *err) {
    return w->s->ops->commit(w, err);
}

void f5_store_abort(f5_store_writer *w) {
    if (w) w->s->ops->abort(w);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

f5_status f5_store_list(f5_store *s, const char *dir, char ***keys, size_t *n, f5_error *err) {
    *keys = NULL;
    *n = 0;
    f5_status st = check_key(dir, err);
    if (st) return st;
    if (!s->ops->list) return f5_errf(err, F5_ERR_UNSUPPORTED, "storage: this backend cannot list blobs");
    char **names = NULL;
    size_t k = 0;
    if ((st = s->ops->list(s, dir, &names, &k, err))) return st;
    for (size_t i = 0; i < k; i++) { /* name -> dir/name */
        size_t l = strlen(dir) + strlen(names[i]) + 2;
        char *full = malloc(l);
        if (!full) {
            f5_store_list_free(names, k);
            return f5_errf(err, F5_ERR_NOMEM, "storage: out of memory");
        }
        snprintf(full, l, "%s/%s", dir, names[i]);
        free(names[i]);
        names[i] = full;
    }
    if (k > 1) qsort(names, k, sizeof *names, cmp_str);
    *keys = names;
    *n = k;
    return F5_OK;
}

void f5_store_list_free(char **keys, size_t n) {
    for (size_t i = 0; keys && i < n; i++) free(keys[i]);
    free(keys);
}
