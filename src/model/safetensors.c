/* safetensors.c - parse and write the safetensors format.
 *
 * Layout: u64 LE header length N, N bytes of JSON
 * {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}},
 * then the data section. Nothing is copied: tensors point into the image.
 */
#include "model/safetensors.h"

#include "core/error.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HEADER (100u << 20) /* 100 MiB of JSON is already absurd */

typedef struct range {
    uint64_t b, e;
    const char *name;
} range;

static int cmp_range(const void *a, const void *b) {
    const range *x = a, *y = b;
    return x->b < y->b ? -1 : x->b > y->b;
}

f5_status f5_safetensors_parse(f5_weights *w, const char *what, const void *data, size_t size, f5_error *err) {
    const unsigned char *p = data;
    if (size < 8) return f5_errf(err, F5_ERR_FORMAT, "%s: %zu bytes, too short for a safetensors header", what, size);
    uint64_t hlen = 0;
    for (int i = 7; i >= 0; i--) hlen = (hlen << 8) | p[i];
    if (hlen > size - 8 || hlen > MAX_HEADER)
        return f5_errf(err, F5_ERR_FORMAT, "%s: safetensors header length %llu exceeds file size %zu", what, (unsigned long long)hlen, size);
    if (hlen < 2 || p[8] != '{')
        return f5_errf(err, F5_ERR_FORMAT, "%s: not a safetensors file (header does not start with '{')", what);
    const unsigned char *base = p + 8 + hlen;
    uint64_t dsize = size - 8 - hlen;
    json_error_t je;
    json_t *root = json_loadb((const char *)p + 8, (size_t)hlen, JSON_REJECT_DUPLICATES, &je);
    if (!root) return f5_errf(err, F5_ERR_FORMAT, "%s: safetensors header is not valid JSON: %s (at byte %d)", what, je.text, je.position);
    f5_status s = F5_OK;
    range *ranges = NULL;
    size_t nr = 0;
    if (!json_is_object(root)) {
        s = f5_errf(err, F5_ERR_FORMAT, "%s: safetensors header is not a JSON object", what);
        goto done;
    }
    ranges = calloc(json_object_size(root) + 1, sizeof *ranges);
    if (!ranges) {
        s = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", what);
        goto done;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (strcmp(key, "__metadata__") == 0) continue;
        json_t *jd = json_object_get(v, "dtype"), *js = json_object_get(v, "shape"), *jo = json_object_get(v, "data_offsets");
        if (!json_is_object(v) || !json_is_string(jd) || !json_is_array(js) || !json_is_array(jo) || json_array_size(jo) != 2) {
            s = f5_errf(err, F5_ERR_FORMAT, "%s: tensor %s: entry needs dtype, shape and data_offsets [begin, end]", what, key);
            goto done;
        }
        f5_dtype dt;
        if (f5_dtype_parse(json_string_value(jd), &dt) != 0) {
            s = f5_errf(err, F5_ERR_UNSUPPORTED, "%s: tensor %s: unsupported dtype %s", what, key, json_string_value(jd));
            goto done;
        }
        size_t nd = json_array_size(js);
        if (nd > F5_MAX_DIMS) {
            s = f5_errf(err, F5_ERR_UNSUPPORTED, "%s: tensor %s: %zu dimensions (max %d)", what, key, nd, F5_MAX_DIMS);
            goto done;
        }
        int64_t shape[F5_MAX_DIMS];
        uint64_t numel = 1;
        for (size_t i = 0; i < nd; i++) {
            json_t *d = json_array_get(js, i);
            if (!json_is_integer(d) || json_integer_value(d) < 0) {
                s = f5_errf(err, F5_ERR_FORMAT, "%s: tensor %s: shape[%zu] is not a non-negative integer", what, key, i);
                goto done;
            }
            shape[i] = json_integer_value(d);
            if (shape[i] && numel > UINT64_MAX / 16 / (uint64_t)shape[i]) {
                s = f5_errf(err, F5_ERR_FORMAT, "%s: tensor %s: shape overflows", what, key);
                goto done;
            }
            numel *= (uint64_t)shape[i];
        }
        json_t *jb = json_array_get(jo, 0), *jE = json_array_get(jo, 1);
        if (!json_is_integer(jb) || !json_is_integer(jE) || json_integer_value(jb) < 0 || json_integer_value(jE) < json_integer_value(jb)) {
            s = f5_errf(err, F5_ERR_FORMAT, "%s: tensor %s: bad data_offsets", what, key);
            goto done;
        }
        uint64_t b = (uint64_t)json_integer_value(jb), e = (uint64_t)json_integer_value(jE);
        uint64_t want = numel * f5_dtype_size(dt);
        if (e - b != want) {
            s = f5_errf(err, F5_ERR_FORMAT, "%s: tensor %s: data_offsets span %llu bytes, expected %llu for %s x %llu",
                        what, key, (unsigned long long)(e - b), (unsigned long long)want, f5_dtype_name(dt), (unsigned long long)numel);
            goto done;
        }
        if (e > dsize) {
            s = f5_errf(err, F5_ERR_FORMAT, "%s: tensor %s: data [%llu, %llu) beyond the data section (%llu bytes; file truncated?)",
                        what, key, (unsigned long long)b, (unsigned long long)e, (unsigned long long)dsize);
            goto done;
        }
        ranges[nr++] = (range){b, e, key};
        s = f5_weights_add(w, key, dt, (int)nd, shape, base + b, err);
        if (s) goto done;
    }
    qsort(ranges, nr, sizeof *ranges, cmp_range);
    for (size_t i = 1; i < nr; i++)
        if (ranges[i].b < ranges[i - 1].e && ranges[i].e > ranges[i].b) {
            s = f5_errf(err, F5_ERR_FORMAT, "%s: tensors %s and %s overlap in the data section", what, ranges[i - 1].name, ranges[i].name);
            goto done;
        }
done:
    free(ranges);
    json_decref(root);
    return s;
}

