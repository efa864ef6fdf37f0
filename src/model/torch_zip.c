/* torch_zip.c - placeholder until the torch checkpoint reader lands. */
#include "model/torch_zip.h"

#include "core/error.h"

f5_status f5_torch_zip_parse(f5_weights *w, const char *what, const void *data, size_t size, f5_error *err) {
    (void)w;
    (void)data;
    (void)size;
    return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: torch ZIP checkpoints are not supported yet", what);
}
