/*
 * The classes and IDs that the C API's later modules (arrays, fields, run, proxies, buffers, loaders) use on every
 * call, cached once per JVM beside vm.c's own (vm.c calls load and release), so those modules
 * never look anything up per call.
 */
#ifndef JB_API_EXT_IDS_H
#define JB_API_EXT_IDS_H

#include <jni.h>

typedef struct jbi_ext_ids {
    jclass array_classes[9];          /* by jb_elem; index 0 is String[] */
    jmethodID member_get_modifiers;   /* java.lang.reflect.Member.getModifiers() */
    jclass object_array_class;        /* Object[]: every array of references is one */
    jmethodID class_is_array;         /* Class.isArray() */
    jmethodID class_component_type;   /* Class.getComponentType() */
    jclass buffer_class;              /* java.nio.Buffer */
} jbi_ext_ids;

/* Valid while a JVM is open; read-only then. */
extern jbi_ext_ids jbi_ext;
#define jbi_array_classes (jbi_ext.array_classes)

/* Returns 0 (JB_OK) or JB_EINTERNAL, with nothing left held and no exception pending. */
int jbi_ext_ids_load(JNIEnv *env);
/* env may be NULL (the JVM is gone): then the references are only forgotten. */
void jbi_ext_ids_release(JNIEnv *env);

#endif
