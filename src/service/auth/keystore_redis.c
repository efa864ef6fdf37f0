/* keystore_redis.c - see keystore_redis.h. */
#include "service/auth/keystore_redis.h"

#include "core/error.h"
#include "service/redis/redis.h"

#include <openssl/crypto.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void doc_key(const f5_redis_url *u, char *out, size_t n) {
    char prefix[64] = "f5";
    const char *p = strstr(u->query, "prefix=");
    if (p && (p == u->query || p[-1] == '&')) {
        p += 7;
        size_t k = strcspn(p, "&");
        if (k > 0 && k < sizeof prefix) {
            memcpy(prefix, p, k);
            prefix[k] = 0;
        }
    }
    snprintf(out, n, "%s:keys", prefix);
}

/* GET the document and parse it; a missing one is an empty set. */
static f5_status fetch_recs(f5_redis *r, const char *key, f5_key_rec **recs, size_t *n, f5_error *err) {
    *recs = NULL;
    *n = 0;
    redisReply *rep = NULL;
    f5_status st = f5_redis_cmd(r, &rep, err, "GET %s", key);
    if (st) return st;
    char what[160];
    snprintf(what, sizeof what, "redis %s %s", f5_redis_where(r), key);
    if (rep->type == REDIS_REPLY_STRING) st = f5_keys_parse(rep->str, rep->len, what, recs, n, err);
    freeReplyObject(rep);
    return st;
}

static f5_status open_conn(const char *url, f5_redis **r, char *key, size_t key_n, f5_error *err) {
    f5_redis_url u;
    f5_status st = f5_redis_url_parse(url, &u, err);
    if (st) return st;
    doc_key(&u, key, key_n);
    return f5_redis_open(&u, 2.0, r, err);
}

f5_status f5_keys_redis_load(const char *url, f5_key_rec **recs, size_t *n, f5_error *err) {
    *recs = NULL;
    *n = 0;
    f5_redis *r = NULL;
    char key[96];
    f5_status st = open_conn(url, &r, key, sizeof key, err);
    if (!st) st = fetch_recs(r, key, recs, n, err);
    f5_redis_close(r);
    return st;
}

f5_status f5_keys_redis_save(const char *url, const f5_key_rec *recs, size_t n, f5_error *err) {
    f5_redis *r = NULL;
    char key[96];
    f5_status st = open_conn(url, &r, key, sizeof key, err);
    if (st) return st;
    json_t *j = f5_keys_to_json(recs, n);
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!s) st = f5_errf(err, F5_ERR_NOMEM, "keys: out of memory");
    else {
        redisReply *rep = NULL;
        st = f5_redis_cmd(r, &rep, err, "SET %s %s", key, s);
        if (rep) freeReplyObject(rep);
    }
    free(s);
    f5_redis_close(r);
    return st;
}

typedef struct {
    f5_keystore base;
    f5_redis *r;
    char key[96];
    pthread_mutex_t mu;
    f5_key_rec *recs;
    size_t n;
    double last_check;
} ks_redis;

static double mono_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Under mu: re-read at most once a second; on failure keep the last set. */
static void refresh(ks_redis *k) {
    double now = mono_s();
    if (now - k->last_check < 1.0) return;
    k->last_check = now;
    f5_key_rec *r;
    size_t n;
    f5_error e = {0};
    if (fetch_recs(k->r, k->key, &r, &n, &e) != F5_OK) {
        fprintf(stderr, "f5tts: keys not reloaded from Redis: %s\n", e.message);
        return;
    }
    free(k->recs);
    k->recs = r;
    k->n = n;
}

static bool ks_redis_lookup(f5_keystore *ks, const char *key, f5_key_rec *out) {
    ks_redis *k = (ks_redis *)ks;
    unsigned char h[32];
    f5_key_hash(key, h);
    bool found = false;
    pthread_mutex_lock(&k->mu);
    refresh(k);
    for (size_t i = 0; i < k->n; i++) /* every record: timing says nothing about which */
        if (CRYPTO_memcmp(h, k->recs[i].sha256, 32) == 0 && !found) {
            *out = k->recs[i];
            found = true;
        }
    pthread_mutex_unlock(&k->mu);
    return found;
}

static size_t ks_redis_count(f5_keystore *ks) {
    ks_redis *k = (ks_redis *)ks;
    pthread_mutex_lock(&k->mu);
    refresh(k);
    size_t n = k->n;
    pthread_mutex_unlock(&k->mu);
    return n;
}

static void ks_redis_close(f5_keystore *ks) {
    ks_redis *k = (ks_redis *)ks;
    f5_redis_close(k->r);
    pthread_mutex_destroy(&k->mu);
    free(k->recs);
    free(k);
}

static const f5_keystore_ops ks_redis_ops = {ks_redis_lookup, ks_redis_count, ks_redis_close};

f5_status f5_keystore_open_redis(const char *url, f5_keystore **out, f5_error *err) {
    *out = NULL;
    ks_redis *k = calloc(1, sizeof *k);
    if (!k) return f5_errf(err, F5_ERR_NOMEM, "keystore: out of memory");
    k->base.ops = &ks_redis_ops;
    pthread_mutex_init(&k->mu, NULL);
    f5_status st = open_conn(url, &k->r, k->key, sizeof k->key, err);
    if (!st) st = fetch_recs(k->r, k->key, &k->recs, &k->n, err);
    if (st) {
        ks_redis_close(&k->base);
        return st;
    }
    k->last_check = mono_s();
    *out = &k->base;
    return F5_OK;
}
