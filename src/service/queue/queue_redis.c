/* queue_redis.c - the Redis Streams job queue (redis://[user:pass@]host:port
 * [/db][?prefix=P&visibility=S&max_attempts=N&ttl=S]) for many API and worker
 * nodes sharing one Redis.
 *
 * Layout (P = prefix, default "f5"): every job is a hash P:job:<id> holding
 * the whole record (state, params, texts, timings, result, error) with a TTL;
 * async jobs also get an entry in the stream P:jobs read by the consumer
 * group "workers". A worker claims with XREADGROUP, and the entry stays
 * pending (unacknowledged) while the job runs; progress updates re-claim it
 * (heartbeat). When a worker dies, its entry idles past the visibility
 * timeout and XAUTOCLAIM hands it to another worker, up to max_attempts
 * claims; then the job fails with error_code retry_limit and a record goes
 * to the dead-letter stream P:dead. Completion acknowledges and deletes the
 * entry; the first terminal state wins, so a job finished twice keeps one
 * result. Every transition is one Lua script (queue_redis_lua.h), so nodes
 * never see half a transition, and PUBLISHes {id,state,progress} on
 * P:events. Any API node answers GET /jobs/{id} and SSE from the hash.
 *
 * Sync jobs stream to one client connection, so only the process that
 * accepted one can run it: they get a hash but no stream entry, and the
 * process keeps their ids in a local FIFO that its own workers claim first.
 * Finished jobs are also in the sorted set P:finished (score finished_at),
 * which f5_queue_expire walks to delete their blobs.
 */
#include "service/queue/queue_impl.h"
#include "service/queue/queue_redis_lua.h"
#include "service/redis/redis.h"

#include "core/clock.h"
#include "core/error.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GROUP "workers"
#define SYNC_MAX 1024

typedef struct rq_queue {
    f5_queue base;
    f5_redis *r;
    char prefix[64];
    char k_stream[80], k_dead[80], k_finished[80], k_events[80];
    char consumer[96];
    double visibility_s;
    int max_attempts;
    long long ttl_s;
    pthread_mutex_t mu; /* guards the local sync FIFO and last_reclaim */
    char sync_ids[SYNC_MAX][F5_JOB_ID_LEN + 1];
    int sync_head, sync_n;
    double last_reclaim;
} rq_queue;

static void hash_key(const rq_queue *q, const char *id, char *out, size_t n) {
    snprintf(out, n, "%s:job:%s", q->prefix, id);
}

/* ---- URL options */

static f5_status parse_query(rq_queue *q, const char *query, f5_error *err) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", query);
    char *save = NULL;
    for (char *kv = strtok_r(buf, "&", &save); kv; kv = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq) return f5_errf(err, F5_ERR_INVALID_ARG, "queue: redis URL option '%s': expected name=value", kv);
        *eq = 0;
        const char *v = eq + 1;
        char *end;
        double d = strtod(v, &end);
        bool num = *v && !*end;
        if (!strcmp(kv, "prefix")) {
            if (!*v || strlen(v) >= sizeof q->prefix || strpbrk(v, " \t\r\n"))
                return f5_errf(err, F5_ERR_INVALID_ARG, "queue: redis URL prefix '%s': expected 1..63 characters, no spaces", v);
            snprintf(q->prefix, sizeof q->prefix, "%s", v);
        } else if (!strcmp(kv, "visibility")) {
            if (!num || d < 0.5 || d > 86400)
                return f5_errf(err, F5_ERR_INVALID_ARG, "queue: redis URL visibility '%s': expected seconds in 0.5..86400", v);
            q->visibility_s = d;
        } else if (!strcmp(kv, "max_attempts")) {
            if (!num || d < 1 || d > 100 || d != (int)d)
                return f5_errf(err, F5_ERR_INVALID_ARG, "queue: redis URL max_attempts '%s': expected an integer in 1..100", v);
            q->max_attempts = (int)d;
        } else if (!strcmp(kv, "ttl")) {
            if (!num || d < 1 || d > 365 * 86400.0 || d != (long long)d)
                return f5_errf(err, F5_ERR_INVALID_ARG, "queue: redis URL ttl '%s': expected whole seconds in 1..31536000", v);
            q->ttl_s = (long long)d;
        } else {
            return f5_errf(err, F5_ERR_INVALID_ARG,
                           "queue: redis URL option '%s' is unknown (expected prefix, visibility, max_attempts, ttl)", kv);
        }
    }
    return F5_OK;
}

