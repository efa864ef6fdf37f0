/* test_config.c - presets, YAML configs, inference from shapes, the strict
 * check and checkpoint normalisation (golden tiny models when present). */
#include "test.h"

#include "model/model_config.h"
#include "model/weights.h"

static const char *V1_YAML =
    "model:\n  name: F5TTS_v1_Base\n  tokenizer: pinyin\n  backbone: DiT\n  arch:\n    dim: 1024\n    depth: 22\n"
    "    heads: 16\n    ff_mult: 2\n    text_dim: 512\n    text_mask_padding: True\n    qk_norm: null\n"
    "    conv_layers: 4\n    pe_attn_head: null\n    attn_backend: torch\n    attn_mask_enabled: False\n"
    "    checkpoint_activations: False\n  mel_spec:\n    target_sample_rate: 24000\n    n_mel_channels: 100\n"
    "  vocoder:\n    is_local: False\n    local_path: null\n";
static const char *BASE_YAML = "model:\n  backbone: DiT\n  arch:\n    dim: 1024\n    depth: 22\n    heads: 16\n    ff_mult: 2\n"
                               "    text_dim: 512\n    text_mask_padding: False\n    conv_layers: 4\n    pe_attn_head: 1\n";
static const char *OLD_BASE_YAML = "model:\n  backbone: DiT\n  arch:\n    dim: 1024\n    depth: 22\n    heads: 16\n    ff_mult: 2\n"
                                   "    text_dim: 512\n    conv_layers: 4\n";

static void test_presets(void) {
    f5_dit_config c;
    f5_error e = {0};
    CHECK(f5_dit_config_preset("v1_base", 2545, &c, &e) == F5_OK);
    CHECK(c.dim == 1024 && c.depth == 22 && c.heads == 16 && c.text_mask_padding && c.pe_attn_head == 0 && c.dim_head == 64);
    CHECK(f5_dit_config_preset("base", 2545, &c, &e) == F5_OK);
    CHECK(c.dim == 1024 && !c.text_mask_padding && c.pe_attn_head == 1);
    CHECK(f5_dit_config_preset("small", 2545, &c, &e) == F5_OK);
    CHECK(c.dim == 768 && c.depth == 18 && c.heads == 12 && !c.text_mask_padding && c.pe_attn_head == 1);
    CHECK(f5_dit_config_preset("huge", 2545, &c, &e) == F5_ERR_INVALID_ARG && strstr(e.message, "huge"));
    CHECK(f5_dit_config_preset("base", 0, &c, &e) == F5_ERR_INVALID_ARG);
    f5_vocos_config v = f5_vocos_config_default();
    CHECK(v.dim == 512 && v.intermediate_dim == 1536 && v.num_layers == 8 && v.padding_center);
}

static void test_dit_yaml(void) {
    f5_dit_config c;
    f5_error e = {0};
    CHECKF(f5_dit_config_from_yaml_mem(V1_YAML, strlen(V1_YAML), "v1.yaml", 2545, &c, &e) == F5_OK, "%s", e.message);
    CHECK(c.dim == 1024 && c.depth == 22 && c.heads == 16 && c.text_mask_padding && c.pe_attn_head == 0 && c.mel_dim == 100);
    CHECK(f5_dit_config_params(&c) == 337096804);
    CHECKF(f5_dit_config_from_yaml_mem(BASE_YAML, strlen(BASE_YAML), "base.yaml", 2545, &c, &e) == F5_OK, "%s", e.message);
    CHECK(!c.text_mask_padding && c.pe_attn_head == 1);
    CHECKF(f5_dit_config_from_yaml_mem(OLD_BASE_YAML, strlen(OLD_BASE_YAML), "old.yaml", 2545, &c, &e) == F5_OK, "%s", e.message);
    CHECK(!c.text_mask_padding && c.pe_attn_head == 1); /* pre-v1 YAML: v0 behaviour */
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", V1_YAML);
    char *q = strstr(buf, "qk_norm: null");
    memcpy(q, "qk_norm: rms", 12);
    q[12] = ' ';
    CHECK(f5_dit_config_from_yaml_mem(buf, strlen(buf), "qk.yaml", 2545, &c, &e) == F5_ERR_UNSUPPORTED && strstr(e.message, "qk_norm"));
    snprintf(buf, sizeof buf, "%s", V1_YAML);
    q = strstr(buf, "attn_mask_enabled: False");
    memcpy(q, "attn_mask_enabled: True ", 24);
    CHECK(f5_dit_config_from_yaml_mem(buf, strlen(buf), "m.yaml", 2545, &c, &e) == F5_ERR_UNSUPPORTED && strstr(e.message, "attn_mask"));
    const char *bad[] = {"model: [1, 2", "model:\n  arch:\n    dim: -5\n    depth: 2\n    heads: 2\n    text_dim: 8\n",
                         "model:\n  backbone: UNetT\n  arch: {dim: 64}\n", "foo: 1\n", "", "model:\n  arch:\n    dim: abc\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        e.message[0] = 0;
        CHECKF(f5_dit_config_from_yaml_mem(bad[i], strlen(bad[i]), "bad.yaml", 2545, &c, &e) != F5_OK && e.message[0],
               "bad yaml %zu accepted", i);
    }
    CHECK(f5_dit_config_from_yaml("/nonexistent/x.yaml", 2545, &c, &e) == F5_ERR_NOT_FOUND);
}

