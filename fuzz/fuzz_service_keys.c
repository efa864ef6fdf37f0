/* fuzz_service_keys.c - libFuzzer driver for the API keys file parser
 * (f5_keys_parse): any bytes are a keys file. An accepted file must
 * serialise back (f5_keys_to_json) to text that parses to the same
 * records (names, hashes, scopes). */
#include "service/auth/keystore.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    f5_key_rec *r = NULL, *r2 = NULL;
    size_t n = 0, n2 = 0;
    f5_error err = {0};
    if (f5_keys_parse((const char *)data, size, "fuzz", &r, &n, &err) != F5_OK) return 0;
    json_t *j = f5_keys_to_json(r, n);
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!s) abort();
    if (f5_keys_parse(s, strlen(s), "fuzz-roundtrip", &r2, &n2, &err) != F5_OK || n2 != n) abort();
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].name, r2[i].name) || memcmp(r[i].sha256, r2[i].sha256, 32) || r[i].scopes != r2[i].scopes)
            abort();
    free(s);
    free(r);
    free(r2);
    return 0;
}
