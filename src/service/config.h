/* config.h - the service configuration: one typed struct filled from
 * defaults, then environment variables, then command-line flags (flags win).
 * A static option table drives parsing, --help and the /config dump, so a
 * new option is one table row. Nothing here touches the network or disk.
 */
#ifndef F5_SVC_CONFIG_H
#define F5_SVC_CONFIG_H

#include "f5tts.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum f5_svc_role { F5_SVC_ROLE_ALL = 0, F5_SVC_ROLE_API, F5_SVC_ROLE_WORKER } f5_svc_role;

#define F5_SVC_STR 1024

typedef struct f5_svc_config {
    char listen[F5_SVC_STR];       /* host:port */
    char data_dir[F5_SVC_STR];
    char model[F5_SVC_STR];        /* checkpoint file or directory ("" = none configured) */
    char vocoder[F5_SVC_STR];      /* Vocos directory ("" = <model dir>/vocos) */
    char vocab[F5_SVC_STR];
    char model_config[F5_SVC_STR];
    char queue[F5_SVC_STR];        /* sqlite:PATH ("" = sqlite:<data>/jobs.db) */
    char storage[F5_SVC_STR];      /* fs:DIR ("" = fs:<data>/blobs) */
    char role_name[16];
    char log_level[16];            /* debug | info | warn | error */
    char log_format[16];           /* json | text */
    char otlp_endpoint[F5_SVC_STR]; /* OTLP/HTTP trace receiver base URL ("" = tracing off) */
    char device_name[16];
    char dtype[16];                /* fp32 | bf16 */
    char model_label[F5_SVC_STR];  /* free label shown in logs/UI, e.g. "TEST MODEL (random weights)" */
    bool test_model;               /* the model is the random-weight test model */
    int concurrency;               /* inference workers (one session each) */
    int max_batch;                 /* > 1: jobs' sampling steps share DiT evaluations, this many chunks at once */
    long long batch_frames;        /* batching memory budget: chunks in flight x frames (0 = none) */
    int max_queue;                 /* queued (not running) jobs before 503 */
    int threads;                   /* threads per session (0 = library default) */
    long long max_body_bytes;
    int max_text_chars;
    double max_ref_seconds;        /* reject longer reference inputs (422) */
    double min_ref_seconds;        /* reject shorter references (422) */
    double request_timeout_s;      /* per job wall time from start; 0 = none */
    double result_ttl_s;           /* succeeded/failed jobs and their files kept this long */
    double shutdown_grace_s;
    int retry_after_s;
    int max_connections;
    int default_nfe;
    double default_cfg;
    bool warmup;
    char auth[16];                 /* on | off | auto (auto) */
    bool auth_off_public;          /* allow --auth off on a non-loopback listener */
    int max_concurrent;            /* queued+running jobs per key without its own limit; 0 = unlimited */
    double quota_seconds;          /* audio seconds per UTC day per key without its own quota; 0 = unlimited */
    double ip_rate;                /* requests/min per client IP on requests made without a key; 0 = unlimited */
    char tls_cert[F5_SVC_STR];     /* PEM certificate (chain): serve HTTPS ("" = plain HTTP) */
    char tls_key[F5_SVC_STR];      /* PEM private key of tls_cert */
    bool retain_inputs;            /* keep uploaded references after their job (off: deleted) */
    int client_timeout_s;          /* close a connection idle this long mid-request (slow clients) */
    int max_connections_per_ip;    /* open connections per client address; 0 = unlimited */
    char keys_backend[16];         /* file (DATA/keys.json) | redis (<prefix>:keys on the --queue Redis) */
    char asr_url[F5_SVC_STR];      /* OpenAI-compatible transcription endpoint ("" = none) */
    double asr_timeout_s;          /* per transcription request */
    char asr_model[64];            /* the `model` field sent to it */
    bool strict_voices;            /* refuse voices whose quality report has warnings */
    /* derived */
    f5_svc_role role;
    char host[256];
    int port;
} f5_svc_config;

/* Defaults, then environment. Never fails (bad env values are reported by
 * f5_svc_config_parse_args, which re-validates everything). */
void f5_svc_config_defaults(f5_svc_config *c);
/* Apply environment variables (F5_LISTEN, MODEL_NAME/CKPT_PATH, ...). Fails
 * with a message naming the variable on a malformed value. */
f5_status f5_svc_config_env(f5_svc_config *c, f5_error *err);
/* Apply flags (argv[0] is the command name). Sets *help when --help is
 * given. Fails on unknown flags or malformed values, naming the flag. */
f5_status f5_svc_config_args(f5_svc_config *c, int argc, char **argv, bool *help, f5_error *err);
/* Derive role/host/port and default paths; validate ranges. */
f5_status f5_svc_config_finish(f5_svc_config *c, f5_error *err);
void f5_svc_config_usage(FILE *f);
/* The effective configuration as JSON, secrets (URL passwords) redacted.
 * Caller owns the result. */
json_t *f5_svc_config_json(const f5_svc_config *c);

#endif
