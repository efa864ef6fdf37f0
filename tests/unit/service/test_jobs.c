/* test_jobs.c - the job manager with a fake engine (no HTTP): async and
 * sync (streamed) jobs, inference concurrency = worker count, cancellation
 * of queued and running jobs, timeouts, the bounded queue, and shutdown
 * returning an unfinished job to the queue. */
#define FAKE_STEP_MS 10
#include "fake_engine.h"
#include "service/jobs/jobs.h"
#include "test.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct {
    char dir[64];
    f5_queue *q;
    f5_store *s;
    f5_jobs *j;
    f5_svc_engine e;
    f5_obs_log log;
} env;

static void env_open(env *v, int slots, int max_queue, double timeout_s) {
    memset(v, 0, sizeof *v);
    snprintf(v->dir, sizeof v->dir, "/tmp/f5_jobs_test_XXXXXX");
    if (!mkdtemp(v->dir)) abort();
    char url[128];
    f5_error err = {0};
    snprintf(url, sizeof url, "sqlite:%s/q.db", v->dir);
    CHECK(f5_queue_open(url, &v->q, &err) == F5_OK);
    snprintf(url, sizeof url, "fs:%s/blobs", v->dir);
    CHECK(f5_store_open(url, &v->s, &err) == F5_OK);
    f5_jobs_opts o = {.queue = v->q, .store = v->s, .log = &v->log, .max_queue = max_queue,
                      .request_timeout_s = timeout_s, .result_ttl_s = 3600};
    CHECK(f5_jobs_create(&o, &v->j, &err) == F5_OK);
    f5_svc_engine_opts eo = {.n_slots = slots};
    fake_open(&eo, &v->e, &err);
    CHECK(f5_jobs_start(v->j, &v->e, &err) == F5_OK);
}

static void env_close(env *v) {
    f5_jobs_free(v->j);
    f5_queue_close(v->q);
    f5_store_close(v->s);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", v->dir);
    CHECK(system(cmd) == 0);
}

static f5_queue_result submit(env *v, const char *id, bool sync, const char *text, f5_job **live) {
    f5_job_rec r = {0};
    snprintf(r.id, sizeof r.id, "%s", id);
    snprintf(r.ref_key, sizeof r.ref_key, "refs/%s", id);
    r.sync = sync;
    r.params = (f5_job_params){.nfe_step = 4, .cfg_strength = 2, .speed = 1, .seed = 7, .format = F5_FMT_WAV};
    r.text = (char *)text;
    r.ref_text = "ref";
    r.created_at = f5_obs_now();
    char ref[256] = {0};
    f5_store_put(v->s, r.ref_key, ref, sizeof ref, NULL);
    f5_queue_result res = F5_Q_NOT_FOUND;
    f5_error err = {0};
    CHECK(f5_jobs_submit(v->j, &r, live, &res, &err) == F5_OK);
    return res;
}

static f5_job_rec wait_state(env *v, const char *id, bool terminal_only) {
    f5_job_rec r;
    bool found;
    for (int i = 0; i < 2000; i++) {
        CHECK(f5_jobs_get(v->j, id, &r, &found, NULL) == F5_OK && found);
        if (f5_job_state_terminal(r.state) || (!terminal_only && r.state == F5_JOB_RUNNING)) return r;
        f5_job_rec_free(&r);
        fake_sleep_ms(5);
    }
    CHECKF(0, "job %s never reached the state", id);
    memset(&r, 0, sizeof r);
    return r;
}

static void test_async_and_sync(void) {
    env v;
    env_open(&v, 1, 8, 0);
    CHECK(submit(&v, "a0", false, "hello", NULL) == F5_Q_OK);
    f5_job *live = NULL;
    CHECK(submit(&v, "s0", true, "hello", &live) == F5_Q_OK && live);
    f5_job_rec r = wait_state(&v, "a0", true);
    CHECK(r.state == F5_JOB_SUCCEEDED && r.progress == 1.0 && r.audio_seconds == 2.0);
    CHECK_STREQ(r.result_key, "results/a0.wav");
    CHECK(r.ref_key[0] == 0);
    uint64_t sz;
    CHECK(f5_store_size(v.s, "results/a0.wav", &sz, NULL) == F5_OK && sz == 44 + 4 * FAKE_CHUNK_SAMPLES * 2);
    CHECK(f5_store_size(v.s, "refs/a0", &sz, NULL) == F5_ERR_NOT_FOUND); /* reference deleted when done */
    f5_job_rec_free(&r);
    /* the sync job streams: header + every chunk, in order, then END */
    CHECK(f5_job_wait_first(v.j, live, 5.0));
    size_t total = 0, n;
    char buf[8192];
    int reads = 0;
    for (;;) {
        f5_stream_status s = f5_job_read(v.j, live, buf, sizeof buf, 1.0, &n);
        if (s == F5_STREAM_END) break;
        CHECK(s == F5_STREAM_DATA || s == F5_STREAM_WAIT);
        if (s != F5_STREAM_DATA && s != F5_STREAM_WAIT) break;
        if (total == 0 && n >= 4) CHECK(!memcmp(buf, "RIFF", 4));
        total += n;
        reads++;
    }
    CHECK(total == 44 + 4 * FAKE_CHUNK_SAMPLES * 2);
    CHECK(reads > 1);
    f5_job_release(v.j, live);
    env_close(&v);
}

