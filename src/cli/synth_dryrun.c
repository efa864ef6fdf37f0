/* synth_dryrun.c - `f5tts synth --dry-run` output: f5_synth_plan_make as
 * JSON {"text", "max_chars", "n_chunks", "total_seconds", "voice":{...},
 * "chunks":[{"text", "n_tokens", "token_ids", "frames", "seconds"}]}.
 */
#include "cli/synth_dryrun.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

int f5_cli_synth_dry_run(const f5_model *m, const f5_voice *v, const char *text, const f5_synth_params *p) {
    f5_error err = {0};
    f5_synth_plan plan;
    if (f5_synth_plan_make(m, v, text, p, &plan, &err)) {
        fprintf(stderr, "f5tts synth: dry run: %s\n", err.message);
        return 1;
    }
    f5_voice_info vi;
    f5_voice_get_info(v, &vi);
    json_t *chunks = json_array();
    for (int i = 0; i < plan.n_chunks; i++) {
        const f5_synth_plan_chunk *c = &plan.chunks[i];
        json_t *ids = json_array();
        for (int k = 0; k < c->n_tokens; k++) json_array_append_new(ids, json_integer(c->token_ids[k]));
        json_array_append_new(chunks, json_pack("{s:s, s:i, s:o, s:i, s:f}", "text", c->text, "n_tokens", c->n_tokens,
                                                "token_ids", ids, "frames", c->frames, "seconds", c->seconds));
    }
    json_t *j = json_pack("{s:b, s:s, s:i, s:i, s:f, s:{s:f, s:b, s:s}, s:o}", "dry_run", 1, "text", plan.text,
                          "max_chars", plan.max_chars, "n_chunks", plan.n_chunks, "total_seconds", plan.total_seconds,
                          "voice", "kept_seconds", vi.kept_seconds, "clipped", vi.clipped, "ref_text",
                          vi.ref_text ? vi.ref_text : "", "chunks", chunks);
    f5_synth_plan_free(&plan);
    char *s = j ? json_dumps(j, JSON_INDENT(2)) : NULL;
    json_decref(j);
    if (!s) {
        fprintf(stderr, "f5tts synth: dry run: out of memory for the JSON output\n");
        return 1;
    }
    printf("%s\n", s);
    free(s);
    return 0;
}