/* ---- record <-> hash */

typedef struct argv_buf {
    const char *v[96];
    size_t len[96];
    char num[32][40];
    int n, n_num;
} argv_buf;

static void av_s(argv_buf *a, const char *s) {
    a->v[a->n] = s;
    a->len[a->n++] = strlen(s);
}
static void av_d(argv_buf *a, double d) {
    snprintf(a->num[a->n_num], sizeof a->num[0], "%.17g", d);
    av_s(a, a->num[a->n_num++]);
}
static void av_ll(argv_buf *a, long long x) {
    snprintf(a->num[a->n_num], sizeof a->num[0], "%lld", x);
    av_s(a, a->num[a->n_num++]);
}
static void av_u64(argv_buf *a, unsigned long long x) {
    snprintf(a->num[a->n_num], sizeof a->num[0], "%llu", x);
    av_s(a, a->num[a->n_num++]);
}

/* The fields a push writes (all but entry, which the script sets). */
static void add_rec_fields(argv_buf *a, const f5_job_rec *r) {
    av_s(a, "id"), av_s(a, r->id);
    av_s(a, "request_id"), av_s(a, r->request_id);
    av_s(a, "sync"), av_ll(a, r->sync);
    av_s(a, "state"), av_s(a, "queued");
    av_s(a, "nfe_step"), av_ll(a, r->params.nfe_step);
    av_s(a, "cfg_strength"), av_d(a, r->params.cfg_strength);
    av_s(a, "speed"), av_d(a, r->params.speed);
    av_s(a, "remove_silence"), av_ll(a, r->params.remove_silence);
    av_s(a, "seed"), av_u64(a, (unsigned long long)r->params.seed);
    av_s(a, "format"), av_ll(a, (long long)r->params.format);
    av_s(a, "text"), av_s(a, r->text ? r->text : "");
    av_s(a, "ref_text"), av_s(a, r->ref_text ? r->ref_text : "");
    av_s(a, "ref_key"), av_s(a, r->ref_key);
    av_s(a, "result_key"), av_s(a, r->result_key);
    av_s(a, "progress"), av_s(a, "0");
    av_s(a, "created_at"), av_d(a, r->created_at);
    av_s(a, "started_at"), av_s(a, "0");
    av_s(a, "finished_at"), av_s(a, "0");
    av_s(a, "audio_seconds"), av_s(a, "0");
    av_s(a, "rtf"), av_s(a, "0");
    av_s(a, "attempts"), av_s(a, "0");
    av_s(a, "error_code"), av_s(a, "");
    av_s(a, "error_message"), av_s(a, "");
    av_s(a, "trace_context"), av_s(a, r->trace_context);
    av_s(a, "owner"), av_s(a, r->owner);
}

static void cpy(char *dst, size_t n, const redisReply *v) {
    size_t k = v->len < n - 1 ? v->len : n - 1;
    memcpy(dst, v->str, k);
    dst[k] = 0;
}

/* Fill r from an HGETALL-style flat array. False on out of memory or when
 * the array has no id (the job is gone). */
