/* silence.c - pydub's silence detection re-implemented on float samples
 * (detect_silence, detect_nonsilent, split_on_silence, the leading/trailing
 * trims of upstream's remove_silence_edges) and upstream's
 * remove_silence_for_generated_wav. See silence_impl.h for the exact
 * equivalence with pydub's integer arithmetic. */
#include "audio/silence_impl.h"

#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int64_t f5_pcm_len_ms(size_t n, int sr) {
    /* round() of Python 3 is half-to-even, which is nearbyint's default mode */
    return (int64_t)nearbyint(1000.0 * ((double)n / (double)sr));
}

static int64_t pos_raw(int sr, int64_t ms) { return (int64_t)((double)ms * ((double)sr / 1000.0)); }

int64_t f5_loud_pos(const f5_loud *l, int64_t ms) {
    if (ms < 0) ms = 0;
    if (ms > l->len_ms) ms = l->len_ms;
    return pos_raw(l->sr, ms);
}

f5_status f5_loud_init(f5_loud *l, const float *x, size_t n, int sr, f5_error *err) {
    memset(l, 0, sizeof *l);
    if (sr <= 0) return f5_errf(err, F5_ERR_INVALID_ARG, "silence: sample rate %d", sr);
    l->x = x, l->n = n, l->sr = sr;
    l->len_ms = f5_pcm_len_ms(n, sr);
    l->cum = malloc(sizeof *l->cum * (size_t)(l->len_ms + 2));
    if (!l->cum) return f5_errf(err, F5_ERR_NOMEM, "silence: out of memory for %lld ms", (long long)l->len_ms);
    long double acc = 0;
    size_t i = 0;
    for (int64_t ms = 0; ms <= l->len_ms + 1; ms++) {
        int64_t p = pos_raw(sr, ms);
        size_t end = p < 0 ? 0 : (size_t)p > n ? n : (size_t)p;
        for (; i < end; i++) {
            long double s = (long double)x[i] * 32768.0L;
            acc += s * s;
        }
        l->cum[ms] = acc;
    }
    return F5_OK;
}

void f5_loud_free(f5_loud *l) {
    free(l->cum);
    l->cum = NULL;
}

unsigned f5_loud_rms(const f5_loud *l, int64_t a, int64_t b) {
    if (a < 0) a = 0;
    if (b > l->len_ms) b = l->len_ms;
    if (a > l->len_ms) a = l->len_ms;
    int64_t count = f5_loud_pos(l, b) - f5_loud_pos(l, a);
    if (count <= 0) return 0;
    long double sum = l->cum[b] - l->cum[a];
    if (sum < 0) sum = 0;
    double r = sqrt((double)(sum / (long double)count));
    return r >= 4294967295.0 ? 4294967295u : (unsigned)r; /* float input beyond full scale */
}

double f5_loud_dbfs(const f5_loud *l, int64_t a, int64_t b) {
    unsigned r = f5_loud_rms(l, a, b);
    if (!r) return -INFINITY;
    return 20.0 * log10((double)r / 32768.0);
}

static f5_status push_seg(f5_seg **v, size_t *n, size_t *cap, int64_t a, int64_t b, f5_error *err) {
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        f5_seg *nv = realloc(*v, nc * sizeof *nv);
        if (!nv) return f5_errf(err, F5_ERR_NOMEM, "silence: out of memory");
        *v = nv, *cap = nc;
    }
    (*v)[(*n)++] = (f5_seg){a, b};
    return F5_OK;
}

/* pydub.silence.detect_silence. */
static f5_status detect_silence(const f5_loud *l, int min_sil, double thresh_db, int step, f5_seg **out, size_t *n_out,
                                f5_error *err) {
    *out = NULL, *n_out = 0;
    size_t cap = 0;
    int64_t seg_len = l->len_ms;
    if (seg_len < min_sil) return F5_OK;
    double thresh = pow(10.0, thresh_db / 20.0) * 32768.0;
    int64_t last = seg_len - min_sil;
    bool have = false;
    int64_t prev_i = 0, range_start = 0;
    f5_status st = F5_OK;
    /* slice starts: range(0, last + 1, step), then last itself when off the grid */
    int64_t n_grid = last / step + 1;
    for (int64_t gi = 0; gi <= n_grid; gi++) {
        int64_t s = gi < n_grid ? gi * step : last;
        if (gi == n_grid && last % step == 0) break;
        if (!((double)f5_loud_rms(l, s, s + min_sil) <= thresh)) continue;
        if (!have) {
            have = true;
            prev_i = range_start = s;
            continue;
        }
        bool continuous = s == prev_i + step;
        bool gap = s > prev_i + min_sil;
        if (!continuous && gap) {
            if ((st = push_seg(out, n_out, &cap, range_start, prev_i + min_sil, err))) return st;
            range_start = s;
        }
        prev_i = s;
    }
    if (have) st = push_seg(out, n_out, &cap, range_start, prev_i + min_sil, err);
    return st;
}

