/* usage.h - per-key usage counters behind the daily audio-seconds quota:
 * seconds of audio produced per (key, UTC day). A small interface with two
 * backends:
 *   - local (f5_usage_open_file): in memory, saved to a JSON file after
 *     every charge so a restart keeps the day's totals, and re-read when
 *     another process sharing the data directory (api + worker roles on one
 *     machine) has written it (two charging at the same instant can lose one);
 *   - Redis (f5_usage_open_redis): INCRBYFLOAT on <prefix>:usage:<key>:<day>
 *     (expiring after two days), shared by every API and worker node.
 * Thread-safe. Keys are key_ids ("" = callers without auth).
 */
#ifndef F5_AUTH_USAGE_H
#define F5_AUTH_USAGE_H

#include "f5tts.h"

typedef struct f5_usage f5_usage;

/* The UTC day number (days since 1970-01-01) of an epoch time, and the
 * seconds from `now` to the next UTC midnight (>= 1). */
long f5_usage_day(double epoch_s);
int f5_usage_seconds_to_midnight(double epoch_s);

/* path: the JSON file (created on the first charge; a missing file is an
 * empty record; a malformed one fails naming the file). */
f5_status f5_usage_open_file(const char *path, f5_usage **out, f5_error *err);
/* url: redis://[user:pass@]host:port[/db][?prefix=P] (the queue's URL). */
f5_status f5_usage_open_redis(const char *url, f5_usage **out, f5_error *err);
void f5_usage_close(f5_usage *u);

/* Add seconds to key's total of `day`. */
f5_status f5_usage_add(f5_usage *u, const char *key, long day, double seconds, f5_error *err);
/* key's total of `day` (0 when none). */
f5_status f5_usage_get(f5_usage *u, const char *key, long day, double *seconds, f5_error *err);

#endif
