/* torch_zip.c - PyTorch ZIP checkpoints (.pt, pytorch_model.bin).
 *
 * Finds <archive>/data.pkl, runs the restricted pickle machine over it, then
 * walks the resulting dicts: every tensor becomes an f5_weights entry whose
 * data points into the mapped <archive>/data/<key> storage (zero-copy; the
 * storages of tensors nobody reads are never paged in). Nested dict keys are
 * joined with '.', integer keys (optimizer state) become decimal text; lists
 * and other values are skipped. Tensors must be C-contiguous and lie inside
 * their storage entry.
 */
#include "model/torch_zip.h"

#include "core/error.h"
#include "model/pickle.h"
#include "model/zip.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32
#define MAX_TENSORS (1 << 20)
#define MAX_KEY 4096
#define MAX_VISITS (1 << 22) /* dict entries walked: shared sub-dicts must not blow up */

typedef struct walk {
    f5_weights *w;
    const f5_zip *z;
    const char *what;
    const char *archive; /* "<archive>/" prefix, with the slash */
    size_t archive_len;
    size_t n_tensors;
    size_t visits;
    char key[MAX_KEY];
    f5_error *err;
} walk;

static f5_status add_tensor(walk *k, const f5_pk_obj *t) {
    const f5_pk_obj *st = t->u.tensor.storage;
    f5_dtype dt = st->u.storage.dtype;
    size_t es = f5_dtype_size(dt);
    int nd = t->u.tensor.ndim;
    const int64_t *shape = t->u.tensor.shape, *stride = t->u.tensor.stride;
    int64_t numel = 1, expect = 1;
    bool contiguous = true;
    for (int d = nd - 1; d >= 0; d--) {
        if (shape[d] < 0) return f5_errf(k->err, F5_ERR_FORMAT, "%s: tensor %s: negative dimension %" PRId64, k->what, k->key, shape[d]);
        if (shape[d] != 1 && stride[d] != expect) contiguous = false;
        if (shape[d] && expect > INT64_MAX / shape[d]) return f5_errf(k->err, F5_ERR_FORMAT, "%s: tensor %s: size overflows", k->what, k->key);
        expect *= shape[d];
    }
    numel = expect;
    if (numel && !contiguous) {
        char sb[160] = "[", tmp[32];
        for (int d = 0; d < nd; d++) {
            snprintf(tmp, sizeof tmp, "%s%" PRId64, d ? ", " : "", stride[d]);
            strncat(sb, tmp, sizeof sb - strlen(sb) - 2);
        }
        strcat(sb, "]");
        return f5_errf(k->err, F5_ERR_UNSUPPORTED, "%s: tensor %s: stride %s is not C-contiguous; save it with .contiguous()",
                       k->what, k->key, sb);
    }
    char ename[600];
    int en = snprintf(ename, sizeof ename, "%.*sdata/%s", (int)k->archive_len, k->archive, st->u.storage.key);
    if (en < 0 || (size_t)en >= sizeof ename) return f5_errf(k->err, F5_ERR_FORMAT, "%s: tensor %s: storage key too long", k->what, k->key);
    const f5_zip_entry *e = f5_zip_find(k->z, ename);
    if (!e) return f5_errf(k->err, F5_ERR_FORMAT, "%s: tensor %s: storage entry %s missing from the archive", k->what, k->key, ename);
    int64_t off = t->u.tensor.offset;
    if (off < 0 || (numel && (uint64_t)off > (UINT64_MAX / es) - (uint64_t)numel) ||
        (numel && ((uint64_t)off + (uint64_t)numel) * es > e->usize) ||
        (numel && (uint64_t)(off + numel) > (uint64_t)st->u.storage.numel))
        return f5_errf(k->err, F5_ERR_FORMAT,
                       "%s: tensor %s: elements [%" PRId64 ", %" PRId64 ") of %s exceed its storage (%" PRId64
                       " elements declared, %llu bytes in %s)",
                       k->what, k->key, off, off + numel, f5_dtype_name(dt), st->u.storage.numel, (unsigned long long)e->usize, ename);
    const void *data;
    f5_status s = f5_zip_entry_data(k->z, k->what, e, &data, k->err);
    if (s) return s;
    if (++k->n_tensors > MAX_TENSORS) return f5_errf(k->err, F5_ERR_FORMAT, "%s: more than %d tensors", k->what, MAX_TENSORS);
    return f5_weights_add(k->w, k->key, dt, nd, shape, (const unsigned char *)data + (numel ? (size_t)off * es : 0), k->err);
}

