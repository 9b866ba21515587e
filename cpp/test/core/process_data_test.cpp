// process_data: sums as unsigned bytes, limits, and block boundaries of the vectorised loop.
#include <gtest/gtest.h>

#include <vector>

#include "process_data.h"

TEST(ProcessData, SumsUnsignedBytes) {
    const uint8_t data[] = {1, 2, 3, 255};
    uint64_t sum = 0;
    EXPECT_EQ(process_data(data, 4, &sum), PROCESS_DATA_OK);
    EXPECT_EQ(sum, 261u);
}

TEST(ProcessData, EmptyInputSumsToZero) {
    uint64_t sum = 99;
    EXPECT_EQ(process_data(nullptr, 0, &sum), PROCESS_DATA_OK);
    EXPECT_EQ(sum, 0u);
}

TEST(ProcessData, RefusesNullAndOversizedInput) {
    const uint8_t one = 1;
    uint64_t sum = 0;
    EXPECT_EQ(process_data(nullptr, 1, &sum), PROCESS_DATA_ERR_NULL);
    EXPECT_EQ(process_data(&one, 1, nullptr), PROCESS_DATA_ERR_NULL);
    EXPECT_EQ(process_data(&one, PROCESS_DATA_MAX_LEN + 1, &sum), PROCESS_DATA_ERR_TOO_LONG);
}

TEST(ProcessData, LargeInputCrossingBlocksIsExact) {
    // 3 MiB + 7 of 0xFF: crosses the 1 MiB blocks and a 32-bit lane would overflow without them.
    std::vector<uint8_t> data((3u << 20) + 7, 0xFF);
    uint64_t sum = 0;
    ASSERT_EQ(process_data(data.data(), data.size(), &sum), PROCESS_DATA_OK);
    EXPECT_EQ(sum, 255ull * data.size());
}
