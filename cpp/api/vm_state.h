/*
 * The process's one JVM as javabridge sees it, the IDs cached when it is created or joined,
 * and the entry/exit every JNI-using call goes through.
 */
#ifndef JB_API_VM_STATE_H
#define JB_API_VM_STATE_H

#include <jni.h>

/* Classes (global references) and method IDs used on every path; fetched once per JVM. */
typedef struct jbi_java_ids {
    jclass string_class;
    jclass byte_array_class;
    jmethodID class_get_name;             /* Class.getName() */
    jmethodID throwable_get_message;      /* Throwable.getMessage() */
    jmethodID throwable_print_stack_trace; /* Throwable.printStackTrace(PrintWriter) */
    jclass string_writer_class;
    jmethodID string_writer_init;         /* StringWriter() */
    jmethodID object_to_string;           /* Object.toString() */
    jclass print_writer_class;
    jmethodID print_writer_init;          /* PrintWriter(Writer) */
} jbi_java_ids;

/* Valid while a JVM is open; read-only then. */
extern jbi_java_ids jbi_java;

/*
 * Starts a call that needs Java: fails with JB_ENOT_OPEN unless a JVM is open, counts the call
 * so that the last close waits for it, and gives the calling thread's JNIEnv, attaching the
 * thread (once, as a daemon) if it is not attached. Every successful jbi_enter is paired with
 * jbi_leave. On failure the last error is set and nothing needs undoing.
 */
int jbi_enter(JNIEnv **env);
void jbi_leave(void);

/* The calling thread's JNIEnv for releasing references while the JVM still exists (attaching
 * if needed), whether or not a close is under way; NULL when the JVM is gone. */
JNIEnv *jbi_env_for_cleanup(void);

#endif
