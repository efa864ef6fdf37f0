/* transcript.c - cached ASR of reference clips (transcript.h). */
#include "service/voices/transcript.h"

#include "core/error.h"

#include <stdlib.h>

f5_status f5_voice_transcript(f5_voices *v, const f5_asr_opts *asr, const void *audio, size_t len, const char *filename,
                              char **text, bool *cached, f5_asr_failure *why, f5_error *err) {
    *text = NULL;
    *cached = false;
    *why = F5_ASR_OK;
    char sha[65];
    if (!f5_voices_sha256_hex(audio, len, sha)) return f5_errf(err, F5_ERR_INTERNAL, "transcript: SHA-256 failed");
    f5_error e = {0};
    if (v && f5_voices_transcript_get(v, sha, text, &e) == F5_OK && *text) {
        *cached = true;
        return F5_OK;
    }
    if (!asr || !asr->url || !*asr->url)
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "no transcript (ref_text) was given and automatic transcription is not configured: send "
                       "ref_text, or start the server with --asr-url URL (env F5_ASR_URL) pointing at an "
                       "OpenAI-compatible /v1/audio/transcriptions service such as whisper.cpp's server");
    f5_status st = f5_asr_transcribe(asr, audio, len, filename, text, why, err);
    if (st) return st;
    if (v) f5_voices_transcript_put(v, sha, *text, &e); /* a cache miss next time is all a failure costs */
    return F5_OK;
}
