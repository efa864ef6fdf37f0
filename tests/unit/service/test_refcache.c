/* test_refcache.c - the engine's reference cache: hits and misses by key,
 * LRU eviction within the byte bound, an evicted value alive until its
 * last reference, duplicate keys and oversize values not kept, the key
 * depends on the bytes, their length and the transcript. */
#include "service/jobs/refcache.h"
#include "test.h"

static int freed[16];
static void free_val(void *v) { freed[*(int *)v]++; }

static int vals[16];

static void key_of(int i, uint8_t k[32]) {
    char a[8];
    snprintf(a, sizeof a, "a%d", i);
    f5_refcache_key(a, strlen(a), "text", k);
}

static void test_hits_eviction_refs(void) {
    memset(freed, 0, sizeof freed);
    for (int i = 0; i < 16; i++) vals[i] = i;
    f5_refcache *c = f5_refcache_new(250, free_val);
    uint8_t k[16][32];
    for (int i = 0; i < 16; i++) key_of(i, k[i]);
    CHECK(f5_refcache_get(c, k[1]) == NULL);
    f5_refcache_release(c, f5_refcache_put(c, k[1], &vals[1], 100));
    f5_refcache_release(c, f5_refcache_put(c, k[2], &vals[2], 100));
    CHECK(freed[1] == 0 && freed[2] == 0);
    int *v = f5_refcache_get(c, k[1]); /* 1 becomes the most recent */
    CHECK(v == &vals[1]);
    f5_refcache_stats s = f5_refcache_get_stats(c);
    CHECK(s.hits == 1 && s.misses == 1 && s.bytes == 200 && s.entries == 2);
    f5_refcache_release(c, f5_refcache_put(c, k[3], &vals[3], 100)); /* evicts 2, the least recent */
    CHECK(freed[2] == 1);
    CHECK(f5_refcache_get(c, k[2]) == NULL);
    s = f5_refcache_get_stats(c);
    CHECK(s.evictions == 1 && s.bytes == 200 && s.entries == 2);
    /* 1 is still held by us: evicting it must not free it yet */
    f5_refcache_release(c, f5_refcache_put(c, k[4], &vals[4], 200)); /* evicts 3 and 1 */
    CHECK(freed[3] == 1);
    CHECK(freed[1] == 0);
    CHECK(*v == 1);
    f5_refcache_release(c, v);
    CHECK(freed[1] == 1);
    /* oversize: not kept, freed on release */
    f5_refcache_release(c, f5_refcache_put(c, k[5], &vals[5], 251));
    CHECK(freed[5] == 1);
    CHECK(f5_refcache_get(c, k[5]) == NULL);
    /* duplicate key: the second value is not kept */
    int *a = f5_refcache_get(c, k[4]);
    CHECK(a == &vals[4]);
    f5_refcache_release(c, f5_refcache_put(c, k[4], &vals[6], 10));
    CHECK(freed[6] == 1 && freed[4] == 0);
    f5_refcache_release(c, a);
    CHECK(freed[4] == 0); /* still cached */
    f5_refcache_free(c);
    CHECK(freed[4] == 1);
    /* max_bytes 0 keeps nothing */
    c = f5_refcache_new(0, free_val);
    f5_refcache_release(c, f5_refcache_put(c, k[7], &vals[7], 1));
    CHECK(freed[7] == 1 && f5_refcache_get(c, k[7]) == NULL);
    f5_refcache_free(c);
}

static void test_key(void) {
    uint8_t a[32], b[32], d[32], e[32];
    f5_refcache_key("abc", 3, "one", a);
    f5_refcache_key("abc", 3, "one", b);
    CHECK(!memcmp(a, b, 32) && f5_refcache_key_ok(a));
    f5_refcache_key("abc", 3, "two", d);
    CHECK(memcmp(a, d, 32));
    f5_refcache_key("abd", 3, "one", e);
    CHECK(memcmp(a, e, 32));
    /* the length is hashed: "ab"+"cone" differs from "abc"+"one" */
    f5_refcache_key("ab", 2, "cone", e);
    CHECK(memcmp(a, e, 32));
    /* SHA-256 of eight zero bytes (the length prefix of an empty upload, empty text):
     * printf '\0\0\0\0\0\0\0\0' | sha256sum = af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc */
    static const uint8_t want[32] = {0xaf, 0x55, 0x70, 0xf5, 0xa1, 0x81, 0x0b, 0x7a, 0xf7, 0x8c, 0xaf,
                                     0x4b, 0xc7, 0x0a, 0x66, 0x0f, 0x0d, 0xf5, 0x1e, 0x42, 0xba, 0xf9,
                                     0x1d, 0x4d, 0xe5, 0xb2, 0x32, 0x8d, 0xe0, 0xe8, 0x3d, 0xfc};
    f5_refcache_key("", 0, "", e);
    CHECK(!memcmp(e, want, 32));
}

TEST_MAIN(TEST(test_hits_eviction_refs), TEST(test_key))
