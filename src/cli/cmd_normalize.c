/* cmd_normalize.c - `f5tts normalize`: stdin text -> stdout normalised
 * Vietnamese (one sentence per line). `--bench` reports the throughput on
 * stderr (MB/s over the whole input, best of a few runs) for the 1 MB/s
 * budget check; `--tokens VOCAB` prints the token ids of each output line.
 */
#include "cli/commands.h"
#include "core/clock.h"

#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *norm_read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    if (!b) return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > ((size_t)1 << 30)) break;
            char *p = realloc(b, cap * 2);
            if (!p) {
                free(b);
                return NULL;
            }
            b = p;
            cap *= 2;
        }
        size_t k = fread(b + n, 1, cap - n - 1, f);
        if (!k) break;
        n += k;
    }
    b[n] = 0;
    *len = n;
    return b;
}


int cmd_normalize(int argc, char **argv) {
    bool bench = false;
    const char *vocab_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--bench")) bench = true;
        else if (!strcmp(argv[i], "--tokens") && i + 1 < argc) vocab_path = argv[++i];
        else {
            fprintf(stderr, "usage: f5tts normalize [--bench] [--tokens VOCAB] < text\n");
            return 2;
        }
    }
    size_t len = 0;
    char *in = norm_read_all(stdin, &len);
    if (!in) {
        fprintf(stderr, "f5tts normalize: out of memory reading stdin\n");
        return 1;
    }
    if (strlen(in) != len) {
        fprintf(stderr, "f5tts normalize: invalid_text: NUL byte at offset %zu\n", strlen(in));
        free(in);
        return 1;
    }
    f5_error err = {0};
    char *out = NULL;
    double best = 1e30;
    int runs = bench ? 3 : 1;
    for (int r = 0; r < runs; r++) {
        free(out);
        out = NULL;
        double t0 = f5_now_s();
        if (f5_text_normalize(in, &out, &err) != F5_OK) {
            fprintf(stderr, "f5tts normalize: %s: %s\n", f5_status_str(err.status), err.message);
            free(in);
            return 1;
        }
        double dt = f5_now_s() - t0;
        if (dt < best) best = dt;
    }
    if (bench)
        fprintf(stderr, "normalize: %zu bytes in %.3f s (%.2f MB/s, best of %d, one thread)\n", len, best,
                best > 0 ? (double)len / 1e6 / best : 0.0, runs);
    int rc = 0;
    if (vocab_path) {
        f5_vocab *v = NULL;
        if (f5_vocab_load(vocab_path, &v, &err) != F5_OK) {
            fprintf(stderr, "f5tts normalize: %s\n", err.message);
            rc = 1;
        } else {
            char *save = NULL;
            for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
                int32_t *ids = NULL;
                int n = 0;
                if (f5_tokenize(v, line, NULL, &ids, &n, &err) != F5_OK) {
                    fprintf(stderr, "f5tts normalize: %s\n", err.message);
                    rc = 1;
                    break;
                }
                for (int k = 0; k < n; k++) printf("%s%d", k ? " " : "", ids[k]);
                printf("\n");
                free(ids);
            }
            f5_vocab_free(v);
        }
    } else {
        fputs(out, stdout);
        if (*out) fputc('\n', stdout);
    }
    free(out);
    free(in);
    return rc;
}
