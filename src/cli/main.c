/* main.c - `f5tts` entry point: dispatches to the subcommand table. */
#include "cli/commands.h"
#include "f5tts.h"
#include "kernels/kernels.h"
#include "pipeline/device.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} commands[] = {
    {"synth", cmd_synth, "one-shot synthesis: --model M --ref FILE --ref-text T --text T -o OUT"},
    {"serve", cmd_serve, "HTTP service with web UI, job store and storage"},
    {"worker", cmd_worker, "worker of a multi-node deployment (= serve --role worker)"},
    {"golden", cmd_golden, "check the engine against golden vectors: golden DIR"},
    {"normalize", cmd_normalize, "Vietnamese text normalisation: stdin -> stdout"},
    {"bench", cmd_bench, "benchmark (RTF, ms per NFE step, GFLOP/s, peak RSS)"},
    {"models", cmd_models, "list | pull NAME | path NAME"},
    {"make-test-model", cmd_make_test_model, "write a tiny random-weight model: make-test-model DIR"},
    {"keys", cmd_keys, "API keys: add | list | revoke"},
    {"voices", cmd_voices, "speaker library: add | list | rm (same store as serve --data)"},
    {"inspect", cmd_inspect, "print tensors, dtypes, shapes and the detected architecture of FILE"},
};

static void usage(FILE *f) {
    fprintf(f, "f5tts %s - voice-cloning text-to-speech (F5-TTS + Vocos in C)\n\nusage: f5tts COMMAND [options]\n\n", f5_version());
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) fprintf(f, "  %-16s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nf5tts COMMAND --help for the options of a command.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("f5tts %s\n", f5_version());
        f5_device dev = F5_DEVICE_CPU;
        char msg[400] = "";
        f5_device_resolve(F5_DEVICE_AUTO, &dev, msg, sizeof msg, NULL);
        printf("cuda_built: %s\n%s\n", f5_cuda_built() ? "true" : "false", msg);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "f5tts: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
