/* voice.c - a reusable, immutable reference voice: decode the clip, apply
 * upstream's reference preprocessing (silence clip/trim, RMS normalisation,
 * resampling to 24 kHz), compute its log-mel once, and normalise its
 * transcript the way the model will see it. Many syntheses (from any number
 * of sessions and threads) reuse one f5_voice.
 */
#include "audio/audio.h"
#include "audio/mel.h"
#include "core/error.h"
#include "pipeline/pipeline_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

f5_voice_params f5_voice_default_params(void) {
    return (f5_voice_params){.target_rms = 0.1f, .max_ref_seconds = 12, .max_input_seconds = 300,
                             .min_ref_seconds = 0.3f, .clip_and_trim = true};
}

static bool blank(const char *s) {
    if (!s) return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return false;
    return true;
}

f5_status f5_voice_create_ex(const f5_model *m, const void *audio, size_t audio_len, const char *ref_text,
                             const f5_voice_params *pp, bool textnorm, f5_voice **out, f5_error *err) {
    f5_voice_params p = pp ? *pp : f5_voice_default_params();
    f5_pcm pcm = {0};
    f5_refprep_result rp = {0};
    f5_mel *mel = NULL;
    char *rt = NULL;
    f5_voice *v = NULL;
    f5_status s;
    *out = NULL;
    if (!m) return f5_errf(err, F5_ERR_INVALID_ARG, "f5_voice_create: model is NULL");
    if (blank(ref_text))
        return f5_errf(err, F5_ERR_INVALID_TEXT,
                       "reference text is empty: pass the transcript of the reference clip (--ref-text / ref_text); "
                       "automatic transcription is not supported");
    if (!audio || !audio_len) return f5_errf(err, F5_ERR_INVALID_AUDIO, "reference audio is empty (0 bytes)");
    if (!(p.target_rms > 0) || !(p.max_ref_seconds > 0))
        return f5_errf(err, F5_ERR_INVALID_ARG, "voice params: target_rms %g and max_ref_seconds %g must be > 0",
                       p.target_rms, p.max_ref_seconds);

    f5_decode_limits lim = f5_decode_default_limits();
    if (p.max_input_seconds > 0) lim.max_seconds = p.max_input_seconds;
    if ((s = f5_audio_decode(audio, audio_len, &lim, &pcm, err))) {
        f5_err_prefix(err, s, "reference audio");
        goto fail;
    }
    f5_refprep_params rpp = f5_refprep_default_params();
    rpp.target_rms = p.target_rms;
    rpp.max_ref_seconds = p.max_ref_seconds;
    rpp.clip_and_trim = p.clip_and_trim;
    if ((s = f5_refprep(&pcm, &rpp, &rp, err))) {
        f5_err_prefix(err, s, "reference audio");
        goto fail;
    }
    if (rp.kept_seconds < p.min_ref_seconds || rp.n <= F5_MEL_NFFT / 2) {
        s = f5_errf(err, F5_ERR_AUDIO_TOO_SHORT, "reference audio: %.3f s of speech left after trimming, need >= %.2f s",
                    rp.kept_seconds, p.min_ref_seconds > 0.03 ? p.min_ref_seconds : 0.03);
        goto fail;
    }
    if ((s = f5_pipeline_prepare_text(m, textnorm, ref_text, &rt, err))) {
        f5_err_prefix(err, s, "reference text");
        goto fail;
    }
    v = calloc(1, sizeof *v);
    if (!v) {
        s = f5_errf(err, F5_ERR_NOMEM, "f5_voice_create: out of memory");
        goto fail;
    }
    if ((s = f5_ref_text_normalize(rt, &v->ref_text, err))) goto fail;
    v->frames = (int)f5_mel_frames(rp.n);
    v->mel_t = malloc((size_t)v->frames * F5_N_MELS * sizeof(float));
    if (!v->mel_t) {
        s = f5_errf(err, F5_ERR_NOMEM, "f5_voice_create: out of memory for a %d-frame mel", v->frames);
        goto fail;
    }
    if ((s = f5_mel_create(&mel, err))) goto fail;
    if ((s = f5_mel_compute(mel, rp.wave, rp.n, NULL, v->mel_t, err))) goto fail;
    v->wave = rp.wave;
    v->n = rp.n;
    rp.wave = NULL;
    v->file_sr = pcm.sample_rate;
    v->file_samples = llround(rp.kept_seconds * pcm.sample_rate);
    v->rms = rp.rms;
    v->scale = rp.scale;
    v->scaled = rp.scaled;
    v->target_rms = p.target_rms;
    v->info = (f5_voice_info){.input_seconds = rp.input_seconds,
                              .kept_seconds = rp.kept_seconds,
                              .clipped = rp.clipped,
                              .input_sample_rate = pcm.sample_rate,
                              .rms = rp.rms,
                              .mel_frames = v->frames,
                              .ref_text = v->ref_text};
    *out = v;
    v = NULL;
    s = F5_OK;
fail:
    f5_mel_free(mel);
    f5_refprep_free(&rp);
    f5_pcm_free(&pcm);
    free(rt);
    f5_voice_free(v);
    return s;
}

f5_status f5_voice_create(const f5_model *m, const void *audio, size_t audio_len, const char *ref_text,
                          const f5_voice_params *p, f5_voice **out, f5_error *err) {
    return f5_voice_create_ex(m, audio, audio_len, ref_text, p, m ? m->textnorm : true, out, err);
}

f5_status f5_voice_create_file(const f5_model *m, const char *path, const char *ref_text, const f5_voice_params *p,
                               f5_voice **out, f5_error *err) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return f5_errf(err, F5_ERR_IO, "reference audio %s: cannot open: %s", path, strerror(errno));
    uint8_t *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 1 << 16;
            uint8_t *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                fclose(f);
                return f5_errf(err, F5_ERR_NOMEM, "reference audio %s: out of memory", path);
            }
            buf = nb;
            cap = nc;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
        if (n > ((size_t)1 << 30)) {
            free(buf);
            fclose(f);
            return f5_errf(err, F5_ERR_AUDIO_TOO_LONG, "reference audio %s: larger than 1 GiB", path);
        }
    }
    bool ioerr = ferror(f);
    fclose(f);
    if (ioerr) {
        free(buf);
        return f5_errf(err, F5_ERR_IO, "reference audio %s: read error", path);
    }
    f5_status s = f5_voice_create(m, buf, n, ref_text, p, out, err);
    free(buf);
    if (s) f5_err_prefix(err, s, "%s", path);
    return s;
}

void f5_voice_get_info(const f5_voice *v, f5_voice_info *info) {
    if (!v) {
        memset(info, 0, sizeof *info);
        return;
    }
    *info = v->info;
}

void f5_voice_free(f5_voice *v) {
    if (!v) return;
    free(v->wave);
    free(v->mel_t);
    free(v->ref_text);
    free(v);
}
