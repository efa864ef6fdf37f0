/* test_chunk_plan.c - chunk_text edge cases (byte budget, full-width
 * punctuation, over-long pieces, empty input) and the planner (max_chars,
 * 0.3 speed for short chunks, fix_duration, resampled length, cross-fade
 * length, errors).
 */
#include "test.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static void test_chunks(void) {
    char **c = NULL;
    int n = 0;
    f5_error err = {0};
    CHECK(f5_chunk_text("", 10, &c, &n, &err) == F5_OK);
    CHECK(n == 0);
    f5_strv_free(c, n);
    /* UTF-8 bytes count: "Ừ." is 4 bytes, "à." 3 bytes */
    CHECK(f5_chunk_text("Ừ. à. b.", 8, &c, &n, &err) == F5_OK);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STREQ(c[0], "Ừ. à.");
        CHECK_STREQ(c[1], "b.");
    }
    f5_strv_free(c, n);
    /* a piece longer than the budget is kept whole */
    CHECK(f5_chunk_text("một hai ba bốn năm sáu", 5, &c, &n, &err) == F5_OK);
    CHECK(n == 1 && strcmp(c[0], "một hai ba bốn năm sáu") == 0);
    f5_strv_free(c, n);
    /* no split at a dot without whitespace after it (numbers, abbreviations) */
    CHECK(f5_chunk_text("Giá 3.5 đô.Hết", 3, &c, &n, &err) == F5_OK);
    CHECK(n == 1);
    f5_strv_free(c, n);
    /* full-width punctuation splits without whitespace */
    CHECK(f5_chunk_text("好。好！", 3, &c, &n, &err) == F5_OK);
    CHECK(n == 2);
    f5_strv_free(c, n);
    CHECK(f5_chunk_text("a\xff", 10, &c, &n, &err) == F5_ERR_INVALID_TEXT);
}

static void test_ref_text(void) {
    char *o = NULL;
    f5_error err = {0};
    CHECK(f5_ref_text_normalize("", &o, &err) == F5_OK);
    CHECK_STREQ(o, ". ");
    free(o);
    CHECK(f5_ref_text_join_form("abc.", &o, &err) == F5_OK);
    CHECK_STREQ(o, "abc. ");
    free(o);
    CHECK(f5_ref_text_join_form("Ừ", &o, &err) == F5_OK); /* last char 3 bytes: no space */
    CHECK_STREQ(o, "Ừ");
    free(o);
}

static void test_plan_numbers(void) {
    CHECK(f5_plan_max_chars("0123456789", 5.0, 1.0) == 34); /* 10/5*17 */
    CHECK(f5_plan_max_chars("x", 0.0, 1.0) == 0);
    CHECK(f5_plan_resampled_len(66150, 22050) == 72000);
    CHECK(f5_plan_resampled_len(22051, 22050) == 24002); /* ceil */
    CHECK(f5_plan_resampled_len(100, 24000) == 100);
    CHECK(f5_plan_duration(281, "0123456789", "abc", 1.0, 0) == 281 + (int)(281.0 / 10 * 3 / 0.3));
    CHECK(f5_plan_duration(281, "0123456789", "0123456789", 2.0, 0) == 281 + 140);
    CHECK(f5_plan_duration(281, "x", "y", 1.0, 7.5) == 703);
}

static void test_plan_build(void) {
    f5_text_plan p;
    f5_error err = {0};
    f5_plan_params pp = f5_plan_default_params();
    CHECK(f5_text_plan_build("Xin chào. ", 72000, 24000, "Một. Hai.", &pp, &p, &err) == F5_OK);
    CHECK(p.n_chunks == 1);
    CHECK(p.ref_audio_len == 281 && p.ref_frames == 282);
    if (p.n_chunks == 1) {
        CHECK_STREQ(p.chunks[0].full_text, "Xin chào.  Một. Hai.");
        CHECK(p.chunks[0].vocoder_frames == p.chunks[0].duration - 281);
        CHECK(p.final_samples == 256 * (p.chunks[0].vocoder_frames - 1));
    }
    f5_text_plan_free(&p);
    /* a tiny requested duration is raised by the sampler rule */
    pp.fix_duration = 0.5;
    CHECK(f5_text_plan_build("Xin chào. ", 72000, 24000, "Một.", &pp, &p, &err) == F5_OK);
    CHECK(p.chunks[0].duration == 46);
    CHECK(p.chunks[0].eff_duration == 283 && p.chunks[0].vocoder_frames == 2);
    f5_text_plan_free(&p);
    pp = f5_plan_default_params();
    CHECK(f5_text_plan_build("Xin chào. ", 72000, 24000, "", &pp, &p, &err) == F5_ERR_INVALID_TEXT);
    CHECK(f5_text_plan_build("Xin chào. ", 0, 24000, "a", &pp, &p, &err) == F5_ERR_INVALID_ARG);
    pp.speed = 0;
    CHECK(f5_text_plan_build("Xin chào. ", 100, 24000, "a", &pp, &p, &err) == F5_ERR_INVALID_ARG);
}

TEST_MAIN(TEST(test_chunks), TEST(test_ref_text), TEST(test_plan_numbers), TEST(test_plan_build))
