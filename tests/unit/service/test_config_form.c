/* test_config_form.c - service configuration precedence (flags > env >
 * defaults) and validation; the POST /tts form's field validation. */
#include "service/config.h"
#include "service/http/tts_form.h"
#include "test.h"

#include <stdlib.h>

static void test_config_precedence(void) {
    f5_svc_config c;
    f5_error err = {0};
    bool help;
    setenv("F5_LISTEN", "0.0.0.0:9000", 1);
    setenv("F5_MAX_QUEUE", "7", 1);
    setenv("MODEL_NAME", "from-model-name", 1);
    setenv("CKPT_PATH", "/ckpt/from-env", 1);
    f5_svc_config_defaults(&c);
    CHECK(c.concurrency == 1 && c.max_queue == 32);
    CHECK(c.max_batch == 1 && c.batch_frames == 0); /* batching off by default */
    CHECK(f5_svc_config_env(&c, &err) == F5_OK);
    CHECK_STREQ(c.model, "/ckpt/from-env"); /* CKPT_PATH outranks MODEL_NAME */
    char *argv[] = {"serve", "--max-queue", "3", "--listen=127.0.0.1:0", "--no-warmup", "--role", "api", NULL};
    CHECK(f5_svc_config_args(&c, 7, argv, &help, &err) == F5_OK && !help);
    CHECK(f5_svc_config_finish(&c, &err) == F5_OK);
    CHECK(c.max_queue == 3);             /* flag beats env */
    CHECK(c.port == 0 && !strcmp(c.host, "127.0.0.1"));
    CHECK(!c.warmup && c.role == F5_SVC_ROLE_API);
    CHECK(!strncmp(c.queue, "sqlite:./data/", 14) && !strncmp(c.storage, "fs:./data/", 10));
    CHECK(c.otlp_endpoint[0] == 0); /* tracing is off by default */
    setenv("F5_OTLP_ENDPOINT", "http://127.0.0.1:4318", 1);
    CHECK(f5_svc_config_env(&c, &err) == F5_OK && f5_svc_config_finish(&c, &err) == F5_OK);
    CHECK_STREQ(c.otlp_endpoint, "http://127.0.0.1:4318");
    unsetenv("F5_OTLP_ENDPOINT");
    unsetenv("F5_LISTEN");
    unsetenv("F5_MAX_QUEUE");
    unsetenv("MODEL_NAME");
    unsetenv("CKPT_PATH");
}

