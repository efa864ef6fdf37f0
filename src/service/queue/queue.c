/* queue.c - the queue front: job state names, record cleanup, and dispatch
 * of every queue.h call to the backend chosen by the URL scheme
 * (sqlite:PATH -> queue_sqlite.c, redis://... -> queue_redis.c).
 */
#include "service/queue/queue_impl.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

static const char *const state_names[] = {"queued", "running", "succeeded", "failed", "cancelled"};

const char *f5_job_state_name(f5_job_state s) {
    return (unsigned)s < 5 ? state_names[s] : "unknown";
}

bool f5_job_state_terminal(f5_job_state s) {
    return s == F5_JOB_SUCCEEDED || s == F5_JOB_FAILED || s == F5_JOB_CANCELLED;
}

f5_job_state f5_job_state_parse(const char *s) {
    for (int i = 0; i < 5; i++)
        if (s && !strcmp(s, state_names[i])) return (f5_job_state)i;
    return F5_JOB_FAILED;
}

void f5_job_rec_free(f5_job_rec *r) {
    if (!r) return;
    free(r->text);
    free(r->ref_text);
    r->text = r->ref_text = NULL;
}

f5_status f5_queue_open(const char *url, f5_queue **out, f5_error *err) {
    *out = NULL;
    if (!strncmp(url, "sqlite:", 7)) return f5_queue_sqlite_open(url, out, err);
    if (!strncmp(url, "redis://", 8)) return f5_queue_redis_open(url, out, err);
    return f5_errf(err, F5_ERR_UNSUPPORTED, "queue: '%s': expected sqlite:PATH or redis://[user:pass@]host:port[/db]",
                   url);
}

void f5_queue_close(f5_queue *q) {
    if (q) q->ops->close(q);
}

f5_status f5_queue_push(f5_queue *q, const f5_job_rec *r, int max_queued, f5_queue_result *res, f5_error *err) {
    return q->ops->push(q, r, max_queued, res, err);
}
f5_status f5_queue_claim(f5_queue *q, double now, f5_job_rec *r, f5_queue_result *res, f5_error *err) {
    return q->ops->claim(q, now, r, res, err);
}
f5_status f5_queue_get(f5_queue *q, const char *id, f5_job_rec *r, f5_queue_result *res, f5_error *err) {
    return q->ops->get(q, id, r, res, err);
}
f5_status f5_queue_set_progress(f5_queue *q, const char *id, double progress, f5_error *err) {
    return q->ops->set_progress(q, id, progress, err);
}
f5_status f5_queue_finish(f5_queue *q, const f5_job_rec *r, f5_error *err) {
    return q->ops->finish(q, r, err);
}
f5_status f5_queue_cancel_queued(f5_queue *q, const char *id, double now, f5_queue_result *res, f5_error *err) {
    return q->ops->cancel_queued(q, id, now, res, err);
}
f5_status f5_queue_requeue(f5_queue *q, const char *id, f5_error *err) {
    return q->ops->requeue(q, id, err);
}
f5_status f5_queue_clear_ref(f5_queue *q, const char *id, f5_error *err) {
    return q->ops->clear_ref(q, id, err);
}
f5_status f5_queue_clear_blobs(f5_queue *q, const char *id, f5_error *err) {
    return q->ops->clear_blobs(q, id, err);
}
f5_status f5_queue_recover(f5_queue *q, double now, int *requeued, int *failed,
                           void (*on_failed)(void *user, const f5_job_rec *r), void *user, f5_error *err) {
    return q->ops->recover(q, now, requeued, failed, on_failed, user, err);
}
f5_status f5_queue_expire(f5_queue *q, double before, void (*on_job)(void *user, const f5_job_rec *r), void *user,
                          int *n_deleted, f5_error *err) {
    return q->ops->expire(q, before, on_job, user, n_deleted, err);
}
f5_status f5_queue_count(f5_queue *q, f5_job_state state, long long *n, f5_error *err) {
    return q->ops->count(q, state, n, err);
}

f5_status f5_queue_count_active(f5_queue *q, const char *owner, long long *n, f5_error *err) {
    return q->ops->count_active(q, owner ? owner : "", n, err);
}

bool f5_queue_down(f5_queue *q, double *retry_after_s) {
    if (retry_after_s) *retry_after_s = 0;
    return q->ops->down ? q->ops->down(q, retry_after_s) : false;
}

f5_status f5_queue_stats_get(f5_queue *q, f5_queue_stats *s, f5_error *err) {
    memset(s, 0, sizeof *s);
    if (q->ops->stats) return q->ops->stats(q, s, err);
    long long n = 0;
    f5_status st = f5_queue_count(q, F5_JOB_QUEUED, &n, err);
    s->depth = n;
    if (!st) st = f5_queue_count(q, F5_JOB_RUNNING, &s->pending, err);
    return st;
}
