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
#include <time.h>

static void stderr_sink(void *user, const char *line) {
    (void)user;
    flockfile(stderr);
    fputs(line, stderr);
    fputc('\n', stderr);
    funlockfile(stderr);
}

/* Shared by serve and worker: role_override NULL keeps the configured role. */
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
    for (;;) {
        struct timespec ts = {0, 200 * 1000000L};
        int sig = sigtimedwait(&set, NULL, &ts);
        if (sig == SIGINT || sig == SIGTERM) break;
        if (f5_svc_phase_get(svc, &err) == F5_SVC_FAILED) {
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
