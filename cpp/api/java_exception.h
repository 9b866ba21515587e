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

#endif
