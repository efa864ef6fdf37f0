/* session.c - one thread's working state over a shared model + vocoder:
 * the DiT context (scratch, thread pool, cached text embedding), the Vocos
 * scratch and the kernel context. Creating N sessions over one model lets N
 * threads synthesise at once without any lock.
 */
#include "core/error.h"
#include "pipeline/pipeline_internal.h"

#include <stdlib.h>
#include <unistd.h>

f5_session_params f5_session_default_params(void) { return (f5_session_params){0}; }

f5_status f5_session_create(const f5_model *m, const f5_vocoder *v, const f5_session_params *pp, f5_session **out,
                            f5_error *err) {
    f5_session_params p = pp ? *pp : f5_session_default_params();
    f5_status s;
    *out = NULL;
    if (!m || !v) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_session_create: model and vocoder are required");
    if (p.n_threads < 0) return f5_errf(err, F5_ERR_INVALID_ARG, "n_threads %d < 0", p.n_threads);
    f5_session *se = calloc(1, sizeof *se);
    if (!se) return f5_errf(err, F5_ERR_NOMEM, "f5_session_create: out of memory");
    se->model = m;
    se->vocoder = v;
    int nt = p.n_threads > 0 ? p.n_threads : m->n_threads;
    if (nt <= 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        nt = c > 0 ? (int)c : 1;
    }
    f5_dit_ctx_params dp = f5_dit_ctx_default_params();
    dp.backend = m->device == F5_DEVICE_CUDA ? F5_BACKEND_CUDA : F5_BACKEND_CPU;
    dp.n_threads = nt;
    dp.prec = m->prec;
    if ((s = f5_dit_ctx_create(m->dit, &dp, &se->dit_ctx, err))) goto fail;
    /* the vocoder runs on the host, on the DiT's pool, in fp32 */
    const f5_kctx *dk = f5_dit_ctx_kernels(se->dit_ctx);
    se->kctx = (f5_kctx){.backend = F5_BACKEND_CPU, .n_threads = dk->n_threads, .pool = dk->pool};
    if ((s = f5_vocos_scratch_create(&se->vscratch, err))) goto fail;
    *out = se;
    return F5_OK;
fail:
    f5_session_free(se);
    return s;
}

void f5_session_free(f5_session *s) {
    if (!s) return;
    f5_dit_ctx_free(s->dit_ctx);
    f5_vocos_scratch_free(s->vscratch);
    free(s);
}
