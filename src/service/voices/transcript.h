/* transcript.h - the transcript of a reference clip when the user gave
 * none: from the cache (voices/transcripts/<sha256 of the bytes>), else
 * from the configured ASR endpoint (asr.h), then cached. Thread-safe.
 */
#ifndef F5_VOICE_TRANSCRIPT_H
#define F5_VOICE_TRANSCRIPT_H

#include "service/voices/asr.h"
#include "service/voices/voice_store.h"

/* asr NULL or with an empty url: F5_ERR_NOT_FOUND ("no ASR configured").
 * *cached: the text came from the cache. *why as f5_asr_transcribe. */
f5_status f5_voice_transcript(f5_voices *v, const f5_asr_opts *asr, const void *audio, size_t len, const char *filename,
                              char **text, bool *cached, f5_asr_failure *why, f5_error *err);

#endif
