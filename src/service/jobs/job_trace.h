/* job_trace.h - the spans of one job run, built by the worker: the job
 * continues the trace of the request that submitted it (the W3C
 * traceparent carried in f5_job_rec.trace_context, through either queue
 * backend, so a worker on another node continues it too). Spans:
 *   queue.wait         accepted -> claimed (child of the request span)
 *   job                claimed -> settled (child of the request span)
 *     storage.get      reading the uploaded reference
 *     reference.prepare decoding + preprocessing it (attr cache_hit)
 *     text.prepare     normalisation + chunk plan
 *     chunk.sample     one per chunk (attrs chunk, n_chunks, nfe_step)
 *     chunk.vocode     one per chunk
 *     encode           whole-result encoding (async / non-streamed formats)
 *     storage.put      storing the result
 * No text or audio goes into a span: lengths only. Tracing off (no tracer)
 * or a request that was not sampled: every call is a no-op.
 */
#ifndef F5_SVC_JOB_TRACE_H
#define F5_SVC_JOB_TRACE_H

#include "service/jobs/engine.h"
#include "service/obs/span.h"
#include "service/obs/tracer.h"
#include "service/queue/queue.h"

#include <stdbool.h>

typedef struct f5_job_trace {
    f5_obs_tracer *tracer; /* NULL: off */
    f5_obs_span job;       /* the job span (open until f5_job_trace_end) */
    int nfe_step;
} f5_job_trace;

/* Start the job span at claim time (claim_mono) and emit queue.wait. */
void f5_job_trace_begin(f5_job_trace *t, f5_obs_tracer *tracer, const f5_job_rec *rec, double claim_mono);
/* A child of the job span that ran from t0 to t1 (monotonic seconds);
 * error: NULL when it succeeded. */
void f5_job_trace_child(f5_job_trace *t, const char *name, double t0, double t1, const char *error);
/* An engine phase report as a child span. */
void f5_job_trace_phase(f5_job_trace *t, f5_svc_synth_phase phase, int chunk, int n_chunks, double t0, double t1);
/* End and emit the job span with the record's final state. */
void f5_job_trace_end(f5_job_trace *t, const f5_job_rec *rec);
/* The job span's id for log lines ("" when off; kept after the end). */
const char *f5_job_trace_span_id(const f5_job_trace *t);

#endif
