/* redis.c - the shared Redis connection: URL parsing, connect + AUTH +
 * SELECT, per-command timeouts, fail-fast while down and reconnection with
 * jittered exponential backoff (0.1 s doubling to 5 s). See redis.h.
 */
#include "service/redis/redis.h"

#include "core/clock.h"
#include "core/error.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BACKOFF_MIN_S 0.1
#define BACKOFF_MAX_S 5.0

struct f5_redis {
    f5_redis_url u;
    double timeout_s;
    pthread_mutex_t mu;
    redisContext *c;       /* NULL while down */
    double next_try;       /* monotonic time of the next connection attempt while down */
    double backoff_s;
    unsigned jitter_state;
    char last_error[256];
    char where[300];
    atomic_llong errors, reconnects;
};

f5_status f5_redis_url_parse(const char *url, f5_redis_url *u, f5_error *err) {
    memset(u, 0, sizeof *u);
    u->port = 6379;
    if (strncmp(url, "redis://", 8) != 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL '%s': expected redis://[user:pass@]host:port[/db]", url);
    const char *p = url + 8;
    const char *q = strchr(p, '?');
    size_t n = q ? (size_t)(q - p) : strlen(p);
    if (q) snprintf(u->query, sizeof u->query, "%s", q + 1);
    char rest[1024];
    if (n >= sizeof rest) return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL: too long");
    memcpy(rest, p, n);
    rest[n] = 0;
    char *hostpart = rest;
    char *at = strrchr(rest, '@');
    if (at) {
        *at = 0;
        hostpart = at + 1;
        char *colon = strchr(rest, ':');
        if (colon) {
            *colon = 0;
            if (strlen(colon + 1) >= sizeof u->pass)
                return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL: password too long");
            memcpy(u->pass, colon + 1, strlen(colon + 1) + 1);
        }
        if (strlen(rest) >= sizeof u->user)
            return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL: user name too long");
        memcpy(u->user, rest, strlen(rest) + 1);
    }
    char *slash = strchr(hostpart, '/');
    if (slash) {
        *slash = 0;
        char *end;
        long db = strtol(slash + 1, &end, 10);
        if (slash[1] && (*end || db < 0 || db > 1000000))
            return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL: database '%s' is not a number", slash + 1);
        u->db = (int)db;
    }
    char *colon = strrchr(hostpart, ':');
    if (colon) {
        *colon = 0;
        char *end;
        long port = strtol(colon + 1, &end, 10);
        if (*end || port < 1 || port > 65535)
            return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL: port '%s' is not in 1..65535", colon + 1);
        u->port = (int)port;
    }
    if (!hostpart[0]) return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL '%s': no host", url);
    if (strlen(hostpart) >= sizeof u->host) return f5_errf(err, F5_ERR_INVALID_ARG, "redis URL: host name too long");
    memcpy(u->host, hostpart, strlen(hostpart) + 1);
    return F5_OK;
}

static struct timeval tv_of(double s) {
    struct timeval tv = {.tv_sec = (time_t)s, .tv_usec = (suseconds_t)((s - (double)(time_t)s) * 1e6)};
    return tv;
}

/* Connect, AUTH, SELECT; on failure r->last_error says why. Call with mu held. */
static bool try_connect(f5_redis *r) {
    redisContext *c = redisConnectWithTimeout(r->u.host, r->u.port, tv_of(r->timeout_s));
    if (!c || c->err) {
        snprintf(r->last_error, sizeof r->last_error, "%s", c ? c->errstr : "out of memory");
        if (c) redisFree(c);
        return false;
    }
    redisSetTimeout(c, tv_of(r->timeout_s));
    redisReply *rep = NULL;
    if (r->u.pass[0]) {
        rep = r->u.user[0] ? redisCommand(c, "AUTH %s %s", r->u.user, r->u.pass) : redisCommand(c, "AUTH %s", r->u.pass);
        if (!rep || rep->type == REDIS_REPLY_ERROR) goto bad;
        freeReplyObject(rep);
    }
    if (r->u.db) {
        rep = redisCommand(c, "SELECT %d", r->u.db);
        if (!rep || rep->type == REDIS_REPLY_ERROR) goto bad;
        freeReplyObject(rep);
    }
    r->c = c;
    r->backoff_s = 0;
    return true;
bad:
    snprintf(r->last_error, sizeof r->last_error, "%s", rep ? rep->str : c->errstr);
    if (rep) freeReplyObject(rep);
    redisFree(c);
    return false;
}

static void mark_down(f5_redis *r) {
    if (r->c) {
        snprintf(r->last_error, sizeof r->last_error, "%s", r->c->errstr[0] ? r->c->errstr : "connection lost");
        redisFree(r->c);
        r->c = NULL;
    }
    r->backoff_s = r->backoff_s <= 0 ? BACKOFF_MIN_S : r->backoff_s * 2;
    if (r->backoff_s > BACKOFF_MAX_S) r->backoff_s = BACKOFF_MAX_S;
    double jitter = (double)(rand_r(&r->jitter_state) % 1000) / 1000.0; /* 0..1 */
    r->next_try = f5_now_s() + r->backoff_s * (0.5 + 0.5 * jitter);
    atomic_fetch_add(&r->errors, 1);
}

f5_status f5_redis_open(const f5_redis_url *u, double command_timeout_s, f5_redis **out, f5_error *err) {
    *out = NULL;
    f5_redis *r = calloc(1, sizeof *r);
    if (!r) return f5_errf(err, F5_ERR_NOMEM, "redis: out of memory");
    r->u = *u;
    r->timeout_s = command_timeout_s > 0 ? command_timeout_s : 2.0;
    r->jitter_state = (unsigned)(f5_now_s() * 1e6);
    snprintf(r->where, sizeof r->where, "%s:%d", u->host, u->port);
    pthread_mutex_init(&r->mu, NULL);
    if (!try_connect(r)) {
        f5_status st = f5_errf(err, F5_ERR_IO, "redis at %s: cannot connect: %s", r->where, r->last_error);
        f5_redis_close(r);
        return st;
    }
    *out = r;
    return F5_OK;
}

void f5_redis_close(f5_redis *r) {
    if (!r) return;
    if (r->c) redisFree(r->c);
    pthread_mutex_destroy(&r->mu);
    free(r);
}

/* Make sure r->c is usable or fail fast. Call with mu held. */
static f5_status ensure(f5_redis *r, f5_error *err) {
    if (r->c) return F5_OK;
    double now = f5_now_s();
    if (now < r->next_try)
        return f5_errf(err, F5_ERR_IO, "redis at %s is unreachable (%s); next attempt in %.1f s", r->where,
                       r->last_error, r->next_try - now);
    if (!try_connect(r)) {
        mark_down(r);
        return f5_errf(err, F5_ERR_IO, "redis at %s is unreachable: %s", r->where, r->last_error);
    }
    atomic_fetch_add(&r->reconnects, 1);
    return F5_OK;
}

f5_status f5_redis_argv(f5_redis *r, int argc, const char **argv, const size_t *argvlen, redisReply **reply,
                        f5_error *err) {
    *reply = NULL;
    pthread_mutex_lock(&r->mu);
    f5_status st;
    redisReply *rep = NULL;
    for (int attempt = 0; attempt < 2; attempt++) {
        bool was_up = r->c != NULL;
        if ((st = ensure(r, err))) goto out;
        rep = redisCommandArgv(r->c, argc, argv, argvlen);
        if (rep) break;
        mark_down(r);
        if (!was_up || attempt == 1) {
            st = f5_errf(err, F5_ERR_IO, "redis at %s: %s failed: %s", r->where, argv[0], r->last_error);
            goto out;
        }
        r->next_try = 0; /* a stale connection (server restarted): retry once right away */
    }
    if (rep->type == REDIS_REPLY_ERROR) {
        st = f5_errf(err, F5_ERR_IO, "redis at %s: %s: %s", r->where, argv[0], rep->str);
        atomic_fetch_add(&r->errors, 1);
        freeReplyObject(rep);
        goto out;
    }
    *reply = rep;
    st = F5_OK;
out:
    pthread_mutex_unlock(&r->mu);
    return st;
}

f5_status f5_redis_cmd(f5_redis *r, redisReply **reply, f5_error *err, const char *fmt, ...) {
    *reply = NULL;
    /* format with hiredis into a RESP command, then parse it back into argv */
    va_list ap;
    va_start(ap, fmt);
    char *cmd = NULL;
    int len = redisvFormatCommand(&cmd, fmt, ap);
    va_end(ap);
    if (len < 0 || !cmd) return f5_errf(err, F5_ERR_NOMEM, "redis: cannot format command '%s'", fmt);
    /* RESP: *N\r\n then N times $len\r\nbytes\r\n */
    int argc = atoi(cmd + 1);
    const char **argv = calloc((size_t)(argc > 0 ? argc : 1), sizeof *argv);
    size_t *lens = calloc((size_t)(argc > 0 ? argc : 1), sizeof *lens);
    f5_status st;
    if (!argv || !lens) {
        st = f5_errf(err, F5_ERR_NOMEM, "redis: out of memory");
        goto out;
    }
    char *p = strchr(cmd, '\n') + 1;
    for (int i = 0; i < argc; i++) {
        lens[i] = (size_t)strtoull(p + 1, &p, 10);
        p += 2;
        argv[i] = p;
        p += lens[i] + 2;
    }
    st = f5_redis_argv(r, argc, argv, lens, reply, err);
out:
    free(argv);
    free(lens);
    free(cmd);
    return st;
}

bool f5_redis_down(f5_redis *r, double *retry_after_s) {
    pthread_mutex_lock(&r->mu);
    bool down = r->c == NULL;
    double wait = down ? r->next_try - f5_now_s() : 0;
    pthread_mutex_unlock(&r->mu);
    if (retry_after_s) *retry_after_s = down ? (wait < 1 ? 1 : wait) : 0;
    return down;
}

void f5_redis_counters(f5_redis *r, long long *errors, long long *reconnects) {
    if (errors) *errors = atomic_load(&r->errors);
    if (reconnects) *reconnects = atomic_load(&r->reconnects);
}

const char *f5_redis_where(const f5_redis *r) {
    return r->where;
}
