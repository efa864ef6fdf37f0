/* test_s3_sign.c - SigV4 for S3 against the worked examples of the AWS
 * documentation ("Signature Calculations for the Authorization Header:
 * Transferring Payload in a Single Chunk", GET Object example, and
 * "Authenticating Requests: Using Query Parameters", presigned GET), whose
 * expected signatures come from AWS, not from this code; plus s3:// URL
 * errors of the store. */
#include "service/store/s3_sign.h"
#include "service/store/store.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

static const f5_s3_creds AWS_EXAMPLE = {
    .access_key = "AKIAIOSFODNN7EXAMPLE",
    .secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    .region = "us-east-1",
};

static void test_authorization_get_object(void) {
    const char *empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    char h[65];
    f5_s3_sha256_hex("", 0, h);
    CHECK(!strcmp(h, empty));
    f5_s3_header hs[] = {{"host", "examplebucket.s3.amazonaws.com"},
                         {"range", "bytes=0-9"},
                         {"x-amz-content-sha256", empty},
                         {"x-amz-date", "20130524T000000Z"}};
    char auth[600];
    f5_error err = {0};
    CHECK(f5_s3_authorization(&AWS_EXAMPLE, "GET", "/test.txt", "", hs, 4, empty, "20130524T000000Z", auth,
                              sizeof auth, &err) == F5_OK);
    CHECKF(!strcmp(auth, "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                         "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                         "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
           "got %s", auth);
    char small[20];
    CHECK(f5_s3_authorization(&AWS_EXAMPLE, "GET", "/test.txt", "", hs, 4, empty, "20130524T000000Z", small,
                              sizeof small, &err) == F5_ERR_INVALID_ARG);
}

static void test_presigned_get(void) {
    char url[2000];
    f5_error err = {0};
    CHECK(f5_s3_presign_get(&AWS_EXAMPLE, "https://examplebucket.s3.amazonaws.com", "examplebucket.s3.amazonaws.com",
                            "/test.txt", "20130524T000000Z", 86400, url, sizeof url, &err) == F5_OK);
    CHECKF(!strcmp(url, "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                        "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                        "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"),
           "got %s", url);
}

static void test_uri_encode(void) {
    char out[100];
    f5_s3_uri_encode("a b/c~d_e.f-g+h", 1, out, sizeof out);
    CHECK(!strcmp(out, "a%20b/c~d_e.f-g%2Bh"));
    f5_s3_uri_encode("a/b", 0, out, sizeof out);
    CHECK(!strcmp(out, "a%2Fb"));
}

static void test_s3_url_errors(void) {
    f5_store *s = NULL;
    f5_error err = {0};
    setenv("AWS_ACCESS_KEY_ID", "k", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "s", 1);
    CHECK(f5_store_open("s3://A_B", &s, &err) == F5_ERR_INVALID_ARG && strstr(err.message, "bucket"));
    CHECK(f5_store_open("s3://bucket/../x", &s, &err) == F5_ERR_INVALID_ARG && strstr(err.message, "prefix"));
    CHECK(f5_store_open("s3://bucket?presign=x", &s, &err) == F5_ERR_INVALID_ARG && strstr(err.message, "presign"));
    CHECK(f5_store_open("s3://bucket?endpoint=ftp://h", &s, &err) == F5_ERR_INVALID_ARG &&
          strstr(err.message, "endpoint"));
    CHECK(f5_store_open("s3://bucket/p?endpoint=http://127.0.0.1:1&retries=1", &s, &err) == F5_OK && s);
    uint8_t *d = NULL;
    size_t n = 0;
    CHECK(f5_store_get(s, "x", &d, &n, &err) == F5_ERR_IO && strstr(err.message, "127.0.0.1:1") &&
          strstr(err.message, "1 attempts"));
    char url[100];
    CHECK(f5_store_presign(s, "x", url, sizeof url, &err) == F5_ERR_UNSUPPORTED);
    f5_store_close(s);
    unsetenv("AWS_SECRET_ACCESS_KEY");
    CHECK(f5_store_open("s3://bucket", &s, &err) == F5_ERR_INVALID_ARG && strstr(err.message, "AWS_SECRET_ACCESS_KEY"));
    unsetenv("AWS_ACCESS_KEY_ID");
}

TEST_MAIN(TEST(test_authorization_get_object), TEST(test_presigned_get), TEST(test_uri_encode),
          TEST(test_s3_url_errors))
