/* queue_sqlite.c - the job queue on SQLite (sqlite:PATH) in WAL mode. One
 * connection per process guarded by a mutex; every multi-statement change
 * runs in a BEGIN IMMEDIATE transaction so that two processes sharing the
 * file (api + worker roles) never claim the same job twice.
 */
#include "service/queue/queue_impl.h"

#include "core/error.h"
#include "core/fsutil.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct sq_queue {
    f5_queue base;
    sqlite3 *db;
    pthread_mutex_t mu;
} sq_queue;

static const char *SCHEMA =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS jobs ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT UNIQUE NOT NULL, request_id TEXT, sync INTEGER NOT NULL, state TEXT NOT NULL,"
    " nfe_step INTEGER, cfg_strength REAL, speed REAL, remove_silence INTEGER, seed TEXT, format TEXT,"
    " text TEXT NOT NULL, ref_text TEXT, ref_key TEXT, result_key TEXT, progress REAL DEFAULT 0,"
    " created_at REAL, started_at REAL DEFAULT 0, finished_at REAL DEFAULT 0,"
    " audio_seconds REAL DEFAULT 0, rtf REAL DEFAULT 0, attempts INTEGER DEFAULT 0,"
    " error_code TEXT DEFAULT '', error_message TEXT DEFAULT '', owner TEXT DEFAULT '',"
    " trace_context TEXT DEFAULT '');"
    "CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state, seq);";

#define COLS                                                                                                   \
    "id, request_id, sync, state, nfe_step, cfg_strength, speed, remove_silence, seed, format, text, ref_text, " \
    "ref_key, result_key, progress, created_at, started_at, finished_at, audio_seconds, rtf, attempts, "         \
    "error_code, error_message, owner, trace_context"

static f5_status db_err(sq_queue *q, f5_error *err, const char *what) {
    return f5_errf(err, F5_ERR_IO, "queue: %s: %s", what, sqlite3_errmsg(q->db));
}

static char *dup_col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

static void copy_col(sqlite3_stmt *st, int i, char *dst, size_t n) {
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(dst, n, "%s", t ? (const char *)t : "");
}

/* Fill r from a row selected with COLS. Returns false on out-of-memory. */
static bool row_to_rec(sqlite3_stmt *st, f5_job_rec *r) {
    memset(r, 0, sizeof *r);
    copy_col(st, 0, r->id, sizeof r->id);
    copy_col(st, 1, r->request_id, sizeof r->request_id);
    r->sync = sqlite3_column_int(st, 2) != 0;
    r->state = f5_job_state_parse((const char *)sqlite3_column_text(st, 3));
    r->params.nfe_step = sqlite3_column_int(st, 4);
    r->params.cfg_strength = (float)sqlite3_column_double(st, 5);
    r->params.speed = (float)sqlite3_column_double(st, 6);
    r->params.remove_silence = sqlite3_column_int(st, 7) != 0;
    const unsigned char *seed = sqlite3_column_text(st, 8);
    r->params.seed = seed ? strtoull((const char *)seed, NULL, 10) : 0;
    const unsigned char *fmt = sqlite3_column_text(st, 9);
    if (!fmt || !f5_audio_format_parse((const char *)fmt, &r->params.format)) r->params.format = F5_FMT_WAV;
    r->text = dup_col(st, 10);
    r->ref_text = dup_col(st, 11);
    copy_col(st, 12, r->ref_key, sizeof r->ref_key);
    copy_col(st, 13, r->result_key, sizeof r->result_key);
    r->progress = sqlite3_column_double(st, 14);
    r->created_at = sqlite3_column_double(st, 15);
    r->started_at = sqlite3_column_double(st, 16);
    r->finished_at = sqlite3_column_double(st, 17);
    r->audio_seconds = sqlite3_column_double(st, 18);
    r->rtf = sqlite3_column_double(st, 19);
    r->attempts = sqlite3_column_int(st, 20);
    copy_col(st, 21, r->error_code, sizeof r->error_code);
    copy_col(st, 22, r->error_message, sizeof r->error_message);
    copy_col(st, 23, r->owner, sizeof r->owner);
    copy_col(st, 24, r->trace_context, sizeof r->trace_context);
    if (!r->text || !r->ref_text) {
        f5_job_rec_free(r);
        return false;
    }
    return true;
}

static const f5_queue_ops sq_ops;

