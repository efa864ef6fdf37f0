/* decode_vorbis.c - OGG/Vorbis through libvorbisfile with callbacks over
 * the caller's buffer (libsndfile's Vorbis path leaks on some corrupt
 * headers, found by fuzz_audio_decode). Chained streams are accepted when
 * every link has the first link's sample rate. */
#include "audio/decode_impl.h"

#include "core/error.h"

#include <string.h>
#include <vorbis/vorbisfile.h>

typedef struct memsrc {
    const uint8_t *p;
    size_t len, pos;
} memsrc;

static size_t ms_read(void *ptr, size_t size, size_t nmemb, void *ds) {
    memsrc *m = ds;
    if (!size || m->pos >= m->len) return 0;
    size_t n = (m->len - m->pos) / size;
    if (n > nmemb) n = nmemb;
    memcpy(ptr, m->p + m->pos, n * size);
    m->pos += n * size;
    return n;
}

static int ms_seek(void *ds, ogg_int64_t off, int whence) {
    memsrc *m = ds;
    ogg_int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (ogg_int64_t)m->pos : (ogg_int64_t)m->len;
    if (base + off < 0 || base + off > (ogg_int64_t)m->len) return -1;
    m->pos = (size_t)(base + off);
    return 0;
}

static long ms_tell(void *ds) { return (long)((memsrc *)ds)->pos; }

f5_status f5_decode_vorbis(const void *bytes, size_t len, const f5_decode_limits *lim, f5_pcm *out, f5_error *err) {
    memsrc src = {bytes, len, 0};
    ov_callbacks cb = {ms_read, ms_seek, NULL, ms_tell};
    OggVorbis_File vf;
    int r = ov_open_callbacks(&src, &vf, NULL, 0, cb);
    if (r < 0) return f5_errf(err, F5_ERR_INVALID_AUDIO, "ogg: not a decodable Vorbis stream (vorbisfile error %d)", r);
    f5_dec_acc acc = {0};
    vorbis_info *vi = ov_info(&vf, -1);
    f5_status st = vi ? f5_dec_check_header("ogg", vi->rate, vi->channels, err)
                      : f5_errf(err, F5_ERR_INVALID_AUDIO, "ogg: no Vorbis stream information");
    if (st != F5_OK) goto done;
    const long rate = vi->rate;
    const int ch0 = vi->channels;
    ogg_int64_t total = ov_pcm_total(&vf, -1);
    if (total > 0 && (st = f5_dec_check_length("ogg", total, rate, lim, err)) != F5_OK) goto done;
    f5_dec_acc_init(&acc, "ogg", (int)rate, total > 0 ? total : 0, lim);
    for (;;) {
        float **pcm = NULL;
        int link = -1;
        long n = ov_read_float(&vf, &pcm, 4096, &link);
        if (n == OV_HOLE) continue;
        if (n < 0) {
            if (acc.n > 0) break; /* keep what decoded before a corrupt tail */
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "ogg: Vorbis decoding failed (vorbisfile error %ld)", n);
            goto done;
        }
        if (n == 0) break;
        vorbis_info *li = ov_info(&vf, link);
        if (!li || li->rate != rate || li->channels < 1 || li->channels > F5_CH_MAX) {
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "ogg: chained stream changes to %ld Hz / %d channels",
                         li ? li->rate : 0, li ? li->channels : 0);
            goto done;
        }
        if ((st = f5_dec_acc_push(&acc, NULL, pcm, n, li->channels, err)) != F5_OK) goto done;
    }
    out->data = acc.buf;
    out->n = (size_t)acc.n;
    out->sample_rate = (int)rate;
    out->channels = ch0;
    acc.buf = NULL;
done:
    f5_dec_acc_free(&acc);
    ov_clear(&vf);
    return st;
}
