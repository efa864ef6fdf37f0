/* text.h - the text front-end: vocabulary, tokenizer, chunker, planning and
 * the Vietnamese normaliser.
 *
 * Pipeline order (what f5_synthesize does with a request):
 *   ref_text  -> f5_textnorm (optional) -> f5_ref_text_normalize
 *   gen_text  -> f5_textnorm            -> f5_text_plan_build (max_chars,
 *                chunks, per-chunk durations) -> per chunk f5_tokenize(
 *                plan.chunks[i].full_text) -> DiT text ids.
 * f5_textnorm returns one sentence per line: replace each "\n" with " "
 * before planning (a newline would otherwise become a token of its own).
 * Tokenisation reproduces upstream F5-TTS `convert_char_to_pinyin` +
 * `list_str_to_idx` exactly for text without Chinese characters (see
 * ../shared/golden/README.md "text/text_cases.json"). All functions are
 * pure: no global state, thread-safe on distinct outputs; an f5_vocab is
 * immutable after load and may be shared by any number of threads.
 * Strings are UTF-8; every returned string/array is malloc'd and owned by the
 * caller (free with the matching *_free below).
 */
#ifndef F5_TEXT_TEXT_H
#define F5_TEXT_TEXT_H

#include "f5tts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ vocab */

typedef struct f5_vocab f5_vocab;

/* Load a vocab file: one token per line, id = 0-based line index, CRLF, LF
 * or CR line endings (Python universal newlines). The file name does not
 * matter (Vietnamese fine-tunes ship it as vocab.txt or config.json, same
 * line format); a JSON object file is refused with F5_ERR_FORMAT. Like
 * upstream, a last line without a line ending loses its last character.
 * Duplicate lines: the last id wins (Python dict). */
f5_status f5_vocab_load(const char *path, f5_vocab **out, f5_error *err);
/* Same from memory; name is only used in messages. */
f5_status f5_vocab_parse(const char *data, size_t len, const char *name, f5_vocab **out, f5_error *err);
/* Number of lines (= ids 0..size-1; the DiT's text_num_embeds). */
int f5_vocab_size(const f5_vocab *v);
/* Id of a token (len bytes), or 0 (the space token) when unknown. */
int32_t f5_vocab_lookup(const f5_vocab *v, const char *tok, size_t len);
/* Token text of an id (NUL-terminated), or NULL when out of range. */
const char *f5_vocab_token(const f5_vocab *v, int32_t id);
void f5_vocab_free(f5_vocab *v);

/* ------------------------------------------------------------------ tokenizer */

typedef struct f5_tok_opts {
    bool jieba_split; /* true (default): upstream's rjieba segmentation, which
                         inserts a space token before an ASCII run of >= 2 chars
                         following a non-space token ("Trường" -> T r ư ờ ␣ n g);
                         the released Vietnamese fine-tunes were trained with it.
                         false: one token per character, no inserted spaces. */
    bool lowercase;   /* lowercase the text first (default false: upstream does not) */
} f5_tok_opts;

f5_tok_opts f5_tok_default_opts(void);

/* Tokens as strings (one Unicode character each, or an inserted " ").
 * Invalid UTF-8 -> F5_ERR_INVALID_TEXT. *toks is a malloc'd array of n
 * malloc'd strings: free with f5_strv_free(*toks, *n). */
f5_status f5_text_to_tokens(const char *text, const f5_tok_opts *o, char ***toks, int *n, f5_error *err);

/* Token ids (vocab lookup of f5_text_to_tokens, unknown -> 0). *ids is
 * malloc'd (free()). o NULL = defaults. */
f5_status f5_tokenize(const f5_vocab *v, const char *text, const f5_tok_opts *o, int32_t **ids, int *n,
                      f5_error *err);

/* Free an array of n malloc'd strings (NULL-safe). */
void f5_strv_free(char **v, int n);

/* ------------------------------------------------------------------ chunker / plan */

/* Upstream chunk_text: split after [;:,.!?] + whitespace (dropped) or right
 * after any of ；：，。！？, greedily join pieces while the UTF-8 byte count
 * stays <= max_chars, strip each chunk. A piece longer than max_chars is a
 * chunk of its own (never cut inside). *chunks: free with f5_strv_free. */
f5_status f5_chunk_text(const char *text, int max_chars, char ***chunks, int *n, f5_error *err);

