/* resolve.h - turning a --model / --vocoder argument into files on disk.
 *
 * A model argument is a directory (checkpoint + vocab.txt + optional model
 * YAML), a checkpoint file, or a name. Names are either the short names of
 * the known models below or a Hugging Face repo id ("ORG/NAME[/SUBDIR]");
 * both are looked up in the Hugging Face cache layout that the Python tools
 * write (`$HF_CACHE_DIR`, else `$HF_HOME/hub`, else
 * `~/.cache/huggingface/hub`; `models--ORG--NAME/snapshots/REV/...` with REV
 * read from `refs/main`). Nothing here touches the network: `f5tts models
 * pull` downloads into the same layout.
 */
#ifndef F5_PIPELINE_RESOLVE_H
#define F5_PIPELINE_RESOLVE_H

#include "f5tts.h"

#include <stdint.h>

#define F5_PATH_MAX 4096

typedef enum f5_known_kind { F5_KNOWN_DIT, F5_KNOWN_VOCOS } f5_known_kind;

typedef struct f5_known_file {
    const char *path;   /* path inside the repo ("F5TTS_v1_Base/vocab.txt") */
    const char *role;   /* "checkpoint", "vocab", "config" */
    int64_t size;       /* bytes, or -1 when not known to us */
    const char *sha256; /* lowercase hex, or NULL when not known to us */
} f5_known_file;

typedef struct f5_known_model {
    const char *name;        /* short name accepted by --model / --vocoder */
    const char *repo;        /* Hugging Face repo id */
    f5_known_kind kind;
    const char *arch;        /* DiT preset ("v1_base", "base") or NULL */
    f5_known_file files[4];  /* terminated by path == NULL */
    const char *note;
} f5_known_model;

/* The table of known names (static, read-only) and its length. */
const f5_known_model *f5_known_models(size_t *n);
/* Known model by short name or by repo id; NULL if none. */
const f5_known_model *f5_known_model_find(const char *name);

/* The HF hub cache root into buf (no existence check). */
const char *f5_hf_cache_dir(char *buf, size_t cap);
/* The snapshot directory of repo in the cache ("<root>/models--ORG--NAME/
 * snapshots/<rev>"), rev from refs/main or else the only/newest snapshot.
 * F5_ERR_NOT_FOUND when the repo is not cached. */
f5_status f5_hf_snapshot_dir(const char *repo, char *buf, size_t cap, f5_error *err);

typedef struct f5_resolved_model {
    char checkpoint[F5_PATH_MAX]; /* the weight file */
    char vocab[F5_PATH_MAX];      /* "" when none was found */
    char config[F5_PATH_MAX];     /* model YAML, "" when none */
    const f5_known_model *known;  /* when resolved from a known name */
} f5_resolved_model;

/* Resolve a DiT model argument (see top). Errors name what was tried. */
f5_status f5_resolve_model(const char *spec, f5_resolved_model *out, f5_error *err);

typedef struct f5_resolved_vocoder {
    char weights[F5_PATH_MAX]; /* pytorch_model.bin or model.safetensors */
    char config[F5_PATH_MAX];  /* config.yaml, "" when absent */
} f5_resolved_vocoder;

/* Resolve a vocoder argument: directory, weights file, known name or repo id.
 * NULL/"" means the default "vocos" name. */
f5_status f5_resolve_vocoder(const char *spec, f5_resolved_vocoder *out, f5_error *err);

/* Small filesystem helpers shared by the pipeline and the CLI. */
bool f5_path_is_dir(const char *p);
bool f5_path_is_file(const char *p);

#endif
