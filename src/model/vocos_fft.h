/* vocos_fft.h - FFTW planner set-up shared by the Vocos ISTFT and the
 * log-mel (src/audio/mel.c). FFTW's planner is not thread-safe; FFTW itself
 * offers a process-wide lock (fftwf_make_planner_thread_safe). Every code
 * path that creates or destroys an FFTW plan calls this first. */
#ifndef F5_MODEL_VOCOS_FFT_H
#define F5_MODEL_VOCOS_FFT_H

/* Idempotent, thread-safe (pthread_once). */
void f5_fftw_planner_init(void);

#endif