/* Upstream preprocess_ref_audio_text's fix-up: unless text ends with ". " or
 * "。", append " " if it ends with ".", else ". ". *out malloc'd. */
f5_status f5_ref_text_normalize(const char *ref_text, char **out, f5_error *err);

/* ref_text' used in front of every chunk: ref_text + " " if its last
 * character is one UTF-8 byte. *out malloc'd. */
f5_status f5_ref_text_join_form(const char *ref_text, char **out, f5_error *err);

/* int(bytes(ref_text) / ref_seconds * (22 - ref_seconds) * speed), in double
 * exactly as upstream (ref_seconds = samples / sr of the file as loaded). */
int f5_plan_max_chars(const char *ref_text, double ref_seconds, double speed);

/* Reference length after resampling to 24 kHz (torchaudio: ceil(S*24000/sr)). */
int64_t f5_plan_resampled_len(int64_t samples, int sr);

/* Requested sampler duration (frames) for a chunk:
 * fix_duration > 0: int(fix_duration * 24000 / 256); else
 * ref_audio_len + int(ref_audio_len / bytes(ref_text_join) * bytes(chunk) / local_speed),
 * local_speed = 0.3 when bytes(chunk) < 10 else speed. */
int f5_plan_duration(int ref_audio_len, const char *ref_text_join, const char *chunk, double speed,
                     double fix_duration);

typedef struct f5_plan_chunk {
    char *text;         /* the chunk of gen_text */
    char *full_text;    /* ref_text' + text: what is tokenised for the DiT */
    int n_tokens;       /* token count of full_text (with the plan's tok opts) */
    int duration;       /* requested duration in frames (f5_plan_duration) */
    int eff_duration;   /* what the sampler uses: max(max(n_tokens, ref_frames) + 1, duration) */
    int vocoder_frames; /* eff_duration - ref_audio_len */
    int64_t samples;    /* 256 * (vocoder_frames - 1): this chunk's waveform length */
} f5_plan_chunk;

typedef struct f5_text_plan {
    char *ref_text;      /* ref_text' (join form) */
    int max_chars;
    int64_t cond_samples; /* reference samples at 24 kHz */
    int ref_audio_len;   /* cond_samples / 256 */
    int ref_frames;      /* mel frames of the reference = cond_samples / 256 + 1 */
    int n_chunks;
    f5_plan_chunk *chunks; /* [n_chunks] */
    int64_t final_samples; /* after cross-fading the chunks */
} f5_text_plan;

typedef struct f5_plan_params {
    double speed;               /* 1.0 */
    double fix_duration;        /* seconds of reference + generated audio; <= 0: none */
    double cross_fade_duration; /* 0.15 s */
    f5_tok_opts tok;
} f5_plan_params;

f5_plan_params f5_plan_default_params(void);

/* What upstream infer_process/infer_batch_process computes: ref_text is the
 * already fixed-up reference text (f5_ref_text_normalize), ref_samples /
 * ref_sr the reference as loaded (before resampling), gen_text the text to
 * speak (already normalised if wanted). Empty gen_text (no chunk) ->
 * F5_ERR_INVALID_TEXT. Free with f5_text_plan_free. */
f5_status f5_text_plan_build(const char *ref_text, int64_t ref_samples, int ref_sr, const char *gen_text,
                             const f5_plan_params *p, f5_text_plan *out, f5_error *err);
void f5_text_plan_free(f5_text_plan *plan);

/* ------------------------------------------------------------------ normaliser */

/* Unicode clean-up: validate UTF-8 (invalid -> F5_ERR_INVALID_TEXT, with the
 * byte offset), NFC (utf8proc), Ð->Đ, drop control/zero-width chars (ZWSP,
 * ZWNJ, ZWJ, BOM, soft hyphen), NBSP/tabs/other spaces -> " ", unify quotes,
 * dashes and ellipses. Newlines are kept. *out malloc'd. */
f5_status f5_text_clean(const char *in, size_t len, char **out, f5_error *err);

/* The Vietnamese normaliser (../shared/textnorm/README.md convention):
 * spoken words only, lowercase, sentence punctuation kept, one sentence per
 * line (lines joined with "\n", no trailing newline). Output size is capped
 * at 64 * input bytes + 4096 (F5_ERR_INVALID_TEXT beyond; real text expands
 * < 10x). *out malloc'd. f5_text_normalize (f5tts.h) is this function. */
f5_status f5_textnorm(const char *in, char **out, f5_error *err);

#endif
