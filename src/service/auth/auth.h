/* auth.h - the one step in front of the route table: decide whether auth
 * applies (--auth on|off|auto), which scope a route needs, who the caller
 * is (Authorization: Bearer KEY or X-API-Key: KEY, looked up in the
 * keystore) and whether the caller's token bucket allows the request. It
 * knows nothing of HTTP libraries or jobs: the HTTP layer passes header
 * values in and turns the verdict into a response.
 *
 * auto = on when any key exists (checked per request, so adding the first
 * key to a running loopback server turns auth on) or the listener is not
 * loopback; off only for a loopback listener with no keys.
 */
#ifndef F5_AUTH_AUTH_H
#define F5_AUTH_AUTH_H

#include "service/auth/keystore.h"

#include <stdbool.h>

typedef enum f5_auth_mode { F5_AUTH_AUTO = 0, F5_AUTH_ON, F5_AUTH_OFF } f5_auth_mode;

/* Route needs no key / any valid key / one of the F5_SCOPE_* bits. */
#define F5_SCOPE_PUBLIC 0u
#define F5_SCOPE_ANY 0x100u

typedef struct f5_auth f5_auth;

/* The caller of one request, as handlers see it. */
typedef struct f5_auth_caller {
    bool auth_enabled;   /* auth applied to this request */
    bool authenticated;  /* a valid key was presented */
    char key_id[F5_KEY_NAME_MAX + 1]; /* "" when not authenticated */
    unsigned scopes;
    int max_concurrent;
    double quota_seconds_per_day;
} f5_auth_caller;

typedef struct f5_auth_verdict {
    int status;          /* 0 = allowed, else 401 | 403 | 429 */
    const char *code;    /* "unauthorized" | "forbidden" | "rate_limited" */
    char message[256];
    int retry_after_s;   /* for 429 */
} f5_auth_verdict;

f5_status f5_auth_mode_parse(const char *s, f5_auth_mode *out);
/* True for 127.0.0.0/8, ::1 and localhost. */
bool f5_auth_host_is_loopback(const char *host);
/* keys_path: the keys file's path, or a redis:// URL (keystore_redis.h). shared_url: a redis:// URL whose
 * server holds the rate buckets for every node (NULL = buckets in this
 * process). Takes ownership of nothing. */
f5_status f5_auth_create(f5_auth_mode mode, bool loopback, const char *keys_path, const char *shared_url, f5_auth **out,
                         f5_error *err);
void f5_auth_free(f5_auth *a);
/* Whether auth applies right now. */
bool f5_auth_enabled(f5_auth *a);
const char *f5_auth_mode_name(const f5_auth *a);
/* The scope a route (method + pattern from the route table) needs. */
unsigned f5_auth_route_scope(const char *method, const char *pattern);
/* Decide one request. authorization / x_api_key / client_ip may be NULL. */
void f5_auth_check(f5_auth *a, unsigned need, const char *authorization, const char *x_api_key, double now_s,
                   f5_auth_caller *caller, f5_auth_verdict *v);

/* The per-client-IP bucket for requests made without a key (public routes,
 * or every route while auth is off): a 429 verdict when ip's bucket at
 * rate_per_min is empty (rate <= 0 or ip "" always allows). */
void f5_auth_check_ip(f5_auth *a, const char *ip, double rate_per_min, double now_s, f5_auth_verdict *v);

/* Ownership rule for jobs and voices: the caller may see an object owned
 * by `owner` (the creating key's key_id, "" when created without auth) when
 * auth did not apply to this request, the caller has the admin scope, or
 * the caller is the owner. Anything else must answer 404, never 403, so
 * ids leak nothing. */
bool f5_auth_caller_may_see(const f5_auth_caller *caller, const char *owner);

#endif
