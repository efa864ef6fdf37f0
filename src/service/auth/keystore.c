/* keystore.c - the keys file (parse, serialise, atomic 0600 save), key
 * generation and hashing (OpenSSL), and the file-backed f5_keystore that
 * re-reads the file when its mtime/size/inode change (polled at most once a
 * second, so a key added or revoked is seen in about a second). See
 * keystore.h for the file format.
 */
#include "service/auth/keystore.h"

#include "core/error.h"
#include "core/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const scope_names[] = {"tts", "voices", "admin"};

unsigned f5_scope_parse(const char *name) {
    for (unsigned i = 0; i < 3; i++)
        if (!strcmp(name, scope_names[i])) return 1u << i;
    return 0;
}

void f5_scope_format(unsigned scopes, char *out, size_t n) {
    if (n) out[0] = 0;
    for (unsigned i = 0; i < 3; i++) {
        if (!(scopes & (1u << i))) continue;
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", l ? "," : "", scope_names[i]);
    }
}

bool f5_key_name_ok(const char *name) {
    size_t n = strlen(name);
    if (n == 0 || n > F5_KEY_NAME_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return false;
    }
    return true;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* A non-negative finite number field (absent = 0). */
static bool num_field(json_t *o, const char *k, double max, double *out) {
    json_t *v = json_object_get(o, k);
    *out = 0;
    if (!v) return true;
    if (!json_is_number(v)) return false;
    double d = json_number_value(v);
    if (!isfinite(d) || d < 0 || d > max) return false;
    *out = d;
    return true;
}

f5_status f5_keys_parse(const char *text, size_t len, const char *what, f5_key_rec **recs, size_t *n, f5_error *err) {
    *recs = NULL;
    *n = 0;
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    f5_key_rec *r = NULL;
    f5_status st = F5_OK;
    if (!root) return f5_errf(err, F5_ERR_FORMAT, "%s: not valid JSON (line %d: %s)", what, je.line, je.text);
    json_t *keys = json_object_get(root, "keys");
    if (!json_is_object(root) || !json_is_array(keys)) {
        st = f5_errf(err, F5_ERR_FORMAT, "%s: expected {\"version\":1,\"keys\":[...]}", what);
        goto fail;
    }
    json_t *ver = json_object_get(root, "version");
    if (!json_is_integer(ver) || json_integer_value(ver) != 1) {
        st = f5_errf(err, F5_ERR_FORMAT, "%s: \"version\": expected 1", what);
        goto fail;
    }
    size_t cnt = json_array_size(keys);
    if (cnt > 100000) {
        st = f5_errf(err, F5_ERR_FORMAT, "%s: %zu keys (at most 100000)", what, cnt);
        goto fail;
    }
    r = calloc(cnt ? cnt : 1, sizeof *r);
    if (!r) {
        st = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", what);
        goto fail;
    }
    for (size_t i = 0; i < cnt; i++) {
        json_t *e = json_array_get(keys, i);
        const char *bad = NULL;
        json_t *name = json_object_get(e, "name"), *h = json_object_get(e, "sha256"), *sc = json_object_get(e, "scopes");
        if (!json_is_object(e)) bad = "entry (expected an object)";
        else if (!json_is_string(name) || !f5_key_name_ok(json_string_value(name))) bad = "name (1-64 of [A-Za-z0-9._-])";
        else if (!json_is_string(h) || strlen(json_string_value(h)) != 64) bad = "sha256 (64 hex digits)";
        else if (!json_is_array(sc)) bad = "scopes (an array of tts|voices|admin)";
        if (!bad) {
            snprintf(r[i].name, sizeof r[i].name, "%s", json_string_value(name));
            const char *hs = json_string_value(h);
            for (int b = 0; b < 32 && !bad; b++) {
                int hi = hexval(hs[2 * b]), lo = hexval(hs[2 * b + 1]);
                if (hi < 0 || lo < 0) bad = "sha256 (64 hex digits)";
                else r[i].sha256[b] = (unsigned char)(hi * 16 + lo);
            }
            size_t j;
            json_t *s;
            json_array_foreach(sc, j, s) {
                unsigned bit = json_is_string(s) ? f5_scope_parse(json_string_value(s)) : 0;
                if (!bit) bad = "scopes (an array of tts|voices|admin)";
                r[i].scopes |= bit;
            }
            double mc = 0;
            if (!bad && !num_field(e, "rate_per_min", 1e9, &r[i].rate_per_min)) bad = "rate_per_min (a number >= 0)";
            if (!bad && !num_field(e, "max_concurrent", 1e6, &mc)) bad = "max_concurrent (0..1000000)";
            r[i].max_concurrent = (int)mc;
            if (!bad && !num_field(e, "quota_seconds_per_day", 1e12, &r[i].quota_seconds_per_day))
                bad = "quota_seconds_per_day (a number >= 0)";
            if (!bad && !num_field(e, "created", 1e12, &r[i].created)) bad = "created (unix seconds)";
            for (size_t k = 0; k < i && !bad; k++)
                if (!strcmp(r[k].name, r[i].name)) bad = "name (duplicate)";
        }
        if (bad) {
            st = f5_errf(err, F5_ERR_FORMAT, "%s: keys[%zu]: bad %s", what, i, bad);
            goto fail;
        }
    }
    json_decref(root);
    *recs = r;
    *n = cnt;
    return F5_OK;
fail:
    free(r);
    json_decref(root);
    return st;
}

json_t *f5_keys_to_json(const f5_key_rec *recs, size_t n) {
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        char hex[65];
        for (int b = 0; b < 32; b++) snprintf(hex + 2 * b, 3, "%02x", recs[i].sha256[b]);
        json_t *sc = json_array();
        for (unsigned k = 0; k < 3; k++)
            if (recs[i].scopes & (1u << k)) json_array_append_new(sc, json_string(scope_names[k]));
        json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:f, s:i, s:f, s:I}", "name", recs[i].name, "sha256", hex,
                                             "scopes", sc, "rate_per_min", recs[i].rate_per_min, "max_concurrent",
                                             recs[i].max_concurrent, "quota_seconds_per_day",
                                             recs[i].quota_seconds_per_day, "created", (json_int_t)recs[i].created));
    }
    return json_pack("{s:i, s:o}", "version", 1, "keys", arr);
}

