/* test_loaders.c - torch ZIP checkpoints vs safetensors on the golden tiny
 * models: the .pt / pytorch_model.bin and .safetensors forms must give the
 * same tensors (names after the nesting prefix, dtypes, shapes, bytes). */
#include "test.h"

#include "model/model_config.h"
#include "model/weights.h"

#include <stdint.h>

static void compare(const char *st_rel, const char *pt_rel, const char *pt_prefix) {
    const char *g = t_golden_dir();
    if (!g) TEST_SKIP("golden data not found");
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s/%s", g, st_rel);
    snprintf(b, sizeof b, "%s/%s", g, pt_rel);
    f5_weights *ws = NULL, *wp = NULL;
    f5_error e = {0};
    CHECKF(f5_weights_open(a, &ws, &e) == F5_OK, "%s", e.message);
    CHECKF(f5_weights_open(b, &wp, &e) == F5_OK, "%s", e.message);
    if (!ws || !wp) goto out;
    CHECKF(f5_weights_count(ws) == f5_weights_count(wp), "%zu vs %zu tensors", f5_weights_count(ws), f5_weights_count(wp));
    size_t same = 0;
    for (size_t i = 0; i < f5_weights_count(ws); i++) {
        const f5_tensor *t = f5_weights_at(ws, i);
        char name[512];
        snprintf(name, sizeof name, "%s%s", pt_prefix, t->name);
        const f5_tensor *u = f5_weights_find(wp, name);
        CHECKF(u, "%s missing from %s", name, pt_rel);
        if (!u) continue;
        bool ok = u->dtype == t->dtype && u->ndim == t->ndim && u->nbytes == t->nbytes;
        for (int d = 0; ok && d < t->ndim; d++) ok = u->shape[d] == t->shape[d];
        ok = ok && memcmp(u->data, t->data, t->nbytes) == 0;
        CHECKF(ok, "%s differs between %s and %s", t->name, st_rel, pt_rel);
        same += ok;
    }
    printf("  %s vs %s: %zu of %zu tensors identical\n", st_rel, pt_rel, same, f5_weights_count(ws));
out:
    f5_weights_free(ws);
    f5_weights_free(wp);
}

static void test_dit_v1_tiny(void) { compare("dit_v1_tiny/model.safetensors", "dit_v1_tiny/model.pt", "ema_model_state_dict."); }
static void test_dit_v0_tiny(void) { compare("dit_v0_tiny/model.safetensors", "dit_v0_tiny/model.pt", "ema_model_state_dict."); }
static void test_vocos_tiny(void) { compare("vocos_tiny/model.safetensors", "vocos_tiny/pytorch_model.bin", ""); }
static void test_vocos_tiny_same(void) { compare("vocos_tiny/model.safetensors", "vocos_tiny_same/pytorch_model.bin", ""); }

/* A training checkpoint in the shape of the Vietnamese fine-tunes (model +
 * AdamW state with integer keys + EMA + scheduler), pickled with protocol 5
 * (FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL) by
 * bench/big_checkpoint.py at tiny size. */
static void test_training_checkpoint_proto5(void) {
    const char *src = getenv("F5_SOURCE_DIR");
    char p[4096];
    snprintf(p, sizeof p, "%s/tests/unit/model/data/train_ckpt_proto5.pt", src ? src : ".");
    f5_weights *w = NULL;
    f5_error e = {0};
    CHECKF(f5_weights_open(p, &w, &e) == F5_OK, "%s", e.message);
    if (!w) return;
    const f5_tensor *opt = f5_weights_find(w, "optimizer_state_dict.state.0.exp_avg");
    const f5_tensor *ema = f5_weights_find(w, "ema_model_state_dict.ema_model.transformer.proj_out.weight");
    CHECK(opt && opt->ndim == 2 && opt->shape[0] == 16 && opt->shape[1] == 256);
    CHECK(ema && ema->shape[0] == 100 && ema->shape[1] == 16 && ((const float *)ema->data)[0] == 0.125f &&
          ((const float *)ema->data)[1] == -0.25f && ((uintptr_t)ema->data % 64) == 0);
    CHECK(f5_weights_find(w, "model_state_dict.transformer.proj_out.weight") != NULL);
    size_t n_raw = f5_weights_count(w);
    CHECKF(f5_checkpoint_normalize(w, &e) == F5_OK, "%s", e.message);
    f5_dit_config c;
    CHECKF(f5_dit_config_infer(w, &c, &e) == F5_OK, "%s", e.message);
    CHECK(c.dim == 16 && c.depth == 1 && c.heads == 1 && c.text_dim == 8 && c.conv_layers == 1 && c.text_num_embeds == 4);
    CHECKF(f5_dit_config_check(&c, w, &e) == F5_OK, "%s", e.message);
    printf("  training checkpoint: %zu tensors raw, %zu after normalisation (EMA only)\n", n_raw, f5_weights_count(w));
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_training_checkpoint_proto5), TEST(test_dit_v1_tiny), TEST(test_dit_v0_tiny), TEST(test_vocos_tiny), TEST(test_vocos_tiny_same))