static f5_status walk_dict(walk *k, const f5_pk_obj *d, size_t klen, int depth) {
    if (depth > MAX_DEPTH) return f5_errf(k->err, F5_ERR_FORMAT, "%s: dicts nested more than %d deep", k->what, MAX_DEPTH);
    for (size_t i = 0; i < d->u.seq.n / 2; i++) {
        if (++k->visits > MAX_VISITS)
            return f5_errf(k->err, F5_ERR_FORMAT, "%s: more than %d dict entries to walk (shared or repeated sub-dicts?)", k->what,
                           MAX_VISITS);
        const f5_pk_obj *key = d->u.seq.items[2 * i], *val = d->u.seq.items[2 * i + 1];
        if (val->type != F5_PK_TENSOR && val->type != F5_PK_DICT) continue;
        char kbuf[64];
        const char *ks;
        size_t kl;
        if (key->type == F5_PK_STR) {
            ks = key->u.str.s;
            kl = strlen(ks);
        } else if (key->type == F5_PK_INT) {
            snprintf(kbuf, sizeof kbuf, "%" PRId64, key->u.i);
            ks = kbuf;
            kl = strlen(ks);
        } else {
            continue; /* tuple/None keys cannot name a tensor */
        }
        size_t sep = klen ? 1 : 0;
        if (klen + sep + kl + 1 > sizeof k->key)
            return f5_errf(k->err, F5_ERR_FORMAT, "%s: tensor name longer than %d bytes", k->what, MAX_KEY - 1);
        if (sep) k->key[klen] = '.';
        memcpy(k->key + klen + sep, ks, kl + 1);
        f5_status s = val->type == F5_PK_TENSOR ? add_tensor(k, val) : walk_dict(k, val, klen + sep + kl, depth + 1);
        if (s) return s;
        k->key[klen] = 0;
    }
    return F5_OK;
}

f5_status f5_torch_zip_parse(f5_weights *w, const char *what, const void *data, size_t size, f5_error *err) {
    f5_zip z;
    f5_status s = f5_zip_open(&z, what, data, size, err);
    if (s) return s;
    f5_pickle *pk = NULL;
    f5_pk_obj *root = NULL;
    const f5_zip_entry *pkl = NULL;
    for (size_t i = 0; i < z.n; i++) {
        const f5_zip_entry *e = &z.e[i];
        const char *slash = memchr(e->name, '/', e->name_len);
        if (slash && (size_t)(e->name + e->name_len - slash) == sizeof "/data.pkl" - 1 && !memcmp(slash, "/data.pkl", 9)) {
            pkl = e;
            break;
        }
    }
    if (!pkl) {
        s = f5_errf(err, F5_ERR_FORMAT, "%s: ZIP archive has no <archive>/data.pkl: not a PyTorch checkpoint", what);
        goto done;
    }
    if (z.n > 64) f5_zip_prefetch_headers(&z);
    walk k = {.w = w, .z = &z, .what = what, .archive = pkl->name, .archive_len = pkl->name_len - 8, .err = err};
    char bo[600];
    snprintf(bo, sizeof bo, "%.*sbyteorder", (int)k.archive_len, k.archive);
    const f5_zip_entry *boe = f5_zip_find(&z, bo);
    if (boe) {
        const void *b;
        if ((s = f5_zip_entry_data(&z, what, boe, &b, err))) goto done;
        if (boe->usize >= 3 && !memcmp(b, "big", 3)) {
            s = f5_errf(err, F5_ERR_UNSUPPORTED, "%s: big-endian checkpoint (byteorder \"big\") is not supported", what);
            goto done;
        }
    }
    const void *pdata;
    if ((s = f5_zip_entry_data(&z, what, pkl, &pdata, err))) goto done;
    if ((s = f5_pickle_load(pdata, (size_t)pkl->usize, what, &pk, &root, err))) goto done;
    if (root->type != F5_PK_DICT) {
        s = f5_errf(err, F5_ERR_FORMAT, "%s: data.pkl holds no dict (not a state dict or training checkpoint)", what);
        goto done;
    }
    s = walk_dict(&k, root, 0, 0);
done:
    f5_pickle_free(pk);
    f5_zip_close(&z);
    return s;
}
