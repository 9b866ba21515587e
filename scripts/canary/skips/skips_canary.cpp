// The skip gate's canary: scripts/check-skips.sh must fail on the first two unless they are listed.
#include <gtest/gtest.h>

TEST(SkipsCanary, SkipsAtRunTime) { GTEST_SKIP() << "canary: skipped on purpose"; }

TEST(SkipsCanary, DISABLED_NeverRuns) { FAIL(); }

TEST(SkipsCanary, Runs) { EXPECT_EQ(1 + 1, 2); }
