/**
 * @file method.h
 * @brief Looking up a Java method once, to call it many times.
 *
 * A jb_method holds a global reference to its class and the method ID, both resolved at
 * lookup, plus the parsed signature that every call checks its arguments against.
 * Class names may be written "java.lang.Math" or "java/lang/Math"; nested classes use '$'.
 * Classes are found by the system class loader (the JVM's class path), or, when called from a
 * native method of a Java class, by that class's loader.
 * Signatures are JNI method descriptors, for example "(ILjava/lang/String;)[B".
 */
#ifndef JAVABRIDGE_METHOD_H
#define JAVABRIDGE_METHOD_H

#include "javabridge/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A resolved Java method or constructor. Opaque: never dereference it. */
typedef struct jb_method jb_method;

/**
 * @brief Looks up a static method.
 * @param class_name binary class name in UTF-8; borrowed.
 * @param method_name the method's name; borrowed.
 * @param signature its JNI descriptor; borrowed.
 * @param[out] out receives a handle to free with jb_method_free(); untouched on failure.
 * @return JB_OK; JB_EINVAL (a NULL argument, an empty name); JB_ESIGNATURE (malformed
 *   signature); JB_EENCODING (names not valid UTF-8); JB_ECLASS (class, or a class named in
 *   the signature, not found or failed to initialise: the last error has the Java exception);
 *   JB_EMETHOD (no such static method, or a name with '<': "<init>" and "<clinit>" are not
 *   ordinary methods, see jb_method_find_constructor()); JB_ENOT_OPEN; JB_EVM_DESTROYED;
 *   JB_EATTACH; JB_ENOMEM.
 * @note Thread-safe.
 */
JB_API int jb_method_find_static(const char *class_name, const char *method_name, const char *signature,
                                 jb_method **out);

/**
 * @brief Looks up an instance method (including one inherited or declared by an interface).
 * Ownership and return codes as jb_method_find_static(); JB_EMETHOD if the method is static or
 * absent.
 * @param class_name the class, as for jb_method_find_static().
 * @param method_name the method's name.
 * @param signature its JNI descriptor, for example "(Ljava/lang/String;)I".
 * @param[out] out receives the handle, freed with jb_method_free().
 * @return JB_OK or a code as for jb_method_find_static().
 */
JB_API int jb_method_find_instance(const char *class_name, const char *method_name, const char *signature,
                                   jb_method **out);

/**
 * @brief Looks up a constructor; its signature returns void, for example "(I)V".
 * Ownership and return codes as jb_method_find_static(); JB_ESIGNATURE if the signature does
 * not return V; JB_ECLASS if the class is abstract or an interface.
 * @param class_name the class, as for jb_method_find_static().
 * @param signature the constructor's JNI descriptor.
 * @param[out] out receives the handle, for jb_call_new(), freed with jb_method_free().
 * @return JB_OK or a code as for jb_method_find_static().
 */
JB_API int jb_method_find_constructor(const char *class_name, const char *signature, jb_method **out);

/**
 * @brief Frees a method handle. Calls already running with it, on other threads or further up
 *   this thread's stack, finish normally: the handle's memory is released once the last of them
 *   has left, without making this call wait. Later calls with it get JB_EHANDLE.
 * @param method a handle, or NULL (nothing happens).
 * @return JB_OK (also for NULL); JB_EHANDLE if method is forged, of another kind, freed twice,
 *   or already freed by the last jb_vm_close() (harmless: nothing is left to free).
 * @note Thread-safe.
 */
JB_API int jb_method_free(jb_method *method);

#ifdef __cplusplus
}
#endif

#endif
