/* keystore.h - API keys: records (name, SHA-256 of the key, scopes, limits)
 * and the store the server looks keys up in. Only hashes are ever stored;
 * a presented key is hashed and compared in constant time against every
 * record. The store is an interface (f5_keystore_ops) so that a shared
 * backend (Redis) can replace the file backend without touching auth.c;
 * the file backend re-reads its file when it changes (checked at most once
 * a second), so `f5tts keys add|revoke` reach a running server in < 5 s.
 *
 * Keys file (<data>/keys.json, mode 0600):
 *   {"version":1,"keys":[{"name":"alice","sha256":"<64 hex>","scopes":["tts"],
 *     "rate_per_min":60,"max_concurrent":4,"quota_seconds_per_day":3600,
 *     "created":1765000000}]}
 * Limits of 0 mean unlimited.
 */
#ifndef F5_AUTH_KEYSTORE_H
#define F5_AUTH_KEYSTORE_H

#include "f5tts.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum { F5_SCOPE_TTS = 1u, F5_SCOPE_VOICES = 2u, F5_SCOPE_ADMIN = 4u };

#define F5_KEY_NAME_MAX 64

typedef struct f5_key_rec {
    char name[F5_KEY_NAME_MAX + 1];
    unsigned char sha256[32];
    unsigned scopes;             /* F5_SCOPE_* bits */
    double rate_per_min;         /* token bucket refill; 0 = unlimited */
    int max_concurrent;          /* running+queued jobs; 0 = unlimited */
    double quota_seconds_per_day;/* audio seconds produced per UTC day; 0 = unlimited */
    double created;              /* unix seconds */
} f5_key_rec;

/* Scope names <-> bits ("tts", "voices", "admin"). Returns 0 on an unknown name. */
unsigned f5_scope_parse(const char *name);
/* "tts,voices" style list into out. */
void f5_scope_format(unsigned scopes, char *out, size_t n);
/* Key names: 1..64 chars of [A-Za-z0-9._-]. */
bool f5_key_name_ok(const char *name);

/* Parse a keys file's text (untrusted: fuzzed). On success *recs (malloc'd,
 * caller frees) holds *n records. Fails with F5_ERR_FORMAT naming the entry
 * and field that is wrong. `what` names the source in messages. */
f5_status f5_keys_parse(const char *text, size_t len, const char *what, f5_key_rec **recs, size_t *n, f5_error *err);
/* Records -> the file's JSON (caller owns). */
json_t *f5_keys_to_json(const f5_key_rec *recs, size_t n);
/* Read a keys file; a missing file is an empty set (success, n = 0). */
f5_status f5_keys_load(const char *path, f5_key_rec **recs, size_t *n, f5_error *err);
/* Write atomically (temp file + rename), mode 0600, creating the parent
 * directory with f5_mkdirs. */
f5_status f5_keys_save(const char *path, const f5_key_rec *recs, size_t n, f5_error *err);
/* A fresh key: 32 random bytes (256 bits) as unpadded base64url (43 chars)
 * prefixed "f5k_" (out >= 48 bytes). */
bool f5_key_generate(char *out, size_t n);
void f5_key_hash(const char *key, unsigned char out[32]);

/* The server's view. */
typedef struct f5_keystore f5_keystore;
typedef struct f5_keystore_ops {
    /* Find the record whose hash matches key; true and *out on a match. */
    bool (*lookup)(f5_keystore *ks, const char *key, f5_key_rec *out);
    /* Number of keys currently known (reloads like lookup). */
    size_t (*count)(f5_keystore *ks);
    void (*close)(f5_keystore *ks);
} f5_keystore_ops;
struct f5_keystore {
    const f5_keystore_ops *ops;
};

/* File backend over path (need not exist yet). */
f5_status f5_keystore_open_file(const char *path, f5_keystore **out, f5_error *err);
static inline bool f5_keystore_lookup(f5_keystore *ks, const char *key, f5_key_rec *out) {
    return ks->ops->lookup(ks, key, out);
}
static inline size_t f5_keystore_count(f5_keystore *ks) {
    return ks->ops->count(ks);
}
static inline void f5_keystore_close(f5_keystore *ks) {
    if (ks) ks->ops->close(ks);
}

#endif
