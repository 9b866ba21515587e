/**
 * @file jnikit/throw.h
 * @brief Throwing Java exceptions from C, by kind.
 *
 * The kinds' classes are cached by `jbk_on_load` (jnikit/module.h). A throw never replaces an
 * exception already pending (the first failure is the one the caller sees), and when `ThrowNew`
 * itself fails without leaving an exception, the kit throws the `OutOfMemoryError` it allocated
 * at load time, so a native never returns to Java silently after deciding to fail.
 */
#ifndef JAVABRIDGE_JNIKIT_THROW_H
#define JAVABRIDGE_JNIKIT_THROW_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The exception kinds natives throw. Append new kinds before JBK_EXCEPTION_COUNT; never reorder. */
typedef enum jbk_exception {
    JBK_ILLEGAL_ARGUMENT,    /**< java.lang.IllegalArgumentException */
    JBK_NULL_POINTER,        /**< java.lang.NullPointerException */
    JBK_ARITHMETIC,          /**< java.lang.ArithmeticException */
    JBK_ILLEGAL_STATE,       /**< java.lang.IllegalStateException */
    JBK_INDEX_OUT_OF_BOUNDS, /**< java.lang.IndexOutOfBoundsException */
    JBK_OUT_OF_MEMORY,       /**< java.lang.OutOfMemoryError */
    JBK_EXCEPTION_COUNT
} jbk_exception;

/** The JNI name of a kind's class ("java/lang/NullPointerException"), or NULL for a bad kind. */
JBK_LOCAL const char *jbk_exception_class_name(jbk_exception kind);

/**
 * Throws a new exception of @p kind with a printf-formatted message (cut at 512 bytes; any byte
 * that is not part of a well-formed UTF-8 character below U+10000 becomes '?', so the message
 * is always valid for JNI). Does nothing if an exception is already pending. An unknown kind
 * throws IllegalStateException. Returns -1 so that `return jbk_throw(...)` reads naturally;
 * an exception is pending afterwards unless the JVM is out of every resource.
 */
JBK_LOCAL int jbk_throw(JNIEnv *env, jbk_exception kind, const char *fmt, ...) JBK_PRINTF(3, 4);

/**
 * Throws a new exception of the class @p class_name (JNI form, "java/io/IOException"; a class
 * of the library's own package is relocated like jbk_find_class). Looked up at each call, so
 * meant for rare errors; the kinds above are cached. Falls back to IllegalStateException when
 * the class cannot be found or thrown. Returns -1.
 */
JBK_LOCAL int jbk_throw_class(JNIEnv *env, const char *class_name, const char *fmt, ...) JBK_PRINTF(3, 4);

#ifdef __cplusplus
}
#endif

#endif
