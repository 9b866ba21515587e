/*
 * JNI_OnLoad/JNI_OnUnload: the cache of IDs every native relies on.
 */
#include "jni_cache.h"

#include <stddef.h>

jbi_cache jbi_ids;

static const char *const exception_names[JBI_EXCEPTION_COUNT] = {
    [JBI_ILLEGAL_ARGUMENT] = "java/lang/IllegalArgumentException",
    [JBI_NULL_POINTER] = "java/lang/NullPointerException",
    [JBI_ARITHMETIC] = "java/lang/ArithmeticException",
    [JBI_ILLEGAL_STATE] = "java/lang/IllegalStateException",
    [JBI_INDEX_OUT_OF_BOUNDS] = "java/lang/IndexOutOfBoundsException",
    [JBI_OUT_OF_MEMORY] = "java/lang/OutOfMemoryError",
};

jclass jbi_global_class(JNIEnv *env, const char *name) {
    jclass local = (*env)->FindClass(env, name);
    if (local == NULL) {
        return NULL;
    }
    jclass global = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    return global;
}

static void release_all(JNIEnv *env) {
    for (int i = 0; i < JBI_EXCEPTION_COUNT; i++) {
        if (jbi_ids.exceptions[i] != NULL) {
            (*env)->DeleteGlobalRef(env, jbi_ids.exceptions[i]);
        }
    }
    if (jbi_ids.config_class != NULL) {
        (*env)->DeleteGlobalRef(env, jbi_ids.config_class);
    }
    jbi_cache empty = {0};
    jbi_ids = empty;
}

static int fill_cache(JNIEnv *env) {
    for (int i = 0; i < JBI_EXCEPTION_COUNT; i++) {
        if ((jbi_ids.exceptions[i] = jbi_global_class(env, exception_names[i])) == NULL) {
            return -1;
        }
    }
    if ((jbi_ids.config_class = jbi_global_class(env, "dev/javabridge/Config")) == NULL ||
        (jbi_ids.config_ctor = (*env)->GetMethodID(env, jbi_ids.config_class, "<init>", "(JIZ)V")) == NULL) {
        return -1;
    }

    /* Classes used only for their IDs need no global reference: an ID stays
     * valid while its class is loaded, and these live as long as the loader. */
    jclass cls = (*env)->FindClass(env, "dev/javabridge/NativeBuffer$State");
    if (cls == NULL || (jbi_ids.buffer_state_handle = (*env)->GetFieldID(env, cls, "handle", "J")) == NULL) {
        return -1;
    }
    (*env)->DeleteLocalRef(env, cls);

    cls = (*env)->FindClass(env, "java/util/function/IntConsumer");
    if (cls == NULL || (jbi_ids.int_consumer_accept = (*env)->GetMethodID(env, cls, "accept", "(I)V")) == NULL) {
        return -1;
    }
    (*env)->DeleteLocalRef(env, cls);

    cls = (*env)->FindClass(env, "dev/javabridge/Callbacks$IntComparator");
    if (cls == NULL || (jbi_ids.int_comparator_compare = (*env)->GetMethodID(env, cls, "compare", "(II)I")) == NULL) {
        return -1;
    }
    (*env)->DeleteLocalRef(env, cls);
    return 0;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env = NULL;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_10) != JNI_OK) {
        return JNI_ERR;
    }
    if (fill_cache(env) != 0) {
        /* Leave the NoClassDefFoundError/NoSuchMethodError pending: System.load reports it. */
        release_all(env);
        return JNI_ERR;
    }
    return JNI_VERSION_10;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env = NULL;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_10) == JNI_OK) {
        release_all(env);
    }
}
