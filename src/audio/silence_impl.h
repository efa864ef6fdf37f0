/* silence_impl.h - pydub-equivalent loudness measurements over a mono
 * float buffer, shared by silence.c and refprep.c. Internal to src/audio.
 *
 * pydub works in whole milliseconds: slice [a, b) ms covers samples
 * [int(a * (sr/1000.0)), int(b * (sr/1000.0))) (positions first clamped
 * to len ms; a slice reaching past the data is zero-padded), its rms is
 * audioop.rms truncated to an integer on the 16-bit sample scale, dBFS =
 * 20 log10(rms / 32768). We keep the cumulative sum of squares (of
 * x * 32768, in long double: exact for 16-bit data) at every millisecond
 * boundary, so each slice costs O(1).
 */
#ifndef F5_AUDIO_SILENCE_IMPL_H
#define F5_AUDIO_SILENCE_IMPL_H

#include "audio/audio.h"

typedef struct f5_loud {
    const float *x;
    size_t n;
    int sr;
    int64_t len_ms;      /* pydub len() */
    long double *cum;    /* [len_ms + 2]: sum of squares of samples [0, min(pos(ms), n)) */
} f5_loud;

f5_status f5_loud_init(f5_loud *l, const float *x, size_t n, int sr, f5_error *err);
void f5_loud_free(f5_loud *l);

/* Sample index of millisecond ms (after clamping to [0, len_ms]). */
int64_t f5_loud_pos(const f5_loud *l, int64_t ms);
/* audioop.rms of slice [a, b) ms: truncated integer. */
unsigned f5_loud_rms(const f5_loud *l, int64_t a_ms, int64_t b_ms);
/* pydub dBFS of slice [a, b) ms (-inf when rms is 0). */
double f5_loud_dbfs(const f5_loud *l, int64_t a_ms, int64_t b_ms);

/* pydub.silence.detect_silence / detect_nonsilent: ranges in ms. *out malloc'd. */
f5_status f5_detect_nonsilent(const f5_loud *l, int min_silence_ms, double thresh_db, int seek_step_ms, f5_seg **out,
                              size_t *n_out, f5_error *err);

/* Frames pydub's AudioSegment.silent(duration_ms) (made at 11025 Hz) has
 * once synced to rate sr by audioop.ratecv (sr >= 11025), e.g. 50 ms ->
 * 1198 samples at 24 kHz. */
size_t f5_pydub_silent_frames(int duration_ms, int sr);

#endif
