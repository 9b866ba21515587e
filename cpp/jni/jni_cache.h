/*
 * Classes (as global references), method IDs and field IDs that the natives
 * use, looked up once in JNI_OnLoad. A missing one fails the load.
 */
#ifndef JB_JNI_CACHE_H
#define JB_JNI_CACHE_H

#include <jni.h>

#include "jni_errors.h"

typedef struct jbi_cache {
    jclass exceptions[JBI_EXCEPTION_COUNT];

    jclass config_class;          /* dev.javabridge.Config */
    jmethodID config_ctor;        /* Config(long, int, boolean) */

    jfieldID buffer_state_handle; /* dev.javabridge.NativeBuffer$State.handle (long) */

    jmethodID int_consumer_accept;  /* java.util.function.IntConsumer.accept(int) */
    jmethodID int_comparator_compare; /* dev.javabridge.Callbacks$IntComparator.compare(int, int) */
} jbi_cache;

/** Filled by JNI_OnLoad before any native can run; read-only afterwards. */
extern jbi_cache jbi_ids;

/** A global reference to the class FindClass finds for name, or NULL with its exception pending
 *  (also used by the C API's VM module for its own IDs). */
jclass jbi_global_class(JNIEnv *env, const char *name);

#endif
