/* ratelimit_redis.h - the shared backend of ratelimit.h: one token bucket
 * per id in a Redis hash (<prefix>:rl:<id>, fields tokens and last,
 * expiring once it would be full again), updated by one Lua script on the
 * server's clock, so every API node draws from the same bucket. When Redis
 * cannot be reached the request is allowed (a limiter outage must not take
 * the API down); ratelimit.c counts on that.
 */
#ifndef F5_AUTH_RATELIMIT_REDIS_H
#define F5_AUTH_RATELIMIT_REDIS_H

#include "f5tts.h"

#include <stdbool.h>

typedef struct f5_ratelimit_redis f5_ratelimit_redis;

/* url: redis://[user:pass@]host:port[/db][?prefix=P] (the queue's URL). */
f5_status f5_ratelimit_redis_open(const char *url, f5_ratelimit_redis **out, f5_error *err);
void f5_ratelimit_redis_close(f5_ratelimit_redis *r);
/* Take one token of id's bucket (rate per minute, capacity tokens); false
 * with *retry_after_s (>= 1) when empty. */
bool f5_ratelimit_redis_take(f5_ratelimit_redis *r, const char *id, double rate_per_min, double capacity,
                             int *retry_after_s);

#endif
