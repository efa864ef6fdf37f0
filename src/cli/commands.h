/* commands.h - one entry point per `f5tts` subcommand (one file each). Each
 * gets argv with argv[0] = the subcommand name and returns the exit code. */
#ifndef F5_CLI_COMMANDS_H
#define F5_CLI_COMMANDS_H

int cmd_synth(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_worker(int argc, char **argv);
int cmd_golden(int argc, char **argv);
int cmd_normalize(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_models(int argc, char **argv);
int cmd_make_test_model(int argc, char **argv);
int cmd_keys(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_inspect(int argc, char **argv);

/* `f5tts bench --vocoder-only` (bench_vocoder.c): gets bench's argv unchanged. */
int f5_bench_vocoder(int argc, char **argv);

#endif
