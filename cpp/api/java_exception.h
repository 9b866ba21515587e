/*
 * The one place a pending Java exception becomes a C error: every JNI call that can throw is
 * followed by jbi_java_check.
 */
#ifndef JB_API_JAVA_EXCEPTION_H
#define JB_API_JAVA_EXCEPTION_H

#include <jni.h>

/*
 * If an exception is pending: clears it, records its class name, message and stack trace as
 * this thread's last error with code, and returns code. Returns 0 (JB_OK) if none is pending.
 * what names the operation for the message ("calling java/lang/Math.max(II)I").
 */
int jbi_java_check(JNIEnv *env, int code, const char *what);

/* A Java string as NUL-terminated UTF-8 in a new malloc'ed buffer (length in *len if not NULL).
 * Unpaired surrogates become U+FFFD when replace is set, else JB_EENCODING. Returns 0 or a
 * negative jb_ code (the last error is set only by callers). Makes no JNI call that can throw
 * except for the allocation failures it reports as JB_ENOMEM. */
int jbi_string_to_utf8(JNIEnv *env, jstring s, int replace, char **out, size_t *len);

#endif
