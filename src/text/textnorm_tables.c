/* textnorm_tables.c - lookups in the generated data tables (see
 * textnorm_tables.h). Tables are small (~100 rows): a linear scan with a
 * first-byte filter is fast enough for megabytes of text.
 */
#include "text/textnorm_tables.h"

#include <string.h>

static bool tn_ci_eq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
        if (x != y) return false;
    }
    return true;
}

bool f5_tn_has_flag(const f5_tn_entry *e, char flag) { return e && e->flags && strchr(e->flags, flag) != NULL; }

const f5_tn_entry *f5_tn_lookup(const f5_tn_entry *t, int n_entries, const char *s, size_t n, bool ci) {
    if (!n) return NULL;
    for (int i = 0; i < n_entries; i++) {
        if (t[i].klen == n && t[i].key[0] == s[0] && memcmp(t[i].key, s, n) == 0) return &t[i];
    }
    if (ci)
        for (int i = 0; i < n_entries; i++)
            if (t[i].klen == n && tn_ci_eq(t[i].key, s, 1) && f5_tn_has_flag(&t[i], 'i') && tn_ci_eq(t[i].key, s, n))
                return &t[i];
    return NULL;
}
