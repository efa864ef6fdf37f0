/* resolve.c - model names, the Hugging Face cache layout and model
 * directories -> concrete checkpoint / vocab / config paths.
 *
 * The known-model table lists only what we know about the released files:
 * their paths inside the repos. Sizes and SHA-256 sums are left unknown (-1 /
 * NULL) rather than guessed; `models pull` then checks only what it can
 * (HTTP length, a non-empty body).
 */
#include "pipeline/resolve.h"

#include "core/error.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const f5_known_model known[] = {
    {"F5TTS_v1_Base", "SWivid/F5-TTS", F5_KNOWN_DIT, "v1_base",
     {{"F5TTS_v1_Base/model_1250000.safetensors", "checkpoint", -1, NULL},
      {"F5TTS_v1_Base/vocab.txt", "vocab", -1, NULL},
      {NULL, NULL, 0, NULL}},
     "F5-TTS v1 base (English/Chinese), 337 M parameters"},
    {"F5TTS_Base", "SWivid/F5-TTS", F5_KNOWN_DIT, "base",
     {{"F5TTS_Base/model_1200000.safetensors", "checkpoint", -1, NULL},
      {"F5TTS_Base/vocab.txt", "vocab", -1, NULL},
      {NULL, NULL, 0, NULL}},
     "F5-TTS base v0 architecture (English/Chinese)"},
    {"F5-TTS-Vietnamese-ViVoice", "hynt/F5-TTS-Vietnamese-ViVoice", F5_KNOWN_DIT, "base",
     {{"model_last.pt", "checkpoint", -1, NULL},
      {"config.json", "vocab", -1, NULL}, /* a plain-text vocab despite its name */
      {NULL, NULL, 0, NULL}},
     "Vietnamese fine-tune of F5TTS_Base (torch .pt training checkpoint, ~1.3 GB; CC-BY-NC-SA)"},
    {"vocos", "charactr/vocos-mel-24khz", F5_KNOWN_VOCOS, NULL,
     {{"config.yaml", "config", -1, NULL},
      {"pytorch_model.bin", "checkpoint", -1, NULL},
      {NULL, NULL, 0, NULL}},
     "Vocos mel 24 kHz vocoder"},
};

const f5_known_model *f5_known_models(size_t *n) {
    *n = sizeof known / sizeof known[0];
    return known;
}

const f5_known_model *f5_known_model_find(const char *name) {
    if (!name) return NULL;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!strcmp(name, known[i].name)) return &known[i];
    /* a repo id names a known model only when the repo holds just one */
    const f5_known_model *hit = NULL;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strcmp(name, known[i].repo)) continue;
        if (hit) return NULL;
        hit = &known[i];
    }
    return hit;
}

