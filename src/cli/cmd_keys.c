/* cmd_keys.c - `f5tts keys add|list|revoke`: manage the API keys file
 * (<data>/keys.json, mode 0600) that a running server re-reads within a
 * second or two. `add` prints the new key once (only its SHA-256 is
 * stored); `list` shows names, scopes, limits and creation time, never a
 * key or hash; `revoke` removes a key by name.
 */
#include "cli/commands.h"

#include "service/auth/keystore.h"
#include "service/auth/keystore_redis.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f) {
    fprintf(f, "usage: f5tts keys add NAME [--scope tts|voices|admin[,...]] [--rate R/min] [--max-concurrent N]\n"
               "                          [--quota-seconds S/day] [--data DIR]\n"
               "       f5tts keys list [--data DIR]\n"
               "       f5tts keys revoke NAME [--data DIR]\n"
               "The keys file is DIR/keys.json (DIR: --data, else $F5_DATA_DIR, else ./data); with\n"
               "--redis redis://host:port[/db][?prefix=P] the keys live in Redis instead (for\n"
               "serve --keys-backend redis: every API node sees them).\n"
               "Limits of 0 mean unlimited. A running server sees changes within 5 seconds.\n");
}

/* "60", "60/min", "3600/day" -> a finite number >= 0. */
static bool parse_num(const char *s, const char *unit, double *out) {
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (end == s || errno || !isfinite(d) || d < 0 || d > 1e12) return false;
    if (*end && !(*end == '/' && !strcmp(end + 1, unit))) return false;
    *out = d;
    return true;
}

int cmd_keys(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *sub = argv[1], *name = NULL, *redis_url = NULL;
    const char *data = getenv("F5_DATA_DIR");
    if (!data || !*data) data = "./data";
    unsigned scopes = F5_SCOPE_TTS;
    double rate = 0, maxc = 0, quota = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool has_v = true;
        if (!strcmp(a, "--data") && v) data = v;
        else if (!strcmp(a, "--redis") && v) redis_url = v;
        else if (!strcmp(a, "--scope") && v) {
            scopes = 0;
            char buf[128];
            snprintf(buf, sizeof buf, "%s", v);
            for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                unsigned b = f5_scope_parse(t);
                if (!b) {
                    fprintf(stderr, "f5tts keys: --scope: unknown scope '%s' (expected tts, voices or admin)\n", t);
                    return 2;
                }
                scopes |= b;
            }
            if (!scopes) {
                fprintf(stderr, "f5tts keys: --scope: empty\n");
                return 2;
            }
        } else if (!strcmp(a, "--rate") && v) {
            if (!parse_num(v, "min", &rate)) {
                fprintf(stderr, "f5tts keys: --rate: expected requests per minute like 60 or 60/min, got '%s'\n", v);
                return 2;
            }
        } else if (!strcmp(a, "--max-concurrent") && v) {
            if (!parse_num(v, "", &maxc) || maxc != floor(maxc) || maxc > 1e6) {
                fprintf(stderr, "f5tts keys: --max-concurrent: expected an integer 0..1000000, got '%s'\n", v);
                return 2;
            }
        } else if (!strcmp(a, "--quota-seconds") && v) {
            if (!parse_num(v, "day", &quota)) {
                fprintf(stderr, "f5tts keys: --quota-seconds: expected audio seconds per day like 3600 or 3600/day, got '%s'\n", v);
                return 2;
            }
        } else if (a[0] != '-' && !name) {
            name = a;
            has_v = false;
        } else {
            fprintf(stderr, "f5tts keys %s: unexpected or incomplete argument '%s'\n", sub, a);
            usage(stderr);
            return 2;
        }
        if (has_v) i++;
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/keys.json", data);
    f5_key_rec *recs = NULL;
    size_t n = 0;
    f5_error err = {0};
    int rc = 1;
    if (redis_url) snprintf(path, sizeof path, "Redis"); /* messages: never the URL (it may hold a password) */
    if (redis_url ? f5_keys_redis_load(redis_url, &recs, &n, &err) : f5_keys_load(path, &recs, &n, &err)) {
        fprintf(stderr, "f5tts keys: %s\n", err.message);
        return 1;
    }
    if (!strcmp(sub, "list")) {
        printf("%-24s %-18s %10s %8s %12s  %s\n", "NAME", "SCOPES", "RATE/MIN", "MAX-JOBS", "QUOTA-S/DAY", "CREATED (UTC)");
        for (size_t i = 0; i < n; i++) {
            char sc[64], when[32];
            f5_scope_format(recs[i].scopes, sc, sizeof sc);
            time_t t = (time_t)recs[i].created;
            struct tm tm;
            gmtime_r(&t, &tm);
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
            printf("%-24s %-18s %10g %8d %12g  %s\n", recs[i].name, sc, recs[i].rate_per_min, recs[i].max_concurrent,
                   recs[i].quota_seconds_per_day, when);
        }
        rc = 0;
        goto done;
    }
    if (!name) {
        fprintf(stderr, "f5tts keys %s: NAME is required\n", sub);
        rc = 2;
        goto done;
    }
    if (!f5_key_name_ok(name)) {
        fprintf(stderr, "f5tts keys: NAME '%s': expected 1-64 characters of A-Z a-z 0-9 . _ -\n", name);
        rc = 2;
        goto done;
    }
    size_t at = n;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(recs[i].name, name)) at = i;
    if (!strcmp(sub, "add")) {
        if (at < n) {
            fprintf(stderr, "f5tts keys add: a key named '%s' already exists (revoke it first)\n", name);
            goto done;
        }
        f5_key_rec *t = realloc(recs, (n + 1) * sizeof *t);
        if (!t) goto done;
        recs = t;
        f5_key_rec *r = &recs[n];
        memset(r, 0, sizeof *r);
        snprintf(r->name, sizeof r->name, "%s", name);
        r->scopes = scopes;
        r->rate_per_min = rate;
        r->max_concurrent = (int)maxc;
        r->quota_seconds_per_day = quota;
        r->created = (double)time(NULL);
        char key[64];
        if (!f5_key_generate(key, sizeof key)) {
            fprintf(stderr, "f5tts keys add: no randomness available (OpenSSL RAND_bytes failed)\n");
            goto done;
        }
        f5_key_hash(key, r->sha256);
        if (redis_url ? f5_keys_redis_save(redis_url, recs, n + 1, &err) : f5_keys_save(path, recs, n + 1, &err)) {
            fprintf(stderr, "f5tts keys: %s\n", err.message);
            goto done;
        }
        printf("%s\n", key);
        fprintf(stderr, "key '%s' added to %s; it is shown only now: store it safely.\n", name, path);
        rc = 0;
    } else if (!strcmp(sub, "revoke")) {
        if (at == n) {
            fprintf(stderr, "f5tts keys revoke: no key named '%s' in %s\n", name, path);
            goto done;
        }
        memmove(&recs[at], &recs[at + 1], (n - at - 1) * sizeof *recs);
        if (redis_url ? f5_keys_redis_save(redis_url, recs, n - 1, &err) : f5_keys_save(path, recs, n - 1, &err)) {
            fprintf(stderr, "f5tts keys: %s\n", err.message);
            goto done;
        }
        fprintf(stderr, "key '%s' revoked\n", name);
        rc = 0;
    } else {
        fprintf(stderr, "f5tts keys: unknown subcommand '%s'\n", sub);
        usage(stderr);
        rc = 2;
    }
done:
    free(recs);
    return rc;
}
