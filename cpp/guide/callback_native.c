/*
 * C code that calls back into Java. A callback's exception stops the C loop at
 * once and stays pending, so the JVM rethrows it, original type and all, to the
 * Java caller when the native returns.
 */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_CallbackNative.h"

#include <stdint.h>
#include <stdlib.h>

#include "int_sort.h"

/* Elements are fetched in chunks: no array stays pinned while Java code runs. */
#define CHUNK 256

JNIEXPORT void JNICALL Java_dev_javabridge_CallbackNative_forEach(JNIEnv *env, jclass cls, jintArray values,
                                                                  jobject consumer) {
    (void)cls;
    if (values == NULL || consumer == NULL) {
        jbk_throw(env, JBK_NULL_POINTER, "%s is null", values == NULL ? "values" : "consumer");
        return;
    }
    jsize n = (*env)->GetArrayLength(env, values);
    jint chunk[CHUNK];
    for (jsize start = 0; start < n; start += CHUNK) {
        jsize count = n - start < CHUNK ? n - start : CHUNK;
        (*env)->GetIntArrayRegion(env, values, start, count, chunk);
        for (jsize i = 0; i < count; i++) {
            (*env)->CallVoidMethod(env, consumer, guide_ids.int_consumer_accept, chunk[i]);
            if ((*env)->ExceptionCheck(env)) {
                return;
            }
        }
    }
}

typedef struct compare_context {
    JNIEnv *env;
    jobject comparator;
} compare_context;

static int compare_in_java(int32_t a, int32_t b, int *stop, void *user_data) {
    compare_context *ctx = user_data;
    jint r = (*ctx->env)->CallIntMethod(ctx->env, ctx->comparator, guide_ids.int_comparator_compare, a, b);
    if ((*ctx->env)->ExceptionCheck(ctx->env)) {
        *stop = 1;
        return 0;
    }
    return r;
}

JNIEXPORT void JNICALL Java_dev_javabridge_CallbackNative_sort(JNIEnv *env, jclass cls, jintArray values,
                                                               jobject comparator) {
    (void)cls;
    if (values == NULL || comparator == NULL) {
        jbk_throw(env, JBK_NULL_POINTER, "%s is null", values == NULL ? "values" : "comparator");
        return;
    }
    jsize n = (*env)->GetArrayLength(env, values);
    if (n < 2) {
        return;
    }
    int32_t *copy = malloc((size_t)n * sizeof(int32_t));
    if (copy == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot copy %d values", (int)n);
        return;
    }
    (*env)->GetIntArrayRegion(env, values, 0, n, (jint *)copy);
    compare_context ctx = {env, comparator};
    int rc = int_sort(copy, (size_t)n, compare_in_java, &ctx);
    if (rc == INT_SORT_OK) {
        (*env)->SetIntArrayRegion(env, values, 0, n, (const jint *)copy);
    } else if (rc != INT_SORT_STOPPED) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "sort failed with code %d", rc);
    }
    free(copy);
}
