/* fake_engine.h - a synthesis engine double for the service tests: emits
 * FAKE_CHUNKS chunks of a 220 Hz tone, each after FAKE_STEPS progress steps
 * of FAKE_STEP_MS, honours the abort callback, and fails like the real
 * pipeline on a tiny reference (audio_too_short) or text "FAIL" (invalid_text).
 * Text "SLOW" makes every step 10x longer. Header-only: include once.
 */
#ifndef F5_TEST_FAKE_ENGINE_H
#define F5_TEST_FAKE_ENGINE_H

#include "core/error.h"
#include "service/jobs/engine.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef FAKE_CHUNKS
#define FAKE_CHUNKS 4
#endif
#ifndef FAKE_STEPS
#define FAKE_STEPS 5
#endif
#ifndef FAKE_STEP_MS
#define FAKE_STEP_MS 20
#endif
#define FAKE_CHUNK_SAMPLES 12000

static atomic_int fake_runs, fake_max_parallel, fake_parallel;

static void fake_sleep_ms(int ms) {
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static f5_status fake_run(void *self, int slot, const f5_svc_synth_req *rq, f5_svc_synth_out *out, f5_error *err) {
    (void)self;
    (void)slot;
    memset(out, 0, sizeof *out);
    atomic_fetch_add(&fake_runs, 1);
    int par = atomic_fetch_add(&fake_parallel, 1) + 1;
    int mx = atomic_load(&fake_max_parallel);
    while (par > mx && !atomic_compare_exchange_weak(&fake_max_parallel, &mx, par)) {}
    f5_status st = F5_OK;
    float *all = NULL;
    size_t n_all = 0;
    int step_ms = strstr(rq->text, "SLOW") ? FAKE_STEP_MS * 10 : FAKE_STEP_MS;
    if (rq->ref_len < 64) {
        st = f5_errf(err, F5_ERR_AUDIO_TOO_SHORT, "reference audio is too short (%zu bytes)", rq->ref_len);
        goto out;
    }
    if (!strcmp(rq->text, "FAIL")) {
        st = f5_errf(err, F5_ERR_INVALID_TEXT, "text has nothing to say");
        goto out;
    }
    if (rq->keep_pcm) {
        all = malloc(sizeof(float) * FAKE_CHUNK_SAMPLES * FAKE_CHUNKS);
        if (!all) {
            st = f5_errf(err, F5_ERR_NOMEM, "fake: oom");
            goto out;
        }
    }
    float chunk[FAKE_CHUNK_SAMPLES];
    for (int c = 0; c < FAKE_CHUNKS; c++) {
        for (int s = 0; s < FAKE_STEPS; s++) {
            if (rq->should_abort && rq->should_abort(rq->user)) {
                st = f5_errf(err, F5_ERR_ABORTED, "aborted");
                goto out;
            }
            fake_sleep_ms(step_ms);
            if (rq->progress) rq->progress(rq->user, ((double)c + (s + 1.0) / FAKE_STEPS) / FAKE_CHUNKS);
        }
        for (int i = 0; i < FAKE_CHUNK_SAMPLES; i++)
            chunk[i] = 0.3f * (float)sin(2 * M_PI * 220.0 * (double)(c * FAKE_CHUNK_SAMPLES + i) / F5_SAMPLE_RATE);
        if (rq->on_chunk && (st = rq->on_chunk(rq->user, chunk, FAKE_CHUNK_SAMPLES)) != F5_OK) {
            f5_errf(err, st, "chunk callback stopped the synthesis");
            goto out;
        }
        if (all) memcpy(all + n_all, chunk, sizeof chunk);
        n_all += FAKE_CHUNK_SAMPLES;
    }
    out->n_samples = n_all;
    out->audio_seconds = (double)n_all / F5_SAMPLE_RATE;
    out->pcm = all;
    all = NULL;
out:
    free(all);
    atomic_fetch_sub(&fake_parallel, 1);
    return st;
}

static json_t *fake_info(void *self) {
    (void)self;
    return json_pack("{s:s, s:s}", "model", "fake", "arch", "fake");
}

static void fake_free(void *self) {
    (void)self;
}

static f5_status fake_open(const f5_svc_engine_opts *o, f5_svc_engine *out, f5_error *err) {
    (void)err;
    memset(out, 0, sizeof *out);
    out->n_slots = o->n_slots > 0 ? o->n_slots : 1;
    out->run = fake_run;
    out->info = fake_info;
    out->free = fake_free;
    return F5_OK;
}

#endif
