/*
 * Java arrays from and to C copies (array.c), for calls (call.c) and fields (field.c).
 */
#ifndef JB_API_ARRAY_INTERNAL_H
#define JB_API_ARRAY_INTERNAL_H

#include <jni.h>
#include <stddef.h>

#include "ext_ids.h"

/* Whether elem is a jb_elem. */
int jbi_elem_valid(int elem);

/* A new local primitive array of count elements of elem copied from data; NULL with *rc set
 * (JB_ERANGE over INT32_MAX, JB_ENOMEM) on failure. index names the argument in messages. */
jarray jbi_new_prim_array(JNIEnv *env, int elem, const void *data, size_t count, size_t index, int *rc);

/* A new local String[] of count UTF-8 strings (NULL elements stay null). */
jobjectArray jbi_new_string_array(JNIEnv *env, const char *const *strs, size_t count, size_t index, int *rc);

/* Copies the primitive array ref (checked to be an array of elem: JB_ETYPE) into a new buffer. */
int jbi_read_prim_array(JNIEnv *env, jobject ref, int elem, const char *what, void **out, size_t *count);

/* Copies the String[] ref (checked: JB_ETYPE) into new UTF-8 strings. */
int jbi_read_string_array(JNIEnv *env, jobject ref, const char *what, char ***out, size_t *count);


#endif
