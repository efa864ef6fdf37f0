/* form_parts.c - a buffered multipart body as named parts (form_parts.h),
 * on the streaming parser of multipart.c. */
#include "service/http/form_parts.h"

#include "core/error.h"
#include "service/http/multipart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ctx {
    f5_form_parts *p;
    const char *const *allowed;
    f5_form_part *cur;
} ctx;

static f5_status on_begin(void *user, const f5_mp_part *part, f5_error *err) {
    ctx *c = user;
    f5_form_parts *p = c->p;
    bool ok = false;
    for (const char *const *a = c->allowed; a && *a; a++)
        if (!strcmp(*a, part->name)) ok = true;
    if (ok && f5_form_parts_get(p, part->name)) {
        ok = false;
        p->duplicate = true;
    }
    if (!ok) {
        snprintf(p->bad_name, sizeof p->bad_name, "%s", part->name);
        return f5_errf(err, F5_ERR_INVALID_ARG, "field '%.60s' is %s", part->name,
                       p->duplicate ? "sent more than once" : "not accepted here");
    }
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 8;
        f5_form_part *nv = realloc(p->v, nc * sizeof *nv);
        if (!nv) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
        p->v = nv, p->cap = nc;
    }
    c->cur = &p->v[p->n++];
    memset(c->cur, 0, sizeof *c->cur);
    snprintf(c->cur->name, sizeof c->cur->name, "%s", part->name);
    if (part->filename) snprintf(c->cur->filename, sizeof c->cur->filename, "%s", part->filename);
    if (!(c->cur->data = calloc(1, 1))) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    return F5_OK;
}

static f5_status on_data(void *user, const char *data, size_t n, f5_error *err) {
    ctx *c = user;
    f5_form_part *q = c->cur;
    if (!q) return F5_OK;
    char *d = realloc(q->data, q->len + n + 1);
    if (!d) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    memcpy(d + q->len, data, n);
    q->data = d;
    q->len += n;
    d[q->len] = 0;
    return F5_OK;
}

static f5_status on_end(void *user, f5_error *err) {
    (void)err;
    ((ctx *)user)->cur = NULL;
    return F5_OK;
}

static const f5_mp_callbacks cbs = {on_begin, on_data, on_end};

f5_status f5_form_parts_parse(const char *content_type, const char *body, size_t len, const char *const *allowed,
                              f5_form_parts *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    char boundary[80];
    f5_status st = f5_mp_boundary(content_type, boundary, sizeof boundary, err);
    if (st) return st;
    ctx c = {.p = out, .allowed = allowed};
    f5_multipart *mp = NULL;
    if ((st = f5_mp_new(boundary, &cbs, &c, &mp, err))) return st;
    st = f5_mp_feed(mp, body ? body : "", len, err);
    if (!st) st = f5_mp_finish(mp, err);
    f5_mp_free(mp);
    if (st == F5_ERR_INVALID_ARG && !out->bad_name[0]) st = F5_ERR_FORMAT;
    return st;
}

const f5_form_part *f5_form_parts_get(const f5_form_parts *p, const char *name) {
    for (size_t i = 0; i < p->n; i++)
        if (!strcmp(p->v[i].name, name)) return &p->v[i];
    return NULL;
}

void f5_form_parts_free(f5_form_parts *p) {
    for (size_t i = 0; p && i < p->n; i++) free(p->v[i].data);
    if (p) free(p->v);
    if (p) memset(p, 0, sizeof *p);
}
