/* refcache.h - the reference cache of the service engine: prepared voices
 * (f5_voice: clipped audio, mel, normalised transcript) keyed by the
 * SHA-256 of the uploaded bytes and the transcript, so the same upload
 * again skips preprocessing. LRU, bounded in bytes; entries are reference
 * counted so an evicted voice stays alive until its last synthesis ends.
 * Thread-safe (one mutex).
 */
#ifndef F5_SVC_REFCACHE_H
#define F5_SVC_REFCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct f5_refcache f5_refcache;
typedef void (*f5_refcache_free_fn)(void *value);

typedef struct f5_refcache_stats {
    long long hits, misses, evictions;
    size_t bytes, entries;
} f5_refcache_stats;

/* max_bytes 0: a cache that keeps nothing (every get misses). NULL on OOM. */
f5_refcache *f5_refcache_new(size_t max_bytes, f5_refcache_free_fn free_fn);
void f5_refcache_free(f5_refcache *c);

/* key = SHA-256(u64le len(audio) | audio | ref_text); all zero if OpenSSL fails
 * (callers then skip the cache: see f5_refcache_key_ok). */
bool f5_refcache_key_ok(const uint8_t key[32]);
void f5_refcache_key(const void *audio, size_t audio_len, const char *ref_text, uint8_t key[32]);

/* The value for key with one reference taken (give it back with
 * f5_refcache_release), or NULL (a miss). */
void *f5_refcache_get(f5_refcache *c, const uint8_t key[32]);
/* Insert value of the given size with one reference taken for the caller;
 * evicts least recently used entries to stay within max_bytes. A value
 * bigger than max_bytes, or a key already present, is not kept: the caller's
 * reference is then the only one (release frees it). Returns value. */
void *f5_refcache_put(f5_refcache *c, const uint8_t key[32], void *value, size_t bytes);
void f5_refcache_release(f5_refcache *c, void *value);
f5_refcache_stats f5_refcache_get_stats(f5_refcache *c);

#endif
