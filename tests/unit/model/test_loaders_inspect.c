/* test_loaders_inspect.c - `f5tts inspect` end to end (F5_BIN from ctest):
 * detected architecture and dims of the golden checkpoints, clear failure on
 * a file that is not a checkpoint. */
#include "test.h"

#include <sys/wait.h>

/* Run a shell command, capture stdout+stderr into out; returns exit code. */
static int run(const char *cmd, char *out, size_t cap) {
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void expect(const char *rel, int want_rc, const char *const *needles) {
    const char *bin = getenv("F5_BIN");
    if (!bin) TEST_SKIP("F5_BIN not set (run through ctest)");
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found");
    char cmd[8192];
    static char out[1 << 16];
    snprintf(cmd, sizeof cmd, "'%s' inspect '%s/%s' 2>&1", bin, g, rel);
    int rc = run(cmd, out, sizeof out);
    CHECKF(rc == want_rc, "%s: exit %d, expected %d; output:\n%s", rel, rc, want_rc, out);
    for (const char *const *n = needles; *n; n++) CHECKF(strstr(out, *n), "%s: \"%s\" not in output:\n%s", rel, *n, out);
}

static void test_dit_v0_pt(void) {
    const char *n[] = {"PyTorch ZIP checkpoint", "ema_model_state_dict.ema_model.transformer.proj_out.weight",
                       "F5-TTS DiT v0", "dim 64, depth 2, heads 4 x 64, ff_mult 2, text_dim 32, conv_layers 2, vocab 2545",
                       "372900 parameters", "check: all 64 DiT tensors", NULL};
    expect("dit_v0_tiny/model.pt", 0, n);
}
static void test_dit_v1_st(void) {
    const char *n[] = {"format: safetensors", "tensors: 66 (F32 64, I64 1, BOOL 1)", "F5-TTS DiT v1", "check: all 64", NULL};
    expect("dit_v1_tiny/model.safetensors", 0, n);
}
static void test_vocos_bin(void) {
    const char *n[] = {"Vocos (mel 100 -> dim 64, intermediate 192, 2 ConvNeXt layers", "check: all 29 Vocos tensors", NULL};
    expect("vocos_tiny/pytorch_model.bin", 0, n);
}
static void test_unknown(void) {
    const char *n[] = {"architecture: unknown", NULL};
    expect("mel/vectors.safetensors", 0, n);
}
static void test_not_weights(void) {
    const char *n[] = {"f5tts inspect:", "safetensors header length", NULL};
    expect("vocab.txt", 1, n);
}

TEST_MAIN(TEST(test_dit_v0_pt), TEST(test_dit_v1_st), TEST(test_vocos_bin), TEST(test_unknown), TEST(test_not_weights))
