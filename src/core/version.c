/* version.c - library version string (git revision injected by the build). */
#include "f5tts.h"

#ifndef F5_GIT_REV
#define F5_GIT_REV "unknown"
#endif

const char *f5_version(void) { return "0.1.0 (" F5_GIT_REV ")"; }
