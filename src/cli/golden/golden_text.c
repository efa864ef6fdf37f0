/* golden_text.c - the `text` golden kind: text/text_cases.json against our
 * tokenizer (convert_char_to_pinyin tokens + ids, list_str_to_idx batches),
 * chunker, ref-text fix-up and infer planning. Every sub-case is an exact
 * match; a failure prints the first difference.
 */
#include "cli/golden/golden.h"

#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool detect(json_t *kase) {
    return json_object_get(json_object_get(kase, "files"), "json") != NULL;
}

/* Compare a token list with a JSON array of strings; detail gets the first difference. */
static bool gt_cmp_strs(char **got, int n, json_t *ref, char *detail, size_t cap) {
    int m = (int)json_array_size(ref);
    for (int i = 0; i < n || i < m; i++) {
        const char *r = i < m ? json_string_value(json_array_get(ref, i)) : NULL;
        const char *g = i < n ? got[i] : NULL;
        if (!r || !g || strcmp(r, g) != 0) {
            snprintf(detail, cap, "first difference at %d: got \"%s\", expected \"%s\" (%d vs %d items)", i,
                     g ? g : "(end)", r ? r : "(end)", n, m);
            return false;
        }
    }
    snprintf(detail, cap, "%d items", n);
    return true;
}

static bool gt_cmp_ids(const int32_t *got, int n, json_t *ref, char *detail, size_t cap) {
    int m = (int)json_array_size(ref);
    for (int i = 0; i < n || i < m; i++) {
        bool has_r = i < m;
        long long r = has_r ? json_integer_value(json_array_get(ref, i)) : 0;
        if (i >= n || !has_r || got[i] != r) {
            snprintf(detail, cap, "first difference at %d: got %s%lld, expected %s%lld (%d vs %d ids)", i,
                     i < n ? "" : "(end)", i < n ? (long long)got[i] : 0LL, has_r ? "" : "(end)", r, n, m);
            return false;
        }
    }
    snprintf(detail, cap, "%d ids", n);
    return true;
}

static void gt_c2p(golden_ctx *g, const char *name, json_t *cases, const f5_vocab *voc) {
    size_t i;
    json_t *c;
    char sub[64], detail[512];
    f5_tok_opts o = f5_tok_default_opts();
    json_array_foreach(cases, i, c) {
        const char *in = json_string_value(json_object_get(c, "input"));
        f5_error err = {0};
        char **t = NULL;
        int n = 0;
        snprintf(sub, sizeof sub, "tokens%zu", i);
        if (!in || f5_text_to_tokens(in, &o, &t, &n, &err)) {
            golden_error(g, name, sub, in ? err.message : "no input");
            continue;
        }
        golden_exact(g, name, sub, gt_cmp_strs(t, n, json_object_get(c, "tokens"), detail, sizeof detail), detail);
        f5_strv_free(t, n);
        int32_t *ids = NULL;
        snprintf(sub, sizeof sub, "ids%zu", i);
        if (f5_tokenize(voc, in, &o, &ids, &n, &err)) {
            golden_error(g, name, sub, err.message);
            continue;
        }
        golden_exact(g, name, sub, gt_cmp_ids(ids, n, json_object_get(c, "ids"), detail, sizeof detail), detail);
        free(ids);
    }
}

static void gt_batch(golden_ctx *g, const char *name, json_t *b, const f5_vocab *voc) {
    json_t *toks = json_object_get(b, "tokens"), *ids = json_object_get(b, "ids");
    size_t nb = json_array_size(toks), maxlen = 0;
    for (size_t i = 0; i < nb; i++)
        if (json_array_size(json_array_get(toks, i)) > maxlen) maxlen = json_array_size(json_array_get(toks, i));
    bool ok = nb > 0 && json_array_size(ids) == nb;
    char detail[512] = "batch size differs";
    for (size_t i = 0; ok && i < nb; i++) {
        json_t *row = json_array_get(toks, i);
        size_t n = json_array_size(row);
        int32_t *got = malloc((maxlen + 1) * sizeof *got);
        if (!got) {
            golden_error(g, name, "batch", "out of memory");
            return;
        }
        for (size_t k = 0; k < maxlen; k++) {
            const char *s = k < n ? json_string_value(json_array_get(row, k)) : NULL;
            got[k] = s ? f5_vocab_lookup(voc, s, strlen(s)) : -1; /* pad -1 */
        }
        ok = gt_cmp_ids(got, (int)maxlen, json_array_get(ids, i), detail, sizeof detail);
        free(got);
        if (!ok) {
            char tmp[sizeof detail];
            memcpy(tmp, detail, sizeof tmp);
            snprintf(detail, sizeof detail, "row %zu: %.480s", i, tmp);
        }
    }
    if (ok) snprintf(detail, sizeof detail, "%zu rows padded to %zu", nb, maxlen);
    golden_exact(g, name, "batch", ok, detail);
}

