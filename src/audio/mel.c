/* mel.c - the F5-TTS "vocos" log-mel spectrogram with FFTW: reflect padding,
 * periodic Hann window, |rfft| per hop, HTK triangular filterbank (built in
 * double exactly as torchaudio melscale_fbanks(513, 0, 12000, 100, 24000,
 * norm=None, mel_scale="htk")), natural log clamped at 1e-5. */
#include "audio/mel.h"

#include "core/error.h"
#include "model/vocos_fft.h"

#include <fftw3.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N_MELS 100
#define SR 24000

struct f5_mel {
    float window[F5_MEL_NFFT];         /* [1024] periodic Hann */
    float fb[F5_MEL_NBINS * N_MELS];   /* [513, 100] */
    int fb_lo[N_MELS], fb_hi[N_MELS];  /* non-zero bin range [lo, hi) of each triangle */
    float *frame;                      /* [1024] fftw input */
    fftwf_complex *spec;               /* [513] fftw output */
    fftwf_plan plan;
    float mag[F5_MEL_NBINS];           /* [513] scratch */
};

static double hz_to_mel(double f) { return 2595.0 * log10(1.0 + f / 700.0); }
static double mel_to_hz(double m) { return 700.0 * (pow(10.0, m / 2595.0) - 1.0); }

static void build_filterbank(f5_mel *m) {
    double f_pts[N_MELS + 2];
    double m_min = hz_to_mel(0.0), m_max = hz_to_mel(SR / 2.0);
    for (int i = 0; i < N_MELS + 2; i++) f_pts[i] = mel_to_hz(m_min + (m_max - m_min) * i / (N_MELS + 1));
    for (int k = 0; k < F5_MEL_NBINS; k++) {
        double f = (double)(SR / 2) * k / (F5_MEL_NBINS - 1);
        for (int j = 0; j < N_MELS; j++) {
            double down = (f - f_pts[j]) / (f_pts[j + 1] - f_pts[j]);
            double up = (f_pts[j + 2] - f) / (f_pts[j + 2] - f_pts[j + 1]);
            double v = fmin(down, up);
            m->fb[k * N_MELS + j] = (float)(v > 0 ? v : 0);
        }
    }
    for (int j = 0; j < N_MELS; j++) {
        int lo = F5_MEL_NBINS, hi = 0;
        for (int k = 0; k < F5_MEL_NBINS; k++)
            if (m->fb[k * N_MELS + j] != 0.f) {
                if (k < lo) lo = k;
                hi = k + 1;
            }
        m->fb_lo[j] = lo < hi ? lo : 0;
        m->fb_hi[j] = lo < hi ? hi : 0;
    }
}

f5_status f5_mel_create(f5_mel **out, f5_error *err) {
    *out = NULL;
    f5_mel *m = calloc(1, sizeof *m);
    if (!m) return f5_errf(err, F5_ERR_NOMEM, "mel: out of memory");
    for (int i = 0; i < F5_MEL_NFFT; i++) m->window[i] = (float)(0.5 - 0.5 * cos(2.0 * M_PI * i / F5_MEL_NFFT));
    build_filterbank(m);
    m->frame = fftwf_malloc(sizeof(float) * F5_MEL_NFFT);
    m->spec = fftwf_malloc(sizeof(fftwf_complex) * F5_MEL_NBINS);
    if (!m->frame || !m->spec) {
        f5_mel_free(m);
        return f5_errf(err, F5_ERR_NOMEM, "mel: out of memory for FFT buffers");
    }
    f5_fftw_planner_init();
    m->plan = fftwf_plan_dft_r2c_1d(F5_MEL_NFFT, m->frame, m->spec, FFTW_ESTIMATE);
    if (!m->plan) {
        f5_mel_free(m);
        return f5_errf(err, F5_ERR_INTERNAL, "mel: FFTW could not plan a %d-point real FFT", F5_MEL_NFFT);
    }
    *out = m;
    return F5_OK;
}

void f5_mel_free(f5_mel *m) {
    if (!m) return;
    if (m->plan) {
        f5_fftw_planner_init();
        fftwf_destroy_plan(m->plan);
    }
    fftwf_free(m->frame);
    fftwf_free(m->spec);
    free(m);
}

int64_t f5_mel_frames(size_t n) { return (int64_t)(n / F5_MEL_HOP) + 1; }

const float *f5_mel_filterbank(const f5_mel *m) { return m->fb; }
const float *f5_mel_window(const f5_mel *m) { return m->window; }

/* |STFT| of frame t into m->mag (reflect padding of 512 on both sides). */
static void frame_mag(f5_mel *m, const float *x, size_t n, int64_t t) {
    const int64_t pad = F5_MEL_NFFT / 2, N = (int64_t)n;
    int64_t start = t * F5_MEL_HOP - pad;
    for (int i = 0; i < F5_MEL_NFFT; i++) {
        int64_t j = start + i;
        if (j < 0) j = -j;
        if (j >= N) j = 2 * (N - 1) - j;
        m->frame[i] = x[j] * m->window[i];
    }
    fftwf_execute(m->plan);
    for (int k = 0; k < F5_MEL_NBINS; k++) {
        float re = m->spec[k][0], im = m->spec[k][1];
        m->mag[k] = sqrtf(re * re + im * im);
    }
}

static f5_status check_input(const float *wave, size_t n, f5_error *err) {
    if (!wave) return f5_errf(err, F5_ERR_INVALID_ARG, "mel: NULL waveform");
    if (n <= F5_MEL_NFFT / 2)
        return f5_errf(err, F5_ERR_AUDIO_TOO_SHORT,
                       "mel: %zu samples is too short (reflect padding needs more than %d samples)", n,
                       F5_MEL_NFFT / 2);
    return F5_OK;
}

f5_status f5_mel_compute(f5_mel *m, const float *wave, size_t n, float *mel, float *mel_t, f5_error *err) {
    f5_status st = check_input(wave, n, err);
    if (st != F5_OK) return st;
    int64_t T = f5_mel_frames(n);
    for (int64_t t = 0; t < T; t++) {
        frame_mag(m, wave, n, t);
        for (int j = 0; j < N_MELS; j++) {
            float acc = 0.f;
            for (int k = m->fb_lo[j]; k < m->fb_hi[j]; k++) acc += m->mag[k] * m->fb[k * N_MELS + j];
            float v = logf(acc > 1e-5f ? acc : 1e-5f);
            if (mel) mel[(int64_t)j * T + t] = v;
            if (mel_t) mel_t[t * N_MELS + j] = v;
        }
    }
    return F5_OK;
}

f5_status f5_mel_spec_mag(f5_mel *m, const float *wave, size_t n, float *mag, f5_error *err) {
    f5_status st = check_input(wave, n, err);
    if (st != F5_OK) return st;
    int64_t T = f5_mel_frames(n);
    for (int64_t t = 0; t < T; t++) {
        frame_mag(m, wave, n, t);
        for (int k = 0; k < F5_MEL_NBINS; k++) mag[(int64_t)k * T + t] = m->mag[k];
    }
    return F5_OK;
}
