/* Throwing Java exceptions from C: one helper, cached classes. */
#include "jni_errors.h"

#include <stdarg.h>
#include <stdio.h>

#include "jni_cache.h"

void jbi_throw(JNIEnv *env, jbi_exception kind, const char *fmt, ...) {
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if ((*env)->ThrowNew(env, jbi_ids.exceptions[kind], message) != 0 && !(*env)->ExceptionCheck(env)) {
        /* ThrowNew itself failed without leaving an exception: leave the caller
         * an OutOfMemoryError rather than a silent success. */
        (*env)->ThrowNew(env, jbi_ids.exceptions[JBI_OUT_OF_MEMORY], "javabridge: could not throw");
    }
}
