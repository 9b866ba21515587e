/*
 * config_normalize over every Config a caller can build, including a bool whose
 * byte is neither 0 nor 1 (memcpy'd from fuzz input the way a C caller might).
 *
 * fuzz-sources: cpp/core/config.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 6) {
        return 0;
    }
    Config c;
    memset(&c, 0, sizeof c); /* padding too: the unchanged-on-error check compares whole structs */
    memcpy(&c.timeout_ms, data, 4);
    c.max_retries = data[4];
    c.enabled = (data[5] & 1) != 0;
    Config before = c;
    int rc = config_normalize(&c);
    if (before.max_retries > CONFIG_MAX_RETRIES) {
        if (rc != CONFIG_ERR_TOO_MANY_RETRIES || memcmp(&c, &before, sizeof c) != 0) {
            abort();
        }
        return 0;
    }
    if (rc != CONFIG_OK || c.timeout_ms == 0 || c.timeout_ms > CONFIG_MAX_TIMEOUT_MS ||
        (!c.enabled && c.max_retries != 0) || c.enabled != before.enabled) {
        abort();
    }
    if (config_normalize(NULL) != CONFIG_ERR_NULL) {
        abort();
    }
    return 0;
}
