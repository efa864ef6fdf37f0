/* test_multipart.c - the streaming multipart parser: fields and files,
 * every split point of the input, boundary edge cases, malformed bodies. */
#include "service/http/multipart.h"
#include "test.h"

typedef struct {
    char names[16][64];
    char files[16][64];
    char data[16][256];
    size_t len[16];
    int n, ended;
} collect;

static f5_status c_begin(void *u, const f5_mp_part *p, f5_error *err) {
    collect *c = u;
    (void)err;
    if (c->n >= 16) return F5_ERR_INVALID_ARG;
    snprintf(c->names[c->n], 64, "%s", p->name);
    snprintf(c->files[c->n], 64, "%s", p->filename ? p->filename : "");
    c->len[c->n] = 0;
    c->n++;
    return F5_OK;
}
static f5_status c_data(void *u, const char *d, size_t n, f5_error *err) {
    collect *c = u;
    (void)err;
    size_t i = (size_t)c->n - 1;
    if (c->len[i] + n > sizeof c->data[i]) return F5_ERR_INVALID_ARG;
    memcpy(c->data[i] + c->len[i], d, n);
    c->len[i] += n;
    return F5_OK;
}
static f5_status c_end(void *u, f5_error *err) {
    (void)err;
    ((collect *)u)->ended++;
    return F5_OK;
}
static const f5_mp_callbacks cbs = {c_begin, c_data, c_end};

static const char BODY[] =
    "preamble to ignore\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
    "hello\r\n--Xy-almost-a-boundary\r\nworld\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"voice\"; filename=\"a \\\"b\\\".wav\"\r\n"
    "Content-Type: audio/wav\r\n\r\n"
    "RIFF\0\r\n\r-\r\n--Xy\r\n"
    "--XyZ--\r\nepilogue";

static int parse(const char *body, size_t n, size_t split, collect *c, f5_error *err) {
    memset(c, 0, sizeof *c);
    f5_multipart *mp;
    if (f5_mp_new("XyZ", &cbs, c, &mp, err)) return -1;
    int st = f5_mp_feed(mp, body, split, err);
    if (!st) st = f5_mp_feed(mp, body + split, n - split, err);
    if (!st) st = f5_mp_finish(mp, err);
    f5_mp_free(mp);
    return st;
}

static void test_all_split_points(void) {
    size_t n = sizeof BODY - 1;
    int bad = 0;
    for (size_t split = 0; split <= n; split++) {
        collect c;
        f5_error err = {0};
        int st = parse(BODY, n, split, &c, &err);
        static const char want_text[] = "hello\r\n--Xy-almost-a-boundary\r\nworld";
        static const char want_file[] = "RIFF\0\r\n\r-\r\n--Xy";
        if (st || c.n != 2 || c.ended != 2 || strcmp(c.names[0], "text") || strcmp(c.names[1], "voice") ||
            strcmp(c.files[1], "a \"b\".wav") || c.len[0] != sizeof want_text - 1 ||
            memcmp(c.data[0], want_text, c.len[0]) || c.len[1] != sizeof want_file - 1 ||
            memcmp(c.data[1], want_file, c.len[1])) {
            if (bad++ < 3) fprintf(stderr, "  split %zu: st=%d n=%d msg=%s\n", split, st, c.n, err.message);
        }
    }
    CHECKF(bad == 0, "%d split points parsed wrongly", bad);
}

static void test_byte_by_byte(void) {
    collect c = {0};
    f5_multipart *mp;
    f5_error err = {0};
    CHECK(f5_mp_new("XyZ", &cbs, &c, &mp, &err) == F5_OK);
    int st = 0;
    for (size_t i = 0; i < sizeof BODY - 1 && !st; i++) st = f5_mp_feed(mp, BODY + i, 1, &err);
    CHECK(st == 0);
    CHECK(f5_mp_finish(mp, &err) == F5_OK);
    CHECK(c.n == 2 && c.len[0] == strlen("hello\r\n--Xy-almost-a-boundary\r\nworld"));
    f5_mp_free(mp);
}

static void test_malformed(void) {
    static const char *bad[] = {
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",              /* no closing */
        "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--",                      /* no name */
        "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--",                            /* no disposition */
        "--XyZ\r\n\r\nx\r\n--XyZ--",                                                        /* no headers */
        "--XyZgarbage\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--",       /* junk after boundary */
        "--XyZ\r\nContent-Disposition attachment\r\n\r\nx\r\n--XyZ--",                     /* header without colon */
        "nothing here at all",                                                              /* no boundary */
        "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        collect c;
        f5_error err = {0};
        int st = parse(bad[i], strlen(bad[i]), strlen(bad[i]) / 2, &c, &err);
        CHECKF(st == F5_ERR_FORMAT, "case %zu: status %d (%s)", i, st, err.message);
        CHECKF(err.message[0] != 0, "case %zu has no message", i);
    }
}

static void test_boundary_header(void) {
    char b[80];
    f5_error err = {0};
    CHECK(f5_mp_boundary("multipart/form-data; boundary=abc123", b, sizeof b, &err) == F5_OK);
    CHECK_STREQ(b, "abc123");
    CHECK(f5_mp_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"", b, sizeof b, &err) == F5_OK);
    CHECK_STREQ(b, "a b:c");
    CHECK(f5_mp_boundary("application/json", b, sizeof b, &err) == F5_ERR_UNSUPPORTED_FORMAT);
    CHECK(f5_mp_boundary(NULL, b, sizeof b, &err) == F5_ERR_UNSUPPORTED_FORMAT);
    CHECK(f5_mp_boundary("multipart/form-data", b, sizeof b, &err) == F5_ERR_INVALID_ARG);
    CHECK(f5_mp_boundary("multipart/form-data; boundary=", b, sizeof b, &err) == F5_ERR_INVALID_ARG);
    char longb[200] = "multipart/form-data; boundary=";
    memset(longb + strlen(longb), 'x', 80);
    CHECK(f5_mp_boundary(longb, b, sizeof b, &err) == F5_ERR_INVALID_ARG);
}

static void test_callback_stop(void) {
    /* a callback error stops parsing and is returned */
    char body[4096];
    size_t n = 0;
    for (int i = 0; i < 20; i++)
        n += (size_t)snprintf(body + n, sizeof body - n, "--XyZ\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n", i);
    n += (size_t)snprintf(body + n, sizeof body - n, "--XyZ--\r\n");
    collect c;
    f5_error err = {0};
    CHECK(parse(body, n, 7, &c, &err) == F5_ERR_INVALID_ARG); /* collect holds 16 parts at most */
    CHECK(c.n == 16);
}

TEST_MAIN(TEST(test_all_split_points), TEST(test_byte_by_byte), TEST(test_malformed), TEST(test_boundary_header),
          TEST(test_callback_stop))
