/* usage.c - the usage counters of usage.h: an ops table, the local
 * (memory + JSON file) backend and the Redis backend.
 */
#include "service/auth/usage.h"

#include "core/error.h"
#include "core/fsutil.h"
#include "service/redis/redis.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct usage_ops {
    f5_status (*add)(f5_usage *u, const char *key, long day, double seconds, f5_error *err);
    f5_status (*get)(f5_usage *u, const char *key, long day, double *seconds, f5_error *err);
    void (*close)(f5_usage *u);
} usage_ops;

struct f5_usage {
    const usage_ops *ops;
};

long f5_usage_day(double epoch_s) {
    return (long)floor(epoch_s / 86400.0);
}

int f5_usage_seconds_to_midnight(double epoch_s) {
    double left = (double)(f5_usage_day(epoch_s) + 1) * 86400.0 - epoch_s;
    int s = (int)ceil(left);
    return s < 1 ? 1 : s;
}

f5_status f5_usage_add(f5_usage *u, const char *key, long day, double seconds, f5_error *err) {
    if (!(seconds > 0) || !isfinite(seconds)) return F5_OK;
    return u->ops->add(u, key, day, seconds, err);
}

f5_status f5_usage_get(f5_usage *u, const char *key, long day, double *seconds, f5_error *err) {
    *seconds = 0;
    return u->ops->get(u, key, day, seconds, err);
}

void f5_usage_close(f5_usage *u) {
    if (u) u->ops->close(u);
}

/* ---- local: {"version":1,"day":N,"seconds":{"key":S,...}}; only the
 * current day is kept (a charge for a new day starts a fresh record). */

typedef struct local_usage {
    f5_usage base;
    pthread_mutex_t mu;
    char path[4096];
    long day;
    json_t *seconds; /* object key -> real */
    struct stat seen; /* the file as last read or written (another process may change it) */
} local_usage;

/* Read the file into l (under mu, or before l is shared). A missing file
 * leaves l as it is. */
static f5_status local_read(local_usage *l, f5_error *err) {
    struct stat sb;
    if (stat(l->path, &sb) != 0) return F5_OK;
    json_error_t je;
    json_t *j = json_load_file(l->path, 0, &je);
    json_t *sec = j ? json_object_get(j, "seconds") : NULL;
    json_t *day = j ? json_object_get(j, "day") : NULL;
    if (!j || !json_is_object(sec) || !json_is_integer(day)) {
        f5_status st = f5_errf(err, F5_ERR_FORMAT, "usage file %s: %s", l->path,
                               j ? "expected {\"day\": N, \"seconds\": {...}}" : je.text);
        json_decref(j);
        return st;
    }
    json_object_clear(l->seconds);
    const char *k;
    json_t *v;
    json_object_foreach(sec, k, v) {
        if (json_is_number(v) && json_number_value(v) >= 0)
            json_object_set_new(l->seconds, k, json_real(json_number_value(v)));
    }
    l->day = (long)json_integer_value(day);
    l->seen = sb;
    json_decref(j);
    return F5_OK;
}

/* Under mu: re-read when another process (a worker sharing DATA) wrote it. */
static void local_refresh(local_usage *l) {
    struct stat sb;
    if (stat(l->path, &sb) != 0) return;
    if (sb.st_ino == l->seen.st_ino && sb.st_size == l->seen.st_size && sb.st_mtim.tv_sec == l->seen.st_mtim.tv_sec &&
        sb.st_mtim.tv_nsec == l->seen.st_mtim.tv_nsec)
        return;
    (void)local_read(l, NULL); /* a broken file keeps the totals we had */
}

static f5_status local_save(local_usage *l, f5_error *err) {
    json_t *j = json_pack("{s:i, s:I, s:O}", "version", 1, "day", (json_int_t)l->day, "seconds", l->seconds);
    if (!j) return f5_errf(err, F5_ERR_NOMEM, "usage: out of memory");
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", l->path, (long)getpid());
    f5_status st = F5_OK;
    if (json_dump_file(j, tmp, JSON_COMPACT) != 0) st = f5_errf(err, F5_ERR_IO, "usage: cannot write %s", tmp);
    else if (rename(tmp, l->path) != 0)
        st = f5_errf(err, F5_ERR_IO, "usage: cannot replace %s: %s", l->path, strerror(errno));
    if (st) unlink(tmp);
    else stat(l->path, &l->seen);
    json_decref(j);
    return st;
}

