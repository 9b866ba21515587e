/*
 * Plain C entry points of libjbbench for the mechanisms that cannot call
 * math_ops/process_data as they are (JNA and FFM pass no JNIEnv, and an
 * out-pointer would cost them an allocation per call): each is a thin face
 * over the same function libjavabridge's natives call.
 */
#ifndef JBB_EXPORTS_H
#define JBB_EXPORTS_H

#include <stddef.h>
#include <stdint.h>

#include "math_ops.h"

#define JBB_EXPORT __attribute__((visibility("default")))

/** safe_add as int f(int, int): the sum, or INT32_MIN when it overflows. */
JBB_EXPORT int32_t jbb_safe_add(int32_t a, int32_t b);

/** process_data as one return value: the sum, or the negative status. */
JBB_EXPORT int64_t jbb_sum(const uint8_t *data, size_t len);

/** The string kernel of every round trip: copies len bytes to out and NUL-terminates; returns len. */
JBB_EXPORT size_t jbb_echo(const char *in, size_t len, char *out);

/** jbb_echo for NUL-terminated callers (JNA's and FFM's String): the copy lives in a
 *  per-thread buffer until the thread's next call; NULL if the input is too long. */
JBB_EXPORT const char *jbb_echo_cstr(const char *in);

/** point_distance and point_distances, exported for FFM and JNA. */
JBB_EXPORT double jbb_point_distance(const Point *a, const Point *b);
JBB_EXPORT int jbb_point_distances(const Point *a, const Point *b, double *dist, size_t n);

#endif
