/*
 * Primitive arrays and String[] copied between C and Java (array.h). Every length is checked
 * against Java's INT32_MAX before anything is allocated or read, and every Java array's run-time
 * class is checked before its elements are copied out: a Get<Type>ArrayRegion on an array of
 * another type is undefined behaviour in JNI.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/array.h"
#include "javabridge/errors.h"
#include "array_internal.h"
#include "java_exception.h"
#include "jstring.h"
#include "last_error.h"
#include "vm_state.h"

static const char *const java_names[9] = {"String[]", "boolean[]", "byte[]", "short[]", "char[]",
                                          "int[]", "long[]", "float[]", "double[]"};

int jbi_elem_valid(int elem) { return elem >= JB_ELEM_BOOL && elem <= JB_ELEM_DOUBLE; }

JB_API size_t jb_elem_size(jb_elem elem) {
    static const size_t sizes[9] = {0, sizeof(bool), 1, 2, 2, 4, 8, 4, 8};
    return jbi_elem_valid((int)elem) ? sizes[elem] : 0;
}

static int java_alloc_failed(JNIEnv *env, const char *what) {
    int rc = jbi_java_check(env, JB_ENOMEM, what);
    return rc != JB_OK ? rc : jbi_fail(JB_ENOMEM, "%s failed", what);
}

jarray jbi_new_prim_array(JNIEnv *env, int elem, const void *data, size_t count, size_t index, int *rc) {
    if (count > (size_t)INT32_MAX) {
        *rc = jbi_fail(JB_ERANGE, "argument %zu: %zu elements is over Java's array limit of INT32_MAX", index, count);
        return NULL;
    }
    jsize n = (jsize)count;
    jarray a = NULL;
    switch (elem) {
    case JB_ELEM_BOOL: {
        a = (*env)->NewBooleanArray(env, n);
        if (a == NULL) break;
        /* C's bool need not be jboolean's size or hold only 0 and 1 in memory: convert. */
        const bool *src = data;
        jboolean buf[512];
        for (size_t done = 0; done < count;) {
            size_t k = count - done < 512 ? count - done : 512;
            for (size_t j = 0; j < k; j++) buf[j] = src[done + j] ? JNI_TRUE : JNI_FALSE;
            (*env)->SetBooleanArrayRegion(env, a, (jsize)done, (jsize)k, buf);
            done += k;
        }
        return a;
    }
    case JB_ELEM_INT8:
        if ((a = (*env)->NewByteArray(env, n)) != NULL && n > 0) (*env)->SetByteArrayRegion(env, a, 0, n, data);
        break;
    case JB_ELEM_INT16:
        if ((a = (*env)->NewShortArray(env, n)) != NULL && n > 0) (*env)->SetShortArrayRegion(env, a, 0, n, data);
        break;
    case JB_ELEM_UINT16:
        if ((a = (*env)->NewCharArray(env, n)) != NULL && n > 0) (*env)->SetCharArrayRegion(env, a, 0, n, data);
        break;
    case JB_ELEM_INT32:
        if ((a = (*env)->NewIntArray(env, n)) != NULL && n > 0) (*env)->SetIntArrayRegion(env, a, 0, n, data);
        break;
    case JB_ELEM_INT64:
        if ((a = (*env)->NewLongArray(env, n)) != NULL && n > 0) (*env)->SetLongArrayRegion(env, a, 0, n, data);
        break;
    case JB_ELEM_FLOAT:
        if ((a = (*env)->NewFloatArray(env, n)) != NULL && n > 0) (*env)->SetFloatArrayRegion(env, a, 0, n, data);
        break;
    case JB_ELEM_DOUBLE:
        if ((a = (*env)->NewDoubleArray(env, n)) != NULL && n > 0) (*env)->SetDoubleArrayRegion(env, a, 0, n, data);
        break;
    default:
        *rc = jbi_fail(JB_EINVAL, "argument %zu: %d is not a jb_elem", index, elem);
        return NULL;
    }
    if (a == NULL) {
        *rc = java_alloc_failed(env, "creating a Java array");
    }
    return a;
}

