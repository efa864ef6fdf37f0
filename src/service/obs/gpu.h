/* gpu.h - per-device GPU gauges behind a provider callback. The metrics
 * registry renders f5tts_gpu_memory_used_bytes, f5tts_gpu_memory_total_bytes
 * and f5tts_gpu_utilization_ratio (label device="<index>") only while a
 * provider is installed: a CUDA build installs one that reads NVML; a CPU
 * build installs none and the families are absent from /metrics.
 */
#ifndef F5_OBS_GPU_H
#define F5_OBS_GPU_H

enum { F5_OBS_MAX_GPUS = 16 };

typedef struct f5_obs_gpu_stat {
    int index;              /* device ordinal (the label value) */
    double mem_used_bytes;  /* < 0: unknown (left out) */
    double mem_total_bytes; /* < 0: unknown */
    double utilization;     /* 0..1 over the last sample period; < 0: unknown */
} f5_obs_gpu_stat;

/* Fill up to max entries; return how many (0 or less: none this time).
 * Called at scrape time from an HTTP thread: must be thread-safe and quick. */
typedef int (*f5_obs_gpu_fn)(void *user, f5_obs_gpu_stat *out, int max);

#endif
