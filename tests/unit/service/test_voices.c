/* test_voices.c - the speaker library over a real fs store: enrolment
 * (quality report, normalised transcript, strict refusal, missing
 * transcript without ASR), content-addressed dedup, lookup by id and by
 * name under a visibility rule, rename conflicts, delete with the clip
 * kept while another voice uses it, the transcript cache, and the record's
 * JSON round trip. */
#include "service/store/store.h"
#include "service/voices/enrol.h"
#include "test.h"

#include <unistd.h>

static char dir[64];

/* 16-bit mono WAV of `seconds` of a syllable-like tone at 24 kHz. */
static uint8_t *wav(double seconds, double amp, size_t *len) {
    int sr = 24000;
    size_t n = (size_t)(seconds * sr);
    *len = 44 + 2 * n;
    uint8_t *b = calloc(1, *len);
    memcpy(b, "RIFF", 4);
    uint32_t v = (uint32_t)(36 + 2 * n);
    memcpy(b + 4, &v, 4);
    memcpy(b + 8, "WAVEfmt ", 8);
    v = 16, memcpy(b + 16, &v, 4);
    uint16_t s = 1;
    memcpy(b + 20, &s, 2), memcpy(b + 22, &s, 2);
    v = (uint32_t)sr, memcpy(b + 24, &v, 4);
    v = (uint32_t)sr * 2, memcpy(b + 28, &v, 4);
    s = 2, memcpy(b + 32, &s, 2);
    s = 16, memcpy(b + 34, &s, 2);
    memcpy(b + 36, "data", 4);
    v = (uint32_t)(2 * n), memcpy(b + 40, &v, 4);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / sr, syl = fmod(t, 0.25);
        double x = syl < 0.2 ? amp * sin(M_PI * syl / 0.2) * sin(2 * M_PI * 150 * t) : 0;
        if (x > 1) x = 1;
        if (x < -1) x = -1;
        int16_t q = (int16_t)lrint(x * 32767);
        memcpy(b + 44 + 2 * i, &q, 2);
    }
    return b;
}

static bool only_alice(void *u, const char *owner) {
    (void)u;
    return !strcmp(owner, "alice");
}