static bool has_column(sqlite3 *db, const char *col) {
    sqlite3_stmt *s = NULL;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('jobs')", -1, &s, NULL) != SQLITE_OK) return false;
    while (!found && sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *n = sqlite3_column_text(s, 0);
        found = n && !strcmp((const char *)n, col);
    }
    sqlite3_finalize(s);
    return found;
}

/* Columns added after the first schema: a database made by an older build
 * gets them here (ALTER TABLE ADD COLUMN keeps its rows; old jobs read ""
 * for owner, i.e. created without auth). Another process may add the
 * column at the same moment, so a failed ALTER is fine once it exists. */
static f5_status migrate(sq_queue *q, const char *path, f5_error *err) {
    static const char *const added[][2] = {{"owner", "ALTER TABLE jobs ADD COLUMN owner TEXT DEFAULT ''"},
                                           {"trace_context", "ALTER TABLE jobs ADD COLUMN trace_context TEXT DEFAULT ''"}};
    for (size_t i = 0; i < sizeof added / sizeof added[0]; i++) {
        if (has_column(q->db, added[i][0])) continue;
        char *msg = NULL;
        if (sqlite3_exec(q->db, added[i][1], NULL, NULL, &msg) != SQLITE_OK && !has_column(q->db, added[i][0])) {
            f5_status st = f5_errf(err, F5_ERR_IO, "queue: migrating %s (adding column %s): %s", path, added[i][0],
                                   msg ? msg : "?");
            sqlite3_free(msg);
            return st;
        }
        sqlite3_free(msg);
    }
    if (sqlite3_exec(q->db, "CREATE INDEX IF NOT EXISTS jobs_owner ON jobs(owner, state)", NULL, NULL, NULL) != SQLITE_OK)
        return f5_errf(err, F5_ERR_IO, "queue: index in %s: %s", path, sqlite3_errmsg(q->db));
    return F5_OK;
}

