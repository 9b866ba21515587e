/*
 * The C API's one conversion between Java strings and real UTF-8, both ways, through UTF-16
 * (utf8.c) and never JNI's modified UTF-8, so that emoji and NUL survive.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "javabridge/errors.h"
#include "jstring.h"
#include "last_error.h"
#include "utf8.h"

int jbi_string_to_utf8(JNIEnv *env, jstring s, int replace, char **out, size_t *len) {
    jsize units = (*env)->GetStringLength(env, s);
    uint16_t stack_buf[256];
    uint16_t *buf = stack_buf;
    if ((size_t)units > sizeof stack_buf / sizeof stack_buf[0]) {
        buf = malloc((size_t)units * sizeof *buf);
        if (buf == NULL) {
            return JB_ENOMEM;
        }
    }
    (*env)->GetStringRegion(env, s, 0, units, (jchar *)buf);
    size_t bytes = 0;
    int rc = JB_OK;
    if (jbi_utf16_to_utf8_length(buf, (size_t)units, replace, &bytes, NULL) != JBI_UTF_OK) {
        rc = JB_EENCODING;
    } else {
        char *text = malloc(bytes + 1);
        if (text == NULL) {
            rc = JB_ENOMEM;
        } else {
            jbi_utf16_to_utf8(buf, (size_t)units, replace, text);
            text[bytes] = '\0';
            *out = text;
            if (len != NULL) {
                *len = bytes;
            }
        }
    }
    if (buf != stack_buf) {
        free(buf);
    }
    return rc;
}

jstring jbi_string_from_utf8(JNIEnv *env, const char *data, size_t len, size_t index, int *rc) {
    if (len > (size_t)INT32_MAX) {
        *rc = jbi_fail(JB_ERANGE, "argument %zu: a string of %zu bytes is over Java's limit of INT32_MAX", index, len);
        return NULL;
    }
    size_t units = 0, bad = 0;
    if (jbi_utf8_to_utf16_length(data, len, &units, &bad) != JBI_UTF_OK) {
        *rc = jbi_fail(JB_EENCODING, "argument %zu: invalid UTF-8 at byte %zu", index, bad);
        return NULL;
    }
    uint16_t stack_buf[256];
    uint16_t *buf = units <= sizeof stack_buf / sizeof stack_buf[0] ? stack_buf : malloc(units * sizeof *buf);
    if (buf == NULL) {
        *rc = jbi_fail(JB_ENOMEM, "argument %zu: no memory to convert a string of %zu bytes", index, len);
        return NULL;
    }
    jbi_utf8_to_utf16(data, len, buf);
    jstring s = (*env)->NewString(env, (const jchar *)buf, (jsize)units);
    if (buf != stack_buf) {
        free(buf);
    }
    if (s == NULL) {
        /* Only an OutOfMemoryError can be pending here; the code says all there is to say,
         * and this module stays below java_exception.c. */
        (*env)->ExceptionClear(env);
        *rc = jbi_fail(JB_ENOMEM, "argument %zu: the JVM has no memory for a string of %zu UTF-16 units", index, units);
    }
    return s;
}
