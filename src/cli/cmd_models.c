/* cmd_models.c - `f5tts models list | path NAME | pull NAME`.
 *
 * Models live in the Hugging Face cache layout (see pipeline/resolve.h) so
 * that the Python tools and f5tts share downloads. `pull` fetches the known
 * files of a model with libcurl from $HF_ENDPOINT (default
 * https://huggingface.co), resuming an interrupted download with a Range
 * request, checks the size and SHA-256 where the table knows them (it prints
 * the SHA-256 it computed either way), and files them under
 * models--ORG--NAME/snapshots/<commit>/ with refs/main naming the commit
 * (the X-Repo-Commit header, else "main").
 */
#include "cli/commands.h"
#include "core/fsutil.h"
#include "f5tts.h"
#include "pipeline/resolve.h"

#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(FILE *f) {
    fprintf(f, "usage: f5tts models list\n"
               "       f5tts models path NAME       print the local checkpoint path of NAME (exit 1 if absent)\n"
               "       f5tts models pull NAME       download NAME into the Hugging Face cache\n"
               "NAME: a known name (see list) or a directory/file. Cache: $HF_CACHE_DIR, else $HF_HOME/hub, else\n"
               "~/.cache/huggingface/hub. Download server: $HF_ENDPOINT (default https://huggingface.co).\n");
}

/* mkdir -p with the reason on stderr; 0 on success. */
static int mkdirs(const char *path) {
    f5_error err = {0};
    if (f5_mkdirs(path, 0755, &err) == F5_OK) return 0;
    fprintf(stderr, "f5tts models pull: %s\n", err.message);
    return -1;
}

static void repo_dir(const char *repo, char *buf, size_t cap) {
    char root[F5_PATH_MAX], r[512];
    f5_hf_cache_dir(root, sizeof root);
    size_t n = 0;
    for (const char *p = repo; *p && n + 3 < sizeof r; p++) {
        if (*p == '/') r[n++] = '-', r[n++] = '-';
        else r[n++] = *p;
    }
    r[n] = 0;
    snprintf(buf, cap, "%.3800s/models--%.250s", root, r);
}

static int cmd_list(void) {
    size_t n;
    const f5_known_model *k = f5_known_models(&n);
    char root[F5_PATH_MAX];
    printf("cache: %s\n", f5_hf_cache_dir(root, sizeof root));
    printf("%-28s %-8s %-34s %s\n", "NAME", "KIND", "REPO", "LOCAL");
    for (size_t i = 0; i < n; i++) {
        char where[F5_PATH_MAX + 64];
        f5_error err = {0};
        if (k[i].kind == F5_KNOWN_DIT) {
            f5_resolved_model r;
            if (f5_resolve_model(k[i].name, &r, &err) == F5_OK) snprintf(where, sizeof where, "%.4000s", r.checkpoint);
            else snprintf(where, sizeof where, "not downloaded");
        } else {
            f5_resolved_vocoder r;
            if (f5_resolve_vocoder(k[i].name, &r, &err) == F5_OK) snprintf(where, sizeof where, "%.4000s", r.weights);
            else snprintf(where, sizeof where, "not downloaded");
        }
        printf("%-28s %-8s %-34s %s\n", k[i].name, k[i].kind == F5_KNOWN_DIT ? "dit" : "vocoder", k[i].repo, where);
        printf("    %s\n", k[i].note);
    }
    /* anything else in the cache (downloaded by the Python tools, say) */
    DIR *d = opendir(root);
    if (!d) return 0;
    struct dirent *de;
    bool header = false;
    while ((de = readdir(d))) {
        if (strncmp(de->d_name, "models--", 8)) continue;
        char repo[512];
        size_t j = 0;
        for (const char *q = de->d_name + 8; *q && j + 1 < sizeof repo; q++) {
            if (q[0] == '-' && q[1] == '-') {
                repo[j++] = '/';
                q++;
            } else {
                repo[j++] = *q;
            }
        }
        repo[j] = 0;
        bool is_known = false;
        for (size_t i = 0; i < n; i++) is_known |= !strcmp(k[i].repo, repo);
        if (is_known) continue;
        if (!header) printf("other models in the cache (use --model ORG/NAME):\n");
        header = true;
        printf("    %s\n", repo);
    }
    closedir(d);
    return 0;
}

static int cmd_path(const char *name) {
    f5_error err = {0};
    f5_resolved_model r;
    const f5_known_model *k = f5_known_model_find(name);
    if (k && k->kind == F5_KNOWN_VOCOS) {
        f5_resolved_vocoder rv;
        if (f5_resolve_vocoder(name, &rv, &err)) {
            fprintf(stderr, "f5tts models path: %s\n", err.message);
            return 1;
        }
        printf("%s\n", rv.weights);
        return 0;
    }
    if (f5_resolve_model(name, &r, &err)) {
        fprintf(stderr, "f5tts models path: %s\n", err.message);
        return 1;
    }
    printf("%s\n", r.checkpoint);
    return 0;
}

