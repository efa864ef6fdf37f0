/* fuzz_service_traceparent.c - libFuzzer driver for the W3C traceparent
 * parser: any input is a NUL-terminated header value; an accepted one must
 * format back to a 55-character version-00 header. */
#include "service/obs/trace.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = 0;
    f5_obs_trace t = {0};
    if (f5_obs_traceparent_parse(s, &t)) {
        memcpy(t.span_id, "0123456789abcdef", 17);
        char out[64];
        f5_obs_traceparent_format(&t, out, sizeof out);
        if (strlen(out) != 55) abort();
    }
    free(s);
    return 0;
}
