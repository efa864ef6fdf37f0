/* api_stub.c - TEMPORARY bodies of the public model/session/voice/synthesis
 * API so that the CLI and the service link while the pipeline is being
 * written. The pipeline owner deletes each function from here as the real
 * one lands (and this file when empty). */
#include "core/error.h"
#include "f5tts.h"

#include <string.h>

#define STUB(what) f5_errf(err, F5_ERR_UNSUPPORTED, "%s: not implemented yet", what)

f5_model_params f5_model_default_params(void) {
    return (f5_model_params){.arch = "auto", .device = F5_DEVICE_AUTO, .jieba_split = true, .lowercase_text = true};
}
f5_status f5_model_load(const char *path, const f5_model_params *p, f5_model **out, f5_error *err) {
    (void)path; (void)p; *out = NULL; return STUB("f5_model_load");
}
void f5_model_free(f5_model *m) { (void)m; }
void f5_model_get_info(const f5_model *m, f5_model_info *info) { (void)m; memset(info, 0, sizeof *info); }
f5_vocoder_params f5_vocoder_default_params(void) { return (f5_vocoder_params){.device = F5_DEVICE_AUTO}; }
f5_status f5_vocoder_load(const char *path, const f5_vocoder_params *p, f5_vocoder **out, f5_error *err) {
    (void)path; (void)p; *out = NULL; return STUB("f5_vocoder_load");
}
void f5_vocoder_free(f5_vocoder *v) { (void)v; }
f5_session_params f5_session_default_params(void) { return (f5_session_params){0}; }
f5_status f5_session_create(const f5_model *m, const f5_vocoder *v, const f5_session_params *p, f5_session **out,
                            f5_error *err) {
    (void)m; (void)v; (void)p; *out = NULL; return STUB("f5_session_create");
}
void f5_session_free(f5_session *s) { (void)s; }
f5_voice_params f5_voice_default_params(void) {
    return (f5_voice_params){.target_rms = 0.1f, .max_ref_seconds = 12, .max_input_seconds = 300,
                             .min_ref_seconds = 0.3f, .clip_and_trim = true};
}
f5_status f5_voice_create(const f5_model *m, const void *audio, size_t audio_len, const char *ref_text,
                          const f5_voice_params *p, f5_voice **out, f5_error *err) {
    (void)m; (void)audio; (void)audio_len; (void)ref_text; (void)p; *out = NULL; return STUB("f5_voice_create");
}
f5_status f5_voice_create_file(const f5_model *m, const char *path, const char *ref_text, const f5_voice_params *p,
                               f5_voice **out, f5_error *err) {
    (void)m; (void)path; (void)ref_text; (void)p; *out = NULL; return STUB("f5_voice_create_file");
}
void f5_voice_get_info(const f5_voice *v, f5_voice_info *info) { (void)v; memset(info, 0, sizeof *info); }
void f5_voice_free(f5_voice *v) { (void)v; }
f5_synth_params f5_synth_default_params(void) {
    return (f5_synth_params){.nfe_step = 32, .cfg_strength = 2.0f, .sway_sampling_coef = -1.0f, .speed = 1.0f,
                             .target_rms = 0.1f, .cross_fade_duration = 0.15f};
}
f5_status f5_synthesize(f5_session *s, const f5_voice *v, const char *text, const f5_synth_params *p, bool keep_pcm,
                        f5_synth_result *res, f5_error *err) {
    (void)s; (void)v; (void)text; (void)p; (void)keep_pcm; memset(res, 0, sizeof *res); return STUB("f5_synthesize");
}
void f5_synth_result_free(f5_synth_result *r) { (void)r; }
