/* The guide's math_ops library: plain C, status codes, no aborts. */
#include "math_ops.h"

#include <math.h>
#include <stddef.h>

double point_distance(const Point *a, const Point *b) {
    if (a == NULL || b == NULL) {
        return NAN;
    }
    return hypot(a->x - b->x, a->y - b->y);
}

int safe_add(int32_t a, int32_t b, int32_t *result) {
    if (result == NULL) {
        return MATH_OPS_ERR_NULL_RESULT;
    }
    int64_t sum = (int64_t)a + (int64_t)b;
    if (sum > INT32_MAX || sum < INT32_MIN) {
        return -1;
    }
    *result = (int32_t)sum;
    return MATH_OPS_OK;
}

int64_t multiply(int32_t a, int32_t b) {
    return (int64_t)a * (int64_t)b;
}

int divide(int32_t a, int32_t b, int32_t *result) {
    if (result == NULL) {
        return MATH_OPS_ERR_NULL_RESULT;
    }
    if (b == 0) {
        return MATH_OPS_ERR_DIV_BY_ZERO;
    }
    /* INT32_MIN / -1 traps on x86: refuse it rather than crash. */
    if (a == INT32_MIN && b == -1) {
        return MATH_OPS_ERR_OVERFLOW;
    }
    *result = a / b;
    return MATH_OPS_OK;
}

int safe_operation(int32_t input, int32_t *result) {
    if (result == NULL) {
        return MATH_OPS_ERR_NULL_RESULT;
    }
    if (input < 0) {
        return MATH_OPS_ERR_NEGATIVE;
    }
    int64_t r = (int64_t)input * 2 + 1;
    if (r > INT32_MAX) {
        return MATH_OPS_ERR_OVERFLOW;
    }
    *result = (int32_t)r;
    return MATH_OPS_OK;
}

int point_distances(const Point *a, const Point *b, double *dist, size_t n) {
    if (n == 0) {
        return MATH_OPS_OK;
    }
    if (a == NULL || b == NULL || dist == NULL) {
        return MATH_OPS_ERR_NULL_RESULT;
    }
    for (size_t i = 0; i < n; i++) {
        dist[i] = hypot(a[i].x - b[i].x, a[i].y - b[i].y);
    }
    return MATH_OPS_OK;
}
