/* asr.h - transcription of reference clips through an OpenAI-compatible
 * endpoint (POST /v1/audio/transcriptions, multipart `file` + `model`, JSON
 * answer {"text": ...}), as whisper.cpp's server, faster-whisper servers
 * and OpenAI serve it. One blocking libcurl request with a total timeout;
 * no state between calls, thread-safe.
 */
#ifndef F5_ASR_H
#define F5_ASR_H

#include "f5tts.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct f5_asr_opts {
    const char *url;        /* base ("http://host:port") or the full .../audio/transcriptions URL */
    double timeout_s;       /* whole request (> 0) */
    const char *model;      /* "whisper-1" when NULL/"" */
    const char *api_key;    /* Bearer token or NULL */
    const char *language;   /* ISO code hint or NULL/"" */
} f5_asr_opts;

typedef enum f5_asr_failure {
    F5_ASR_OK = 0,
    F5_ASR_UNREACHABLE, /* connection failed */
    F5_ASR_TIMEOUT,     /* no complete answer within timeout_s */
    F5_ASR_HTTP_ERROR,  /* the server answered non-2xx */
    F5_ASR_BAD_ANSWER,  /* 2xx but not {"text": "..."} or an empty transcript */
} f5_asr_failure;

/* The endpoint URL that opts->url resolves to. */
void f5_asr_endpoint(const char *url, char *buf, size_t n);

/* Transcribe audio (encoded file bytes; filename names the part, e.g.
 * "ref.wav"). *text malloc'd, trimmed, non-empty. On failure *why says
 * which kind and err has a message naming the URL. */
f5_status f5_asr_transcribe(const f5_asr_opts *o, const void *audio, size_t len, const char *filename, char **text,
                            f5_asr_failure *why, f5_error *err);

#endif
