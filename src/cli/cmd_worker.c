/* cmd_worker.c - `f5tts worker` = `f5tts serve --role worker`: no HTTP,
 * only the inference workers claiming jobs from the shared queue. */
#include "cli/commands.h"

int f5_cli_run_service(int argc, char **argv, const char *role_override);

int cmd_worker(int argc, char **argv) {
    return f5_cli_run_service(argc, argv, "worker");
}