static bool rec_from_reply(const redisReply *rep, f5_job_rec *r, f5_error *err, f5_status *st) {
    memset(r, 0, sizeof *r);
    *st = F5_OK;
    for (size_t i = 0; i + 1 < rep->elements; i += 2) {
        const redisReply *k = rep->element[i], *v = rep->element[i + 1];
        if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING) continue;
        const char *f = k->str;
        const char *s = v->str;
        if (!strcmp(f, "id")) cpy(r->id, sizeof r->id, v);
        else if (!strcmp(f, "request_id")) cpy(r->request_id, sizeof r->request_id, v);
        else if (!strcmp(f, "sync")) r->sync = atoi(s) != 0;
        else if (!strcmp(f, "state")) r->state = f5_job_state_parse(s);
        else if (!strcmp(f, "nfe_step")) r->params.nfe_step = atoi(s);
        else if (!strcmp(f, "cfg_strength")) r->params.cfg_strength = strtof(s, NULL);
        else if (!strcmp(f, "speed")) r->params.speed = strtof(s, NULL);
        else if (!strcmp(f, "remove_silence")) r->params.remove_silence = atoi(s) != 0;
        else if (!strcmp(f, "seed")) r->params.seed = strtoull(s, NULL, 10);
        else if (!strcmp(f, "format")) r->params.format = (f5_audio_format)atoi(s);
        else if (!strcmp(f, "text") || !strcmp(f, "ref_text")) {
            char *dup = malloc(v->len + 1);
            if (!dup) goto oom;
            memcpy(dup, s, v->len);
            dup[v->len] = 0;
            if (f[0] == 't') free(r->text), r->text = dup;
            else free(r->ref_text), r->ref_text = dup;
        } else if (!strcmp(f, "ref_key")) cpy(r->ref_key, sizeof r->ref_key, v);
        else if (!strcmp(f, "result_key")) cpy(r->result_key, sizeof r->result_key, v);
        else if (!strcmp(f, "progress")) r->progress = strtod(s, NULL);
        else if (!strcmp(f, "created_at")) r->created_at = strtod(s, NULL);
        else if (!strcmp(f, "started_at")) r->started_at = strtod(s, NULL);
        else if (!strcmp(f, "finished_at")) r->finished_at = strtod(s, NULL);
        else if (!strcmp(f, "audio_seconds")) r->audio_seconds = strtod(s, NULL);
        else if (!strcmp(f, "rtf")) r->rtf = strtod(s, NULL);
        else if (!strcmp(f, "attempts")) r->attempts = atoi(s);
        else if (!strcmp(f, "error_code")) cpy(r->error_code, sizeof r->error_code, v);
        else if (!strcmp(f, "error_message")) cpy(r->error_message, sizeof r->error_message, v);
        else if (!strcmp(f, "trace_context")) cpy(r->trace_context, sizeof r->trace_context, v);
        else if (!strcmp(f, "owner")) cpy(r->owner, sizeof r->owner, v);
    }
    if ((!r->text && !(r->text = calloc(1, 1))) || (!r->ref_text && !(r->ref_text = calloc(1, 1)))) goto oom;
    if (!r->id[0]) {
        f5_job_rec_free(r);
        return false;
    }
    return true;
oom:
    f5_job_rec_free(r);
    *st = f5_errf(err, F5_ERR_NOMEM, "queue: out of memory");
    return false;
}

/* ---- open / close */

static const f5_queue_ops rq_ops;

static f5_status ensure_group(rq_queue *q, f5_error *err) {
    redisReply *rep = NULL;
    f5_error e2 = {0};
    f5_status st = f5_redis_cmd(q->r, &rep, &e2, "XGROUP CREATE %s %s 0 MKSTREAM", q->k_stream, GROUP);
    if (rep) freeReplyObject(rep);
    if (st && !strstr(e2.message, "BUSYGROUP")) {
        if (err) *err = e2;
        return st;
    }
    return F5_OK;
}

f5_status f5_queue_redis_open(const char *url, f5_queue **out, f5_error *err) {
    *out = NULL;
    f5_redis_url u;
    f5_status st = f5_redis_url_parse(url, &u, err);
    if (st) return st;
    rq_queue *q = calloc(1, sizeof *q);
    if (!q) return f5_errf(err, F5_ERR_NOMEM, "queue: out of memory");
    q->base.ops = &rq_ops;
    pthread_mutex_init(&q->mu, NULL);
    snprintf(q->prefix, sizeof q->prefix, "f5");
    q->visibility_s = 30;
    q->max_attempts = 3;
    q->ttl_s = 7 * 86400;
    if ((st = parse_query(q, u.query, err))) goto fail;
    snprintf(q->k_stream, sizeof q->k_stream, "%s:jobs", q->prefix);
    snprintf(q->k_dead, sizeof q->k_dead, "%s:dead", q->prefix);
    snprintf(q->k_finished, sizeof q->k_finished, "%s:finished", q->prefix);
    snprintf(q->k_events, sizeof q->k_events, "%s:events", q->prefix);
    char host[128] = "host";
    gethostname(host, sizeof host - 1);
    unsigned rnd = (unsigned)(f5_now_s() * 1e6) ^ (unsigned)getpid();
    snprintf(q->consumer, sizeof q->consumer, "%.60s-%d-%08x", host, (int)getpid(), rnd);
    if ((st = f5_redis_open(&u, 2.0, &q->r, err))) goto fail;
    if ((st = ensure_group(q, err))) goto fail;
    *out = &q->base;
    return F5_OK;
fail:
    f5_redis_close(q->r);
    pthread_mutex_destroy(&q->mu);
    free(q);
    return st;
}

