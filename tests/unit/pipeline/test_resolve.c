/* test_resolve.c - model argument resolution: directories, files, known
 * names and repo ids in a Hugging Face cache laid out as the Python tools
 * write it (built in a temp dir; HF_CACHE_DIR points at it). */
#include "pipeline/resolve.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[512];

static void touch(const char *rel, const char *content) {
    char p[1024], d[1024];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    snprintf(d, sizeof d, "%s", p);
    for (char *s = d + strlen(root) + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            mkdir(d, 0755);
            *s = '/';
        }
    FILE *f = fopen(p, "wb");
    if (f) {
        fputs(content, f);
        fclose(f);
    }
}

static void setup(void) {
    if (root[0]) return;
    snprintf(root, sizeof root, "/tmp/f5_resolve_XXXXXX");
    if (!mkdtemp(root)) abort();
    unsetenv("HF_HUB_CACHE");
    setenv("HF_CACHE_DIR", root, 1);
}

static void test_known_name_in_cache(void) {
    setup();
    f5_resolved_model r;
    f5_error err = {0};
    /* absent: a clear NOT_FOUND naming the pull command */
    CHECK(f5_resolve_model("F5TTS_v1_Base", &r, &err) == F5_ERR_NOT_FOUND);
    CHECKF(strstr(err.message, "models pull F5TTS_v1_Base") != NULL, "%s", err.message);
    touch("models--SWivid--F5-TTS/refs/main", "0123abcd\n");
    touch("models--SWivid--F5-TTS/snapshots/0123abcd/F5TTS_v1_Base/model_1250000.safetensors", "x");
    touch("models--SWivid--F5-TTS/snapshots/0123abcd/F5TTS_v1_Base/vocab.txt", " \na\n");
    touch("models--SWivid--F5-TTS/snapshots/older/F5TTS_v1_Base/model_1250000.safetensors", "x");
    CHECK(f5_resolve_model("F5TTS_v1_Base", &r, &err) == F5_OK);
    CHECKF(strstr(r.checkpoint, "snapshots/0123abcd/F5TTS_v1_Base/model_1250000.safetensors") != NULL, "%s",
           r.checkpoint);
    CHECK(strstr(r.vocab, "0123abcd/F5TTS_v1_Base/vocab.txt") != NULL);
    CHECK(r.known && !strcmp(r.known->repo, "SWivid/F5-TTS"));
}

static void test_repo_id_and_text_vocab(void) {
    setup();
    /* hynt-style repo: model_last.pt + a plain-text vocab called config.json */
    touch("models--someone--vi-model/refs/main", "rev1");
    touch("models--someone--vi-model/snapshots/rev1/model_last.pt", "PK");
    touch("models--someone--vi-model/snapshots/rev1/config.json", " \na\nb\n");
    f5_resolved_model r;
    f5_error err = {0};
    CHECK(f5_resolve_model("someone/vi-model", &r, &err) == F5_OK);
    CHECK(strstr(r.checkpoint, "rev1/model_last.pt") != NULL);
    CHECKF(strstr(r.vocab, "rev1/config.json") != NULL, "vocab '%s'", r.vocab);
    /* a JSON config.json is not a vocab */
    touch("models--someone--json-model/refs/main", "r");
    touch("models--someone--json-model/snapshots/r/model.safetensors", "x");
    touch("models--someone--json-model/snapshots/r/config.json", "{\"a\": 1}");
    CHECK(f5_resolve_model("someone/json-model", &r, &err) == F5_OK);
    CHECK(r.vocab[0] == 0);
}

static void test_dir_and_file(void) {
    setup();
    touch("dir/model_1200000.safetensors", "x");
    touch("dir/model_1250000.safetensors", "x");
    touch("dir/model_last.pt", "x");
    touch("dir/vocab.txt", " \n");
    touch("dir/F5TTS_v1_Base.yaml", "model: {}\n");
    char d[1024], f[1024];
    snprintf(d, sizeof d, "%s/dir", root);
    f5_resolved_model r;
    f5_error err = {0};
    CHECK(f5_resolve_model(d, &r, &err) == F5_OK);
    CHECKF(strstr(r.checkpoint, "model_1250000.safetensors") != NULL, "%s", r.checkpoint);
    CHECK(strstr(r.config, "F5TTS_v1_Base.yaml") != NULL);
    snprintf(f, sizeof f, "%s/dir/model_last.pt", root);
    CHECK(f5_resolve_model(f, &r, &err) == F5_OK);
    CHECK(!strcmp(r.checkpoint, f));
    CHECK(strstr(r.vocab, "dir/vocab.txt") != NULL);
    /* an empty directory has no checkpoint */
    touch("empty/readme", "");
    snprintf(d, sizeof d, "%s/empty", root);
    CHECK(f5_resolve_model(d, &r, &err) == F5_ERR_NOT_FOUND);
    CHECKF(strstr(err.message, "no checkpoint") != NULL, "%s", err.message);
}

static void test_unknown(void) {
    setup();
    f5_resolved_model r;
    f5_error err = {0};
    CHECK(f5_resolve_model("no-such-model", &r, &err) == F5_ERR_NOT_FOUND);
    CHECKF(strstr(err.message, "unknown model 'no-such-model'") != NULL, "%s", err.message);
    CHECK(strstr(err.message, "F5TTS_v1_Base") != NULL); /* lists the known names */
    CHECK(f5_resolve_model("", &r, &err) == F5_ERR_INVALID_ARG);
    f5_resolved_vocoder v;
    CHECK(f5_resolve_vocoder("nope/nope", &v, &err) == F5_ERR_NOT_FOUND);
}

static void test_vocoder(void) {
    setup();
    touch("models--charactr--vocos-mel-24khz/refs/main", "v1");
    touch("models--charactr--vocos-mel-24khz/snapshots/v1/config.yaml", "x");
    touch("models--charactr--vocos-mel-24khz/snapshots/v1/pytorch_model.bin", "PK");
    f5_resolved_vocoder v;
    f5_error err = {0};
    CHECK(f5_resolve_vocoder(NULL, &v, &err) == F5_OK);
    CHECK(strstr(v.weights, "v1/pytorch_model.bin") != NULL);
    CHECK(strstr(v.config, "v1/config.yaml") != NULL);
    CHECK(f5_known_model_find("charactr/vocos-mel-24khz") != NULL);
    /* the HF_HOME fallback */
    unsetenv("HF_CACHE_DIR");
    setenv("HF_HOME", "/x/hf", 1);
    char b[256];
    CHECK(!strcmp(f5_hf_cache_dir(b, sizeof b), "/x/hf/hub"));
    setenv("HF_CACHE_DIR", root, 1);
}

TEST_MAIN(TEST(test_known_name_in_cache), TEST(test_repo_id_and_text_vocab), TEST(test_dir_and_file), TEST(test_unknown),
          TEST(test_vocoder))
