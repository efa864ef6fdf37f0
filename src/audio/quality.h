/* quality.h - the enrolment quality gate for reference clips: measures a
 * decoded clip (duration, loudness, clipping, an SNR estimate, where the
 * 12 s reference clip would cut it) and turns the measures into warnings,
 * each with a stable code and a reason a user can act on. Pure C on
 * f5_pcm; no state, thread-safe.
 */
#ifndef F5_AUDIO_QUALITY_H
#define F5_AUDIO_QUALITY_H

#include "audio/audio.h"

#define F5_QUALITY_MAX_WARNINGS 8

typedef struct f5_quality_warning {
    char code[32];        /* too_short, will_be_cut, hard_cut, too_quiet, clipping, noisy, mostly_silent */
    char message[256];
} f5_quality_warning;

typedef struct f5_quality_report {
    double duration_s;        /* decoded length */
    int sample_rate;
    double peak_dbfs;         /* max |x| in dBFS (0 = full scale) */
    double rms_dbfs;          /* RMS over the whole clip */
    double active_rms_dbfs;   /* RMS over frames within 20 dB of the loudest (speech loudness, LUFS-ish) */
    double clipping_ratio;    /* share of samples at |x| >= 0.99 */
    double noise_floor_dbfs;  /* 10th percentile of 20 ms frame levels */
    double speech_level_dbfs; /* 95th percentile of frame levels */
    double snr_db;            /* speech_level - noise_floor */
    double silence_ratio;     /* share of frames below -50 dBFS or within 6 dB of the noise floor */
    double kept_seconds;      /* what the reference preprocessing keeps (12 s clip + edge trim) */
    bool will_cut;            /* the 12 s clip drops audio */
    double cut_at_s;          /* where (== kept_seconds minus the added 50 ms) when will_cut */
    int cut_stage;            /* 1 long silence, 2 short silence, 3 hard cut (mid-speech) */
    int n_warnings;
    f5_quality_warning warnings[F5_QUALITY_MAX_WARNINGS];
} f5_quality_report;

/* Thresholds of the warnings (f5_quality_default_limits()). */
typedef struct f5_quality_limits {
    double min_seconds;       /* 3: shorter clips capture the voice poorly */
    double min_active_dbfs;   /* -35: quieter speech is mostly noise after normalisation */
    double max_clipping;      /* 0.001 */
    double min_snr_db;        /* 15 */
    double max_silence;       /* 0.6 */
} f5_quality_limits;
f5_quality_limits f5_quality_default_limits(void);

/* Measure pcm (any rate, mono) and fill *out (zeroed first). lim may be
 * NULL (defaults). Fails only on empty input (F5_ERR_INVALID_AUDIO) or out
 * of memory; a clip the preprocessing would reject (all below -42 dBFS) is
 * reported as a warning, not an error. */
f5_status f5_audio_quality(const f5_pcm *pcm, const f5_quality_limits *lim, f5_quality_report *out, f5_error *err);

#endif
