/*
 * The calling thread's last error (errors.h), and the log callback. Per-thread state lives in
 * thread_state.c; this is the part every module uses to report a failure.
 */
#ifndef JB_API_LAST_ERROR_H
#define JB_API_LAST_ERROR_H

#include <stddef.h>

#include "javabridge/errors.h"

#if defined(__GNUC__)
#if defined(__MINGW32__)
/* The C99 printf family (__USE_MINGW_ANSI_STDIO) formats these, not msvcrt's: %zu is valid. */
#define JBI_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define JBI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif
#else
#define JBI_PRINTF(f, a)
#endif

/* Records a failure on this thread (no Java details) and returns code, so that callers can
 * write `return jbi_fail(JB_EINVAL, "...")`. */
int jbi_fail(int code, const char *fmt, ...) JBI_PRINTF(2, 3);

/* Records a Java exception: takes ownership of the three malloc'ed strings (each may be NULL);
 * java_message holds java_message_len bytes (NULs included) before its terminator. */
int jbi_fail_java(int code, char *java_class, char *java_message, size_t java_message_len, char *stack_trace,
                  const char *fmt, ...) JBI_PRINTF(6, 7);

/* Changes the code of this thread's last error (when the exception's class says better). */
void jbi_error_recode(int code);

/* Delivers a message to the log callback, if one is set and the level passes. */
void jbi_log(jb_log_level level, const char *fmt, ...) JBI_PRINTF(2, 3);

#endif
