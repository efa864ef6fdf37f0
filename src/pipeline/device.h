/* device.h - which device runs a model: the one rule behind --device
 * auto|cpu|cuda (synth, serve, worker, bench, golden). */
#ifndef F5_PIPELINE_DEVICE_H
#define F5_PIPELINE_DEVICE_H

#include "f5tts.h"

#include <stdbool.h>
#include <stddef.h>

/* The decision from the facts alone (unit-testable without a GPU):
 * auto -> cuda when CUDA is built in and n_devices > 0, else cpu;
 * cpu -> cpu; cuda -> cuda, or F5_ERR_DEVICE "built without CUDA" /
 * "no CUDA device: <why_none>". msg says what was picked and why (for the
 * log), e.g. "device auto: cpu (no CUDA device: ...)". */
f5_status f5_device_decide(f5_device requested, bool cuda_built, int n_devices, const char *why_none,
                           f5_device *out, char *msg, size_t msg_n, f5_error *err);

/* The same, asking the CUDA runtime (f5_cuda_built, f5_cuda_device_count). */
f5_status f5_device_resolve(f5_device requested, f5_device *out, char *msg, size_t msg_n, f5_error *err);

/* "auto", "cpu", "cuda" (also "cuda:0") -> device; false if unknown. */
bool f5_device_parse(const char *s, f5_device *out);
const char *f5_device_name(f5_device d); /* "auto", "cpu", "cuda" */

#endif
