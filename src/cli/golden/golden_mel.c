/* golden_mel.c - the `mel` case kind: WAV int16 loading, torchaudio
 * resampling and the F5-TTS log-mel (filterbank, window, |STFT|, log-mel).
 * Every "<x>.wave" tensor of the vectors file with a "<x>.mel" (and
 * optionally "<x>.spec_mag") sibling is checked; the case's WAV files are
 * matched to the wave tensors by sample count, and a "resample.in/out" pair
 * is checked with the rates of params.resample (or the WAV's rate). */
#include "cli/golden/golden.h"

#include "audio/audio.h"
#include "audio/mel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool detect(json_t *kase) {
    json_t *f = json_object_get(kase, "files");
    return json_object_get(f, "wav_24k") != NULL || (json_object_get(json_object_get(kase, "config"), "n_mel_channels") && !json_object_get(f, "ref_wav"));
}

static const golden_tol k_fallback = {0.1, 5e-4};

static void check_mels(golden_ctx *g, const char *name, json_t *tol, f5_weights *v, f5_mel *mel) {
    for (size_t i = 0; i < f5_weights_count(v); i++) {
        const f5_tensor *t = f5_weights_at(v, i);
        size_t L = strlen(t->name);
        if (L < 6 || strcmp(t->name + L - 5, ".wave") != 0) continue;
        char stem[256], key[320];
        snprintf(stem, sizeof stem, "%.*s", (int)(L - 5), t->name);
        snprintf(key, sizeof key, "%s.mel", stem);
        const f5_tensor *tm = f5_weights_find(v, key);
        if (!tm) continue;
        const float *wave = golden_f32(g, v, name, t->name, NULL);
        const float *ref = golden_f32(g, v, name, key, NULL);
        if (!wave || !ref) continue;
        size_t n = (size_t)t->numel;
        int64_t T = f5_mel_frames(n);
        if (tm->numel != 100 * T) {
            char msg[256];
            snprintf(msg, sizeof msg, "%.200s has %lld values, expected 100 x %lld frames for %zu samples", key,
                     (long long)tm->numel, (long long)T, n);
            golden_error(g, name, key, msg);
            continue;
        }
        float *got = malloc(sizeof(float) * 513 * (size_t)T);
        f5_error err = {0};
        if (!got) continue;
        if (f5_mel_compute(mel, wave, n, got, NULL, &err) != F5_OK)
            golden_error(g, name, key, err.message);
        else
            golden_compare(g, name, key, got, ref, (size_t)(100 * T), golden_tolerance(tol, key, k_fallback));
        snprintf(key, sizeof key, "%s.spec_mag", stem);
        const f5_tensor *ts = f5_weights_find(v, key);
        if (ts) {
            const float *sref = golden_f32(g, v, name, key, NULL);
            if (sref && ts->numel == 513 * T) {
                if (f5_mel_spec_mag(mel, wave, n, got, &err) != F5_OK)
                    golden_error(g, name, key, err.message);
                else
                    golden_compare(g, name, key, got, sref, (size_t)(513 * T), golden_tolerance(tol, key, k_fallback));
            } else if (sref) {
                golden_error(g, name, key, "unexpected shape");
            }
        }
        free(got);
    }
}

/* Decode a WAV of the case and compare it with the vectors tensor of the
 * same length (exact int16/32768 expected). Returns the decoded PCM. */
static bool check_wav(golden_ctx *g, const char *name, const char *rel, f5_weights *v, json_t *tol, f5_pcm *pcm) {
    char path[4096];
    f5_error err = {0};
    if (f5_audio_decode_file(golden_path(g, rel, path, sizeof path), NULL, pcm, &err) != F5_OK) {
        golden_error(g, name, rel, err.message);
        return false;
    }
    for (size_t i = 0; i < f5_weights_count(v); i++) {
        const f5_tensor *t = f5_weights_at(v, i);
        size_t L = strlen(t->name);
        bool is_wave = (L > 5 && !strcmp(t->name + L - 5, ".wave")) || (L > 3 && !strcmp(t->name + L - 3, ".in"));
        if (!is_wave || (size_t)t->numel != pcm->n) continue;
        const float *ref = golden_f32(g, v, name, t->name, NULL);
        if (!ref) return true;
        char sub[512];
        snprintf(sub, sizeof sub, "%s=%s", rel, t->name);
        golden_compare(g, name, sub, pcm->data, ref, pcm->n, (golden_tol){0.0, 0.0});
        return true;
    }
    char msg[256];
    snprintf(msg, sizeof msg, "no wave tensor with %zu samples to compare with", pcm->n);
    golden_error(g, name, rel, msg);
    return true;
}

