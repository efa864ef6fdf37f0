/* ratelimit_redis.c - see ratelimit_redis.h. */
#include "service/auth/ratelimit_redis.h"

#include "core/error.h"
#include "service/redis/redis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct f5_ratelimit_redis {
    f5_redis *r;
    char prefix[64];
};

/* KEYS: bucket hash. ARGV: rate per minute, capacity. Returns the seconds
 * to wait as a string ("0" = a token was taken). */
static const char LUA_TAKE[] =
    "local t = redis.call('TIME')\n"
    "local now = tonumber(t[1]) + tonumber(t[2]) / 1e6\n"
    "local rate, cap = tonumber(ARGV[1]) / 60, tonumber(ARGV[2])\n"
    "local h = redis.call('HMGET', KEYS[1], 'tokens', 'last')\n"
    "local tokens, last = tonumber(h[1]) or cap, tonumber(h[2]) or now\n"
    "tokens = math.min(cap, tokens + math.max(0, now - last) * rate)\n"
    "local wait = 0\n"
    "if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end\n"
    "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))\n"
    "redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate * 1000) + 1000)\n"
    "return tostring(wait)\n";

f5_status f5_ratelimit_redis_open(const char *url, f5_ratelimit_redis **out, f5_error *err) {
    *out = NULL;
    f5_redis_url u;
    f5_status st = f5_redis_url_parse(url, &u, err);
    if (st) return st;
    f5_ratelimit_redis *r = calloc(1, sizeof *r);
    if (!r) return f5_errf(err, F5_ERR_NOMEM, "rate limit: out of memory");
    snprintf(r->prefix, sizeof r->prefix, "f5");
    const char *p = strstr(u.query, "prefix=");
    if (p && (p == u.query || p[-1] == '&')) {
        p += 7;
        size_t n = strcspn(p, "&");
        if (n > 0 && n < sizeof r->prefix) {
            memcpy(r->prefix, p, n);
            r->prefix[n] = 0;
        }
    }
    if ((st = f5_redis_open(&u, 1.0, &r->r, err))) {
        free(r);
        return st;
    }
    *out = r;
    return F5_OK;
}

void f5_ratelimit_redis_close(f5_ratelimit_redis *r) {
    if (!r) return;
    f5_redis_close(r->r);
    free(r);
}

bool f5_ratelimit_redis_take(f5_ratelimit_redis *r, const char *id, double rate_per_min, double capacity,
                             int *retry_after_s) {
    *retry_after_s = 0;
    char key[200], rate[32], cap[32];
    snprintf(key, sizeof key, "%s:rl:%s", r->prefix, id);
    snprintf(rate, sizeof rate, "%.9g", rate_per_min);
    snprintf(cap, sizeof cap, "%.9g", capacity);
    const char *argv[] = {"EVAL", LUA_TAKE, "1", key, rate, cap};
    redisReply *rep = NULL;
    if (f5_redis_argv(r->r, 6, argv, NULL, &rep, NULL) != F5_OK || !rep) return true; /* fail open */
    double wait = rep->type == REDIS_REPLY_STRING ? strtod(rep->str, NULL) : 0;
    freeReplyObject(rep);
    if (!(wait > 0)) return true;
    int w = (int)ceil(wait);
    *retry_after_s = w < 1 ? 1 : w;
    return false;
}
