/*
 * Throwing Java exceptions from C. The classes are cached at load; the fallback for a ThrowNew
 * that fails without leaving an exception (it can, when the JVM cannot even build the
 * exception) is a preallocated OutOfMemoryError, which Throw raises without allocating.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kit_state.h"

static const char *const exception_names[JBK_EXCEPTION_COUNT] = {
    [JBK_ILLEGAL_ARGUMENT] = "java/lang/IllegalArgumentException",
    [JBK_NULL_POINTER] = "java/lang/NullPointerException",
    [JBK_ARITHMETIC] = "java/lang/ArithmeticException",
    [JBK_ILLEGAL_STATE] = "java/lang/IllegalStateException",
    [JBK_INDEX_OUT_OF_BOUNDS] = "java/lang/IndexOutOfBoundsException",
    [JBK_OUT_OF_MEMORY] = "java/lang/OutOfMemoryError",
};

const char *jbk_exception_class_name(jbk_exception kind) {
    return (unsigned)kind < JBK_EXCEPTION_COUNT ? exception_names[kind] : NULL;
}

int jbk_exceptions_load(JNIEnv *env) {
    for (int i = 0; i < JBK_EXCEPTION_COUNT; i++) {
        if ((jbk_kit.exceptions[i] = jbk_global_class(env, exception_names[i])) == NULL) {
            jbk_exceptions_unload(env);
            return -1;
        }
    }
    jmethodID ctor = (*env)->GetMethodID(env, jbk_kit.exceptions[JBK_OUT_OF_MEMORY], "<init>", "(Ljava/lang/String;)V");
    jstring text = ctor != NULL ? (*env)->NewStringUTF(env, "javabridge jnikit: could not throw an exception") : NULL;
    jobject error = text != NULL ? (*env)->NewObject(env, jbk_kit.exceptions[JBK_OUT_OF_MEMORY], ctor, text) : NULL;
    if (error != NULL) {
        jbk_kit.out_of_memory = (*env)->NewGlobalRef(env, error);
        (*env)->DeleteLocalRef(env, error);
    }
    if (text != NULL) {
        (*env)->DeleteLocalRef(env, text);
    }
    if (jbk_kit.out_of_memory == NULL) {
        jbk_exceptions_unload(env);
        return -1;
    }
    return 0;
}

void jbk_exceptions_unload(JNIEnv *env) {
    for (int i = 0; i < JBK_EXCEPTION_COUNT; i++) {
        if (jbk_kit.exceptions[i] != NULL) {
            (*env)->DeleteGlobalRef(env, jbk_kit.exceptions[i]);
            jbk_kit.exceptions[i] = NULL;
        }
    }
    if (jbk_kit.out_of_memory != NULL) {
        (*env)->DeleteGlobalRef(env, jbk_kit.out_of_memory);
        jbk_kit.out_of_memory = NULL;
    }
}

/* ThrowNew takes modified UTF-8: a byte outside a well-formed BMP character (or a NUL, which
 * vsnprintf cannot produce anyway) would be a JNI error, so it becomes '?'. */
static void make_jni_safe(char *s) {
    unsigned char *p = (unsigned char *)s;
    while (*p != 0) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t n = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 0;
        size_t offset;
        size_t have = strnlen((const char *)p, n == 0 ? 1 : n);
        if (n != 0 && have == n && jbk_utf8_valid((const char *)p, n, &offset)) {
            p += n;
        } else {
            *p++ = '?';
        }
    }
}

/* Leaves an exception pending whatever happens: the class's, else the preallocated error. */
static void throw_new(JNIEnv *env, jclass cls, const char *message) {
    if (cls != NULL && (*env)->ThrowNew(env, cls, message) == 0) {
        return;
    }
    if ((*env)->ExceptionCheck(env)) {
        return; /* ThrowNew's own failure (an OutOfMemoryError) explains it */
    }
    if (jbk_kit.out_of_memory != NULL) {
        (*env)->Throw(env, jbk_kit.out_of_memory);
        return;
    }
    /* Before jbk_on_load cached anything: look the class up now. */
    jclass fallback = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (fallback != NULL) {
        (*env)->ThrowNew(env, fallback, message);
        (*env)->DeleteLocalRef(env, fallback);
    }
}

static jclass kind_class(JNIEnv *env, jbk_exception kind, int *local) {
    *local = 0;
    if ((unsigned)kind >= JBK_EXCEPTION_COUNT) {
        kind = JBK_ILLEGAL_STATE;
    }
    if (jbk_kit.exceptions[kind] != NULL) {
        return jbk_kit.exceptions[kind];
    }
    *local = 1;
    jclass cls = (*env)->FindClass(env, exception_names[kind]);
    if (cls == NULL) {
        (*env)->ExceptionClear(env); /* throw_new falls back */
    }
    return cls;
}

int jbk_throw(JNIEnv *env, jbk_exception kind, const char *fmt, ...) {
    if ((*env)->ExceptionCheck(env)) {
        return -1;
    }
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    make_jni_safe(message);
    int local;
    jclass cls = kind_class(env, kind, &local);
    throw_new(env, cls, message);
    if (local && cls != NULL) {
        (*env)->DeleteLocalRef(env, cls);
    }
    return -1;
}

int jbk_throw_class(JNIEnv *env, const char *class_name, const char *fmt, ...) {
    if ((*env)->ExceptionCheck(env)) {
        return -1;
    }
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    make_jni_safe(message);
    jclass cls = class_name != NULL ? jbk_find_class(env, class_name) : NULL;
    if (cls != NULL) {
        /* ThrowNew with a class that is no Throwable is a JNI error, not a failed throw. */
        jclass throwable = (*env)->FindClass(env, "java/lang/Throwable");
        if (throwable == NULL || !(*env)->IsAssignableFrom(env, cls, throwable)) {
            (*env)->DeleteLocalRef(env, cls);
            cls = NULL;
        }
        if (throwable != NULL) {
            (*env)->DeleteLocalRef(env, throwable);
        }
    }
    if (cls == NULL) {
        (*env)->ExceptionClear(env);
        int local;
        jclass fallback = kind_class(env, JBK_ILLEGAL_STATE, &local);
        char full[640];
        snprintf(full, sizeof full, "%s (could not throw %s)", message, class_name != NULL ? class_name : "NULL");
        make_jni_safe(full);
        throw_new(env, fallback, full);
        if (local && fallback != NULL) {
            (*env)->DeleteLocalRef(env, fallback);
        }
        return -1;
    }
    throw_new(env, cls, message);
    (*env)->DeleteLocalRef(env, cls);
    return -1;
}
