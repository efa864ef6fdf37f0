/* resample.c - torchaudio-compatible band-limited resampling.
 *
 * Our implementation of the algorithm torchaudio.functional.resample uses
 * with its defaults (method "sinc_interp_hann", lowpass_filter_width 6,
 * rolloff 0.99): rates are reduced by their gcd to orig/new; the cutoff is
 * base = min(orig, new) * rolloff; each of the `new` output phases j has a
 * kernel over 2w + orig input taps (w = ceil(6 * orig / base)):
 *     t = (-j/new + (k - w)/orig) * base, clamped to [-6, 6]
 *     h = sinc(pi t) * cos(pi t / 12)^2 * base / orig
 * computed in double and rounded to float32 like torchaudio's kernel. The
 * input is zero-padded by w on the left and w + orig on the right; output
 * frame i, phase j is the dot product of the kernel with the padded input
 * at i * orig; the result is cut to ceil(n * new / orig) samples.
 *
 * Pathological rate pairs (after gcd reduction the kernel bank would exceed
 * 8 M taps, e.g. 44101 Hz) fall back to libsoxr's very-high-quality
 * resampler: not bit-compatible with torchaudio, but such files are rare
 * and torchaudio itself would need gigabytes for them.
 */
#include "audio/audio.h"

#include "core/error.h"

#include <math.h>
#include <soxr.h>
#include <stdlib.h>
#include <string.h>

#define LOWPASS_WIDTH 6
#define ROLLOFF 0.99
#define MAX_KERNEL_TAPS ((int64_t)8 << 20)

static int64_t gcd64(int64_t a, int64_t b) {
    while (b) {
        int64_t t = a % b;
        a = b, b = t;
    }
    return a;
}

size_t f5_resample_out_len(size_t n, int orig_rate, int new_rate) {
    if (orig_rate <= 0 || new_rate <= 0) return 0;
    int64_t g = gcd64(orig_rate, new_rate), o = orig_rate / g, w = new_rate / g;
    /* ceil(n * w / o) without overflow for realistic n */
    unsigned __int128 num = (unsigned __int128)n * (uint64_t)w;
    return (size_t)((num + (uint64_t)o - 1) / (uint64_t)o);
}

static f5_status resample_soxr(const float *in, size_t n, int orig_rate, int new_rate, float *out, size_t out_n,
                               f5_error *err) {
    soxr_quality_spec_t q = soxr_quality_spec(SOXR_VHQ, 0);
    soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    size_t odone = 0;
    soxr_error_t e = soxr_oneshot(orig_rate, new_rate, 1, in, n, NULL, out, out_n, &odone, &io, &q, NULL);
    if (e) return f5_errf(err, F5_ERR_INTERNAL, "resample %d -> %d Hz (soxr): %s", orig_rate, new_rate, e);
    for (size_t i = odone; i < out_n; i++) out[i] = 0.f;
    return F5_OK;
}

f5_status f5_audio_resample(const float *in, size_t n, int orig_rate, int new_rate, float **out, size_t *out_n,
                            f5_error *err) {
    *out = NULL;
    *out_n = 0;
    if (orig_rate < 1000 || orig_rate > 768000 || new_rate < 1000 || new_rate > 768000)
        return f5_errf(err, F5_ERR_INVALID_ARG, "resample: rates %d -> %d Hz outside [1000, 768000]", orig_rate,
                       new_rate);
    if (!in && n) return f5_errf(err, F5_ERR_INVALID_ARG, "resample: NULL input");
    size_t on = f5_resample_out_len(n, orig_rate, new_rate);
    float *y = malloc((on ? on : 1) * sizeof *y);
    if (!y) return f5_errf(err, F5_ERR_NOMEM, "resample: out of memory for %zu samples", on);
    if (orig_rate == new_rate) {
        if (n) memcpy(y, in, n * sizeof *y);
        *out = y, *out_n = n;
        return F5_OK;
    }
    const int64_t g = gcd64(orig_rate, new_rate), O = orig_rate / g, W = new_rate / g;
    const double base = (double)(O < W ? O : W) * ROLLOFF;
    const int64_t width = (int64_t)ceil(LOWPASS_WIDTH * (double)O / base);
    const int64_t K = 2 * width + O; /* taps per phase */
    if (W * K > MAX_KERNEL_TAPS) {
        f5_status st = resample_soxr(in, n, orig_rate, new_rate, y, on, err);
        if (st != F5_OK) {
            free(y);
            return st;
        }
        *out = y, *out_n = on;
        return F5_OK;
    }
    float *kern = malloc((size_t)(W * K) * sizeof *kern);
    if (!kern) {
        free(y);
        return f5_errf(err, F5_ERR_NOMEM, "resample: out of memory for a %lld-tap kernel", (long long)(W * K));
    }
    const double scale = base / (double)O;
    for (int64_t j = 0; j < W; j++)
        for (int64_t k = 0; k < K; k++) {
            double t = (-(double)j / (double)W + (double)(k - width) / (double)O) * base;
            if (t < -LOWPASS_WIDTH) t = -LOWPASS_WIDTH;
            if (t > LOWPASS_WIDTH) t = LOWPASS_WIDTH;
            double c = cos(t * M_PI / LOWPASS_WIDTH / 2.0);
            double win = c * c;
            double tp = t * M_PI;
            double s = tp == 0.0 ? 1.0 : sin(tp) / tp;
            kern[j * K + k] = (float)(s * win * scale);
        }
    /* Output sample m = i*W + j reads padded input [i*O, i*O + K), i.e.
     * original indices [i*O - width, i*O - width + K); outside [0, n) is 0. */
    const int64_t N = (int64_t)n;
    for (size_t m = 0; m < on; m++) {
        int64_t i = (int64_t)m / W, j = (int64_t)m % W;
        int64_t s0 = i * O - width;
        const float *h = kern + j * K;
        int64_t k0 = s0 < 0 ? -s0 : 0, k1 = s0 + K > N ? N - s0 : K;
        double acc = 0.0;
        for (int64_t k = k0; k < k1; k++) acc += (double)h[k] * (double)in[s0 + k];
        y[m] = (float)acc;
    }
    free(kern);
    *out = y, *out_n = on;
    return F5_OK;
}