f5_status f5_keys_load(const char *path, f5_key_rec **recs, size_t *n, f5_error *err) {
    *recs = NULL;
    *n = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) return F5_OK;
        return f5_errf(err, F5_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    f5_status st = F5_OK;
    for (;;) {
        if (len + 4096 > cap) {
            cap = cap ? cap * 2 : 8192;
            if (cap > (64u << 20)) {
                st = f5_errf(err, F5_ERR_FORMAT, "%s: larger than 64 MiB", path);
                goto done;
            }
            char *t = realloc(buf, cap);
            if (!t) {
                st = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
                goto done;
            }
            buf = t;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    if (ferror(f)) st = f5_errf(err, F5_ERR_IO, "%s: read error", path);
    else st = f5_keys_parse(buf, len, path, recs, n, err);
done:
    free(buf);
    fclose(f);
    return st;
}

f5_status f5_keys_save(const char *path, const f5_key_rec *recs, size_t n, f5_error *err) {
    f5_status st;
    if ((st = f5_mkdirs_parent(path, 0700, err))) return st;
    json_t *j = f5_keys_to_json(recs, n);
    char *s = j ? json_dumps(j, JSON_INDENT(1)) : NULL;
    json_decref(j);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", path);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        st = f5_errf(err, F5_ERR_IO, "%s: cannot create: %s", tmp, strerror(errno));
        free(s);
        return st;
    }
    size_t len = strlen(s), off = 0;
    while (off < len) {
        ssize_t w = write(fd, s + off, len - off);
        if (w <= 0) break;
        off += (size_t)w;
    }
    free(s);
    if (off != len || fsync(fd) != 0) {
        st = f5_errf(err, F5_ERR_IO, "%s: write failed: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        return st;
    }
    close(fd);
    if (rename(tmp, path) != 0) {
        st = f5_errf(err, F5_ERR_IO, "%s: cannot replace: %s", path, strerror(errno));
        unlink(tmp);
        return st;
    }
    return F5_OK;
}

bool f5_key_generate(char *out, size_t n) {
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char raw[33];
    if (n < 48 || RAND_bytes(raw, 32) != 1) return false;
    raw[32] = 0;
    memcpy(out, "f5k_", 4);
    size_t o = 4;
    for (int i = 0; i < 33; i += 3) {
        unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];
        out[o++] = b64[(v >> 18) & 63];
        out[o++] = b64[(v >> 12) & 63];
        if (i + 1 < 32) out[o++] = b64[(v >> 6) & 63];
        if (i + 2 < 32) out[o++] = b64[v & 63];
    }
    out[o] = 0;
    OPENSSL_cleanse(raw, sizeof raw);
    return true;
}

void f5_key_hash(const char *key, unsigned char out[32]) {
    unsigned int len = 32;
    EVP_Digest(key, strlen(key), out, &len, EVP_sha256(), NULL);
}

/* ---- file backend ---- */

typedef struct {
    f5_keystore base;
    char path[4096];
    pthread_mutex_t mu;
    f5_key_rec *recs;
    size_t n;
    double last_check;
    struct stat seen;
    bool have_seen;
} ks_file;

static double mono_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Under mu: re-read the file if it changed. A file that fails to parse
 * keeps the previous set (and is retried on the next change). */
static void ks_refresh(ks_file *k) {
    double now = mono_s();
    if (k->have_seen && now - k->last_check < 1.0) return;
    k->last_check = now;
    struct stat sb;
    bool exists = stat(k->path, &sb) == 0;
    if (!exists) {
        free(k->recs);
        k->recs = NULL;
        k->n = 0;
        memset(&k->seen, 0, sizeof k->seen);
        k->have_seen = true;
        return;
    }
    if (k->have_seen && sb.st_ino == k->seen.st_ino && sb.st_size == k->seen.st_size &&
        sb.st_mtim.tv_sec == k->seen.st_mtim.tv_sec && sb.st_mtim.tv_nsec == k->seen.st_mtim.tv_nsec)
        return;
    f5_key_rec *r;
    size_t n;
    f5_error e = {0};
    if (f5_keys_load(k->path, &r, &n, &e) != F5_OK) {
        fprintf(stderr, "f5tts: keys file not reloaded: %s\n", e.message);
        k->seen = sb;
        k->have_seen = true;
        return;
    }
    free(k->recs);
    k->recs = r;
    k->n = n;
    k->seen = sb;
    k->have_seen = true;
}

static bool ks_file_lookup(f5_keystore *ks, const char *key, f5_key_rec *out) {
    ks_file *k = (ks_file *)ks;
    unsigned char h[32];
    f5_key_hash(key, h);
    bool found = false;
    pthread_mutex_lock(&k->mu);
    ks_refresh(k);
    /* compare against every record so timing says nothing about which */
    for (size_t i = 0; i < k->n; i++) {
        if (CRYPTO_memcmp(h, k->recs[i].sha256, 32) == 0 && !found) {
            *out = k->recs[i];
            found = true;
        }
    }
    pthread_mutex_unlock(&k->mu);
    return found;
}

static size_t ks_file_count(f5_keystore *ks) {
    ks_file *k = (ks_file *)ks;
    pthread_mutex_lock(&k->mu);
    ks_refresh(k);
    size_t n = k->n;
    pthread_mutex_unlock(&k->mu);
    return n;
}

static void ks_file_close(f5_keystore *ks) {
    ks_file *k = (ks_file *)ks;
    pthread_mutex_destroy(&k->mu);
    free(k->recs);
    free(k);
}

static const f5_keystore_ops ks_file_ops = {ks_file_lookup, ks_file_count, ks_file_close};

f5_status f5_keystore_open_file(const char *path, f5_keystore **out, f5_error *err) {
    *out = NULL;
    ks_file *k = calloc(1, sizeof *k);
    if (!k) return f5_errf(err, F5_ERR_NOMEM, "keystore: out of memory");
    if (strlen(path) >= sizeof k->path) {
        free(k);
        return f5_errf(err, F5_ERR_INVALID_ARG, "keystore: path too long");
    }
    k->base.ops = &ks_file_ops;
    snprintf(k->path, sizeof k->path, "%s", path);
    pthread_mutex_init(&k->mu, NULL);
    /* fail early on a file that is there but broken */
    f5_status st = f5_keys_load(path, &k->recs, &k->n, err);
    if (st) {
        ks_file_close(&k->base);
        return st;
    }
    if (stat(path, &k->seen) != 0) memset(&k->seen, 0, sizeof k->seen);
    k->have_seen = true;
    k->last_check = mono_s();
    *out = &k->base;
    return F5_OK;
}
