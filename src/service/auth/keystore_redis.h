/* keystore_redis.h - API keys kept in Redis for a scaled-out service: the
 * same JSON document as the keys file (keystore.h), as one string at
 * <prefix>:keys, so every API node sees the same keys. `f5tts keys ...
 * --redis URL` edits it (last writer wins: two admins editing at the same
 * instant can lose one change); the server's backend re-reads it at most
 * once a second and keeps the last good set while Redis is unreachable or
 * the document is malformed.
 */
#ifndef F5_AUTH_KEYSTORE_REDIS_H
#define F5_AUTH_KEYSTORE_REDIS_H

#include "service/auth/keystore.h"

/* url: redis://[user:pass@]host:port[/db][?prefix=P]. A missing document is
 * an empty set. */
f5_status f5_keys_redis_load(const char *url, f5_key_rec **recs, size_t *n, f5_error *err);
f5_status f5_keys_redis_save(const char *url, const f5_key_rec *recs, size_t n, f5_error *err);
/* The server's view (fails now if Redis cannot be reached or the document
 * is malformed). */
f5_status f5_keystore_open_redis(const char *url, f5_keystore **out, f5_error *err);

#endif
