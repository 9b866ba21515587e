/**
 * @file loader.h
 * @brief Class loaders made after the JVM is up: jars and folders chosen at run time.
 *
 * jb_loader_new() makes a java.net.URLClassLoader over jar files and class folders (and
 * "dir/\*", every .jar directly in dir, sorted by name), whose parent is the system class
 * loader: classes on the JVM's own class path win, as in any Java program. Classes, methods
 * and fields are then found through it with the jb_loader_find_*() functions, which take the
 * same names, signatures and descriptors as method.h and field.h and return the same handles;
 * a parameter or field type is resolved through the loader too.
 *
 * Lifetime: jb_loader_free() drops javabridge's reference to the loader. The loader and its
 * classes become collectable by the JVM once nothing else holds them: every jb_method,
 * jb_field and jb_object that came from it must be freed as well (each holds its class, and a
 * class holds its loader). The loader's jar files stay open until it is collected.
 *
 * All functions are thread-safe. No loader outlives the last jb_vm_close().
 */
#ifndef JAVABRIDGE_LOADER_H
#define JAVABRIDGE_LOADER_H

#include <stddef.h>

#include "javabridge/export.h"
#include "javabridge/field.h"
#include "javabridge/method.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A class loader made by jb_loader_new(). Opaque: never dereference it. */
typedef struct jb_loader jb_loader;

/**
 * @brief Makes a class loader over jar files and class folders.
 * @param paths count UTF-8 paths, each a jar file, a folder of classes, or "dir/\*" (the
 *   .jar files directly in dir); borrowed. Paths that do not exist are kept (as Java's class
 *   path does): classes are simply not found there.
 * @param count the number of paths (0 gives a loader that finds only what its parent finds).
 * @param[out] out receives the loader, to free with jb_loader_free(); untouched on failure.
 * @return JB_OK; JB_EINVAL (paths NULL with count > 0, out NULL, a NULL or empty path, a path
 *   holding the path-list separator, or a "dir/\*" whose dir cannot be listed: the message
 *   names it); JB_EENCODING (a path not valid UTF-8); JB_ENOT_OPEN; JB_EATTACH; JB_ENOMEM;
 *   JB_EJAVA (Java refused a path, for example a malformed one).
 * @note Thread-safe.
 */
JB_API int jb_loader_new(const char *const *paths, size_t count, jb_loader **out);

/**
 * @brief Drops a class loader (see the lifetime rule above).
 * @param loader a loader, or NULL (nothing happens).
 * @return JB_OK (also for NULL); JB_EHANDLE if loader is forged, of another kind, freed twice,
 *   or already freed by the last jb_vm_close().
 * @note Thread-safe; lookups already running through it finish first. Handles found through it
 *   stay valid.
 */
JB_API int jb_loader_free(jb_loader *loader);

/**
 * @brief The loader as a Java object (a java.lang.ClassLoader), for example to pass to Java.
 * @param loader a live loader.
 * @param[out] out receives a new reference, to free with jb_object_free() (which the loader's
 *   collection also waits for).
 * @return JB_OK; JB_EINVAL (out NULL); JB_EHANDLE; JB_ENOT_OPEN; JB_EATTACH; JB_ENOMEM.
 * @note Thread-safe.
 */
JB_API int jb_loader_object(jb_loader *loader, jb_object **out);

/**
 * @brief Finds a class through the loader and returns its java.lang.Class object.
 * @param loader a live loader.
 * @param class_name binary class name in UTF-8 ("com.example.Foo", "com.example.Foo$Inner");
 *   borrowed.
 * @param[out] out receives a new reference to the Class, to free with jb_object_free().
 * @return JB_OK; JB_EINVAL (a NULL argument, an empty name); JB_EHANDLE; JB_EENCODING;
 *   JB_ECLASS (not found, or failed to initialise: the last error holds the Java exception);
 *   JB_ENOT_OPEN; JB_EATTACH; JB_ENOMEM.
 * @note Thread-safe. The class is initialised, as a method lookup does.
 */
JB_API int jb_loader_find_class(jb_loader *loader, const char *class_name, jb_object **out);

/**
 * @brief jb_method_find_static() through a loader.
 * @param loader a live loader.
 * @param class_name as jb_method_find_static(); borrowed.
 * @param method_name as jb_method_find_static(); borrowed.
 * @param signature as jb_method_find_static(); borrowed.
 * @param[out] out receives a handle to free with jb_method_free().
 * @return the codes of jb_method_find_static(), JB_EINVAL for a NULL loader, JB_EHANDLE for one that is not live (checked first).
 * @note Thread-safe.
 */
JB_API int jb_loader_find_static(jb_loader *loader, const char *class_name, const char *method_name,
                                 const char *signature, jb_method **out);

/**
 * @brief jb_method_find_instance() through a loader.
 * @param loader a live loader.
 * @param class_name as jb_method_find_instance(); borrowed.
 * @param method_name as jb_method_find_instance(); borrowed.
 * @param signature as jb_method_find_instance(); borrowed.
 * @param[out] out receives a handle to free with jb_method_free().
 * @return the codes of jb_method_find_instance(), JB_EINVAL for a NULL loader, JB_EHANDLE for one that is not live (checked first).
 * @note Thread-safe.
 */
JB_API int jb_loader_find_instance(jb_loader *loader, const char *class_name, const char *method_name,
                                   const char *signature, jb_method **out);

/**
 * @brief jb_method_find_constructor() through a loader.
 * @param loader a live loader.
 * @param class_name as jb_method_find_constructor(); borrowed.
 * @param signature as jb_method_find_constructor(); borrowed.
 * @param[out] out receives a handle to free with jb_method_free().
 * @return the codes of jb_method_find_constructor(), JB_EINVAL for a NULL loader, JB_EHANDLE for one that is not live (checked first).
 * @note Thread-safe.
 */
JB_API int jb_loader_find_constructor(jb_loader *loader, const char *class_name, const char *signature,
                                      jb_method **out);

/**
 * @brief jb_field_find_static() through a loader.
 * @param loader a live loader.
 * @param class_name as jb_field_find_static(); borrowed.
 * @param field_name as jb_field_find_static(); borrowed.
 * @param descriptor as jb_field_find_static(); borrowed.
 * @param[out] out receives a handle to free with jb_field_free().
 * @return the codes of jb_field_find_static(), JB_EINVAL for a NULL loader, JB_EHANDLE for one that is not live (checked first).
 * @note Thread-safe.
 */
JB_API int jb_loader_find_field_static(jb_loader *loader, const char *class_name, const char *field_name,
                                       const char *descriptor, jb_field **out);

/**
 * @brief jb_field_find_instance() through a loader.
 * @param loader a live loader.
 * @param class_name as jb_field_find_instance(); borrowed.
 * @param field_name as jb_field_find_instance(); borrowed.
 * @param descriptor as jb_field_find_instance(); borrowed.
 * @param[out] out receives a handle to free with jb_field_free().
 * @return the codes of jb_field_find_instance(), JB_EINVAL for a NULL loader, JB_EHANDLE for one that is not live (checked first).
 * @note Thread-safe.
 */
JB_API int jb_loader_find_field_instance(jb_loader *loader, const char *class_name, const char *field_name,
                                         const char *descriptor, jb_field **out);

#ifdef __cplusplus
}
#endif

#endif