f5_status f5_queue_sqlite_open(const char *url, f5_queue **out, f5_error *err) {
    *out = NULL;
    if (strncmp(url, "sqlite:", 7) != 0 || !url[7])
        return f5_errf(err, F5_ERR_UNSUPPORTED, "queue: '%s': expected sqlite:PATH", url);
    sq_queue *q = calloc(1, sizeof *q);
    if (!q) return f5_errf(err, F5_ERR_NOMEM, "queue: out of memory");
    q->base.ops = &sq_ops;
    pthread_mutex_init(&q->mu, NULL);
    f5_status st;
    if ((st = f5_mkdirs_parent(url + 7, 0755, err))) {
        f5_err_prefix(err, st, "queue");
        goto fail;
    }
    if (sqlite3_open_v2(url + 7, &q->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) !=
        SQLITE_OK) {
        st = f5_errf(err, F5_ERR_IO, "queue: open %s: %s", url + 7, q->db ? sqlite3_errmsg(q->db) : "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(q->db, 10000);
    char *msg = NULL;
    if (sqlite3_exec(q->db, SCHEMA, NULL, NULL, &msg) != SQLITE_OK) {
        st = f5_errf(err, F5_ERR_IO, "queue: schema in %s: %s", url + 7, msg ? msg : "?");
        sqlite3_free(msg);
        goto fail;
    }
    if ((st = migrate(q, url + 7, err))) goto fail;
    *out = &q->base;
    return F5_OK;
fail:
    sqlite3_close(q->db);
    pthread_mutex_destroy(&q->mu);
    free(q);
    return st;
}

static void sq_close(f5_queue *qb) {
    sq_queue *q = (sq_queue *)qb;
    if (!q) return;
    sqlite3_close(q->db);
    pthread_mutex_destroy(&q->mu);
    free(q);
}

static bool exec(sq_queue *q, const char *sql) {
    return sqlite3_exec(q->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static f5_status sq_push(f5_queue *qb, const f5_job_rec *r, int max_queued, f5_queue_result *res, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    sqlite3_stmt *s = NULL;
    *res = F5_Q_OK;
    pthread_mutex_lock(&q->mu);
    if (!exec(q, "BEGIN IMMEDIATE")) {
        st = db_err(q, err, "begin");
        goto out;
    }
    if (sqlite3_prepare_v2(q->db, "SELECT count(*) FROM jobs WHERE state='queued'", -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        st = db_err(q, err, "count");
        goto rollback;
    }
    long long n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    s = NULL;
    if (n >= max_queued) {
        *res = F5_Q_FULL;
        goto rollback;
    }
    if (sqlite3_prepare_v2(q->db,
                           "INSERT INTO jobs (id, request_id, sync, state, nfe_step, cfg_strength, speed, "
                           "remove_silence, seed, format, text, ref_text, ref_key, result_key, created_at, owner, "
                           "trace_context) VALUES (?,?,?,'queued',?,?,?,?,?,?,?,?,?,'',?,?,?)",
                           -1, &s, NULL) != SQLITE_OK) {
        st = db_err(q, err, "prepare insert");
        goto rollback;
    }
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->params.seed);
    sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, r->request_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, r->sync);
    sqlite3_bind_int(s, 4, r->params.nfe_step);
    sqlite3_bind_double(s, 5, r->params.cfg_strength);
    sqlite3_bind_double(s, 6, r->params.speed);
    sqlite3_bind_int(s, 7, r->params.remove_silence);
    sqlite3_bind_text(s, 8, seed, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 9, f5_audio_format_name(r->params.format), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 10, r->text ? r->text : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 11, r->ref_text ? r->ref_text : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 12, r->ref_key, -1, SQLITE_STATIC);
    sqlite3_bind_double(s, 13, r->created_at);
    sqlite3_bind_text(s, 14, r->owner, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 15, r->trace_context, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) {
        st = db_err(q, err, "insert");
        goto rollback;
    }
    if (!exec(q, "COMMIT")) {
        st = db_err(q, err, "commit");
        goto rollback;
    }
    goto out;
rollback:
    exec(q, "ROLLBACK");
out:
    sqlite3_finalize(s);
    pthread_mutex_unlock(&q->mu);
    return st;
}

static f5_status sq_claim(f5_queue *qb, double now, f5_job_rec *r, f5_queue_result *res, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    sqlite3_stmt *s = NULL;
    *res = F5_Q_NOT_FOUND;
    pthread_mutex_lock(&q->mu);
    if (!exec(q, "BEGIN IMMEDIATE")) {
        st = db_err(q, err, "begin");
        goto out;
    }
    if (sqlite3_prepare_v2(q->db, "SELECT " COLS " FROM jobs WHERE state='queued' ORDER BY seq LIMIT 1", -1, &s,
                           NULL) != SQLITE_OK) {
        st = db_err(q, err, "prepare claim");
        goto rollback;
    }
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) goto rollback;
    if (rc != SQLITE_ROW) {
        st = db_err(q, err, "claim");
        goto rollback;
    }
    if (!row_to_rec(s, r)) {
        st = f5_errf(err, F5_ERR_NOMEM, "queue: out of memory");
        goto rollback;
    }
    sqlite3_finalize(s);
    s = NULL;
    r->state = F5_JOB_RUNNING;
    r->started_at = now;
    r->attempts++;
    if (sqlite3_prepare_v2(q->db, "UPDATE jobs SET state='running', started_at=?, attempts=attempts+1 WHERE id=?", -1,
                           &s, NULL) != SQLITE_OK) {
        st = db_err(q, err, "prepare update");
        goto rollback_rec;
    }
    sqlite3_bind_double(s, 1, now);
    sqlite3_bind_text(s, 2, r->id, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE || !exec(q, "COMMIT")) {
        st = db_err(q, err, "claim update");
        goto rollback_rec;
    }
    *res = F5_Q_OK;
    goto out;
rollback_rec:
    f5_job_rec_free(r);
rollback:
    exec(q, "ROLLBACK");
out:
    sqlite3_finalize(s);
    pthread_mutex_unlock(&q->mu);
    return st;
}

static f5_status sq_get(f5_queue *qb, const char *id, f5_job_rec *r, f5_queue_result *res, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    sqlite3_stmt *s = NULL;
    *res = F5_Q_NOT_FOUND;
    pthread_mutex_lock(&q->mu);
    if (sqlite3_prepare_v2(q->db, "SELECT " COLS " FROM jobs WHERE id=?", -1, &s, NULL) != SQLITE_OK) {
        st = db_err(q, err, "prepare get");
        goto out;
    }
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        if (row_to_rec(s, r)) *res = F5_Q_OK;
        else st = f5_errf(err, F5_ERR_NOMEM, "queue: out of memory");
    } else if (rc != SQLITE_DONE) {
        st = db_err(q, err, "get");
    }
out:
    sqlite3_finalize(s);
    pthread_mutex_unlock(&q->mu);
    return st;
}

/* Run one parameterised UPDATE; binds: 'd' double, 's' text, 'i' int. */
static f5_status update(sq_queue *q, const char *sql, const char *types, int *changes, f5_error *err, ...) {
    f5_status st = F5_OK;
    sqlite3_stmt *s = NULL;
    va_list ap;
    va_start(ap, err);
    pthread_mutex_lock(&q->mu);
    if (sqlite3_prepare_v2(q->db, sql, -1, &s, NULL) != SQLITE_OK) {
        st = db_err(q, err, "prepare update");
        goto out;
    }
    for (int i = 0; types[i]; i++) {
        if (types[i] == 'd') sqlite3_bind_double(s, i + 1, va_arg(ap, double));
        else if (types[i] == 'i') sqlite3_bind_int(s, i + 1, va_arg(ap, int));
        else sqlite3_bind_text(s, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
    }
    if (sqlite3_step(s) != SQLITE_DONE) st = db_err(q, err, "update");
    else if (changes) *changes = sqlite3_changes(q->db);
out:
    sqlite3_finalize(s);
    pthread_mutex_unlock(&q->mu);
    va_end(ap);
    return st;
}

static f5_status sq_set_progress(f5_queue *qb, const char *id, double progress, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    return update(q, "UPDATE jobs SET progress=? WHERE id=? AND state='running'", "ds", NULL, err, progress, id);
}

static f5_status sq_finish(f5_queue *qb, const f5_job_rec *r, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    return update(q,
                  "UPDATE jobs SET state=?, progress=?, finished_at=?, audio_seconds=?, rtf=?, result_key=?, "
                  "ref_key=?, error_code=?, error_message=? WHERE id=?",
                  "sddddsssss", NULL, err, f5_job_state_name(r->state), r->progress, r->finished_at, r->audio_seconds,
                  r->rtf, r->result_key, r->ref_key, r->error_code, r->error_message, r->id);
}

static f5_status sq_cancel_queued(f5_queue *qb, const char *id, double now, f5_queue_result *res, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    int n = 0;
    f5_status st = update(q,
                          "UPDATE jobs SET state='cancelled', finished_at=?, error_code='cancelled', "
                          "error_message='cancelled by the client' WHERE id=? AND state='queued'",
                          "ds", &n, err, now, id);
    *res = n == 1 ? F5_Q_OK : F5_Q_CONFLICT;
    return st;
}

static f5_status sq_requeue(f5_queue *qb, const char *id, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    return update(q, "UPDATE jobs SET state='queued', progress=0, started_at=0 WHERE id=? AND state='running'", "s",
                  NULL, err, id);
}

static f5_status sq_clear_ref(f5_queue *qb, const char *id, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    return update(q, "UPDATE jobs SET ref_key='' WHERE id=?", "s", NULL, err, id);
}

static f5_status sq_clear_blobs(f5_queue *qb, const char *id, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    return update(q, "UPDATE jobs SET ref_key='', result_key='' WHERE id=?", "s", NULL, err, id);
}

/* Select rows matching `where` and hand each to cb (under the lock). */
static f5_status each(sq_queue *q, const char *where, double arg, void (*cb)(void *, const f5_job_rec *), void *user,
                      f5_error *err) {
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT " COLS " FROM jobs WHERE %s ORDER BY seq", where);
    sqlite3_stmt *s = NULL;
    f5_status st = F5_OK;
    if (sqlite3_prepare_v2(q->db, sql, -1, &s, NULL) != SQLITE_OK) return db_err(q, err, "prepare select");
    if (strchr(where, '?')) sqlite3_bind_double(s, 1, arg);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        f5_job_rec r;
        if (!row_to_rec(s, &r)) {
            st = f5_errf(err, F5_ERR_NOMEM, "queue: out of memory");
            break;
        }
        if (cb) cb(user, &r);
        f5_job_rec_free(&r);
    }
    if (!st && rc != SQLITE_DONE) st = db_err(q, err, "select");
    sqlite3_finalize(s);
    return st;
}

static f5_status sq_recover(f5_queue *qb, double now, int *requeued, int *failed,
                           void (*on_failed)(void *user, const f5_job_rec *r), void *user, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    *requeued = *failed = 0;
    pthread_mutex_lock(&q->mu);
    if (!exec(q, "BEGIN IMMEDIATE")) {
        st = db_err(q, err, "begin");
        goto out;
    }
    st = each(q, "sync=1 AND state IN ('queued','running')", 0, on_failed, user, err);
    if (st) goto rollback;
    char sql[256];
    snprintf(sql, sizeof sql,
             "UPDATE jobs SET state='failed', finished_at=%.3f, ref_key='', error_code='interrupted', "
             "error_message='the service restarted while this streaming request was open' "
             "WHERE sync=1 AND state IN ('queued','running')",
             now);
    if (!exec(q, sql)) goto dberr;
    *failed = sqlite3_changes(q->db);
    if (!exec(q, "UPDATE jobs SET state='queued', progress=0, started_at=0 WHERE sync=0 AND state='running'"))
        goto dberr;
    *requeued = sqlite3_changes(q->db);
    if (!exec(q, "COMMIT")) goto dberr;
    goto out;
dberr:
    st = db_err(q, err, "recover");
rollback:
    exec(q, "ROLLBACK");
out:
    pthread_mutex_unlock(&q->mu);
    return st;
}

static f5_status sq_expire(f5_queue *qb, double before, void (*on_job)(void *user, const f5_job_rec *r), void *user,
                          int *n_deleted, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    *n_deleted = 0;
    pthread_mutex_lock(&q->mu);
    if (!exec(q, "BEGIN IMMEDIATE")) {
        st = db_err(q, err, "begin");
        goto out;
    }
    const char *where = "state IN ('succeeded','failed','cancelled') AND finished_at < ?";
    st = each(q, where, before, on_job, user, err);
    if (st) goto rollback;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(q->db, "DELETE FROM jobs WHERE state IN ('succeeded','failed','cancelled') AND finished_at < ?",
                           -1, &s, NULL) != SQLITE_OK) {
        st = db_err(q, err, "prepare delete");
        goto rollback;
    }
    sqlite3_bind_double(s, 1, before);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        st = db_err(q, err, "delete");
        goto rollback;
    }
    *n_deleted = sqlite3_changes(q->db);
    if (!exec(q, "COMMIT")) {
        st = db_err(q, err, "commit");
        goto rollback;
    }
    goto out;
