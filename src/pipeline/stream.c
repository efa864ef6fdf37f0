/* stream.c - cross-faded chunk streaming (see stream.h). */
#include "pipeline/stream.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

static f5_status append(f5_out_stream *s, const float *pcm, size_t n) {
    if (s->n + n > s->cap) {
        size_t nc = s->cap ? s->cap : 1 << 16;
        while (nc < s->n + n) nc *= 2;
        float *np = realloc(s->pcm, nc * sizeof *np);
        if (!np) return F5_ERR_NOMEM;
        s->pcm = np;
        s->cap = nc;
    }
    memcpy(s->pcm + s->n, pcm, n * sizeof *pcm);
    s->n += n;
    return F5_OK;
}

static f5_status emit(void *user, const float *pcm, size_t n) {
    f5_out_stream *s = user;
    if (!n) return F5_OK;
    f5_status st;
    if (s->keep && (st = append(s, pcm, n))) return st;
    s->emitted += n;
    if (s->on_chunk && !s->remove_silence) return s->on_chunk(s->user, s->chunk, s->n_chunks, pcm, n);
    return F5_OK;
}

f5_status f5_stream_init(f5_out_stream *s, const f5_synth_params *p, bool keep_pcm, int n_chunks, f5_error *err) {
    memset(s, 0, sizeof *s);
    s->on_chunk = p->on_chunk;
    s->user = p->user;
    s->remove_silence = p->remove_silence;
    s->keep = keep_pcm || p->remove_silence || !p->on_chunk;
    s->n_chunks = n_chunks;
    double fade = p->cross_fade_duration > 0 ? p->cross_fade_duration : 0;
    return f5_crossfader_create(fade, F5_SAMPLE_RATE, emit, s, &s->xf, err);
}

static f5_status cb_error(f5_status st, f5_error *err) {
    if (st == F5_ERR_NOMEM) return f5_errf(err, st, "out of memory collecting the output audio");
    if (err && err->status == st && err->message[0]) return st;
    return f5_errf(err, st, "synthesis stopped by the chunk callback (%s)", f5_status_str(st));
}

f5_status f5_stream_push(f5_out_stream *s, int chunk, const float *wave, size_t n, f5_error *err) {
    s->chunk = chunk;
    f5_error e2 = {0};
    f5_status st = f5_crossfader_push(s->xf, wave, n, &e2);
    if (st) {
        if (e2.message[0] && err) *err = e2;
        return cb_error(st, err);
    }
    return F5_OK;
}

f5_status f5_stream_finish(f5_out_stream *s, f5_error *err) {
    f5_error e2 = {0};
    f5_status st = f5_crossfader_finish(s->xf, &e2);
    if (st) {
        if (e2.message[0] && err) *err = e2;
        return cb_error(st, err);
    }
    if (!s->remove_silence) return F5_OK;
    float *trimmed = NULL;
    size_t tn = 0;
    if ((st = f5_remove_silence(s->pcm, s->n, F5_SAMPLE_RATE, &trimmed, &tn, err))) return st;
    free(s->pcm);
    s->pcm = trimmed;
    s->n = s->cap = tn;
    s->emitted = tn;
    if (s->on_chunk && tn) {
        st = s->on_chunk(s->user, s->n_chunks - 1, s->n_chunks, s->pcm, tn);
        if (st) return cb_error(st, err);
    }
    return F5_OK;
}

float *f5_stream_take(f5_out_stream *s, size_t *n) {
    float *p = s->pcm;
    *n = p ? s->n : 0;
    s->pcm = NULL;
    s->n = s->cap = 0;
    return p;
}

void f5_stream_free(f5_out_stream *s) {
    f5_crossfader_free(s->xf);
    free(s->pcm);
    memset(s, 0, sizeof *s);
}
