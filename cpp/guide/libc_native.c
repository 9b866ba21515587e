/*
 * libc through JNI: strlen and snprintf over real UTF-8 bytes. Strings arrive
 * as byte[] encoded by Java's UTF-8 encoder, never as JNI's modified UTF-8.
 */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_LibCNative.h"

#if !defined(_WIN32)
#include <locale.h>
#endif
#if defined(__APPLE__)
#include <xlocale.h> /* macOS declares newlocale/uselocale here, not in locale.h */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format_spec.h"

JNIEXPORT jlong JNICALL Java_dev_javabridge_LibCNative_strlen(JNIEnv *env, jclass cls, jbyteArray utf8) {
    (void)cls;
    if (utf8 == NULL) {
        jbk_throw(env, JBK_NULL_POINTER, "string is null");
        return -1;
    }
    jsize n = (*env)->GetArrayLength(env, utf8);
    /* The array carries no terminator: strnlen stops at the first NUL or the end, as C would see it. */
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, utf8, NULL);
    if (bytes == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot pin string");
        return -1;
    }
    size_t length = strnlen((const char *)bytes, (size_t)n);
    (*env)->ReleasePrimitiveArrayCritical(env, utf8, bytes, JNI_ABORT);
    return (jlong)length;
}

/* snprintf for exactly one checked segment; kind says which argument it reads. */
static int format_one(char *out, size_t size, const char *spec, format_arg_kind kind,
                      jlong integer, jdouble real, const char *text) {
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    switch (kind) {
    case FORMAT_ARG_NONE: return snprintf(out, size, spec, 0);
    case FORMAT_ARG_INT: return snprintf(out, size, spec, (int)integer);
    case FORMAT_ARG_UINT: return snprintf(out, size, spec, (unsigned)integer);
    case FORMAT_ARG_LONG: return snprintf(out, size, spec, (long long)integer);
    case FORMAT_ARG_ULONG: return snprintf(out, size, spec, (unsigned long long)integer);
    case FORMAT_ARG_DOUBLE: return snprintf(out, size, spec, real);
    case FORMAT_ARG_STRING: return snprintf(out, size, spec, text);
    }
    return -1;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

#define SNPRINTF_FAILED (-1)
#define SNPRINTF_NO_MEMORY (-2)

/*
 * snprintf into a new buffer (*out, to be freed) in the C locale. The JVM calls
 * setlocale(LC_ALL, "") at startup, so without this a German environment would
 * turn "%.2f" into "3,14": output must not depend on the machine it runs on.
 * uselocale changes this thread only. Returns the length or a negative code.
 */
static int format_in_c_locale(char **out, const char *spec, format_arg_kind kind, jlong integer, jdouble real,
                              const char *text) {
    *out = NULL;
#if !defined(_WIN32)
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (c_locale == (locale_t)0) {
        return SNPRINTF_NO_MEMORY;
    }
    locale_t previous = uselocale(c_locale);
#endif
    int needed = format_one(NULL, 0, spec, kind, integer, real, text);
    if (needed < 0) {
        needed = SNPRINTF_FAILED;
    } else if ((*out = malloc((size_t)needed + 1)) == NULL) {
        needed = SNPRINTF_NO_MEMORY;
    } else {
        format_one(*out, (size_t)needed + 1, spec, kind, integer, real, text);
    }
#if !defined(_WIN32)
    uselocale(previous);
    freelocale(c_locale);
#endif
    return needed;
}

JNIEXPORT jbyteArray JNICALL Java_dev_javabridge_LibCNative_format(JNIEnv *env, jclass cls, jbyteArray specBytes,
                                                                   jint expectedKind, jlong integer, jdouble real,
                                                                   jbyteArray textBytes) {
    (void)cls;
    jbyteArray result = NULL;
    char *text = NULL;
    char *out = NULL;
    size_t spec_len = 0;
    size_t text_len = 0;
    char *spec = jbk_copy_bytes(env, specBytes, &spec_len, "format");
    if (spec == NULL) {
        return NULL;
    }
    format_arg_kind kind;
    int rc = format_spec_check(spec, spec_len, &kind);
    if (rc != FORMAT_OK) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "format segment refused by C (code %d)", rc);
        goto done;
    }
    if ((jint)kind != expectedKind) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "format segment reads argument kind %d, caller passed %d",
                  (int)kind, (int)expectedKind);
        goto done;
    }
    if (kind == FORMAT_ARG_STRING && (text = jbk_copy_bytes(env, textBytes, &text_len, "string argument")) == NULL) {
        goto done;
    }
    int needed = format_in_c_locale(&out, spec, kind, integer, real, text);
    if (needed == SNPRINTF_FAILED) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "snprintf failed for this format segment");
        goto done;
    }
    if (needed < 0) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot allocate the output or the C locale");
        goto done;
    }
    result = jbk_new_bytes(env, out, (size_t)needed);
done:
    free(out);
    free(text);
    free(spec);
    return result;
}