static void rq_close(f5_queue *qb) {
    rq_queue *q = (rq_queue *)qb;
    f5_redis_close(q->r);
    pthread_mutex_destroy(&q->mu);
    free(q);
}

/* Run one script; *n gets an integer reply, *rep (if wanted) the reply. */
static f5_status eval(rq_queue *q, argv_buf *a, long long *n, redisReply **keep, f5_error *err) {
    redisReply *rep = NULL;
    f5_status st = f5_redis_argv(q->r, a->n, a->v, a->len, &rep, err);
    if (st) return st;
    if (n) *n = rep->type == REDIS_REPLY_INTEGER ? rep->integer : -100;
    if (keep) *keep = rep;
    else freeReplyObject(rep);
    return F5_OK;
}

static void eval_head(argv_buf *a, const char *script, int nkeys) {
    memset(a, 0, sizeof *a);
    av_s(a, "EVAL"), av_s(a, script), av_ll(a, nkeys);
}

/* ---- operations */

static f5_status rq_push(f5_queue *qb, const f5_job_rec *r, int max_queued, f5_queue_result *res, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, r->id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_PUSH, 2);
    av_s(&a, q->k_stream), av_s(&a, hk);
    av_ll(&a, r->sync ? 0 : max_queued), av_s(&a, GROUP), av_s(&a, r->id), av_ll(&a, r->sync), av_ll(&a, q->ttl_s);
    add_rec_fields(&a, r);
    long long n = 0;
    f5_status st = eval(q, &a, &n, NULL, err);
    if (st) return st;
    *res = n == 0 ? F5_Q_FULL : F5_Q_OK;
    if (n == 1) { /* the owner's set, for f5_queue_count_active (a lost SADD only undercounts) */
        char ok[160];
        snprintf(ok, sizeof ok, "%s:owner:%s", q->prefix, r->owner);
        redisReply *rep = NULL;
        if (f5_redis_cmd(q->r, &rep, NULL, "SADD %s %s", ok, r->id) == F5_OK && rep) freeReplyObject(rep);
        rep = NULL;
        if (f5_redis_cmd(q->r, &rep, NULL, "EXPIRE %s %lld", ok, (long long)q->ttl_s) == F5_OK && rep)
            freeReplyObject(rep);
    }
    if (n == 1 && r->sync) {
        pthread_mutex_lock(&q->mu);
        if (q->sync_n < SYNC_MAX) {
            snprintf(q->sync_ids[(q->sync_head + q->sync_n) % SYNC_MAX], F5_JOB_ID_LEN + 1, "%s", r->id);
            q->sync_n++;
        } else {
            *res = F5_Q_FULL;
        }
        pthread_mutex_unlock(&q->mu);
    }
    return F5_OK;
}

/* Try to claim one job (entry "" = a local sync job). *res = F5_Q_OK with r
 * filled when claimed. */
static f5_status claim_one(rq_queue *q, const char *id, const char *entry, bool reclaim, double now, f5_job_rec *r,
                           f5_queue_result *res, f5_error *err) {
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_CLAIM, 4);
    av_s(&a, hk), av_s(&a, q->k_stream), av_s(&a, q->k_dead), av_s(&a, q->k_finished);
    av_s(&a, entry), av_s(&a, GROUP), av_d(&a, now), av_ll(&a, q->max_attempts), av_ll(&a, reclaim);
    av_s(&a, q->consumer), av_s(&a, id), av_s(&a, q->k_events);
    redisReply *rep = NULL;
    f5_status st = eval(q, &a, NULL, &rep, err);
    if (st) return st;
    if (rep->type == REDIS_REPLY_ARRAY && rec_from_reply(rep, r, err, &st)) *res = F5_Q_OK;
    freeReplyObject(rep);
    return st;
}

