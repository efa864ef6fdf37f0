/* store.h - blob storage interface: named blobs ("refs/<job>", "results/<job>.wav")
 * that survive restarts. Two backends behind the same functions, picked by
 * the URL scheme: fs:DIR (local filesystem) and s3://bucket[/prefix]
 * (S3 or a compatible server, store_s3.c). Keys are validated: [A-Za-z0-9._-] segments
 * separated by '/', no "..". All operations are thread-safe.
 */
#ifndef F5_STORE_H
#define F5_STORE_H

#include "f5tts.h"

#include <stddef.h>
#include <stdint.h>

typedef struct f5_store f5_store;
typedef struct f5_store_writer f5_store_writer;

/* Open from a URL ("fs:DIR", creating DIR; or s3://bucket[/prefix][?endpoint=
 * URL&region=R&presign=SECONDS], credentials from AWS_* variables). */
f5_status f5_store_open(const char *url, f5_store **out, f5_error *err);
void f5_store_close(f5_store *s);

f5_status f5_store_put(f5_store *s, const char *key, const void *data, size_t len, f5_error *err);
/* Whole blob into *data (malloc'd, caller frees). F5_ERR_NOT_FOUND if absent. */
f5_status f5_store_get(f5_store *s, const char *key, uint8_t **data, size_t *len, f5_error *err);
/* Deleting a missing key is not an error. */
f5_status f5_store_delete(f5_store *s, const char *key, f5_error *err);
/* Local path of a blob when the backend has one (fs), else F5_ERR_UNSUPPORTED. */
f5_status f5_store_path(f5_store *s, const char *key, char *buf, size_t n, f5_error *err);
/* A time-limited URL a client can GET the blob from directly (s3 with
 * presign=SECONDS), else F5_ERR_UNSUPPORTED (serve it through f5_store_get). */
f5_status f5_store_presign(f5_store *s, const char *key, char *buf, size_t n, f5_error *err);
/* Size of a blob, F5_ERR_NOT_FOUND if absent. */
f5_status f5_store_size(f5_store *s, const char *key, uint64_t *size, f5_error *err);

/* Streaming upload: data appears under key only after commit (atomic
 * rename); abort (or a failed commit) leaves nothing behind. The writer is
 * used by one thread; it is freed by commit/abort. */
f5_status f5_store_begin(f5_store *s, const char *key, f5_store_writer **out, f5_error *err);
f5_status f5_store_write(f5_store_writer *w, const void *data, size_t len, f5_error *err);
f5_status f5_store_commit(f5_store_writer *w, f5_error *err);
void f5_store_abort(f5_store_writer *w);

/* Keys directly under dir ("voices/meta": "voices/meta/a.json", ... but not
 * deeper levels), sorted, into *keys (an array of *n malloc'd strings;
 * free with f5_store_list_free). A missing dir lists nothing. */
f5_status f5_store_list(f5_store *s, const char *dir, char ***keys, size_t *n, f5_error *err);
void f5_store_list_free(char **keys, size_t n);

bool f5_store_key_valid(const char *key);

#endif
