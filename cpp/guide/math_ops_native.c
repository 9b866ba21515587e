/* The guide's math_ops behind MathOps: doubles in, status-carrying longs out. */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_MathOpsNative.h"

#include <stdint.h>

#include "math_ops.h"

JNIEXPORT jdouble JNICALL Java_dev_javabridge_MathOpsNative_pointDistance(JNIEnv *env, jclass cls, jdouble ax,
                                                                          jdouble ay, jdouble bx, jdouble by) {
    (void)env;
    (void)cls;
    Point a = {ax, ay};
    Point b = {bx, by};
    return point_distance(&a, &b);
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_MathOpsNative_safeAdd(JNIEnv *env, jclass cls, jint a, jint b) {
    (void)env;
    (void)cls;
    int32_t r = 0;
    int rc = safe_add(a, b, &r);
    return rc == 0 ? (jlong)r : JBK_STATUS(rc == -1 ? MATH_OPS_ERR_OVERFLOW : rc);
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_MathOpsNative_multiply(JNIEnv *env, jclass cls, jint a, jint b) {
    (void)env;
    (void)cls;
    return multiply(a, b);
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_MathOpsNative_divide(JNIEnv *env, jclass cls, jint a, jint b) {
    (void)env;
    (void)cls;
    int32_t r = 0;
    int rc = divide(a, b, &r);
    return rc == 0 ? (jlong)r : JBK_STATUS(rc);
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_MathOpsNative_safeOperation(JNIEnv *env, jclass cls, jint input) {
    (void)env;
    (void)cls;
    int32_t r = 0;
    int rc = safe_operation(input, &r);
    return rc == 0 ? (jlong)r : JBK_STATUS(rc);
}

JNIEXPORT void JNICALL Java_dev_javabridge_MathOpsNative_pointDistances(JNIEnv *env, jclass cls, jdoubleArray a,
                                                                        jdoubleArray b, jdoubleArray out,
                                                                        jint count) {
    (void)cls;
    /* Points are interleaved x, y pairs: 2 * count doubles each. */
    if (count < 0 || count > INT32_MAX / 2) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "count %d is out of range", (int)count);
        return;
    }
    if (jbk_check_range(env, a, 0, 2 * count, "a") != 0 || jbk_check_range(env, b, 0, 2 * count, "b") != 0 ||
        jbk_check_range(env, out, 0, count, "out") != 0) {
        return;
    }
    if (count == 0) {
        return;
    }
    /* Java's interleaved x, y doubles already have Point's layout, so the arrays are
     * pinned and handed to C as they are; nothing inside calls JNI. */
    _Static_assert(sizeof(Point) == 2 * sizeof(double), "Point must be two packed doubles");
    jdouble *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    jdouble *pb = pa == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    jdouble *pd = pb == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    if (pd != NULL) {
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
    if (pd == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot pin the point arrays");
    }
}
