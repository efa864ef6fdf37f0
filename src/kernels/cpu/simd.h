/* simd.h - F5_SIMD_CLONES marks a hot elementwise loop for function
 * multiversioning (a Haswell AVX2+FMA clone next to the baseline one,
 * picked at load time). Opt-in with -DF5_ENABLE_CLONES: measured with GCC 12
 * the Haswell clone did NOT vectorise the inlined fast exp ("no vectype"),
 * and ran slower than the baseline SSE2 vector loop, so it is off by
 * default. Never used with clang or sanitizers. */
#ifndef F5_KERNELS_SIMD_H
#define F5_KERNELS_SIMD_H

#if defined(F5_ENABLE_CLONES) && defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__)
#define F5_SIMD_CLONES __attribute__((target_clones("arch=haswell", "default")))
#else
#define F5_SIMD_CLONES
#endif

#endif