f5_status f5_detect_nonsilent(const f5_loud *l, int min_sil, double thresh_db, int step, f5_seg **out, size_t *n_out,
                              f5_error *err) {
    *out = NULL, *n_out = 0;
    f5_seg *sil = NULL;
    size_t ns = 0, cap = 0;
    f5_status st = detect_silence(l, min_sil, thresh_db, step, &sil, &ns, err);
    if (st) {
        free(sil);
        return st;
    }
    int64_t len = l->len_ms;
    if (ns == 0) {
        st = push_seg(out, n_out, &cap, 0, len, err);
        goto done;
    }
    if (sil[0].start_ms == 0 && sil[0].end_ms == len) goto done; /* all silent */
    int64_t prev_end = 0;
    for (size_t i = 0; i < ns; i++) {
        if ((st = push_seg(out, n_out, &cap, prev_end, sil[i].start_ms, err))) goto done;
        prev_end = sil[i].end_ms;
    }
    if (sil[ns - 1].end_ms != len && (st = push_seg(out, n_out, &cap, prev_end, len, err))) goto done;
    if (*n_out && (*out)[0].start_ms == 0 && (*out)[0].end_ms == 0) {
        memmove(*out, *out + 1, (*n_out - 1) * sizeof **out);
        (*n_out)--;
    }
done:
    free(sil);
    if (st) {
        free(*out);
        *out = NULL, *n_out = 0;
    }
    return st;
}

f5_status f5_split_on_silence(const float *x, size_t n, int sr, int min_sil, double thresh_db, int keep, int step,
                              f5_seg **out, size_t *n_out, f5_error *err) {
    *out = NULL, *n_out = 0;
    if (min_sil <= 0 || step <= 0 || keep < 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "split_on_silence: min_silence %d ms, seek_step %d ms, keep %d ms",
                       min_sil, step, keep);
    f5_loud l;
    f5_status st = f5_loud_init(&l, x, n, sr, err);
    if (st) return st;
    f5_seg *r = NULL;
    size_t nr = 0;
    st = f5_detect_nonsilent(&l, min_sil, thresh_db, step, &r, &nr, err);
    if (st == F5_OK) {
        for (size_t i = 0; i < nr; i++) r[i].start_ms -= keep, r[i].end_ms += keep;
        for (size_t i = 0; i + 1 < nr; i++)
            if (r[i + 1].start_ms < r[i].end_ms) {
                /* Python floor division on possibly negative sums */
                int64_t s = r[i].end_ms + r[i + 1].start_ms;
                int64_t mid = s >= 0 ? s / 2 : -((-s + 1) / 2);
                r[i].end_ms = mid;
                r[i + 1].start_ms = mid;
            }
        for (size_t i = 0; i < nr; i++) {
            if (r[i].start_ms < 0) r[i].start_ms = 0;
            if (r[i].end_ms > l.len_ms) r[i].end_ms = l.len_ms;
        }
        *out = r, *n_out = nr;
    }
    f5_loud_free(&l);
    return st;
}

f5_status f5_remove_silence(const float *x, size_t n, int sr, float **out, size_t *out_n, f5_error *err) {
    *out = NULL, *out_n = 0;
    f5_seg *r = NULL;
    size_t nr = 0;
    f5_status st = f5_split_on_silence(x, n, sr, 1000, -50.0, 500, 10, &r, &nr, err);
    if (st) return st;
    f5_loud l = {.n = n, .sr = sr, .len_ms = f5_pcm_len_ms(n, sr)};
    size_t total = 0;
    for (size_t i = 0; i < nr; i++) total += (size_t)(f5_loud_pos(&l, r[i].end_ms) - f5_loud_pos(&l, r[i].start_ms));
    float *y = malloc((total ? total : 1) * sizeof *y);
    if (!y) {
        free(r);
        return f5_errf(err, F5_ERR_NOMEM, "remove_silence: out of memory for %zu samples", total);
    }
    size_t k = 0;
    for (size_t i = 0; i < nr; i++) {
        int64_t a = f5_loud_pos(&l, r[i].start_ms), b = f5_loud_pos(&l, r[i].end_ms);
        for (int64_t j = a; j < b; j++) y[k++] = (size_t)j < n ? x[j] : 0.f; /* pydub pads past the end */
    }
    free(r);
    *out = y, *out_n = k;
    return F5_OK;
}

size_t f5_pydub_silent_frames(int duration_ms, int sr) {
    int64_t nin = (int64_t)(11025.0 * (duration_ms / 1000.0));
    if (sr <= 11025) return (size_t)(sr == 11025 ? nin : (int64_t)((double)sr * (duration_ms / 1000.0)));
    /* audioop.ratecv frame count: rates reduced by their gcd, d starts at -outrate */
    int64_t a = 11025, b = sr;
    while (b) {
        int64_t t = a % b;
        a = b, b = t;
    }
    int64_t inr = 11025 / a, outr = sr / a, d = -outr, len = nin;
    size_t nout = 0;
    for (;;) {
        while (d < 0) {
            if (len == 0) return nout;
            len--;
            d += outr;
        }
        while (d >= 0) {
            nout++;
            d -= inr;
        }
    }
}
