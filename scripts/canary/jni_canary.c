/*
 * The JNI-warning gate's canary (scripts/ci-jni-canary.sh): misuse() makes a JNI call with an
 * exception possibly pending and unchecked, which -Xcheck:jni reports on JDK 17 and 25; proper()
 * does the same work correctly, so a gate that fails on both proves nothing either.
 */
#include <jni.h>

static void call_noop(JNIEnv *env, jclass cls) {
    jmethodID noop = (*env)->GetStaticMethodID(env, cls, "noop", "()V");
    if (noop != NULL) {
        (*env)->CallStaticVoidMethod(env, cls, noop);
    }
}

JNIEXPORT void JNICALL Java_JniCanary_misuse(JNIEnv *env, jclass cls) {
    call_noop(env, cls);
    (*env)->GetObjectClass(env, cls); /* no ExceptionCheck after a Java call: the checker warns */
}

JNIEXPORT void JNICALL Java_JniCanary_proper(JNIEnv *env, jclass cls) {
    call_noop(env, cls);
    if (!(*env)->ExceptionCheck(env)) {
        (*env)->GetObjectClass(env, cls);
    }
}