static void test_concurrency_is_worker_count(void) {
    env v;
    env_open(&v, 2, 16, 0);
    atomic_store(&fake_max_parallel, 0);
    char id[8];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "c%d", i);
        CHECK(submit(&v, id, false, "x", NULL) == F5_Q_OK);
    }
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "c%d", i);
        f5_job_rec r = wait_state(&v, id, true);
        CHECK(r.state == F5_JOB_SUCCEEDED);
        f5_job_rec_free(&r);
    }
    CHECKF(atomic_load(&fake_max_parallel) == 2, "max parallel %d", atomic_load(&fake_max_parallel));
    env_close(&v);
}

static void test_cancel_timeout_full(void) {
    env v;
    env_open(&v, 1, 2, 0.3);
    CHECK(submit(&v, "run", false, "SLOW", NULL) == F5_Q_OK);
    f5_job_rec r = wait_state(&v, "run", false);
    f5_job_rec_free(&r);
    CHECK(submit(&v, "q1", false, "x", NULL) == F5_Q_OK);
    CHECK(submit(&v, "q2", false, "x", NULL) == F5_Q_OK);
    CHECK(submit(&v, "q3", false, "x", NULL) == F5_Q_FULL); /* 2 queued already */
    f5_queue_result res;
    CHECK(f5_jobs_cancel(v.j, "q1", 1, &r, &res, NULL) == F5_OK && res == F5_Q_OK && r.state == F5_JOB_CANCELLED);
    f5_job_rec_free(&r);
    CHECK(f5_jobs_cancel(v.j, "run", 5, &r, &res, NULL) == F5_OK && res == F5_Q_OK);
    CHECKF(r.state == F5_JOB_CANCELLED, "running job: %s", f5_job_state_name(r.state));
    f5_job_rec_free(&r);
    CHECK(f5_jobs_cancel(v.j, "run", 1, &r, &res, NULL) == F5_OK && res == F5_Q_CONFLICT);
    f5_job_rec_free(&r);
    CHECK(f5_jobs_cancel(v.j, "nope", 1, &r, &res, NULL) == F5_OK && res == F5_Q_NOT_FOUND);
    /* SLOW takes ~4 s: the 0.3 s timeout fails it */
    CHECK(submit(&v, "slow2", false, "SLOW", NULL) == F5_Q_OK);
    r = wait_state(&v, "slow2", true);
    CHECK(r.state == F5_JOB_FAILED);
    CHECK_STREQ(r.error_code, "timeout");
    f5_job_rec_free(&r);
    r = wait_state(&v, "q2", true);
    CHECK(r.state == F5_JOB_SUCCEEDED);
    f5_job_rec_free(&r);
    env_close(&v);
}

static void test_shutdown_requeues(void) {
    env v;
    env_open(&v, 1, 8, 0);
    CHECK(submit(&v, "long", false, "SLOW", NULL) == F5_Q_OK);
    f5_job_rec r = wait_state(&v, "long", false);
    f5_job_rec_free(&r);
    f5_jobs_shutdown(v.j, 0.05); /* grace too short: back to the queue */
    f5_queue_result res;
    CHECK(f5_queue_get(v.q, "long", &r, &res, NULL) == F5_OK && res == F5_Q_OK);
    CHECKF(r.state == F5_JOB_QUEUED, "state %s", f5_job_state_name(r.state));
    CHECK_STREQ(r.ref_key, "refs/long"); /* the reference is kept for the next run */
    f5_job_rec_free(&r);
    env_close(&v);
}

TEST_MAIN(TEST(test_async_and_sync), TEST(test_concurrency_is_worker_count), TEST(test_cancel_timeout_full),
          TEST(test_shutdown_requeues))