static void test_library(void) {
    snprintf(dir, sizeof dir, "/tmp/f5voices-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    char url[128];
    snprintf(url, sizeof url, "fs:%s", dir);
    f5_store *st = NULL;
    f5_error err = {0};
    CHECK(f5_store_open(url, &st, &err) == F5_OK);
    f5_voices *v = f5_voices_new(st);
    size_t len;
    uint8_t *clip = wav(5.0, 0.5, &len);

    f5_voice_enrol_req rq = {.audio = clip, .len = len, .name = "Bà Tư", .ref_text = "Tôi có 2 con mèo.",
                             .owner = "alice"};
    f5_voice_enrol_out a, b;
    CHECKF(f5_voice_enrol(v, &rq, &a, &err) == F5_OK, "%s", err.message);
    CHECK(f5_voice_id_valid(a.rec.id) && !a.deduped);
    CHECK_STREQ(a.rec.ref_text_normalized, "tôi có hai con mèo.");
    CHECK_STREQ(a.rec.format, "wav");
    CHECK_NEAR(a.rec.duration_s, 5.0, 1e-6);
    CHECK(a.quality.n_warnings == 0 && json_is_true(json_object_get(a.rec.quality, "ok")));
    /* same name, same owner: refused; same bytes under another name: one clip */
    f5_voice_enrol_out c;
    CHECK(f5_voice_enrol(v, &rq, &c, &err) == F5_ERR_INVALID_ARG && c.why == F5_ENROL_NAME_TAKEN);
    rq.name = "copy";
    CHECKF(f5_voice_enrol(v, &rq, &b, &err) == F5_OK, "%s", err.message);
    CHECK(b.deduped && !strcmp(a.rec.clip_key, b.rec.clip_key) && strcmp(a.rec.id, b.rec.id));
    /* another owner may reuse a name */
    rq.owner = "bob", rq.name = "Bà Tư";
    f5_voice_enrol_out d;
    CHECKF(f5_voice_enrol(v, &rq, &d, &err) == F5_OK, "%s", err.message);
    char **keys;
    size_t nk;
    CHECK(f5_store_list(st, "voices/clips", &keys, &nk, &err) == F5_OK && nk == 1);
    f5_store_list_free(keys, nk);

    /* lookup: by id, by name, visibility */
    f5_voice_rec r;
    CHECK(f5_voices_find(v, "Bà Tư", only_alice, NULL, &r, &err) == F5_OK && !strcmp(r.id, a.rec.id));
    f5_voice_rec_free(&r);
    CHECK(f5_voices_find(v, d.rec.id, only_alice, NULL, &r, &err) == F5_ERR_NOT_FOUND); /* bob's */
    CHECK(f5_voices_find(v, "nobody", NULL, NULL, &r, &err) == F5_ERR_NOT_FOUND);
    f5_voice_rec *all;
    size_t n;
    CHECK(f5_voices_list(v, only_alice, NULL, &all, &n, &err) == F5_OK && n == 2);
    if (n == 2) CHECK(!strcmp(all[0].id, a.rec.id) && !strcmp(all[1].id, b.rec.id)); /* oldest first */
    f5_voices_list_free(all, n);

    /* rename onto a taken name: refused; to a free one: found by it */
    CHECK(f5_voices_get(v, b.rec.id, &r, &err) == F5_OK);
    snprintf(r.name, sizeof r.name, "Bà Tư");
    CHECK(f5_voices_update(v, &r, "copy", &err) == F5_ERR_INVALID_ARG);
    snprintf(r.name, sizeof r.name, "renamed");
    CHECK(f5_voices_update(v, &r, "copy", &err) == F5_OK);
    f5_voice_rec_free(&r);
    CHECK(f5_voices_find(v, "renamed", NULL, NULL, &r, &err) == F5_OK && !strcmp(r.id, b.rec.id));
    f5_voice_rec_free(&r);

    /* delete: the clip stays while others use it */
    bool gone;
    CHECK(f5_voices_delete(v, a.rec.id, &gone, &err) == F5_OK && !gone);
    CHECK(f5_voices_delete(v, b.rec.id, &gone, &err) == F5_OK && !gone);
    CHECK(f5_voices_delete(v, d.rec.id, &gone, &err) == F5_OK && gone);
    CHECK(f5_voices_delete(v, d.rec.id, &gone, &err) == F5_ERR_NOT_FOUND);
    CHECK(f5_store_list(st, "voices/clips", &keys, &nk, &err) == F5_OK && nk == 0);
    f5_store_list_free(keys, nk);

    /* missing transcript and no ASR: a clear refusal naming --asr-url */
    rq.ref_text = "  ";
    rq.name = "x";
    CHECK(f5_voice_enrol(v, &rq, &c, &err) == F5_ERR_NOT_FOUND && c.why == F5_ENROL_NEED_TEXT);
    CHECK(strstr(err.message, "--asr-url") != NULL);
    /* ... but a cached transcript of these bytes is used */
    char sha[65];
    CHECK(f5_voices_sha256_hex(clip, len, sha));
    CHECK(f5_voices_transcript_put(v, sha, "xin chào", &err) == F5_OK);
    CHECKF(f5_voice_enrol(v, &rq, &c, &err) == F5_OK, "%s", err.message);
    CHECK(c.transcript_cached && c.rec.ref_text_from_asr && !strcmp(c.rec.ref_text, "xin chào"));

    /* strict: a clipped clip is refused with the report */
    size_t l2;
    uint8_t *hot = wav(5.0, 4.0, &l2);
    f5_voice_enrol_req srq = {.audio = hot, .len = l2, .name = "hot", .ref_text = "a b c", .strict = true};
    f5_voice_enrol_out s;
    CHECK(f5_voice_enrol(v, &srq, &s, &err) == F5_ERR_INVALID_AUDIO && s.why == F5_ENROL_QUALITY);
    CHECK(strstr(err.message, "clipping") != NULL);
    srq.strict = false; /* warned, kept */
    CHECK(f5_voice_enrol(v, &srq, &s, &err) == F5_OK && s.quality.n_warnings >= 1);
    CHECK(!json_is_true(json_object_get(s.rec.quality, "ok")));

    /* JSON round trip */
    json_t *j = f5_voice_rec_to_json(&s.rec);
    char msg[128];
    CHECK(f5_voice_rec_from_json(j, &r, msg, sizeof msg));
    CHECK(!strcmp(r.id, s.rec.id) && !strcmp(r.ref_text, s.rec.ref_text) && r.clip_bytes == s.rec.clip_bytes);
    CHECK(json_equal(r.quality, s.rec.quality));
    f5_voice_rec_free(&r);
    json_decref(j);
    json_t *notobj = json_string("x");
    CHECK(!f5_voice_rec_from_json(notobj, &r, msg, sizeof msg));
    json_decref(notobj);
    CHECK(f5_voice_name_problem("") && f5_voice_name_problem("v_0123456789abcdef01234567") &&
          f5_voice_name_problem("a\tb") && !f5_voice_name_problem("Giọng Nam"));

    f5_voice_rec_free(&a.rec);
    f5_voice_rec_free(&b.rec);
    f5_voice_rec_free(&c.rec);
    f5_voice_rec_free(&d.rec);
    f5_voice_rec_free(&s.rec);
    free(clip);
    free(hot);
    f5_voices_free(v);
    f5_store_close(st);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

TEST_MAIN(TEST(test_library))
