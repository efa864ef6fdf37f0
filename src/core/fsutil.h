/* fsutil.h - creating the directories a command writes into.
 *
 * Every command that writes under a directory (make-test-model, serve
 * --data, models pull, synth -o, the keys file) creates what is missing
 * with these, so a fresh checkout with no data/ works, and a failure says
 * which path and why (permission, read-only filesystem, a file in the way).
 */
#ifndef F5_CORE_FSUTIL_H
#define F5_CORE_FSUTIL_H

#include <sys/types.h>

#include "f5tts.h"

/* mkdir -p: create dir and every missing parent with `mode` (parents that
 * already exist are left as they are). Fails with F5_ERR_IO naming the
 * component that could not be created and the reason; a non-directory in
 * the way is reported as such. Thread-safe (no shared state). */
f5_status f5_mkdirs(const char *dir, mode_t mode, f5_error *err);

/* f5_mkdirs() of the directory part of a file path ("a/b/c.wav" -> "a/b");
 * a bare file name needs nothing and succeeds. */
f5_status f5_mkdirs_parent(const char *file, mode_t mode, f5_error *err);

#endif