/* From an XREADGROUP / XAUTOCLAIM entry list, the first entry's id and job id. */
static bool entry_of(const redisReply *list, char *entry, size_t en, char *id, size_t idn) {
    if (!list || list->type != REDIS_REPLY_ARRAY || list->elements < 1) return false;
    const redisReply *e = list->element[0];
    if (e->type != REDIS_REPLY_ARRAY || e->elements < 2 || e->element[0]->type != REDIS_REPLY_STRING) return false;
    cpy(entry, en, e->element[0]);
    const redisReply *f = e->element[1];
    id[0] = 0;
    if (f->type == REDIS_REPLY_ARRAY)
        for (size_t i = 0; i + 1 < f->elements; i += 2)
            if (f->element[i]->type == REDIS_REPLY_STRING && !strcmp(f->element[i]->str, "id") &&
                f->element[i + 1]->type == REDIS_REPLY_STRING)
                cpy(id, idn, f->element[i + 1]);
    return true;
}

static f5_status rq_claim(f5_queue *qb, double now, f5_job_rec *r, f5_queue_result *res, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    f5_status st;
    *res = F5_Q_NOT_FOUND;
    /* 1. this process's sync jobs */
    for (;;) {
        char id[F5_JOB_ID_LEN + 1];
        pthread_mutex_lock(&q->mu);
        bool have = q->sync_n > 0;
        if (have) {
            memcpy(id, q->sync_ids[q->sync_head], sizeof id);
            q->sync_head = (q->sync_head + 1) % SYNC_MAX;
            q->sync_n--;
        }
        pthread_mutex_unlock(&q->mu);
        if (!have) break;
        if ((st = claim_one(q, id, "", false, now, r, res, err)) || *res == F5_Q_OK) return st;
    }
    /* 2. entries whose worker stopped (idle past the visibility timeout) */
    pthread_mutex_lock(&q->mu);
    double mono = f5_now_s();
    bool scan = mono - q->last_reclaim >= q->visibility_s / 4;
    if (scan) q->last_reclaim = mono;
    pthread_mutex_unlock(&q->mu);
    char entry[64], id[F5_JOB_ID_LEN + 8];
    redisReply *rep = NULL;
    for (int guard = 0; scan && guard < 16; guard++) {
        if ((st = f5_redis_cmd(q->r, &rep, err, "XAUTOCLAIM %s %s %s %lld 0-0 COUNT 1", q->k_stream, GROUP, q->consumer,
                               (long long)(q->visibility_s * 1000))))
            return st;
        bool got = rep->type == REDIS_REPLY_ARRAY && rep->elements >= 2 &&
                   entry_of(rep->element[1], entry, sizeof entry, id, sizeof id);
        freeReplyObject(rep);
        if (!got) break;
        if ((st = claim_one(q, id, entry, true, now, r, res, err)) || *res == F5_Q_OK) return st;
    }
    /* 3. new entries */
    for (int guard = 0; guard < 16; guard++) {
        f5_error e2 = {0};
        st = f5_redis_cmd(q->r, &rep, &e2, "XREADGROUP GROUP %s %s COUNT 1 STREAMS %s >", GROUP, q->consumer,
                          q->k_stream);
        if (st && strstr(e2.message, "NOGROUP")) { /* Redis lost its data: start over */
            if ((st = ensure_group(q, err))) return st;
            continue;
        }
        if (st) {
            if (err) *err = e2;
            return st;
        }
        bool got = rep->type == REDIS_REPLY_ARRAY && rep->elements >= 1 && rep->element[0]->type == REDIS_REPLY_ARRAY &&
                   rep->element[0]->elements >= 2 && entry_of(rep->element[0]->element[1], entry, sizeof entry, id, sizeof id);
        freeReplyObject(rep);
        if (!got) break;
        if ((st = claim_one(q, id, entry, false, now, r, res, err)) || *res == F5_Q_OK) return st;
    }
    return F5_OK;
}

static f5_status rq_get(f5_queue *qb, const char *id, f5_job_rec *r, f5_queue_result *res, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    *res = F5_Q_NOT_FOUND;
    redisReply *rep = NULL;
    f5_status st = f5_redis_cmd(q->r, &rep, err, "HGETALL %s", hk);
    if (st) return st;
    if (rep->type == REDIS_REPLY_ARRAY && rec_from_reply(rep, r, err, &st)) *res = F5_Q_OK;
    freeReplyObject(rep);
    return st;
}

