/*
 * What every source of the guide's natives includes first. The natives keep the javac -h
 * prototypes but are bound with RegisterNatives (guide_library.c), so none of them is
 * exported: JNIEXPORT is redefined to hidden before the generated headers use it. The
 * library exports only JNI_OnLoad/JNI_OnUnload (JBK_EXPORT).
 */
#ifndef JB_GUIDE_H
#define JB_GUIDE_H

#include <jni.h>
#include <javabridge/jnikit.h>

#undef JNIEXPORT
#define JNIEXPORT JBK_LOCAL

/* IDs the natives use, cached by the "ids" module in JNI_OnLoad; read-only afterwards. */
typedef struct guide_cache {
    jweak config_class;           /* dev.javabridge.Config: weak, so its class loader can be collected */
    jmethodID config_ctor;        /* Config(long, int, boolean) */
    jfieldID buffer_state_handle; /* dev.javabridge.NativeBuffer$State.handle (long) */
    jmethodID int_consumer_accept;    /* java.util.function.IntConsumer.accept(int) */
    jmethodID int_comparator_compare; /* dev.javabridge.Callbacks$IntComparator.compare(int, int) */
} guide_cache;

extern guide_cache guide_ids;

#endif
