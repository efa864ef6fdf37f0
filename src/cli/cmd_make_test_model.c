/* cmd_make_test_model.c - `f5tts make-test-model DIR [--preset tiny] [--seed N]`.
 *
 * Writes a tiny random-weight F5-TTS v1 model in the real file formats, for
 * tests and `make run` without any download:
 *   DIR/model.safetensors   state dict keyed as released ("ema_model.transformer.*", initted, step)
 *   DIR/model.pt            the same as a torch ZIP checkpoint ({"ema_model_state_dict": ...})
 *   DIR/F5TTS_tiny.yaml     upstream model YAML with the tiny dimensions
 *   DIR/vocab.txt           space, punctuation, digits, Latin + every Vietnamese letter
 *   DIR/vocos/config.yaml + DIR/vocos/pytorch_model.bin (+ model.safetensors)   a tiny Vocos
 * Weights come from the procedural generator (golden README) at tiny sizes:
 * the output is noise-like; this is a TEST model, never a voice.
 */
#include "cli/commands.h"
#include "core/error.h"
#include "core/fsutil.h"
#include "model/model_config.h"
#include "model/procedural.h"
#include "model/safetensors.h"
#include "model/torch_zip_write.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One character per line after the space token (line 0). */
static const char k_vocab_chars[] =
    "!\"'(),-.:;?0123456789abcdefghijklmnopqrstuvwxyz"
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ";

static int write_vocab(const char *path, int *n_tokens) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    int n = 1;
    fputs(" \n", f);
    for (const unsigned char *p = (const unsigned char *)k_vocab_chars; *p;) {
        int len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        fwrite(p, 1, (size_t)len, f);
        fputc('\n', f);
        p += len;
        n++;
    }
    *n_tokens = n;
    return fclose(f);
}

static int write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f);
}

/* A 2.5 s reference clip for trying the test model: a voiced buzz (a
 * 120 Hz fundamental with falling harmonics and slow vibrato) cut into
 * syllables by an amplitude envelope, with short pauses, at -20 dBFS-ish
 * RMS. Deterministic, so the README's curl line gives the same bytes. */
