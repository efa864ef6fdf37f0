/* vocos.c - the Vocos forward pass: ConvNeXt backbone over [T, D] rows,
 * the ISTFT head (Linear -> magnitude/phase -> irfft -> windowed overlap-add
 * normalised by the window-square envelope). GEMMs go through f5_linear;
 * the rest is plain C over contiguous rows. The model is read-only; all
 * activations and the FFTW plan live in the caller's f5_vocos_scratch. */
#include "model/vocos_impl.h"

#include "core/error.h"
#include "model/vocos_fft.h"

#include <fftw3.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct f5_vocos_scratch {
    int T_cap, D_cap, I_cap, C_cap, nfft;  /* sizes the buffers were made for */
    float *x;        /* [T, D] residual stream */
    float *y;        /* [T, D] branch */
    float *h;        /* [T, I] pwconv1 output; also im2col [T, C*7] and head [T, n_fft+2] */
    float *ola;      /* [(T-1)*hop + n_fft] overlap-add */
    float *env;      /* same length: window-square envelope */
    fftwf_complex *spec; /* [n_fft/2 + 1] */
    float *frame;    /* [n_fft] */
    fftwf_plan plan; /* c2r n_fft */
};

f5_status f5_vocos_scratch_create(f5_vocos_scratch **out, f5_error *err) {
    *out = calloc(1, sizeof **out);
    return *out ? F5_OK : f5_errf(err, F5_ERR_NOMEM, "vocos: out of memory for scratch");
}

static void scratch_release(f5_vocos_scratch *s) {
    free(s->x), free(s->y), free(s->h), free(s->ola), free(s->env);
    s->x = s->y = s->h = s->ola = s->env = NULL;
    if (s->plan) {
        f5_fftw_planner_init();
        fftwf_destroy_plan(s->plan);
        s->plan = NULL;
    }
    fftwf_free(s->spec), fftwf_free(s->frame);
    s->spec = NULL, s->frame = NULL;
    s->T_cap = s->D_cap = s->I_cap = s->C_cap = s->nfft = 0;
}

void f5_vocos_scratch_free(f5_vocos_scratch *s) {
    if (!s) return;
    scratch_release(s);
    free(s);
}

static f5_status scratch_reserve(f5_vocos_scratch *s, const f5_vocos_config *c, int T, f5_error *err) {
    const int D = c->dim, I = c->intermediate_dim, C = c->input_channels, NF = c->n_fft;
    if (T <= s->T_cap && D <= s->D_cap && I <= s->I_cap && C <= s->C_cap && NF == s->nfft) return F5_OK;
    int Tn = T > s->T_cap ? T + T / 4 : s->T_cap;
    scratch_release(s);
    size_t wide = (size_t)I;
    if ((size_t)C * 7 > wide) wide = (size_t)C * 7;
    if ((size_t)NF + 2 > wide) wide = (size_t)NF + 2;
    size_t ola_n = (size_t)(Tn - 1 > 0 ? Tn - 1 : 0) * (size_t)c->hop_length + (size_t)NF;
    s->x = malloc(sizeof(float) * (size_t)Tn * D);
    s->y = malloc(sizeof(float) * (size_t)Tn * D);
    s->h = malloc(sizeof(float) * (size_t)Tn * wide);
    s->ola = malloc(sizeof(float) * ola_n);
    s->env = malloc(sizeof(float) * ola_n);
    s->spec = fftwf_malloc(sizeof(fftwf_complex) * (size_t)(NF / 2 + 1));
    s->frame = fftwf_malloc(sizeof(float) * (size_t)NF);
    if (!s->x || !s->y || !s->h || !s->ola || !s->env || !s->spec || !s->frame) {
        scratch_release(s);
        return f5_errf(err, F5_ERR_NOMEM, "vocos: out of memory for %d frames of scratch", Tn);
    }
    f5_fftw_planner_init();
    s->plan = fftwf_plan_dft_c2r_1d(NF, s->spec, s->frame, FFTW_ESTIMATE);
    if (!s->plan) {
        scratch_release(s);
        return f5_errf(err, F5_ERR_INTERNAL, "vocos: FFTW could not plan a %d-point inverse real FFT", NF);
    }
    s->T_cap = Tn, s->D_cap = D, s->I_cap = I, s->C_cap = C, s->nfft = NF;
    return F5_OK;
}

size_t f5_vocos_out_len(const f5_vocos *v, int T) {
    if (T <= 0) return 0;
    size_t hop = (size_t)v->cfg.hop_length;
    return v->cfg.padding_center ? hop * (size_t)(T - 1) : hop * (size_t)T;
}

const f5_vocos_config *f5_vocos_get_config(const f5_vocos *v) { return &v->cfg; }

void f5_vocos_head_bin(const float *row, int nb, int b, float *re, float *im) {
    float mag = expf(row[b]);
    if (mag > 100.f) mag = 100.f;
    float ph = row[nb + b];
    *re = mag * cosf(ph);
    *im = mag * sinf(ph);
}

/* LayerNorm over D for each of T rows (eps 1e-6, affine), in place allowed. */
#define VOCOS_LN_EPS 1e-6f /* the backbone's LayerNorms */

/* Depthwise conv k7 pad 3 over time: y[t, d] = b[d] + sum_k wt[k, d] x[t+k-3, d]. */
static void dwconv7(const float *x, float *y, int T, int D, const float *wt, const float *b) {
    for (int t = 0; t < T; t++) {
        float *o = y + (size_t)t * D;
        memcpy(o, b, sizeof(float) * (size_t)D);
        for (int k = 0; k < 7; k++) {
            int src = t + k - 3;
            if (src < 0 || src >= T) continue;
            const float *r = x + (size_t)src * D, *wk = wt + (size_t)k * D;
            for (int d = 0; d < D; d++) o[d] += wk[d] * r[d];
        }
    }
}

