/*
 * process_data over Java memory without copying: a pinned byte[] or the
 * address of a direct ByteBuffer goes straight to the C kernel.
 */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_DataNative.h"

#include <stdint.h>

#include "process_data.h"

static jlong sum_or_status(const uint8_t *data, size_t length) {
    uint64_t sum = 0;
    int rc = process_data(data, length, &sum);
    /* 100 MiB of 0xFF sums to under 2^35: always a valid non-negative jlong. */
    return rc == PROCESS_DATA_OK ? (jlong)sum : JBK_STATUS(rc);
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_DataNative_sumArray(JNIEnv *env, jclass cls, jbyteArray data, jint offset,
                                                                jint length) {
    (void)cls;
    if (jbk_check_range(env, data, offset, length, "data") != 0) {
        return 0;
    }
    if ((size_t)length > PROCESS_DATA_MAX_LEN) {
        return JBK_STATUS(PROCESS_DATA_ERR_TOO_LONG);
    }
    /* Pinned for the kernel alone: no JNI call happens between get and release. */
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (bytes == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot pin data");
        return 0;
    }
    jlong result = sum_or_status((const uint8_t *)bytes + offset, (size_t)length);
    (*env)->ReleasePrimitiveArrayCritical(env, data, bytes, JNI_ABORT);
    return result;
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_DataNative_sumBuffer(JNIEnv *env, jclass cls, jobject buffer,
                                                                 jint offset, jint length) {
    (void)cls;
    if (buffer == NULL) {
        jbk_throw(env, JBK_NULL_POINTER, "buffer is null");
        return 0;
    }
    const uint8_t *address = (*env)->GetDirectBufferAddress(env, buffer);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, buffer);
    if (address == NULL || capacity < 0) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "buffer is not a direct ByteBuffer");
        return 0;
    }
    if (offset < 0 || length < 0 || (jlong)offset + (jlong)length > capacity) {
        jbk_throw(env, JBK_INDEX_OUT_OF_BOUNDS, "range [%d, %d + %d) is outside a buffer of capacity %lld",
                  (int)offset, (int)offset, (int)length, (long long)capacity);
        return 0;
    }
    return sum_or_status(address + offset, (size_t)length);
}
