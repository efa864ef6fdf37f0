/* test_vocos.c - Vocos: golden audio from both weight files (torch .bin and
 * safetensors), the release-size procedural case, the tail of the
 * end-to-end case (golden sampled mels -> vocoder -> RMS restore ->
 * cross-fade -> final_wave), sharing one model between threads, and
 * loader errors naming what is wrong. */
#include "audio/audio.h"
#include "model/procedural.h"
#include "model/safetensors.h"
#include "model/vocos.h"
#include "test.h"

#include <pthread.h>
#include <unistd.h>

static char g_path[4096];
static const char *gp(const char *rel) {
    snprintf(g_path, sizeof g_path, "%s/%s", t_golden_dir(), rel);
    return g_path;
}

static void cmp(const char *what, const float *got, const float *ref, size_t n, double ta, double tr) {
    double num = 0, den = 0, mx = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)got[i] - ref[i];
        num += d * d, den += (double)ref[i] * ref[i], mx = fmax(mx, fabs(d));
    }
    double rel = sqrt(num / (den > 0 ? den : 1));
    printf("  %-28s max_abs %.3g rel_l2 %.3g (tol %.3g / %.3g)\n", what, mx, rel, ta, tr);
    CHECKF(mx <= ta && rel <= tr, "%s", what);
}

/* Decode every batch item of <pfx>.mel and compare <pfx>.audio. */
static void check_audio(const f5_vocos *v, f5_weights *vec, const char *pfx, double ta, double tr, const char *label) {
    char k[64];
    snprintf(k, sizeof k, "%s.mel", pfx);
    const f5_tensor *tm = f5_weights_find(vec, k);
    const float *mel, *ref;
    f5_error err = {0};
    CHECK(tm && f5_weights_get_f32(vec, k, -1, NULL, &mel, &err) == F5_OK);
    if (!tm) return;
    int B = (int)tm->shape[0], T = (int)tm->shape[2];
    size_t n = f5_vocos_out_len(v, T);
    snprintf(k, sizeof k, "%s.audio", pfx);
    CHECK(f5_weights_get_f32(vec, k, 2, (int64_t[]){B, (int64_t)n}, &ref, &err) == F5_OK);
    if (err.status) return;
    float *out = malloc(sizeof(float) * n * B);
    f5_vocos_scratch *s = NULL;
    CHECK(f5_vocos_scratch_create(&s, &err) == F5_OK);
    for (int b = 0; b < B; b++) CHECK(f5_vocos_decode(v, s, NULL, mel + (size_t)b * 100 * T, T, out + b * n, NULL, &err) == F5_OK);
    char what[128];
    snprintf(what, sizeof what, "%s %s", label, k);
    cmp(what, out, ref, n * B, ta, tr);
    f5_vocos_scratch_free(s);
    free(out);
}

static void test_tiny_both_formats(void) {
    if (!t_golden_dir()) TEST_SKIP("golden data not found");
    f5_error err = {0};
    f5_weights *vec = NULL;
    CHECK(f5_safetensors_load(gp("vocos_tiny/vectors.safetensors"), &vec, &err) == F5_OK);
    const char *files[] = {"vocos_tiny/pytorch_model.bin", "vocos_tiny/model.safetensors", "vocos_tiny"};
    for (int i = 0; i < 3 && vec; i++) {
        f5_vocos *v = NULL;
        CHECKF(f5_vocos_load(gp(files[i]), &v, &err) == F5_OK, "%s: %s", files[i], err.message);
        if (!v) continue;
        CHECK(f5_vocos_get_config(v)->dim == 64 && f5_vocos_get_config(v)->padding_center);
        check_audio(v, vec, "b1", 1.56e-05, 2e-05, files[i]);
        check_audio(v, vec, "b2", 1.13e-05, 1.26e-05, files[i]);
        f5_vocos_free(v);
    }
    f5_weights_free(vec);
}

static void test_tiny_same_padding(void) {
    if (!t_golden_dir()) TEST_SKIP("golden data not found");
    f5_error err = {0};
    f5_weights *vec = NULL;
    f5_vocos *v = NULL;
    CHECK(f5_safetensors_load(gp("vocos_tiny_same/vectors.safetensors"), &vec, &err) == F5_OK);
    CHECKF(f5_vocos_load(gp("vocos_tiny_same"), &v, &err) == F5_OK, "%s", err.message);
    if (v && vec) {
        CHECK(!f5_vocos_get_config(v)->padding_center && f5_vocos_out_len(v, 10) == 2560);
        check_audio(v, vec, "b1", 1.56e-05, 1.99e-05, "same");
        check_audio(v, vec, "b2", 1.23e-05, 1.28e-05, "same");
    }
    f5_vocos_free(v);
    f5_weights_free(vec);
}

