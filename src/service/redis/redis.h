/* redis.h - one Redis connection shared by the threads of a process, on
 * hiredis. Parses redis://[user:pass@]host:port[/db], connects with a
 * timeout, authenticates and selects the database, and puts a timeout on
 * every command so nothing waits on a dead server. When the server goes
 * away the next command fails fast and reconnection is retried with
 * exponential backoff (jittered, capped); f5_redis_down() says so, so a
 * caller can answer 503 + Retry-After. Used by the Redis job queue and
 * meant for any other Redis-backed store (API keys, rate limits).
 */
#ifndef F5_REDIS_H
#define F5_REDIS_H

#include "f5tts.h"

#include <hiredis/hiredis.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct f5_redis f5_redis;

typedef struct f5_redis_url {
    char host[256];
    int port;
    int db;
    char user[128];
    char pass[256];
    char query[512]; /* what followed '?', unparsed ("" = none) */
} f5_redis_url;

/* Parse redis://[user:pass@]host:port[/db][?query]. Fails with a message
 * naming the part that is wrong. */
f5_status f5_redis_url_parse(const char *url, f5_redis_url *u, f5_error *err);

/* Connect once (failing if the server cannot be reached now, with a message
 * naming host:port). command_timeout_s bounds every later call. */
f5_status f5_redis_open(const f5_redis_url *u, double command_timeout_s, f5_redis **out, f5_error *err);
void f5_redis_close(f5_redis *r);

/* Run one command given as argv (lengths in argvlen, NULL = strlen). On
 * success *reply is the reply (caller frees with freeReplyObject); a Redis
 * error reply is returned as F5_ERR_IO with its text and no reply. A lost
 * connection is retried once on a fresh connection (so callers should send
 * idempotent commands or scripts), then fails with F5_ERR_IO. */
f5_status f5_redis_argv(f5_redis *r, int argc, const char **argv, const size_t *argvlen, redisReply **reply,
                        f5_error *err);
/* printf-style convenience (hiredis format: %s, %b, %d...). */
f5_status f5_redis_cmd(f5_redis *r, redisReply **reply, f5_error *err, const char *fmt, ...);

/* True while the server is unreachable; *retry_after_s: seconds until the
 * next connection attempt (>= 1 when down). */
bool f5_redis_down(f5_redis *r, double *retry_after_s);
/* Counters since open: failed commands/connects, successful reconnects. */
void f5_redis_counters(f5_redis *r, long long *errors, long long *reconnects);
/* "host:port" for messages. */
const char *f5_redis_where(const f5_redis *r);

#endif
