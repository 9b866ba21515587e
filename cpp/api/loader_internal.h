/*
 * Class loaders (loader.c) and the class lookup every method and field lookup goes through, so
 * that a lookup through a jb_loader resolves its class and its parameter classes there.
 */
#ifndef JB_API_LOADER_INTERNAL_H
#define JB_API_LOADER_INTERNAL_H

#include <jni.h>

#include "javabridge/field.h"
#include "javabridge/method.h"
#include "method_internal.h"

/*
 * A local reference to the class named in JNI form ("java/lang/String", or an array
 * descriptor "[Ljava/lang/String;"), in modified UTF-8, initialised as FindClass does: by
 * FindClass when loader is NULL, else by Class.forName through loader. NULL with an exception
 * pending when there is no such class.
 */
jclass jbi_find_class(JNIEnv *env, jobject loader, const char *jni_name);

/* The lookups behind jb_method_find_* and jb_field_find_* (loader NULL) and jb_loader_find_*. */
int jbi_method_find(jobject loader, jbi_method_kind kind, const char *class_name, const char *method_name,
                    const char *signature, jb_method **out);
int jbi_field_find(jobject loader, jbi_method_kind kind, const char *class_name, const char *field_name,
                   const char *descriptor, jb_field **out);

/* The IDs loader.c uses, cached once per JVM by ext_ids.c: JB_OK, or JB_EINTERNAL with an
 * exception possibly pending (the caller clears it). */
int jbi_loader_ids_load(JNIEnv *env);
void jbi_loader_ids_release(JNIEnv *env);

#endif
