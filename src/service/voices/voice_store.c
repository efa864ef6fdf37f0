/* voice_store.c - the speaker library over f5_store (voice_store.h). A
 * listing reads every record (tens to hundreds of voices: one GET each on
 * S3, a file read on disk); one mutex serialises this process's
 * add/rename/delete so its own name checks and clip reference counts are
 * consistent.
 */
#include "service/voices/voice_store.h"

#include "core/error.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct f5_voices {
    f5_store *store;
    pthread_mutex_t mu;
};

f5_voices *f5_voices_new(f5_store *store) {
    f5_voices *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->store = store;
    pthread_mutex_init(&v->mu, NULL);
    return v;
}

void f5_voices_free(f5_voices *v) {
    if (!v) return;
    pthread_mutex_destroy(&v->mu);
    free(v);
}

bool f5_voices_sha256_hex(const void *data, size_t len, char out[65]) {
    unsigned char d[32];
    unsigned int dl = 32;
    EVP_MD_CTX *h = EVP_MD_CTX_new();
    bool ok = h && EVP_DigestInit_ex(h, EVP_sha256(), NULL) && EVP_DigestUpdate(h, data, len) &&
              EVP_DigestFinal_ex(h, d, &dl);
    EVP_MD_CTX_free(h);
    if (!ok) return false;
    for (int i = 0; i < 32; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
    return true;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void meta_key(const char *id, char *buf, size_t n) {
    snprintf(buf, n, "voices/meta/%s.json", id);
}

static f5_status put_rec(f5_voices *v, const f5_voice_rec *r, f5_error *err) {
    json_t *j = f5_voice_rec_to_json(r);
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!s) return f5_errf(err, F5_ERR_NOMEM, "voices: out of memory");
    char key[96];
    meta_key(r->id, key, sizeof key);
    f5_status st = f5_store_put(v->store, key, s, strlen(s), err);
    free(s);
    return st;
}

static f5_status read_rec(f5_voices *v, const char *key, f5_voice_rec *out, f5_error *err) {
    uint8_t *d = NULL;
    size_t n = 0;
    f5_status st = f5_store_get(v->store, key, &d, &n, err);
    if (st) return st;
    json_error_t je;
    json_t *j = json_loadb((const char *)d, n, 0, &je);
    free(d);
    char msg[200];
    if (!j) return f5_errf(err, F5_ERR_FORMAT, "voices: %s is not JSON: %s", key, je.text);
    bool ok = f5_voice_rec_from_json(j, out, msg, sizeof msg);
    json_decref(j);
    if (!ok) return f5_errf(err, F5_ERR_FORMAT, "voices: %s: %s", key, msg);
    return F5_OK;
}

static int cmp_created(const void *a, const void *b) {
    const f5_voice_rec *x = a, *y = b;
    if (x->created_at != y->created_at) return x->created_at < y->created_at ? -1 : 1;
    return strcmp(x->id, y->id);
}

void f5_voices_list_free(f5_voice_rec *recs, size_t n) {
    for (size_t i = 0; recs && i < n; i++) f5_voice_rec_free(&recs[i]);
    free(recs);
}

/* Every record (visible ones when visible != NULL), oldest first. A record
 * that vanished between list and read (deleted meanwhile) is skipped; a
 * corrupt one too (it would block the whole library). */
static f5_status list_all(f5_voices *v, f5_voice_visible_fn visible, void *user, f5_voice_rec **out, size_t *n,
                          f5_error *err) {
    *out = NULL;
    *n = 0;
    char **keys = NULL;
    size_t nk = 0;
    f5_status st = f5_store_list(v->store, "voices/meta", &keys, &nk, err);
    if (st) return st;
    f5_voice_rec *recs = nk ? calloc(nk, sizeof *recs) : NULL;
    if (nk && !recs) {
        f5_store_list_free(keys, nk);
        return f5_errf(err, F5_ERR_NOMEM, "voices: out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < nk; i++) {
        size_t l = strlen(keys[i]);
        if (l < 5 || strcmp(keys[i] + l - 5, ".json")) continue;
        f5_error e = {0};
        f5_status rs = read_rec(v, keys[i], &recs[k], &e);
        if (rs == F5_ERR_NOT_FOUND || rs == F5_ERR_FORMAT) continue;
        if (rs) {
            st = f5_errf(err, rs, "%s", e.message);
            f5_voices_list_free(recs, k);
            f5_store_list_free(keys, nk);
            return st;
        }
        if (visible && !visible(user, recs[k].owner)) {
            f5_voice_rec_free(&recs[k]);
            continue;
        }
        k++;
    }
    f5_store_list_free(keys, nk);
    if (k > 1) qsort(recs, k, sizeof *recs, cmp_created);
    *out = recs;
    *n = k;
    return F5_OK;
}

f5_status f5_voices_list(f5_voices *v, f5_voice_visible_fn visible, void *user, f5_voice_rec **out, size_t *n,
                         f5_error *err) {
    return list_all(v, visible, user, out, n, err);
}

/* Is name used by another voice (not except_id) of owner? Locked. */
static f5_status name_taken(f5_voices *v, const char *owner, const char *name, const char *except_id, bool *taken,
                            f5_error *err) {
    f5_voice_rec *all = NULL;
    size_t n = 0;
    *taken = false;
    f5_status st = list_all(v, NULL, NULL, &all, &n, err);
    if (st) return st;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(all[i].owner, owner) && !strcmp(all[i].name, name) && strcmp(all[i].id, except_id)) *taken = true;
    f5_voices_list_free(all, n);
    return F5_OK;
}

f5_status f5_voices_add(f5_voices *v, const void *clip, size_t clip_len, f5_voice_rec *r, bool *deduped, f5_error *err) {
    *deduped = false;
    if (!f5_voices_sha256_hex(clip, clip_len, r->clip_sha256))
        return f5_errf(err, F5_ERR_INTERNAL, "voices: SHA-256 failed (OpenSSL)");
    snprintf(r->clip_key, sizeof r->clip_key, "voices/clips/%s", r->clip_sha256);
    r->clip_bytes = clip_len;
    unsigned char rnd[12];
    if (RAND_bytes(rnd, sizeof rnd) != 1) return f5_errf(err, F5_ERR_INTERNAL, "voices: no randomness for an id");
    snprintf(r->id, sizeof r->id, "v_");
    for (int i = 0; i < 12; i++) snprintf(r->id + 2 + 2 * i, 3, "%02x", rnd[i]);
    r->created_at = r->updated_at = now_s();
    pthread_mutex_lock(&v->mu);
    bool taken;
    f5_status st = name_taken(v, r->owner, r->name, r->id, &taken, err);
    if (!st && taken)
        st = f5_errf(err, F5_ERR_INVALID_ARG, "a voice named '%s' exists already%s%s; pick another name or PATCH it",
                     r->name, r->owner[0] ? " for key " : "", r->owner);
    uint64_t have = 0;
    f5_error e = {0};
    if (!st) {
        f5_status ss = f5_store_size(v->store, r->clip_key, &have, &e);
        if (ss == F5_OK && have == clip_len) *deduped = true;
        else if (ss != F5_OK && ss != F5_ERR_NOT_FOUND) st = f5_errf(err, ss, "%s", e.message);
        else st = f5_store_put(v->store, r->clip_key, clip, clip_len, err);
    }
    if (!st) st = put_rec(v, r, err);
    pthread_mutex_unlock(&v->mu);
    return st;
}

f5_status f5_voices_get(f5_voices *v, const char *id, f5_voice_rec *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    if (!f5_voice_id_valid(id)) return f5_errf(err, F5_ERR_NOT_FOUND, "voice '%.64s' not found", id);
    char key[96];
    meta_key(id, key, sizeof key);
    f5_error e = {0};
    f5_status st = read_rec(v, key, out, &e);
    if (st == F5_ERR_NOT_FOUND) return f5_errf(err, st, "voice '%s' not found", id);
    if (st) return f5_errf(err, st, "%s", e.message);
    return F5_OK;
}

f5_status f5_voices_find(f5_voices *v, const char *id_or_name, f5_voice_visible_fn visible, void *user,
                         f5_voice_rec *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    if (f5_voice_id_valid(id_or_name)) {
        f5_status st = f5_voices_get(v, id_or_name, out, err);
        if (st) return st;
        if (visible && !visible(user, out->owner)) {
            f5_voice_rec_free(out);
            memset(out, 0, sizeof *out);
            return f5_errf(err, F5_ERR_NOT_FOUND, "voice '%s' not found", id_or_name);
        }
        return F5_OK;
    }
    f5_voice_rec *all = NULL;
    size_t n = 0;
    f5_status st = list_all(v, visible, user, &all, &n, err);
    if (st) return st;
    bool found = false;
    for (size_t i = 0; i < n && !found; i++)
        if (!strcmp(all[i].name, id_or_name)) {
            *out = all[i]; /* move */
            memset(&all[i], 0, sizeof all[i]);
            found = true;
        }
    f5_voices_list_free(all, n);
    if (!found) return f5_errf(err, F5_ERR_NOT_FOUND, "voice '%.64s' not found (no voice with that id or name)", id_or_name);
    return F5_OK;
}

f5_status f5_voices_update(f5_voices *v, f5_voice_rec *r, const char *old_name, f5_error *err) {
    pthread_mutex_lock(&v->mu);
    f5_status st = F5_OK;
    if (old_name && strcmp(old_name, r->name)) {
        bool taken;
        st = name_taken(v, r->owner, r->name, r->id, &taken, err);
        if (!st && taken)
            st = f5_errf(err, F5_ERR_INVALID_ARG, "a voice named '%s' exists already; pick another name", r->name);
    }
    if (!st) {
        r->updated_at = now_s();
        st = put_rec(v, r, err);
    }
    pthread_mutex_unlock(&v->mu);
    return st;
}

f5_status f5_voices_delete(f5_voices *v, const char *id, bool *clip_deleted, f5_error *err) {
    *clip_deleted = false;
    f5_voice_rec r;
    f5_status st = f5_voices_get(v, id, &r, err);
    if (st) return st;
    pthread_mutex_lock(&v->mu);
    char key[96];
    meta_key(id, key, sizeof key);
    st = f5_store_delete(v->store, key, err);
    if (!st) {
        f5_voice_rec *all = NULL;
        size_t n = 0;
        f5_error e = {0};
        bool used = false;
        if (list_all(v, NULL, NULL, &all, &n, &e) != F5_OK) used = true; /* unsure: keep the clip */
        for (size_t i = 0; i < n; i++)
            if (!strcmp(all[i].clip_sha256, r.clip_sha256)) used = true;
        f5_voices_list_free(all, n);
        if (!used && f5_store_delete(v->store, r.clip_key, &e) == F5_OK) *clip_deleted = true;
    }
    pthread_mutex_unlock(&v->mu);
    f5_voice_rec_free(&r);
    return st;
}

f5_status f5_voices_clip(f5_voices *v, const f5_voice_rec *r, uint8_t **data, size_t *len, f5_error *err) {
    return f5_store_get(v->store, r->clip_key, data, len, err);
}

static bool sha_ok(const char *s) {
    if (!s || strlen(s) != 64) return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))) return false;
    return true;
}