static void test_release_procedural(void) {
    if (!t_golden_dir()) TEST_SKIP("golden data not found");
    f5_error err = {0};
    f5_vocos_config cfg;
    CHECKF(f5_vocos_config_from_yaml(gp("vocos_release/config.yaml"), &cfg, &err) == F5_OK, "%s", err.message);
    CHECK(cfg.dim == 512 && cfg.intermediate_dim == 1536 && cfg.num_layers == 8 && cfg.padding_center);
    f5_weights *w = NULL, *vec = NULL;
    f5_vocos *v = NULL;
    CHECK(f5_procedural_vocos(1003, &cfg, &w, &err) == F5_OK);
    CHECK(f5_vocos_create_from_weights(w, &cfg, &v, &err) == F5_OK);
    CHECK(f5_safetensors_load(gp("vocos_release/vectors.safetensors"), &vec, &err) == F5_OK);
    if (v && vec) check_audio(v, vec, "b1", 5.32e-06, 2.09e-05, "release");
    f5_vocos_free(v);
    f5_weights_free(vec);
}

/* infer_e2e_tiny steps 3-4: vocoder on the golden sampled mels, RMS restore, cross-fade. */
static void test_e2e_tail(void) {
    if (!t_golden_dir()) TEST_SKIP("golden data not found");
    f5_error err = {0};
    f5_weights *vec = NULL;
    f5_vocos *v = NULL;
    CHECK(f5_safetensors_load(gp("infer_e2e_tiny/vectors.safetensors"), &vec, &err) == F5_OK);
    CHECK(f5_vocos_load(gp("vocos_tiny"), &v, &err) == F5_OK);
    if (!vec || !v) goto done;
    const f5_tensor *tc = f5_weights_find(vec, "ref.cond_wave");
    CHECK(tc != NULL);
    if (!tc) goto done;
    const int ref_len = (int)(tc->numel / 256);
    const float rms = 0.05590515956282616f, target = 0.1f;
    float *acc = NULL;
    size_t an = 0;
    f5_vocos_scratch *s = NULL;
    CHECK(f5_vocos_scratch_create(&s, &err) == F5_OK);
    for (int c = 0;; c++) {
        char k[64];
        snprintf(k, sizeof k, "chunk%d.sampled_mel", c);
        const f5_tensor *tm = f5_weights_find(vec, k);
        if (!tm) break;
        const float *sm, *head, *tail;
        CHECK(f5_weights_get_f32(vec, k, -1, NULL, &sm, &err) == F5_OK);
        int dur = (int)tm->shape[1], T = dur - ref_len;
        float *mel = malloc(sizeof(float) * 100 * T);
        for (int t = 0; t < T; t++)
            for (int m = 0; m < 100; m++) mel[(size_t)m * T + t] = sm[(size_t)(ref_len + t) * 100 + m];
        size_t n = f5_vocos_out_len(v, T);
        float *wave = malloc(sizeof(float) * n);
        CHECK(f5_vocos_decode(v, s, NULL, mel, T, wave, NULL, &err) == F5_OK);
        snprintf(k, sizeof k, "chunk%d.vocoder_head", c);
        CHECK(f5_weights_get_f32(vec, k, 1, (int64_t[]){3600}, &head, &err) == F5_OK);
        snprintf(k, sizeof k, "chunk%d.vocoder_tail", c);
        CHECK(f5_weights_get_f32(vec, k, 1, (int64_t[]){3600}, &tail, &err) == F5_OK);
        if (n >= 3600) {
            snprintf(k, sizeof k, "chunk%d vocoder head", c);
            cmp(k, wave, head, 3600, 2e-3, 2e-4);
            snprintf(k, sizeof k, "chunk%d vocoder tail", c);
            cmp(k, wave + n - 3600, tail, 3600, 2e-3, 2e-4);
        }
        for (size_t i = 0; i < n; i++) wave[i] = wave[i] * rms / target; /* torch: (wave * rms) / target */
        CHECK(f5_crossfade_append(&acc, &an, wave, n, 0.15, 24000, &err) == F5_OK);
        free(mel), free(wave);
    }
    const float *fw;
    const f5_tensor *tf = f5_weights_find(vec, "final_wave");
    CHECK(tf && f5_weights_get_f32(vec, "final_wave", -1, NULL, &fw, &err) == F5_OK);
    CHECKF(tf && (size_t)tf->numel == an, "%zu samples, expected %lld", an, tf ? (long long)tf->numel : -1LL);
    if (tf && (size_t)tf->numel == an) cmp("final_wave (from golden mels)", acc, fw, an, 5.42e-05, 3.6e-05);
    free(acc);
    f5_vocos_scratch_free(s);
done:
    f5_vocos_free(v);
    f5_weights_free(vec);
}