static void test_vocos_yaml(void) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found");
    char p[4096];
    f5_vocos_config v;
    f5_error e = {0};
    snprintf(p, sizeof p, "%s/vocos_release/config.yaml", g);
    CHECKF(f5_vocos_config_from_yaml(p, &v, &e) == F5_OK, "%s", e.message);
    f5_vocos_config d = f5_vocos_config_default();
    CHECK(v.input_channels == d.input_channels && v.dim == d.dim && v.intermediate_dim == d.intermediate_dim &&
          v.num_layers == d.num_layers && v.n_fft == d.n_fft && v.hop_length == d.hop_length &&
          v.padding_center == d.padding_center && v.layer_scale == d.layer_scale);
    snprintf(p, sizeof p, "%s/vocos_tiny/config.yaml", g);
    CHECKF(f5_vocos_config_from_yaml(p, &v, &e) == F5_OK, "%s", e.message);
    CHECK(v.dim == 64 && v.intermediate_dim == 192 && v.num_layers == 2 && v.padding_center && v.n_fft == 1024 && v.hop_length == 256);
    snprintf(p, sizeof p, "%s/vocos_tiny_same/config.yaml", g);
    CHECKF(f5_vocos_config_from_yaml(p, &v, &e) == F5_OK, "%s", e.message);
    CHECK(v.dim == 64 && !v.padding_center);
    /* the tiny weights check against the tiny config, not against the release one */
    snprintf(p, sizeof p, "%s/vocos_tiny/pytorch_model.bin", g);
    f5_weights *w = NULL;
    CHECKF(f5_weights_open(p, &w, &e) == F5_OK, "%s", e.message);
    if (w) {
        CHECKF(f5_vocos_config_check(&v, w, &e) == F5_OK, "%s", e.message);
        f5_vocos_config inf;
        CHECK(f5_vocos_config_infer(w, &inf, &e) == F5_OK && inf.dim == 64 && inf.intermediate_dim == 192 && inf.num_layers == 2);
        CHECK(f5_vocos_config_check(&d, w, &e) == F5_ERR_SHAPE);
        printf("  release config vs tiny vocos: %s\n", e.message);
        CHECK(strstr(e.message, "got [64, 100, 7], expected [512, 100, 7]") != NULL);
    }
    f5_weights_free(w);
    const char *bad = "backbone:\n  init_args: {dim: 8, intermediate_dim: 16, num_layers: 1}\nhead:\n  init_args: {dim: 9, n_fft: 16, hop_length: 4}\n";
    CHECK(f5_vocos_config_from_yaml_mem(bad, strlen(bad), "b.yaml", &v, &e) == F5_ERR_FORMAT && strstr(e.message, "head.init_args.dim"));
}

