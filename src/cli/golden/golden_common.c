/* golden_common.c - tolerance lookup, comparison and the report lines. */
#include "cli/golden/golden.h"

#include "model/safetensors.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static golden_tol tol_from(json_t *o, golden_tol fb) {
    if (!json_is_object(o)) return fb;
    json_t *a = json_object_get(o, "max_abs"), *r = json_object_get(o, "rel_l2");
    golden_tol t = fb;
    if (json_is_number(a)) t.max_abs = json_number_value(a);
    if (json_is_number(r)) t.rel_l2 = json_number_value(r);
    return t;
}

golden_tol golden_tolerance(json_t *tol_obj, const char *tensor, golden_tol fallback) {
    if (!json_is_object(tol_obj)) return fallback;
    json_t *pt = json_object_get(tol_obj, "per_tensor");
    if (json_is_object(pt) && json_object_get(pt, tensor)) return tol_from(json_object_get(pt, tensor), fallback);
    json_t *direct = json_object_get(tol_obj, tensor);
    if (json_is_object(direct)) return tol_from(direct, fallback);
    return tol_from(json_object_get(tol_obj, "default"), fallback);
}

static void print_name(const char *case_name, const char *sub) {
    if (sub && *sub)
        printf("%s/%s", case_name, sub);
    else
        printf("%s", case_name);
}

bool golden_compare(golden_ctx *g, const char *case_name, const char *sub, const float *got, const float *ref, size_t n,
                    golden_tol tol) {
    double maxabs = 0, num = 0, den = 0;
    bool finite = true;
    for (size_t i = 0; i < n; i++) {
        double d = (double)got[i] - (double)ref[i];
        if (!isfinite(got[i])) finite = false;
        if (fabs(d) > maxabs) maxabs = fabs(d);
        num += d * d;
        den += (double)ref[i] * ref[i];
    }
    double rel = den > 0 ? sqrt(num / den) : sqrt(num);
    if (g->prec == F5_KPREC_BF16) tol = (golden_tol){-1, GOLDEN_BF16_REL_L2};
    if (rel > g->worst_rel_l2) g->worst_rel_l2 = rel;
    bool ok = finite && (tol.max_abs < 0 || maxabs <= tol.max_abs) && (tol.rel_l2 < 0 || rel <= tol.rel_l2);
    print_name(case_name, sub);
    printf(" %s max_abs=%.3g rel_l2=%.3g (tol max_abs %.3g rel_l2 %.3g)%s\n", ok ? "PASS" : "FAIL", maxabs, rel,
           tol.max_abs, tol.rel_l2, finite ? "" : " non-finite output");
    if (ok)
        g->passed++;
    else
        g->failed++;
    fflush(stdout);
    return ok;
}

bool golden_exact(golden_ctx *g, const char *case_name, const char *sub, bool ok, const char *detail) {
    print_name(case_name, sub);
    printf(" %s exact%s%s\n", ok ? "PASS" : "FAIL", detail && *detail ? " " : "", detail ? detail : "");
    if (ok)
        g->passed++;
    else
        g->failed++;
    fflush(stdout);
    return ok;
}

void golden_error(golden_ctx *g, const char *case_name, const char *sub, const char *msg) {
    print_name(case_name, sub);
    printf(" FAIL error: %s\n", msg);
    g->failed++;
    fflush(stdout);
}

void golden_skip(golden_ctx *g, const char *case_name, const char *sub, const char *why) {
    print_name(case_name, sub);
    printf(" SKIP %s\n", why);
    g->skipped++;
    fflush(stdout);
}

const char *golden_path(const golden_ctx *g, const char *rel, char *buf, size_t cap) {
    snprintf(buf, cap, "%s/%s", g->dir, rel);
    return buf;
}

f5_weights *golden_load_vectors(golden_ctx *g, const char *case_name, const char *rel) {
    char path[4096];
    f5_error err = {0};
    f5_weights *w = NULL;
    if (f5_safetensors_load(golden_path(g, rel, path, sizeof path), &w, &err) != F5_OK) {
        golden_error(g, case_name, rel, err.message);
        return NULL;
    }
    return w;
}

const float *golden_f32(golden_ctx *g, f5_weights *v, const char *case_name, const char *tensor, const f5_tensor **info) {
    f5_error err = {0};
    const float *p = NULL;
    if (f5_weights_get_f32(v, tensor, -1, NULL, &p, &err) != F5_OK) {
        golden_error(g, case_name, tensor, err.message);
        return NULL;
    }
    if (info) *info = f5_weights_find(v, tensor);
    return p;
}