static void test_config_errors(void) {
    struct { char *argv[4]; int argc; const char *needle; } cases[] = {
        {{"serve", "--bogus", "1"}, 3, "--bogus"},
        {{"serve", "--concurrency", "x"}, 3, "--concurrency"},
        {{"serve", "--concurrency", "0"}, 3, "--concurrency"},
        {{"serve", "--listen", "nohost"}, 3, "--listen"},
        {{"serve", "--role", "boss"}, 3, "--role"},
        {{"serve", "--queue", "mq://h"}, 3, "--queue"},
        {{"serve", "--max-queue"}, 2, "missing value"},
        {{"serve", "--max-batch", "0"}, 3, "--max-batch"},
        {{"serve", "--max-batch", "1000"}, 3, "--max-batch"},
        {{"serve", "--batch-frames", "-1"}, 3, "--batch-frames"},
        {{"serve", "--otlp-endpoint", "collector:4318"}, 3, "--otlp-endpoint"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        f5_svc_config c;
        f5_error err = {0};
        bool help;
        f5_svc_config_defaults(&c);
        f5_status st = f5_svc_config_args(&c, cases[i].argc, cases[i].argv, &help, &err);
        if (!st) st = f5_svc_config_finish(&c, &err);
        CHECKF(st != F5_OK && strstr(err.message, cases[i].needle), "case %zu: '%s'", i, err.message);
    }
    setenv("F5_CONCURRENCY", "many", 1);
    f5_svc_config c;
    f5_error err = {0};
    f5_svc_config_defaults(&c);
    CHECK(f5_svc_config_env(&c, &err) != F5_OK && strstr(err.message, "F5_CONCURRENCY"));
    unsetenv("F5_CONCURRENCY");
}

static void test_config_json_redacts(void) {
    f5_svc_config c;
    f5_svc_config_defaults(&c);
    snprintf(c.queue, sizeof c.queue, "redis://user:secret@host:6379/0");
    json_t *j = f5_svc_config_json(&c);
    char *s = json_dumps(j, 0);
    CHECK(s && !strstr(s, "secret") && strstr(s, "user:***@host"));
    free(s);
    json_decref(j);
}

/* Feed fields to a form and validate; returns the error code ("" if ok). */
static const char *run_form(f5_tts_form *f, const char *const *kv, f5_tts_request *rq) {
    for (int i = 0; kv[i]; i += 2) {
        f5_mp_part p = {.name = kv[i], .filename = strcmp(kv[i], "voice") ? NULL : "v.wav"};
        f5_error e = {0};
        if (f5_tts_form_callbacks.part_begin(f, &p, &e)) break;
        if (f5_tts_form_callbacks.part_data(f, kv[i + 1], strlen(kv[i + 1]), &e)) break;
        if (f5_tts_form_callbacks.part_end(f, &e)) break;
    }
    if (f5_tts_form_finish(f, false, rq)) return "";
    return f5_tts_form_error(f)->code;
}

static void test_form(void) {
    f5_svc_config cfg;
    f5_svc_config_defaults(&cfg);
    cfg.max_text_chars = 10;
    struct { const char *kv[20]; const char *code; int status; const char *field; } cases[] = {
        {{"text", "hi", "voice", "RIFF", "ref_text", "r", NULL}, "", 0, ""},
        {{"text", "hi", "voice", "RIFF", "ref_text", "r", "speed", "9", NULL}, "invalid_field", 400, "speed"},
        {{"text", "hi", "voice", "RIFF", "ref_text", "r", "nfe_step", "3.5", NULL}, "invalid_field", 400, "nfe_step"},
        {{"text", "hi", "voice", "RIFF", "ref_text", "r", "seed", "1x", NULL}, "invalid_field", 400, "seed"},
        {{"text", "hi", "voice", "RIFF", "ref_text", "r", "wat", "1", NULL}, "unknown_field", 400, "wat"},
        {{"text", "hi", "text", "again", NULL}, "duplicate_field", 400, "text"},
        {{"text", "ááááááááááá", "voice", "RIFF", "ref_text", "r", NULL}, "text_too_long", 413, "text"},
        {{"text", "\xff\xfe", "voice", "RIFF", "ref_text", "r", NULL}, "invalid_text", 400, "text"},
        {{"text", "  ", "voice", "RIFF", "ref_text", "r", NULL}, "missing_field", 400, "text"},
        {{"text", "hi", "voice", "", "ref_text", "r", NULL}, "invalid_audio", 422, "voice"},
        {{"text", "hi", "voice_id", "bob", NULL}, "", 0, ""}, /* resolved (or 404) by the route */
        {{"text", "hi", "voice_id", "bob", "voice", "RIFF", NULL}, "invalid_field", 400, "voice_id"},
        {{"text", "hi", "voice_id", " ", NULL}, "invalid_field", 400, "voice_id"},
        {{"text", "hi", "ref_text", "r", NULL}, "missing_field", 400, "voice"},
        {{"text", "hi", "voice", "RIFF", NULL}, "", 0, ""}, /* no ref_text: transcribed or 422 by the route */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        f5_tts_form *f = f5_tts_form_new(&cfg, NULL, "refs/x");
        f5_tts_request rq;
        const char *code = run_form(f, cases[i].kv, &rq);
        CHECKF(!strcmp(code, cases[i].code), "case %zu: got '%s', want '%s'", i, code, cases[i].code);
        if (cases[i].status) {
            CHECKF(f5_tts_form_error(f)->status == cases[i].status, "case %zu: status %d", i, f5_tts_form_error(f)->status);
            CHECK_STREQ(f5_tts_form_error(f)->field, cases[i].field);
        }
        f5_tts_form_free(f);
    }
    /* accepted values are typed */
    f5_tts_form *f = f5_tts_form_new(&cfg, NULL, "refs/x");
    const char *kv[] = {"text", "xin chào", "voice", "RIFF", "ref_text", "r", "speed", "1.5", "nfe_step", "16",
                        "cfg_strength", "2.5", "seed", "18446744073709551615", "remove_silence", "on",
                        "format", "mp3", "mode", "async", NULL};
    f5_tts_request rq;
    CHECK_STREQ(run_form(f, kv, &rq), "");
    CHECK(rq.params.speed == 1.5f && rq.params.nfe_step == 16 && rq.params.cfg_strength == 2.5f);
    CHECK(rq.seed_given && rq.params.seed == 18446744073709551615ULL && rq.params.remove_silence);
    CHECK(rq.params.format == F5_FMT_MP3 && rq.async);
    CHECK_STREQ(rq.text, "xin chào");
    CHECK(!rq.voice_id && !rq.ref_text_missing);
    f5_tts_form_free(f);
    /* a saved voice by id or name; ref_text then comes from the voice */
    f = f5_tts_form_new(&cfg, NULL, "refs/x");
    const char *kv2[] = {"text", "hi", "voice_id", "Bà Tư", NULL};
    CHECK_STREQ(run_form(f, kv2, &rq), "");
    CHECK_STREQ(rq.voice_id, "Bà Tư");
    CHECK(rq.ref_text_missing && rq.ref_key[0] == 0);
    f5_tts_form_free(f);
}

TEST_MAIN(TEST(test_config_precedence), TEST(test_config_errors), TEST(test_config_json_redacts), TEST(test_form))