typedef struct { const f5_vocos *v; const float *mel; int T; float *out; int rc; } job;
static void *worker(void *p) {
    job *j = p;
    f5_vocos_scratch *s = NULL;
    j->rc = f5_vocos_scratch_create(&s, NULL);
    for (int r = 0; r < 3 && j->rc == F5_OK; r++) j->rc = f5_vocos_decode(j->v, s, NULL, j->mel, j->T, j->out, NULL, NULL);
    f5_vocos_scratch_free(s);
    return NULL;
}

static void test_threads_share_model(void) {
    f5_vocos_config cfg = f5_vocos_config_default();
    cfg.dim = 32, cfg.intermediate_dim = 64, cfg.num_layers = 2;
    f5_weights *w = NULL;
    f5_vocos *v = NULL;
    f5_error err = {0};
    CHECK(f5_procedural_vocos(7, &cfg, &w, &err) == F5_OK);
    CHECK(f5_vocos_create_from_weights(w, &cfg, &v, &err) == F5_OK);
    if (!v) return;
    int T = 50;
    float *mel = malloc(sizeof(float) * 100 * T);
    for (int i = 0; i < 100 * T; i++) mel[i] = (float)sin(i * 0.37) - 2.f;
    size_t n = f5_vocos_out_len(v, T);
    float *ref = malloc(sizeof(float) * n);
    f5_vocos_scratch *s = NULL;
    CHECK(f5_vocos_scratch_create(&s, &err) == F5_OK && f5_vocos_decode(v, s, NULL, mel, T, ref, NULL, &err) == F5_OK);
    /* the same scratch reused for a longer then shorter input still matches */
    float *big = malloc(sizeof(float) * 100 * 200), *tmp = malloc(sizeof(float) * 256 * 200);
    for (int i = 0; i < 100 * 200; i++) big[i] = -1.f;
    CHECK(f5_vocos_decode(v, s, NULL, big, 200, tmp, NULL, &err) == F5_OK);
    CHECK(f5_vocos_decode(v, s, NULL, mel, T, tmp, NULL, &err) == F5_OK && memcmp(tmp, ref, n * sizeof *ref) == 0);
    f5_vocos_scratch_free(s);
    job jobs[3];
    pthread_t th[3];
    for (int i = 0; i < 3; i++) {
        jobs[i] = (job){v, mel, T, malloc(sizeof(float) * n), -1};
        pthread_create(&th[i], NULL, worker, &jobs[i]);
    }
    for (int i = 0; i < 3; i++) pthread_join(th[i], NULL);
    for (int i = 0; i < 3; i++) {
        CHECK(jobs[i].rc == F5_OK && memcmp(jobs[i].out, ref, n * sizeof *ref) == 0);
        free(jobs[i].out);
    }
    free(mel), free(ref), free(big), free(tmp);
    f5_vocos_free(v);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static void test_errors(void) {
    f5_error err = {0};
    f5_vocos *v = NULL;
    CHECK(f5_vocos_load("/nonexistent/vocos", &v, &err) == F5_ERR_NOT_FOUND && v == NULL);
    CHECK(f5_vocos_load("/tmp", &v, &err) == F5_ERR_NOT_FOUND);
    f5_vocos_config cfg = f5_vocos_config_default();
    cfg.dim = 16, cfg.intermediate_dim = 32, cfg.num_layers = 1;
    f5_weights *w = NULL;
    /* missing tensor */
    CHECK(f5_procedural_vocos(1, &cfg, &w, &err) == F5_OK);
    f5_weights_remove(w, "backbone.convnext.0.pwconv2.weight");
    CHECK(f5_vocos_create_from_weights(w, &cfg, &v, &err) == F5_ERR_NOT_FOUND);
    CHECK(strstr(err.message, "backbone.convnext.0.pwconv2.weight") != NULL);
    printf("  missing: %s\n", err.message);
    /* architecture mismatch: weights of dim 16 under a dim 24 config */
    CHECK(f5_procedural_vocos(1, &cfg, &w, &err) == F5_OK);
    f5_vocos_config wrong = cfg;
    wrong.dim = 24;
    CHECK(f5_vocos_create_from_weights(w, &wrong, &v, &err) == F5_ERR_SHAPE);
    printf("  shape: %s\n", err.message);
    CHECK(strstr(err.message, "got") && strstr(err.message, "expected"));
    /* unexpected tensor (another model's checkpoint) */
    CHECK(f5_procedural_vocos(1, &cfg, &w, &err) == F5_OK);
    static const float one = 1;
    CHECK(f5_weights_add(w, "transformer.proj_out.weight", F5_DT_F32, 1, (int64_t[]){1}, &one, &err) == F5_OK);
    CHECK(f5_vocos_create_from_weights(w, &cfg, &v, &err) == F5_ERR_FORMAT);
    printf("  unexpected: %s\n", err.message);
    /* decode argument checks */
    CHECK(f5_procedural_vocos(1, &cfg, &w, &err) == F5_OK);
    CHECK(f5_vocos_create_from_weights(w, &cfg, &v, &err) == F5_OK);
    f5_vocos_scratch *s = NULL;
    float mel[100], out[256];
    CHECK(f5_vocos_scratch_create(&s, &err) == F5_OK);
    CHECK(f5_vocos_decode(v, s, NULL, mel, 1, out, NULL, &err) == F5_ERR_INVALID_ARG); /* center needs T >= 2 */
    f5_vocos_scratch_free(s);
    f5_vocos_free(v);
    /* config.yaml problems */
    char dir[] = "/tmp/f5_vocos_cfg_XXXXXX", path[128];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    write_file(path, "backbone:\n  class_path: vocos.models.VocosBackbone\n  init_args:\n    dim: 64\n    intermediate_dim: 192\n    num_layers: 2\nhead:\n  class_path: vocos.heads.ISTFTHead\n  init_args:\n    dim: 64\n    n_fft: 1024\n    hop_length: 256\n    padding: sideways\n");
    CHECK(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_ERR_UNSUPPORTED && strstr(err.message, "sideways"));
    write_file(path, "backbone:\n  class_path: vocos.models.VocosBackbone\n  init_args:\n    adanorm_num_embeddings: 4\nhead:\n  init_args:\n    dim: 64\n");
    CHECK(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_ERR_UNSUPPORTED);
    write_file(path, "backbone:\n  class_path: vocos.models.VocosBackbone\n  init_args:\n    dim: 64\n    intermediate_dim: 192\n    num_layers: 2\nhead:\n  class_path: vocos.heads.IMDCTSymExpHead\n  init_args:\n    dim: 64\n");
    CHECK(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_ERR_UNSUPPORTED);
    write_file(path, "backbone:\n  init_args:\n    dim: [1, 2\n");
    CHECK(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_ERR_FORMAT);
    printf("  yaml: %s\n", err.message);
    write_file(path, "backbone:\n  init_args:\n    dim: -3\n    intermediate_dim: 192\n    num_layers: 2\nhead:\n  init_args:\n    dim: -3\n    n_fft: 1024\n    hop_length: 256\n");
    CHECK(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_ERR_FORMAT);
    printf("  negative: %s\n", err.message);
    write_file(path, "backbone:\n  class_path: vocos.models.VocosBackbone\n  init_args:\n    dim: 64\n    intermediate_dim: 192\n    num_layers: 2\nhead:\n  init_args:\n    dim: 64\n    n_fft: 1024\n    hop_length: 256\n    padding: center\n");
    CHECKF(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_OK, "%s", err.message);
    CHECK(cfg.dim == 64 && cfg.num_layers == 2 && cfg.padding_center);
    write_file(path, "backbone:\n  init_args:\n    dim: 64\n    intermediate_dim: 192\n    num_layers: 642642\nhead:\n  init_args:\n    dim: 64\n    n_fft: 1024\n    hop_length: 256\n");
    CHECK(f5_vocos_config_from_yaml(path, &cfg, &err) == F5_ERR_INVALID_ARG);
    printf("  huge: %s\n", err.message);
    unlink(path);
    rmdir(dir);
}

TEST_MAIN(TEST(test_tiny_both_formats), TEST(test_tiny_same_padding), TEST(test_release_procedural),
          TEST(test_e2e_tail), TEST(test_threads_share_model), TEST(test_errors))
