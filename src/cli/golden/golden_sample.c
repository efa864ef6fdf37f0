/* golden_sample.c - the sample checker: per cases[] file, runs the CFM
 * sampler with the stored noise injected and compares the time grid, the
 * effective durations, the whole trajectory, the CFG-combined velocities
 * (when stored) and the output, with cases[].tolerance. */
#include "cli/golden/golden_dit.h"

#include "model/cfm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool detect(json_t *kase) {
    json_t *c = json_object_get(kase, "config"), *f = json_object_get(kase, "files");
    return json_is_string(json_object_get(c, "backbone")) && json_is_array(json_object_get(f, "cases"));
}

typedef struct traj_store {
    float *traj, *flow; /* [steps+1, B, N, M], [steps, B, N, M] */
    size_t per;         /* B*N*M */
    int steps;
    bool size_ok;
} traj_store;

static void on_trace(void *user, int step, float t, const float *x, const float *v, int B, int N) {
    (void)t;
    (void)B;
    (void)N;
    traj_store *s = user;
    if (!s->size_ok || step < 0 || step > s->steps) return;
    memcpy(s->traj + (size_t)step * s->per, x, s->per * sizeof(float));
    if (v && step < s->steps) memcpy(s->flow + (size_t)step * s->per, v, s->per * sizeof(float));
}

static void cmp(golden_ctx *g, const char *name, const char *file, const char *tensor, json_t *tol, f5_weights *v,
                const float *got, size_t n) {
    const f5_tensor *info = NULL;
    const float *ref = golden_f32(g, v, name, tensor, &info);
    if (!ref) return;
    char sub[256];
    snprintf(sub, sizeof sub, "%s/%s", file, tensor);
    if ((size_t)info->numel != n) {
        char msg[160];
        snprintf(msg, sizeof msg, "size mismatch: computed %zu values, reference has %lld", n, (long long)info->numel);
        golden_error(g, name, sub, msg);
        return;
    }
    /* the time grid is exact float32 arithmetic: hold it tight unless the case says otherwise */
    golden_tol fb = strcmp(tensor, "t") ? (golden_tol){2e-3, 2e-4} : (golden_tol){1e-6, 1e-6};
    golden_compare(g, name, sub, got, ref, n, golden_tolerance(tol, tensor, fb));
}