bool f5_path_is_dir(const char *p) {
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

bool f5_path_is_file(const char *p) {
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* buf = a + "/" + b; false (and buf truncated) when it does not fit. */
static bool pjoin(char *buf, size_t cap, const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la + 1 + lb + 1 > cap) {
        if (cap) buf[0] = 0;
        return false;
    }
    memmove(buf, a, la);
    buf[la] = '/';
    memcpy(buf + la + 1, b, lb + 1);
    return true;
}

const char *f5_hf_cache_dir(char *buf, size_t cap) {
    const char *e = getenv("HF_CACHE_DIR");
    if (e && *e) {
        snprintf(buf, cap, "%s", e);
        return buf;
    }
    e = getenv("HF_HUB_CACHE");
    if (e && *e) {
        snprintf(buf, cap, "%s", e);
        return buf;
    }
    e = getenv("HF_HOME");
    if (e && *e) {
        snprintf(buf, cap, "%s/hub", e);
        return buf;
    }
    e = getenv("HOME");
    snprintf(buf, cap, "%s/.cache/huggingface/hub", e && *e ? e : ".");
    return buf;
}

/* "ORG/NAME" -> "<root>/models--ORG--NAME" */
static void repo_dir(const char *repo, char *buf, size_t cap) {
    char root[F5_PATH_MAX];
    f5_hf_cache_dir(root, sizeof root);
    size_t n = (size_t)snprintf(buf, cap, "%s/models--", root);
    for (const char *p = repo; *p && n + 3 < cap; p++) {
        if (*p == '/') {
            buf[n++] = '-';
            buf[n++] = '-';
        } else {
            buf[n++] = *p;
        }
    }
    buf[n < cap ? n : cap - 1] = 0;
}

static bool read_first_line(const char *path, char *buf, size_t cap) {
    FILE *f = fopen(path, "r");
    if (!f) return false;
    bool ok = fgets(buf, (int)cap, f) != NULL;
    fclose(f);
    if (!ok) return false;
    buf[strcspn(buf, "\r\n \t")] = 0;
    return buf[0] != 0;
}

f5_status f5_hf_snapshot_dir(const char *repo, char *buf, size_t cap, f5_error *err) {
    char rdir[F5_PATH_MAX], ref[F5_PATH_MAX], rev[256];
    repo_dir(repo, rdir, sizeof rdir);
    pjoin(ref, sizeof ref, rdir, "refs/main");
    if (read_first_line(ref, rev, sizeof rev) && !strchr(rev, '/')) {
        snprintf(buf, cap, "%s/snapshots/%s", rdir, rev);
        if (f5_path_is_dir(buf)) return F5_OK;
    }
    /* no usable refs/main: take the most recently modified snapshot */
    char snaps[F5_PATH_MAX];
    pjoin(snaps, sizeof snaps, rdir, "snapshots");
    DIR *d = opendir(snaps);
    if (!d) return f5_errf(err, F5_ERR_NOT_FOUND, "%s is not in the Hugging Face cache (no %s)", repo, snaps);
    time_t best = 0;
    bool found = false;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char p[F5_PATH_MAX];
        if (!pjoin(p, sizeof p, snaps, de->d_name)) continue;
        struct stat st;
        if (stat(p, &st) || !S_ISDIR(st.st_mode)) continue;
        if (!found || st.st_mtime > best) {
            best = st.st_mtime;
            snprintf(buf, cap, "%s", p);
            found = true;
        }
    }
    closedir(d);
    if (!found) return f5_errf(err, F5_ERR_NOT_FOUND, "%s is not in the Hugging Face cache (%s is empty)", repo, snaps);
    return F5_OK;
}

static bool has_suffix(const char *s, const char *suf) {
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Rank of a file name as a DiT checkpoint (lower is better, -1 = not one). */
static int ckpt_rank(const char *name) {
    if (!strcmp(name, "model.safetensors")) return 0;
    if (has_suffix(name, ".safetensors")) return 1;
    if (!strcmp(name, "model_last.pt") || !strcmp(name, "model.pt")) return 2;
    if (has_suffix(name, ".pt") || has_suffix(name, ".ckpt")) return 3;
    if (has_suffix(name, ".bin")) return 4;
    return -1;
}

/* A config.json that does not start with '{' is a plain vocab (hynt's repo). */
static bool is_text_vocab(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    int c;
    do c = fgetc(f);
    while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
    fclose(f);
    return c != '{' && c != EOF;
}

/* Fill checkpoint (if want_ckpt), vocab and config from the files of dir. */
static f5_status scan_model_dir(const char *dir, bool want_ckpt, f5_resolved_model *out, f5_error *err) {
    DIR *d = opendir(dir);
    if (!d) return f5_errf(err, F5_ERR_IO, "cannot open model directory %s", dir);
    char *names[512];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 512) {
        if (de->d_name[0] == '.') continue;
        names[n] = strdup(de->d_name);
        if (!names[n]) break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_str);
    int best = 99;
    for (size_t i = 0; i < n; i++) {
        char p[F5_PATH_MAX];
        if (!pjoin(p, sizeof p, dir, names[i])) continue;
        if (!f5_path_is_file(p)) continue;
        int r = ckpt_rank(names[i]);
        /* later names win within a rank: model_1250000 over model_1200000 */
        if (want_ckpt && r >= 0 && r <= best) {
            best = r;
            snprintf(out->checkpoint, sizeof out->checkpoint, "%s", p);
        }
        if (!strcmp(names[i], "vocab.txt")) {
            snprintf(out->vocab, sizeof out->vocab, "%s", p);
        } else if (!strcmp(names[i], "config.json") && !out->vocab[0] && is_text_vocab(p)) {
            snprintf(out->vocab, sizeof out->vocab, "%s", p);
        }
        if (!out->config[0] && (has_suffix(names[i], ".yaml") || has_suffix(names[i], ".yml")))
            snprintf(out->config, sizeof out->config, "%s", p);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    if (want_ckpt && !out->checkpoint[0])
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "model directory %s holds no checkpoint (*.safetensors, *.pt, *.bin)", dir);
    return F5_OK;
}