static void gt_chunks(golden_ctx *g, const char *name, json_t *cases) {
    size_t i;
    json_t *c;
    char sub[64], detail[512];
    json_array_foreach(cases, i, c) {
        snprintf(sub, sizeof sub, "chunk%zu", i);
        const char *t = json_string_value(json_object_get(c, "text"));
        f5_error err = {0};
        char **ch = NULL;
        int n = 0;
        if (!t || f5_chunk_text(t, (int)json_integer_value(json_object_get(c, "max_chars")), &ch, &n, &err)) {
            golden_error(g, name, sub, t ? err.message : "no text");
            continue;
        }
        golden_exact(g, name, sub, gt_cmp_strs(ch, n, json_object_get(c, "chunks"), detail, sizeof detail), detail);
        f5_strv_free(ch, n);
    }
}

static void gt_reftext(golden_ctx *g, const char *name, json_t *cases) {
    size_t i;
    json_t *c;
    char sub[64], detail[512];
    json_array_foreach(cases, i, c) {
        snprintf(sub, sizeof sub, "ref_text%zu", i);
        const char *in = json_string_value(json_object_get(c, "input"));
        const char *want = json_string_value(json_object_get(c, "output"));
        char *got = NULL;
        f5_error err = {0};
        if (!in || !want || f5_ref_text_normalize(in, &got, &err)) {
            golden_error(g, name, sub, "bad case or error");
            continue;
        }
        bool ok = strcmp(got, want) == 0;
        snprintf(detail, sizeof detail, "got \"%s\", expected \"%s\"", got, want);
        golden_exact(g, name, sub, ok, detail);
        free(got);
    }
}

#define GT_CHECK(cond, ...)                                                                                       \
    do {                                                                                                          \
        if (ok && !(cond)) {                                                                                      \
            ok = false;                                                                                           \
            snprintf(detail, sizeof detail, __VA_ARGS__);                                                         \
        }                                                                                                         \
    } while (0)

