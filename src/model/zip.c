/* zip.c - ZIP central directory reader (stored entries, ZIP64).
 *
 * Reads the EOCD (searched backwards over the last 64 KiB + 22 bytes), the
 * ZIP64 EOCD when a field is saturated, then every central directory entry.
 * Nothing here trusts a length: each record is checked against the image.
 */
#include "model/zip.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_EOCD 0x06054b50u
#define SIG_EOCD64 0x06064b50u
#define SIG_LOC64 0x07064b50u

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

static int cmp_entry(const void *a, const void *b) {
    const f5_zip_entry *x = a, *y = b;
    size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
    int c = memcmp(x->name, y->name, n);
    if (c) return c;
    return x->name_len < y->name_len ? -1 : x->name_len > y->name_len;
}

/* Apply a ZIP64 extended-information extra field to the saturated values. */
static int apply_zip64(const unsigned char *ex, size_t exlen, f5_zip_entry *e, bool need_u, bool need_c, bool need_o) {
    size_t i = 0;
    while (i + 4 <= exlen) {
        uint16_t id = rd16(ex + i), len = rd16(ex + i + 2);
        if (i + 4 + len > exlen) return -1;
        if (id == 1) {
            const unsigned char *p = ex + i + 4;
            size_t k = 0;
            if (need_u) {
                if (k + 8 > len) return -1;
                e->usize = rd64(p + k), k += 8;
            }
            if (need_c) {
                if (k + 8 > len) return -1;
                e->csize = rd64(p + k), k += 8;
            }
            if (need_o) {
                if (k + 8 > len) return -1;
                e->local_offset = rd64(p + k), k += 8;
            }
            return 0;
        }
        i += 4 + (size_t)len;
    }
    return (need_u || need_c || need_o) ? -1 : 0;
}

f5_status f5_zip_open(f5_zip *z, const char *what, const void *data, size_t size, f5_error *err) {
    memset(z, 0, sizeof *z);
    const unsigned char *p = data;
    if (size < 22) return f5_errf(err, F5_ERR_FORMAT, "%s: %zu bytes, too short for a ZIP archive", what, size);
    size_t lo = size > 22 + 65535 ? size - 22 - 65535 : 0, eocd = SIZE_MAX;
    for (size_t i = size - 22 + 1; i-- > lo;) {
        if (rd32(p + i) == SIG_EOCD && i + 22 + (size_t)rd16(p + i + 20) <= size) {
            eocd = i;
            break;
        }
    }
    if (eocd == SIZE_MAX)
        return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP end-of-central-directory record not found (truncated file?)", what);
    uint64_t count = rd16(p + eocd + 10), cd_size = rd32(p + eocd + 12), cd_off = rd32(p + eocd + 16);
    if (count == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu) {
        if (eocd < 20 || rd32(p + eocd - 20) != SIG_LOC64)
            return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP64 archive without a ZIP64 end-of-central-directory locator", what);
        uint64_t e64 = rd64(p + eocd - 20 + 8);
        if (e64 > size - 56 || rd32(p + e64) != SIG_EOCD64)
            return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP64 end-of-central-directory record at %llu is invalid", what,
                           (unsigned long long)e64);
        count = rd64(p + e64 + 32);
        cd_size = rd64(p + e64 + 40);
        cd_off = rd64(p + e64 + 48);
    }
    if (cd_off > size || cd_size > size - cd_off)
        return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP central directory (offset %llu, %llu bytes) lies outside the %zu-byte file",
                       what, (unsigned long long)cd_off, (unsigned long long)cd_size, size);
    if (count > cd_size / 46)
        return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP central directory claims %llu entries in %llu bytes", what,
                       (unsigned long long)count, (unsigned long long)cd_size);
    f5_zip_entry *e = calloc(count ? count : 1, sizeof *e);
    if (!e) return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory for %llu ZIP entries", what, (unsigned long long)count);
    size_t off = cd_off, end = cd_off + cd_size;
    for (uint64_t i = 0; i < count; i++) {
        if (off + 46 > end || rd32(p + off) != SIG_CENTRAL) {
            free(e);
            return f5_errf(err, F5_ERR_FORMAT, "%s: bad ZIP central directory entry %llu at offset %zu", what,
                           (unsigned long long)i, off);
        }
        size_t nl = rd16(p + off + 28), xl = rd16(p + off + 30), cl = rd16(p + off + 32);
        if (off + 46 + nl + xl + cl > end) {
            free(e);
            return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP central directory entry %llu overruns the directory", what,
                           (unsigned long long)i);
        }
        f5_zip_entry *x = &e[i];
        x->method = rd16(p + off + 10);
        x->csize = rd32(p + off + 20);
        x->usize = rd32(p + off + 24);
        x->local_offset = rd32(p + off + 42);
        x->name = (const char *)p + off + 46;
        x->name_len = nl;
        if (apply_zip64(p + off + 46 + nl, xl, x, x->usize == 0xFFFFFFFFu, x->csize == 0xFFFFFFFFu,
                        x->local_offset == 0xFFFFFFFFu) != 0) {
            const char *nm = (const char *)p + off + 46;
            free(e);
            return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP entry %.*s: malformed ZIP64 extra field", what, (int)(nl > 200 ? 200 : nl),
                           nm);
        }
        off += 46 + nl + xl + cl;
    }
    qsort(e, count, sizeof *e, cmp_entry);
    z->data = p;
    z->size = size;
    z->e = e;
    z->n = count;
    return F5_OK;
}

