/* engine_f5.c - the real synthesis engine for the service: one immutable
 * model + vocoder shared by n sessions (one per worker slot), driven only
 * through the public API in f5tts.h.
 */
#include "service/jobs/engine.h"

#include "core/error.h"
#include "service/jobs/refcache.h"
#include "service/obs/log.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct engine_f5 {
    f5_model *model;
    f5_vocoder *vocoder;
    f5_session **sessions; /* [n_slots] */
    int n_slots;
    f5_voice_params vp;
    char model_path[PATH_MAX];
    char vocoder_path[PATH_MAX];
    f5_model_info info;
    f5_refcache *refs; /* prepared voices by upload hash (F5_SVC_REFCACHE_BYTES) */
    f5_batch *batch;   /* --max-batch > 1: every slot samples through it; NULL = each slot alone */
    int max_batch;
} engine_f5;

/* Bound of the reference cache: prepared voices of ~10-20 s references are
 * a few MiB each (24 kHz float wave + 100-bin mel). */
#define F5_SVC_REFCACHE_BYTES ((size_t)64 << 20)

static void voice_free_cb(void *v) { f5_voice_free(v); }

/* Bytes a prepared voice holds: wave (float, 24 kHz) + mel [frames, 100] floats. */
static size_t voice_bytes(const f5_voice *v) {
    f5_voice_info vi;
    f5_voice_get_info(v, &vi);
    return (size_t)(vi.kept_seconds * F5_SAMPLE_RATE + 1) * sizeof(float) +
           (size_t)vi.mel_frames * 100 * sizeof(float) + (vi.ref_text ? strlen(vi.ref_text) : 0) + 256;
}

typedef struct run_ctx {
    const f5_svc_synth_req *rq;
} run_ctx;

static void cb_progress(void *user, int chunk, int n_chunks, int step, int n_steps) {
    run_ctx *c = user;
    if (!c->rq->progress || n_chunks <= 0 || n_steps <= 0) return;
    double f = ((double)chunk + (double)(step + 1) / n_steps) / n_chunks;
    c->rq->progress(c->rq->user, f > 1 ? 1 : f);
}

static bool cb_abort(void *user) {
    run_ctx *c = user;
    return c->rq->should_abort && c->rq->should_abort(c->rq->user);
}

static void cb_phase(void *user, f5_phase ph, int chunk, int n_chunks, double t0, double t1) {
    run_ctx *c = user;
    if (!c->rq->phase) return;
    f5_svc_synth_phase p = ph == F5_PHASE_PREPARE ? F5_SVC_PHASE_TEXT : ph == F5_PHASE_SAMPLE ? F5_SVC_PHASE_SAMPLE
                                                                                        : F5_SVC_PHASE_VOCODE;
    c->rq->phase(c->rq->user, p, chunk, n_chunks, t0, t1);
}

static f5_status cb_chunk(void *user, int chunk, int n_chunks, const float *pcm, size_t n) {
    run_ctx *c = user;
    return c->rq->on_chunk ? c->rq->on_chunk(c->rq->user, pcm, n) : F5_OK;
}

static f5_status run(void *self, int slot, const f5_svc_synth_req *rq, f5_svc_synth_out *out, f5_error *err) {
    engine_f5 *e = self;
    memset(out, 0, sizeof *out);
    if (slot < 0 || slot >= e->n_slots) return f5_errf(err, F5_ERR_INTERNAL, "engine: slot %d out of range", slot);
    out->t_first_call_ms = f5_obs_mono() * 1000.0;
    uint8_t key[32];
    f5_refcache_key(rq->ref_audio, rq->ref_len, rq->ref_text, key);
    bool cacheable = e->refs && f5_refcache_key_ok(key);
    f5_voice *voice = cacheable ? f5_refcache_get(e->refs, key) : NULL;
    f5_status st = F5_OK;
    if (!voice) {
        st = f5_voice_create(e->model, rq->ref_audio, rq->ref_len, rq->ref_text, &e->vp, &voice, err);
        if (st) return st;
        if (cacheable) voice = f5_refcache_put(e->refs, key, voice, voice_bytes(voice));
    } else {
        out->ref_cache_hit = true;
    }
    out->t_voice_ms = f5_obs_mono() * 1000.0 - out->t_first_call_ms;
    if (rq->phase)
        rq->phase(rq->user, out->ref_cache_hit ? F5_SVC_PHASE_REFERENCE_CACHED : F5_SVC_PHASE_REFERENCE, -1, 0,
                  out->t_first_call_ms / 1000.0, out->t_first_call_ms / 1000.0 + out->t_voice_ms / 1000.0);
    run_ctx ctx = {.rq = rq};
    f5_synth_params p = f5_synth_default_params();
    p.nfe_step = rq->nfe_step;
    p.cfg_strength = rq->cfg_strength;
    p.speed = rq->speed;
    p.remove_silence = rq->remove_silence;
    p.seed_set = true;
    p.seed = rq->seed;
    p.progress = cb_progress;
    p.should_abort = cb_abort;
    p.on_chunk = cb_chunk;
    if (rq->phase) p.on_phase = cb_phase;
    p.user = &ctx;
    f5_synth_result res;
    memset(&res, 0, sizeof res);
    st = e->batch ? f5_synthesize_batched(e->batch, e->sessions[slot], voice, rq->text, &p, rq->keep_pcm, &res, err)
                  : f5_synthesize(e->sessions[slot], voice, rq->text, &p, rq->keep_pcm, &res, err);
    if (cacheable) f5_refcache_release(e->refs, voice);
    else f5_voice_free(voice);
    if (st) {
        f5_synth_result_free(&res);
        return st;
    }
    out->n_samples = res.n_samples;
    out->audio_seconds = res.audio_seconds > 0 ? res.audio_seconds : (double)res.n_samples / F5_SAMPLE_RATE;
    out->rtf = res.rtf;
    if (rq->keep_pcm) {
        out->pcm = res.pcm; /* ownership moves to the caller */
        res.pcm = NULL;
    }
    f5_synth_result_free(&res);
    return F5_OK;
}

