/* synth_dryrun.h - `f5tts synth --dry-run`: print the plan of a synthesis
 * (prepared text, chunks, token ids, planned seconds per chunk) as JSON on
 * stdout, no sampling or vocoding. */
#ifndef F5_CLI_SYNTH_DRYRUN_H
#define F5_CLI_SYNTH_DRYRUN_H

#include "f5tts.h"

/* Returns the process exit code (0 ok, 1 failure with a message on stderr). */
int f5_cli_synth_dry_run(const f5_model *m, const f5_voice *v, const char *text, const f5_synth_params *p);

#endif
