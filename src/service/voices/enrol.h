/* enrol.h - adding a voice to the library: decode the clip, run the
 * quality gate (audio/quality.h; --strict-voices refuses a clip with any
 * warning), get the transcript (given, or cached/ASR), normalise it as
 * synthesis will, and store clip + record. Shared by POST /voices and
 * `f5tts voices add`. Thread-safe.
 */
#ifndef F5_VOICE_ENROL_H
#define F5_VOICE_ENROL_H

#include "service/voices/transcript.h"

typedef struct f5_voice_enrol_req {
    const void *audio;
    size_t len;
    const char *filename;      /* for the ASR upload; may be NULL */
    const char *name;
    const char *description;   /* may be NULL */
    const char *language;      /* may be NULL ("vi" then) */
    const char *ref_text;      /* NULL or blank: transcribe */
    const char *owner;         /* key name or "" */
    bool strict;               /* refuse on any quality warning */
    double max_seconds, min_seconds; /* decode limits (0 = defaults) */
    const f5_asr_opts *asr;    /* NULL = no ASR */
} f5_voice_enrol_req;

typedef enum f5_enrol_failure {
    F5_ENROL_OK = 0,
    F5_ENROL_BAD_FIELD,     /* name/description/language/ref_text invalid (field says which) */
    F5_ENROL_BAD_AUDIO,     /* not decodable, too long, too short */
    F5_ENROL_NEED_TEXT,     /* no ref_text and no ASR configured */
    F5_ENROL_ASR_FAILED,    /* ASR configured but failed */
    F5_ENROL_ASR_TIMEOUT,
    F5_ENROL_QUALITY,       /* strict and the report has warnings */
    F5_ENROL_NAME_TAKEN,
    F5_ENROL_INTERNAL,      /* storage, memory */
} f5_enrol_failure;

typedef struct f5_voice_enrol_out {
    f5_voice_rec rec;          /* the stored record (caller frees with f5_voice_rec_free) */
    f5_quality_report quality; /* also on F5_ENROL_QUALITY */
    bool deduped;              /* the clip bytes were stored already */
    bool transcript_cached;    /* the ASR transcript came from the cache */
    f5_enrol_failure why;
    char field[32];            /* the offending field on F5_ENROL_BAD_FIELD / BAD_AUDIO */
} f5_voice_enrol_out;

f5_status f5_voice_enrol(f5_voices *v, const f5_voice_enrol_req *rq, f5_voice_enrol_out *out, f5_error *err);

#endif
