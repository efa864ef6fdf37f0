/* cmd_synth.c - `f5tts synth`: one synthesis from the command line.
 *
 * Settings come from flags, which override the environment (MODEL_NAME,
 * CKPT_PATH, VOCODER_PATH, HF_CACHE_DIR, DEVICE, NFE_STEP, CFG_STRENGTH,
 * TARGET_RMS, SPEED), which overrides the upstream defaults. A progress bar
 * (chunks x NFE steps, ETA) is drawn on stderr when it is a terminal;
 * --json prints the seed and the timings on stdout. Exit codes: 0 done,
 * 1 the synthesis failed (message on stderr), 2 bad usage.
 */
#include "cli/commands.h"
#include "core/clock.h"
#include "core/fsutil.h"
#include "cli/progress.h"
#include "cli/synth_dryrun.h"
#include "f5tts.h"
#include "pipeline/pipeline_internal.h"
#include "pipeline/resolve.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

typedef struct synth_opts {
    const char *model, *vocoder, *vocab, *config, *arch;
    const char *ref, *ref_text, *text, *text_file, *out, *format, *device, *dtype;
    int threads;
    bool json, quiet, no_normalize, lowercase_set, lowercase;
    f5_synth_params p;
    bool dry_run; /* print the plan (text, chunks, token ids, seconds), no synthesis */
} synth_opts;

static void usage(FILE *f) {
    fprintf(f,
            "usage: f5tts synth --model M [--vocoder V] --ref FILE --ref-text T (--text T | --text-file F) -o OUT\n"
            "                   [--speed 1] [--nfe 32] [--cfg 2] [--sway -1] [--seed N] [--remove-silence]\n"
            "                   [--format wav|wav_float|flac|ogg|mp3|pcm] [--device auto|cpu|cuda] [--threads N]\n"
            "                   [--dtype fp32|bf16] [--json] [--dry-run]\n"
            "\n"
            "  --model M          model directory (checkpoint + vocab.txt [+ YAML]), checkpoint file, or name\n"
            "                     (F5TTS_v1_Base, F5TTS_Base, F5-TTS-Vietnamese-ViVoice, ORG/NAME in the HF cache)\n"
            "                     env: CKPT_PATH, MODEL_NAME\n"
            "  --vocoder V        Vocos directory or name (default: M/vocos if present, else 'vocos'); env VOCODER_PATH\n"
            "  --vocab F          vocab file (default: next to the checkpoint)\n"
            "  --config F         model YAML (default: the one beside the checkpoint, else inferred)\n"
            "  --arch A           architecture preset: v1_base, base, small (default: auto)\n"
            "  --ref FILE         reference clip (WAV/FLAC/OGG/Opus/MP3)\n"
            "  --ref-text T       transcript of the reference clip (required)\n"
            "  --text T           text to say; --text-file F reads it from a file ('-' = stdin)\n"
            "  -o OUT             output file ('-' = stdout); the format follows the extension unless --format\n"
            "  --speed S          speaking rate (env SPEED, default 1)\n"
            "  --nfe N            sampler steps (env NFE_STEP, default 32)\n"
            "  --cfg C            classifier-free guidance strength (env CFG_STRENGTH, default 2)\n"
            "  --sway S           sway sampling coefficient (default -1)\n"
            "  --target-rms R     reference loudness target (env TARGET_RMS, default 0.1)\n"
            "  --cross-fade S     seconds of cross-fade between chunks (default 0.15)\n"
            "  --fix-duration S   total seconds (reference + generated) per chunk instead of the text rule\n"
            "  --seed N           noise seed (default: random, reported with --json)\n"
            "  --remove-silence   cut long silences out of the result\n"
            "  --no-normalize     feed the text as is (no Vietnamese normaliser)\n"
            "  --lowercase / --no-lowercase   lowercase the text for the tokenizer (default: on)\n"
            "  --device D         auto|cpu|cuda (env DEVICE, default auto)\n"
            "  --threads N        CPU threads (default: all cores)\n"
            "  --dtype fp32|bf16  precision of the DiT's products (default fp32, env F5_DTYPE); bf16 is ~2x\n"
            "                     faster on CPUs with AVX512-BF16/AMX, falls back to fp32 elsewhere\n"
            "  --dry-run          print the plan as JSON (normalised text, chunks, token ids, planned seconds\n"
            "                     per chunk) without synthesising; -o is not needed\n"
            "  --json             print seed, timings and RTF as JSON on stdout\n"
            "  --quiet            no progress bar\n");
}