static void gt_plan(golden_ctx *g, const char *name, json_t *cases) {
    size_t i;
    json_t *c;
    char sub[64], detail[512];
    json_array_foreach(cases, i, c) {
        snprintf(sub, sizeof sub, "plan%zu", i);
        f5_plan_params p = f5_plan_default_params();
        p.speed = json_number_value(json_object_get(c, "speed"));
        json_t *fd = json_object_get(c, "fix_duration");
        p.fix_duration = json_is_number(fd) ? json_number_value(fd) : 0;
        const char *ref = json_string_value(json_object_get(c, "ref_text"));
        const char *gen = json_string_value(json_object_get(c, "gen_text"));
        f5_text_plan plan;
        f5_error err = {0};
        if (!ref || !gen ||
            f5_text_plan_build(ref, json_integer_value(json_object_get(c, "ref_audio_samples")),
                               (int)json_integer_value(json_object_get(c, "ref_audio_sr")), gen, &p, &plan, &err)) {
            golden_error(g, name, sub, ref && gen ? err.message : "bad case");
            continue;
        }
        bool ok = true;
        GT_CHECK(plan.max_chars == json_integer_value(json_object_get(c, "max_chars")), "max_chars %d, expected %lld",
                 plan.max_chars, json_integer_value(json_object_get(c, "max_chars")));
        json_t *batches = json_object_get(c, "gen_text_batches"), *chunks = json_object_get(c, "chunks");
        GT_CHECK((size_t)plan.n_chunks == json_array_size(batches) && json_array_size(chunks) == json_array_size(batches),
                 "%d chunks, expected %zu", plan.n_chunks, json_array_size(batches));
        for (int k = 0; ok && k < plan.n_chunks; k++) {
            json_t *rc = json_array_get(chunks, (size_t)k);
            const f5_plan_chunk *pc = &plan.chunks[k];
            const char *want = json_string_value(json_array_get(batches, (size_t)k));
            GT_CHECK(want && strcmp(pc->text, want) == 0, "chunk %d: \"%s\", expected \"%s\"", k, pc->text,
                     want ? want : "?");
            GT_CHECK(plan.ref_audio_len == json_integer_value(json_object_get(rc, "ref_audio_len")),
                     "chunk %d: ref_audio_len %d, expected %lld", k, plan.ref_audio_len,
                     json_integer_value(json_object_get(rc, "ref_audio_len")));
            GT_CHECK(plan.cond_samples == json_integer_value(json_object_get(rc, "cond_samples")),
                     "chunk %d: cond_samples %lld, expected %lld", k, (long long)plan.cond_samples,
                     json_integer_value(json_object_get(rc, "cond_samples")));
            GT_CHECK(pc->duration == json_integer_value(json_object_get(rc, "duration")),
                     "chunk %d: duration %d, expected %lld", k, pc->duration,
                     json_integer_value(json_object_get(rc, "duration")));
            GT_CHECK(pc->vocoder_frames == json_integer_value(json_object_get(rc, "vocoder_frames")),
                     "chunk %d: vocoder_frames %d, expected %lld", k, pc->vocoder_frames,
                     json_integer_value(json_object_get(rc, "vocoder_frames")));
            char **t = NULL;
            int nt = 0;
            if (ok && f5_text_to_tokens(pc->full_text, &p.tok, &t, &nt, &err) == F5_OK) {
                char d2[400];
                if (!gt_cmp_strs(t, nt, json_object_get(rc, "text"), d2, sizeof d2)) {
                    ok = false;
                    snprintf(detail, sizeof detail, "chunk %d tokens: %s", k, d2);
                }
                f5_strv_free(t, nt);
            } else if (ok) {
                ok = false;
                snprintf(detail, sizeof detail, "chunk %d: %.480s", k, err.message);
            }
        }
        GT_CHECK(plan.final_samples == json_integer_value(json_object_get(c, "final_wave_samples")),
                 "final_wave_samples %lld, expected %lld", (long long)plan.final_samples,
                 json_integer_value(json_object_get(c, "final_wave_samples")));
        if (ok)
            snprintf(detail, sizeof detail, "max_chars %d, %d chunks, final %lld samples", plan.max_chars,
                     plan.n_chunks, (long long)plan.final_samples);
        golden_exact(g, name, sub, ok, detail);
        f5_text_plan_free(&plan);
    }
}

static void run(golden_ctx *g, json_t *kase) {
    const char *name = json_string_value(json_object_get(kase, "name"));
    json_t *files = json_object_get(kase, "files");
    const char *jrel = json_string_value(json_object_get(files, "json"));
    const char *vrel = json_string_value(json_object_get(files, "vocab"));
    char path[4096], vpath[4096];
    if (!name) name = "text";
    if (!jrel) {
        golden_error(g, name, NULL, "case has no files.json");
        return;
    }
    json_error_t jerr;
    json_t *doc = json_load_file(golden_path(g, jrel, path, sizeof path), 0, &jerr);
    if (!doc) {
        char msg[600];
        snprintf(msg, sizeof msg, "%.300s: %.200s (line %d)", path, jerr.text, jerr.line);
        golden_error(g, name, NULL, msg);
        return;
    }
    f5_vocab *voc = NULL;
    f5_error err = {0};
    if (!vrel) vrel = "vocab.txt";
    if (f5_vocab_load(golden_path(g, vrel, vpath, sizeof vpath), &voc, &err)) {
        golden_error(g, name, "vocab", err.message);
    } else {
        json_t *vs = json_object_get(doc, "vocab_size");
        char d[128];
        snprintf(d, sizeof d, "%d lines", f5_vocab_size(voc));
        golden_exact(g, name, "vocab", !vs || json_integer_value(vs) == f5_vocab_size(voc), d);
        gt_c2p(g, name, json_object_get(doc, "convert_char_to_pinyin"), voc);
        if (json_object_get(doc, "list_str_to_idx_batch"))
            gt_batch(g, name, json_object_get(doc, "list_str_to_idx_batch"), voc);
    }
    gt_chunks(g, name, json_object_get(doc, "chunk_text"));
    gt_reftext(g, name, json_object_get(doc, "ref_text_normalization"));
    gt_plan(g, name, json_object_get(doc, "infer_plan"));
    f5_vocab_free(voc);
    json_decref(doc);
}

const golden_checker golden_checker_text = {"text", detect, run};
