/* s3_sign.h - AWS Signature Version 4 for S3 (OpenSSL SHA-256 / HMAC): the
 * Authorization header of a request and presigned GET URLs. Pure functions
 * of their inputs (the time is passed in), so they are tested against the
 * examples of the AWS documentation.
 */
#ifndef F5_S3_SIGN_H
#define F5_S3_SIGN_H

#include "f5tts.h"

#include <stddef.h>
#include <time.h>

typedef struct f5_s3_creds {
    char access_key[128];
    char secret_key[128];
    char session_token[2048]; /* "" = none */
    char region[64];
} f5_s3_creds;

typedef struct f5_s3_header {
    const char *name;  /* lower case */
    const char *value; /* trimmed */
} f5_s3_header;

/* "YYYYMMDDTHHMMSSZ" of t (UTC). */
void f5_s3_amzdate(time_t t, char out[17]);
/* Lower-case hex SHA-256 of data. */
void f5_s3_sha256_hex(const void *data, size_t len, char out[65]);
/* URI-encode s (RFC 3986 unreserved kept; '/' kept when keep_slash). */
void f5_s3_uri_encode(const char *s, int keep_slash, char *out, size_t n);

/* Authorization header value for a request. headers: sorted by name, every
 * header to sign (host, x-amz-content-sha256, x-amz-date, ...); query: the
 * canonical query string (sorted, encoded; "" = none); uri: the encoded
 * path. Fails only if out is too small. */
f5_status f5_s3_authorization(const f5_s3_creds *c, const char *method, const char *uri, const char *query,
                              const f5_s3_header *headers, int n_headers, const char *payload_sha256,
                              const char *amzdate, char *out, size_t n, f5_error *err);

/* Presigned GET: writes "<scheme_host><uri>?X-Amz-...&X-Amz-Signature=..."
 * (host signed, UNSIGNED-PAYLOAD) valid for expires_s seconds from amzdate. */
f5_status f5_s3_presign_get(const f5_s3_creds *c, const char *scheme_host, const char *host, const char *uri,
                            const char *amzdate, long expires_s, char *out, size_t n, f5_error *err);

#endif
