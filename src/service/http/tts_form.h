/* tts_form.h - the POST /tts form: receives multipart parts as they stream
 * in (text fields into small bounded buffers, the `voice` file straight into
 * blob storage), then validates everything into a typed job. Each problem
 * becomes an HTTP status + stable code + message naming the field.
 * Not thread-safe (one form per request).
 */
#ifndef F5_HTTP_TTS_FORM_H
#define F5_HTTP_TTS_FORM_H

#include "service/config.h"
#include "service/http/multipart.h"
#include "service/queue/queue.h"
#include "service/store/store.h"

#include <stdbool.h>

typedef struct f5_tts_form f5_tts_form;

typedef struct f5_form_error {
    int status;          /* 0 = no error */
    char code[48];
    char field[64];
    char message[512];
} f5_form_error;

/* store may be NULL (a voice upload is then counted but not kept: used by
 * the fuzzer). ref_key
 * is where an uploaded `voice` goes ("refs/<job id>"). */
f5_tts_form *f5_tts_form_new(const f5_svc_config *cfg, f5_store *store, const char *ref_key);
void f5_tts_form_free(f5_tts_form *f); /* aborts an uncommitted upload */

/* Multipart callbacks; user = the form. */
extern const f5_mp_callbacks f5_tts_form_callbacks;

/* Record an error (first one wins). */
void f5_tts_form_fail(f5_tts_form *f, int status, const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
const f5_form_error *f5_tts_form_error(const f5_tts_form *f);

typedef struct f5_tts_request {
    f5_job_params params;
    bool seed_given;
    bool async;
    char *text;      /* owned by the form */
    char *ref_text;  /* owned by the form; NULL/blank when ref_text_missing */
    bool ref_text_missing; /* no (or a blank) ref_text: use the voice's, or transcribe the upload */
    const char *voice_id;  /* a saved voice (id or name) instead of an upload; owned by the form */
    char ref_key[96];      /* the committed upload ("" with voice_id) */
} f5_tts_request;

/* Validate the received fields (and commit the uploaded voice) into *out.
 * prefer_async: the Prefer: respond-async header was present. Returns false
 * with the form error set. */
bool f5_tts_form_finish(f5_tts_form *f, bool prefer_async, f5_tts_request *out);

#endif