f5_status f5_voices_transcript_get(f5_voices *v, const char *sha256, char **text, f5_error *err) {
    *text = NULL;
    if (!sha_ok(sha256)) return f5_errf(err, F5_ERR_INVALID_ARG, "voices: bad audio hash");
    char key[128];
    snprintf(key, sizeof key, "voices/transcripts/%s", sha256);
    uint8_t *d = NULL;
    size_t n = 0;
    f5_error e = {0};
    f5_status st = f5_store_get(v->store, key, &d, &n, &e);
    if (st == F5_ERR_NOT_FOUND) return F5_OK;
    if (st) return f5_errf(err, st, "%s", e.message);
    char *t = malloc(n + 1);
    if (!t) {
        free(d);
        return f5_errf(err, F5_ERR_NOMEM, "voices: out of memory");
    }
    memcpy(t, d, n);
    t[n] = 0;
    free(d);
    *text = t;
    return F5_OK;
}

f5_status f5_voices_transcript_put(f5_voices *v, const char *sha256, const char *text, f5_error *err) {
    if (!sha_ok(sha256)) return f5_errf(err, F5_ERR_INVALID_ARG, "voices: bad audio hash");
    char key[128];
    snprintf(key, sizeof key, "voices/transcripts/%s", sha256);
    return f5_store_put(v->store, key, text, strlen(text), err);
}
