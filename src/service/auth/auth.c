/* auth.c - see auth.h: mode, route scopes, key lookup, per-key token
 * bucket. A missing, malformed, unknown or revoked key is 401; a valid key
 * without the route's scope is 403 (admin satisfies every scope); an empty
 * bucket is 429 with the wait until the next token.
 */
#include "service/auth/auth.h"

#include "core/error.h"
#include "service/auth/keystore_redis.h"
#include "service/auth/ratelimit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct f5_auth {
    f5_auth_mode mode;
    bool loopback;
    f5_keystore *ks;
    f5_ratelimit *rl;
};

f5_status f5_auth_mode_parse(const char *s, f5_auth_mode *out) {
    if (!strcmp(s, "auto") || !*s) *out = F5_AUTH_AUTO;
    else if (!strcmp(s, "on")) *out = F5_AUTH_ON;
    else if (!strcmp(s, "off")) *out = F5_AUTH_OFF;
    else return F5_ERR_INVALID_ARG;
    return F5_OK;
}

bool f5_auth_host_is_loopback(const char *host) {
    return !strncmp(host, "127.", 4) || !strcmp(host, "::1") || !strcmp(host, "[::1]") || !strcasecmp(host, "localhost");
}

f5_status f5_auth_create(f5_auth_mode mode, bool loopback, const char *keys_path, const char *shared_url, f5_auth **out,
                         f5_error *err) {
    *out = NULL;
    f5_auth *a = calloc(1, sizeof *a);
    if (!a) return f5_errf(err, F5_ERR_NOMEM, "auth: out of memory");
    a->mode = mode;
    a->loopback = loopback;
    f5_status st = !strncmp(keys_path, "redis://", 8) ? f5_keystore_open_redis(keys_path, &a->ks, err)
                                                      : f5_keystore_open_file(keys_path, &a->ks, err);
    if (st) goto fail;
    a->rl = f5_ratelimit_create();
    if (!a->rl) {
        st = f5_errf(err, F5_ERR_NOMEM, "auth: out of memory");
        goto fail;
    }
    if (shared_url && (st = f5_ratelimit_share_redis(a->rl, shared_url, err))) goto fail;
    *out = a;
    return F5_OK;
fail:
    f5_auth_free(a);
    return st;
}

void f5_auth_free(f5_auth *a) {
    if (!a) return;
    f5_keystore_close(a->ks);
    f5_ratelimit_free(a->rl);
    free(a);
}

bool f5_auth_enabled(f5_auth *a) {
    if (a->mode == F5_AUTH_ON) return true;
    if (a->mode == F5_AUTH_OFF) return false;
    return !a->loopback || f5_keystore_count(a->ks) > 0;
}

const char *f5_auth_mode_name(const f5_auth *a) {
    return a->mode == F5_AUTH_ON ? "on" : a->mode == F5_AUTH_OFF ? "off" : "auto";
}

unsigned f5_auth_route_scope(const char *method, const char *pattern) {
    static const char *const pub[] = {"/healthz", "/readyz", "/version", "/", "/index.html", "/app.js", "/style.css"};
    for (size_t i = 0; i < sizeof pub / sizeof pub[0]; i++)
        if (!strcmp(pattern, pub[i])) return F5_SCOPE_PUBLIC;
    if (!strcmp(pattern, "/tts") || !strncmp(pattern, "/jobs", 5) || !strncmp(pattern, "/v1/audio", 9))
        return F5_SCOPE_TTS;
    if (!strncmp(pattern, "/voices", 7) || !strncmp(pattern, "/v1/voices", 10)) /* reading (and using) voices: tts suffices */
        return method && !strcmp(method, "GET") ? F5_SCOPE_TTS | F5_SCOPE_VOICES : F5_SCOPE_VOICES;
    if (!strcmp(pattern, "/metrics")) return F5_SCOPE_ADMIN;
    return F5_SCOPE_ANY; /* /config and anything new: a valid key */
}

static void deny(f5_auth_verdict *v, int status, const char *code, const char *msg) {
    v->status = status;
    v->code = code;
    snprintf(v->message, sizeof v->message, "%s", msg);
}

void f5_auth_check(f5_auth *a, unsigned need, const char *authorization, const char *x_api_key, double now_s,
                   f5_auth_caller *caller, f5_auth_verdict *v) {
    memset(caller, 0, sizeof *caller);
    memset(v, 0, sizeof *v);
    caller->auth_enabled = f5_auth_enabled(a);
    if (!caller->auth_enabled) {
        caller->scopes = F5_SCOPE_TTS | F5_SCOPE_VOICES | F5_SCOPE_ADMIN;
        return;
    }
    if (need == F5_SCOPE_PUBLIC) return;
    const char *key = NULL;
    if (authorization && *authorization) {
        if (strncasecmp(authorization, "Bearer ", 7) != 0) {
            deny(v, 401, "unauthorized", "Authorization header: expected 'Bearer KEY'");
            return;
        }
        key = authorization + 7;
        while (*key == ' ') key++;
    } else if (x_api_key && *x_api_key) key = x_api_key;
    if (!key || !*key) {
        deny(v, 401, "unauthorized",
             "an API key is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY' (create one with f5tts keys add)");
        return;
    }
    f5_key_rec rec;
    if (strlen(key) > 256 || !f5_keystore_lookup(a->ks, key, &rec)) {
        deny(v, 401, "unauthorized", "the API key is not valid (unknown or revoked)");
        return;
    }
    caller->authenticated = true;
    snprintf(caller->key_id, sizeof caller->key_id, "%s", rec.name);
    caller->scopes = rec.scopes;
    caller->max_concurrent = rec.max_concurrent;
    caller->quota_seconds_per_day = rec.quota_seconds_per_day;
    if (need != F5_SCOPE_ANY && !(rec.scopes & (need | F5_SCOPE_ADMIN))) {
        char sc[64], msg[200];
        f5_scope_format(need, sc, sizeof sc);
        snprintf(msg, sizeof msg, "key '%s' lacks the '%s' scope this route needs", rec.name, sc);
        deny(v, 403, "forbidden", msg);
        return;
    }
    char id[96];
    snprintf(id, sizeof id, "key:%s", rec.name);
    int ra = 0;
    if (!f5_ratelimit_take(a->rl, id, rec.rate_per_min, now_s, &ra)) {
        char msg[200];
        snprintf(msg, sizeof msg, "key '%s' exceeded its rate of %g requests/min; retry in %d s", rec.name,
                 rec.rate_per_min, ra);
        deny(v, 429, "rate_limited", msg);
        v->retry_after_s = ra;
    }
}

void f5_auth_check_ip(f5_auth *a, const char *ip, double rate_per_min, double now_s, f5_auth_verdict *v) {
    memset(v, 0, sizeof *v);
    if (!(rate_per_min > 0) || !ip || !*ip) return;
    char id[96];
    snprintf(id, sizeof id, "ip:%.80s", ip);
    int ra = 0;
    if (!f5_ratelimit_take(a->rl, id, rate_per_min, now_s, &ra)) {
        char msg[200];
        snprintf(msg, sizeof msg, "client %.64s exceeded %g requests/min without a key; retry in %d s", ip, rate_per_min,
                 ra);
        deny(v, 429, "rate_limited", msg);
        v->retry_after_s = ra;
    }
}

bool f5_auth_caller_may_see(const f5_auth_caller *caller, const char *owner) {
    if (!caller->auth_enabled || (caller->scopes & F5_SCOPE_ADMIN)) return true;
    return caller->authenticated && owner && strcmp(owner, caller->key_id) == 0;
}
