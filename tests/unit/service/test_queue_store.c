/* test_queue_store.c - the sqlite job queue (FIFO claims, bounded push,
 * cancel, recovery after a crash, expiry) and the fs blob store (atomic
 * writes, key validation). */
#include "service/queue/queue.h"
#include "service/store/store.h"
#include "test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[256];

static void rm_tmp(void) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

static void mkdir_tmp(void) {
    snprintf(dir, sizeof dir, "/tmp/f5_svc_test_XXXXXX");
    if (!mkdtemp(dir)) abort();
}

static f5_job_rec mkrec(const char *id, bool sync, double t) {
    f5_job_rec r = {0};
    snprintf(r.id, sizeof r.id, "%s", id);
    snprintf(r.request_id, sizeof r.request_id, "req-%s", id);
    snprintf(r.ref_key, sizeof r.ref_key, "refs/%s", id);
    r.sync = sync;
    r.params = (f5_job_params){.nfe_step = 16, .cfg_strength = 2.5f, .speed = 1.25f, .remove_silence = true,
                               .seed = 18446744073709551615ULL, .format = F5_FMT_FLAC};
    r.text = "xin chào";
    r.ref_text = "ref";
    r.created_at = t;
    return r;
}

static void test_queue_fifo_and_limits(void) {
    mkdir_tmp();
    char url[300];
    snprintf(url, sizeof url, "sqlite:%s/q.db", dir);
    f5_queue *q;
    f5_error err = {0};
    CHECK(f5_queue_open(url, &q, &err) == F5_OK);
    f5_queue_result res;
    const char *ids[] = {"a1", "b2", "c3"};
    for (int i = 0; i < 3; i++) {
        f5_job_rec r = mkrec(ids[i], false, 100 + i);
        snprintf(r.owner, sizeof r.owner, "%s", i == 0 ? "alice" : "");
        if (i == 0) snprintf(r.trace_context, sizeof r.trace_context, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        CHECK(f5_queue_push(q, &r, 3, &res, &err) == F5_OK && res == F5_Q_OK);
    }
    f5_job_rec r4 = mkrec("d4", false, 104);
    CHECK(f5_queue_push(q, &r4, 3, &res, &err) == F5_OK && res == F5_Q_FULL);
    long long n;
    CHECK(f5_queue_count(q, F5_JOB_QUEUED, &n, &err) == F5_OK && n == 3);
    f5_job_rec got;
    CHECK(f5_queue_claim(q, 200, &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK_STREQ(got.id, "a1");
    CHECK(got.state == F5_JOB_RUNNING && got.attempts == 1 && got.started_at == 200);
    CHECK(got.params.seed == 18446744073709551615ULL && got.params.format == F5_FMT_FLAC && got.params.nfe_step == 16);
    CHECK_STREQ(got.text, "xin chào");
    CHECK_STREQ(got.owner, "alice");
    CHECK_STREQ(got.trace_context, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"); /* the worker continues the trace */
    f5_job_rec_free(&got);
    /* one slot freed: the push now fits */
    CHECK(f5_queue_push(q, &r4, 3, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK(f5_queue_cancel_queued(q, "b2", 300, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK(f5_queue_cancel_queued(q, "a1", 300, &res, &err) == F5_OK && res == F5_Q_CONFLICT); /* running */
    CHECK(f5_queue_claim(q, 201, &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK_STREQ(got.id, "c3"); /* b2 was cancelled */
    got.state = F5_JOB_SUCCEEDED;
    got.finished_at = 250;
    got.audio_seconds = 3.5;
    got.rtf = 0.25;
    snprintf(got.result_key, sizeof got.result_key, "results/c3.flac");
    CHECK(f5_queue_finish(q, &got, &err) == F5_OK);
    f5_job_rec_free(&got);
    CHECK(f5_queue_get(q, "c3", &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK(got.state == F5_JOB_SUCCEEDED && got.audio_seconds == 3.5 && got.rtf == 0.25);
    CHECK_STREQ(got.result_key, "results/c3.flac");
    f5_job_rec_free(&got);
    CHECK(f5_queue_get(q, "zz", &got, &res, &err) == F5_OK && res == F5_Q_NOT_FOUND);
    f5_queue_close(q);
    rm_tmp();
}

static int n_failed_seen, n_expired_seen;
static void on_failed(void *u, const f5_job_rec *r) {
    (void)u;
    (void)r;
    n_failed_seen++;
}
static void on_expired(void *u, const f5_job_rec *r) {
    (void)u;
    n_expired_seen += r->state == F5_JOB_SUCCEEDED || r->state == F5_JOB_CANCELLED;
}

static void test_queue_recover_and_expire(void) {
    mkdir_tmp();
    char url[300];
    snprintf(url, sizeof url, "sqlite:%s/q.db", dir);
    f5_queue *q;
    f5_error err = {0};
    f5_queue_result res;
    CHECK(f5_queue_open(url, &q, &err) == F5_OK);
    f5_job_rec a = mkrec("async1", false, 1), b = mkrec("sync1", true, 2), c = mkrec("async2", false, 3);
    CHECK(f5_queue_push(q, &a, 10, &res, &err) == F5_OK);
    CHECK(f5_queue_push(q, &b, 10, &res, &err) == F5_OK);
    CHECK(f5_queue_push(q, &c, 10, &res, &err) == F5_OK);
    f5_job_rec got;
    CHECK(f5_queue_claim(q, 5, &got, &res, &err) == F5_OK && res == F5_Q_OK); /* async1 running */
    f5_job_rec_free(&got);
    f5_queue_close(q); /* "crash" */
    CHECK(f5_queue_open(url, &q, &err) == F5_OK);
    int requeued, failed;
    CHECK(f5_queue_recover(q, 10, &requeued, &failed, on_failed, NULL, &err) == F5_OK);
    CHECK(requeued == 1 && failed == 1 && n_failed_seen == 1);
    CHECK(f5_queue_get(q, "sync1", &got, &res, &err) == F5_OK && got.state == F5_JOB_FAILED);
    CHECK_STREQ(got.error_code, "interrupted");
    f5_job_rec_free(&got);
    /* the interrupted job runs first again, with its attempt counted */
    CHECK(f5_queue_claim(q, 11, &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK_STREQ(got.id, "async1");
    CHECK(got.attempts == 2);
    got.state = F5_JOB_SUCCEEDED;
    got.finished_at = 20;
    CHECK(f5_queue_finish(q, &got, &err) == F5_OK);
    f5_job_rec_free(&got);
    int n = 0;
    CHECK(f5_queue_expire(q, 15, on_expired, NULL, &n, &err) == F5_OK && n == 1); /* sync1 finished at 10 */
    CHECK(f5_queue_expire(q, 25, on_expired, NULL, &n, &err) == F5_OK && n == 1); /* async1 at 20 */
    CHECK(n_expired_seen == 1);
    CHECK(f5_queue_get(q, "async1", &got, &res, &err) == F5_OK && res == F5_Q_NOT_FOUND);
    CHECK(f5_queue_get(q, "async2", &got, &res, &err) == F5_OK && res == F5_Q_OK); /* still queued */
    f5_job_rec_free(&got);
    f5_queue_close(q);
    CHECK(f5_queue_open("mq://x", &q, &err) == F5_ERR_UNSUPPORTED && strstr(err.message, "sqlite") &&
          strstr(err.message, "redis://"));
    /* redis URLs: bad parts are named; an unreachable server fails at once, naming host:port */
    CHECK(f5_queue_open("redis://h:99999", &q, &err) == F5_ERR_INVALID_ARG && strstr(err.message, "port"));
    CHECK(f5_queue_open("redis://h:1/x", &q, &err) == F5_ERR_INVALID_ARG && strstr(err.message, "database"));
    CHECK(f5_queue_open("redis://127.0.0.1:1/0?bogus=1", &q, &err) == F5_ERR_INVALID_ARG &&
          strstr(err.message, "bogus"));
    CHECK(f5_queue_open("redis://127.0.0.1:1/0?visibility=0", &q, &err) == F5_ERR_INVALID_ARG &&
          strstr(err.message, "visibility"));
    CHECK(f5_queue_open("redis://127.0.0.1:1", &q, &err) == F5_ERR_IO && strstr(err.message, "127.0.0.1:1") &&
          strstr(err.message, "cannot connect"));
    rm_tmp();
}

/* A queue file made before jobs had an owner: opening it adds the column,
 * keeps the old rows (owner "", i.e. made without auth) and stores owners
 * of new jobs. */
static void test_queue_migrates_old_schema(void) {
    mkdir_tmp();
    char path[300], url[310];
    snprintf(path, sizeof path, "%s/old.db", dir);
    snprintf(url, sizeof url, "sqlite:%s", path);
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       "CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, "
                       "request_id TEXT, sync INTEGER NOT NULL, state TEXT NOT NULL, nfe_step INTEGER, "
                       "cfg_strength REAL, speed REAL, remove_silence INTEGER, seed TEXT, format TEXT, "
                       "text TEXT NOT NULL, ref_text TEXT, ref_key TEXT, result_key TEXT, progress REAL DEFAULT 0, "
                       "created_at REAL, started_at REAL DEFAULT 0, finished_at REAL DEFAULT 0, "
                       "audio_seconds REAL DEFAULT 0, rtf REAL DEFAULT 0, attempts INTEGER DEFAULT 0, "
                       "error_code TEXT DEFAULT '', error_message TEXT DEFAULT '');"
                       "INSERT INTO jobs (id, sync, state, text, ref_text, ref_key, result_key, created_at) "
                       "VALUES ('old1', 0, 'queued', 'old text', 'r', 'refs/old1', '', 1);",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    f5_queue *q;
    f5_error err = {0};
    f5_queue_result res;
    CHECKF(f5_queue_open(url, &q, &err) == F5_OK, "%s", err.message);
    f5_job_rec got;
    CHECK(f5_queue_get(q, "old1", &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK_STREQ(got.text, "old text");
    CHECK_STREQ(got.owner, "");
    CHECK_STREQ(got.trace_context, ""); /* old rows: no trace context */
    f5_job_rec_free(&got);
    f5_job_rec r = mkrec("new1", false, 2);
    snprintf(r.owner, sizeof r.owner, "bob");
    snprintf(r.trace_context, sizeof r.trace_context, "00-11111111111111111111111111111111-2222222222222222-01");
    CHECK(f5_queue_push(q, &r, 10, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK(f5_queue_get(q, "new1", &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK_STREQ(got.owner, "bob");
    CHECK_STREQ(got.trace_context, "00-11111111111111111111111111111111-2222222222222222-01");
    f5_job_rec_free(&got);
    f5_queue_close(q);
    /* opening the migrated file again changes nothing */
    CHECKF(f5_queue_open(url, &q, &err) == F5_OK, "%s", err.message);
    CHECK(f5_queue_get(q, "new1", &got, &res, &err) == F5_OK && res == F5_Q_OK);
    CHECK_STREQ(got.owner, "bob");
    f5_job_rec_free(&got);
    f5_queue_close(q);
    rm_tmp();
}

static void test_store(void) {
    mkdir_tmp();
    char url[300];
    snprintf(url, sizeof url, "fs:%s/blobs", dir);
    f5_store *s;
    f5_error err = {0};
    CHECK(f5_store_open(url, &s, &err) == F5_OK);
    CHECK(f5_store_put(s, "results/x.wav", "abc", 3, &err) == F5_OK);
    uint8_t *d;
    size_t n;
    CHECK(f5_store_get(s, "results/x.wav", &d, &n, &err) == F5_OK && n == 3 && !memcmp(d, "abc", 3));
    free(d);
    uint64_t sz;
    CHECK(f5_store_size(s, "results/x.wav", &sz, &err) == F5_OK && sz == 3);
    f5_store_writer *w;
    CHECK(f5_store_begin(s, "refs/up", &w, &err) == F5_OK);
    CHECK(f5_store_write(w, "12", 2, &err) == F5_OK);
    CHECK(f5_store_get(s, "refs/up", &d, &n, &err) == F5_ERR_NOT_FOUND); /* invisible until commit */
    CHECK(f5_store_write(w, "34", 2, &err) == F5_OK);
    CHECK(f5_store_commit(w, &err) == F5_OK);
    CHECK(f5_store_get(s, "refs/up", &d, &n, &err) == F5_OK && n == 4 && !memcmp(d, "1234", 4));
    free(d);
    CHECK(f5_store_begin(s, "refs/aborted", &w, &err) == F5_OK);
    f5_store_abort(w);
    CHECK(f5_store_size(s, "refs/aborted", &sz, &err) == F5_ERR_NOT_FOUND);
    CHECK(f5_store_delete(s, "refs/up", &err) == F5_OK);
    CHECK(f5_store_delete(s, "refs/up", &err) == F5_OK); /* idempotent */
    CHECK(f5_store_get(s, "refs/up", &d, &n, &err) == F5_ERR_NOT_FOUND);
    /* listing one level: sorted, no deeper keys, no uncommitted writer files */
    CHECK(f5_store_put(s, "voices/meta/b.json", "1", 1, &err) == F5_OK);
    CHECK(f5_store_put(s, "voices/meta/a.json", "2", 1, &err) == F5_OK);
    CHECK(f5_store_put(s, "voices/meta/sub/c.json", "3", 1, &err) == F5_OK);
    CHECK(f5_store_begin(s, "voices/meta/pending.json", &w, &err) == F5_OK);
    char **keys;
    size_t nk;
    CHECK(f5_store_list(s, "voices/meta", &keys, &nk, &err) == F5_OK);
    CHECKF(nk == 2, "%zu keys", nk);
    if (nk == 2) {
        CHECK_STREQ(keys[0], "voices/meta/a.json");
        CHECK_STREQ(keys[1], "voices/meta/b.json");
    }
    f5_store_list_free(keys, nk);
    f5_store_abort(w);
    CHECK(f5_store_list(s, "voices/none", &keys, &nk, &err) == F5_OK && nk == 0);
    CHECK(f5_store_list(s, "../x", &keys, &nk, &err) == F5_ERR_INVALID_ARG);
    const char *bad[] = {"../etc/passwd", "/abs", "a//b", "a/../b", "sp ace", "", "a/", "x\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECKF(!f5_store_key_valid(bad[i]), "key '%s' accepted", bad[i]);
        CHECK(f5_store_put(s, bad[i], "x", 1, &err) == F5_ERR_INVALID_ARG);
    }
    f5_store_close(s);
    rm_tmp();
}

TEST_MAIN(TEST(test_queue_fifo_and_limits), TEST(test_queue_recover_and_expire),
          TEST(test_queue_migrates_old_schema), TEST(test_store))
