/**
 * @file object.h
 * @brief Java objects held from C, and freeing what calls return.
 */
#ifndef JAVABRIDGE_OBJECT_H
#define JAVABRIDGE_OBJECT_H

#include <stddef.h>

#include "javabridge/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A reference to a Java object that keeps it alive (a JNI global reference), usable from any
 * thread until freed with jb_object_free(). Opaque: never dereference it. A Java null is
 * represented by a NULL jb_object pointer.
 */
typedef struct jb_object jb_object;

/**
 * @brief Releases an object reference; the Java object may then be collected.
 * @param object a reference, or NULL (nothing happens).
 * @return JB_OK (also for NULL); JB_EHANDLE if object is forged, of another kind, freed twice,
 *   or already freed by the last jb_vm_close() (harmless: nothing is left to free).
 * @note Thread-safe; calls already running with the object finish first.
 */
JB_API int jb_object_free(jb_object *object);

/**
 * @brief The binary name of an object's class, for example "java.lang.StringBuilder".
 * @param object a live reference (not NULL).
 * @param[out] out receives a NUL-terminated UTF-8 copy to free with jb_string_free().
 * @return JB_OK; JB_EINVAL (out NULL); JB_EHANDLE; JB_ENOT_OPEN; JB_EVM_DESTROYED; JB_EJAVA; JB_ENOMEM.
 * @note Thread-safe.
 */
JB_API int jb_object_class_name(jb_object *object, char **out);

/**
 * @brief Frees a string that a jb_ function returned.
 * @param s the string, or NULL (nothing happens).
 * @note Thread-safe; needs no open JVM.
 */
JB_API void jb_string_free(char *s);

/**
 * @brief Frees a byte array that a jb_ function returned.
 * @param bytes the array, or NULL (nothing happens).
 * @note Thread-safe; needs no open JVM.
 */
JB_API void jb_bytes_free(void *bytes);

#ifdef __cplusplus
}
#endif

#endif
