/* golden_dit.c - the dit checker: runs the DiT on each batch of the case's
 * vectors (b1: batch 1 without mask, b2: padded batch with lens) in the
 * cond, uncond and packed-CFG modes and compares the outputs and every
 * intermediate stored (release cases store only the frames b1.rows). File
 * checkpoints are checked in both formats (.safetensors and .pt), which
 * must also agree bit for bit. */
#include "cli/golden/golden_dit.h"

#include "model/dit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool detect(json_t *kase) {
    json_t *c = json_object_get(kase, "config"), *f = json_object_get(kase, "files");
    return json_is_string(json_object_get(c, "backbone")) && !json_object_get(f, "cases") && json_object_get(f, "vectors");
}

/* Intermediates captured by the trace hook of one evaluation. */
#define MAX_TRACE 96
typedef struct trace_store {
    int R;
    int n;
    struct {
        char name[32];
        float *data; /* [R, rows, cols] */
        int64_t rows, cols;
    } e[MAX_TRACE];
} trace_store;

static void on_trace(void *user, const char *name, int b, const float *data, int64_t rows, int64_t cols) {
    trace_store *s = user;
    int i;
    for (i = 0; i < s->n; i++)
        if (!strcmp(s->e[i].name, name)) break;
    if (i == s->n) {
        if (s->n == MAX_TRACE) return;
        snprintf(s->e[i].name, sizeof s->e[i].name, "%s", name);
        s->e[i].rows = rows;
        s->e[i].cols = cols;
        s->e[i].data = calloc((size_t)s->R * (size_t)(rows * cols), sizeof(float));
        if (!s->e[i].data) return;
        s->n++;
    }
    if (b < 0) b = 0;
    if (b < s->R && s->e[i].data) memcpy(s->e[i].data + (size_t)b * rows * cols, data, (size_t)(rows * cols) * sizeof(float));
}

static void trace_clear(trace_store *s, int R) {
    for (int i = 0; i < s->n; i++) free(s->e[i].data);
    memset(s, 0, sizeof *s);
    s->R = R;
}

typedef struct run_ctx {
    golden_ctx *g;
    json_t *tol;
    const char *name, *src;
    f5_weights *v;
} run_ctx;

static void compare(run_ctx *r, const char *tensor, const float *got, size_t n) {
    const f5_tensor *info = NULL;
    const float *ref = golden_f32(r->g, r->v, r->name, tensor, &info);
    if (!ref) return;
    char sub[160];
    snprintf(sub, sizeof sub, "%s/%s", r->src, tensor);
    if ((size_t)info->numel != n) {
        char msg[200];
        snprintf(msg, sizeof msg, "size mismatch: got %zu values, reference has %lld", n, (long long)info->numel);
        golden_error(r->g, r->name, sub, msg);
        return;
    }
    golden_tol fb = {1e-3, 1e-4};
    golden_compare(r->g, r->name, sub, got, ref, n, golden_tolerance(r->tol, tensor, fb));
}

/* Compare captured intermediates with "<pre>.<pass>.<name>" (and rope), gathering b<pre>.rows when stored so. */
static void compare_trace(run_ctx *r, const char *pre, const char *pass, trace_store *s, int R, int N,
                          const int32_t *rows, int64_t n_rows) {
    for (int i = 0; i < s->n; i++) {
        char tensor[96];
        bool rope = !strcmp(s->e[i].name, "rope_freqs");
        if (rope)
            snprintf(tensor, sizeof tensor, "%s.rope_freqs", pre);
        else
            snprintf(tensor, sizeof tensor, "%s.%s.%s", pre, pass, s->e[i].name);
        const f5_tensor *t = f5_weights_find(r->v, tensor);
        if (!t || !s->e[i].data) continue;
        int64_t rr = s->e[i].rows, cc = s->e[i].cols, R_eff = rope ? 1 : R;
        if (t->numel == R_eff * rr * cc) {
            compare(r, tensor, s->e[i].data, (size_t)(R_eff * rr * cc));
        } else if (rows && rr == N && t->numel == R_eff * n_rows * cc) {
            float *gat = malloc((size_t)(R_eff * n_rows * cc) * sizeof *gat);
            if (!gat) continue;
            for (int64_t b = 0; b < R_eff; b++)
                for (int64_t j = 0; j < n_rows; j++)
                    memcpy(gat + (b * n_rows + j) * cc, s->e[i].data + (b * rr + rows[j]) * cc, (size_t)cc * sizeof *gat);
            compare(r, tensor, gat, (size_t)(R_eff * n_rows * cc));
            free(gat);
        } else {
            char sub[160], msg[160];
            snprintf(sub, sizeof sub, "%s/%s", r->src, tensor);
            snprintf(msg, sizeof msg, "reference has %lld values, computed %lld", (long long)t->numel,
                     (long long)(R_eff * rr * cc));
            golden_error(r->g, r->name, sub, msg);
        }
    }
}

