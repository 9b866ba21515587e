/*
 * Java exceptions and strings into C (see java_exception.h). Capturing an exception calls
 * Java again (getName, getMessage, printStackTrace), which can itself throw, typically an
 * OutOfMemoryError; each step is checked and cleared, and what could not be had stays NULL.
 */
#include "java_exception.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/errors.h"
#include "last_error.h"
#include "utf8.h"
#include "jstring.h"
#include "vm_ids.h"

/* Calls a no-argument String-returning method; NULL if it threw or returned null. */
static char *call_string(JNIEnv *env, jobject target, jmethodID id, size_t *len) {
    jstring s = (*env)->CallObjectMethod(env, target, id);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    char *text = NULL;
    if (s != NULL) {
        jbi_string_to_utf8(env, s, 1, &text, len);
        (*env)->DeleteLocalRef(env, s);
    }
    return text;
}

static char *stack_trace_of(JNIEnv *env, jthrowable ex) {
    jobject writer = (*env)->NewObject(env, jbi_java.string_writer_class, jbi_java.string_writer_init);
    if (writer == NULL) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    jobject printer = (*env)->NewObject(env, jbi_java.print_writer_class, jbi_java.print_writer_init, writer);
    if (printer == NULL) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    (*env)->CallVoidMethod(env, ex, jbi_java.throwable_print_stack_trace, printer);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    /* PrintWriter(Writer) does not buffer: the text is already in the StringWriter. */
    return call_string(env, writer, jbi_java.object_to_string, NULL);
}

int jbi_java_check(JNIEnv *env, int code, const char *what) {
    if (!(*env)->ExceptionCheck(env)) {
        return JB_OK;
    }
    jthrowable ex = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    if (ex == NULL || (*env)->PushLocalFrame(env, 16) != 0) {
        (*env)->ExceptionClear(env);
        if (ex != NULL) {
            (*env)->DeleteLocalRef(env, ex);
        }
        return jbi_fail(code, "%s: Java threw, and there was no memory left to describe the exception", what);
    }
    char *class_name = NULL;
    jclass cls = (*env)->GetObjectClass(env, ex);
    if (cls != NULL) {
        class_name = call_string(env, cls, jbi_java.class_get_name, NULL);
    }
    size_t message_len = 0;
    char *message = call_string(env, ex, jbi_java.throwable_get_message, &message_len);
    char *trace = stack_trace_of(env, ex);
    (*env)->PopLocalFrame(env, NULL);
    (*env)->DeleteLocalRef(env, ex);
    const char *shown_class = class_name != NULL ? class_name : "a Java exception";
    if (message != NULL) {
        return jbi_fail_java(code, class_name, message, message_len, trace, "%s: %s: %s", what, shown_class, message);
    }
    return jbi_fail_java(code, class_name, message, 0, trace, "%s: %s", what, shown_class);
}

int jbi_host_throw_set(jbi_host_throw *t, const char *what, const char *exception_class, const char *message) {
    char *c = exception_class != NULL ? strdup(exception_class) : NULL;
    char *m = message != NULL ? strdup(message) : NULL;
    if ((exception_class != NULL && c == NULL) || (message != NULL && m == NULL)) {
        free(c);
        free(m);
        return jbi_fail(JB_ENOMEM, "%s: no memory", what);
    }
    jbi_host_throw_free(t);
    t->exc_class = c;
    t->exc_message = m;
    t->set = 1;
    return JB_OK;
}

void jbi_host_throw_free(jbi_host_throw *t) {
    free(t->exc_class);
    free(t->exc_message);
    t->exc_class = t->exc_message = NULL;
    t->set = 0;
}
