/* quota.h - admission of a new job for one caller: the per-key limit on
 * queued+running jobs (counted in the queue, so every node sees the same
 * number) and the daily audio-seconds quota (usage counters, charged when a
 * job succeeds). A key's own limits win; 0 there means the server-wide
 * defaults (--max-concurrent, --quota-seconds; 0 = unlimited). Callers
 * without a key (auth off) count as the key "". Admission is checked before
 * the upload is read; two submissions racing may pass the limit by one, and
 * jobs still running when the quota is reached finish (and are charged).
 */
#ifndef F5_AUTH_QUOTA_H
#define F5_AUTH_QUOTA_H

#include "service/auth/auth.h"
#include "service/auth/usage.h"
#include "service/queue/queue.h"

typedef struct f5_quota_limits {
    int max_concurrent;       /* defaults for keys without their own */
    double quota_seconds;
    double retry_hint_s;      /* expected seconds until a running job ends (measured; <= 0 = unknown) */
    int retry_default_s;      /* Retry-After when nothing was measured */
} f5_quota_limits;

/* v->status: 0 admitted, 429 (concurrency_limit | quota_exceeded) with
 * Retry-After, or 503 queue_unavailable when the count cannot be read. */
void f5_quota_check(const f5_auth_caller *caller, const f5_quota_limits *lim, f5_queue *q, f5_usage *u, double now,
                    f5_auth_verdict *v);

#endif
