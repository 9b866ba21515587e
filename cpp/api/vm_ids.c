/*
 * The classes and method IDs every C API path uses (vm_state.h's jbi_java), fetched once per
 * JVM when it is created or joined. They are kept for the JVM's whole life: Java threads may
 * call proxies and host natives, which use them, until DestroyJavaVM returns, and JNI cannot
 * create a JVM after that.
 */
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/jnikit/module.h" /* jbk_global_class: the one helper for a class's global reference */
#include "ext_ids.h"
#include "last_error.h"
#include "vm_ids.h"

jbi_java_ids jbi_java;

static jmethodID method_of(JNIEnv *env, const char *cls_name, const char *name, const char *sig) {
    jclass cls = (*env)->FindClass(env, cls_name);
    if (cls == NULL) {
        return NULL;
    }
    jmethodID id = (*env)->GetMethodID(env, cls, name, sig);
    (*env)->DeleteLocalRef(env, cls);
    return id;
}

/* A load that failed half way lets go of what it had. */
static void delete_globals(JNIEnv *env, const jbi_java_ids *ids) {
    jclass globals[] = {ids->string_class, ids->byte_array_class, ids->string_writer_class, ids->print_writer_class};
    for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
        if (globals[i] != NULL) {
            (*env)->DeleteGlobalRef(env, globals[i]);
        }
    }
}

int jbi_ids_load(JNIEnv *env) {
    jbi_java_ids ids;
    memset(&ids, 0, sizeof ids);
    int ok = (ids.string_class = jbk_global_class(env, "java/lang/String")) != NULL &&
             (ids.byte_array_class = jbk_global_class(env, "[B")) != NULL &&
             (ids.class_get_name = method_of(env, "java/lang/Class", "getName", "()Ljava/lang/String;")) != NULL &&
             (ids.class_get_modifiers = method_of(env, "java/lang/Class", "getModifiers", "()I")) != NULL &&
             (ids.throwable_get_message = method_of(env, "java/lang/Throwable", "getMessage", "()Ljava/lang/String;")) != NULL &&
             (ids.throwable_print_stack_trace =
                  method_of(env, "java/lang/Throwable", "printStackTrace", "(Ljava/io/PrintWriter;)V")) != NULL &&
             (ids.object_to_string = method_of(env, "java/lang/Object", "toString", "()Ljava/lang/String;")) != NULL &&
             (ids.string_writer_class = jbk_global_class(env, "java/io/StringWriter")) != NULL &&
             (ids.string_writer_init = (*env)->GetMethodID(env, ids.string_writer_class, "<init>", "()V")) != NULL &&
             (ids.print_writer_class = jbk_global_class(env, "java/io/PrintWriter")) != NULL &&
             (ids.print_writer_init = (*env)->GetMethodID(env, ids.print_writer_class, "<init>", "(Ljava/io/Writer;)V")) != NULL;
    if (!ok) {
        (*env)->ExceptionClear(env);
        delete_globals(env, &ids);
        return jbi_fail(JB_EINTERNAL, "the JVM lacks a java.lang/java.io class or method javabridge needs");
    }
    if (jbi_ext_ids_load(env) != JB_OK) {
        delete_globals(env, &ids);
        return jbi_fail(JB_EINTERNAL, "the JVM lacks an array or reflection class javabridge needs");
    }
    jbi_java = ids;
    return JB_OK;
}
