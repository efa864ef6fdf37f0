/* cmd_voices.c - `f5tts voices add|list|rm`: the speaker library of a data
 * directory (or any --storage URL), the same store `f5tts serve --data DIR`
 * uses, so voices added here are served at once. `add` runs the same
 * enrolment as POST /voices (quality gate, transcript normalisation,
 * content-addressed clip) and prints the record with its quality report.
 */
#include "cli/commands.h"

#include "service/store/store.h"
#include "service/voices/enrol.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f) {
    fprintf(f, "usage: f5tts voices add NAME --audio FILE [--ref-text T] [--description D] [--language L]\n"
               "                        [--owner KEY_NAME] [--strict] [--asr-url URL] [--asr-timeout S] [--json]\n"
               "       f5tts voices list [--json]\n"
               "       f5tts voices rm ID|NAME\n"
               "common: [--data DIR] (default $F5_DATA_DIR, else ./data; the store is fs:DIR/blobs) or\n"
               "        [--storage fs:DIR|s3://bucket/prefix] (as serve --storage)\n"
               "--owner: the API key name that owns the voice (with auth on, other keys do not see it;\n"
               "         without --owner only admin keys do). Without --ref-text the clip is transcribed\n"
               "         through --asr-url (an OpenAI-compatible /v1/audio/transcriptions service).\n");
}

static bool read_file(const char *path, uint8_t **data, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t cap = 1 << 16, n = 0;
    uint8_t *b = malloc(cap);
    for (size_t k; b && (k = fread(b + n, 1, cap - n, f)) > 0;) {
        n += k;
        if (n == cap) {
            uint8_t *nb = realloc(b, cap *= 2);
            if (!nb) free(b);
            b = nb;
        }
    }
    fclose(f);
    if (!b) return false;
    *data = b;
    *len = n;
    return true;
}

static bool all_visible(void *u, const char *owner) {
    (void)u, (void)owner;
    return true;
}

