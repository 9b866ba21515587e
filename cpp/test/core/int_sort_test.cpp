// The stoppable merge sort behind Callbacks.sort.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "int_sort.h"

namespace {
int ascending(int32_t a, int32_t b, int *, void *calls) {
    ++*static_cast<int *>(calls);
    return a < b ? -1 : a > b;
}

int stop_after_five(int32_t a, int32_t b, int *stop, void *calls) {
    if (++*static_cast<int *>(calls) == 5) {
        *stop = 1;
    }
    return a < b ? -1 : a > b;
}
}  // namespace

TEST(IntSort, SortsLikeStdSort) {
    std::mt19937 rng(42);
    for (size_t n : {0u, 1u, 2u, 3u, 17u, 1000u}) {
        std::vector<int32_t> v(n);
        for (auto &x : v) x = static_cast<int32_t>(rng() % 100) - 50;
        std::vector<int32_t> expected = v;
        std::stable_sort(expected.begin(), expected.end());
        int calls = 0;
        ASSERT_EQ(int_sort(v.data(), v.size(), ascending, &calls), INT_SORT_OK);
        EXPECT_EQ(v, expected) << "n=" << n;
    }
}

TEST(IntSort, StopLeavesValuesUntouched) {
    std::vector<int32_t> v = {9, 3, 7, 1, 8, 2, 6, 4, 5, 0};
    const std::vector<int32_t> original = v;
    int calls = 0;
    EXPECT_EQ(int_sort(v.data(), v.size(), stop_after_five, &calls), INT_SORT_STOPPED);
    EXPECT_EQ(calls, 5);
    EXPECT_EQ(v, original);
}

TEST(IntSort, RefusesNull) {
    int32_t x = 1;
    EXPECT_EQ(int_sort(nullptr, 2, ascending, nullptr), INT_SORT_ERR_NULL);
    EXPECT_EQ(int_sort(&x, 1, nullptr, nullptr), INT_SORT_ERR_NULL);
}
