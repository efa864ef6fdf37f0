/* decode_impl.h - shared pieces of the per-format decoders (decode.c,
 * decode_vorbis.c, decode_mp3.c): header/length validation and a growing
 * mono buffer that downmixes as it goes. Internal to src/audio. */
#ifndef F5_AUDIO_DECODE_IMPL_H
#define F5_AUDIO_DECODE_IMPL_H

#include "audio/audio.h"

#define F5_RATE_MIN 1000
#define F5_RATE_MAX 768000
#define F5_CH_MAX 16

/* sample rate in [1000, 768000], channels in [1, 16]. */
f5_status f5_dec_check_header(const char *fmt, int64_t rate, int64_t ch, f5_error *err);
/* frames / rate against lim->max_seconds. */
f5_status f5_dec_check_length(const char *fmt, int64_t frames, int64_t rate, const f5_decode_limits *lim,
                              f5_error *err);

typedef struct f5_dec_acc {
    float *buf;          /* [cap] mono */
    int64_t n, cap;
    int64_t max_frames;  /* from the limits at `rate` */
    int rate;
    const char *fmt;
    const f5_decode_limits *lim;
} f5_dec_acc;

void f5_dec_acc_init(f5_dec_acc *a, const char *fmt, int rate, int64_t expected, const f5_decode_limits *lim);
/* Append frames given as interleaved (planar == NULL) or planar channels,
 * averaging the channels (float32 sum / ch, as torch.mean). Fails with
 * F5_ERR_AUDIO_TOO_LONG past the limit, F5_ERR_NOMEM. */
f5_status f5_dec_acc_push(f5_dec_acc *a, const float *interleaved, float *const *planar, int64_t frames, int ch,
                          f5_error *err);
void f5_dec_acc_free(f5_dec_acc *a);

f5_status f5_decode_vorbis(const void *bytes, size_t len, const f5_decode_limits *lim, f5_pcm *out, f5_error *err);
f5_status f5_decode_mp3(const void *bytes, size_t len, const f5_decode_limits *lim, f5_pcm *out, f5_error *err);

#endif
