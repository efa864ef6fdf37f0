/* voice_rec.h - one speaker-library voice: what was enrolled (the clip,
 * content-addressed by the SHA-256 of its bytes), its transcript and the
 * normalised form synthesis uses, who owns it, and the enrolment quality
 * report. Persisted as one JSON object per voice (voices/meta/<id>.json);
 * this file converts between the record and that JSON.
 */
#ifndef F5_VOICE_REC_H
#define F5_VOICE_REC_H

#include "audio/quality.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#define F5_VOICE_ID_LEN 26    /* "v_" + 24 hex */
#define F5_VOICE_NAME_MAX 64  /* bytes of UTF-8 */
#define F5_VOICE_DESC_MAX 1024
#define F5_VOICE_TEXT_MAX 4096

typedef struct f5_voice_rec {
    char id[F5_VOICE_ID_LEN + 1];
    char name[F5_VOICE_NAME_MAX + 1];
    char language[17];
    char owner[65];           /* key name of the creator ("" = created with auth off / by the CLI) */
    char clip_sha256[65];     /* hex SHA-256 of the clip bytes */
    char clip_key[96];        /* "voices/clips/<sha256>" */
    char format[8];           /* wav | flac | ogg | opus | mp3 */
    uint64_t clip_bytes;
    double duration_s;
    double created_at, updated_at; /* epoch seconds */
    char *description;        /* owned, "" when none */
    char *ref_text;           /* owned */
    char *ref_text_normalized;/* owned */
    bool ref_text_from_asr;   /* the transcript came from the configured ASR service */
    json_t *quality;          /* owned: the report (f5_voice_quality_json) */
} f5_voice_rec;

void f5_voice_rec_free(f5_voice_rec *r); /* frees owned fields, not r */
/* Deep copy; false on out of memory (dst zeroed). */
bool f5_voice_rec_copy(f5_voice_rec *dst, const f5_voice_rec *src);

/* The record as JSON (the stored form and the API's GET /voices/{id}). */
json_t *f5_voice_rec_to_json(const f5_voice_rec *r);
/* Parse the stored form; false (with a message) on a malformed object. */
bool f5_voice_rec_from_json(const json_t *j, f5_voice_rec *r, char *msg, size_t msg_n);

/* A quality report as JSON: measures, the 12 s cut, warnings [{code, message}], "ok". */
json_t *f5_voice_quality_json(const f5_quality_report *q);

/* "v_" + 24 lower-case hex digits. */
bool f5_voice_id_valid(const char *s);
/* A voice name: 1..64 bytes of valid UTF-8 with no control character, not
 * blank, not shaped like an id. NULL when valid, else the reason. */
const char *f5_voice_name_problem(const char *s);

#endif
