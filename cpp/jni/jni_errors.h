/*
 * The one way javabridge's natives throw Java exceptions: through classes
 * cached in JNI_OnLoad, never over an exception already pending.
 */
#ifndef JB_JNI_ERRORS_H
#define JB_JNI_ERRORS_H

#include <jni.h>

typedef enum jbi_exception {
    JBI_ILLEGAL_ARGUMENT,
    JBI_NULL_POINTER,
    JBI_ARITHMETIC,
    JBI_ILLEGAL_STATE,
    JBI_INDEX_OUT_OF_BOUNDS,
    JBI_OUT_OF_MEMORY,
    JBI_EXCEPTION_COUNT
} jbi_exception;

/**
 * Throws a new exception of the given kind with a printf-formatted message
 * (ASCII; longer messages are cut at 512 bytes). Does nothing if an exception
 * is already pending, so the first failure is the one the caller sees.
 * The caller must return to Java at once, making no further JNI calls.
 */
void jbi_throw(JNIEnv *env, jbi_exception kind, const char *fmt, ...)
#if defined(__MINGW32__)
    /* mingw's "printf" means msvcrt's dialect; the build selects the C99 one (%zu, %lld). */
    __attribute__((format(gnu_printf, 3, 4)))
#elif defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
