/* store_impl.h - what a blob-store backend provides: a table of operations
 * with the contracts of store.h, a struct f5_store header embedded first in
 * the backend's own struct, and a struct f5_store_writer header embedded
 * first in its writer. store.c picks the backend by URL scheme (fs:, s3://).
 */
#ifndef F5_STORE_IMPL_H
#define F5_STORE_IMPL_H

#include "service/store/store.h"

typedef struct f5_store_ops {
    void (*close)(f5_store *s);
    f5_status (*get)(f5_store *s, const char *key, uint8_t **data, size_t *len, f5_error *err);
    f5_status (*del)(f5_store *s, const char *key, f5_error *err);
    f5_status (*path)(f5_store *s, const char *key, char *buf, size_t n, f5_error *err); /* NULL: unsupported */
    f5_status (*size)(f5_store *s, const char *key, uint64_t *size, f5_error *err);
    f5_status (*presign)(f5_store *s, const char *key, char *buf, size_t n, f5_error *err); /* NULL: unsupported */
    f5_status (*begin)(f5_store *s, const char *key, f5_store_writer **out, f5_error *err);
    f5_status (*write)(f5_store_writer *w, const void *data, size_t len, f5_error *err);
    f5_status (*commit)(f5_store_writer *w, f5_error *err);
    void (*abort)(f5_store_writer *w);
    /* Names (not keys) of the blobs directly under dir, unsorted; store.c sorts. */
    f5_status (*list)(f5_store *s, const char *dir, char ***names, size_t *n, f5_error *err);
} f5_store_ops;

struct f5_store {
    const f5_store_ops *ops;
};

struct f5_store_writer {
    f5_store *s;
};

f5_status f5_store_fs_open(const char *url, f5_store **out, f5_error *err);
f5_status f5_store_s3_open(const char *url, f5_store **out, f5_error *err);

#endif