static void dir_of(const char *path, char *buf, size_t cap) {
    snprintf(buf, cap, "%s", path);
    char *s = strrchr(buf, '/');
    if (s == buf)
        s[1] = 0;
    else if (s)
        *s = 0;
    else
        snprintf(buf, cap, ".");
}

static f5_status resolve_known_dit(const f5_known_model *k, f5_resolved_model *out, f5_error *err) {
    char snap[F5_PATH_MAX], rdir[F5_PATH_MAX];
    f5_error e2;
    if (f5_hf_snapshot_dir(k->repo, snap, sizeof snap, &e2) != F5_OK) {
        repo_dir(k->repo, rdir, sizeof rdir);
        return f5_errf(err, F5_ERR_NOT_FOUND,
                       "model '%s' (%s) is not downloaded: %s; run `f5tts models pull %s` or place its files "
                       "under %s/snapshots/<rev>/ with refs/main naming <rev>",
                       k->name, k->repo, e2.message, k->name, rdir);
    }
    out->known = k;
    for (const f5_known_file *f = k->files; f->path; f++) {
        char p[F5_PATH_MAX];
        pjoin(p, sizeof p, snap, f->path);
        if (!f5_path_is_file(p)) {
            if (!strcmp(f->role, "config")) continue;
            return f5_errf(err, F5_ERR_NOT_FOUND, "model '%s': %s file %s is missing (run `f5tts models pull %s`)",
                           k->name, f->role, p, k->name);
        }
        if (!strcmp(f->role, "checkpoint")) snprintf(out->checkpoint, sizeof out->checkpoint, "%s", p);
        if (!strcmp(f->role, "vocab")) snprintf(out->vocab, sizeof out->vocab, "%s", p);
        if (!strcmp(f->role, "config")) snprintf(out->config, sizeof out->config, "%s", p);
    }
    return F5_OK;
}

/* "ORG/NAME[/SUB...]" -> snapshot dir + SUB, or NOT_FOUND. */
static f5_status resolve_repo_path(const char *spec, char *buf, size_t cap, f5_error *err) {
    const char *slash = strchr(spec, '/');
    if (!slash || slash == spec || spec[0] == '.' || spec[0] == '/')
        return f5_errf(err, F5_ERR_NOT_FOUND, "not a repo id");
    const char *slash2 = strchr(slash + 1, '/');
    char repo[512];
    size_t rl = slash2 ? (size_t)(slash2 - spec) : strlen(spec);
    if (rl >= sizeof repo) return f5_errf(err, F5_ERR_NOT_FOUND, "repo id too long");
    memcpy(repo, spec, rl);
    repo[rl] = 0;
    char snap[F5_PATH_MAX];
    f5_status s = f5_hf_snapshot_dir(repo, snap, sizeof snap, err);
    if (s) return s;
    snprintf(buf, cap, "%s%s", snap, slash2 ? slash2 : "");
    return F5_OK;
}

static void known_names(char *buf, size_t cap, f5_known_kind kind) {
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (known[i].kind != kind) continue;
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s", n ? ", " : "", known[i].name);
        if (n >= cap) break;
    }
}

