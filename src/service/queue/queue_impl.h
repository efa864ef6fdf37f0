/* queue_impl.h - what a queue backend provides: a table of operations with
 * the contracts of queue.h, and a struct f5_queue header embedded as the
 * first member of the backend's own struct. queue.c dispatches on the URL
 * scheme (sqlite:, redis://) and forwards every call through the table.
 */
#ifndef F5_QUEUE_IMPL_H
#define F5_QUEUE_IMPL_H

#include "service/queue/queue.h"

typedef struct f5_queue_ops {
    void (*close)(f5_queue *q);
    f5_status (*push)(f5_queue *q, const f5_job_rec *r, int max_queued, f5_queue_result *res, f5_error *err);
    f5_status (*claim)(f5_queue *q, double now, f5_job_rec *r, f5_queue_result *res, f5_error *err);
    f5_status (*get)(f5_queue *q, const char *id, f5_job_rec *r, f5_queue_result *res, f5_error *err);
    f5_status (*set_progress)(f5_queue *q, const char *id, double progress, f5_error *err);
    f5_status (*finish)(f5_queue *q, const f5_job_rec *r, f5_error *err);
    f5_status (*cancel_queued)(f5_queue *q, const char *id, double now, f5_queue_result *res, f5_error *err);
    f5_status (*requeue)(f5_queue *q, const char *id, f5_error *err);
    f5_status (*clear_ref)(f5_queue *q, const char *id, f5_error *err);
    f5_status (*clear_blobs)(f5_queue *q, const char *id, f5_error *err);
    f5_status (*recover)(f5_queue *q, double now, int *requeued, int *failed,
                         void (*on_failed)(void *user, const f5_job_rec *r), void *user, f5_error *err);
    f5_status (*expire)(f5_queue *q, double before, void (*on_job)(void *user, const f5_job_rec *r), void *user,
                        int *n_deleted, f5_error *err);
    f5_status (*count)(f5_queue *q, f5_job_state state, long long *n, f5_error *err);
    f5_status (*count_active)(f5_queue *q, const char *owner, long long *n, f5_error *err);
    /* optional (NULL = always reachable, no stats) */
    bool (*down)(f5_queue *q, double *retry_after_s);
    f5_status (*stats)(f5_queue *q, f5_queue_stats *s, f5_error *err);
} f5_queue_ops;

struct f5_queue {
    const f5_queue_ops *ops;
};

f5_job_state f5_job_state_parse(const char *s); /* unknown names read as failed */

f5_status f5_queue_sqlite_open(const char *url, f5_queue **out, f5_error *err);
f5_status f5_queue_redis_open(const char *url, f5_queue **out, f5_error *err);

#endif
