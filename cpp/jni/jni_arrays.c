/* Bounds and copies shared by every native that takes an array. */
#include "jni_arrays.h"

#include <stdint.h>
#include <stdlib.h>

#include "jni_errors.h"

int jbi_check_range(JNIEnv *env, jarray array, jint offset, jint length, const char *what) {
    if (array == NULL) {
        jbi_throw(env, JBI_NULL_POINTER, "%s is null", what);
        return -1;
    }
    jsize size = (*env)->GetArrayLength(env, array);
    /* 64-bit arithmetic: offset + length must not wrap. */
    if (offset < 0 || length < 0 || (int64_t)offset + (int64_t)length > (int64_t)size) {
        jbi_throw(env, JBI_INDEX_OUT_OF_BOUNDS, "%s: range [%d, %d + %d) is outside an array of length %d",
                  what, (int)offset, (int)offset, (int)length, (int)size);
        return -1;
    }
    return 0;
}

char *jbi_copy_bytes(JNIEnv *env, jbyteArray array, size_t *length, const char *what) {
    if (array == NULL) {
        jbi_throw(env, JBI_NULL_POINTER, "%s is null", what);
        return NULL;
    }
    jsize n = (*env)->GetArrayLength(env, array);
    char *copy = malloc((size_t)n + 1);
    if (copy == NULL) {
        jbi_throw(env, JBI_OUT_OF_MEMORY, "%s: cannot copy %d bytes", what, (int)n);
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, array, 0, n, (jbyte *)copy);
    copy[n] = '\0';
    *length = (size_t)n;
    return copy;
}

jbyteArray jbi_new_bytes(JNIEnv *env, const char *data, size_t length) {
    if (length > INT32_MAX) {
        jbi_throw(env, JBI_OUT_OF_MEMORY, "result of %zu bytes does not fit a Java array", length);
        return NULL;
    }
    jbyteArray result = (*env)->NewByteArray(env, (jsize)length);
    if (result != NULL) {
        (*env)->SetByteArrayRegion(env, result, 0, (jsize)length, (const jbyte *)data);
    }
    return result;
}
