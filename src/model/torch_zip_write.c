/* torch_zip_write.c - PyTorch ZIP checkpoint writer (see torch_zip_write.h).
 *
 * Two passes: the pickle is built in memory, then entries are streamed to
 * the file with their CRC-32, local headers padded (extra field "FB", as
 * torch does) so that every storage starts on a 64-byte boundary; the
 * central directory and end record follow.
 */
#include "model/torch_zip_write.h"

#include "core/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    unsigned char *p;
    size_t n, cap;
    bool oom;
} buf;

static void put(buf *b, const void *d, size_t n) {
    if (b->oom) return;
    if (b->n + n > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->n + n) nc *= 2;
        unsigned char *np = realloc(b->p, nc);
        if (!np) {
            b->oom = true;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
}
static void put1(buf *b, unsigned v) { unsigned char c = (unsigned char)v; put(b, &c, 1); }
static void put_le(buf *b, uint64_t v, int n) {
    unsigned char t[8];
    for (int i = 0; i < n; i++) t[i] = (unsigned char)(v >> (8 * i));
    put(b, t, (size_t)n);
}
static void put_str(buf *b, const char *s) { /* BINUNICODE */
    size_t n = strlen(s);
    put1(b, 'X');
    put_le(b, n, 4);
    put(b, s, n);
}
static void put_int(buf *b, int64_t v) {
    if (v >= 0 && v < 256) {
        put1(b, 'K');
        put1(b, (unsigned)v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        put1(b, 'J');
        put_le(b, (uint64_t)v, 4);
    } else {
        put1(b, 0x8a); /* LONG1, 8 bytes two's complement */
        put1(b, 8);
        put_le(b, (uint64_t)v, 8);
    }
}
static void put_global(buf *b, const char *mod, const char *name) {
    put1(b, 'c');
    put(b, mod, strlen(mod));
    put1(b, '\n');
    put(b, name, strlen(name));
    put1(b, '\n');
}

static const char *storage_name(f5_dtype t) {
    switch (t) {
    case F5_DT_F32: return "FloatStorage";
    case F5_DT_F16: return "HalfStorage";
    case F5_DT_BF16: return "BFloat16Storage";
    case F5_DT_F64: return "DoubleStorage";
    case F5_DT_I64: return "LongStorage";
    case F5_DT_I32: return "IntStorage";
    case F5_DT_I16: return "ShortStorage";
    case F5_DT_I8: return "CharStorage";
    case F5_DT_U8: return "ByteStorage";
    case F5_DT_BOOL: return "BoolStorage";
    default: return NULL;
    }
}

static void build_pickle(buf *b, const char *nest_key, const f5_tensor *const *t, size_t n) {
    put1(b, 0x80);
    put1(b, 2);
    if (nest_key) {
        put1(b, '}');
        put_str(b, nest_key);
    }
    put_global(b, "collections", "OrderedDict");
    put1(b, ')');
    put1(b, 'R');
    put1(b, '(');
    for (size_t i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "%zu", i);
        put_str(b, t[i]->name);
        put_global(b, "torch._utils", "_rebuild_tensor_v2");
        put1(b, '(');
        put1(b, '(');
        put_str(b, "storage");
        put_global(b, "torch", storage_name(t[i]->dtype));
        put_str(b, key);
        put_str(b, "cpu");
        put_int(b, t[i]->numel);
        put1(b, 't');
        put1(b, 'Q');
        put_int(b, 0);
        put1(b, '(');
        for (int d = 0; d < t[i]->ndim; d++) put_int(b, t[i]->shape[d]);
        put1(b, 't');
        put1(b, '(');
        int64_t stride[F5_MAX_DIMS], s = 1;
        for (int d = t[i]->ndim - 1; d >= 0; d--) stride[d] = s, s *= t[i]->shape[d];
        for (int d = 0; d < t[i]->ndim; d++) put_int(b, stride[d]);
        put1(b, 't');
        put1(b, 0x89); /* requires_grad False */
        put_global(b, "collections", "OrderedDict");
        put1(b, ')');
        put1(b, 'R');
        put1(b, 't');
        put1(b, 'R');
    }
    put1(b, 'u');
    if (nest_key) put1(b, 's');
    put1(b, '.');
}

static void crc32_table(uint32_t *table) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32_update(const uint32_t *table, uint32_t crc, const unsigned char *p, size_t n) {
    crc = ~crc;
    for (size_t i = 0; i < n; i++) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

typedef struct central {
    char *name;
    uint32_t crc;
    uint64_t size, offset;
} central;

static f5_status write_entry(const uint32_t *crc_table, FILE *f, const char *path, const char *name, const void *data, size_t size, uint64_t *pos,
                             central *ce, f5_error *err) {
    size_t nl = strlen(name);
    uint64_t hdr_end = *pos + 30 + nl + 4; /* with an empty "FB" padding field */
    size_t pad = (size_t)((64 - hdr_end % 64) % 64);
    uint32_t crc = crc32_update(crc_table, 0, data, size);
    buf h = {0};
    put_le(&h, 0x04034b50u, 4);
    put_le(&h, 20, 2);
    put_le(&h, 0, 2); /* flags */
    put_le(&h, 0, 2); /* stored */
    put_le(&h, 0, 2); /* time */
    put_le(&h, 0x21, 2); /* date 1980-01-01 */
    put_le(&h, crc, 4);
    put_le(&h, size, 4);
    put_le(&h, size, 4);
    put_le(&h, nl, 2);
    put_le(&h, 4 + pad, 2);
    put(&h, name, nl);
    put_le(&h, 0x4246, 2); /* "FB" */
    put_le(&h, pad, 2);
    for (size_t i = 0; i < pad; i++) put1(&h, 'Z');
    bool ok = !h.oom && fwrite(h.p, 1, h.n, f) == h.n && (size == 0 || fwrite(data, 1, size, f) == size);
    size_t hn = h.n;
    free(h.p);
    if (!ok) return f5_errf(err, F5_ERR_IO, "%s: write failed: %s", path, strerror(errno));
    ce->name = strdup(name);
    if (!ce->name) return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
    ce->crc = crc;
    ce->size = size;
    ce->offset = *pos;
    *pos += hn + size;
    return F5_OK;
}

f5_status f5_torch_zip_write(const char *path, const char *archive_name, const char *nest_key,
                             const f5_tensor *const *tensors, size_t n, f5_error *err) {
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!storage_name(tensors[i]->dtype))
            return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: tensor %s: dtype %s has no torch storage type", path, tensors[i]->name,
                           f5_dtype_name(tensors[i]->dtype));
        total += tensors[i]->nbytes + 200 + strlen(tensors[i]->name);
    }
    if (total > 0xF0000000u)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "%s: %llu bytes of tensors; the writer has no ZIP64 support (max ~4 GiB)", path,
                       (unsigned long long)total);
    buf pk = {0}, cd = {0};
    central *ce = calloc(n + 3, sizeof *ce);
    f5_status s = F5_OK;
    FILE *f = NULL;
    size_t nce = 0;
    build_pickle(&pk, nest_key, tensors, n);
    if (pk.oom || !ce) {
        s = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    f = fopen(path, "wb");
    if (!f) {
        s = f5_errf(err, F5_ERR_IO, "%s: cannot create: %s", path, strerror(errno));
        goto done;
    }
    uint64_t pos = 0;
    uint32_t crc_table[256];
    crc32_table(crc_table);
    char name[1024];
    snprintf(name, sizeof name, "%s/data.pkl", archive_name);
    if ((s = write_entry(crc_table, f, path, name, pk.p, pk.n, &pos, &ce[nce++], err))) goto done;
    snprintf(name, sizeof name, "%s/byteorder", archive_name);
    if ((s = write_entry(crc_table, f, path, name, "little", 6, &pos, &ce[nce++], err))) goto done;
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "%s/data/%zu", archive_name, i);
        if ((s = write_entry(crc_table, f, path, name, tensors[i]->data, tensors[i]->nbytes, &pos, &ce[nce++], err))) goto done;
    }
    snprintf(name, sizeof name, "%s/version", archive_name);
    if ((s = write_entry(crc_table, f, path, name, "3\n", 2, &pos, &ce[nce++], err))) goto done;
    for (size_t i = 0; i < nce; i++) {
        size_t nl = strlen(ce[i].name);
        put_le(&cd, 0x02014b50u, 4);
        put_le(&cd, 20, 2); /* made by */
        put_le(&cd, 20, 2); /* needed */
        put_le(&cd, 0, 2);
        put_le(&cd, 0, 2);
        put_le(&cd, 0, 2);
        put_le(&cd, 0x21, 2);
        put_le(&cd, ce[i].crc, 4);
        put_le(&cd, ce[i].size, 4);
        put_le(&cd, ce[i].size, 4);
        put_le(&cd, nl, 2);
        put_le(&cd, 0, 2); /* extra */
        put_le(&cd, 0, 2); /* comment */
        put_le(&cd, 0, 2); /* disk */
        put_le(&cd, 0, 2); /* internal attrs */
        put_le(&cd, 0, 4); /* external attrs */
        put_le(&cd, ce[i].offset, 4);
        put(&cd, ce[i].name, nl);
    }
    uint64_t cd_size = cd.n;
    put_le(&cd, 0x06054b50u, 4);
    put_le(&cd, 0, 2);
    put_le(&cd, 0, 2);
    put_le(&cd, nce, 2);
    put_le(&cd, nce, 2);
    put_le(&cd, cd_size, 4);
    put_le(&cd, pos, 4);
    put_le(&cd, 0, 2);
    if (cd.oom || nce > 0xFFFF) {
        s = f5_errf(err, cd.oom ? F5_ERR_NOMEM : F5_ERR_UNSUPPORTED, "%s: %s", path,
                    cd.oom ? "out of memory" : "more than 65535 entries need ZIP64");
        goto done;
    }
    if (fwrite(cd.p, 1, cd.n, f) != cd.n) s = f5_errf(err, F5_ERR_IO, "%s: write failed: %s", path, strerror(errno));
done:
    if (f && fclose(f) != 0 && !s) s = f5_errf(err, F5_ERR_IO, "%s: write failed: %s", path, strerror(errno));
    if (s && f) remove(path);
    for (size_t i = 0; i < nce; i++) free(ce[i].name);
    free(ce);
    free(pk.p);
    free(cd.p);
    return s;
}