static bool parse_int(const char *s, long lo, long hi, long *out) {
    char *e;
    errno = 0;
    long v = strtol(s, &e, 10);
    if (errno || e == s || *e || v < lo || v > hi) return false;
    *out = v;
    return true;
}

static bool parse_float(const char *s, float *out) {
    char *e;
    errno = 0;
    double v = strtod(s, &e);
    if (errno || e == s || *e) return false;
    *out = (float)v;
    return true;
}

static bool parse_u64(const char *s, uint64_t *out) {
    char *e;
    errno = 0;
    if (*s == '-') return false;
    unsigned long long v = strtoull(s, &e, 10);
    if (errno || e == s || *e) return false;
    *out = v;
    return true;
}

static const char *env(const char *k) {
    const char *v = getenv(k);
    return v && *v ? v : NULL;
}

/* Environment layer (flags parsed later override these). 0 or 2 (bad value). */
static int apply_env(synth_opts *o) {
    const char *v;
    if ((v = env("CKPT_PATH"))) o->model = v;
    else if ((v = env("MODEL_NAME"))) o->model = v;
    if ((v = env("VOCODER_PATH"))) o->vocoder = v;
    if ((v = env("DEVICE"))) o->device = v;
    if ((v = env("F5_DTYPE"))) o->dtype = v;
    long n;
    if ((v = env("NFE_STEP"))) {
        if (!parse_int(v, 1, 1000, &n)) return fprintf(stderr, "f5tts synth: NFE_STEP=%s is not an integer in [1, 1000]\n", v), 2;
        o->p.nfe_step = (int)n;
    }
    if ((v = env("CFG_STRENGTH")) && !parse_float(v, &o->p.cfg_strength))
        return fprintf(stderr, "f5tts synth: CFG_STRENGTH=%s is not a number\n", v), 2;
    if ((v = env("TARGET_RMS")) && !parse_float(v, &o->p.target_rms))
        return fprintf(stderr, "f5tts synth: TARGET_RMS=%s is not a number\n", v), 2;
    if ((v = env("SPEED")) && !parse_float(v, &o->p.speed))
        return fprintf(stderr, "f5tts synth: SPEED=%s is not a number\n", v), 2;
    return 0;
}

#define NEED_ARG()                                                                     \
    do {                                                                               \
        if (i + 1 >= argc) {                                                           \
            fprintf(stderr, "f5tts synth: %s needs a value (see f5tts synth --help)\n", a); \
            return 2;                                                                  \
        }                                                                              \
    } while (0)
#define BAD_VALUE()                                                                    \
    do {                                                                               \
        fprintf(stderr, "f5tts synth: bad value '%s' for %s\n", argv[i], a);           \
        return 2;                                                                      \
    } while (0)

