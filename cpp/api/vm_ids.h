/*
 * Loading and releasing jbi_java (vm_state.h): the IDs cache, apart from the VM lifecycle.
 */
#ifndef JB_API_VM_IDS_H
#define JB_API_VM_IDS_H

#include <jni.h>

/* Classes (global references) and method IDs used on every path; fetched once per JVM. */
typedef struct jbi_java_ids {
    jclass string_class;
    jclass byte_array_class;
    jmethodID class_get_name;             /* Class.getName() */
    jmethodID class_get_modifiers;        /* Class.getModifiers() */
    jmethodID throwable_get_message;      /* Throwable.getMessage() */
    jmethodID throwable_print_stack_trace; /* Throwable.printStackTrace(PrintWriter) */
    jclass string_writer_class;
    jmethodID string_writer_init;         /* StringWriter() */
    jmethodID object_to_string;           /* Object.toString() */
    jclass print_writer_class;
    jmethodID print_writer_init;          /* PrintWriter(Writer) */
} jbi_java_ids;

/* Valid from the JVM's creation or joining until it is destroyed; read-only then. */
extern jbi_java_ids jbi_java;

/* Fills jbi_java, all or nothing; JB_EINTERNAL (last error set) if the JVM lacks one. */
int jbi_ids_load(JNIEnv *env);

#endif
