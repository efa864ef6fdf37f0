/* ratelimit.h - token buckets keyed by a string (a key name, or "ip:ADDR"),
 * in memory. Interface kept small (take one token, or say how long to
 * wait) so a shared Redis implementation can replace it when the service
 * scales out. Capacity is ten seconds' worth of the rate (at least one
 * token); a bucket refills continuously at rate_per_min / 60 per second.
 */
#ifndef F5_AUTH_RATELIMIT_H
#define F5_AUTH_RATELIMIT_H

#include "f5tts.h"

#include <stdbool.h>

typedef struct f5_ratelimit f5_ratelimit;

f5_ratelimit *f5_ratelimit_create(void);
/* Share the buckets through Redis (ratelimit_redis.h) from now on: every
 * node using the same Redis draws from the same bucket per id. */
f5_status f5_ratelimit_share_redis(f5_ratelimit *rl, const char *url, f5_error *err);
void f5_ratelimit_free(f5_ratelimit *rl);
/* Take one token from id's bucket at now_s (monotonic seconds). True when
 * allowed; otherwise *retry_after_s is the whole seconds (>= 1) until a
 * token is there. rate_per_min <= 0 always allows. */
bool f5_ratelimit_take(f5_ratelimit *rl, const char *id, double rate_per_min, double now_s, int *retry_after_s);

#endif
