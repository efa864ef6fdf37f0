/* weights.c - the tensor table: storage ownership, lookup, f32 views. */
#include "model/weights.h"

#include "core/error.h"
#include "model/safetensors.h"
#include "model/torch_zip.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct mapping {
    void *addr;
    size_t size;
} mapping;

struct f5_weights {
    f5_tensor *t;      /* [n] */
    size_t n, cap;
    size_t *slots;     /* [n_slots] name hash index: tensor index + 1, 0 = empty */
    size_t n_slots;    /* a power of two, kept above 2n */
    mapping *maps;     /* [n_maps] */
    size_t n_maps;
    void **bufs;       /* [n_bufs] heap buffers owned */
    size_t n_bufs;
    char source[1024];
};

f5_weights *f5_weights_new(void) { return calloc(1, sizeof(f5_weights)); }

void f5_weights_free(f5_weights *w) {
    if (!w) return;
    for (size_t i = 0; i < w->n; i++) free(w->t[i].name);
    free(w->t);
    free(w->slots);
    for (size_t i = 0; i < w->n_maps; i++) munmap(w->maps[i].addr, w->maps[i].size);
    free(w->maps);
    for (size_t i = 0; i < w->n_bufs; i++) free(w->bufs[i]);
    free(w->bufs);
    free(w);
}

const char *f5_weights_source(const f5_weights *w) { return w->source; }
void f5_weights_set_source(f5_weights *w, const char *src) { snprintf(w->source, sizeof w->source, "%s", src); }

void f5_weights_own(f5_weights *w, void *buf) {
    void **nb = realloc(w->bufs, (w->n_bufs + 1) * sizeof *nb);
    if (!nb) { /* cannot track it: keep the table consistent, leak nothing we can't free */
        free(buf);
        return;
    }
    w->bufs = nb;
    w->bufs[w->n_bufs++] = buf;
}

f5_status f5_weights_map_file(f5_weights *w, const char *path, const void **data, size_t *size, f5_error *err) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return f5_errf(err, errno == ENOENT ? F5_ERR_NOT_FOUND : F5_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return f5_errf(err, F5_ERR_IO, "%s: cannot stat: %s", path, strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return f5_errf(err, F5_ERR_IO, "%s: not a regular file", path);
    }
    if (st.st_size == 0) {
        close(fd);
        return f5_errf(err, F5_ERR_FORMAT, "%s: file is empty", path);
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) return f5_errf(err, F5_ERR_IO, "%s: mmap failed: %s", path, strerror(errno));
    mapping *nm = realloc(w->maps, (w->n_maps + 1) * sizeof *nm);
    if (!nm) {
        munmap(p, (size_t)st.st_size);
        return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
    }
    w->maps = nm;
    w->maps[w->n_maps++] = (mapping){p, (size_t)st.st_size};
    *data = p;
    *size = (size_t)st.st_size;
    return F5_OK;
}

/* Name lookup through an open-addressing hash index: a hostile checkpoint
 * with a million tensors must not make loading quadratic. */
static size_t name_hash(const char *s) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)h;
}

static long find_index(const f5_weights *w, const char *name) {
    if (!w->n_slots) return -1;
    for (size_t i = name_hash(name) & (w->n_slots - 1);; i = (i + 1) & (w->n_slots - 1)) {
        size_t v = w->slots[i];
        if (!v) return -1;
        if (strcmp(w->t[v - 1].name, name) == 0) return (long)(v - 1);
    }
}

/* Insert tensor idx unless its name is already indexed (the first wins). */
static void index_insert(f5_weights *w, size_t idx) {
    for (size_t i = name_hash(w->t[idx].name) & (w->n_slots - 1);; i = (i + 1) & (w->n_slots - 1)) {
        size_t v = w->slots[i];
        if (!v) {
            w->slots[i] = idx + 1;
            return;
        }
        if (strcmp(w->t[v - 1].name, w->t[idx].name) == 0) return;
    }
}

/* Rebuild the index with room for `want` tensors. */
static bool index_rebuild(f5_weights *w, size_t want) {
    size_t ns = 64;
    while (ns < 2 * want + 2) ns *= 2;
    if (ns != w->n_slots) {
        size_t *nsl = calloc(ns, sizeof *nsl);
        if (!nsl) return false;
        free(w->slots);
        w->slots = nsl;
        w->n_slots = ns;
    } else {
        memset(w->slots, 0, ns * sizeof *w->slots);
    }
    for (size_t i = 0; i < w->n; i++) index_insert(w, i);
    return true;
}

f5_status f5_weights_add(f5_weights *w, const char *name, f5_dtype dt, int ndim, const int64_t *shape,
                         const void *data, f5_error *err) {
    if (ndim < 0 || ndim > F5_MAX_DIMS) return f5_errf(err, F5_ERR_UNSUPPORTED, "tensor %s: %d dimensions (max %d)", name, ndim, F5_MAX_DIMS);
    int64_t numel = 1;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) return f5_errf(err, F5_ERR_FORMAT, "tensor %s: negative dimension %lld", name, (long long)shape[i]);
        if (shape[i] && numel > INT64_MAX / shape[i]) return f5_errf(err, F5_ERR_FORMAT, "tensor %s: element count overflows", name);
        numel *= shape[i];
    }
    f5_tensor t = {0};
    t.name = strdup(name);
    if (!t.name) return f5_errf(err, F5_ERR_NOMEM, "out of memory adding tensor %s", name);
    t.dtype = dt;
    t.ndim = ndim;
    for (int i = 0; i < ndim; i++) t.shape[i] = shape[i];
    t.numel = numel;
    t.data = data;
    t.nbytes = (size_t)numel * f5_dtype_size(dt);
    long idx = find_index(w, name);
    if (idx >= 0) {
        free(w->t[idx].name);
        w->t[idx] = t;
        return F5_OK;
    }
    if (w->n == w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 64;
        f5_tensor *nt = realloc(w->t, nc * sizeof *nt);
        if (!nt) {
            free(t.name);
            return f5_errf(err, F5_ERR_NOMEM, "out of memory adding tensor %s", name);
        }
        w->t = nt;
        w->cap = nc;
    }
    if (2 * (w->n + 1) + 2 > w->n_slots && !index_rebuild(w, w->cap)) {
        free(t.name);
        return f5_errf(err, F5_ERR_NOMEM, "out of memory indexing tensor %s", name);
    }
    w->t[w->n] = t;
    index_insert(w, w->n++);
    return F5_OK;
}