int cmd_voices(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *sub = argv[1], *arg = NULL, *audio = NULL, *ref_text = NULL, *desc = NULL, *lang = NULL, *owner = "";
    const char *data = getenv("F5_DATA_DIR"), *storage = NULL, *asr_url = getenv("F5_ASR_URL");
    double asr_timeout = 30;
    bool strict = false, as_json = false;
    if (!data || !*data) data = "./data";
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--strict")) strict = true;
        else if (!strcmp(a, "--json")) as_json = true;
        else if (a[0] == '-' && a[1] == '-' && !v) {
            fprintf(stderr, "f5tts voices: %s needs a value\n", a);
            return 2;
        } else if (!strcmp(a, "--data")) data = v, i++;
        else if (!strcmp(a, "--storage")) storage = v, i++;
        else if (!strcmp(a, "--audio")) audio = v, i++;
        else if (!strcmp(a, "--ref-text")) ref_text = v, i++;
        else if (!strcmp(a, "--description")) desc = v, i++;
        else if (!strcmp(a, "--language")) lang = v, i++;
        else if (!strcmp(a, "--owner")) owner = v, i++;
        else if (!strcmp(a, "--asr-url")) asr_url = v, i++;
        else if (!strcmp(a, "--asr-timeout")) asr_timeout = atof(v), i++;
        else if (a[0] == '-') {
            fprintf(stderr, "f5tts voices: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (!arg) arg = a;
        else {
            fprintf(stderr, "f5tts voices: unexpected argument '%s'\n", a);
            return 2;
        }
    }
    char url[4200];
    if (storage) snprintf(url, sizeof url, "%s", storage);
    else snprintf(url, sizeof url, "fs:%s/blobs", data);
    f5_store *store = NULL;
    f5_error err = {0};
    if (f5_store_open(url, &store, &err) != F5_OK) {
        fprintf(stderr, "f5tts voices: %s\n", err.message);
        return 1;
    }
    f5_voices *lib = f5_voices_new(store);
    int rc = 0;
    if (!lib) {
        fprintf(stderr, "f5tts voices: out of memory\n");
        rc = 1;
    } else if (!strcmp(sub, "add")) {
        uint8_t *bytes = NULL;
        size_t len = 0;
        if (!arg || !audio) {
            fprintf(stderr, "f5tts voices add: NAME and --audio FILE are required\n");
            rc = 2;
        } else if (!read_file(audio, &bytes, &len)) {
            fprintf(stderr, "f5tts voices add: cannot read %s\n", audio);
            rc = 1;
        } else {
            f5_asr_opts asr = {.url = asr_url, .timeout_s = asr_timeout, .model = "whisper-1",
                               .api_key = getenv("F5_ASR_API_KEY")};
            const char *base = strrchr(audio, '/');
            f5_voice_enrol_req rq = {.audio = bytes, .len = len, .filename = base ? base + 1 : audio, .name = arg,
                                     .description = desc, .language = lang, .ref_text = ref_text, .owner = owner,
                                     .strict = strict, .asr = &asr};
            f5_voice_enrol_out out;
            if (f5_voice_enrol(lib, &rq, &out, &err) != F5_OK) {
                fprintf(stderr, "f5tts voices add: %s\n", err.message);
                rc = 1;
            } else {
                if (as_json) {
                    json_t *j = f5_voice_rec_to_json(&out.rec);
                    json_object_set_new(j, "deduplicated", json_boolean(out.deduped));
                    json_dumpf(j, stdout, JSON_COMPACT);
                    putchar('\n');
                    json_decref(j);
                } else {
                    printf("%s  %s  %.1f s%s\n", out.rec.id, out.rec.name, out.rec.duration_s,
                           out.deduped ? "  (clip already stored: deduplicated)" : "");
                    printf("quality: %s  loudness %.1f dBFS  snr %.1f dB  clipping %.3f%%%s\n",
                           out.quality.n_warnings ? "WARN" : "ok", out.quality.active_rms_dbfs, out.quality.snr_db,
                           100 * out.quality.clipping_ratio, out.quality.will_cut ? "  (cut at 12 s)" : "");
                    for (int i = 0; i < out.quality.n_warnings; i++)
                        printf("  warning %s: %s\n", out.quality.warnings[i].code, out.quality.warnings[i].message);
                }
                f5_voice_rec_free(&out.rec);
            }
            free(bytes);
        }
    } else if (!strcmp(sub, "list")) {
        f5_voice_rec *v = NULL;
        size_t n = 0;
        if (f5_voices_list(lib, all_visible, NULL, &v, &n, &err) != F5_OK) {
            fprintf(stderr, "f5tts voices list: %s\n", err.message);
            rc = 1;
        } else if (as_json) {
            json_t *a = json_array();
            for (size_t i = 0; i < n; i++) json_array_append_new(a, f5_voice_rec_to_json(&v[i]));
            json_dumpf(a, stdout, JSON_COMPACT);
            putchar('\n');
            json_decref(a);
        } else {
            for (size_t i = 0; i < n; i++) {
                char when[32];
                time_t t = (time_t)v[i].created_at;
                struct tm tm;
                strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime_r(&t, &tm));
                json_t *w = v[i].quality ? json_object_get(v[i].quality, "warnings") : NULL;
                printf("%s  %-24s %5.1f s  %s  owner=%s  warnings=%zu\n", v[i].id, v[i].name, v[i].duration_s, when,
                       v[i].owner[0] ? v[i].owner : "-", w ? json_array_size(w) : (size_t)0);
            }
        }
        f5_voices_list_free(v, n);
    } else if (!strcmp(sub, "rm")) {
        f5_voice_rec r;
        bool clip = false;
        if (!arg) {
            fprintf(stderr, "f5tts voices rm: ID or NAME is required\n");
            rc = 2;
        } else if (f5_voices_find(lib, arg, all_visible, NULL, &r, &err) != F5_OK ||
                   f5_voices_delete(lib, r.id, &clip, &err) != F5_OK) {
            fprintf(stderr, "f5tts voices rm: %s\n", err.message);
            rc = 1;
        } else {
            printf("removed %s (%s)%s\n", r.id, r.name, clip ? "" : "; its clip is kept: another voice uses it");
        }
        if (arg) f5_voice_rec_free(&r);
    } else {
        fprintf(stderr, "f5tts voices: unknown subcommand '%s'\n", sub);
        usage(stderr);
        rc = 2;
    }
    f5_voices_free(lib);
    f5_store_close(store);
    return rc;
}
