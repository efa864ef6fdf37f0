/* cmd_serve.c - `f5tts serve`: parse the service configuration (flags >
 * environment > defaults), start the service, log JSON lines to stderr, and
 * on SIGTERM/SIGINT stop gracefully (running jobs get the grace period, the
 * rest stay queued) and exit 0. Exit 1 if the model cannot be loaded.
 */
#include "cli/commands.h"
#include "service/service.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static void stderr_sink(void *user, const char *line) {
    (void)user;
    flockfile(stderr);
    fputs(line, stderr);
    fputc('\n', stderr);
    funlockfile(stderr);
}

/* Shared by serve and worker: role_override NULL keeps the configured role. */
/* Once ready, a human hint on stderr (beside the JSON log lines): the web
 * UI's URL and one curl line that synthesises. The test model ships a
 * reference clip (ref.wav beside it); other models need the user's own. */
static void print_ready_banner(const f5_svc_config *cfg, int port) {
    if (port <= 0) return;
    char host[F5_SVC_STR];
    snprintf(host, sizeof host, "%s", cfg->listen);
    char *colon = strrchr(host, ':');
    if (colon) *colon = 0;
    if (!host[0] || !strcmp(host, "0.0.0.0") || !strcmp(host, "[::]") || !strcmp(host, "::"))
        snprintf(host, sizeof host, "127.0.0.1");
    char ref[F5_SVC_STR + 16];
    struct stat st;
    snprintf(ref, sizeof ref, "%s/ref.wav", cfg->model);
    bool have_ref = cfg->test_model && stat(ref, &st) == 0 && S_ISREG(st.st_mode);
    flockfile(stderr);
    fprintf(stderr, "\nf5tts: ready. Web UI: http://%s:%d/\n", host, port);
    if (cfg->test_model)
        fprintf(stderr, "f5tts: model: %s: the audio is noise, not speech (real models: README, Models)\n",
                cfg->model_label);
    fprintf(stderr, "f5tts: try:  curl -sS -o hello.wav -F text='xin chào' -F ref_text='%s' -F voice=@%s http://%s:%d/tts\n",
            have_ref ? "xin chào các bạn" : "TRANSCRIPT OF YOUR CLIP", have_ref ? ref : "YOUR_CLIP.wav", host, port);
    fputc('\n', stderr);
    funlockfile(stderr);
}

int f5_cli_run_service(int argc, char **argv, const char *role_override) {
    f5_svc_config cfg;
    f5_error err = {0};
    bool help = false;
    f5_svc_config_defaults(&cfg);
    if (f5_svc_config_env(&cfg, &err) || f5_svc_config_args(&cfg, argc, argv, &help, &err)) {
        fprintf(stderr, "f5tts %s: %s\n", argv[0], err.message);
        return 2;
    }
    if (help) {
        f5_svc_config_usage(stdout);
        return 0;
    }
    if (role_override) snprintf(cfg.role_name, sizeof cfg.role_name, "%s", role_override);
    if (f5_svc_config_finish(&cfg, &err)) {
        fprintf(stderr, "f5tts %s: %s\n", argv[0], err.message);
        return 2;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL); /* every thread inherits this; we sigwait below */
    signal(SIGPIPE, SIG_IGN);
    f5_svc *svc = NULL;
    if (f5_svc_start(&cfg, stderr_sink, NULL, &svc, &err)) {
        fprintf(stderr, "f5tts %s: %s\n", argv[0], err.message);
        return 1;
    }
    int rc = 0;
    bool announced = false;
    for (;;) {
        struct timespec ts = {0, 200 * 1000000L};
        int sig = sigtimedwait(&set, NULL, &ts);
        if (sig == SIGINT || sig == SIGTERM) break;
        f5_svc_phase ph = f5_svc_phase_get(svc, &err);
        if (ph == F5_SVC_READY && !announced) {
            print_ready_banner(&cfg, f5_svc_port(svc));
            announced = true;
        }
        if (ph == F5_SVC_FAILED) {
            fprintf(stderr, "f5tts %s: %s\n", argv[0], err.message);
            rc = 1;
            break;
        }
    }
    f5_svc_free(svc);
    return rc;
}

int cmd_serve(int argc, char **argv) {
    return f5_cli_run_service(argc, argv, NULL);
}
