/* progress.h - a one-line terminal progress bar for `f5tts synth`.
 *
 * Counts NFE steps over all chunks (chunks x steps), shows percent, the
 * current chunk and an ETA from the elapsed time, and redraws at most ~10
 * times a second. Disabled bars cost nothing, so callers create one always
 * and enable it only when stderr is a terminal.
 */
#ifndef F5_CLI_PROGRESS_H
#define F5_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

typedef struct progress_bar {
    bool enabled;
    FILE *out;
    double t_start;   /* seconds, monotonic */
    double t_drawn;   /* last redraw */
    bool drawn;       /* something is on the line */
} progress_bar;

void progress_init(progress_bar *p, FILE *out, bool enabled);
/* step is 1-based (steps done in this chunk); chunk is 0-based. */
void progress_update(progress_bar *p, int chunk, int n_chunks, int step, int n_steps);
/* Clear the line (if drawn) so later output starts clean. */
void progress_finish(progress_bar *p);

/* The bar line itself (exposed for tests): "[=====>    ]  45% chunk 2/3 ETA 0:12". */
void progress_format(char *buf, size_t cap, double frac, int chunk, int n_chunks, double eta_s);

#endif
