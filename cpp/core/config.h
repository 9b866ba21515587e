/* The guide's repr(C) Config and its validation. */
#ifndef JB_CORE_CONFIG_H
#define JB_CORE_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct Config {
    uint32_t timeout_ms;
    uint8_t max_retries;
    bool enabled;
} Config;

#define CONFIG_DEFAULT_TIMEOUT_MS 1000u   /**< what a timeout of 0 becomes */
#define CONFIG_MAX_TIMEOUT_MS 600000u     /**< longer timeouts are clamped to this (10 min) */
#define CONFIG_MAX_RETRIES 10u            /**< more retries are refused */

#define CONFIG_OK 0
#define CONFIG_ERR_NULL (-1)
#define CONFIG_ERR_TOO_MANY_RETRIES (-2)

/**
 * Validates and normalises *config in place: a timeout of 0 becomes
 * CONFIG_DEFAULT_TIMEOUT_MS, a longer one than CONFIG_MAX_TIMEOUT_MS is clamped,
 * a disabled config gets 0 retries. Returns CONFIG_OK, CONFIG_ERR_NULL, or
 * CONFIG_ERR_TOO_MANY_RETRIES (config left unchanged).
 */
int config_normalize(Config *config);

#ifdef __cplusplus
}
#endif

#endif
