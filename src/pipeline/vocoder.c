/* vocoder.c - loading Vocos for the public API: resolve the argument
 * (directory, weights file, "vocos" or a repo id in the Hugging Face cache)
 * and hand the files to the Vocos loader, which checks every tensor.
 */
#include "core/error.h"
#include "pipeline/device.h"
#include "pipeline/pipeline_internal.h"
#include "pipeline/resolve.h"

#include <stdlib.h>

f5_vocoder_params f5_vocoder_default_params(void) { return (f5_vocoder_params){.device = F5_DEVICE_AUTO}; }

f5_status f5_vocoder_load(const char *path, const f5_vocoder_params *pp, f5_vocoder **out, f5_error *err) {
    f5_vocoder_params p = pp ? *pp : f5_vocoder_default_params();
    f5_resolved_vocoder r;
    f5_status s;
    *out = NULL;
    f5_device dev;
    if ((s = f5_device_resolve(p.device, &dev, NULL, 0, err))) return s; /* --device cuda without one fails here too */
    if ((s = f5_resolve_vocoder(path, &r, err))) return s;
    f5_vocoder *v = calloc(1, sizeof *v);
    if (!v) return f5_errf(err, F5_ERR_NOMEM, "f5_vocoder_load: out of memory");
    v->device = F5_DEVICE_CPU; /* Vocos runs on the host on every device (its CUDA port is not done) */
    v->n_threads = p.n_threads;
    if ((s = f5_vocos_load(r.weights, &v->vocos, err))) {
        f5_err_prefix(err, s, "vocoder %s", r.weights);
        free(v);
        return s;
    }
    *out = v;
    return F5_OK;
}

void f5_vocoder_free(f5_vocoder *v) {
    if (!v) return;
    f5_vocos_free(v->vocos);
    free(v);
}
