/* test_loaders_corrupt.c - malicious and corrupt weight files, table-driven:
 * each must fail with a clear message (checked by substring), never crash.
 * Also the positive torch-ZIP cases the golden files do not cover: shared
 * storages, integer (optimizer) keys, nesting, and the writer round trip. */
#include "test.h"

#include "core/clock.h"
#include "model/safetensors.h"
#include "model/torch_zip.h"
#include "model/torch_zip_write.h"
#include "model/weights.h"

#include <stdint.h>
#include <unistd.h>


/* Element i of an F32 tensor; data in a hand-built archive may be unaligned. */
static float tf(const f5_tensor *t, int i) {
    float v;
    memcpy(&v, (const char *)t->data + 4 * (size_t)i, sizeof v);
    return v;
}

/* ------------------------------------------------------------ builders */

typedef struct bytes {
    unsigned char p[1 << 16];
    size_t n;
} bytes;

static void b_put(bytes *b, const void *d, size_t n) {
    if (b->n + n > sizeof b->p) abort();
    memcpy(b->p + b->n, d, n);
    b->n += n;
}
static void b_str(bytes *b, const char *s) { b_put(b, s, strlen(s)); }
static void b_le(bytes *b, uint64_t v, int n) {
    for (int i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(v >> (8 * i));
        b_put(b, &c, 1);
    }
}
static void pk_ustr(bytes *b, const char *s) {
    b_str(b, "X");
    b_le(b, strlen(s), 4);
    b_str(b, s);
}
static void pk_int(bytes *b, int64_t v) {
    b_str(b, "J");
    b_le(b, (uint64_t)v, 4);
}

/* One _rebuild_tensor_v2 call (leaves the tensor on the stack). */
static void pk_tensor(bytes *b, const char *stype, const char *key, int64_t numel, int64_t off, int nd, const int64_t *shape,
                      const int64_t *stride) {
    b_str(b, "ctorch._utils\n_rebuild_tensor_v2\n((");
    pk_ustr(b, "storage");
    b_str(b, "ctorch\n");
    b_str(b, stype);
    b_str(b, "\n");
    pk_ustr(b, key);
    pk_ustr(b, "cpu");
    pk_int(b, numel);
    b_str(b, "tQ");
    pk_int(b, off);
    b_str(b, "(");
    for (int d = 0; d < nd; d++) pk_int(b, shape[d]);
    b_str(b, "t(");
    for (int d = 0; d < nd; d++) pk_int(b, stride[d]);
    b_str(b, "t\x89");
    b_str(b, "ccollections\nOrderedDict\n)RtR");
}

typedef struct zent {
    const char *name;
    const void *data;
    size_t size;
    int method;
} zent;

/* A minimal stored ZIP (no CRC: our reader does not check it). */
static void make_zip(bytes *z, const zent *e, size_t n) {
    uint64_t off[16];
    z->n = 0;
    for (size_t i = 0; i < n; i++) {
        off[i] = z->n;
        b_le(z, 0x04034b50u, 4);
        b_le(z, 20, 2);
        b_le(z, 0, 2);
        b_le(z, (uint64_t)e[i].method, 2);
        b_le(z, 0, 4);
        b_le(z, 0, 4);
        b_le(z, e[i].size, 4);
        b_le(z, e[i].size, 4);
        b_le(z, strlen(e[i].name), 2);
        b_le(z, 0, 2);
        b_str(z, e[i].name);
        b_put(z, e[i].data, e[i].size);
    }
    uint64_t cd = z->n;
    for (size_t i = 0; i < n; i++) {
        b_le(z, 0x02014b50u, 4);
        b_le(z, 20, 2);
        b_le(z, 20, 2);
        b_le(z, 0, 2);
        b_le(z, (uint64_t)e[i].method, 2);
        b_le(z, 0, 4);
        b_le(z, 0, 4);
        b_le(z, e[i].size, 4);
        b_le(z, e[i].size, 4);
        b_le(z, strlen(e[i].name), 2);
        b_le(z, 0, 6);
        b_le(z, 0, 2);
        b_le(z, 0, 4);
        b_le(z, off[i], 4);
        b_str(z, e[i].name);
    }
    uint64_t cds = z->n - cd;
    b_le(z, 0x06054b50u, 4);
    b_le(z, 0, 4);
    b_le(z, n, 2);
    b_le(z, n, 2);
    b_le(z, cds, 4);
    b_le(z, cd, 4);
    b_le(z, 0, 2);
}

