/* cmd_synth.c - placeholder until the subcommand is implemented. */
#include "cli/commands.h"

#include <stdio.h>

int cmd_synth(int argc, char **argv) {
    (void)argc;
    fprintf(stderr, "f5tts %s: not implemented yet\n", argv[0]);
    return 2;
}
