/* fuzz_yaml.c - arbitrary bytes as a DiT YAML config and as a Vocos config. */
#include "model/model_config.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    f5_dit_config c;
    f5_vocos_config v;
    f5_error err = {0};
    if (f5_dit_config_from_yaml_mem((const char *)data, size, "fuzz.yaml", 2545, &c, &err) == F5_OK) {
        volatile int64_t p = f5_dit_config_params(&c);
        (void)p;
    }
    (void)f5_vocos_config_from_yaml_mem((const char *)data, size, "fuzz.yaml", &v, &err);
    return 0;
}
