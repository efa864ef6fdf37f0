/* fuzz_service_multipart.c - libFuzzer driver for the POST /tts body path:
 * the Content-Type boundary parser, the streaming multipart parser fed in
 * pieces whose sizes come from the input, and the form validation behind it
 * (without storage). Input: byte 0 = piece size, then a Content-Type line
 * ending in '\n', then the body. */
#include "service/http/multipart.h"
#include "service/http/tts_form.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    size_t piece = (size_t)data[0] + 1;
    const char *p = (const char *)data + 1;
    size_t n = size - 1;
    const char *nl = memchr(p, '\n', n);
    if (!nl) return 0;
    char ct[256];
    size_t cl = (size_t)(nl - p);
    if (cl >= sizeof ct) return 0;
    memcpy(ct, p, cl);
    ct[cl] = 0;
    const char *body = nl + 1;
    size_t blen = n - cl - 1;

    char boundary[80];
    f5_error err = {0};
    if (f5_mp_boundary(ct, boundary, sizeof boundary, &err) != F5_OK) return 0;
    f5_svc_config cfg;
    f5_svc_config_defaults(&cfg);
    cfg.max_text_chars = 64;
    f5_tts_form *form = f5_tts_form_new(&cfg, NULL, "refs/fuzz");
    f5_multipart *mp = NULL;
    if (!form || f5_mp_new(boundary, &f5_tts_form_callbacks, form, &mp, &err) != F5_OK) goto out;
    f5_status st = F5_OK;
    for (size_t off = 0; off < blen && !st; off += piece) {
        size_t k = blen - off < piece ? blen - off : piece;
        st = f5_mp_feed(mp, body + off, k, &err);
    }
    if (!st && f5_mp_finish(mp, &err) == F5_OK) {
        f5_tts_request rq;
        (void)f5_tts_form_finish(form, false, &rq);
    }
out:
    f5_mp_free(mp);
    f5_tts_form_free(form);
    return 0;
}
