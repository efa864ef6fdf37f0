/* threadpool.h - a small fork-join pool for data-parallel kernels.
 *
 * A pool of n-1 worker threads plus the caller; f5_threadpool_for() splits
 * [0, n) into contiguous ranges, runs fn on each (the caller takes one) and
 * returns when all are done. Workers sleep on a condition variable between
 * jobs (no spinning, so they do not fight the GEMM library's own threads).
 * One pool serves one caller thread at a time (it belongs to a per-thread
 * context); it holds no global state.
 */
#ifndef F5_CORE_THREADPOOL_H
#define F5_CORE_THREADPOOL_H

#include "f5tts.h"

#include <stdint.h>

typedef struct f5_threadpool f5_threadpool;

/* fn(arg, begin, end, worker): process items [begin, end); worker in [0, n_threads). */
typedef void (*f5_range_fn)(void *arg, int64_t begin, int64_t end, int worker);

/* n_threads >= 1 (1 = no worker threads; everything runs in the caller). */
f5_status f5_threadpool_create(int n_threads, f5_threadpool **out, f5_error *err);
void f5_threadpool_free(f5_threadpool *p); /* NULL-safe; joins the workers */
int f5_threadpool_size(const f5_threadpool *p); /* 1 for NULL */

/* Run fn over [0, n) split in at most min(size(p), ceil(n / min_chunk))
 * near-equal ranges (min_chunk bounds the number of ranges; a range may be
 * a little shorter than min_chunk: n 9, min_chunk 4 gives 3 ranges of 3).
 * p may be NULL (runs serially in the caller). Not reentrant: fn must
 * not call f5_threadpool_for on the same pool. */
void f5_threadpool_for(f5_threadpool *p, int64_t n, int64_t min_chunk, f5_range_fn fn, void *arg);

/* Number of online CPUs (>= 1). */
int f5_cpu_count(void);

#endif
