/* fuzz_service_form.c - libFuzzer driver for the POST /tts form fields
 * behind the multipart framing (which fuzz_service_multipart covers): the
 * input is a list of fields "name=value" separated by NUL bytes, fed to the
 * form's part callbacks as the multipart parser would (values in pieces of
 * byte 0's size), then validated. Whenever the form is accepted the typed
 * request must hold the documented ranges (speed 0.3-3, nfe 4-128, cfg
 * 0-10, finite numbers, non-empty UTF-8 text): a violation aborts. */
#include "service/http/tts_form.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    size_t piece = (size_t)(data[0] & 0x3f) + 1;
    bool prefer_async = data[0] & 0x80;
    f5_svc_config cfg;
    f5_svc_config_defaults(&cfg);
    cfg.max_text_chars = 64;
    f5_tts_form *form = f5_tts_form_new(&cfg, NULL, "refs/fuzz");
    if (!form) return 0;
    f5_error err = {0};
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    f5_status st = F5_OK;
    while (p < end && !st) {
        const char *rec_end = memchr(p, 0, (size_t)(end - p));
        if (!rec_end) rec_end = end;
        const char *eq = memchr(p, '=', (size_t)(rec_end - p));
        if (!eq) eq = rec_end;
        char name[80];
        size_t nl = (size_t)(eq - p) < sizeof name - 1 ? (size_t)(eq - p) : sizeof name - 1;
        memcpy(name, p, nl);
        name[nl] = 0;
        bool file = nl > 0 && name[0] == '@'; /* "@voice=..." = a file part */
        f5_mp_part part = {.name = file ? name + 1 : name, .filename = file ? "f.wav" : NULL, .content_type = NULL};
        st = f5_tts_form_callbacks.part_begin(form, &part, &err);
        const char *v = eq < rec_end ? eq + 1 : rec_end;
        for (; !st && v < rec_end; v += piece) {
            size_t k = (size_t)(rec_end - v) < piece ? (size_t)(rec_end - v) : piece;
            st = f5_tts_form_callbacks.part_data(form, v, k, &err);
        }
        if (!st) st = f5_tts_form_callbacks.part_end(form, &err);
        p = rec_end + 1;
    }
    f5_tts_request rq;
    if (!st && f5_tts_form_finish(form, prefer_async, &rq)) {
        const f5_job_params *jp = &rq.params;
        if (!(isfinite(jp->speed) && jp->speed >= 0.3f - 1e-6f && jp->speed <= 3.0f + 1e-6f)) abort();
        if (jp->nfe_step < 4 || jp->nfe_step > 128) abort();
        if (!(isfinite(jp->cfg_strength) && jp->cfg_strength >= 0 && jp->cfg_strength <= 10)) abort();
        if (!rq.text || !*rq.text) abort();
        /* exactly one reference: a saved voice or a committed upload */
        if ((rq.voice_id != NULL) == (rq.ref_key[0] != 0)) abort();
        /* a transcript, unless marked missing (the voice's, or ASR, fills it) */
        if (!rq.ref_text_missing && (!rq.ref_text || !*rq.ref_text)) abort();
    } else if (!f5_tts_form_error(form)->status) {
        abort(); /* rejected without saying why */
    }
    f5_tts_form_free(form);
    return 0;
}
