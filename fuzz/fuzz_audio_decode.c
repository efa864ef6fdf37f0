/* fuzz_audio_decode.c - libFuzzer driver for the audio decoders (format
 * detection, libsndfile WAV/FLAC/Vorbis/MPEG, opusfile) and, for inputs
 * that decode, the steps that consume decoded audio: reference
 * preprocessing (silence analysis, resampling) and the log-mel. Any crash,
 * leak or sanitizer report is a bug; errors are expected. */
#include "audio/audio.h"
#include "audio/mel.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    f5_decode_limits lim = f5_decode_default_limits();
    lim.max_seconds = 20;
    lim.max_bytes = 4 << 20;
    f5_pcm p = {0};
    f5_error err = {0};
    if (f5_audio_decode(data, size, &lim, &p, &err) != F5_OK) return 0;
    if (p.n <= (size_t)p.sample_rate * 3) {
        f5_refprep_result r;
        if (f5_refprep(&p, NULL, &r, &err) == F5_OK) {
            f5_mel *m = NULL;
            if (r.n > 512 && f5_mel_create(&m, &err) == F5_OK) {
                float *mel = malloc(sizeof(float) * 100 * (size_t)f5_mel_frames(r.n));
                if (mel) f5_mel_compute(m, r.wave, r.n, mel, NULL, &err);
                free(mel);
                f5_mel_free(m);
            }
            f5_refprep_free(&r);
        }
    }
    f5_pcm_free(&p);
    return 0;
}
