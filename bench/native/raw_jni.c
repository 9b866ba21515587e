/*
 * The hand-written JNI floor: what a careful engineer writes by hand for each
 * scenario, with no checks beyond what the JVM needs to stay safe. Each native
 * calls the same C function as javabridge's, so the difference between them is
 * javabridge's own cost (argument checks, status decoding, strict UTF-8).
 */
#include "dev_javabridge_bench_RawJni.h"

#include <stdint.h>
#include <stdlib.h>

#include "jbb_exports.h"
#include "math_ops.h"
#include "process_data.h"

static void throw_new(JNIEnv *env, const char *cls_name, const char *message) {
    jclass cls = (*env)->FindClass(env, cls_name);
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, message);
    }
}

JNIEXPORT jint JNICALL Java_dev_javabridge_bench_RawJni_add(JNIEnv *env, jclass cls, jint a, jint b) {
    (void)cls;
    int32_t r = 0;
    if (safe_add(a, b, &r) != MATH_OPS_OK) {
        throw_new(env, "java/lang/ArithmeticException", "integer overflow");
    }
    return r;
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_bench_RawJni_sumArray(JNIEnv *env, jclass cls, jbyteArray data,
                                                                  jint length) {
    (void)cls;
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (bytes == NULL) {
        return -1;
    }
    uint64_t sum = 0;
    process_data((const uint8_t *)bytes, (size_t)length, &sum);
    (*env)->ReleasePrimitiveArrayCritical(env, data, bytes, JNI_ABORT);
    return (jlong)sum;
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_bench_RawJni_sumBuffer(JNIEnv *env, jclass cls, jobject buffer,
                                                                   jint length) {
    (void)cls;
    const uint8_t *address = (*env)->GetDirectBufferAddress(env, buffer);
    uint64_t sum = 0;
    process_data(address, (size_t)length, &sum);
    return (jlong)sum;
}

/*
 * The C kernel's own speed, measured inside the same JMH run as every mechanism: one
 * crossing, then process_data repeats times over the buffer, so that the crossing is
 * a small share even for 64 bytes. process_data lives in another object file: the
 * compiler cannot fold the repeats.
 */
JNIEXPORT jlong JNICALL Java_dev_javabridge_bench_RawJni_kernelRepeat(JNIEnv *env, jclass cls, jobject buffer,
                                                                      jint length, jint repeats) {
    (void)cls;
    const uint8_t *address = (*env)->GetDirectBufferAddress(env, buffer);
    uint64_t total = 0;
    for (jint r = 0; r < repeats; r++) {
        uint64_t sum = 0;
        process_data(address, (size_t)length, &sum);
        total += sum;
    }
    return (jlong)total;
}

/* The raw string primitives: JNI's modified UTF-8 both ways. */
JNIEXPORT jstring JNICALL Java_dev_javabridge_bench_RawJni_echoUtf(JNIEnv *env, jclass cls, jstring text) {
    (void)cls;
    const char *chars = (*env)->GetStringUTFChars(env, text, NULL);
    if (chars == NULL) {
        return NULL;
    }
    jsize len = (*env)->GetStringUTFLength(env, text);
    char *copy = malloc((size_t)len + 1);
    jstring result = NULL;
    if (copy != NULL) {
        jbb_echo(chars, (size_t)len, copy);
        result = (*env)->NewStringUTF(env, copy);
    }
    (*env)->ReleaseStringUTFChars(env, text, chars);
    free(copy);
    return result;
}

/*
 * javabridge has no public string round trip; this is the minimal one, built the way
 * its LibC natives move strings: real UTF-8 in a byte[] copied into C memory, and a
 * new byte[] back (cpp/jni/jni_arrays.c's jbi_copy_bytes and jbi_new_bytes).
 */
JNIEXPORT jbyteArray JNICALL Java_dev_javabridge_bench_RawJni_echoBytes(JNIEnv *env, jclass cls, jbyteArray utf8) {
    (void)cls;
    if (utf8 == NULL) {
        throw_new(env, "java/lang/NullPointerException", "utf8 is null");
        return NULL;
    }
    jsize n = (*env)->GetArrayLength(env, utf8);
    char *in = malloc((size_t)n + 1);
    char *out = malloc((size_t)n + 1);
    jbyteArray result = NULL;
    if (in == NULL || out == NULL) {
        throw_new(env, "java/lang/OutOfMemoryError", "cannot copy the string");
        goto done;
    }
    (*env)->GetByteArrayRegion(env, utf8, 0, n, (jbyte *)in);
    in[n] = '\0';
    size_t len = jbb_echo(in, (size_t)n, out);
    result = (*env)->NewByteArray(env, (jsize)len);
    if (result != NULL) {
        (*env)->SetByteArrayRegion(env, result, 0, (jsize)len, (const jbyte *)out);
    }
done:
    free(out);
    free(in);
    return result;
}

JNIEXPORT jdouble JNICALL Java_dev_javabridge_bench_RawJni_pointDistance(JNIEnv *env, jclass cls, jdouble ax,
                                                                         jdouble ay, jdouble bx, jdouble by) {
    (void)env;
    (void)cls;
    Point a = {ax, ay};
    Point b = {bx, by};
    return point_distance(&a, &b);
}

JNIEXPORT void JNICALL Java_dev_javabridge_bench_RawJni_pointDistances(JNIEnv *env, jclass cls, jdoubleArray a,
                                                                       jdoubleArray b, jdoubleArray out,
                                                                       jint count) {
    (void)cls;
    jdouble *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    jdouble *pb = (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    jdouble *pd = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    if (pa != NULL && pb != NULL && pd != NULL) {
        point_distances((const Point *)pa, (const Point *)pb, pd, (size_t)count);
    }
    if (pd != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, out, pd, 0);
    }
    if (pb != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    }
    if (pa != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    }
}