/* Backbone: mel [C, T] -> s->x [T, D]. */
static void backbone(const f5_vocos *v, f5_vocos_scratch *s, const f5_kctx *k, const float *mel, int T) {
    const f5_vocos_config *c = &v->cfg;
    const int D = c->dim, I = c->intermediate_dim, C = c->input_channels;
    float *cols = s->h; /* im2col [T, C*7]: cols[t, ci*7 + j] = mel[ci, t + j - 3] */
    for (int t = 0; t < T; t++) {
        float *r = cols + (size_t)t * C * 7;
        for (int ci = 0; ci < C; ci++)
            for (int j = 0; j < 7; j++) {
                int src = t + j - 3;
                r[ci * 7 + j] = src >= 0 && src < T ? mel[(size_t)ci * T + src] : 0.f;
            }
    }
    f5_linear(k, cols, T, (int64_t)C * 7, v->embed_w, D, v->embed_b, s->y);
    f5_layernorm(k, s->y, T, D, v->norm_w, v->norm_b, VOCOS_LN_EPS, s->x);
    for (int l = 0; l < c->num_layers; l++) {
        const f5_vocos_block *bl = &v->blocks[l];
        dwconv7(s->x, s->y, T, D, bl->dw_wt, bl->dw_b);
        f5_layernorm(k, s->y, T, D, bl->ln_w, bl->ln_b, VOCOS_LN_EPS, s->y);
        f5_linear(k, s->y, T, D, bl->pw1_w, I, bl->pw1_b, s->h);
        f5_activation(k, F5_ACT_GELU_ERF, s->h, (int64_t)T * I);
        f5_linear(k, s->h, T, I, bl->pw2_w, D, bl->pw2_b, s->y);
        size_t n = (size_t)T * D;
        if (bl->gamma) {
            for (int t = 0; t < T; t++) {
                float *xr = s->x + (size_t)t * D;
                const float *yr = s->y + (size_t)t * D;
                for (int d = 0; d < D; d++) xr[d] += bl->gamma[d] * yr[d];
            }
        } else {
            for (size_t i = 0; i < n; i++) s->x[i] += s->y[i];
        }
    }
    f5_layernorm(k, s->x, T, D, v->fln_w, v->fln_b, VOCOS_LN_EPS, s->x);
}

f5_status f5_vocos_decode(const f5_vocos *v, f5_vocos_scratch *s, const f5_kctx *k_in, const float *mel, int T,
                          float *audio, const f5_vocos_taps *taps, f5_error *err) {
    if (!v || !s || !mel || !audio) return f5_errf(err, F5_ERR_INVALID_ARG, "vocos decode: NULL argument");
    const f5_vocos_config *c = &v->cfg;
    if (T < (c->padding_center ? 2 : 1) || T > (1 << 22))
        return f5_errf(err, F5_ERR_INVALID_ARG, "vocos decode: %d mel frames (need %d..%d)", T,
                       c->padding_center ? 2 : 1, 1 << 22);
    f5_status st = scratch_reserve(s, c, T, err);
    if (st != F5_OK) return st;
    f5_kctx kdef = {.backend = F5_BACKEND_CPU, .n_threads = 1};
    const f5_kctx *k = k_in ? k_in : &kdef;
    const int D = c->dim, NF = c->n_fft, NB = NF / 2 + 1, hop = c->hop_length;

    backbone(v, s, k, mel, T);
    if (taps && taps->backbone_out) memcpy(taps->backbone_out, s->x, sizeof(float) * (size_t)T * D);
    float *head = s->h; /* [T, NF + 2] */
    f5_linear(k, s->x, T, D, v->head_w, NF + 2, v->head_b, head);
    if (taps && taps->head_linear) memcpy(taps->head_linear, head, sizeof(float) * (size_t)T * (NF + 2));

    const size_t L = (size_t)(T - 1) * hop + (size_t)NF;
    memset(s->ola, 0, sizeof(float) * L);
    memset(s->env, 0, sizeof(float) * L);
    const float inv_n = 1.0f / (float)NF;
    for (int t = 0; t < T; t++) {
        const float *row = head + (size_t)t * (NF + 2);
        for (int b = 0; b < NB; b++) {
            float re, im;
            f5_vocos_head_bin(row, NB, b, &re, &im);
            s->spec[b][0] = re;
            s->spec[b][1] = im;
            if (taps && taps->spec_real) taps->spec_real[(size_t)b * T + t] = re;
            if (taps && taps->spec_imag) taps->spec_imag[(size_t)b * T + t] = im;
        }
        /* irfft ignores the imaginary parts of DC and Nyquist, as torch does. */
        s->spec[0][1] = 0.f;
        s->spec[NB - 1][1] = 0.f;
        fftwf_execute(s->plan);
        float *o = s->ola + (size_t)t * hop, *e = s->env + (size_t)t * hop;
        for (int i = 0; i < NF; i++) {
            float w = v->window[i];
            o[i] += s->frame[i] * inv_n * w;
            e[i] += w * w;
        }
    }
    size_t start = c->padding_center ? (size_t)NF / 2 : (size_t)(NF - hop) / 2;
    size_t n_out = f5_vocos_out_len(v, T);
    for (size_t i = 0; i < n_out; i++) {
        float e = s->env[start + i];
        if (!(e > 1e-11f))
            return f5_errf(err, F5_ERR_INTERNAL, "vocos decode: window envelope %g at sample %zu (not invertible)",
                           (double)e, i);
        audio[i] = s->ola[start + i] / e;
    }
    return F5_OK;
}