static float storage8[8] = {1, 2, 3, 4, 5, 6, 7, 8};

/* A checkpoint whose data.pkl is `pkl` and whose storage "0" holds 8 floats. */
static f5_status parse_pkl(const bytes *pkl, f5_weights **out, f5_error *e) {
    static bytes z;
    zent ents[2] = {{"archive/data.pkl", pkl->p, pkl->n, 0}, {"archive/data/0", storage8, sizeof storage8, 0}};
    make_zip(&z, ents, 2);
    f5_weights *w = f5_weights_new();
    f5_status s = f5_torch_zip_parse(w, "test.pt", z.p, z.n, e);
    if (s || !out)
        f5_weights_free(w);
    else
        *out = w;
    return s;
}

/* ------------------------------------------------------------ pickles */

static void test_pickle_cases(void) {
    static const int64_t s2[2] = {2, 4}, st_c[2] = {4, 1}, st_t[2] = {1, 2}, s1[1] = {8}, s1big[1] = {10}, st1[1] = {1};
    struct {
        const char *name;
        int kind;
        f5_status want;
        const char *msg;
    } cases[] = {
        {"unknown global os.system", 0, F5_ERR_UNSUPPORTED, "os.system"},
        {"stack underflow", 1, F5_ERR_FORMAT, "stack underflow"},
        {"huge memo index", 2, F5_ERR_FORMAT, "memo index"},
        {"storage too small", 3, F5_ERR_FORMAT, "exceed its storage"},
        {"non-contiguous stride", 4, F5_ERR_UNSUPPORTED, "not C-contiguous"},
        {"truncated pickle", 5, F5_ERR_FORMAT, "truncated"},
        {"too many marks", 6, F5_ERR_FORMAT, "MARK"},
        {"missing storage entry", 7, F5_ERR_FORMAT, "missing from the archive"},
        {"STACK_GLOBAL builtins.eval", 8, F5_ERR_UNSUPPORTED, "builtins.eval"},
        {"malformed persistent id", 9, F5_ERR_FORMAT, "persistent id"},
        {"offset past storage", 10, F5_ERR_FORMAT, "exceed its storage"},
        {"unknown opcode (INST)", 11, F5_ERR_UNSUPPORTED, "opcode"},
        {"root is a list", 12, F5_ERR_FORMAT, "no dict"},
        {"negative offset", 13, F5_ERR_FORMAT, "exceed its storage"},
        {"undefined memo get", 14, F5_ERR_FORMAT, "memo index not defined"},
        {"string past end", 15, F5_ERR_FORMAT, "past the end"},
        {"two values at STOP", 16, F5_ERR_FORMAT, "STOP"},
        {"setitems on a list", 17, F5_ERR_FORMAT, "SETITEM"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bytes p = {.n = 0};
        b_str(&p, "\x80\x02");
        switch (cases[i].kind) {
        case 0:
            b_str(&p, "cos\nsystem\n(");
            pk_ustr(&p, "ls");
            b_str(&p, "tR.");
            break;
        case 1: b_str(&p, "R."); break;
        case 2: b_str(&p, "}r\xff\xff\xff\x7f."); break;
        case 3:
            b_str(&p, "}(");
            pk_ustr(&p, "w");
            pk_tensor(&p, "FloatStorage", "0", 10, 0, 1, s1big, st1);
            b_str(&p, "u.");
            break;
        case 4:
            b_str(&p, "}(");
            pk_ustr(&p, "w");
            pk_tensor(&p, "FloatStorage", "0", 8, 0, 2, s2, st_t);
            b_str(&p, "u.");
            break;
        case 5: b_put(&p, "}(X\x05\0\0\0ab", 9); break;
        case 6:
            for (int k = 0; k < 5000; k++) b_str(&p, "(");
            b_str(&p, ".");
            break;
        case 7:
            b_str(&p, "}(");
            pk_ustr(&p, "w");
            pk_tensor(&p, "FloatStorage", "7", 8, 0, 1, s1, st1);
            b_str(&p, "u.");
            break;
        case 8:
            pk_ustr(&p, "builtins");
            pk_ustr(&p, "eval");
            b_str(&p, "\x93.");
            break;
        case 9:
            b_str(&p, "}(");
            pk_ustr(&p, "w");
            b_str(&p, "(");
            pk_ustr(&p, "abc");
            b_str(&p, "tQu.");
            break;
        case 10:
            b_str(&p, "}(");
            pk_ustr(&p, "w");
            pk_tensor(&p, "FloatStorage", "0", 8, 4, 2, s2, st_c);
            b_str(&p, "u.");
            break;
        case 11: b_str(&p, "ios\nsystem\n."); break;
        case 12: b_str(&p, "]."); break;
        case 13:
            b_str(&p, "}(");
            pk_ustr(&p, "w");
            pk_tensor(&p, "FloatStorage", "0", 8, -2, 1, s1, st1);
            b_str(&p, "u.");
            break;
        case 14: b_str(&p, "h\x05."); break;
        case 15: b_str(&p, "X\xff\xff\xff\x0f" "abc."); break;
        case 16: b_str(&p, "}}."); break;
        case 17: b_str(&p, "](KaKbu."); break;
        }
        f5_error e = {0};
        f5_status s = parse_pkl(&p, NULL, &e);
        printf("  %-28s -> %s: %s\n", cases[i].name, f5_status_str(s), e.message);
        CHECKF(s == cases[i].want && strstr(e.message, cases[i].msg), "%s: status %d, message \"%s\"", cases[i].name, s, e.message);
    }
}

static void test_pickle_positive(void) {
    /* shared storage with offsets, nested dicts, integer keys, a Parameter,
     * an ignored list (param_groups) and a BUILD of _metadata */
    static const int64_t s2[2] = {2, 2}, st2[2] = {2, 1}, s0[1] = {0};
    bytes p = {.n = 0};
    b_str(&p, "\x80\x02}(");
    pk_ustr(&p, "model");
    b_str(&p, "ccollections\nOrderedDict\n)Rq\x01(");
    pk_ustr(&p, "a");
    pk_tensor(&p, "FloatStorage", "0", 8, 0, 2, s2, st2);
    pk_ustr(&p, "b");
    b_str(&p, "ctorch._utils\n_rebuild_parameter\n(");
    pk_tensor(&p, "FloatStorage", "0", 8, 4, 2, s2, st2);
    b_str(&p, "\x88" "ccollections\nOrderedDict\n)RtR");
    pk_ustr(&p, "scalar");
    pk_tensor(&p, "FloatStorage", "0", 8, 7, 0, s0, s0);
    b_str(&p, "u}(");
    pk_ustr(&p, "_metadata");
    b_str(&p, "}ub"); /* BUILD with a state dict */
    pk_ustr(&p, "opt");
    b_str(&p, "}(K\x03}(");
    pk_ustr(&p, "exp_avg");
    pk_tensor(&p, "FloatStorage", "0", 8, 4, 1, (const int64_t[]){4}, (const int64_t[]){1});
    b_str(&p, "u");
    pk_ustr(&p, "param_groups");
    static const unsigned char groups[] = "](G\x3f\x1a\x36\xe2\xeb\x1c\x43\x2d\x8a\x08\x00\x00\x00\x00\x01\x00\x00\x00NK\x01\x85\x89\x88" "eu";
    b_put(&p, groups, sizeof groups - 1); /* a list of float, LONG1, None, tuple, bools: skipped */
    pk_ustr(&p, "update");
    pk_int(&p, 10000);
    b_str(&p, "u.");
    f5_weights *w = NULL;
    f5_error e = {0};
    CHECKF(parse_pkl(&p, &w, &e) == F5_OK, "%s", e.message);
    if (!w) return;
    const f5_tensor *a = f5_weights_find(w, "model.a"), *b = f5_weights_find(w, "model.b"), *c = f5_weights_find(w, "model.scalar"),
                    *x = f5_weights_find(w, "opt.3.exp_avg");
    CHECK(f5_weights_count(w) == 4);
    CHECK(a && a->ndim == 2 && tf(a, 0) == 1 && tf(a, 3) == 4);
    CHECK(b && tf(b, 0) == 5 && tf(b, 3) == 8);
    CHECK(c && c->ndim == 0 && tf(c, 0) == 8);
    CHECK(x && x->shape[0] == 4 && tf(x, 0) == 5);
    f5_weights_free(w);
}

/* ------------------------------------------------------------ zip level */

static void test_zip_cases(void) {
    static const int64_t s1[1] = {8}, st1[1] = {1};
    bytes p = {.n = 0};
    b_str(&p, "\x80\x02}(");
    pk_ustr(&p, "w");
    pk_tensor(&p, "FloatStorage", "0", 8, 0, 1, s1, st1);
    b_str(&p, "u.");
    static bytes z;
    zent ok[2] = {{"archive/data.pkl", p.p, p.n, 0}, {"archive/data/0", storage8, sizeof storage8, 0}};
    make_zip(&z, ok, 2);
    f5_error e = {0};
    f5_weights *w = f5_weights_new();
    CHECKF(f5_torch_zip_parse(w, "ok.pt", z.p, z.n, &e) == F5_OK && f5_weights_count(w) == 1, "%s", e.message);
    f5_weights_free(w);
    size_t cd_off = z.n - 22 - 2 * 46 - strlen("archive/data.pkl") - strlen("archive/data/0");
    static unsigned char m[1 << 16];
    struct {
        const char *name;
        int kind;
        f5_status want;
        const char *msg;
    } cases[] = {
        {"truncated zip (half)", 0, F5_ERR_FORMAT, "end-of-central-directory"},
        {"bad central directory sig", 1, F5_ERR_FORMAT, "central directory entry"},
        {"central dir past EOF", 2, F5_ERR_FORMAT, "outside"},
        {"entry count absurd", 3, F5_ERR_FORMAT, "entries"},
        {"local header garbage", 4, F5_ERR_FORMAT, "local header"},
        {"no data.pkl", 5, F5_ERR_FORMAT, "data.pkl"},
        {"deflated entry", 6, F5_ERR_UNSUPPORTED, "compressed"},
        {"entry size past EOF", 7, F5_ERR_FORMAT, "past the end"},
        {"big-endian byteorder", 8, F5_ERR_UNSUPPORTED, "big-endian"},
        {"tiny file", 9, F5_ERR_FORMAT, "too short"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = z.n;
        memcpy(m, z.p, z.n);
        static bytes z2;
        switch (cases[i].kind) {
        case 0: n = z.n / 2; break;
        case 1: m[cd_off] = 'X'; break;
        case 2: m[n - 22 + 16] = 0xff, m[n - 22 + 17] = 0xff, m[n - 22 + 18] = 0x00; break;
        case 3: m[n - 22 + 10] = 0xfe, m[n - 22 + 11] = 0xff; break;
        case 4: { /* point data/0's local header offset into the middle of the pickle */
            size_t e2 = cd_off + 46 + strlen("archive/data.pkl");
            m[e2 + 42] = 7;
            if (m[e2] != 0x50) e2 = cd_off; /* entries are in write order */
            break;
        }
        case 5: {
            zent bad[1] = {{"archive/other.pkl", p.p, p.n, 0}};
            make_zip(&z2, bad, 1);
            memcpy(m, z2.p, z2.n);
            n = z2.n;
            break;
        }
        case 6: {
            zent bad[2] = {{"archive/data.pkl", p.p, p.n, 8}, {"archive/data/0", storage8, sizeof storage8, 0}};
            make_zip(&z2, bad, 2);
            memcpy(m, z2.p, z2.n);
            n = z2.n;
            break;
        }
        case 7: { /* data/0 claims 1 MB in both headers */
            size_t e2 = cd_off + 46 + strlen("archive/data.pkl");
            m[e2 + 22] = 0x10, m[e2 + 26] = 0x10; /* sizes |= 0x100000 */
            break;
        }
        case 8: {
            zent bad[3] = {{"archive/data.pkl", p.p, p.n, 0}, {"archive/byteorder", "big", 3, 0}, {"archive/data/0", storage8, sizeof storage8, 0}};
            make_zip(&z2, bad, 3);
            memcpy(m, z2.p, z2.n);
            n = z2.n;
            break;
        }
        case 9: n = 10; break;
        }
        w = f5_weights_new();
        e.message[0] = 0;
        f5_status s = f5_torch_zip_parse(w, "bad.pt", m, n, &e);
        f5_weights_free(w);
        printf("  %-28s -> %s: %s\n", cases[i].name, f5_status_str(s), e.message);
        CHECKF(s == cases[i].want && strstr(e.message, cases[i].msg), "%s: status %d, message \"%s\"", cases[i].name, s, e.message);
    }
}

/* 28 levels of dicts each holding the level below twice: 2^29 entries to
 * walk if shared references were followed blindly. */
static void test_zip_shared_dicts(void) {
    bytes p = {.n = 0};
    b_put(&p, "\x80\x02}q\x00" "0", 6); /* '0' pops: each level is reached through the memo only */
    for (int lv = 1; lv <= 28; lv++) {
        unsigned char get[2] = {'h', (unsigned char)(lv - 1)}, put[2] = {'q', (unsigned char)lv};
        b_str(&p, "}(");
        pk_ustr(&p, "a");
        b_put(&p, get, 2);
        pk_ustr(&p, "b");
        b_put(&p, get, 2);
        b_str(&p, "u");
        b_put(&p, put, 2);
        if (lv < 28) b_str(&p, "0");
    }
    b_str(&p, ".");
    static bytes z;
    zent ent[1] = {{"archive/data.pkl", p.p, p.n, 0}};
    make_zip(&z, ent, 1);
    f5_error e = {0};
    f5_weights *w = f5_weights_new();
    double t0 = f5_now_s();
    f5_status s = f5_torch_zip_parse(w, "dag.pt", z.p, z.n, &e);
    double dt = f5_now_s() - t0;
    f5_weights_free(w);
    printf("  shared dicts -> %s in %.2f s: %s\n", f5_status_str(s), dt, e.message);
    CHECKF(s == F5_ERR_FORMAT && strstr(e.message, "dict entries"), "status %d, message \"%s\"", s, e.message);
}

/* ------------------------------------------------------------ safetensors */

static void st_file(bytes *b, const char *json, size_t data_bytes) {
    b->n = 0;
    b_le(b, strlen(json), 8);
    b_str(b, json);
    for (size_t i = 0; i < data_bytes; i++) b_str(b, "\x01");
}

static void test_safetensors_cases(void) {
    struct {
        const char *name;
        const char *json;
        size_t data;
        int patch_len; /* 1: header length = huge, 2: = file size */
        const char *msg;
    } cases[] = {
        {"bad header length", "{}", 0, 1, "header length"},
        {"header past EOF", "{}", 0, 2, "header length"},
        {"non-JSON header", "{\"a\": [1, 2", 0, 0, "JSON"},
        {"wrong dtype string", "{\"a\":{\"dtype\":\"F33\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, 0, "dtype"},
        {"overlapping offsets",
         "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, 0,
         "overlap"},
        {"offsets past data", "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8, 0, ""},
        {"shape/offset mismatch", "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8, 0, ""},
        {"header not an object", "[1,2,3]", 0, 0, ""},
        {"negative dim", "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", 0, 0, "shape"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        static bytes b;
        st_file(&b, cases[i].json, cases[i].data);
        if (cases[i].patch_len == 1) b.p[7] = 0x40;
        if (cases[i].patch_len == 2) b.p[0] = (unsigned char)b.n, b.p[1] = (unsigned char)(b.n >> 8);
        f5_weights *w = f5_weights_new();
        f5_error e = {0};
        f5_status s = f5_safetensors_parse(w, "bad.safetensors", b.p, b.n, &e);
        f5_weights_free(w);
        printf("  %-28s -> %s: %s\n", cases[i].name, f5_status_str(s), e.message);
        CHECKF(s != F5_OK && e.message[0] && strstr(e.message, cases[i].msg), "%s: status %d, message \"%s\"", cases[i].name, s,
               e.message);
    }
}

/* ------------------------------------------------------------ writer */

static void roundtrip(const char *nest) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found");
    char src[4096], tmp[] = "/tmp/f5_rt_XXXXXX";
    snprintf(src, sizeof src, "%s/dit_v0_tiny/model.safetensors", g);
    int fd = mkstemp(tmp);
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    f5_weights *w = NULL, *r = NULL;
    f5_error e = {0};
    CHECKF(f5_weights_open(src, &w, &e) == F5_OK, "%s", e.message);
    if (!w) goto out;
    size_t n = f5_weights_count(w);
    const f5_tensor **ts = malloc(n * sizeof *ts);
    for (size_t i = 0; i < n; i++) ts[i] = f5_weights_at(w, i);
    CHECKF(f5_torch_zip_write(tmp, "model", nest, ts, n, &e) == F5_OK, "%s", e.message);
    free(ts);
    CHECKF(f5_weights_open(tmp, &r, &e) == F5_OK, "%s", e.message);
    if (!r) goto out;
    CHECK(f5_weights_count(r) == n);
    size_t same = 0, aligned = 0;
    for (size_t i = 0; i < n; i++) {
        const f5_tensor *t = f5_weights_at(w, i);
        char name[512];
        snprintf(name, sizeof name, "%s%s%s", nest ? nest : "", nest ? "." : "", t->name);
        const f5_tensor *u = f5_weights_find(r, name);
        bool ok = u && u->dtype == t->dtype && u->ndim == t->ndim && u->nbytes == t->nbytes && !memcmp(u->data, t->data, t->nbytes);
        for (int d = 0; ok && d < t->ndim; d++) ok = u->shape[d] == t->shape[d];
        CHECKF(ok, "%s differs after the round trip", name);
        same += ok;
        aligned += u && ((uintptr_t)u->data % 64) == 0;
    }
    printf("  round trip (%s): %zu of %zu tensors identical, %zu 64-byte aligned\n", nest ? nest : "plain", same, n, aligned);
    CHECK(aligned == n);
out:
    f5_weights_free(w);
    f5_weights_free(r);
    unlink(tmp);
}

/* A 1-byte flag and an odd-sized int tensor written before the floats (as
 * training checkpoints order them) must not misalign the floats: readers
 * map float tensors in place only when they are 4-byte aligned. */
static void test_safetensors_writer_alignment(void) {
    char tmp[] = "/tmp/f5_st_XXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    uint8_t flag = 1;
    int64_t step[3] = {7, 8, 9};
    float a[5] = {1, 2, 3, 4, 5}, b[3] = {6, 7, 8};
    f5_tensor t[4] = {
        {.name = "initted", .dtype = F5_DT_BOOL, .ndim = 1, .shape = {1}, .numel = 1, .data = &flag, .nbytes = 1},
        {.name = "a", .dtype = F5_DT_F32, .ndim = 1, .shape = {5}, .numel = 5, .data = a, .nbytes = sizeof a},
        {.name = "step", .dtype = F5_DT_I64, .ndim = 1, .shape = {3}, .numel = 3, .data = step, .nbytes = sizeof step},
        {.name = "b", .dtype = F5_DT_F32, .ndim = 1, .shape = {3}, .numel = 3, .data = b, .nbytes = sizeof b},
    };
    const f5_tensor *tp[4] = {&t[0], &t[1], &t[2], &t[3]};
    f5_error e = {0};
    CHECKF(f5_safetensors_write(tmp, tp, 4, &e) == F5_OK, "%s", e.message);
    f5_weights *w = NULL;
    CHECKF(f5_weights_open(tmp, &w, &e) == F5_OK, "%s", e.message);
    if (w) {
        const char *names[] = {"a", "b", "step", "initted"};
        size_t es[] = {4, 4, 8, 1};
        for (int i = 0; i < 4; i++) {
            const f5_tensor *u = f5_weights_find(w, names[i]);
            CHECKF(u && (uintptr_t)u->data % es[i] == 0, "%s at %p is not %zu-byte aligned", names[i],
                   u ? u->data : NULL, es[i]);
        }
        const f5_tensor *u = f5_weights_find(w, "b");
        const float *pb = NULL;
        int64_t shape[1] = {3};
        CHECK(f5_weights_get_f32(w, "b", 1, shape, &pb, &e) == F5_OK);
        CHECKF(pb && u && pb == (const float *)u->data && pb[2] == 8.0f, "b was copied, not mapped in place");
    }
    f5_weights_free(w);
    unlink(tmp);
}

static void test_writer_plain(void) { roundtrip(NULL); }
static void test_writer_nested(void) { roundtrip("ema_model_state_dict"); }

TEST_MAIN(TEST(test_pickle_cases), TEST(test_pickle_positive), TEST(test_zip_cases), TEST(test_zip_shared_dicts), TEST(test_safetensors_cases),
          TEST(test_writer_plain), TEST(test_writer_nested), TEST(test_safetensors_writer_alignment))