/* 0 = go on, 1 = --help printed, 2 = usage error. */
static int parse_args(int argc, char **argv, synth_opts *o) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long n;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return usage(stdout), 1;
        if (!strcmp(a, "--json")) { o->json = true; continue; }
        if (!strcmp(a, "--dry-run")) { o->dry_run = true; continue; }
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) { o->quiet = true; continue; }
        if (!strcmp(a, "--remove-silence")) { o->p.remove_silence = true; continue; }
        if (!strcmp(a, "--no-normalize")) { o->no_normalize = true; continue; }
        if (!strcmp(a, "--lowercase")) { o->lowercase_set = o->lowercase = true; continue; }
        if (!strcmp(a, "--no-lowercase")) { o->lowercase_set = true; o->lowercase = false; continue; }
        const char **sp = NULL;
        if (!strcmp(a, "--model") || !strcmp(a, "-m")) sp = &o->model;
        else if (!strcmp(a, "--vocoder")) sp = &o->vocoder;
        else if (!strcmp(a, "--vocab")) sp = &o->vocab;
        else if (!strcmp(a, "--config")) sp = &o->config;
        else if (!strcmp(a, "--arch")) sp = &o->arch;
        else if (!strcmp(a, "--ref") || !strcmp(a, "-r")) sp = &o->ref;
        else if (!strcmp(a, "--ref-text")) sp = &o->ref_text;
        else if (!strcmp(a, "--text") || !strcmp(a, "-t")) sp = &o->text;
        else if (!strcmp(a, "--text-file")) sp = &o->text_file;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output")) sp = &o->out;
        else if (!strcmp(a, "--format")) sp = &o->format;
        else if (!strcmp(a, "--device")) sp = &o->device;
        else if (!strcmp(a, "--dtype")) sp = &o->dtype;
        if (sp) {
            NEED_ARG();
            *sp = argv[++i];
            continue;
        }
        float *fp = NULL;
        if (!strcmp(a, "--speed")) fp = &o->p.speed;
        else if (!strcmp(a, "--cfg")) fp = &o->p.cfg_strength;
        else if (!strcmp(a, "--sway")) fp = &o->p.sway_sampling_coef;
        else if (!strcmp(a, "--target-rms")) fp = &o->p.target_rms;
        else if (!strcmp(a, "--cross-fade")) fp = &o->p.cross_fade_duration;
        else if (!strcmp(a, "--fix-duration")) fp = &o->p.fix_duration;
        if (fp) {
            NEED_ARG();
            i++;
            if (!parse_float(argv[i], fp)) BAD_VALUE();
            continue;
        }
        if (!strcmp(a, "--nfe")) {
            NEED_ARG();
            i++;
            if (!parse_int(argv[i], 1, 1000, &n)) BAD_VALUE();
            o->p.nfe_step = (int)n;
            continue;
        }
        if (!strcmp(a, "--threads")) {
            NEED_ARG();
            i++;
            if (!parse_int(argv[i], 0, 4096, &n)) BAD_VALUE();
            o->threads = (int)n;
            continue;
        }
        if (!strcmp(a, "--seed")) {
            NEED_ARG();
            i++;
            if (!parse_u64(argv[i], &o->p.seed)) BAD_VALUE();
            o->p.seed_set = true;
            continue;
        }
        fprintf(stderr, "f5tts synth: unknown option '%s' (see f5tts synth --help)\n", a);
        return 2;
    }
    return 0;
}

static char *read_all(FILE *f, size_t *n) {
    size_t cap = 4096, len = 0;
    char *b = malloc(cap);
    while (b) {
        size_t r = fread(b + len, 1, cap - len - 1, f);
        len += r;
        if (r == 0) break;
        if (len + 1 == cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
            cap *= 2;
        }
    }
    if (b) b[len] = 0;
    if (n) *n = len;
    return b;
}

static bool format_from_name(const char *out, f5_audio_format *f) {
    const char *dot = strrchr(out, '.');
    if (!dot || strchr(dot, '/')) return false;
    return f5_audio_format_parse(dot + 1, f);
}

static double now_ms(void) { return f5_now_s() * 1e3; }

static void on_progress(void *user, int chunk, int n_chunks, int step, int n_steps) {
    progress_update(user, chunk, n_chunks, step, n_steps);
}

typedef struct chunk_times {
    json_t *arr;
} chunk_times;

