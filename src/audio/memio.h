/* memio.h - libsndfile virtual I/O over memory: a read-only view of a caller
 * buffer (decoding) and a growable malloc'd buffer (encoding). Internal to
 * src/audio. */
#ifndef F5_AUDIO_MEMIO_H
#define F5_AUDIO_MEMIO_H

#include <sndfile.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct f5_memio {
    uint8_t *buf;       /* read: the caller's bytes (not owned); write: malloc'd */
    size_t len;         /* valid bytes */
    size_t cap;         /* write: allocated bytes */
    size_t pos;
    bool writable;
    bool oom;           /* a write could not grow the buffer */
} f5_memio;

/* The callbacks table for sf_open_virtual (user_data = f5_memio *). */
extern const SF_VIRTUAL_IO f5_memio_vio;

#endif
