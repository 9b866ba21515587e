/* Config validation: refuse what cannot be made sensible, normalise the rest. */
#include "config.h"

#include <stddef.h>

int config_normalize(Config *config) {
    if (config == NULL) {
        return CONFIG_ERR_NULL;
    }
    if (config->max_retries > CONFIG_MAX_RETRIES) {
        return CONFIG_ERR_TOO_MANY_RETRIES;
    }
    if (config->timeout_ms == 0) {
        config->timeout_ms = CONFIG_DEFAULT_TIMEOUT_MS;
    } else if (config->timeout_ms > CONFIG_MAX_TIMEOUT_MS) {
        config->timeout_ms = CONFIG_MAX_TIMEOUT_MS;
    }
    if (!config->enabled) {
        config->max_retries = 0;
    }
    return CONFIG_OK;
}