static f5_status rq_set_progress(f5_queue *qb, const char *id, double progress, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_PROGRESS, 2);
    av_s(&a, hk), av_s(&a, q->k_stream);
    av_d(&a, progress), av_s(&a, id), av_s(&a, q->k_events), av_s(&a, GROUP), av_s(&a, q->consumer);
    return eval(q, &a, NULL, NULL, err);
}

static f5_status rq_finish(f5_queue *qb, const f5_job_rec *r, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, r->id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_FINISH, 3);
    av_s(&a, hk), av_s(&a, q->k_stream), av_s(&a, q->k_finished);
    const char *state = f5_job_state_name(r->state);
    av_s(&a, GROUP), av_d(&a, r->finished_at), av_ll(&a, q->ttl_s), av_s(&a, r->id), av_s(&a, q->k_events),
        av_s(&a, state);
    av_s(&a, "state"), av_s(&a, state);
    av_s(&a, "progress"), av_d(&a, r->progress);
    av_s(&a, "finished_at"), av_d(&a, r->finished_at);
    av_s(&a, "audio_seconds"), av_d(&a, r->audio_seconds);
    av_s(&a, "rtf"), av_d(&a, r->rtf);
    av_s(&a, "result_key"), av_s(&a, r->result_key);
    av_s(&a, "ref_key"), av_s(&a, r->ref_key);
    av_s(&a, "error_code"), av_s(&a, r->error_code);
    av_s(&a, "error_message"), av_s(&a, r->error_message);
    return eval(q, &a, NULL, NULL, err);
}

static f5_status rq_cancel_queued(f5_queue *qb, const char *id, double now, f5_queue_result *res, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_CANCEL, 3);
    av_s(&a, hk), av_s(&a, q->k_stream), av_s(&a, q->k_finished);
    av_s(&a, GROUP), av_d(&a, now), av_s(&a, id), av_s(&a, q->k_events), av_ll(&a, q->ttl_s);
    long long n = 0;
    f5_status st = eval(q, &a, &n, NULL, err);
    *res = n == 1 ? F5_Q_OK : n == 0 ? F5_Q_CONFLICT : F5_Q_NOT_FOUND;
    return st;
}

static f5_status rq_requeue(f5_queue *qb, const char *id, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_REQUEUE, 2);
    av_s(&a, hk), av_s(&a, q->k_stream);
    av_s(&a, GROUP), av_s(&a, id), av_s(&a, q->k_events);
    return eval(q, &a, NULL, NULL, err);
}

static f5_status rq_clear_ref(f5_queue *qb, const char *id, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_CLEAR_REF, 1);
    av_s(&a, hk), av_s(&a, "");
    return eval(q, &a, NULL, NULL, err);
}

static f5_status rq_clear_blobs(f5_queue *qb, const char *id, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char hk[128];
    hash_key(q, id, hk, sizeof hk);
    argv_buf a;
    eval_head(&a, LUA_CLEAR_BLOBS, 1);
    av_s(&a, hk);
    return eval(q, &a, NULL, NULL, err);
}

/* Nothing to do at start: another node's running jobs are not ours to
 * requeue; a stopped worker's jobs come back through XAUTOCLAIM. */
static f5_status rq_recover(f5_queue *qb, double now, int *requeued, int *failed,
                            void (*on_failed)(void *user, const f5_job_rec *r), void *user, f5_error *err) {
    (void)qb, (void)now, (void)on_failed, (void)user, (void)err;
    *requeued = *failed = 0;
    return F5_OK;
}

static f5_status rq_expire(f5_queue *qb, double before, void (*on_job)(void *user, const f5_job_rec *r), void *user,
                           int *n_deleted, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    *n_deleted = 0;
    redisReply *rep = NULL;
    f5_status st = f5_redis_cmd(q->r, &rep, err, "ZRANGEBYSCORE %s -inf %.17g LIMIT 0 200", q->k_finished, before);
    if (st) return st;
    for (size_t i = 0; rep->type == REDIS_REPLY_ARRAY && i < rep->elements; i++) {
        const redisReply *e = rep->element[i];
        if (e->type != REDIS_REPLY_STRING || e->len > F5_JOB_ID_LEN) continue;
        char id[F5_JOB_ID_LEN + 1];
        cpy(id, sizeof id, e);
        f5_job_rec r;
        f5_queue_result res = F5_Q_NOT_FOUND;
        if ((st = rq_get(qb, id, &r, &res, err))) break;
        if (res == F5_Q_OK) {
            if (on_job) on_job(user, &r);
            f5_job_rec_free(&r);
        }
        char hk[128];
        hash_key(q, id, hk, sizeof hk);
        redisReply *x = NULL;
        if ((st = f5_redis_cmd(q->r, &x, err, "DEL %s", hk))) break;
        freeReplyObject(x);
        if ((st = f5_redis_cmd(q->r, &x, err, "ZREM %s %s", q->k_finished, id))) break;
        freeReplyObject(x);
        ++*n_deleted;
    }
    freeReplyObject(rep);
    return st;
}

