// math_ops on its own, no JVM: the guide's functions and their status codes.
#include <gtest/gtest.h>

#include <climits>
#include <cmath>

#include "math_ops.h"

TEST(MathOps, PointDistanceIsEuclidean) {
    Point a{0, 0};
    Point b{3, 4};
    EXPECT_DOUBLE_EQ(point_distance(&a, &b), 5.0);
    EXPECT_DOUBLE_EQ(point_distance(&b, &a), 5.0);
    EXPECT_TRUE(std::isnan(point_distance(nullptr, &b)));
}

TEST(MathOps, SafeAddReportsOverflow) {
    int32_t r = 7;
    EXPECT_EQ(safe_add(2, 3, &r), 0);
    EXPECT_EQ(r, 5);
    r = 7;
    EXPECT_EQ(safe_add(INT32_MAX, 1, &r), -1);
    EXPECT_EQ(r, 7) << "the result must be untouched on overflow";
    EXPECT_EQ(safe_add(INT32_MIN, -1, &r), -1);
    EXPECT_EQ(safe_add(1, 1, nullptr), MATH_OPS_ERR_NULL_RESULT);
}

TEST(MathOps, MultiplyIsExact) {
    EXPECT_EQ(multiply(6, 7), 42);
    EXPECT_EQ(multiply(INT32_MAX, INT32_MAX), (int64_t)INT32_MAX * INT32_MAX);
    EXPECT_EQ(multiply(INT32_MIN, -1), 2147483648LL);
}

TEST(MathOps, DivideStatusCodes) {
    int32_t r = 0;
    EXPECT_EQ(divide(7, 2, &r), 0);
    EXPECT_EQ(r, 3);
    EXPECT_EQ(divide(-7, 2, &r), 0);
    EXPECT_EQ(r, -3);
    EXPECT_EQ(divide(1, 0, &r), MATH_OPS_ERR_DIV_BY_ZERO);
    EXPECT_EQ(divide(1, 1, nullptr), MATH_OPS_ERR_NULL_RESULT);
    EXPECT_EQ(divide(INT32_MIN, -1, &r), MATH_OPS_ERR_OVERFLOW);
}

TEST(MathOps, SafeOperationFailsWithoutAborting) {
    int32_t r = 0;
    EXPECT_EQ(safe_operation(20, &r), 0);
    EXPECT_EQ(r, 41);
    EXPECT_EQ(safe_operation(-1, &r), MATH_OPS_ERR_NEGATIVE);
    EXPECT_EQ(safe_operation(INT32_MAX, &r), MATH_OPS_ERR_OVERFLOW);
    EXPECT_EQ(safe_operation(1, nullptr), MATH_OPS_ERR_NULL_RESULT);
}

TEST(MathOps, PointDistancesBatch) {
    Point a[3] = {{0, 0}, {1, 1}, {-2, 0}};
    Point b[3] = {{3, 4}, {1, 1}, {2, 3}};
    double d[3] = {-1, -1, -1};
    EXPECT_EQ(point_distances(a, b, d, 3), 0);
    EXPECT_DOUBLE_EQ(d[0], 5.0);
    EXPECT_DOUBLE_EQ(d[1], 0.0);
    EXPECT_DOUBLE_EQ(d[2], 5.0);
    EXPECT_EQ(point_distances(nullptr, b, d, 3), MATH_OPS_ERR_NULL_RESULT);
    EXPECT_EQ(point_distances(nullptr, nullptr, nullptr, 0), 0);
}