size_t f5_weights_count(const f5_weights *w) { return w->n; }
const f5_tensor *f5_weights_at(const f5_weights *w, size_t i) { return i < w->n ? &w->t[i] : NULL; }

const f5_tensor *f5_weights_find(const f5_weights *w, const char *name) {
    long i = find_index(w, name);
    return i < 0 ? NULL : &w->t[i];
}

void f5_weights_remove(f5_weights *w, const char *name) {
    long i = find_index(w, name);
    if (i < 0) return;
    free(w->t[i].name);
    memmove(&w->t[i], &w->t[i + 1], (w->n - (size_t)i - 1) * sizeof *w->t);
    w->n--;
    (void)index_rebuild(w, w->cap); /* same size as before: no allocation, cannot fail */
}

f5_status f5_weights_rename_prefix(f5_weights *w, const char *from, const char *to, bool drop_others, f5_error *err) {
    size_t lf = strlen(from), lt = strlen(to);
    size_t j = 0;
    f5_status s = F5_OK;
    for (size_t i = 0; i < w->n; i++) {
        f5_tensor t = w->t[i];
        if (s == F5_OK && strncmp(t.name, from, lf) == 0) {
            size_t rest = strlen(t.name + lf);
            char *nn = malloc(lt + rest + 1);
            if (!nn) { /* keep this and the remaining tensors as they are */
                s = f5_errf(err, F5_ERR_NOMEM, "out of memory renaming %s", t.name);
                w->t[j++] = t;
                continue;
            }
            memcpy(nn, to, lt);
            memcpy(nn + lt, t.name + lf, rest + 1);
            free(t.name);
            t.name = nn;
        } else if (drop_others && s == F5_OK) {
            free(t.name);
            continue;
        }
        w->t[j++] = t;
    }
    w->n = j;
    (void)index_rebuild(w, w->cap); /* same size as before: no allocation, cannot fail */
    return s;
}

static f5_status check_shape(const f5_tensor *t, const char *name, int ndim, const int64_t *shape, f5_error *err) {
    if (ndim < 0) return F5_OK;
    bool ok = t->ndim == ndim;
    for (int i = 0; ok && i < ndim; i++) ok = t->shape[i] == shape[i];
    if (!ok) {
        char g[160], e[160];
        return f5_errf(err, F5_ERR_SHAPE, "tensor %s: got %s, expected %s", name, f5_shape_str(t->ndim, t->shape, g, sizeof g),
                       f5_shape_str(ndim, shape, e, sizeof e));
    }
    return F5_OK;
}

f5_status f5_weights_check(const f5_weights *w, const char *name, int ndim, const int64_t *shape, f5_error *err) {
    const f5_tensor *t = f5_weights_find(w, name);
    if (!t) return f5_errf(err, F5_ERR_NOT_FOUND, "tensor %s missing from %s", name, w->source[0] ? w->source : "weights");
    return check_shape(t, name, ndim, shape, err);
}

f5_status f5_weights_get_f32(f5_weights *w, const char *name, int ndim, const int64_t *shape, const float **out,
                             f5_error *err) {
    long i = find_index(w, name);
    if (i < 0) return f5_errf(err, F5_ERR_NOT_FOUND, "tensor %s missing from %s", name, w->source[0] ? w->source : "weights");
    f5_tensor *t = &w->t[i];
    f5_status s = check_shape(t, name, ndim, shape, err);
    if (s) return s;
    if (t->dtype == F5_DT_F32 && ((uintptr_t)t->data % 4) == 0) {
        *out = t->data;
        return F5_OK;
    }
    if (t->dtype != F5_DT_F32 && t->dtype != F5_DT_F16 && t->dtype != F5_DT_BF16 && t->dtype != F5_DT_F64)
        return f5_errf(err, F5_ERR_SHAPE, "tensor %s: dtype %s, expected a float type (F32/F16/BF16)", name, f5_dtype_name(t->dtype));
    float *buf = malloc((size_t)(t->numel ? t->numel : 1) * sizeof(float));
    if (!buf) return f5_errf(err, F5_ERR_NOMEM, "out of memory converting tensor %s", name);
    f5_convert_to_f32(t->dtype, t->data, buf, t->numel);
    f5_weights_own(w, buf);
    t->data = buf;
    t->dtype = F5_DT_F32;
    t->nbytes = (size_t)t->numel * 4;
    *out = buf;
    return F5_OK;
}

f5_status f5_weights_open(const char *path, f5_weights **out, f5_error *err) {
    *out = NULL;
    f5_weights *w = f5_weights_new();
    if (!w) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    f5_weights_set_source(w, path);
    const void *data;
    size_t size;
    f5_status s = f5_weights_map_file(w, path, &data, &size, err);
    if (s) goto fail;
    if (size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
        s = f5_torch_zip_parse(w, path, data, size, err);
    else
        s = f5_safetensors_parse(w, path, data, size, err);
    if (s) goto fail;
    *out = w;
    return F5_OK;
fail:
    f5_weights_free(w);
    return s;
}
