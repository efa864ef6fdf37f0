/* quota.c - see quota.h. */
#include "service/auth/quota.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void f5_quota_check(const f5_auth_caller *caller, const f5_quota_limits *lim, f5_queue *q, f5_usage *u, double now,
                    f5_auth_verdict *v) {
    memset(v, 0, sizeof *v);
    const char *who = caller->authenticated ? caller->key_id : "";
    char name[F5_KEY_NAME_MAX + 16];
    snprintf(name, sizeof name, caller->authenticated ? "key '%s'" : "%s", caller->authenticated ? who : "this client");
    int maxc = caller->max_concurrent > 0 ? caller->max_concurrent : lim->max_concurrent;
    if (maxc > 0 && q) {
        long long n = 0;
        f5_error e = {0};
        if (f5_queue_count_active(q, who, &n, &e) != F5_OK) {
            v->status = 503;
            v->code = "queue_unavailable";
            snprintf(v->message, sizeof v->message, "cannot count the running jobs: %.200s", e.message);
            return;
        }
        if (n >= maxc) {
            v->status = 429;
            v->code = "concurrency_limit";
            snprintf(v->message, sizeof v->message,
                     "%s already has %lld queued or running jobs (limit %d); retry when one has finished", name, n, maxc);
            int ra = lim->retry_hint_s > 0 ? (int)ceil(lim->retry_hint_s) : lim->retry_default_s;
            v->retry_after_s = ra < 1 ? 1 : ra > 3600 ? 3600 : ra;
            return;
        }
    }
    double quota = caller->quota_seconds_per_day > 0 ? caller->quota_seconds_per_day : lim->quota_seconds;
    if (quota > 0 && u) {
        double used = 0;
        f5_error e = {0};
        if (f5_usage_get(u, who, f5_usage_day(now), &used, &e) != F5_OK) {
            v->status = 503;
            v->code = "queue_unavailable";
            snprintf(v->message, sizeof v->message, "cannot read the usage counters: %.200s", e.message);
            return;
        }
        if (used >= quota) {
            v->status = 429;
            v->code = "quota_exceeded";
            snprintf(v->message, sizeof v->message,
                     "%s has used %.1f of its %.0f audio seconds for today (UTC); the quota resets at midnight UTC",
                     name, used, quota);
            v->retry_after_s = f5_usage_seconds_to_midnight(now);
        }
    }
}