static void on_trace(void *user, int chunk, const f5_plan_chunk *pc, const int32_t *ids, int n_ids,
                     const float *mel, int frames, int ref_audio_len, const float *wave, size_t n_wave,
                     double sample_ms, double vocoder_ms) {
    (void)ids, (void)mel, (void)wave, (void)pc;
    chunk_times *ct = user;
    json_array_append_new(ct->arr, json_pack("{s:i, s:i, s:i, s:i, s:I, s:f, s:f}", "chunk", chunk, "tokens", n_ids,
                                             "frames", frames, "gen_frames", frames - ref_audio_len, "samples",
                                             (json_int_t)n_wave, "sample_ms", sample_ms, "vocoder_ms", vocoder_ms));
}

/* Default vocoder: the model directory's vocos/ (test models), else "vocos". */
static const char *default_vocoder(const char *model, char *buf, size_t cap) {
    if (f5_path_is_dir(model)) {
        snprintf(buf, cap, "%s/vocos", model);
        if (f5_path_is_dir(buf)) return buf;
    } else if (f5_path_is_file(model)) {
        snprintf(buf, cap, "%s", model);
        char *s = strrchr(buf, '/');
        if (s) {
            s[1] = 0;
            strncat(buf, "vocos", cap - strlen(buf) - 1);
        } else {
            snprintf(buf, cap, "vocos");
        }
        if (f5_path_is_dir(buf)) return buf;
    }
    return "vocos";
}