/* One batch prefix (b1/b2). out_cond_copy (optional) receives out.cond for the cross-format check. */
static void run_batch(run_ctx *r, golden_dit_model *m, const char *pre, float **out_cond_copy, size_t *out_n) {
    char key[64];
    const f5_tensor *xt = NULL, *tt = NULL;
    snprintf(key, sizeof key, "%s.x", pre);
    const float *x = golden_f32(r->g, r->v, r->name, key, &xt);
    snprintf(key, sizeof key, "%s.cond", pre);
    const float *cond = golden_f32(r->g, r->v, r->name, key, NULL);
    snprintf(key, sizeof key, "%s.time", pre);
    const f5_tensor *timet = NULL;
    const float *time = golden_f32(r->g, r->v, r->name, key, &timet);
    snprintf(key, sizeof key, "%s.text", pre);
    int32_t *text = golden_i32(r->g, r->v, r->name, key, &tt);
    int32_t *lens = NULL, *rows = NULL;
    const f5_tensor *rowst = NULL;
    snprintf(key, sizeof key, "%s.lens", pre);
    if (f5_weights_find(r->v, key)) lens = golden_i32(r->g, r->v, r->name, key, NULL);
    snprintf(key, sizeof key, "%s.rows", pre);
    if (f5_weights_find(r->v, key)) rows = golden_i32(r->g, r->v, r->name, key, &rowst);
    float *out = NULL, *tb = NULL;
    trace_store *s = calloc(1, sizeof *s);
    if (!x || !cond || !time || !text || !s || xt->ndim != 3 || tt->ndim != 2) goto done;
    int B = (int)xt->shape[0], N = (int)xt->shape[1], M = (int)xt->shape[2], T = (int)tt->shape[1];
    if (M != m->cfg.mel_dim || tt->shape[0] != B) {
        golden_error(r->g, r->name, pre, "inconsistent x/text shapes");
        goto done;
    }
    /* time may be a scalar-like [1] for any B */
    tb = malloc((size_t)B * sizeof *tb);
    out = malloc((size_t)2 * B * N * M * sizeof *out);
    if (!tb || !out) goto done;
    for (int b = 0; b < B; b++) tb[b] = time[timet->numel == B ? b : 0];
    f5_error err = {0};
    if (f5_dit_set_text(m->ctx, B, N, text, T, lens, &err) != F5_OK) {
        golden_error(r->g, r->name, pre, err.message);
        goto done;
    }
    static const struct {
        const char *pass;
        f5_dit_mode mode;
    } passes[] = {{"cond", F5_DIT_COND}, {"uncond", F5_DIT_UNCOND}, {"cfg_packed", F5_DIT_CFG_PACKED}};
    for (int p = 0; p < 3; p++) {
        int R = passes[p].mode == F5_DIT_CFG_PACKED ? 2 * B : B;
        trace_clear(s, R);
        bool traced = passes[p].mode != F5_DIT_CFG_PACKED;
        f5_dit_ctx_set_trace(m->ctx, traced ? on_trace : NULL, s);
        if (f5_dit_step(m->ctx, x, cond, tb, passes[p].mode, out, &err) != F5_OK) {
            char sub[64];
            snprintf(sub, sizeof sub, "%s/%s.out.%s", r->src, pre, passes[p].pass);
            golden_error(r->g, r->name, sub, err.message);
            continue;
        }
        snprintf(key, sizeof key, "%s.out.%s", pre, passes[p].pass);
        compare(r, key, out, (size_t)R * N * M);
        if (traced) compare_trace(r, pre, passes[p].pass, s, R, N, rows, rowst ? rowst->numel : 0);
        if (p == 0 && out_cond_copy) {
            *out_n = (size_t)R * N * M;
            *out_cond_copy = malloc(*out_n * sizeof(float));
            if (*out_cond_copy) memcpy(*out_cond_copy, out, *out_n * sizeof(float));
        }
    }
    f5_dit_ctx_set_trace(m->ctx, NULL, NULL);
done:
    if (s) trace_clear(s, 0);
    free(s);
    free(text);
    free(lens);
    free(rows);
    free(tb);
    free(out);
}

static void run(golden_ctx *g, json_t *kase) {
    const char *name = json_string_value(json_object_get(kase, "name"));
    json_t *files = json_object_get(kase, "files");
    f5_weights *v = golden_load_vectors(g, name, json_string_value(json_object_get(files, "vectors")));
    if (!v) return;
    const char *sources[3];
    int ns = 0;
    if (json_object_get(files, "weights_safetensors")) sources[ns++] = "safetensors";
    if (json_object_get(files, "weights_pt")) sources[ns++] = "pt";
    if (json_object_get(json_object_get(kase, "weights"), "procedural")) sources[ns++] = "procedural";
    if (ns == 0) golden_error(g, name, NULL, "no weights: neither files.weights_* nor weights.procedural");
    float *first_out = NULL;
    size_t first_n = 0;
    for (int i = 0; i < ns; i++) {
        golden_dit_model m;
        if (!golden_dit_load(g, kase, sources[i], &m)) continue;
        run_ctx r = {g, json_object_get(kase, "tolerance"), name, sources[i], v};
        float *oc = NULL;
        size_t on = 0;
        run_batch(&r, &m, "b1", &oc, &on);
        if (f5_weights_find(v, "b2.x")) run_batch(&r, &m, "b2", NULL, NULL);
        if (oc && first_out) {
            char detail[160];
            bool same = on == first_n && !memcmp(oc, first_out, on * sizeof(float));
            snprintf(detail, sizeof detail, "b1.out.cond from %s vs %s: %s", sources[i], sources[0],
                     same ? "bit-identical" : "DIFFERENT");
            golden_exact(g, name, "formats_identical", same, detail);
            free(oc);
        } else if (oc) {
            first_out = oc;
            first_n = on;
        }
        golden_dit_unload(&m);
    }
    free(first_out);
    f5_weights_free(v);
}

const golden_checker golden_checker_dit = {"dit", detect, run};
