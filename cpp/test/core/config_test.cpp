// Config validation and normalisation.
#include <gtest/gtest.h>

#include "config.h"

TEST(Config, ZeroTimeoutBecomesDefault) {
    Config c{0, 3, true};
    EXPECT_EQ(config_normalize(&c), CONFIG_OK);
    EXPECT_EQ(c.timeout_ms, CONFIG_DEFAULT_TIMEOUT_MS);
    EXPECT_EQ(c.max_retries, 3);
    EXPECT_TRUE(c.enabled);
}

TEST(Config, LongTimeoutIsClamped) {
    Config c{UINT32_MAX, 1, true};
    EXPECT_EQ(config_normalize(&c), CONFIG_OK);
    EXPECT_EQ(c.timeout_ms, CONFIG_MAX_TIMEOUT_MS);
}

TEST(Config, DisabledHasNoRetries) {
    Config c{500, 5, false};
    EXPECT_EQ(config_normalize(&c), CONFIG_OK);
    EXPECT_EQ(c.timeout_ms, 500u);
    EXPECT_EQ(c.max_retries, 0);
}

TEST(Config, TooManyRetriesIsRefusedAndUntouched) {
    Config c{0, 11, true};
    EXPECT_EQ(config_normalize(&c), CONFIG_ERR_TOO_MANY_RETRIES);
    EXPECT_EQ(c.timeout_ms, 0u);
    EXPECT_EQ(c.max_retries, 11);
    EXPECT_EQ(config_normalize(nullptr), CONFIG_ERR_NULL);
}
