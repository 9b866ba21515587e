/*
 * What a jb_object handle points at, and making one from a local reference.
 */
#ifndef JB_API_OBJECT_INTERNAL_H
#define JB_API_OBJECT_INTERNAL_H

#include <jni.h>
#include <stdint.h>

typedef struct jbi_object {
    jobject ref; /* global reference */
} jbi_object;

/* Wraps a local reference in a new jb_object handle (a global reference); *token 0 for null. */
int jbi_object_wrap(JNIEnv *env, jobject local, uintptr_t *token);

/* Frees an object's memory and, when the JVM still exists, its global reference. */
void jbi_object_destroy(jbi_object *o);

#endif
