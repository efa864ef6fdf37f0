/* ratelimit.c - in-memory token buckets (see ratelimit.h): a small open
 * hash table of buckets under one mutex; idle full buckets are dropped
 * when the table grows, so memory stays bounded by the active callers.
 */
#include "service/auth/ratelimit.h"

#include "service/auth/ratelimit_redis.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char id[80];
    double tokens, last;
    double rate;
    bool used;
} bucket;

struct f5_ratelimit {
    pthread_mutex_t mu;
    bucket *b;
    size_t cap, n;
    f5_ratelimit_redis *shared; /* set: buckets live in Redis */
};

f5_ratelimit *f5_ratelimit_create(void) {
    f5_ratelimit *rl = calloc(1, sizeof *rl);
    if (!rl) return NULL;
    rl->cap = 256;
    rl->b = calloc(rl->cap, sizeof *rl->b);
    if (!rl->b) {
        free(rl);
        return NULL;
    }
    pthread_mutex_init(&rl->mu, NULL);
    return rl;
}

f5_status f5_ratelimit_share_redis(f5_ratelimit *rl, const char *url, f5_error *err) {
    return f5_ratelimit_redis_open(url, &rl->shared, err);
}

void f5_ratelimit_free(f5_ratelimit *rl) {
    if (!rl) return;
    f5_ratelimit_redis_close(rl->shared);
    pthread_mutex_destroy(&rl->mu);
    free(rl->b);
    free(rl);
}

static size_t hash(const char *s) {
    size_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static double capacity(double rate) {
    double c = rate / 6.0; /* ten seconds' worth */
    return c < 1 ? 1 : c;
}

/* Under mu: drop buckets that have refilled completely (they behave as new). */
static void compact(f5_ratelimit *rl, double now) {
    bucket *old = rl->b;
    size_t cap = rl->cap;
    size_t live = 0;
    for (size_t i = 0; i < cap; i++)
        if (old[i].used && old[i].tokens + (now - old[i].last) * old[i].rate / 60.0 < capacity(old[i].rate)) live++;
    size_t ncap = cap;
    while (live * 2 >= ncap) ncap *= 2;
    bucket *nb = calloc(ncap, sizeof *nb);
    if (!nb) return;
    rl->n = 0;
    for (size_t i = 0; i < cap; i++) {
        if (!old[i].used || old[i].tokens + (now - old[i].last) * old[i].rate / 60.0 >= capacity(old[i].rate)) continue;
        size_t j = hash(old[i].id) & (ncap - 1);
        while (nb[j].used) j = (j + 1) & (ncap - 1);
        nb[j] = old[i];
        rl->n++;
    }
    free(old);
    rl->b = nb;
    rl->cap = ncap;
}

bool f5_ratelimit_take(f5_ratelimit *rl, const char *id, double rate_per_min, double now_s, int *retry_after_s) {
    *retry_after_s = 0;
    if (!(rate_per_min > 0) || !rl) return true;
    if (rl->shared) return f5_ratelimit_redis_take(rl->shared, id, rate_per_min, capacity(rate_per_min), retry_after_s);
    pthread_mutex_lock(&rl->mu);
    if ((rl->n + 1) * 2 > rl->cap) compact(rl, now_s);
    size_t j = hash(id) & (rl->cap - 1);
    while (rl->b[j].used && strcmp(rl->b[j].id, id)) j = (j + 1) & (rl->cap - 1);
    bucket *b = &rl->b[j];
    double cap = capacity(rate_per_min);
    if (!b->used) {
        b->used = true;
        snprintf(b->id, sizeof b->id, "%s", id);
        b->tokens = cap;
        b->last = now_s;
        rl->n++;
    }
    b->rate = rate_per_min;
    b->tokens += (now_s - b->last) * rate_per_min / 60.0;
    if (b->tokens > cap) b->tokens = cap;
    b->last = now_s;
    bool ok = b->tokens >= 1.0;
    if (ok) b->tokens -= 1.0;
    else {
        double wait = (1.0 - b->tokens) * 60.0 / rate_per_min;
        int w = (int)ceil(wait);
        *retry_after_s = w < 1 ? 1 : w;
    }
    pthread_mutex_unlock(&rl->mu);
    return ok;
}