void f5_zip_prefetch_headers(const f5_zip *z) {
    long pg = sysconf(_SC_PAGESIZE);
    if (pg <= 0) return;
    for (size_t i = 0; i < z->n; i++) {
        uint64_t off = z->e[i].local_offset;
        if (off >= z->size) continue;
        uintptr_t a = (uintptr_t)(z->data + off) & ~(uintptr_t)(pg - 1);
        (void)madvise((void *)a, (size_t)pg, MADV_WILLNEED); /* advisory; failure is harmless */
    }
}

void f5_zip_close(f5_zip *z) {
    free(z->e);
    memset(z, 0, sizeof *z);
}

const f5_zip_entry *f5_zip_find(const f5_zip *z, const char *name) {
    f5_zip_entry key = {.name = name, .name_len = strlen(name)};
    return z->n ? bsearch(&key, z->e, z->n, sizeof *z->e, cmp_entry) : NULL;
}

f5_status f5_zip_entry_data(const f5_zip *z, const char *what, const f5_zip_entry *e, const void **out, f5_error *err) {
    int nl = (int)(e->name_len > 200 ? 200 : e->name_len);
    if (e->method != 0)
        return f5_errf(err, F5_ERR_UNSUPPORTED,
                       "%s: ZIP entry %.*s is compressed (method %u); only stored entries are supported (torch.save writes them stored)",
                       what, nl, e->name, e->method);
    if (e->csize != e->usize)
        return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP entry %.*s: stored entry with compressed size %llu != size %llu", what, nl,
                       e->name, (unsigned long long)e->csize, (unsigned long long)e->usize);
    uint64_t lo = e->local_offset;
    if (lo > z->size || z->size - lo < 30 || rd32(z->data + lo) != SIG_LOCAL)
        return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP entry %.*s: local header at offset %llu is missing or truncated", what, nl,
                       e->name, (unsigned long long)lo);
    uint64_t start = lo + 30 + rd16(z->data + lo + 26) + rd16(z->data + lo + 28);
    if (start > z->size || e->usize > z->size - start)
        return f5_errf(err, F5_ERR_FORMAT, "%s: ZIP entry %.*s: %llu bytes at offset %llu run past the end of the %zu-byte file",
                       what, nl, e->name, (unsigned long long)e->usize, (unsigned long long)start, z->size);
    *out = z->data + start;
    return F5_OK;
}
