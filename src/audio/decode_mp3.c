/* decode_mp3.c - MPEG audio (MP1/2/3) through libmpg123 with a seekable
 * reader over the caller's buffer, float output, gapless (encoder delay and
 * padding from the LAME tag removed) and MPG123_QUIET: the library must not
 * print (libsndfile's MPEG path lets mpg123 warn on stderr). */
#include "audio/decode_impl.h"

#include "core/error.h"

#include <mpg123.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

typedef struct memsrc {
    const uint8_t *p;
    size_t len, pos;
} memsrc;

static mpg123_ssize_t ms_read(void *h, void *buf, size_t n) {
    memsrc *m = h;
    if (m->pos >= m->len) return 0;
    if (n > m->len - m->pos) n = m->len - m->pos;
    memcpy(buf, m->p + m->pos, n);
    m->pos += n;
    return (mpg123_ssize_t)n;
}

static off_t ms_seek(void *h, off_t off, int whence) {
    memsrc *m = h;
    off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off_t)m->pos : (off_t)m->len;
    if (base + off < 0 || base + off > (off_t)m->len) return -1;
    m->pos = (size_t)(base + off);
    return (off_t)m->pos;
}

f5_status f5_decode_mp3(const void *bytes, size_t len, const f5_decode_limits *lim, f5_pcm *out, f5_error *err) {
    int e = MPG123_OK;
    mpg123_handle *mh = mpg123_new(NULL, &e);
    if (!mh) return f5_errf(err, F5_ERR_NOMEM, "mp3: cannot create a decoder: %s", mpg123_plain_strerror(e));
    memsrc src = {bytes, len, 0};
    f5_dec_acc acc = {0};
    f5_status st = F5_OK;
    float *buf = NULL;
    mpg123_param(mh, MPG123_ADD_FLAGS, MPG123_QUIET | MPG123_GAPLESS, 0);
    mpg123_param(mh, MPG123_RESYNC_LIMIT, 4096, 0);
    mpg123_format_none(mh);
    const long *rates;
    size_t nr;
    mpg123_rates(&rates, &nr);
    for (size_t i = 0; i < nr; i++) mpg123_format(mh, rates[i], MPG123_MONO | MPG123_STEREO, MPG123_ENC_FLOAT_32);
    if (mpg123_replace_reader_handle(mh, ms_read, ms_seek, NULL) != MPG123_OK ||
        mpg123_open_handle(mh, &src) != MPG123_OK) {
        st = f5_errf(err, F5_ERR_INVALID_AUDIO, "mp3: cannot open the stream: %s", mpg123_strerror(mh));
        goto done;
    }
    long rate = 0;
    int ch = 0, enc = 0;
    if (mpg123_getformat(mh, &rate, &ch, &enc) != MPG123_OK) {
        st = f5_errf(err, F5_ERR_INVALID_AUDIO, "mp3: no MPEG audio frame found: %s", mpg123_strerror(mh));
        goto done;
    }
    if ((st = f5_dec_check_header("mp3", rate, ch, err)) != F5_OK) goto done;
    off_t total = mpg123_length(mh);
    if (total > 0 && (st = f5_dec_check_length("mp3", total, rate, lim, err)) != F5_OK) goto done;
    f5_dec_acc_init(&acc, "mp3", (int)rate, total > 0 ? (int64_t)total : 0, lim);
    enum { BUFB = 1 << 16 };
    buf = malloc(BUFB);
    if (!buf) {
        st = f5_errf(err, F5_ERR_NOMEM, "mp3: out of memory");
        goto done;
    }
    const int ch0 = ch;
    for (;;) {
        size_t got = 0;
        int r = mpg123_read(mh, (unsigned char *)buf, BUFB, &got);
        if (got > 0 && (st = f5_dec_acc_push(&acc, buf, NULL, (int64_t)(got / sizeof(float) / (size_t)ch), ch, err)))
            goto done;
        if (r == MPG123_DONE) break;
        if (r == MPG123_NEW_FORMAT) {
            long r2;
            int c2, e2;
            mpg123_getformat(mh, &r2, &c2, &e2);
            if (r2 != rate || c2 < 1 || c2 > 2) {
                st = f5_errf(err, F5_ERR_INVALID_AUDIO, "mp3: stream changes format to %ld Hz / %d channels", r2, c2);
                goto done;
            }
            ch = c2;
            continue;
        }
        if (r != MPG123_OK) {
            if (acc.n > 0) break; /* keep what decoded before a corrupt tail */
            st = f5_errf(err, F5_ERR_INVALID_AUDIO, "mp3: decoding failed: %s", mpg123_strerror(mh));
            goto done;
        }
    }
    out->data = acc.buf;
    out->n = (size_t)acc.n;
    out->sample_rate = (int)rate;
    out->channels = ch0;
    acc.buf = NULL;
done:
    free(buf);
    f5_dec_acc_free(&acc);
    mpg123_close(mh);
    mpg123_delete(mh);
    return st;
}
