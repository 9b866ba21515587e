/*
 * Host natives (natives.c) for other parts of the library: proxies (proxy.c) bind the native
 * methods of classes they define through the same slots, and need the receiver of each call.
 */
#ifndef JB_API_NATIVES_INTERNAL_H
#define JB_API_NATIVES_INTERNAL_H

#include <jni.h>

#include "javabridge/natives.h"

/* jb_register_natives() on a thread already inside the library (env from jbi_enter), for a
 * class given as a JNI reference; every call of these methods records its receiver
 * (jbi_native_call_self). Same results and last error. */
int jbi_register_natives_with_self(JNIEnv *env, jclass cls, const jb_native_method *methods, size_t count);

/* Inside a call: its JNIEnv, and its receiver (a local reference of the call; NULL unless the
 * method was bound by jbi_register_natives_with_self). */
JNIEnv *jbi_native_call_env(const jb_native_call *call);
jobject jbi_native_call_self(const jb_native_call *call);

#endif
