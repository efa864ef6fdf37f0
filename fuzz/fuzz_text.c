/* fuzz_text.c - arbitrary bytes (invalid UTF-8 included) into the text
 * front-end: normaliser, tokenizer (+ vocab lookup), chunker, ref-text
 * fix-up and planner. Invariants checked: no crash, invalid UTF-8 is an
 * F5_ERR_INVALID_TEXT, the normaliser's output stays within its documented
 * cap (64 x input + 4096 bytes) and contains no digits.
 */
#include "text/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1 << 16)) return 0;
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = 0;
    size_t len = strlen(s);
    f5_error err = {0};
    char *out = NULL;
    if (f5_textnorm(s, &out, &err) == F5_OK) {
        size_t on = strlen(out);
        if (on > len * 64 + 4096) abort();
        for (size_t i = 0; i < on; i++)
            if (out[i] >= '0' && out[i] <= '9') abort(); /* spoken words only */
        char **ch = NULL;
        int nch = 0;
        if (f5_chunk_text(out, 1 + (size ? data[0] : 0), &ch, &nch, &err) == F5_OK) f5_strv_free(ch, nch);
        free(out);
    } else if (err.status != F5_ERR_INVALID_TEXT && err.status != F5_ERR_NOMEM) {
        abort();
    }
    char **t = NULL;
    int nt = 0;
    f5_tok_opts o = f5_tok_default_opts();
    o.lowercase = size & 1;
    if (f5_text_to_tokens(s, &o, &t, &nt, &err) == F5_OK) f5_strv_free(t, nt);
    static const char vocab_txt[] = " \n!\n,\n.\na\nb\nc\n\xC3\xA0\n\xE1\xBB\x9D\nn\ng\n";
    f5_vocab *v = NULL;
    if (f5_vocab_parse(vocab_txt, sizeof vocab_txt - 1, "fuzz", &v, &err) == F5_OK) {
        int32_t *ids = NULL;
        int n = 0;
        if (f5_tokenize(v, s, NULL, &ids, &n, &err) == F5_OK) {
            for (int i = 0; i < n; i++)
                if (ids[i] < 0 || ids[i] >= f5_vocab_size(v)) abort();
            free(ids);
        }
        f5_vocab_free(v);
    }
    char **ch = NULL;
    int nch = 0;
    if (f5_chunk_text(s, size ? data[size - 1] : 0, &ch, &nch, &err) == F5_OK) f5_strv_free(ch, nch);
    char *rt = NULL;
    if (f5_ref_text_normalize(s, &rt, &err) == F5_OK) free(rt);
    f5_text_plan plan;
    f5_plan_params pp = f5_plan_default_params();
    if (f5_text_plan_build("Xin ch\xC3\xA0o. ", 72000, 24000, s, &pp, &plan, &err) == F5_OK) f5_text_plan_free(&plan);
    free(s);
    return 0;
}
