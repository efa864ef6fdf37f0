/* mel.h - F5-TTS / Vocos log-mel spectrogram ("vocos" mel type).
 *
 * Reflect-pad 512, periodic Hann 1024, |rfft| (power 1), HTK mel filterbank
 * 0..12000 Hz with 100 bins and no norm (computed in double, stored f32),
 * ln(max(x, 1e-5)); output layout [100, frames] with frames = n/256 + 1.
 *
 * An f5_mel owns FFTW plans and scratch: create one per thread (creation is
 * serialised internally through FFTW's thread-safe planner; execution needs
 * no lock). The filterbank and window are read-only after creation.
 */
#ifndef F5_AUDIO_MEL_H
#define F5_AUDIO_MEL_H

#include "f5tts.h"

#include <stddef.h>
#include <stdint.h>

#define F5_MEL_NFFT 1024
#define F5_MEL_HOP 256
#define F5_MEL_NBINS 513 /* n_fft/2 + 1 */

typedef struct f5_mel f5_mel;

f5_status f5_mel_create(f5_mel **out, f5_error *err);
void f5_mel_free(f5_mel *m);

/* Frames for n samples: n/256 + 1. */
int64_t f5_mel_frames(size_t n);

/* Log-mel of wave[n] (n > 512, reflect padding needs it; else
 * F5_ERR_AUDIO_TOO_SHORT) into mel[100 * frames], layout [100, frames].
 * mel_t: optional second layout [frames, 100] (what the DiT eats); either
 * pointer may be NULL. Not thread-safe per object. */
f5_status f5_mel_compute(f5_mel *m, const float *wave, size_t n, float *mel, float *mel_t, f5_error *err);

/* |STFT| of wave[n] into mag[513 * frames], layout [513, frames]. */
f5_status f5_mel_spec_mag(f5_mel *m, const float *wave, size_t n, float *mag, f5_error *err);

/* The filterbank [513, 100] (torchaudio melscale_fbanks layout) and the window [1024]. */
const float *f5_mel_filterbank(const f5_mel *m);
const float *f5_mel_window(const f5_mel *m);

#endif
