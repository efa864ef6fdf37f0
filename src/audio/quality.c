/* quality.c - enrolment quality measures of a reference clip (quality.h).
 * Levels come from 20 ms frames (10 ms hop): the 10th percentile of frame
 * levels is the noise floor, the 95th the speech level, their difference
 * the SNR estimate; this needs no voice activity model and separates a
 * clip with pauses (floor far below speech) from stationary noise (all
 * frames alike). Where the 12 s clip cuts comes from running the real
 * reference preprocessing (f5_refprep), so it cannot disagree with what
 * synthesis will keep.
 */
#include "audio/quality.h"

#include "core/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLOOR_DB (-100.0)

f5_quality_limits f5_quality_default_limits(void) {
    return (f5_quality_limits){.min_seconds = 3.0, .min_active_dbfs = -35.0, .max_clipping = 0.001,
                               .min_snr_db = 15.0, .max_silence = 0.6};
}

static double to_db(double rms) {
    return rms > 1e-5 ? 20.0 * log10(rms) : FLOOR_DB;
}

static int cmp_dbl(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void warn(f5_quality_report *r, const char *code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn(f5_quality_report *r, const char *code, const char *fmt, ...) {
    if (r->n_warnings >= F5_QUALITY_MAX_WARNINGS) return;
    f5_quality_warning *w = &r->warnings[r->n_warnings++];
    snprintf(w->code, sizeof w->code, "%s", code);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->message, sizeof w->message, fmt, ap);
    va_end(ap);
}

f5_status f5_audio_quality(const f5_pcm *pcm, const f5_quality_limits *lim, f5_quality_report *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    if (!pcm || !pcm->data || pcm->n == 0 || pcm->sample_rate <= 0)
        return f5_errf(err, F5_ERR_INVALID_AUDIO, "quality: empty reference audio");
    f5_quality_limits L = lim ? *lim : f5_quality_default_limits();
    const float *x = pcm->data;
    size_t n = pcm->n;
    int sr = pcm->sample_rate;
    out->sample_rate = sr;
    out->duration_s = (double)n / sr;

    double peak = 0, sum2 = 0;
    size_t clipped = 0;
    for (size_t i = 0; i < n; i++) {
        double a = fabs((double)x[i]);
        if (a > peak) peak = a;
        if (a >= 0.99) clipped++;
        sum2 += (double)x[i] * x[i];
    }
    out->peak_dbfs = to_db(peak);
    out->rms_dbfs = to_db(sqrt(sum2 / (double)n));
    out->clipping_ratio = (double)clipped / (double)n;

    size_t win = (size_t)sr / 50, hop = (size_t)sr / 100;
    if (win < 1) win = 1;
    if (hop < 1) hop = 1;
    size_t nf = n <= win ? 1 : 1 + (n - win) / hop;
    double *lv = malloc(nf * sizeof *lv), *e2 = malloc(nf * sizeof *e2);
    if (!lv || !e2) {
        free(lv);
        free(e2);
        return f5_errf(err, F5_ERR_NOMEM, "quality: out of memory for %zu frames", nf);
    }
    for (size_t f = 0; f < nf; f++) {
        size_t a = f * hop, b = a + win < n ? a + win : n;
        double s = 0;
        for (size_t i = a; i < b; i++) s += (double)x[i] * x[i];
        e2[f] = s / (double)(b - a);
        lv[f] = to_db(sqrt(e2[f]));
    }
    double *sorted = malloc(nf * sizeof *sorted);
    if (!sorted) {
        free(lv);
        free(e2);
        return f5_errf(err, F5_ERR_NOMEM, "quality: out of memory for %zu frames", nf);
    }
    memcpy(sorted, lv, nf * sizeof *sorted);
    qsort(sorted, nf, sizeof *sorted, cmp_dbl);
    out->noise_floor_dbfs = sorted[(size_t)(0.10 * (double)(nf - 1))];
    out->speech_level_dbfs = sorted[(size_t)(0.95 * (double)(nf - 1))];
    out->snr_db = out->speech_level_dbfs - out->noise_floor_dbfs;
    double loud = sorted[nf - 1], act = 0;
    size_t n_act = 0, n_sil = 0;
    for (size_t f = 0; f < nf; f++) {
        if (lv[f] >= loud - 20.0) act += e2[f], n_act++;
        if (lv[f] < -50.0 || lv[f] < out->noise_floor_dbfs + 6.0) n_sil++;
    }
    out->active_rms_dbfs = n_act ? to_db(sqrt(act / (double)n_act)) : FLOOR_DB;
    out->silence_ratio = (double)n_sil / (double)nf;
    free(sorted);
    free(lv);
    free(e2);

    /* What the synthesis keeps: the real preprocessing. */
    f5_refprep_params rp = f5_refprep_default_params();
    f5_refprep_result rr;
    f5_error perr = {0};
    f5_status pst = f5_refprep(pcm, &rp, &rr, &perr);
    if (pst == F5_ERR_NOMEM) return f5_errf(err, F5_ERR_NOMEM, "quality: %s", perr.message);
    if (pst == F5_OK) {
        out->kept_seconds = rr.kept_seconds;
        out->will_cut = rr.clipped;
        out->cut_stage = rr.clipped ? rr.clip_stage : 0;
        out->cut_at_s = rr.clipped ? (rr.kept_seconds > 0.05 ? rr.kept_seconds - 0.05 : 0) : 0;
        f5_refprep_free(&rr);
    }

    if (pst != F5_OK)
        warn(out, "unusable", "the preprocessing rejects this clip: %s", perr.message);
    if (out->duration_s < L.min_seconds)
        warn(out, "too_short", "the clip is %.1f s: under %.0f s the voice is captured poorly (5-10 s of speech is best)",
             out->duration_s, L.min_seconds);
    if (out->will_cut && out->cut_stage == 3)
        warn(out, "hard_cut",
             "the clip is %.1f s and has no pause to cut at: synthesis keeps the first %.1f s, cut mid-speech, and the "
             "transcript no longer matches the audio; trim it to under 12 s at a pause",
             out->duration_s, out->cut_at_s);
    else if (out->will_cut)
        warn(out, "will_be_cut",
             "the clip is %.1f s: synthesis keeps only the first %.1f s (cut at a pause), so the transcript should "
             "cover only that part; trim the clip to under 12 s",
             out->duration_s, out->cut_at_s);
    if (out->active_rms_dbfs < L.min_active_dbfs)
        warn(out, "too_quiet", "speech is at %.1f dBFS (below %.0f dBFS): record closer to the microphone or louder",
             out->active_rms_dbfs, L.min_active_dbfs);
    if (out->clipping_ratio > L.max_clipping)
        warn(out, "clipping",
             "%.2f%% of the samples are at full scale (over %.2f%%): the recording is distorted; record with less gain",
             100.0 * out->clipping_ratio, 100.0 * L.max_clipping);
    if (out->snr_db < L.min_snr_db && out->speech_level_dbfs > -60.0) /* digital silence is not noise */
        warn(out, "noisy",
             "estimated SNR %.1f dB (below %.0f dB; noise floor %.1f dBFS, speech %.1f dBFS): background noise will "
             "be cloned with the voice; record in a quieter place",
             out->snr_db, L.min_snr_db, out->noise_floor_dbfs, out->speech_level_dbfs);
    else if (out->silence_ratio > L.max_silence)
        warn(out, "mostly_silent", "%.0f%% of the clip is silence or noise floor: the voice has too little speech",
             100.0 * out->silence_ratio);
    return F5_OK;
}
