/*
 * The kit's per-library state, shared by its source files. Written only by jbk_on_load and
 * jbk_on_unload (which the JVM runs once each, on one thread); read-only in between.
 */
#ifndef JBK_KIT_STATE_H
#define JBK_KIT_STATE_H

#include <javabridge/jnikit.h>

#define JBK_NAME_MAX 512

typedef struct jbk_state {
    JavaVM *vm;
    jclass exceptions[JBK_EXCEPTION_COUNT]; /* JDK classes: strong references hold no loader */
    jthrowable out_of_memory;               /* allocated at load: thrown when ThrowNew fails */
    const char *build_package;
    char runtime_package[JBK_NAME_MAX];
    /* Only during jbk_on_load: the anchor's class loader (a local reference of JNI_OnLoad's
     * frame) and Class.forName(String, boolean, ClassLoader). */
    jobject anchor_loader;
    jclass class_class;
    jmethodID class_for_name;
} jbk_state;

JBK_LOCAL extern jbk_state jbk_kit;

/* Caches the exception classes and the fallback error; -1 with an exception pending. */
JBK_LOCAL int jbk_exceptions_load(JNIEnv *env);
JBK_LOCAL void jbk_exceptions_unload(JNIEnv *env);

#endif