static f5_status prepare(void *self, const void *audio, size_t len, const char *ref_text, bool *cached, f5_error *err) {
    engine_f5 *e = self;
    *cached = false;
    uint8_t key[32];
    f5_refcache_key(audio, len, ref_text, key);
    if (!e->refs || !f5_refcache_key_ok(key)) return F5_OK;
    f5_voice *voice = f5_refcache_get(e->refs, key);
    if (voice) {
        *cached = true;
        f5_refcache_release(e->refs, voice);
        return F5_OK;
    }
    f5_status st = f5_voice_create(e->model, audio, len, ref_text, &e->vp, &voice, err);
    if (st) return st;
    f5_refcache_release(e->refs, f5_refcache_put(e->refs, key, voice, voice_bytes(voice)));
    return F5_OK;
}

static json_t *info(void *self) {
    engine_f5 *e = self;
    const char *base = strrchr(e->model_path, '/');
    return json_pack("{s:s, s:s, s:s, s:i, s:i, s:I, s:s, s:i, s:s}", "model", base ? base + 1 : e->model_path,
                     "model_path", e->model_path, "arch", e->info.arch, "dim", e->info.dim, "depth", e->info.depth,
                     "n_params", (json_int_t)e->info.n_params, "precision", e->info.precision, "max_batch",
                     e->batch ? e->max_batch : 1, "device", e->info.device);
}

static void engine_free(void *self) {
    engine_f5 *e = self;
    if (!e) return;
    f5_batch_free(e->batch); /* the workers have stopped: nothing waits in it */
    for (int i = 0; e->sessions && i < e->n_slots; i++) f5_session_free(e->sessions[i]);
    free(e->sessions);
    f5_refcache_free(e->refs);
    f5_vocoder_free(e->vocoder);
    f5_model_free(e->model);
    free(e);
}

static f5_device parse_device(const char *s) {
    if (s && !strcmp(s, "cpu")) return F5_DEVICE_CPU;
    if (s && !strcmp(s, "cuda")) return F5_DEVICE_CUDA;
    return F5_DEVICE_AUTO;
}

