/* crossfade.c - joining chunk waveforms as upstream infer_batch_process:
 * n = min(int(fade * sr), len(everything so far), len(next)); the last n
 * samples so far are multiplied by linspace(1, 0, n), the first n of next
 * by linspace(0, 1, n) (float64 ramps, numpy's formula), summed, and the
 * rest of next follows. The streaming form emits everything that no later
 * chunk can change at once and holds back only the last int(fade * sr)
 * samples. */
#include "audio/audio.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

struct f5_crossfader {
    size_t fade_n;      /* int(fade_seconds * sr) */
    size_t total;       /* samples accumulated so far (emitted + pending) */
    float *pending;     /* [<= fade_n] the not yet final tail */
    size_t pend_n;
    float *work;        /* scratch for one push */
    size_t work_cap;
    f5_emit_fn emit;
    void *user;
};

f5_status f5_crossfader_create(double fade_seconds, int sample_rate, f5_emit_fn emit, void *user, f5_crossfader **out,
                               f5_error *err) {
    *out = NULL;
    if (!emit) return f5_errf(err, F5_ERR_INVALID_ARG, "crossfader: NULL emit callback");
    if (!(fade_seconds >= 0) || fade_seconds > 60 || sample_rate <= 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "crossfader: fade %g s at %d Hz (expected 0..60 s, rate > 0)",
                       fade_seconds, sample_rate);
    f5_crossfader *c = calloc(1, sizeof *c);
    if (!c) return f5_errf(err, F5_ERR_NOMEM, "crossfader: out of memory");
    c->fade_n = (size_t)(fade_seconds * sample_rate);
    c->pending = malloc((c->fade_n ? c->fade_n : 1) * sizeof *c->pending);
    if (!c->pending) {
        free(c);
        return f5_errf(err, F5_ERR_NOMEM, "crossfader: out of memory");
    }
    c->emit = emit, c->user = user;
    *out = c;
    return F5_OK;
}

void f5_crossfader_free(f5_crossfader *c) {
    if (!c) return;
    free(c->pending);
    free(c->work);
    free(c);
}

f5_status f5_crossfader_push(f5_crossfader *c, const float *x, size_t n, f5_error *err) {
    if (!x && n) return f5_errf(err, F5_ERR_INVALID_ARG, "crossfader: NULL chunk");
    if (n == 0) return F5_OK; /* an empty chunk changes nothing (n = 0 overlap) */
    size_t ncf = c->fade_n;
    if (c->total < ncf) ncf = c->total;
    if (n < ncf) ncf = n;
    /* sequence = pending[0 : P - ncf] ++ faded(ncf) ++ x[ncf:] : the new end of the signal */
    size_t P = c->pend_n, L = P + n - ncf;
    if (L > c->work_cap) {
        float *nw = realloc(c->work, L * sizeof *nw);
        if (!nw) return f5_errf(err, F5_ERR_NOMEM, "crossfader: out of memory for %zu samples", L);
        c->work = nw, c->work_cap = L;
    }
    float *w = c->work;
    memcpy(w, c->pending, (P - ncf) * sizeof *w);
    if (ncf == 1) {
        w[P - 1] = c->pending[P - 1]; /* linspace(1,0,1) = [1], linspace(0,1,1) = [0] */
    } else if (ncf > 1) {
        double step = 1.0 / (double)(ncf - 1);
        for (size_t i = 0; i < ncf; i++) {
            double fo = i == ncf - 1 ? 0.0 : (double)i * -step + 1.0;
            double fi = i == ncf - 1 ? 1.0 : (double)i * step;
            w[P - ncf + i] = (float)((double)c->pending[P - ncf + i] * fo + (double)x[i] * fi);
        }
    }
    memcpy(w + P, x + ncf, (n - ncf) * sizeof *w);
    c->total += n - ncf;
    size_t keep = c->fade_n < c->total ? c->fade_n : c->total;
    if (keep > L) keep = L; /* cannot happen: pending covered the old tail */
    size_t emit_n = L - keep;
    memcpy(c->pending, w + emit_n, keep * sizeof *w);
    c->pend_n = keep;
    if (emit_n) {
        f5_status st = c->emit(c->user, w, emit_n);
        if (st != F5_OK) return f5_errf(err, st, "crossfader: the output callback stopped with %s", f5_status_str(st));
    }
    return F5_OK;
}

f5_status f5_crossfader_finish(f5_crossfader *c, f5_error *err) {
    if (c->pend_n) {
        f5_status st = c->emit(c->user, c->pending, c->pend_n);
        if (st != F5_OK) return f5_errf(err, st, "crossfader: the output callback stopped with %s", f5_status_str(st));
    }
    c->pend_n = 0;
    return F5_OK;
}

f5_status f5_crossfade_append(float **acc, size_t *acc_n, const float *next, size_t next_n, double fade_seconds,
                              int sample_rate, f5_error *err) {
    if (!next && next_n) return f5_errf(err, F5_ERR_INVALID_ARG, "crossfade: NULL chunk");
    if (next_n == 0) return F5_OK;
    if (!(fade_seconds >= 0) || sample_rate <= 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "crossfade: fade %g s at %d Hz", fade_seconds, sample_rate);
    size_t n = (size_t)(fade_seconds * sample_rate);
    if (*acc_n < n) n = *acc_n;
    if (next_n < n) n = next_n;
    size_t total = *acc_n + next_n - n;
    float *a = realloc(*acc, (total ? total : 1) * sizeof *a);
    if (!a) return f5_errf(err, F5_ERR_NOMEM, "crossfade: out of memory for %zu samples", total);
    size_t base = *acc_n - n;
    if (n > 1) {
        double step = 1.0 / (double)(n - 1);
        for (size_t i = 0; i < n; i++) {
            double fo = i == n - 1 ? 0.0 : (double)i * -step + 1.0;
            double fi = i == n - 1 ? 1.0 : (double)i * step;
            a[base + i] = (float)((double)a[base + i] * fo + (double)next[i] * fi);
        }
    }
    memcpy(a + *acc_n, next + n, (next_n - n) * sizeof *a);
    *acc = a;
    *acc_n = total;
    return F5_OK;
}
