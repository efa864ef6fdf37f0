/* job_trace.c - the spans of one job run (see job_trace.h). */
#include "service/jobs/job_trace.h"

#include "service/obs/log.h"
#include "service/obs/trace.h"

#include <string.h>

void f5_job_trace_begin(f5_job_trace *t, f5_obs_tracer *tracer, const f5_job_rec *rec, double claim_mono) {
    memset(t, 0, sizeof *t);
    if (!tracer) return;
    f5_obs_trace ctx;
    if (f5_obs_traceparent_parse(rec->trace_context, &ctx)) {
        if (!(ctx.flags & 1)) return; /* the request was not sampled */
    } else { /* a job without a context (older record): a trace of its own */
        memset(&ctx, 0, sizeof ctx);
        if (!f5_obs_random_hex(ctx.trace_id, 16)) return;
    }
    t->tracer = tracer;
    t->nfe_step = rec->params.nfe_step;
    uint64_t claim_ns = f5_obs_mono_to_unix_ns(claim_mono);
    f5_obs_span q;
    uint64_t created_ns = rec->created_at > 0 ? (uint64_t)(rec->created_at * 1e9) : claim_ns;
    f5_obs_span_begin(&q, ctx.trace_id, ctx.parent_id, "queue.wait", F5_OBS_SPAN_INTERNAL, created_ns);
    f5_obs_span_str(&q, "f5.job.id", rec->id);
    f5_obs_span_int(&q, "f5.job.attempt", rec->attempts);
    f5_obs_span_end(&q, claim_ns > created_ns ? claim_ns : created_ns);
    f5_obs_tracer_submit(tracer, &q);
    f5_obs_span_begin(&t->job, ctx.trace_id, ctx.parent_id, "job", F5_OBS_SPAN_INTERNAL, claim_ns);
    f5_obs_span_str(&t->job, "f5.job.id", rec->id);
    f5_obs_span_int(&t->job, "f5.job.attempt", rec->attempts);
    f5_obs_span_int(&t->job, "f5.text.bytes", rec->text ? (long long)strlen(rec->text) : 0);
    f5_obs_span_int(&t->job, "f5.nfe_step", rec->params.nfe_step);
    f5_obs_span_str(&t->job, "f5.format", f5_audio_format_name(rec->params.format));
}

static void child(f5_job_trace *t, const char *name, double t0, double t1, const char *error, int chunk, int n_chunks,
                  int cache_hit) {
    if (!t->tracer) return;
    f5_obs_span s;
    f5_obs_span_begin(&s, t->job.trace_id, t->job.span_id, name, F5_OBS_SPAN_INTERNAL, f5_obs_mono_to_unix_ns(t0));
    if (chunk >= 0) {
        f5_obs_span_int(&s, "f5.chunk", chunk);
        f5_obs_span_int(&s, "f5.n_chunks", n_chunks);
        if (!strcmp(name, "chunk.sample")) f5_obs_span_int(&s, "f5.nfe_step", t->nfe_step);
    }
    if (cache_hit >= 0) f5_obs_span_int(&s, "f5.cache_hit", cache_hit);
    if (error) f5_obs_span_error(&s, error);
    f5_obs_span_end(&s, f5_obs_mono_to_unix_ns(t1));
    f5_obs_tracer_submit(t->tracer, &s);
}

void f5_job_trace_child(f5_job_trace *t, const char *name, double t0, double t1, const char *error) {
    child(t, name, t0, t1, error, -1, 0, -1);
}

void f5_job_trace_phase(f5_job_trace *t, f5_svc_synth_phase phase, int chunk, int n_chunks, double t0, double t1) {
    switch (phase) {
    case F5_SVC_PHASE_REFERENCE: child(t, "reference.prepare", t0, t1, NULL, -1, 0, 0); break;
    case F5_SVC_PHASE_REFERENCE_CACHED: child(t, "reference.prepare", t0, t1, NULL, -1, 0, 1); break;
    case F5_SVC_PHASE_TEXT: child(t, "text.prepare", t0, t1, NULL, -1, n_chunks, -1); break;
    case F5_SVC_PHASE_SAMPLE: child(t, "chunk.sample", t0, t1, NULL, chunk, n_chunks, -1); break;
    case F5_SVC_PHASE_VOCODE: child(t, "chunk.vocode", t0, t1, NULL, chunk, n_chunks, -1); break;
    }
}

void f5_job_trace_end(f5_job_trace *t, const f5_job_rec *rec) {
    if (!t->tracer) return;
    /* not terminal here: the run was handed back to the queue (shutdown) and goes on elsewhere */
    f5_obs_span_str(&t->job, "f5.job.state", f5_job_state_terminal(rec->state) ? f5_job_state_name(rec->state) : "requeued");
    if (rec->state == F5_JOB_SUCCEEDED) {
        f5_obs_span_double(&t->job, "f5.audio_seconds", rec->audio_seconds);
        f5_obs_span_ok(&t->job);
    } else if (rec->state == F5_JOB_FAILED) {
        f5_obs_span_error(&t->job, rec->error_code);
    }
    f5_obs_span_end(&t->job, 0);
    f5_obs_tracer_submit(t->tracer, &t->job);
    t->tracer = NULL;
}

const char *f5_job_trace_span_id(const f5_job_trace *t) {
    return t->job.span_id; /* "" when off (zeroed by begin) */
}