f5_status f5_svc_engine_f5_open(const f5_svc_engine_opts *o, f5_svc_engine *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    f5_status st;
    if (!o->model || !*o->model)
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "no model configured: pass --model PATH (or CKPT_PATH); get one with `f5tts models pull "
                       "F5TTS_v1_Base`, or a tiny test model with `f5tts make-test-model DIR`");
    struct stat sb;
    if (stat(o->model, &sb) != 0)
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "model '%s' not found (a checkpoint file or directory is expected; for a named model run "
                       "`f5tts models pull %s` then pass `--model $(f5tts models path %s)`)",
                       o->model, o->model, o->model);
    engine_f5 *e = calloc(1, sizeof *e);
    if (!e) return f5_errf(err, F5_ERR_NOMEM, "engine: out of memory");
    snprintf(e->model_path, sizeof e->model_path, "%s", o->model);
    if (o->vocoder && *o->vocoder) {
        snprintf(e->vocoder_path, sizeof e->vocoder_path, "%s", o->vocoder);
    } else {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", o->model);
        if (!S_ISDIR(sb.st_mode)) {
            char *slash = strrchr(dir, '/');
            if (slash) *slash = 0;
            else snprintf(dir, sizeof dir, ".");
        }
        snprintf(e->vocoder_path, sizeof e->vocoder_path, "%.*s/vocos", (int)(sizeof e->vocoder_path - 8), dir);
    }
    f5_model_params mp = f5_model_default_params();
    mp.device = parse_device(o->device);
    mp.n_threads = o->threads;
    if (o->dtype && !f5_precision_parse(o->dtype, &mp.precision)) {
        st = f5_errf(err, F5_ERR_INVALID_ARG, "dtype: expected fp32 or bf16, got '%s'", o->dtype);
        goto fail;
    }
    mp.vocab_path = o->vocab && *o->vocab ? o->vocab : NULL;
    mp.config_path = o->model_config && *o->model_config ? o->model_config : NULL;
    mp.log = o->log;
    mp.log_user = o->log_user;
    st = f5_model_load(o->model, &mp, &e->model, err);
    if (st) {
        f5_err_prefix(err, st, "loading model %s", o->model);
        goto fail;
    }
    f5_model_get_info(e->model, &e->info);
    f5_vocoder_params vp = f5_vocoder_default_params();
    vp.device = mp.device;
    vp.n_threads = o->threads;
    st = f5_vocoder_load(e->vocoder_path, &vp, &e->vocoder, err);
    if (st) {
        f5_err_prefix(err, st, "loading vocoder %s", e->vocoder_path);
        goto fail;
    }
    e->n_slots = o->n_slots > 0 ? o->n_slots : 1;
    e->sessions = calloc((size_t)e->n_slots, sizeof *e->sessions);
    if (!e->sessions) {
        st = f5_errf(err, F5_ERR_NOMEM, "engine: out of memory");
        goto fail;
    }
    f5_session_params sp = f5_session_default_params();
    sp.n_threads = o->threads;
    for (int i = 0; i < e->n_slots; i++) {
        st = f5_session_create(e->model, e->vocoder, &sp, &e->sessions[i], err);
        if (st) {
            f5_err_prefix(err, st, "creating session %d", i);
            goto fail;
        }
    }
    if (o->max_batch > 1) {
        f5_batch_params bp = f5_batch_default_params();
        bp.max_batch = o->max_batch;
        bp.max_frames = o->batch_frames;
        bp.n_threads = o->threads;
        st = f5_batch_create(e->model, &bp, &e->batch, err);
        if (st) {
            f5_err_prefix(err, st, "creating the batch (--max-batch %d)", o->max_batch);
            goto fail;
        }
        e->max_batch = o->max_batch;
    }
    e->vp = f5_voice_default_params();
    if (o->max_ref_seconds > 0) e->vp.max_input_seconds = (float)o->max_ref_seconds;
    if (o->min_ref_seconds > 0) e->vp.min_ref_seconds = (float)o->min_ref_seconds;
    e->refs = f5_refcache_new(F5_SVC_REFCACHE_BYTES, voice_free_cb); /* NULL (no memory): no caching */
    out->self = e;
    out->n_slots = e->n_slots;
    out->run = run;
    out->prepare = prepare;
    out->info = info;
    out->free = engine_free;
    return F5_OK;
fail:
    engine_free(e);
    return st;
}

f5_status f5_svc_engine_warmup(f5_svc_engine *e, f5_error *err) {
    /* 1.5 s of a voiced-like harmonic tone with a decaying envelope per syllable. */
    size_t n = F5_SAMPLE_RATE * 3 / 2;
    float *pcm = malloc(n * sizeof *pcm);
    if (!pcm) return f5_errf(err, F5_ERR_NOMEM, "warm-up: out of memory");
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / F5_SAMPLE_RATE, env = 0.5 * (1 - cos(2 * M_PI * 3 * t));
        pcm[i] = (float)(0.2 * env * (sin(2 * M_PI * 140 * t) + 0.5 * sin(2 * M_PI * 280 * t) + 0.25 * sin(2 * M_PI * 420 * t)));
    }
    uint8_t *wav = NULL;
    size_t wav_len = 0;
    f5_status st = f5_audio_encode(pcm, n, F5_SAMPLE_RATE, F5_FMT_WAV, &wav, &wav_len, err);
    free(pcm);
    if (st) return f5_err_prefix(err, st, "warm-up reference");
    for (int slot = 0; slot < e->n_slots && !st; slot++) {
        f5_svc_synth_req rq = {.text = "Warm up.", .ref_text = "One two three.", .ref_audio = wav, .ref_len = wav_len,
                               .nfe_step = 2, .cfg_strength = 2.0f, .speed = 1.0f, .seed = 1};
        f5_svc_synth_out out;
        st = e->run(e->self, slot, &rq, &out, err);
        free(out.pcm);
        if (st) f5_err_prefix(err, st, "warm-up synthesis on slot %d", slot);
    }
    free(wav);
    return st;
}
