/* cfm.c - the flow-matching sampler: time grid (EPSS tables or uniform,
 * then sway), Euler integration of the CFG-combined DiT velocity from noise
 * at t = 0 to t = 1, and the reference region put back at the end. All
 * buffers are allocated once per call; the DiT text embedding is computed
 * once per call (f5_dit_set_text) and reused by every step. */
#include "model/cfm.h"

#include "core/error.h"
#include "model/rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

f5_cfm_params f5_cfm_default_params(void) {
    return (f5_cfm_params){.steps = 32, .cfg_strength = 2.0f, .sway_coef = -1.0f, .use_epss = true};
}

static const int epss_5[] = {0, 2, 4, 8, 16, 32};
static const int epss_6[] = {0, 2, 4, 6, 8, 16, 32};
static const int epss_7[] = {0, 2, 4, 6, 8, 16, 24, 32};
static const int epss_10[] = {0, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32};
static const int epss_12[] = {0, 2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32};
static const int epss_16[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32};

static const int *epss_table(int steps) {
    switch (steps) {
    case 5: return epss_5;
    case 6: return epss_6;
    case 7: return epss_7;
    case 10: return epss_10;
    case 12: return epss_12;
    case 16: return epss_16;
    default: return NULL;
    }
}

bool f5_cfm_uses_epss(int steps) { return epss_table(steps) != NULL; }

f5_status f5_cfm_time_grid(int steps, float sway_coef, bool use_epss, float *t, f5_error *err) {
    if (steps < 1 || steps > 100000) return f5_errf(err, F5_ERR_INVALID_ARG, "sampler: steps %d outside [1, 100000]", steps);
    const int *tab = use_epss ? epss_table(steps) : NULL;
    if (tab) {
        for (int i = 0; i <= steps; i++) t[i] = (1.0f / 32.0f) * (float)tab[i];
    } else {
        /* float32 linspace(0, 1, steps+1) as torch computes it: from the
         * start for the first half, from the end for the second */
        float step = 1.0f / (float)steps;
        int halfway = (steps + 1) / 2;
        for (int i = 0; i <= steps; i++) t[i] = i < halfway ? step * (float)i : 1.0f - step * (float)(steps - i);
    }
    if (!isnan(sway_coef))
        for (int i = 0; i <= steps; i++) {
            float c = (float)cos((double)((float)(M_PI / 2.0) * t[i]));
            t[i] = t[i] + sway_coef * ((c - 1.0f) + t[i]);
        }
    return F5_OK;
}

int f5_cfm_effective_duration(int ref_len, int n_text_tokens, int duration_in) {
    int m = (n_text_tokens > ref_len ? n_text_tokens : ref_len) + 1;
    int d = duration_in > m ? duration_in : m;
    return d > F5_CFM_MAX_DURATION ? F5_CFM_MAX_DURATION : d;
}

static int count_tokens(const int32_t *text, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) c += text[i] != -1;
    return c;
}

