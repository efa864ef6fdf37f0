/* test_usage.c - the local usage counters behind the daily audio-seconds
 * quota (auth/usage.h): per key and UTC day, saved to their file and read
 * back by a new instance, a new day starting from zero, a malformed file
 * refused with its name; and the UTC day / seconds-to-midnight helpers. */
#include "service/auth/usage.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_day_helpers(void) {
    CHECK(f5_usage_day(0) == 0 && f5_usage_day(86399.9) == 0 && f5_usage_day(86400) == 1);
    CHECK(f5_usage_day(1765000000) == 20428);
    CHECK(f5_usage_seconds_to_midnight(86400 * 3 + 100) == 86300);
    CHECK(f5_usage_seconds_to_midnight(86400 * 3 + 86399.5) == 1);
}

static void test_local_counters(void) {
    char dir[] = "/tmp/f5_usage_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/sub/usage.json", dir);
    f5_usage *u;
    f5_error err = {0};
    CHECKF(f5_usage_open_file(path, &u, &err) == F5_OK, "%s", err.message);
    double s = -1;
    CHECK(f5_usage_get(u, "alice", 100, &s, &err) == F5_OK && s == 0);
    CHECK(f5_usage_add(u, "alice", 100, 2.5, &err) == F5_OK);
    CHECK(f5_usage_add(u, "alice", 100, 1.25, &err) == F5_OK);
    CHECK(f5_usage_add(u, "", 100, 4, &err) == F5_OK);
    CHECK(f5_usage_add(u, "bob", 100, -3, &err) == F5_OK); /* nothing charged */
    CHECK(f5_usage_get(u, "alice", 100, &s, &err) == F5_OK && s == 3.75);
    CHECK(f5_usage_get(u, "", 100, &s, &err) == F5_OK && s == 4);
    CHECK(f5_usage_get(u, "bob", 100, &s, &err) == F5_OK && s == 0);
    CHECK(f5_usage_get(u, "alice", 99, &s, &err) == F5_OK && s == 0); /* another day */
    f5_usage_close(u);
    /* a restart reads the day's totals back */
    CHECKF(f5_usage_open_file(path, &u, &err) == F5_OK, "%s", err.message);
    CHECK(f5_usage_get(u, "alice", 100, &s, &err) == F5_OK && s == 3.75);
    /* a charge on a new day starts from zero for everyone */
    CHECK(f5_usage_add(u, "bob", 101, 1, &err) == F5_OK);
    CHECK(f5_usage_get(u, "alice", 101, &s, &err) == F5_OK && s == 0);
    CHECK(f5_usage_get(u, "bob", 101, &s, &err) == F5_OK && s == 1);
    /* two processes sharing the file (api + worker): one charges, the other sees it */
    f5_usage *v;
    CHECKF(f5_usage_open_file(path, &v, &err) == F5_OK, "%s", err.message);
    CHECK(f5_usage_add(u, "carol", 101, 5, &err) == F5_OK);
    CHECK(f5_usage_get(v, "carol", 101, &s, &err) == F5_OK && s == 5);
    CHECK(f5_usage_add(v, "carol", 101, 1, &err) == F5_OK);
    CHECK(f5_usage_get(u, "carol", 101, &s, &err) == F5_OK && s == 6);
    f5_usage_close(v);
    f5_usage_close(u);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    fputs("{\"day\": \"x\"", f);
    fclose(f);
    CHECK(f5_usage_open_file(path, &u, &err) == F5_ERR_FORMAT && strstr(err.message, path));
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

TEST_MAIN(TEST(test_day_helpers), TEST(test_local_counters))
