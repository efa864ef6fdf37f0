/* progress.c - the terminal progress bar of `f5tts synth` (see progress.h). */
#include "cli/progress.h"
#include "core/clock.h"

#include <string.h>
#include <time.h>


void progress_init(progress_bar *p, FILE *out, bool enabled) {
    memset(p, 0, sizeof *p);
    p->enabled = enabled;
    p->out = out;
    p->t_start = f5_now_s();
}

void progress_format(char *buf, size_t cap, double frac, int chunk, int n_chunks, double eta_s) {
    enum { W = 30 };
    char bar[W + 1];
    if (frac < 0) frac = 0;
    if (frac > 1) frac = 1;
    int fill = (int)(frac * W + 0.5);
    for (int i = 0; i < W; i++) bar[i] = i < fill ? '=' : (i == fill ? '>' : ' ');
    bar[W] = 0;
    if (eta_s < 0) {
        snprintf(buf, cap, "[%s] %3d%% chunk %d/%d ETA --:--", bar, (int)(frac * 100 + 0.5), chunk + 1, n_chunks);
        return;
    }
    long e = (long)(eta_s + 0.5);
    snprintf(buf, cap, "[%s] %3d%% chunk %d/%d ETA %ld:%02ld", bar, (int)(frac * 100 + 0.5), chunk + 1, n_chunks,
             e / 60, e % 60);
}

void progress_update(progress_bar *p, int chunk, int n_chunks, int step, int n_steps) {
    if (!p->enabled || n_chunks <= 0 || n_steps <= 0) return;
    double t = f5_now_s();
    bool last = chunk == n_chunks - 1 && step >= n_steps;
    if (p->drawn && !last && t - p->t_drawn < 0.1) return;
    /* chunks differ in length; counting steps is the honest measure we have */
    double frac = ((double)chunk * n_steps + step) / ((double)n_chunks * n_steps);
    double el = t - p->t_start;
    double eta = frac > 0.02 ? el * (1 - frac) / frac : -1;
    char line[128];
    progress_format(line, sizeof line, frac, chunk, n_chunks, eta);
    fprintf(p->out, "\r%s", line);
    fflush(p->out);
    p->drawn = true;
    p->t_drawn = t;
}

void progress_finish(progress_bar *p) {
    if (!p->enabled || !p->drawn) return;
    fprintf(p->out, "\r%*s\r", 70, "");
    fflush(p->out);
    p->drawn = false;
}
