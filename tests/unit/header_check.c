/* Compiled with -std=c99 -pedantic and no project include but the public
 * header: proves f5tts.h is self-contained plain C. */
#include "f5tts.h"

int f5_header_check(void);
int f5_header_check(void) {
    f5_error e = {F5_OK, {0}};
    f5_synth_params p = {0};
    (void)p;
    return (int)e.status;
}