static void check_tiny(const char *rel, bool v1) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found");
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", g, rel);
    f5_weights *w = NULL;
    f5_error e = {0};
    CHECKF(f5_weights_open(p, &w, &e) == F5_OK, "%s", e.message);
    if (!w) return;
    CHECK(f5_checkpoint_has_legacy_mel(w) == !v1);
    CHECKF(f5_checkpoint_normalize(w, &e) == F5_OK, "%s", e.message);
    CHECK(f5_weights_find(w, "transformer.proj_out.weight") && !f5_weights_find(w, "step") && !f5_weights_find(w, "initted"));
    f5_dit_config c;
    CHECKF(f5_dit_config_infer(w, &c, &e) == F5_OK, "%s", e.message);
    CHECK(c.dim == 64 && c.depth == 2 && c.heads == 4 && c.ff_mult == 2 && c.text_dim == 32 && c.conv_layers == 2 &&
          c.text_num_embeds == 2545 && c.mel_dim == 100);
    CHECK(f5_dit_config_params(&c) == 372900);
    CHECKF(f5_dit_config_check(&c, w, &e) == F5_OK, "%s", e.message);
    f5_dit_config big;
    CHECK(f5_dit_config_preset("v1_base", 2545, &big, &e) == F5_OK);
    CHECK(f5_dit_config_check(&big, w, &e) != F5_OK);
    printf("  v1_base vs %s: %s\n", rel, e.message);
    CHECK(strstr(e.message, "got [") && strstr(e.message, "expected [") && strstr(e.message, "more problems"));
    f5_dit_config wrong_vocab = c;
    wrong_vocab.text_num_embeds = 100;
    CHECK(f5_dit_config_check(&wrong_vocab, w, &e) == F5_ERR_SHAPE &&
          strstr(e.message, "text_embed.text_embed.weight: got [2546, 32], expected [101, 32]") && !strstr(e.message, "more"));
    c.qk_norm = true;
    CHECK(f5_dit_config_check(&c, w, &e) == F5_ERR_UNSUPPORTED);
    f5_weights_free(w);
}

static void test_tiny_v1_st(void) { check_tiny("dit_v1_tiny/model.safetensors", true); }
static void test_tiny_v1_pt(void) { check_tiny("dit_v1_tiny/model.pt", true); }
static void test_tiny_v0_st(void) { check_tiny("dit_v0_tiny/model.safetensors", false); }
static void test_tiny_v0_pt(void) { check_tiny("dit_v0_tiny/model.pt", false); }

static void test_normalize_variants(void) {
    float x[4] = {0};
    int64_t s1[1] = {4};
    f5_error e = {0};
    /* model_state_dict fallback, EMA preferred when both exist */
    f5_weights *w = f5_weights_new();
    f5_weights_add(w, "model_state_dict.transformer.a", F5_DT_F32, 1, s1, x, &e);
    f5_weights_add(w, "optimizer_state_dict.state.0.exp_avg", F5_DT_F32, 1, s1, x, &e);
    CHECK(f5_checkpoint_normalize(w, &e) == F5_OK && f5_weights_count(w) == 1 && f5_weights_find(w, "transformer.a"));
    f5_weights_free(w);
    w = f5_weights_new();
    f5_weights_add(w, "model_state_dict.transformer.a", F5_DT_F32, 1, s1, x, &e);
    f5_weights_add(w, "ema_model_state_dict.ema_model.transformer.b", F5_DT_F32, 1, s1, x, &e);
    f5_weights_add(w, "ema_model_state_dict.ema_model.mel_spec.mel_stft.mel_scale.fb", F5_DT_F32, 1, s1, x, &e);
    CHECK(f5_checkpoint_normalize(w, &e) == F5_OK && f5_weights_count(w) == 1 && f5_weights_find(w, "transformer.b"));
    f5_weights_free(w);
    w = f5_weights_new();
    f5_weights_add(w, "backbone.embed.weight", F5_DT_F32, 1, s1, x, &e);
    CHECK(f5_checkpoint_normalize(w, &e) == F5_ERR_NOT_FOUND && strstr(e.message, "no DiT weights"));
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_presets), TEST(test_dit_yaml), TEST(test_vocos_yaml), TEST(test_tiny_v1_st), TEST(test_tiny_v1_pt),
          TEST(test_tiny_v0_st), TEST(test_tiny_v0_pt), TEST(test_normalize_variants))
