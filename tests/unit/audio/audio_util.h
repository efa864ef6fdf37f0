/* audio_util.h - helpers for the audio tests: test signals, WAV writing,
 * running external encoders, file slurping and signal comparison. */
#ifndef F5_TEST_AUDIO_UTIL_H
#define F5_TEST_AUDIO_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Two sines (440 Hz and 1234.5 Hz) with an amplitude envelope. */
static inline float *au_signal(size_t n, int sr) {
    float *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / sr;
        x[i] = (float)(0.3 * sin(2 * M_PI * 440 * t) + 0.15 * sin(2 * M_PI * 1234.5 * t)) * (float)(0.6 + 0.4 * sin(2 * M_PI * 2 * t));
    }
    return x;
}

/* Write mono or stereo 16-bit WAV (stereo: right = -left/2). Values are quantised as round(x*32767). */
static inline int au_write_wav16(const char *path, const float *x, size_t n, int sr, int ch) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    uint32_t data = (uint32_t)(n * 2 * ch);
    uint8_t h[44];
    memcpy(h, "RIFF", 4);
    uint32_t v = 36 + data;
    memcpy(h + 4, &v, 4);
    memcpy(h + 8, "WAVEfmt ", 8);
    v = 16, memcpy(h + 16, &v, 4);
    uint16_t s = 1;
    memcpy(h + 20, &s, 2);
    s = (uint16_t)ch, memcpy(h + 22, &s, 2);
    v = (uint32_t)sr, memcpy(h + 24, &v, 4);
    v = (uint32_t)(sr * 2 * ch), memcpy(h + 28, &v, 4);
    s = (uint16_t)(2 * ch), memcpy(h + 32, &s, 2);
    s = 16, memcpy(h + 34, &s, 2);
    memcpy(h + 36, "data", 4);
    memcpy(h + 40, &data, 4);
    fwrite(h, 1, 44, f);
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < ch; c++) {
            float y = c == 0 ? x[i] : -x[i] / 2;
            int16_t q = (int16_t)lrintf(y * 32767.f);
            fwrite(&q, 2, 1, f);
        }
    fclose(f);
    return 0;
}

static inline uint8_t *au_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
    *len = fread(b, 1, (size_t)(n > 0 ? n : 0), f);
    fclose(f);
    return b;
}

static inline int au_have(const char *tool) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

static inline int au_run(const char *cmd) {
    char full[2048];
    snprintf(full, sizeof full, "%s >/dev/null 2>&1", cmd);
    return system(full);
}

/* A fresh temporary directory (mkdtemp) path in buf. */
static inline const char *au_tmpdir(char *buf, size_t cap) {
    snprintf(buf, cap, "/tmp/f5_audio_test_XXXXXX");
    return mkdtemp(buf);
}

/* Best SNR (dB) of y against x over lags in [-maxlag, maxlag] (y shifted),
 * over the overlapping part; *lag_out gets the lag. */
static inline double au_snr_aligned(const float *x, size_t nx, const float *y, size_t ny, int maxlag, int *lag_out) {
    double best = -1e9;
    int bl = 0;
    for (int lag = -maxlag; lag <= maxlag; lag++) {
        double s = 0, e = 0;
        size_t cnt = 0;
        for (size_t i = 2000; i + 2000 < nx; i++) {
            long j = (long)i + lag;
            if (j < 0 || (size_t)j >= ny) continue;
            double d = (double)y[j] - x[i];
            s += (double)x[i] * x[i];
            e += d * d;
            cnt++;
        }
        if (cnt < nx / 2) continue;
        double snr = 10 * log10(s / (e + 1e-30));
        if (snr > best) best = snr, bl = lag;
    }
    if (lag_out) *lag_out = bl;
    return best;
}

/* Goertzel power of frequency f (normalised by n^2). */
static inline double au_tone_power(const float *x, size_t n, int sr, double f) {
    double w = 2 * M_PI * f / sr, c = 2 * cos(w), s1 = 0, s2 = 0;
    for (size_t i = 0; i < n; i++) {
        double s0 = x[i] + c * s1 - s2;
        s2 = s1, s1 = s0;
    }
    return (s1 * s1 + s2 * s2 - c * s1 * s2) / ((double)n * n);
}

#endif