static f5_status write_ref_clip(const char *path, f5_error *err) {
    enum { SR = 24000, N = SR * 5 / 2 };
    float *pcm = calloc(N, sizeof *pcm);
    if (!pcm) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    double phase = 0.0;
    for (int i = 0; i < N; i++) {
        double t = (double)i / SR;
        double f0 = 120.0 * (1.0 + 0.03 * sin(2.0 * M_PI * 5.0 * t));
        phase += 2.0 * M_PI * f0 / SR;
        double v = 0.0;
        for (int h = 1; h <= 12; h++) v += sin(h * phase) / h;
        double syl = fmod(t, 0.32), env = syl < 0.24 ? sin(M_PI * syl / 0.24) : 0.0;
        if (t < 0.2 || t > 2.3) env = 0.0;
        pcm[i] = (float)(0.12 * env * v);
    }
    uint8_t *wav = NULL;
    size_t n = 0;
    f5_status st = f5_audio_encode(pcm, N, SR, F5_FMT_WAV, &wav, &n, err);
    free(pcm);
    if (st) return st;
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(wav, 1, n, f) == n;
    if (f) ok = fclose(f) == 0 && ok;
    free(wav);
    if (!ok) return f5_errf(err, F5_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    return F5_OK;
}

static f5_status write_tables(f5_weights *w, const char *st_path, const char *pt_path, const char *archive,
                              const char *nest_key, f5_error *err) {
    size_t n = f5_weights_count(w);
    const f5_tensor **t = malloc((n ? n : 1) * sizeof *t);
    if (!t) return f5_errf(err, F5_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) t[i] = f5_weights_at(w, i);
    f5_status s = F5_OK;
    if (st_path) s = f5_safetensors_write(st_path, t, n, err);
    if (!s && pt_path) s = f5_torch_zip_write(pt_path, archive, nest_key, t, n, err);
    free(t);
    return s;
}

static void usage(FILE *f) {
    fprintf(f, "usage: f5tts make-test-model DIR [--preset tiny|v1_base] [--seed N]\n"
               "writes a random-weight F5-TTS v1 model + Vocos into DIR (a TEST model: its output is noise)\n"
               "  tiny     a few MB, for tests and make run (default)\n"
               "  v1_base  the released sizes (1.35 GB DiT safetensors, released Vocos), for timing synth\n"
               "           end to end without the real checkpoint\n");
}

int cmd_make_test_model(int argc, char **argv) {
    const char *dir = NULL, *preset = "tiny";
    unsigned long long seed = 4242;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return usage(stdout), 0;
        if (!strcmp(argv[i], "--preset") && i + 1 < argc) {
            preset = argv[++i];
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            char *e;
            errno = 0;
            seed = strtoull(argv[++i], &e, 10);
            if (errno || *e || argv[i][0] == '-') {
                fprintf(stderr, "f5tts make-test-model: bad --seed '%s'\n", argv[i]);
                return 2;
            }
        } else if (argv[i][0] == '-' || dir) {
            fprintf(stderr, "f5tts make-test-model: unexpected argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            dir = argv[i];
        }
    }
    if (!dir) return usage(stderr), 2;
    bool full = !strcmp(preset, "v1_base");
    if (strcmp(preset, "tiny") && !full) {
        fprintf(stderr, "f5tts make-test-model: unknown preset '%s' (tiny or v1_base)\n", preset);
        return 2;
    }
    char path[4200], vdir[4200];
    snprintf(vdir, sizeof vdir, "%.4000s/vocos", dir);
    f5_error merr = {0};
    if (f5_mkdirs(vdir, 0755, &merr)) {
        fprintf(stderr, "f5tts make-test-model: %s\n", merr.message);
        return 1;
    }
    int n_tokens = 0;
    snprintf(path, sizeof path, "%.4000s/vocab.txt", dir);
    if (write_vocab(path, &n_tokens)) {
        fprintf(stderr, "f5tts make-test-model: cannot write %s: %s\n", path, strerror(errno));
        return 1;
    }
    f5_dit_config c = {.name = "custom", .dim = 64, .depth = 2, .heads = 4, .dim_head = 64, .ff_mult = 2,
                       .text_dim = 32, .conv_layers = 2, .mel_dim = 100, .text_num_embeds = n_tokens,
                       .text_mask_padding = true, .pe_attn_head = 0};
    f5_vocos_config vc = f5_vocos_config_default(); /* the released Vocos sizes */
    if (full) { /* F5TTS_v1_Base's architecture with this test vocabulary */
        c.dim = 1024, c.depth = 22, c.heads = 16, c.text_dim = 512, c.conv_layers = 4;
    } else {
        vc.dim = 64;
        vc.intermediate_dim = 192;
        vc.num_layers = 2;
    }
    f5_error err = {0};
    f5_weights *w = NULL, *vw = NULL;
    int rc = 1;
    char pt[4200];
    if (f5_procedural_dit(seed, &c, false, &w, &err)) goto fail;
    snprintf(path, sizeof path, "%.4000s/model.safetensors", dir);
    snprintf(pt, sizeof pt, "%.4000s/model.pt", dir);
    if (write_tables(w, path, full ? NULL : pt, "model", "ema_model_state_dict", &err)) goto fail;
    if (f5_procedural_vocos(seed + 1, &vc, &vw, &err)) goto fail;
    snprintf(path, sizeof path, "%.4000s/model.safetensors", vdir);
    snprintf(pt, sizeof pt, "%.4000s/pytorch_model.bin", vdir);
    if (write_tables(vw, path, pt, "pytorch_model", NULL, &err)) goto fail;

    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "# TEST model written by `f5tts make-test-model`: random weights, the output is noise.\n"
             "model:\n  name: F5TTS_tiny_test\n  tokenizer: custom\n  backbone: DiT\n  arch:\n"
             "    dim: %d\n    depth: %d\n    heads: %d\n    ff_mult: %d\n    text_dim: %d\n"
             "    text_mask_padding: True\n    qk_norm: null\n    conv_layers: %d\n    pe_attn_head: null\n"
             "    attn_backend: torch\n    attn_mask_enabled: False\n    checkpoint_activations: False\n"
             "  mel_spec:\n    target_sample_rate: 24000\n    n_mel_channels: 100\n    hop_length: 256\n"
             "    win_length: 1024\n    n_fft: 1024\n    mel_spec_type: vocos\n"
             "  vocoder:\n    is_local: True\n    local_path: vocos\n",
             c.dim, c.depth, c.heads, c.ff_mult, c.text_dim, c.conv_layers);
    snprintf(path, sizeof path, "%.4000s/F5TTS_tiny.yaml", dir);
    if (write_text(path, yaml)) goto io_fail;
    snprintf(yaml, sizeof yaml,
             "feature_extractor:\n  class_path: vocos.feature_extractors.MelSpectrogramFeatures\n  init_args:\n"
             "    sample_rate: 24000\n    n_fft: 1024\n    hop_length: 256\n    n_mels: 100\n    padding: center\n\n"
             "backbone:\n  class_path: vocos.models.VocosBackbone\n  init_args:\n    input_channels: 100\n"
             "    dim: %d\n    intermediate_dim: %d\n    num_layers: %d\n\n"
             "head:\n  class_path: vocos.heads.ISTFTHead\n  init_args:\n    dim: %d\n    n_fft: 1024\n"
             "    hop_length: 256\n    padding: center\n",
             vc.dim, vc.intermediate_dim, vc.num_layers, vc.dim);
    snprintf(path, sizeof path, "%.4000s/config.yaml", vdir);
    if (write_text(path, yaml)) goto io_fail;
    snprintf(path, sizeof path, "%.4000s/ref.wav", dir);
    if (write_ref_clip(path, &err)) goto fail;
    printf("wrote a TEST model to %s (random weights, seed %llu: it produces noise, not speech)\n"
           "  DiT v1 dim %d depth %d heads %d text_dim %d conv_layers %d, vocab %d tokens, %lld parameters\n"
           "  Vocos dim %d intermediate %d layers %d in %s\n",
           dir, seed, c.dim, c.depth, c.heads, c.text_dim, c.conv_layers, n_tokens,
           (long long)f5_dit_config_params(&c), vc.dim, vc.intermediate_dim, vc.num_layers, vdir);
    printf("  a 2.5 s reference clip for trying it: %s/ref.wav\n", dir);
    printf("try: f5tts synth --model %s --ref %s/ref.wav --ref-text \"xin chào các bạn\" --text \"xin chào\" -o out.wav\n",
           dir, dir);
    rc = 0;
    goto done;
io_fail:
    fprintf(stderr, "f5tts make-test-model: cannot write %s: %s\n", path, strerror(errno));
    goto done;
fail:
    fprintf(stderr, "f5tts make-test-model: %s\n", err.message);
done:
    f5_weights_free(w);
    f5_weights_free(vw);
    return rc;
}
