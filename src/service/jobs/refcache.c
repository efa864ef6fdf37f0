/* refcache.c - byte-bounded LRU of reference counted values (see
 * refcache.h). A doubly linked list in recency order (head = most recent)
 * and a linear scan for lookup: the cache holds tens of voices, not
 * thousands. Values not in the list (evicted or never kept) live in the
 * same node type, unlinked, until their last reference goes.
 */
#include "service/jobs/refcache.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct node {
    uint8_t key[32];
    void *value;
    size_t bytes;
    int refs;        /* callers' references + 1 while in the list */
    bool linked;
    struct node *prev, *next;
    struct node *all_next; /* every live node, for release lookups */
} node;

struct f5_refcache {
    pthread_mutex_t mu;
    size_t max_bytes;
    f5_refcache_free_fn free_fn;
    node *head, *tail, *all;
    f5_refcache_stats st;
};

f5_refcache *f5_refcache_new(size_t max_bytes, f5_refcache_free_fn free_fn) {
    f5_refcache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    pthread_mutex_init(&c->mu, NULL);
    c->max_bytes = max_bytes;
    c->free_fn = free_fn;
    return c;
}

void f5_refcache_key(const void *audio, size_t audio_len, const char *ref_text, uint8_t key[32]) {
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)((uint64_t)audio_len >> (8 * i));
    EVP_MD_CTX *h = EVP_MD_CTX_new();
    unsigned int kl = 32;
    if (!h || !EVP_DigestInit_ex(h, EVP_sha256(), NULL) || !EVP_DigestUpdate(h, len, sizeof len) ||
        !EVP_DigestUpdate(h, audio, audio_len) || (ref_text && !EVP_DigestUpdate(h, ref_text, strlen(ref_text))) ||
        !EVP_DigestFinal_ex(h, key, &kl))
        memset(key, 0, 32); /* no digest: f5_refcache_key_ok says so */
    EVP_MD_CTX_free(h);
}

static void unlink_node(f5_refcache *c, node *n) {
    if (n->prev) n->prev->next = n->next;
    else c->head = n->next;
    if (n->next) n->next->prev = n->prev;
    else c->tail = n->prev;
    n->prev = n->next = NULL;
    n->linked = false;
    c->st.bytes -= n->bytes;
    c->st.entries--;
}

static void push_front(f5_refcache *c, node *n) {
    n->prev = NULL;
    n->next = c->head;
    if (c->head) c->head->prev = n;
    c->head = n;
    if (!c->tail) c->tail = n;
    n->linked = true;
    c->st.bytes += n->bytes;
    c->st.entries++;
}

/* Drops one reference; frees the node (and its value) at zero. Locked. */
static void drop(f5_refcache *c, node *n) {
    if (--n->refs > 0) return;
    for (node **p = &c->all; *p; p = &(*p)->all_next)
        if (*p == n) {
            *p = n->all_next;
            break;
        }
    if (c->free_fn) c->free_fn(n->value);
    free(n);
}

void *f5_refcache_get(f5_refcache *c, const uint8_t key[32]) {
    pthread_mutex_lock(&c->mu);
    for (node *n = c->head; n; n = n->next) {
        if (memcmp(n->key, key, 32)) continue;
        unlink_node(c, n);
        push_front(c, n);
        n->refs++;
        c->st.hits++;
        pthread_mutex_unlock(&c->mu);
        return n->value;
    }
    c->st.misses++;
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

void *f5_refcache_put(f5_refcache *c, const uint8_t key[32], void *value, size_t bytes) {
    node *n = calloc(1, sizeof *n);
    if (!n) return value; /* untracked: release cannot find it, so free it there via free_fn */
    memcpy(n->key, key, 32);
    n->value = value;
    n->bytes = bytes;
    n->refs = 1;
    pthread_mutex_lock(&c->mu);
    n->all_next = c->all;
    c->all = n;
    bool present = false;
    for (node *o = c->head; o; o = o->next)
        if (!memcmp(o->key, key, 32)) present = true;
    if (!present && bytes <= c->max_bytes) {
        while (c->tail && c->st.bytes + bytes > c->max_bytes) {
            node *old = c->tail;
            unlink_node(c, old);
            c->st.evictions++;
            drop(c, old);
        }
        push_front(c, n);
        n->refs++; /* the list's reference */
    }
    pthread_mutex_unlock(&c->mu);
    return value;
}

void f5_refcache_release(f5_refcache *c, void *value) {
    if (!value) return;
    pthread_mutex_lock(&c->mu);
    for (node *n = c->all; n; n = n->all_next)
        if (n->value == value && n->refs > (n->linked ? 1 : 0)) {
            drop(c, n);
            pthread_mutex_unlock(&c->mu);
            return;
        }
    pthread_mutex_unlock(&c->mu);
    if (c->free_fn) c->free_fn(value); /* put could not track it (out of memory) */
}

f5_refcache_stats f5_refcache_get_stats(f5_refcache *c) {
    pthread_mutex_lock(&c->mu);
    f5_refcache_stats s = c->st;
    pthread_mutex_unlock(&c->mu);
    return s;
}

void f5_refcache_free(f5_refcache *c) {
    if (!c) return;
    for (node *n = c->all, *nx; n; n = nx) {
        nx = n->all_next;
        if (c->free_fn) c->free_fn(n->value);
        free(n);
    }
    pthread_mutex_destroy(&c->mu);
    free(c);
}

bool f5_refcache_key_ok(const uint8_t key[32]) {
    for (int i = 0; i < 32; i++)
        if (key[i]) return true;
    return false;
}
