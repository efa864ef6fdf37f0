/* memio.c - libsndfile virtual I/O callbacks over a memory buffer, so that
 * decoding reads straight from the request body and encoding produces bytes
 * without temporary files. */
#include "audio/memio.h"

#include <stdlib.h>
#include <string.h>

static sf_count_t mio_len(void *u) { return (sf_count_t)((f5_memio *)u)->len; }

static sf_count_t mio_seek(sf_count_t off, int whence, void *u) {
    f5_memio *m = u;
    sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (sf_count_t)m->pos : (sf_count_t)m->len;
    sf_count_t p = base + off;
    if (p < 0) return -1;
    if (!m->writable && (size_t)p > m->len) p = (sf_count_t)m->len;
    m->pos = (size_t)p;
    return p;
}

static sf_count_t mio_read(void *ptr, sf_count_t count, void *u) {
    f5_memio *m = u;
    if (count <= 0 || m->pos >= m->len) return 0;
    size_t n = (size_t)count;
    if (n > m->len - m->pos) n = m->len - m->pos;
    memcpy(ptr, m->buf + m->pos, n);
    m->pos += n;
    return (sf_count_t)n;
}

static sf_count_t mio_write(const void *ptr, sf_count_t count, void *u) {
    f5_memio *m = u;
    if (!m->writable || count <= 0) return 0;
    size_t n = (size_t)count, end = m->pos + n;
    if (end > m->cap) {
        size_t nc = m->cap ? m->cap : 4096;
        while (nc < end) nc *= 2;
        uint8_t *nb = realloc(m->buf, nc);
        if (!nb) {
            m->oom = true;
            return 0;
        }
        m->buf = nb;
        m->cap = nc;
    }
    if (m->pos > m->len) memset(m->buf + m->len, 0, m->pos - m->len);
    memcpy(m->buf + m->pos, ptr, n);
    m->pos = end;
    if (end > m->len) m->len = end;
    return (sf_count_t)n;
}

static sf_count_t mio_tell(void *u) { return (sf_count_t)((f5_memio *)u)->pos; }

const SF_VIRTUAL_IO f5_memio_vio = {mio_len, mio_seek, mio_read, mio_write, mio_tell};
