/*
 * math_ops: the guide's small C library, kept free of JNI so that it can be
 * tested on its own and bound from Java by hand or by a generator.
 */
#ifndef MATH_OPS_H
#define MATH_OPS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A point in the plane; laid out as C lays out two doubles. */
typedef struct Point {
    double x;
    double y;
} Point;

/** Status codes of the functions below. */
#define MATH_OPS_OK 0
#define MATH_OPS_ERR_DIV_BY_ZERO (-1)   /**< divide(): the divisor was 0 */
#define MATH_OPS_ERR_NULL_RESULT (-2)   /**< the result pointer was NULL */
#define MATH_OPS_ERR_OVERFLOW (-3)      /**< the exact result does not fit */
#define MATH_OPS_ERR_NEGATIVE (-4)      /**< safe_operation(): negative input */

/** Euclidean distance between a and b; NULL points give NaN. */
double point_distance(const Point *a, const Point *b);

/** *result = a + b. Returns 0, -1 on overflow (result untouched), MATH_OPS_ERR_NULL_RESULT. */
int safe_add(int32_t a, int32_t b, int32_t *result);

/** The exact product of two 32-bit integers (it always fits 64 bits). */
int64_t multiply(int32_t a, int32_t b);

/**
 * *result = a / b, truncated toward zero.
 * Returns 0, MATH_OPS_ERR_DIV_BY_ZERO, MATH_OPS_ERR_NULL_RESULT, or
 * MATH_OPS_ERR_OVERFLOW for INT32_MIN / -1.
 */
int divide(int32_t a, int32_t b, int32_t *result);

/**
 * An operation that can fail: *result = input * 2 + 1 for input >= 0.
 * Returns 0, MATH_OPS_ERR_NEGATIVE, MATH_OPS_ERR_OVERFLOW or MATH_OPS_ERR_NULL_RESULT;
 * it never aborts the process.
 */
int safe_operation(int32_t input, int32_t *result);

/** Writes n distances dist[i] = |a[i] - b[i]| in one call. Returns 0 or MATH_OPS_ERR_NULL_RESULT. */
int point_distances(const Point *a, const Point *b, double *dist, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* MATH_OPS_H */