typedef struct dl {
    FILE *f;
    char commit[128];
    long status;
} dl;

static size_t on_header(char *b, size_t sz, size_t nm, void *user) {
    dl *d = user;
    size_t n = sz * nm;
    static const char key[] = "x-repo-commit:";
    if (n > sizeof key && !strncasecmp(b, key, sizeof key - 1)) {
        const char *v = b + sizeof key - 1;
        while (*v == ' ') v++;
        size_t l = 0;
        while (v + l < b + n && v[l] != '\r' && v[l] != '\n' && l + 1 < sizeof d->commit) l++;
        memcpy(d->commit, v, l);
        d->commit[l] = 0;
    }
    return n;
}

static size_t on_data(char *b, size_t sz, size_t nm, void *user) {
    dl *d = user;
    return fwrite(b, sz, nm, d->f) * sz;
}

static bool sha256_file(const char *path, char hex[65]) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    bool ok = c && EVP_DigestInit_ex(c, EVP_sha256(), NULL) == 1;
    unsigned char buf[1 << 16], md[32];
    size_t r;
    while (ok && (r = fread(buf, 1, sizeof buf, f)) > 0) ok = EVP_DigestUpdate(c, buf, r) == 1;
    unsigned int ml = 0;
    ok = ok && !ferror(f) && EVP_DigestFinal_ex(c, md, &ml) == 1 && ml == 32;
    EVP_MD_CTX_free(c);
    fclose(f);
    if (ok)
        for (int i = 0; i < 32; i++) snprintf(hex + 2 * i, 3, "%02x", md[i]);
    return ok;
}

static void manual_hint(const f5_known_model *k, const char *url, const f5_known_file *kf) {
    char rd[F5_PATH_MAX];
    repo_dir(k->repo, rd, sizeof rd);
    fprintf(stderr,
            "  to install it by hand: download %s\n"
            "  and save it as %s/snapshots/main/%s\n"
            "  (create the file %s/refs/main containing the word: main)\n",
            url, rd, kf->path, rd);
}

/* Download one file; 0 ok. Resumes <blobs>/<safe name>.incomplete. */
static int pull_file(CURL *c, const f5_known_model *k, const f5_known_file *kf, const char *endpoint, char *commit,
                     size_t commit_cap) {
    char rd[F5_PATH_MAX], url[2048], part[F5_PATH_MAX], safe[512];
    repo_dir(k->repo, rd, sizeof rd);
    snprintf(url, sizeof url, "%s/%s/resolve/main/%s", endpoint, k->repo, kf->path);
    size_t j = 0;
    for (const char *p = kf->path; *p && j + 1 < sizeof safe; p++) safe[j++] = *p == '/' ? '_' : *p;
    safe[j] = 0;
    char blobs[F5_PATH_MAX];
    snprintf(blobs, sizeof blobs, "%.4000s/blobs", rd);
    if (mkdirs(blobs)) return 1;
    snprintf(part, sizeof part, "%.3900s/%.80s.incomplete", blobs, safe);
    struct stat st;
    long long have = stat(part, &st) == 0 ? (long long)st.st_size : 0;
    dl d = {0};
    d.f = fopen(part, have ? "ab" : "wb");
    if (!d.f) {
        fprintf(stderr, "f5tts models pull: cannot write %s: %s\n", part, strerror(errno));
        return 1;
    }
    char range[64];
    snprintf(range, sizeof range, "%lld-", have);
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "f5tts/models-pull");
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &d);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &d);
    const char *tok = getenv("HF_TOKEN");
    struct curl_slist *hdrs = NULL;
    if (tok && *tok) {
        char auth[1024];
        snprintf(auth, sizeof auth, "Authorization: Bearer %.900s", tok);
        hdrs = curl_slist_append(hdrs, auth);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    }
    if (have) curl_easy_setopt(c, CURLOPT_RANGE, range);
    fprintf(stderr, "f5tts models pull: %s%s\n", url, have ? " (resuming)" : "");
    CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(hdrs);
    bool wok = fclose(d.f) == 0;
    if (rc == CURLE_OK && have && code == 200) {
        /* the server ignored the range: what we appended is a whole new copy */
        fprintf(stderr, "f5tts models pull: server does not resume; restarting %s\n", kf->path);
        unlink(part);
        return pull_file(c, k, kf, endpoint, commit, commit_cap);
    }
    if (rc != CURLE_OK && !(have && code == 416)) {
        fprintf(stderr, "f5tts models pull: cannot download %s: %s (HTTP %ld)\n", url, curl_easy_strerror(rc), code);
        if (stat(part, &st) == 0 && st.st_size > 0)
            fprintf(stderr, "  %lld bytes kept in %s; run pull again to resume\n", (long long)st.st_size, part);
        manual_hint(k, url, kf);
        return 1;
    }
    if (!wok) {
        fprintf(stderr, "f5tts models pull: writing %s failed\n", part);
        return 1;
    }
    if (d.commit[0] && !commit[0]) snprintf(commit, commit_cap, "%s", d.commit);
    if (stat(part, &st) != 0 || st.st_size == 0) {
        fprintf(stderr, "f5tts models pull: %s: empty download\n", url);
        unlink(part);
        return 1;
    }
    if (kf->size >= 0 && st.st_size != kf->size) {
        fprintf(stderr, "f5tts models pull: %s: got %lld bytes, expected %lld; removed\n", kf->path,
                (long long)st.st_size, (long long)kf->size);
        unlink(part);
        return 1;
    }
    char hex[65] = {0};
    if (!sha256_file(part, hex)) {
        fprintf(stderr, "f5tts models pull: cannot hash %s\n", part);
        return 1;
    }
    if (kf->sha256 && strcmp(hex, kf->sha256)) {
        fprintf(stderr, "f5tts models pull: %s: SHA-256 %s, expected %s; removed\n", kf->path, hex, kf->sha256);
        unlink(part);
        return 1;
    }
    fprintf(stderr, "  %s: %lld bytes, sha256 %s%s\n", kf->path, (long long)st.st_size, hex,
            kf->sha256 ? " (verified)" : " (no published checksum known to f5tts)");
    return 0;
}