f5_status f5_safetensors_load(const char *path, f5_weights **out, f5_error *err) {
    *out = NULL;
    f5_weights *w = f5_weights_new();
    if (!w) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    f5_weights_set_source(w, path);
    const void *data;
    size_t size;
    f5_status s = f5_weights_map_file(w, path, &data, &size, err);
    if (!s) s = f5_safetensors_parse(w, path, data, size, err);
    if (s) {
        f5_weights_free(w);
        return s;
    }
    *out = w;
    return F5_OK;
}

/* Data order: widest element type first, as the safetensors library writes
 * it, so every tensor starts aligned to its element size (the header is
 * padded to 8): a 1-byte "initted" flag first would misalign every float
 * after it, and readers would have to copy instead of mapping. */
static size_t *aligned_order(const f5_tensor *const *t, size_t n) {
    size_t *ord = malloc((n ? n : 1) * sizeof *ord), k = 0;
    if (!ord) return NULL;
    for (size_t w = 8; w >= 1; w /= 2)
        for (size_t i = 0; i < n; i++) {
            size_t es = f5_dtype_size(t[i]->dtype);
            if (es == w || (w == 1 && (es < 1 || es > 8 || (es & (es - 1))))) ord[k++] = i;
        }
    return ord;
}

f5_status f5_safetensors_write(const char *path, const f5_tensor *const *tensors_in, size_t n, f5_error *err) {
    size_t *ord = aligned_order(tensors_in, n);
    const f5_tensor **tensors = malloc((n ? n : 1) * sizeof *tensors);
    if (!ord || !tensors) {
        free(ord), free(tensors);
        return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
    }
    for (size_t i = 0; i < n; i++) tensors[i] = tensors_in[ord[i]];
    free(ord);
    json_t *root = json_object();
    uint64_t off = 0;
    for (size_t i = 0; i < n; i++) {
        const f5_tensor *t = tensors[i];
        json_t *shape = json_array();
        for (int d = 0; d < t->ndim; d++) json_array_append_new(shape, json_integer(t->shape[d]));
        json_object_set_new(root, t->name,
                            json_pack("{s:s, s:o, s:[I,I]}", "dtype", f5_dtype_name(t->dtype), "shape", shape, "data_offsets",
                                      (json_int_t)off, (json_int_t)(off + t->nbytes)));
        off += t->nbytes;
    }
    json_object_set_new(root, "__metadata__", json_pack("{s:s}", "format", "pt"));
    char *hdr = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!hdr) {
        free(tensors);
        return f5_errf(err, F5_ERR_NOMEM, "%s: cannot build header", path);
    }
    size_t hl = strlen(hdr), padded = (hl + 7) & ~(size_t)7;
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(hdr);
        free(tensors);
        return f5_errf(err, F5_ERR_IO, "%s: cannot create", path);
    }
    unsigned char lenb[8];
    for (int i = 0; i < 8; i++) lenb[i] = (unsigned char)((uint64_t)padded >> (8 * i));
    bool ok = fwrite(lenb, 1, 8, f) == 8 && fwrite(hdr, 1, hl, f) == hl;
    for (size_t i = hl; ok && i < padded; i++) ok = fputc(' ', f) != EOF;
    for (size_t i = 0; ok && i < n; i++) ok = fwrite(tensors[i]->data, 1, tensors[i]->nbytes, f) == tensors[i]->nbytes;
    free(hdr);
    free(tensors);
    if (fclose(f) != 0) ok = false;
    return ok ? F5_OK : f5_errf(err, F5_ERR_IO, "%s: write failed", path);
}
