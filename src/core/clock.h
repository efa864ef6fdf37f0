/* clock.h - the two clocks every timing in the project reads: monotonic
 * wall time and process CPU time (user + system), in seconds. */
#ifndef F5_CORE_CLOCK_H
#define F5_CORE_CLOCK_H

#include <sys/resource.h>
#include <time.h>

static inline double f5_now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline double f5_cpu_s(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

#endif
