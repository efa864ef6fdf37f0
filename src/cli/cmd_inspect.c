/* cmd_inspect.c - `f5tts inspect FILE`: every tensor of a weight file
 * (.safetensors, .pt, .bin) with dtype and shape, totals, and the detected
 * architecture (F5-TTS DiT with its dims, Vocos with its dims, or unknown),
 * checked tensor by tensor against that architecture. */
#include "cli/commands.h"
#include "core/clock.h"
#include "model/model_config.h"
#include "model/weights.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f) {
    fprintf(f, "usage: f5tts inspect FILE [--quiet] [--load]\n"
               "  Lists every tensor (name, dtype, shape) of a .safetensors / .pt / pytorch_model.bin file,\n"
               "  the totals and the detected architecture. --quiet: totals and architecture only.\n"
               "  --load: also read the model tensors as the engine does (float32 views) and time it.\n");
}


/* Read every float tensor left in w (after normalisation: the model's own
 * tensors only) through f5_weights_get_f32, touching every element. */
static void load_all(f5_weights *w, double t0) {
    double sum = 0;
    int64_t n = 0;
    f5_error e = {0};
    for (size_t i = 0; i < f5_weights_count(w); i++) {
        const f5_tensor *t = f5_weights_at(w, i);
        if (t->dtype != F5_DT_F32 && t->dtype != F5_DT_F16 && t->dtype != F5_DT_BF16 && t->dtype != F5_DT_F64) continue;
        const float *x;
        if (f5_weights_get_f32(w, t->name, -1, NULL, &x, &e)) {
            printf("  load: FAILED: %s\n", e.message);
            return;
        }
        int64_t m = f5_weights_at(w, i)->numel;
        for (int64_t k = 0; k < m; k++) sum += x[k];
        n += m;
    }
    printf("  load: %" PRId64 " float values read in %.3f s since open (sum %.6g)\n", n, f5_now_s() - t0, sum);
}

static void print_dit(f5_weights *w, bool legacy, bool load, double t0) {
    const f5_tensor *step = f5_weights_find(w, "step");
    if (!step) step = f5_weights_find(w, "ema_model_state_dict.step");
    int64_t step_v = -1;
    /* tensor data points into the file: not necessarily 8-byte aligned */
    if (step && step->dtype == F5_DT_I64 && step->numel == 1) memcpy(&step_v, step->data, sizeof step_v);
    f5_error e = {0};
    if (f5_checkpoint_normalize(w, &e)) {
        printf("architecture: unknown (%s)\n", e.message);
        return;
    }
    f5_dit_config c;
    if (f5_dit_config_infer(w, &c, &e)) {
        printf("architecture: F5-TTS DiT, but its dimensions cannot be read: %s\n", e.message);
        return;
    }
    const char *ver = legacy ? "v0 (F5TTS_Base layout: legacy mel_spec buffers present)"
                      : step_v == 1250000 ? "v1 (step 1250000 = F5TTS_v1_Base)"
                                          : "v1 or v0 (text_mask_padding / pe_attn_head are not stored in the weights: "
                                            "give a config or preset)";
    printf("architecture: F5-TTS DiT %s\n", ver);
    printf("  dim %d, depth %d, heads %d x %d, ff_mult %d, text_dim %d, conv_layers %d, vocab %d, mel_dim %d; %" PRId64
           " parameters\n",
           c.dim, c.depth, c.heads, c.dim_head, c.ff_mult, c.text_dim, c.conv_layers, c.text_num_embeds, c.mel_dim,
           f5_dit_config_params(&c));
    if (step_v >= 0) printf("  training step %" PRId64 "\n", step_v);
    if (f5_dit_config_check(&c, w, &e))
        printf("  check: FAILED: %s\n", e.message);
    else
        printf("  check: all %zu DiT tensors present with the expected shapes\n", f5_weights_count(w));
    if (load) load_all(w, t0);
}

static bool print_vocos(f5_weights *w, bool load, double t0) {
    f5_vocos_config v;
    f5_error e = {0};
    if (f5_vocos_config_infer(w, &v, &e)) return false;
    printf("architecture: Vocos (mel %d -> dim %d, intermediate %d, %d ConvNeXt layers%s, ISTFT n_fft %d)\n", v.input_channels, v.dim,
           v.intermediate_dim, v.num_layers, v.layer_scale ? " with layer scale" : "", v.n_fft);
    if (f5_vocos_config_check(&v, w, &e))
        printf("  check: FAILED: %s\n", e.message);
    else
        printf("  check: all %zu Vocos tensors present with the expected shapes\n", f5_weights_count(w));
    if (load) load_all(w, t0);
    return true;
}

int cmd_inspect(int argc, char **argv) {
    const char *path = NULL;
    bool quiet = false, load = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            quiet = true;
        } else if (!strcmp(argv[i], "--load")) {
            load = true;
        } else if (argv[i][0] == '-' || path) {
            usage(stderr);
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        usage(stderr);
        return 2;
    }
    f5_weights *w = NULL;
    f5_error e = {0};
    double t0 = f5_now_s();
    if (f5_weights_open(path, &w, &e)) {
        fprintf(stderr, "f5tts inspect: %s\n", e.message);
        return 1;
    }
    FILE *f = fopen(path, "rb");
    char magic[4] = {0};
    if (f) {
        if (fread(magic, 1, 4, f) != 4) magic[0] = 0;
        fclose(f);
    }
    double t_open = f5_now_s() - t0;
    printf("file: %s\nformat: %s (opened and indexed in %.3f s)\n", path,  !memcmp(magic, "PK\x03\x04", 4) ? "PyTorch ZIP checkpoint" : "safetensors", t_open);
    size_t n = f5_weights_count(w), by_dt[F5_DT_COUNT] = {0};
    int64_t elems = 0;
    uint64_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        const f5_tensor *t = f5_weights_at(w, i);
        char sh[200];
        if (!quiet) printf("  %-72s %-5s %s\n", t->name, f5_dtype_name(t->dtype), f5_shape_str(t->ndim, t->shape, sh, sizeof sh));
        by_dt[t->dtype]++;
        elems += t->numel;
        bytes += t->nbytes;
    }
    printf("tensors: %zu (", n);
    bool first = true;
    for (int d = 0; d < F5_DT_COUNT; d++)
        if (by_dt[d]) printf("%s%s %zu", first ? "" : ", ", f5_dtype_name((f5_dtype)d), by_dt[d]), first = false;
    printf("), %" PRId64 " elements, %" PRIu64 " bytes (%.1f MiB)\n", elems, bytes, (double)bytes / 1048576.0);
    bool legacy = f5_checkpoint_has_legacy_mel(w);
    bool dit = false;
    for (size_t i = 0; i < n && !dit; i++) dit = strstr(f5_weights_at(w, i)->name, "transformer.") != NULL;
    if (dit)
        print_dit(w, legacy, load, t0);
    else if (!print_vocos(w, load, t0))
        printf("architecture: unknown (neither F5-TTS DiT transformer.* keys nor Vocos backbone/head keys)\n");
    f5_weights_free(w);
    return 0;
}
