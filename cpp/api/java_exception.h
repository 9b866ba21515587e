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

/*
 * The exception a C callback (a host native, a proxy handler) asks Java to get once it returns
 * a failure: what its *_call_throw function records, copied, since the callback's strings may
 * not outlive it. Zero-initialised means none.
 */
typedef struct jbi_host_throw {
    char *exc_class;   /* binary name as given, or NULL for the default class */
    char *exc_message; /* or NULL for none */
    int set;
} jbi_host_throw;

/* Records (replacing an earlier request) exception_class and message, each NULL or copied.
 * JB_OK; JB_ENOMEM with the last error naming what (the public function's name), leaving t as it was. */
int jbi_host_throw_set(jbi_host_throw *t, const char *what, const char *exception_class, const char *message);

/* Frees what t holds. */
void jbi_host_throw_free(jbi_host_throw *t);

#endif
