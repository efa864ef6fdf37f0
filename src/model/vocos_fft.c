/* vocos_fft.c - one-time activation of FFTW's own planner lock, so that
 * sessions on different threads can create their plans concurrently while
 * our code keeps no mutable global state of its own. */
#include "model/vocos_fft.h"

#include <fftw3.h>
#include <pthread.h>

static pthread_once_t g_fftw_once = PTHREAD_ONCE_INIT;

static void fftw_once(void) { fftwf_make_planner_thread_safe(); }

void f5_fftw_planner_init(void) { pthread_once(&g_fftw_once, fftw_once); }