static void run_one(golden_ctx *g, const char *name, json_t *c, golden_dit_model *m, json_t *case_tol) {
    const char *rel = json_string_value(json_object_get(c, "file"));
    json_t *P = json_object_get(c, "params"), *tol = json_object_get(c, "tolerance");
    if (!tol) tol = case_tol;
    const char *file = rel ? strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel : "?";
    f5_weights *v = rel ? golden_load_vectors(g, name, rel) : NULL;
    if (!v) {
        if (!rel) golden_error(g, name, NULL, "cases[] entry without file");
        return;
    }
    const f5_tensor *ct = NULL, *tt = NULL, *nt = NULL;
    const float *cond = golden_f32(g, v, name, "cond", &ct), *noise = golden_f32(g, v, name, "noise", &nt);
    int32_t *lens = golden_i32(g, v, name, "lens", NULL), *text = golden_i32(g, v, name, "text", &tt);
    int32_t *dur_in = golden_i32(g, v, name, "duration_in", NULL), *dur = golden_i32(g, v, name, "duration", NULL);
    f5_cfm_item *items = NULL;
    traj_store s = {0};
    float *outs = NULL, *full = NULL;
    if (!cond || !noise || !lens || !text || !dur_in || !dur || ct->ndim != 3 || nt->ndim != 3 || tt->ndim != 2)
        goto done;
    int B = (int)ct->shape[0], Nr = (int)ct->shape[1], M = (int)ct->shape[2], N = (int)nt->shape[1];
    int T = (int)tt->shape[1];
    f5_cfm_params p = f5_cfm_default_params();
    json_t *j;
    if (json_is_integer(j = json_object_get(P, "steps"))) p.steps = (int)json_integer_value(j);
    if (json_is_number(j = json_object_get(P, "cfg_strength"))) p.cfg_strength = (float)json_number_value(j);
    j = json_object_get(P, "sway_sampling_coef");
    p.sway_coef = json_is_number(j) ? (float)json_number_value(j) : NAN;
    if (json_is_boolean(j = json_object_get(P, "use_epss"))) p.use_epss = json_is_true(j);
    j = json_object_get(P, "ode_method");
    if (json_is_string(j) && strcmp(json_string_value(j), "euler")) {
        golden_error(g, name, file, "only the euler ODE method is implemented");
        goto done;
    }
    /* time grid alone */
    float *tg = malloc(((size_t)(p.steps > 0 ? p.steps : 0) + 1) * sizeof *tg);
    f5_error err = {0};
    if (!tg || f5_cfm_time_grid(p.steps, p.sway_coef, p.use_epss, tg, &err) != F5_OK) {
        golden_error(g, name, file, tg ? err.message : "out of memory");
        free(tg);
        goto done;
    }
    cmp(g, name, file, "t", tol, v, tg, (size_t)p.steps + 1);
    free(tg);

    items = calloc((size_t)B, sizeof *items);
    outs = malloc((size_t)B * N * M * sizeof *outs);
    s.per = (size_t)B * N * M;
    s.steps = p.steps;
    s.traj = malloc(((size_t)p.steps + 1) * s.per * sizeof(float));
    s.flow = calloc((size_t)p.steps * s.per + 1, sizeof(float));
    full = malloc(s.per * sizeof *full);
    if (!items || !outs || !s.traj || !s.flow || !full) {
        golden_error(g, name, file, "out of memory");
        goto done;
    }
    for (int b = 0; b < B; b++) {
        if (lens[b] > Nr || lens[b] < 0) {
            golden_error(g, name, file, "lens exceeds the stored reference frames");
            goto done;
        }
        items[b] = (f5_cfm_item){.cond = cond + (size_t)b * Nr * M, .ref_len = lens[b], .text = text + (size_t)b * T,
                                 .n_text = T, .duration = dur_in[b], .noise = noise + (size_t)b * N * M,
                                 .out = outs + (size_t)b * N * M};
    }
    /* the sampler's N must equal the stored N for the trace buffers */
    int n_expect = 0;
    for (int b = 0; b < B; b++) {
        int cnt = 0;
        for (int i = 0; i < T; i++) cnt += text[(size_t)b * T + i] != -1;
        int d = f5_cfm_effective_duration(lens[b], cnt, dur_in[b]);
        if (d > n_expect) n_expect = d;
    }
    s.size_ok = n_expect == N;
    f5_cfm_hooks hooks = {.user = &s, .trace = on_trace};
    if (f5_cfm_sample_batch(m->ctx, &p, B, items, &hooks, &err) != F5_OK) {
        golden_error(g, name, file, err.message);
        goto done;
    }
    char detail[256];
    int off = 0;
    bool same = true;
    for (int b = 0; b < B; b++) {
        same = same && items[b].out_frames == dur[b];
        off += snprintf(detail + off, sizeof detail - (size_t)off, "%s%d/%d", b ? ", " : "effective duration got/ref ",
                        items[b].out_frames, dur[b]);
        if (off >= (int)sizeof detail) break;
    }
    char sub[200];
    snprintf(sub, sizeof sub, "%s/duration", file);
    golden_exact(g, name, sub, same, detail);
    if (!s.size_ok) {
        golden_error(g, name, file, "effective max duration differs from the stored noise length");
        goto done;
    }
    cmp(g, name, file, "trajectory", tol, v, s.traj, ((size_t)p.steps + 1) * s.per);
    if (f5_weights_find(v, "flow_v")) cmp(g, name, file, "flow_v", tol, v, s.flow, (size_t)p.steps * s.per);
    /* out [B,N,M]: the sampler's frames, then (beyond each item's duration) the final x as upstream keeps it */
    for (int b = 0; b < B; b++)
        for (int n = 0; n < N; n++) {
            size_t o = ((size_t)b * N + n) * M;
            const float *src = n < items[b].out_frames ? items[b].out + (size_t)n * M : s.traj + (size_t)p.steps * s.per + o;
            memcpy(full + o, src, (size_t)M * sizeof *full);
        }
    cmp(g, name, file, "out", tol, v, full, s.per);
done:
    free(lens);
    free(text);
    free(dur_in);
    free(dur);
    free(items);
    free(outs);
    free(s.traj);
    free(s.flow);
    free(full);
    f5_weights_free(v);
}

static void run(golden_ctx *g, json_t *kase) {
    const char *name = json_string_value(json_object_get(kase, "name"));
    json_t *files = json_object_get(kase, "files");
    const char *source = json_object_get(files, "weights_safetensors")     ? "safetensors"
                         : json_object_get(files, "weights_pt")            ? "pt"
                         : json_object_get(json_object_get(kase, "weights"), "procedural") ? "procedural"
                                                                                          : NULL;
    if (!source) {
        golden_error(g, name, NULL, "no weights: neither files.weights_* nor weights.procedural");
        return;
    }
    golden_dit_model m;
    if (!golden_dit_load(g, kase, source, &m)) return;
    json_t *cases = json_object_get(kase, "cases");
    if (!json_is_array(cases)) cases = json_object_get(files, "cases");
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c) {
        if (json_is_string(c)) { /* files.cases only: no params, cannot run */
            golden_error(g, name, json_string_value(c), "case without params");
            continue;
        }
        run_one(g, name, c, &m, json_object_get(kase, "tolerance"));
    }
    golden_dit_unload(&m);
}

const golden_checker golden_checker_sample = {"sample", detect, run};
