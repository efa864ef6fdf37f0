/* fuzz_torch_zip.c - arbitrary bytes into the PyTorch ZIP checkpoint reader
 * (ZIP central directory, local headers, pickle, storage bounds). */
#include "model/torch_zip.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    f5_weights *w = f5_weights_new();
    f5_error err = {0};
    if (f5_torch_zip_parse(w, "fuzz", data, size, &err) == F5_OK) {
        for (size_t i = 0; i < f5_weights_count(w); i++) { /* every tensor must lie inside the input */
            const f5_tensor *t = f5_weights_at(w, i);
            volatile unsigned char sink = 0;
            for (size_t b = 0; b < t->nbytes; b += 64) sink ^= ((const unsigned char *)t->data)[b];
            if (t->nbytes) sink ^= ((const unsigned char *)t->data)[t->nbytes - 1];
            (void)sink;
        }
    }
    f5_weights_free(w);
    return 0;
}