static void check_resample(golden_ctx *g, const char *name, json_t *kase, json_t *tol, f5_weights *v) {
    const f5_tensor *ti = f5_weights_find(v, "resample.in"), *to = f5_weights_find(v, "resample.out");
    if (!ti || !to) return;
    json_t *rp = json_object_get(json_object_get(kase, "params"), "resample");
    int orig = (int)json_integer_value(json_object_get(rp, "orig_freq"));
    int new_rate = (int)json_integer_value(json_object_get(rp, "new_freq"));
    if (orig <= 0 || new_rate <= 0) {
        golden_error(g, name, "resample.out", "params.resample.orig_freq/new_freq missing");
        return;
    }
    const float *in = golden_f32(g, v, name, "resample.in", NULL);
    const float *ref = golden_f32(g, v, name, "resample.out", NULL);
    if (!in || !ref) return;
    float *out = NULL;
    size_t on = 0;
    f5_error err = {0};
    if (f5_audio_resample(in, (size_t)ti->numel, orig, new_rate, &out, &on, &err) != F5_OK) {
        golden_error(g, name, "resample.out", err.message);
        return;
    }
    if ((int64_t)on != to->numel) {
        char msg[128];
        snprintf(msg, sizeof msg, "got %zu samples, expected %lld", on, (long long)to->numel);
        golden_error(g, name, "resample.out", msg);
    } else {
        golden_compare(g, name, "resample.out", out, ref, on, golden_tolerance(tol, "resample.out", k_fallback));
    }
    free(out);
}

static void run(golden_ctx *g, json_t *kase) {
    const char *name = json_string_value(json_object_get(kase, "name"));
    json_t *files = json_object_get(kase, "files"), *tol = json_object_get(kase, "tolerance");
    const char *vec = json_string_value(json_object_get(files, "vectors"));
    if (!vec) {
        golden_error(g, name, NULL, "files.vectors missing");
        return;
    }
    f5_weights *v = golden_load_vectors(g, name, vec);
    if (!v) return;
    f5_mel *mel = NULL;
    f5_error err = {0};
    if (f5_mel_create(&mel, &err) != F5_OK) {
        golden_error(g, name, NULL, err.message);
        f5_weights_free(v);
        return;
    }
    const f5_tensor *tf = f5_weights_find(v, "fb"), *tw = f5_weights_find(v, "window");
    if (tf) {
        const float *fb = golden_f32(g, v, name, "fb", NULL);
        if (fb && tf->numel == 513 * 100)
            golden_compare(g, name, "fb", f5_mel_filterbank(mel), fb, 513 * 100, (golden_tol){1e-4, 1e-5} /* stricter than the case default: exact math */);
    }
    if (tw) {
        const float *w = golden_f32(g, v, name, "window", NULL);
        if (w && tw->numel == 1024)
            golden_compare(g, name, "window", f5_mel_window(mel), w, 1024, (golden_tol){1e-6, 1e-6});
    }
    check_mels(g, name, tol, v, mel);
    /* every WAV file of the case: load exactly */
    const char *key;
    json_t *val;
    json_object_foreach(files, key, val) {
        const char *rel = json_string_value(val);
        if (!rel || strncmp(key, "wav", 3) != 0) continue;
        f5_pcm pcm = {0};
        check_wav(g, name, rel, v, tol, &pcm);
        f5_pcm_free(&pcm);
    }
    check_resample(g, name, kase, tol, v);
    f5_mel_free(mel);
    f5_weights_free(v);
}

const golden_checker golden_checker_mel = {"mel", detect, run};