f5_status f5_cfm_sample_batch(f5_dit_ctx *ctx, const f5_cfm_params *p, int batch, f5_cfm_item *items,
                              const f5_cfm_hooks *hooks, f5_error *err) {
    if (!ctx || !p || !items || batch < 1 || batch > 4096)
        return f5_errf(err, F5_ERR_INVALID_ARG, "sampler: bad arguments (batch %d)", batch);
    if (!(p->cfg_strength >= 0.0f) || !isfinite(p->cfg_strength))
        return f5_errf(err, F5_ERR_INVALID_ARG, "sampler: cfg_strength %g must be finite and >= 0",
                       (double)p->cfg_strength);
    const int M = f5_dit_get_config(f5_dit_ctx_model(ctx))->mel_dim;
    int N = 0, T = 0;
    for (int b = 0; b < batch; b++) {
        f5_cfm_item *it = &items[b];
        if (it->ref_len < 0 || it->n_text < 0 || (it->n_text > 0 && !it->text) || (it->ref_len > 0 && !it->cond) ||
            !it->out || it->duration < 0)
            return f5_errf(err, F5_ERR_INVALID_ARG,
                           "sampler: item %d: bad arguments (ref_len %d, n_text %d, duration %d, out %s)", b,
                           it->ref_len, it->n_text, it->duration, it->out ? "set" : "NULL");
        if (it->ref_len >= F5_CFM_MAX_DURATION)
            return f5_errf(err, F5_ERR_INVALID_ARG, "sampler: item %d: reference of %d frames exceeds %d", b,
                           it->ref_len, F5_CFM_MAX_DURATION - 1);
        it->out_frames = f5_cfm_effective_duration(it->ref_len, count_tokens(it->text, it->n_text), it->duration);
        if (it->out_frames > N) N = it->out_frames;
        if (it->n_text > T) T = it->n_text;
    }
    int steps = p->steps;
    float *t = malloc(((size_t)steps + 1) * sizeof *t);
    if (!t) return f5_errf(err, F5_ERR_NOMEM, "sampler: out of memory");
    f5_status st = f5_cfm_time_grid(steps, p->sway_coef, p->use_epss, t, err);
    if (st != F5_OK) {
        free(t);
        return st;
    }
    bool cfg = p->cfg_strength >= 1e-5f;
    size_t bnm = (size_t)batch * (size_t)N * (size_t)M;
    float *x = malloc(bnm * sizeof *x), *cond = malloc(bnm * sizeof *cond), *v = malloc(bnm * sizeof *v);
    float *pred = malloc((cfg ? 2 : 1) * bnm * sizeof *pred), *time = malloc((size_t)batch * sizeof *time);
    int32_t *text = malloc(((size_t)batch * (size_t)(T > 0 ? T : 1)) * sizeof *text);
    int32_t *lens = malloc((size_t)batch * sizeof *lens);
    if (!x || !cond || !v || !pred || !time || !text || !lens) {
        st = f5_errf(err, F5_ERR_NOMEM, "sampler: out of memory for %d x %d frames", batch, N);
        goto done;
    }
    for (int b = 0; b < batch; b++) {
        f5_cfm_item *it = &items[b];
        float *cb = cond + (size_t)b * N * M, *xb = x + (size_t)b * N * M;
        int rl = it->ref_len < N ? it->ref_len : N;
        memset(cb, 0, (size_t)N * M * sizeof *cb);
        if (rl > 0) memcpy(cb, it->cond, (size_t)rl * M * sizeof *cb);
        memset(xb, 0, (size_t)N * M * sizeof *xb);
        size_t nd = (size_t)it->out_frames * M;
        if (it->noise)
            memcpy(xb, it->noise, nd * sizeof *xb);
        else
            f5_rng_fill_normal(it->seed, xb, nd);
        for (int i = 0; i < T; i++) text[(size_t)b * T + i] = i < it->n_text ? it->text[i] : -1;
        lens[b] = it->out_frames;
    }
    st = f5_dit_set_text(ctx, batch, N, text, T, batch > 1 ? lens : NULL, err);
    if (st != F5_OK) goto done;
    for (int k = 0; k < steps; k++) {
        if (hooks && hooks->abort && hooks->abort(hooks->user)) {
            st = f5_errf(err, F5_ERR_ABORTED, "sampler: aborted before step %d of %d", k + 1, steps);
            goto done;
        }
        for (int b = 0; b < batch; b++) time[b] = t[k];
        st = f5_dit_step(ctx, x, cond, time, cfg ? F5_DIT_CFG_PACKED : F5_DIT_COND, cfg ? pred : v, err);
        if (st != F5_OK) goto done;
        if (cfg) {
            const float *pc = pred, *pu = pred + bnm, s = p->cfg_strength;
            for (size_t i = 0; i < bnm; i++) v[i] = pc[i] + (pc[i] - pu[i]) * s;
        }
        if (hooks && hooks->trace) hooks->trace(hooks->user, k, t[k], x, v, batch, N);
        float dt = t[k + 1] - t[k];
        for (size_t i = 0; i < bnm; i++) x[i] = x[i] + dt * v[i];
        if (hooks && hooks->progress) hooks->progress(hooks->user, k + 1, steps);
    }
    if (hooks && hooks->trace) hooks->trace(hooks->user, steps, t[steps], x, NULL, batch, N);
    for (int b = 0; b < batch; b++) {
        f5_cfm_item *it = &items[b];
        const float *xb = x + (size_t)b * N * M, *cb = cond + (size_t)b * N * M;
        for (int n = 0; n < it->out_frames; n++)
            memcpy(it->out + (size_t)n * M, (n < it->ref_len ? cb : xb) + (size_t)n * M, (size_t)M * sizeof(float));
    }
done:
    free(t);
    free(x);
    free(cond);
    free(v);
    free(pred);
    free(time);
    free(text);
    free(lens);
    return st;
}

f5_status f5_cfm_sample(f5_dit_ctx *ctx, const f5_cfm_params *p, const float *cond, int ref_len,
                        const int32_t *text, int n_text, int duration, const float *noise, uint64_t seed,
                        const f5_cfm_hooks *hooks, float *out, int *out_frames, f5_error *err) {
    f5_cfm_item it = {.cond = cond, .ref_len = ref_len, .text = text, .n_text = n_text, .duration = duration,
                      .noise = noise, .seed = seed, .out = out};
    f5_status st = f5_cfm_sample_batch(ctx, p, 1, &it, hooks, err);
    if (out_frames) *out_frames = st == F5_OK ? it.out_frames : 0;
    return st;
}
