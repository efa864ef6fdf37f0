/* web_assets.h - the web UI files (everything in web/), embedded into the binary at
 * build time as byte arrays by cmake/web.cmake (generated web_assets.c). */
#ifndef F5_HTTP_WEB_ASSETS_H
#define F5_HTTP_WEB_ASSETS_H

#include <stddef.h>

typedef struct f5_web_asset {
    const char *path; /* "/index.html" */
    const char *mime;
    const unsigned char *data;
    size_t len;
} f5_web_asset;

extern const f5_web_asset f5_web_assets[];
extern const size_t f5_web_assets_count;

#endif
