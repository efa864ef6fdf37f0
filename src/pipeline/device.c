/* device.c - the device rule (see device.h). The CUDA facts come from the
 * kernels layer, which answers "built without CUDA" in a build without it,
 * so nothing here depends on how the engine was built. */
#include "pipeline/device.h"

#include "core/error.h"
#include "kernels/kernels.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *f5_device_name(f5_device d) {
    switch (d) {
    case F5_DEVICE_AUTO: return "auto";
    case F5_DEVICE_CPU: return "cpu";
    case F5_DEVICE_CUDA: return "cuda";
    }
    return "?";
}

bool f5_device_parse(const char *s, f5_device *out) {
    if (!s) return false;
    if (!strcasecmp(s, "auto")) *out = F5_DEVICE_AUTO;
    else if (!strcasecmp(s, "cpu")) *out = F5_DEVICE_CPU;
    else if (!strcasecmp(s, "cuda") || !strcasecmp(s, "cuda:0") || !strcasecmp(s, "gpu")) *out = F5_DEVICE_CUDA;
    else return false;
    return true;
}

f5_status f5_device_decide(f5_device requested, bool cuda_built, int n_devices, const char *why_none,
                           f5_device *out, char *msg, size_t msg_n, f5_error *err) {
    const char *why = why_none && *why_none ? why_none : "the CUDA runtime reports no device";
    char tmp[320];
    if (!msg || !msg_n) msg = tmp, msg_n = sizeof tmp;
    switch (requested) {
    case F5_DEVICE_CPU:
        *out = F5_DEVICE_CPU;
        snprintf(msg, msg_n, "device cpu (requested)");
        return F5_OK;
    case F5_DEVICE_CUDA:
        if (!cuda_built)
            return f5_errf(err, F5_ERR_DEVICE,
                           "device cuda requested but this build has no CUDA backend (built without CUDA; use "
                           "--device cpu or auto)");
        if (n_devices <= 0) return f5_errf(err, F5_ERR_DEVICE, "device cuda requested but there is no CUDA device: %s", why);
        *out = F5_DEVICE_CUDA;
        snprintf(msg, msg_n, "device cuda (requested, %d device%s)", n_devices, n_devices == 1 ? "" : "s");
        return F5_OK;
    case F5_DEVICE_AUTO: break;
    }
    if (cuda_built && n_devices > 0) {
        *out = F5_DEVICE_CUDA;
        snprintf(msg, msg_n, "device auto: cuda (%d device%s)", n_devices, n_devices == 1 ? "" : "s");
    } else {
        *out = F5_DEVICE_CPU;
        snprintf(msg, msg_n, "device auto: cpu (%s%s)", cuda_built ? "no CUDA device: " : "built without CUDA",
                 cuda_built ? why : "");
    }
    return F5_OK;
}

f5_status f5_device_resolve(f5_device requested, f5_device *out, char *msg, size_t msg_n, f5_error *err) {
    char why[256] = "";
    bool built = f5_cuda_built();
    int n = requested == F5_DEVICE_CPU || !built ? 0 : f5_cuda_device_count(why, sizeof why);
    f5_status st = f5_device_decide(requested, built, n, why, out, msg, msg_n, err);
    if (st == F5_OK && *out == F5_DEVICE_CUDA && msg && msg_n) {
        char name[160];
        size_t mem = 0;
        if (f5_cuda_device_info(0, name, sizeof name, &mem, NULL) == F5_OK) {
            size_t l = strlen(msg);
            snprintf(msg + l, msg_n - l, ": %s, %.1f GiB", name, (double)mem / (1024.0 * 1024.0 * 1024.0));
        }
    }
    return st;
}
