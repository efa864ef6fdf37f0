/* stream.h - the output side of a synthesis: chunks go in as they are
 * vocoded, cross-faded audio comes out through the chunk-ready callback
 * (and/or into the result buffer) as soon as it is final.
 *
 * Only the cross-fade tail of the latest chunk is held back, to be faded
 * with the next one. With remove_silence the whole result is needed first
 * (silence is found over the complete waveform), so nothing is emitted
 * before the end: the callback is then called once, from finish().
 */
#ifndef F5_PIPELINE_STREAM_H
#define F5_PIPELINE_STREAM_H

#include "audio/audio.h"
#include "f5tts.h"

typedef struct f5_out_stream {
    f5_crossfader *xf;
    f5_chunk_fn on_chunk;
    void *user;
    bool keep;            /* collect everything into pcm (keep_pcm or remove_silence) */
    bool remove_silence;
    int chunk;            /* index of the chunk being pushed (reported to on_chunk) */
    int n_chunks;
    float *pcm;           /* [n] collected output */
    size_t n, cap;
    size_t emitted;       /* samples passed to on_chunk or collected */
} f5_out_stream;

f5_status f5_stream_init(f5_out_stream *s, const f5_synth_params *p, bool keep_pcm, int n_chunks, f5_error *err);
/* Push chunk i's final waveform (RMS already restored). */
f5_status f5_stream_push(f5_out_stream *s, int chunk, const float *wave, size_t n, f5_error *err);
/* Flush the held tail (and run silence removal when asked). */
f5_status f5_stream_finish(f5_out_stream *s, f5_error *err);
/* Move the collected pcm out (caller frees); NULL when nothing was kept. */
float *f5_stream_take(f5_out_stream *s, size_t *n);
void f5_stream_free(f5_out_stream *s);

#endif
