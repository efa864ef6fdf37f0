/* textprep.c - the text side of a synthesis before planning: normalisation
 * as the model expects it, the "is there anything to say" check, and the
 * seeds (drawn from the OS when not given, derived per chunk).
 */
#include "core/error.h"
#include "pipeline/pipeline_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

/* 1 when the text holds a letter or digit, 0 when not, -1 - offset of the
 * first invalid UTF-8 byte. */
static long speakable(const char *s) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_int32_t c;
    int found = 0;
    while (*p) {
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) return -1 - (long)(p - (const utf8proc_uint8_t *)s);
        utf8proc_category_t cat = utf8proc_category(c);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
            found = 1;
        p += k;
    }
    return found;
}

f5_status f5_pipeline_prepare_text(const f5_model *m, bool textnorm, const char *text, char **out, f5_error *err) {
    (void)m;
    *out = NULL;
    if (!text || !*text) return f5_errf(err, F5_ERR_INVALID_TEXT, "text is empty");
    long sp = speakable(text);
    if (sp < 0) return f5_errf(err, F5_ERR_INVALID_TEXT, "text is not valid UTF-8 (byte %ld)", -1 - sp);
    char *t = NULL;
    f5_status s;
    if (textnorm) {
        if ((s = f5_textnorm(text, &t, err))) return s;
        /* the normaliser puts one sentence per line; the model reads one line */
        for (char *q = t; *q; q++)
            if (*q == '\n' || *q == '\r') *q = ' ';
    } else {
        t = strdup(text);
        if (!t) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    }
    if (speakable(t) != 1) {
        free(t);
        return f5_errf(err, F5_ERR_INVALID_TEXT,
                       "text has nothing to say: no letter or digit%s (only punctuation, symbols or spaces)",
                       textnorm ? " after normalisation" : "");
    }
    *out = t;
    return F5_OK;
}

static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t f5_pipeline_chunk_seed(uint64_t seed, int chunk) {
    if (chunk == 0) return seed; /* one chunk: the seed the user sees is the noise seed */
    return mix64(seed + (uint64_t)chunk * 0x9E3779B97F4A7C15ULL);
}

uint64_t f5_pipeline_random_seed(void) {
    uint64_t v = 0;
    if (getrandom(&v, sizeof v, 0) == (ssize_t)sizeof v) return v >> 1; /* fits a JSON/int64 consumer */
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t r = read(fd, &v, sizeof v);
        close(fd);
        if (r == (ssize_t)sizeof v) return v >> 1;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return mix64((uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32)) >> 1;
}
