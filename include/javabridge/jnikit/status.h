/**
 * @file jnikit/status.h
 * @brief Hot paths return codes, not exceptions: an int result or a status in one jlong.
 *
 * A result lies in int range; a status s (a negative code) travels as s * 2^32, never in int
 * range. Java's `dev.javabridge.Status.intResult(long, String)` returns the result or builds
 * the exception, which carries the code. Status 0 is not a status: use codes below zero.
 */
#ifndef JAVABRIDGE_JNIKIT_STATUS_H
#define JAVABRIDGE_JNIKIT_STATUS_H

#include "common.h"

/** The jlong that carries status @p code (negative). */
#define JBK_STATUS(code) ((jlong)(code) * ((jlong)1 << 32))

/** @p value when @p rc is 0, else the status @p rc. */
static inline jlong jbk_int_or_status(int rc, int32_t value) {
    return rc == 0 ? (jlong)value : JBK_STATUS(rc);
}

/** True when @p encoded carries a status rather than an int result. */
static inline int jbk_is_status(jlong encoded) {
    return encoded != (jlong)(int32_t)encoded;
}

/** The status code @p encoded carries (valid when jbk_is_status). */
static inline int jbk_status_code(jlong encoded) {
    return (int)(encoded >> 32);
}

#endif
