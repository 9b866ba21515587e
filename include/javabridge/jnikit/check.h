/**
 * @file jnikit/check.h
 * @brief Argument checks that throw: null, array ranges, 64-bit bounds.
 *
 * Each returns 0 when the argument is good, else throws (NullPointerException or
 * IndexOutOfBoundsException, the message naming @p what) and returns -1. All arithmetic is
 * 64-bit, so offset + length never wraps.
 */
#ifndef JAVABRIDGE_JNIKIT_CHECK_H
#define JAVABRIDGE_JNIKIT_CHECK_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Throws NullPointerException("<what> is null") when @p object is NULL. */
JBK_LOCAL int jbk_check_not_null(JNIEnv *env, jobject object, const char *what);

/** Checks that @p array is not null and [offset, offset + length) lies inside it. */
JBK_LOCAL int jbk_check_range(JNIEnv *env, jarray array, jint offset, jint length, const char *what);

/** Checks 0 <= offset, 0 <= length and offset + length <= size (for native memory and buffers). */
JBK_LOCAL int jbk_check_bounds(JNIEnv *env, int64_t offset, int64_t length, int64_t size, const char *what);

#ifdef __cplusplus
}
#endif

#endif
