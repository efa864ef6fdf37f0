/* prepare.c - preparing a reference ahead of its first synthesis (jobs.h):
 * the speaker library calls it at enrolment so the first synthesis by
 * voice_id already hits the engine's reference cache. */
#include "service/jobs/jobs_impl.h"

#include <pthread.h>

f5_status f5_jobs_prepare_voice(f5_jobs *j, const void *audio, size_t len, const char *ref_text, bool *prepared,
                                f5_error *err) {
    *prepared = false;
    pthread_mutex_lock(&j->mu);
    f5_svc_engine *e = j->engine; /* set once by f5_jobs_start, lives until the jobs are freed */
    pthread_mutex_unlock(&j->mu);
    if (!e || !e->prepare) return F5_OK;
    bool cached = false;
    f5_status st = e->prepare(e->self, audio, len, ref_text, &cached, err);
    if (!st) *prepared = true;
    return st;
}
