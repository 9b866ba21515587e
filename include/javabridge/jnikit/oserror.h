/**
 * @file jnikit/oserror.h
 * @brief The C library's error state (errno, and GetLastError on Windows) around one C call.
 *
 * A C function that reports failure through errno leaves its reason there only until the next
 * library call, and JNI calls (releasing a pinned array, throwing) may overwrite it. A native
 * clears the state right before the call and takes it right after, before anything else runs,
 * then describes it with jbk_os_error_text when it reports the failure.
 */
#ifndef JAVABRIDGE_JNIKIT_OSERROR_H
#define JAVABRIDGE_JNIKIT_OSERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What one C call left: errno, and on Windows GetLastError() (0 elsewhere). */
typedef struct jbk_os_error {
    int err;            /**< errno */
    unsigned long last; /**< GetLastError() on Windows; always 0 elsewhere */
} jbk_os_error;

/** Sets errno (and Windows' last error) to 0, so that what the next call leaves is its own. */
JBK_LOCAL void jbk_os_error_clear(void);

/** errno (and Windows' last error) as they are now: call it right after the C call. */
JBK_LOCAL jbk_os_error jbk_os_error_take(void);

/** True when @p e holds an error (errno or the last error not 0). */
JBK_LOCAL int jbk_os_error_set(jbk_os_error e);

/**
 * Writes "errno N (the C library's text)" into @p buf, followed on Windows by
 * "; GetLastError N (the system's text)" when the last error is set; "no errno" when nothing
 * is. Thread-safe (strerror_r, strerror_s, FormatMessage); always NUL-terminated when
 * @p size > 0, cut to fit, and valid UTF-8 (a byte of another encoding, from the C locale the
 * JVM set, becomes '?'). Returns @p buf.
 */
JBK_LOCAL char *jbk_os_error_text(jbk_os_error e, char *buf, size_t size);

/** A buffer size that holds any text jbk_os_error_text writes without cutting it short. */
#define JBK_OS_ERROR_TEXT_MAX 512

#ifdef __cplusplus
}
#endif

#endif