static f5_status local_add(f5_usage *u, const char *key, long day, double seconds, f5_error *err) {
    local_usage *l = (local_usage *)u;
    pthread_mutex_lock(&l->mu);
    local_refresh(l);
    if (day != l->day) {
        json_object_clear(l->seconds);
        l->day = day;
    }
    double cur = json_real_value(json_object_get(l->seconds, key)); /* 0 when absent */
    f5_status st = F5_OK;
    if (json_object_set_new(l->seconds, key, json_real(cur + seconds)) != 0)
        st = f5_errf(err, F5_ERR_NOMEM, "usage: out of memory");
    else st = local_save(l, err);
    pthread_mutex_unlock(&l->mu);
    return st;
}

static f5_status local_get(f5_usage *u, const char *key, long day, double *seconds, f5_error *err) {
    (void)err;
    local_usage *l = (local_usage *)u;
    pthread_mutex_lock(&l->mu);
    local_refresh(l);
    *seconds = day == l->day ? json_real_value(json_object_get(l->seconds, key)) : 0;
    pthread_mutex_unlock(&l->mu);
    return F5_OK;
}

static void local_close(f5_usage *u) {
    local_usage *l = (local_usage *)u;
    json_decref(l->seconds);
    pthread_mutex_destroy(&l->mu);
    free(l);
}

static const usage_ops local_ops = {local_add, local_get, local_close};

f5_status f5_usage_open_file(const char *path, f5_usage **out, f5_error *err) {
    *out = NULL;
    local_usage *l = calloc(1, sizeof *l);
    if (!l) return f5_errf(err, F5_ERR_NOMEM, "usage: out of memory");
    l->base.ops = &local_ops;
    pthread_mutex_init(&l->mu, NULL);
    snprintf(l->path, sizeof l->path, "%s", path);
    l->seconds = json_object();
    f5_status st = F5_OK;
    if (!l->seconds) {
        st = f5_errf(err, F5_ERR_NOMEM, "usage: out of memory");
        goto fail;
    }
    if ((st = f5_mkdirs_parent(path, 0700, err))) goto fail;
    if ((st = local_read(l, err))) goto fail;
    *out = &l->base;
    return F5_OK;
fail:
    local_close(&l->base);
    return st;
}

/* ---- Redis */

typedef struct redis_usage {
    f5_usage base;
    f5_redis *r;
    char prefix[64];
} redis_usage;

static void rkey(const redis_usage *ru, const char *key, long day, char *out, size_t n) {
    snprintf(out, n, "%s:usage:%s:%ld", ru->prefix, key, day);
}

static f5_status redis_add(f5_usage *u, const char *key, long day, double seconds, f5_error *err) {
    redis_usage *ru = (redis_usage *)u;
    char k[256], v[64];
    rkey(ru, key, day, k, sizeof k);
    snprintf(v, sizeof v, "%.6f", seconds);
    redisReply *rep = NULL;
    f5_status st = f5_redis_cmd(ru->r, &rep, err, "INCRBYFLOAT %s %s", k, v);
    if (rep) freeReplyObject(rep);
    if (st) return st;
    rep = NULL;
    st = f5_redis_cmd(ru->r, &rep, err, "EXPIRE %s %d", k, 2 * 86400);
    if (rep) freeReplyObject(rep);
    return st;
}

static f5_status redis_get(f5_usage *u, const char *key, long day, double *seconds, f5_error *err) {
    redis_usage *ru = (redis_usage *)u;
    char k[256];
    rkey(ru, key, day, k, sizeof k);
    redisReply *rep = NULL;
    f5_status st = f5_redis_cmd(ru->r, &rep, err, "GET %s", k);
    if (!st && rep && rep->type == REDIS_REPLY_STRING) *seconds = strtod(rep->str, NULL);
    if (rep) freeReplyObject(rep);
    return st;
}

static void redis_close(f5_usage *u) {
    redis_usage *ru = (redis_usage *)u;
    f5_redis_close(ru->r);
    free(ru);
}

static const usage_ops redis_ops = {redis_add, redis_get, redis_close};

f5_status f5_usage_open_redis(const char *url, f5_usage **out, f5_error *err) {
    *out = NULL;
    f5_redis_url ru_url;
    f5_status st = f5_redis_url_parse(url, &ru_url, err);
    if (st) return st;
    redis_usage *ru = calloc(1, sizeof *ru);
    if (!ru) return f5_errf(err, F5_ERR_NOMEM, "usage: out of memory");
    ru->base.ops = &redis_ops;
    snprintf(ru->prefix, sizeof ru->prefix, "f5");
    const char *p = strstr(ru_url.query, "prefix=");
    if (p && (p == ru_url.query || p[-1] == '&')) {
        p += 7;
        size_t n = strcspn(p, "&");
        if (n > 0 && n < sizeof ru->prefix) {
            memcpy(ru->prefix, p, n);
            ru->prefix[n] = 0;
        }
    }
    if ((st = f5_redis_open(&ru_url, 2.0, &ru->r, err))) {
        free(ru);
        return st;
    }
    *out = &ru->base;
    return F5_OK;
}
