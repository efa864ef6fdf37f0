/* test_trace_log.c - W3C traceparent parsing (valid, later versions,
 * malformed, all-zero ids, version ff) and log lines: level filtering,
 * JSON vs text format. */
#include "service/obs/log.h"
#include "service/obs/trace.h"
#include "test.h"

static void test_traceparent(void) {
    f5_obs_trace t = {0};
    CHECK(f5_obs_traceparent_parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", &t));
    CHECK_STREQ(t.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
    CHECK_STREQ(t.parent_id, "00f067aa0ba902b7");
    CHECK(t.flags == 1);
    memcpy(t.span_id, "1111222233334444", 17);
    char b[64];
    f5_obs_traceparent_format(&t, b, sizeof b);
    CHECK_STREQ(b, "00-4bf92f3577b34da6a3ce929d0e0e4736-1111222233334444-01");
    CHECK(f5_obs_traceparent_parse(" 01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra", &t)); /* later version */
    CHECK(t.flags == 0);
    const char *bad[] = {
        NULL, "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",     /* no flags */
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",          /* v00 with extra */
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",            /* zero trace */
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",            /* zero span */
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",            /* version ff */
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",            /* upper case */
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) CHECKF(!f5_obs_traceparent_parse(bad[i], &t), "%s", bad[i] ? bad[i] : "NULL");
}

static char got[4][512];
static int n_got;
static void sink(void *user, const char *line) {
    (void)user;
    if (n_got < 4) snprintf(got[n_got], sizeof got[n_got], "%s", line);
    n_got++;
}

static void test_log_levels_and_format(void) {
    f5_obs_log log = {.sink = sink, .min_level = f5_obs_level_parse("warn")};
    CHECK(f5_obs_level_parse("debug") == 0 && f5_obs_level_parse("error") == 3 && f5_obs_level_parse("loud") == -1);
    n_got = 0;
    f5_obs_event(&log, "info", "dropped", json_pack("{s:i}", "n", 1));
    f5_obs_event(&log, "error", "kept", json_pack("{s:s, s:i}", "trace_id", "abc", "n", 2));
    CHECK(n_got == 1);
    CHECK(strstr(got[0], "\"event\":\"kept\"") && strstr(got[0], "\"trace_id\":\"abc\"") && got[0][0] == '{');
    log.text = 1;
    log.min_level = 0;
    f5_obs_event(&log, "debug", "job", json_pack("{s:s, s:i}", "status", "two words", "n", 3));
    CHECK(n_got == 2);
    CHECKF(strstr(got[1], " debug job status=\"two words\" n=3") != NULL, "%s", got[1]);
    CHECK(got[1][0] >= '2' && got[1][0] <= '9'); /* starts with the timestamp */
}

TEST_MAIN(TEST(test_traceparent), TEST(test_log_levels_and_format))
