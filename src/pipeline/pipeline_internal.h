/* pipeline_internal.h - the handle structs behind include/f5tts.h and the
 * hooks that golden tests and the CLI use but the public API does not
 * expose (injected noise, per-chunk traces, text normalisation off).
 *
 * Ownership: f5_model owns its weights, DiT and vocab; f5_vocoder its Vocos;
 * f5_session its DiT context, Vocos scratch and kernel context (it borrows
 * model and vocoder, which must outlive it); f5_voice owns copies of
 * everything it holds. Models, vocoders and voices are immutable after
 * creation and shared freely between threads; a session is one thread's.
 */
#ifndef F5_PIPELINE_INTERNAL_H
#define F5_PIPELINE_INTERNAL_H

#include "f5tts.h"
#include "kernels/kernels.h"
#include "model/cfm.h"
#include "model/dit.h"
#include "model/model_config.h"
#include "model/vocos.h"
#include "model/weights.h"
#include "text/text.h"

struct f5_model {
    f5_weights *w;          /* normalised state dict ("transformer.*"), owned */
    f5_dit *dit;            /* binds into w */
    f5_dit_config cfg;
    f5_vocab *vocab;
    f5_device device;
    int n_threads;          /* 0 = all cores */
    f5_kprec prec;          /* precision in effect (packed at load when bf16) */
    bool jieba_split;
    bool lowercase_text;
    bool textnorm;          /* run the Vietnamese normaliser on texts (true; off only for golden) */
    f5_log_fn log;
    void *log_user;
    int64_t n_params;
    char checkpoint[4096];
};

struct f5_vocoder {
    f5_vocos *vocos;
    f5_device device;
    int n_threads;
};

struct f5_session {
    const f5_model *model;
    const f5_vocoder *vocoder;
    f5_dit_ctx *dit_ctx;
    f5_vocos_scratch *vscratch;
    f5_kctx kctx;
};

struct f5_voice {
    float *wave;            /* [n] mono 24 kHz, RMS-normalised (what the mel is computed from) */
    size_t n;
    float *mel_t;           /* [frames, 100]: the DiT's cond layout */
    int frames;             /* n / 256 + 1 */
    char *ref_text;         /* normalised + fixed-up transcript (f5_ref_text_normalize) */
    int64_t file_samples;   /* reference as loaded, after clip/trim, at the file's rate (max_chars rule) */
    int file_sr;
    float rms;              /* before normalisation */
    float scale;            /* >= 1: applied to the reference */
    float target_rms;       /* the RMS the reference was raised to; output gets rms / target_rms */
    bool scaled;
    f5_voice_info info;
};

/* Extra controls of one synthesis (all optional; zero-initialise). */
typedef struct f5_synth_hooks {
    /* Initial noise per chunk: noise[i] is [eff_duration_i, 100]; n_noise
     * must cover every chunk (else F5_ERR_INVALID_ARG). */
    const float *const *noise;
    int n_noise;
    /* After each chunk: its token ids, the sampler output [frames,100]
     * (reference frames included), the raw vocoder output (before the RMS
     * factor and cross-fading) and the wall time of sampling / vocoding. */
    void (*chunk_trace)(void *user, int chunk, const f5_plan_chunk *pc, const int32_t *ids, int n_ids,
                        const float *sampled_mel, int frames, int ref_audio_len, const float *wave, size_t n_wave,
                        double sample_ms, double vocoder_ms);
    void *user;
    /* Sampling in place of f5_cfm_sample on the session's context (the
     * batch of f5_synthesize_batched); same contract as f5_cfm_sample. */
    f5_status (*sample)(void *sample_user, const f5_cfm_params *p, const float *cond, int ref_len,
                        const int32_t *text, int n_text, int duration, const float *noise, uint64_t seed,
                        const f5_cfm_hooks *hooks, float *out, int *out_frames, f5_error *err);
    void *sample_user;
} f5_synth_hooks;

/* f5_synthesize with hooks (h may be NULL). */
f5_status f5_synthesize_ex(f5_session *s, const f5_voice *v, const char *text, const f5_synth_params *p,
                           bool keep_pcm, const f5_synth_hooks *h, f5_synth_result *res, f5_error *err);

/* f5_voice_create with the text normaliser switchable (golden: off). */
f5_status f5_voice_create_ex(const f5_model *m, const void *audio, size_t audio_len, const char *ref_text,
                             const f5_voice_params *p, bool textnorm, f5_voice **out, f5_error *err);

/* f5_model_load with the architecture given explicitly (golden cases state
 * it in the manifest; shapes alone cannot tell v1 from v0). arch NULL =
 * f5_model_load; its text_num_embeds is replaced by the vocab size. */
f5_status f5_model_load_ex(const char *path, const f5_model_params *p, const f5_dit_config *arch, f5_model **out,
                           f5_error *err);

/* Turn the Vietnamese normaliser of a freshly loaded model off (golden
 * cases feed upstream's raw text). Not thread-safe: call before sharing. */
void f5_model_set_textnorm(f5_model *m, bool on);

/* Text as the model sees it: Vietnamese normaliser (when on) with its line
 * breaks joined by spaces, else only f5_text_clean. *out malloc'd. */
f5_status f5_pipeline_prepare_text(const f5_model *m, bool textnorm, const char *text, char **out, f5_error *err);

/* A seed from the OS (getrandom / /dev/urandom). */
uint64_t f5_pipeline_random_seed(void);
/* Seed of chunk i derived from the synthesis seed (splitmix64 mix). */
uint64_t f5_pipeline_chunk_seed(uint64_t seed, int chunk);

#endif
