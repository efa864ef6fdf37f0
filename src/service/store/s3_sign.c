/* s3_sign.c - SigV4 signing for S3: canonical request, string to sign,
 * derived signing key (HMAC chain date/region/s3/aws4_request) and the
 * signature, for headers or for a presigned query. See s3_sign.h.
 */
#include "service/store/s3_sign.h"

#include "core/error.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>

static void hex(const unsigned char *b, size_t n, char *out) {
    static const char d[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) out[2 * i] = d[b[i] >> 4], out[2 * i + 1] = d[b[i] & 15];
    out[2 * n] = 0;
}

void f5_s3_amzdate(time_t t, char out[17]) {
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

void f5_s3_sha256_hex(const void *data, size_t len, char out[65]) {
    unsigned char md[32];
    SHA256(data, len, md);
    hex(md, 32, out);
}

void f5_s3_uri_encode(const char *s, int keep_slash, char *out, size_t n) {
    size_t o = 0;
    for (; *s && o + 4 < n; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~' || (keep_slash && c == '/'))
            out[o++] = (char)c;
        else o += (size_t)snprintf(out + o, n - o, "%%%02X", c);
    }
    out[o] = 0;
}

static void hmac(const void *key, size_t klen, const char *msg, unsigned char out[32]) {
    unsigned int n = 32;
    HMAC(EVP_sha256(), key, (int)klen, (const unsigned char *)msg, strlen(msg), out, &n);
}

/* signature = hex(HMAC(kSigning, string_to_sign)) for canonical request cr. */
static void sign(const f5_s3_creds *c, const char *amzdate, const char *cr, char sig[65], char scope[160]) {
    char date[9];
    memcpy(date, amzdate, 8);
    date[8] = 0;
    snprintf(scope, 160, "%s/%s/s3/aws4_request", date, c->region);
    char crh[65];
    f5_s3_sha256_hex(cr, strlen(cr), crh);
    char sts[400];
    snprintf(sts, sizeof sts, "AWS4-HMAC-SHA256\n%s\n%s\n%s", amzdate, scope, crh);
    char k0[160];
    snprintf(k0, sizeof k0, "AWS4%s", c->secret_key);
    unsigned char k1[32], k2[32], k3[32], k4[32], s[32];
    hmac(k0, strlen(k0), date, k1);
    hmac(k1, 32, c->region, k2);
    hmac(k2, 32, "s3", k3);
    hmac(k3, 32, "aws4_request", k4);
    hmac(k4, 32, sts, s);
    hex(s, 32, sig);
}

f5_status f5_s3_authorization(const f5_s3_creds *c, const char *method, const char *uri, const char *query,
                              const f5_s3_header *headers, int n_headers, const char *payload_sha256,
                              const char *amzdate, char *out, size_t n, f5_error *err) {
    char cr[8192], signed_h[512] = "";
    size_t o = (size_t)snprintf(cr, sizeof cr, "%s\n%s\n%s\n", method, uri, query);
    for (int i = 0; i < n_headers && o < sizeof cr; i++) {
        o += (size_t)snprintf(cr + o, sizeof cr - o, "%s:%s\n", headers[i].name, headers[i].value);
        size_t k = strlen(signed_h);
        snprintf(signed_h + k, sizeof signed_h - k, "%s%s", i ? ";" : "", headers[i].name);
    }
    if (o >= sizeof cr || (size_t)snprintf(cr + o, sizeof cr - o, "\n%s\n%s", signed_h, payload_sha256) >= sizeof cr - o)
        return f5_errf(err, F5_ERR_INVALID_ARG, "s3: request too large to sign");
    char sig[65], scope[160];
    sign(c, amzdate, cr, sig, scope);
    if ((size_t)snprintf(out, n, "AWS4-HMAC-SHA256 Credential=%s/%s,SignedHeaders=%s,Signature=%s", c->access_key,
                         scope, signed_h, sig) >= n)
        return f5_errf(err, F5_ERR_INVALID_ARG, "s3: authorization header too long");
    return F5_OK;
}

f5_status f5_s3_presign_get(const f5_s3_creds *c, const char *scheme_host, const char *host, const char *uri,
                            const char *amzdate, long expires_s, char *out, size_t n, f5_error *err) {
    char date[9];
    memcpy(date, amzdate, 8);
    date[8] = 0;
    char cred[300], cred_enc[400], tok_enc[6200] = "";
    snprintf(cred, sizeof cred, "%s/%s/%s/s3/aws4_request", c->access_key, date, c->region);
    f5_s3_uri_encode(cred, 0, cred_enc, sizeof cred_enc);
    if (c->session_token[0]) {
        memcpy(tok_enc, "&X-Amz-Security-Token=", 22);
        f5_s3_uri_encode(c->session_token, 0, tok_enc + 22, sizeof tok_enc - 22);
    }
    /* parameters in byte order: Algorithm, Credential, Date, Expires, Security-Token, SignedHeaders */
    char query[7000];
    snprintf(query, sizeof query,
             "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s&X-Amz-Date=%s&X-Amz-Expires=%ld%s"
             "&X-Amz-SignedHeaders=host",
             cred_enc, amzdate, expires_s, tok_enc);
    char cr[8192];
    if ((size_t)snprintf(cr, sizeof cr, "GET\n%s\n%s\nhost:%s\n\nhost\nUNSIGNED-PAYLOAD", uri, query, host) >= sizeof cr)
        return f5_errf(err, F5_ERR_INVALID_ARG, "s3: URL too long to presign");
    char sig[65], scope[160];
    sign(c, amzdate, cr, sig, scope);
    if ((size_t)snprintf(out, n, "%s%s?%s&X-Amz-Signature=%s", scheme_host, uri, query, sig) >= n)
        return f5_errf(err, F5_ERR_INVALID_ARG, "s3: presigned URL too long");
    return F5_OK;
}
