/* otlp_json.h - spans in the OTLP/HTTP JSON encoding (the body of a POST to
 * {endpoint}/v1/traces): one resourceSpans entry with the service's
 * resource attributes, one scopeSpans entry, the spans with lowercase hex
 * ids, unix nanosecond times as decimal strings, int attributes as strings
 * (the proto3 JSON mapping of int64), kind and status codes as numbers.
 */
#ifndef F5_OBS_OTLP_JSON_H
#define F5_OBS_OTLP_JSON_H

#include "service/obs/span.h"

#include <stddef.h>

typedef struct f5_obs_resource {
    const char *service_name;     /* "f5tts" */
    const char *service_version;  /* may be NULL */
    const char *instance_id;      /* host name / node id, may be NULL */
} f5_obs_resource;

/* The request body for n spans (compact JSON). Caller frees; NULL when out
 * of memory. */
char *f5_obs_otlp_encode(const f5_obs_resource *res, const f5_obs_span *spans, size_t n);

#endif