jobjectArray jbi_new_string_array(JNIEnv *env, const char *const *strs, size_t count, size_t index, int *rc) {
    if (count > (size_t)INT32_MAX) {
        *rc = jbi_fail(JB_ERANGE, "argument %zu: %zu strings is over Java's array limit of INT32_MAX", index, count);
        return NULL;
    }
    jobjectArray a = (*env)->NewObjectArray(env, (jsize)count, jbi_java.string_class, NULL);
    if (a == NULL) {
        *rc = java_alloc_failed(env, "creating a Java String[]");
        return NULL;
    }
    for (size_t k = 0; k < count; k++) {
        if (strs[k] == NULL) {
            continue;
        }
        jstring s = jbi_string_from_utf8(env, strs[k], strlen(strs[k]), index, rc);
        if (s == NULL) {
            if (*rc == JB_EENCODING) {
                jbi_fail(JB_EENCODING, "argument %zu: element %zu of the String[] is not valid UTF-8: %s", index, k,
                         jb_error_message());
            }
            (*env)->DeleteLocalRef(env, a);
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, a, (jsize)k, s);
        (*env)->DeleteLocalRef(env, s); /* the frame is sized for arguments, not elements */
    }
    return a;
}

int jbi_read_prim_array(JNIEnv *env, jobject ref, int elem, const char *what, void **out, size_t *count) {
    if (!jbi_elem_valid(elem)) {
        return jbi_fail(JB_EINVAL, "%s: %d is not a jb_elem", what, elem);
    }
    if (ref == NULL) {
        *out = NULL;
        *count = 0;
        return JB_OK;
    }
    if (!(*env)->IsInstanceOf(env, ref, jbi_array_classes[elem])) {
        return jbi_fail(JB_ETYPE, "%s: the value is not a %s", what, java_names[elem]);
    }
    jsize n = (*env)->GetArrayLength(env, ref);
    size_t size = jb_elem_size((jb_elem)elem);
    void *buf = malloc(n > 0 ? (size_t)n * size : 1);
    if (buf == NULL) {
        return jbi_fail(JB_ENOMEM, "%s: no memory for %d elements", what, (int)n);
    }
    switch (elem) {
    case JB_ELEM_BOOL: {
        jboolean tmp[512];
        bool *dst = buf;
        for (jsize done = 0; done < n;) {
            jsize k = n - done < 512 ? n - done : 512;
            (*env)->GetBooleanArrayRegion(env, ref, done, k, tmp);
            for (jsize j = 0; j < k; j++) dst[done + j] = tmp[j] != JNI_FALSE;
            done += k;
        }
        break;
    }
    case JB_ELEM_INT8: (*env)->GetByteArrayRegion(env, ref, 0, n, buf); break;
    case JB_ELEM_INT16: (*env)->GetShortArrayRegion(env, ref, 0, n, buf); break;
    case JB_ELEM_UINT16: (*env)->GetCharArrayRegion(env, ref, 0, n, buf); break;
    case JB_ELEM_INT32: (*env)->GetIntArrayRegion(env, ref, 0, n, buf); break;
    case JB_ELEM_INT64: (*env)->GetLongArrayRegion(env, ref, 0, n, buf); break;
    case JB_ELEM_FLOAT: (*env)->GetFloatArrayRegion(env, ref, 0, n, buf); break;
    default: (*env)->GetDoubleArrayRegion(env, ref, 0, n, buf); break;
    }
    *out = buf;
    *count = (size_t)n;
    return JB_OK;
}

int jbi_read_string_array(JNIEnv *env, jobject ref, const char *what, char ***out, size_t *count) {
    if (ref == NULL) {
        *out = NULL;
        *count = 0;
        return JB_OK;
    }
    if (!(*env)->IsInstanceOf(env, ref, jbi_array_classes[0])) {
        return jbi_fail(JB_ETYPE, "%s: the value is not a String[]", what);
    }
    jsize n = (*env)->GetArrayLength(env, ref);
    char **v = calloc(n > 0 ? (size_t)n : 1, sizeof *v);
    if (v == NULL) {
        return jbi_fail(JB_ENOMEM, "%s: no memory for %d strings", what, (int)n);
    }
    for (jsize k = 0; k < n; k++) {
        jobject s = (*env)->GetObjectArrayElement(env, ref, k);
        if (s == NULL) {
            continue;
        }
        int rc = jbi_string_to_utf8(env, s, 0, &v[k], NULL);
        (*env)->DeleteLocalRef(env, s);
        if (rc != JB_OK) {
            jb_strings_free(v, (size_t)n);
            return rc == JB_EENCODING
                       ? jbi_fail(rc, "%s: element %d holds an unpaired surrogate, which has no UTF-8 form", what, (int)k)
                       : jbi_fail(rc, "%s: no memory for element %d", what, (int)k);
        }
    }
    *out = v;
    *count = (size_t)n;
    return JB_OK;
}

JB_API void jb_array_free(void *data) {
    free(data);
}

JB_API void jb_strings_free(char **strings, size_t count) {
    if (strings == NULL) {
        return;
    }
    for (size_t i = 0; i < count; i++) {
        free(strings[i]);
    }
    free(strings);
}