static int cmd_pull(const char *name) {
    const f5_known_model *k = f5_known_model_find(name);
    if (!k) {
        size_t n;
        const f5_known_model *all = f5_known_models(&n);
        fprintf(stderr, "f5tts models pull: unknown model '%s'; known:", name);
        for (size_t i = 0; i < n; i++) fprintf(stderr, " %s", all[i].name);
        fprintf(stderr, "\n");
        return 1;
    }
    const char *endpoint = getenv("HF_ENDPOINT");
    if (!endpoint || !*endpoint) endpoint = "https://huggingface.co";
    if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
        fprintf(stderr, "f5tts models pull: libcurl initialisation failed\n");
        return 1;
    }
    CURL *c = curl_easy_init();
    int rc = c ? 0 : 1;
    char commit[128] = {0};
    for (const f5_known_file *f = k->files; !rc && f->path; f++) rc = pull_file(c, k, f, endpoint, commit, sizeof commit);
    if (c) curl_easy_cleanup(c);
    curl_global_cleanup();
    if (rc) return rc;
    /* file the downloads under snapshots/<commit>/ and point refs/main at it */
    char rd[F5_PATH_MAX], path[F5_PATH_MAX], part[F5_PATH_MAX];
    repo_dir(k->repo, rd, sizeof rd);
    if (!commit[0] || strchr(commit, '/') || commit[0] == '.') snprintf(commit, sizeof commit, "main");
    for (const f5_known_file *f = k->files; f->path; f++) {
        char safe[512];
        size_t j = 0;
        for (const char *p = f->path; *p && j + 1 < sizeof safe; p++) safe[j++] = *p == '/' ? '_' : *p;
        safe[j] = 0;
        snprintf(part, sizeof part, "%.3900s/blobs/%.80s.incomplete", rd, safe);
        snprintf(path, sizeof path, "%.3800s/snapshots/%.100s/%.180s", rd, commit, f->path);
        char *slash = strrchr(path, '/');
        *slash = 0;
        if (mkdirs(path)) return 1;
        *slash = '/';
        if (rename(part, path)) {
            fprintf(stderr, "f5tts models pull: cannot move %s to %s: %s\n", part, path, strerror(errno));
            return 1;
        }
    }
    snprintf(path, sizeof path, "%.4000s/refs", rd);
    if (mkdirs(path)) return 1;
    snprintf(path, sizeof path, "%.4000s/refs/main", rd);
    FILE *f = fopen(path, "w");
    if (!f || fprintf(f, "%s", commit) < 0 || fclose(f)) {
        fprintf(stderr, "f5tts models pull: cannot write %s\n", path);
        return 1;
    }
    printf("%s: downloaded into %s/snapshots/%s\n", k->name, rd, commit);
    return 0;
}

int cmd_models(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "list")) return cmd_list();
    if (!strcmp(argv[1], "path") || !strcmp(argv[1], "pull")) {
        if (argc != 3) {
            fprintf(stderr, "f5tts models %s: needs exactly one NAME\n", argv[1]);
            return 2;
        }
        return argv[1][1] == 'a' ? cmd_path(argv[2]) : cmd_pull(argv[2]);
    }
    fprintf(stderr, "f5tts models: unknown subcommand '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