int cmd_synth(int argc, char **argv) {
    synth_opts o = {0};
    o.p = f5_synth_default_params();
    int rc = apply_env(&o);
    if (rc) return rc;
    rc = parse_args(argc, argv, &o);
    if (rc) return rc == 1 ? 0 : 2;
    if (!o.model) return fprintf(stderr, "f5tts synth: --model is required (or set CKPT_PATH / MODEL_NAME)\n"), 2;
    if (!o.ref) return fprintf(stderr, "f5tts synth: --ref FILE is required (the voice to clone)\n"), 2;
    if (o.dry_run && !o.out) o.out = "(dry run)";
    if (!o.out) return fprintf(stderr, "f5tts synth: -o OUT is required\n"), 2;
    if (o.text && o.text_file) return fprintf(stderr, "f5tts synth: give --text or --text-file, not both\n"), 2;
    if (!o.text && !o.text_file) return fprintf(stderr, "f5tts synth: --text T or --text-file F is required\n"), 2;
    if (o.json && !strcmp(o.out, "-"))
        return fprintf(stderr, "f5tts synth: --json and -o - both want stdout; write the audio to a file\n"), 2;
    f5_audio_format fmt = F5_FMT_WAV;
    if (o.format) {
        if (!f5_audio_format_parse(o.format, &fmt))
            return fprintf(stderr, "f5tts synth: unknown --format '%s' (wav, wav_float, flac, ogg, mp3, pcm)\n", o.format), 2;
    } else if (!o.dry_run && strcmp(o.out, "-") && !format_from_name(o.out, &fmt)) {
        return fprintf(stderr, "f5tts synth: cannot tell the format from '%s': use a .wav/.flac/.ogg/.mp3/.pcm name or --format\n", o.out), 2;
    }
    f5_device dev = F5_DEVICE_AUTO;
    if (o.device) {
        if (!strcasecmp(o.device, "auto")) dev = F5_DEVICE_AUTO;
        else if (!strcasecmp(o.device, "cpu")) dev = F5_DEVICE_CPU;
        else if (!strcasecmp(o.device, "cuda") || !strncasecmp(o.device, "cuda:", 5)) dev = F5_DEVICE_CUDA;
        else return fprintf(stderr, "f5tts synth: unknown device '%s' (auto, cpu, cuda)\n", o.device), 2;
    }

    char *text = NULL;
    if (o.text_file) {
        FILE *tf = strcmp(o.text_file, "-") ? fopen(o.text_file, "rb") : stdin;
        if (!tf) return fprintf(stderr, "f5tts synth: cannot open --text-file %s: %s\n", o.text_file, strerror(errno)), 1;
        text = read_all(tf, NULL);
        if (tf != stdin) fclose(tf);
        if (!text) return fprintf(stderr, "f5tts synth: out of memory reading %s\n", o.text_file), 1;
    }

    f5_error err = {0};
    f5_model *m = NULL;
    f5_vocoder *voc = NULL;
    f5_session *s = NULL;
    f5_voice *v = NULL;
    f5_synth_result res = {0};
    uint8_t *enc = NULL;
    size_t enc_n = 0;
    json_t *chunks_js = json_array();
    progress_bar bar;
    rc = 1;
    double t_start = now_ms();

    f5_model_params mp = f5_model_default_params();
    mp.vocab_path = o.vocab;
    mp.config_path = o.config;
    if (o.arch) mp.arch = o.arch;
    mp.device = dev;
    mp.n_threads = o.threads;
    if (o.dtype && !f5_precision_parse(o.dtype, &mp.precision)) {
        fprintf(stderr, "f5tts synth: --dtype must be fp32 or bf16, not '%s'\n", o.dtype);
        rc = 2;
        goto done;
    }
    if (o.lowercase_set) mp.lowercase_text = o.lowercase;
    if (f5_model_load(o.model, &mp, &m, &err)) {
        fprintf(stderr, "f5tts synth: model: %s\n", err.message);
        goto done;
    }
    if (o.no_normalize) f5_model_set_textnorm(m, false);
    if (mp.precision == F5_PRECISION_BF16) {
        f5_model_info mi;
        f5_model_get_info(m, &mi);
        if (strcmp(mi.precision, "bf16"))
            fprintf(stderr, "f5tts synth: note: this CPU has neither AVX512-BF16 nor AMX: running in fp32\n");
    }
    if (o.dry_run) { /* no vocoder or session: only the voice and the plan */
        f5_voice_params dvp = f5_voice_default_params();
        dvp.target_rms = o.p.target_rms;
        if (f5_voice_create_file(m, o.ref, o.ref_text ? o.ref_text : "", &dvp, &v, &err)) {
            fprintf(stderr, "f5tts synth: reference: %s\n", err.message);
            goto done;
        }
        rc = f5_cli_synth_dry_run(m, v, text ? text : o.text, &o.p);
        goto done;
    }
    char vbuf[F5_PATH_MAX];
    const char *vocoder = o.vocoder ? o.vocoder : default_vocoder(o.model, vbuf, sizeof vbuf);
    f5_vocoder_params vp = f5_vocoder_default_params();
    vp.device = dev;
    vp.n_threads = o.threads;
    if (f5_vocoder_load(vocoder, &vp, &voc, &err)) {
        fprintf(stderr, "f5tts synth: vocoder: %s\n", err.message);
        goto done;
    }
    f5_session_params sp = f5_session_default_params();
    sp.n_threads = o.threads;
    if (f5_session_create(m, voc, &sp, &s, &err)) {
        fprintf(stderr, "f5tts synth: %s\n", err.message);
        goto done;
    }
    double t_loaded = now_ms();
    f5_voice_params vcp = f5_voice_default_params();
    vcp.target_rms = o.p.target_rms;
    if (f5_voice_create_file(m, o.ref, o.ref_text ? o.ref_text : "", &vcp, &v, &err)) {
        fprintf(stderr, "f5tts synth: reference: %s\n", err.message);
        goto done;
    }
    double t_voice = now_ms();
    f5_voice_info vi;
    f5_voice_get_info(v, &vi);
    if (vi.clipped && !o.quiet)
        fprintf(stderr, "f5tts synth: warning: the reference was clipped from %.1f s to %.1f s; its transcript may "
                        "now be longer than the audio\n", vi.input_seconds, vi.kept_seconds);

    progress_init(&bar, stderr, !o.quiet && isatty(STDERR_FILENO));
    o.p.progress = on_progress;
    o.p.user = &bar;
    chunk_times ct = {chunks_js};
    f5_synth_hooks h = {.chunk_trace = on_trace, .user = &ct};
    f5_status st = f5_synthesize_ex(s, v, text ? text : o.text, &o.p, true, &h, &res, &err);
    progress_finish(&bar);
    if (st) {
        fprintf(stderr, "f5tts synth: %s\n", err.message);
        goto done;
    }
    double t_synth = now_ms();
    if (f5_audio_encode(res.pcm, res.n_samples, F5_SAMPLE_RATE, fmt, &enc, &enc_n, &err)) {
        fprintf(stderr, "f5tts synth: encoding %s: %s\n", f5_audio_format_name(fmt), err.message);
        goto done;
    }
    if (strcmp(o.out, "-") && f5_mkdirs_parent(o.out, 0755, &err)) {
        fprintf(stderr, "f5tts synth: %s\n", err.message);
        goto done;
    }
    FILE *of = strcmp(o.out, "-") ? fopen(o.out, "wb") : stdout;
    if (!of) {
        fprintf(stderr, "f5tts synth: cannot create %s: %s\n", o.out, strerror(errno));
        goto done;
    }
    bool wok = fwrite(enc, 1, enc_n, of) == enc_n;
    if (of != stdout) wok = (fclose(of) == 0) && wok;
    else wok = (fflush(of) == 0) && wok;
    if (!wok) {
        fprintf(stderr, "f5tts synth: writing %s failed: %s\n", o.out, strerror(errno));
        goto done;
    }
    double t_end = now_ms();
    if (o.json) {
        json_t *j = json_pack("{s:s, s:s, s:I, s:i, s:I, s:f, s:f, s:{s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f}, s:o}",
                              "output", o.out, "format", f5_audio_format_name(fmt), "seed", (json_int_t)res.seed,
                              "n_chunks", res.n_chunks, "samples", (json_int_t)res.n_samples, "audio_seconds",
                              res.audio_seconds, "rtf", res.rtf, "timings_ms", "load", t_loaded - t_start,
                              "preprocess_voice", t_voice - t_loaded, "preprocess_text", res.t_preprocess_ms,
                              "sample", res.t_sample_ms, "vocoder", res.t_vocoder_ms, "synth_total", res.t_total_ms,
                              "encode_write", t_end - t_synth, "total", t_end - t_start, "chunks", chunks_js);
        chunks_js = NULL;
        if (j)
            json_object_set_new(j, "voice",
                                json_pack("{s:f, s:f, s:i, s:I, s:b, s:f, s:i, s:s}", "input_seconds", vi.input_seconds,
                                          "kept_seconds", vi.kept_seconds, "sample_rate", vi.input_sample_rate,
                                          "kept_samples", (json_int_t)(vi.kept_seconds * vi.input_sample_rate + 0.5),
                                          "clipped", vi.clipped, "rms", (double)vi.rms, "mel_frames", vi.mel_frames,
                                          "ref_text", vi.ref_text ? vi.ref_text : ""));
        f5_model_info mi;
        f5_model_get_info(m, &mi);
        if (j) json_object_set_new(j, "precision", json_string(mi.precision));
        if (j) {
            char *js = json_dumps(j, JSON_INDENT(2));
            if (js) printf("%s\n", js);
            free(js);
            json_decref(j);
        }
    } else if (!o.quiet && strcmp(o.out, "-")) {
        fprintf(stderr, "f5tts synth: wrote %s (%.2f s, %d chunk%s, seed %llu, RTF %.3f)\n", o.out, res.audio_seconds,
                res.n_chunks, res.n_chunks == 1 ? "" : "s", (unsigned long long)res.seed, res.rtf);
    }
    rc = 0;
done:
    json_decref(chunks_js);
    free(enc);
    f5_synth_result_free(&res);
    f5_voice_free(v);
    f5_session_free(s);
    f5_vocoder_free(voc);
    f5_model_free(m);
    free(text);
    return rc;
}