static f5_status pending_count(rq_queue *q, long long *pending, long long *len, f5_error *err) {
    redisReply *rep = NULL;
    f5_status st = f5_redis_cmd(q->r, &rep, err, "XLEN %s", q->k_stream);
    if (st) return st;
    *len = rep->type == REDIS_REPLY_INTEGER ? rep->integer : 0;
    freeReplyObject(rep);
    f5_error e2 = {0};
    st = f5_redis_cmd(q->r, &rep, &e2, "XPENDING %s %s", q->k_stream, GROUP);
    *pending = 0;
    if (st) return strstr(e2.message, "NOGROUP") ? F5_OK : (err ? (*err = e2, st) : st);
    if (rep->type == REDIS_REPLY_ARRAY && rep->elements >= 1 && rep->element[0]->type == REDIS_REPLY_INTEGER)
        *pending = rep->element[0]->integer;
    freeReplyObject(rep);
    return F5_OK;
}

/* queued = stream entries not yet delivered; running = delivered, not yet
 * acknowledged (async jobs only: a node's sync jobs are its own). */
static f5_status rq_count(f5_queue *qb, f5_job_state state, long long *n, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    *n = 0;
    long long pending = 0, len = 0;
    if (state != F5_JOB_QUEUED && state != F5_JOB_RUNNING)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "queue: redis counts queued and running jobs only, not %s",
                       f5_job_state_name(state));
    f5_status st = pending_count(q, &pending, &len, err);
    *n = state == F5_JOB_QUEUED ? (len - pending > 0 ? len - pending : 0) : pending;
    return st;
}

static f5_status rq_count_active(f5_queue *qb, const char *owner, long long *n, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    char ok[160], hp[96];
    snprintf(ok, sizeof ok, "%s:owner:%s", q->prefix, owner);
    snprintf(hp, sizeof hp, "%s:job:", q->prefix);
    argv_buf a;
    eval_head(&a, LUA_COUNT_ACTIVE, 1);
    av_s(&a, ok), av_s(&a, hp);
    *n = 0;
    f5_status st = eval(q, &a, n, NULL, err);
    if (*n < 0) *n = 0;
    return st;
}

static bool rq_down(f5_queue *qb, double *retry_after_s) {
    return f5_redis_down(((rq_queue *)qb)->r, retry_after_s);
}

static f5_status rq_stats(f5_queue *qb, f5_queue_stats *s, f5_error *err) {
    rq_queue *q = (rq_queue *)qb;
    f5_redis_counters(q->r, &s->errors, &s->reconnects);
    long long pending = 0, len = 0;
    f5_status st = pending_count(q, &pending, &len, err);
    if (st) return st;
    s->pending = pending;
    s->depth = len - pending > 0 ? len - pending : 0;
    redisReply *rep = NULL;
    if ((st = f5_redis_cmd(q->r, &rep, err, "XLEN %s", q->k_dead))) return st;
    s->dead = rep->type == REDIS_REPLY_INTEGER ? rep->integer : 0;
    freeReplyObject(rep);
    return F5_OK;
}

static const f5_queue_ops rq_ops = {
    .close = rq_close, .push = rq_push, .claim = rq_claim, .get = rq_get, .set_progress = rq_set_progress,
    .finish = rq_finish, .cancel_queued = rq_cancel_queued, .requeue = rq_requeue, .clear_ref = rq_clear_ref,
    .recover = rq_recover, .expire = rq_expire, .count = rq_count, .down = rq_down, .stats = rq_stats,
    .count_active = rq_count_active, .clear_blobs = rq_clear_blobs,
};