f5_status f5_resolve_model(const char *spec, f5_resolved_model *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    if (!spec || !*spec)
        return f5_errf(err, F5_ERR_INVALID_ARG, "no model given: pass --model DIR|FILE|NAME (or set MODEL_NAME / CKPT_PATH)");
    if (f5_path_is_dir(spec)) return scan_model_dir(spec, true, out, err);
    if (f5_path_is_file(spec)) {
        char d[F5_PATH_MAX];
        snprintf(out->checkpoint, sizeof out->checkpoint, "%s", spec);
        dir_of(spec, d, sizeof d);
        return scan_model_dir(d, false, out, err);
    }
    const f5_known_model *k = f5_known_model_find(spec);
    if (k && k->kind == F5_KNOWN_DIT) return resolve_known_dit(k, out, err);
    char p[F5_PATH_MAX], names[256], root[F5_PATH_MAX];
    f5_error e2;
    if (resolve_repo_path(spec, p, sizeof p, &e2) == F5_OK) {
        if (f5_path_is_dir(p)) return scan_model_dir(p, true, out, err);
        if (f5_path_is_file(p)) {
            char d[F5_PATH_MAX];
            snprintf(out->checkpoint, sizeof out->checkpoint, "%s", p);
            dir_of(p, d, sizeof d);
            return scan_model_dir(d, false, out, err);
        }
        return f5_errf(err, F5_ERR_NOT_FOUND, "model '%s': %s does not exist in the Hugging Face cache", spec, p);
    }
    known_names(names, sizeof names, F5_KNOWN_DIT);
    return f5_errf(err, F5_ERR_NOT_FOUND,
                   "unknown model '%s': not a directory, not a file, not a known name (%s) and not a repo in the "
                   "Hugging Face cache %s",
                   spec, names, f5_hf_cache_dir(root, sizeof root));
}

static f5_status scan_vocoder_dir(const char *dir, f5_resolved_vocoder *out, f5_error *err) {
    static const char *cands[] = {"pytorch_model.bin", "model.safetensors"};
    for (size_t i = 0; i < 2; i++) {
        char p[F5_PATH_MAX];
        pjoin(p, sizeof p, dir, cands[i]);
        if (f5_path_is_file(p)) {
            snprintf(out->weights, sizeof out->weights, "%s", p);
            break;
        }
    }
    char c[F5_PATH_MAX];
    pjoin(c, sizeof c, dir, "config.yaml");
    if (f5_path_is_file(c)) snprintf(out->config, sizeof out->config, "%s", c);
    if (!out->weights[0])
        return f5_errf(err, F5_ERR_NOT_FOUND, "vocoder directory %s holds neither pytorch_model.bin nor model.safetensors",
                       dir);
    return F5_OK;
}

f5_status f5_resolve_vocoder(const char *spec, f5_resolved_vocoder *out, f5_error *err) {
    memset(out, 0, sizeof *out);
    if (!spec || !*spec) spec = "vocos";
    if (f5_path_is_dir(spec)) return scan_vocoder_dir(spec, out, err);
    if (f5_path_is_file(spec)) {
        char d[F5_PATH_MAX], c[F5_PATH_MAX];
        snprintf(out->weights, sizeof out->weights, "%s", spec);
        dir_of(spec, d, sizeof d);
        pjoin(c, sizeof c, d, "config.yaml");
        if (f5_path_is_file(c)) snprintf(out->config, sizeof out->config, "%s", c);
        return F5_OK;
    }
    const f5_known_model *k = f5_known_model_find(spec);
    char p[F5_PATH_MAX], root[F5_PATH_MAX];
    f5_error e2;
    if (k && k->kind == F5_KNOWN_VOCOS) {
        if (f5_hf_snapshot_dir(k->repo, p, sizeof p, &e2) != F5_OK)
            return f5_errf(err, F5_ERR_NOT_FOUND,
                           "vocoder '%s' (%s) is not downloaded: %s; run `f5tts models pull %s` or pass --vocoder DIR "
                           "(config.yaml + pytorch_model.bin)",
                           k->name, k->repo, e2.message, k->name);
        return scan_vocoder_dir(p, out, err);
    }
    if (resolve_repo_path(spec, p, sizeof p, &e2) == F5_OK && f5_path_is_dir(p)) return scan_vocoder_dir(p, out, err);
    return f5_errf(err, F5_ERR_NOT_FOUND,
                   "unknown vocoder '%s': not a directory, not a file, not 'vocos' and not a repo in the Hugging Face "
                   "cache %s",
                   spec, f5_hf_cache_dir(root, sizeof root));
}