rollback:
    exec(q, "ROLLBACK");
out:
    pthread_mutex_unlock(&q->mu);
    return st;
}

static f5_status sq_count(f5_queue *qb, f5_job_state state, long long *n, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    sqlite3_stmt *s = NULL;
    *n = 0;
    pthread_mutex_lock(&q->mu);
    if (sqlite3_prepare_v2(q->db, "SELECT count(*) FROM jobs WHERE state=?", -1, &s, NULL) != SQLITE_OK ||
        (sqlite3_bind_text(s, 1, f5_job_state_name(state), -1, SQLITE_STATIC), sqlite3_step(s)) != SQLITE_ROW)
        st = db_err(q, err, "count");
    else *n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    pthread_mutex_unlock(&q->mu);
    return st;
}

static f5_status sq_count_active(f5_queue *qb, const char *owner, long long *n, f5_error *err) {
    sq_queue *q = (sq_queue *)qb;
    f5_status st = F5_OK;
    sqlite3_stmt *s = NULL;
    *n = 0;
    pthread_mutex_lock(&q->mu);
    if (sqlite3_prepare_v2(q->db, "SELECT count(*) FROM jobs WHERE owner=? AND state IN ('queued','running')", -1, &s,
                           NULL) != SQLITE_OK ||
        (sqlite3_bind_text(s, 1, owner, -1, SQLITE_STATIC), sqlite3_step(s)) != SQLITE_ROW)
        st = db_err(q, err, "count active");
    else *n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    pthread_mutex_unlock(&q->mu);
    return st;
}

static const f5_queue_ops sq_ops = {
    .close = sq_close, .push = sq_push, .claim = sq_claim, .get = sq_get, .set_progress = sq_set_progress,
    .finish = sq_finish, .cancel_queued = sq_cancel_queued, .requeue = sq_requeue, .clear_ref = sq_clear_ref,
    .recover = sq_recover, .expire = sq_expire, .count = sq_count,
    .count_active = sq_count_active, .clear_blobs = sq_clear_blobs,
};
