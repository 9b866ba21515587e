/**
 * @file jnikit/module.h
 * @brief JNI_OnLoad from a table: version check, RegisterNatives, modules that unwind.
 *
 * A library describes itself once:
 * @code
 * static const JNINativeMethod math_methods[] = {
 *     {"add", "(II)J", (void *)Java_com_example_MathNative_add},
 * };
 * static const jbk_class_natives natives[] = {
 *     {"com/example/MathNative", math_methods, 1},
 * };
 * static const jbk_library library = {
 *     .name = "example", .package = "com/example", .jni_version = JNI_VERSION_1_8,
 *     .natives = natives, .natives_count = 1,
 * };
 * JBK_DEFINE_JNI_ONLOAD(library)
 * @endcode
 *
 * jbk_on_load then, in order: checks that the JVM offers @c jni_version; finds the package the
 * library's classes really live in; caches the kit's exception classes; registers every table
 * under that package; and loads each module. When a step fails, what the earlier steps did is
 * undone in reverse (modules unloaded, natives unregistered, caches freed) and the load fails
 * with the Java exception that explains it pending (System.load reports it).
 *
 * **Relocation.** Class names and signatures given to the kit are written with the build's
 * package (@c package, "dev/javabridge"). When the library is loaded by
 * `dev.javabridge.NativeLoader.load(anchor, name)`, the runtime package is the anchor class's
 * package, so a copy shaded into another package (maven-shade relocation) binds its natives
 * there; the anchor must sit in @c package at build time. Loaded any other way (a plain
 * System.load), the build's package is used. Classes are then looked up through the anchor's
 * class loader.
 *
 * **Class loaders.** A strong global reference to a class of the library's own class loader
 * keeps that loader (and the library) alive forever. Hold such classes with jbk_weak_class;
 * method and field IDs need no reference (they live as long as their class).
 *
 * One jbk_library per shared library: the kit keeps its state per copy of the static library.
 */
#ifndef JAVABRIDGE_JNIKIT_MODULE_H
#define JAVABRIDGE_JNIKIT_MODULE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The oldest JNI version the kit accepts in jbk_library.jni_version. */
#define JBK_JNI_VERSION_MIN JNI_VERSION_1_8

/**
 * One step of JNI_OnLoad, for example caching one class's IDs. @c load returns 0, or -1 with an
 * exception pending (a kit lookup leaves NoClassDefFoundError or NoSuchMethodError). @c unload
 * (may be NULL) frees what @c load made; it runs in JNI_OnUnload, and in JNI_OnLoad when a later
 * step fails, never after a failed @c load of its own (which must clean up after itself).
 */
typedef struct jbk_module {
    const char *name;
    int (*load)(JNIEnv *env);
    void (*unload)(JNIEnv *env);
} jbk_module;

/** The natives of one class: its JNI name with the build's package, and its methods. */
typedef struct jbk_class_natives {
    const char *class_name;
    const JNINativeMethod *methods;
    jint count;
} jbk_class_natives;

/** What a library is (see the file comment). Tables may be NULL when their counts are 0. */
typedef struct jbk_library {
    const char *name;        /**< for error messages ("javabridge_guide") */
    const char *package;     /**< the build's package, JNI form ("dev/javabridge"); "" for none */
    jint jni_version;        /**< JNI_VERSION_1_8 or later; the JVM must offer it */
    const jbk_class_natives *natives;
    size_t natives_count;
    const jbk_module *modules;
    size_t module_count;
} jbk_library;

/** The body of JNI_OnLoad: returns lib->jni_version, or JNI_ERR (JNI_EVERSION for a JVM too old
 *  or a jni_version below JBK_JNI_VERSION_MIN) after undoing every step it took. */
JBK_LOCAL jint jbk_on_load(JavaVM *vm, const jbk_library *lib);

/** The body of JNI_OnUnload: unloads the modules in reverse order and frees the kit's caches. */
JBK_LOCAL void jbk_on_unload(JavaVM *vm, const jbk_library *lib);

/** Defines JNI_OnLoad and JNI_OnUnload (the library's only exports) for @p lib. */
#define JBK_DEFINE_JNI_ONLOAD(lib)                                                                  \
    JBK_EXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {                               \
        (void)reserved;                                                                            \
        return jbk_on_load(vm, &(lib));                                                            \
    }                                                                                              \
    JBK_EXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {                             \
        (void)reserved;                                                                            \
        jbk_on_unload(vm, &(lib));                                                                 \
    }

/** The JavaVM the library was loaded into (for callbacks from native threads), or NULL. */
JBK_LOCAL JavaVM *jbk_vm(void);

/** The package the library's classes live in at run time, JNI form ("shaded/dev/javabridge"). */
JBK_LOCAL const char *jbk_runtime_package(void);

/**
 * Writes @p name (a class name or a signature, JNI form) into @p out with every class of the
 * build's package moved to the runtime package. Returns 0, or -1 when it does not fit.
 */
JBK_LOCAL int jbk_relocate(const char *name, char *out, size_t size);

/**
 * A local reference to the class @p name (JNI form, relocated), looked up through the anchor's
 * class loader during JNI_OnLoad and through FindClass's loader afterwards. NULL with
 * NoClassDefFoundError pending.
 */
JBK_LOCAL jclass jbk_find_class(JNIEnv *env, const char *name);

/** A strong global reference to the class @p name: for JDK classes only (see the file comment).
 *  NULL with an exception pending. Free with DeleteGlobalRef. */
JBK_LOCAL jclass jbk_global_class(JNIEnv *env, const char *name);

/** A weak global reference to the class @p name, which lets its loader be collected. Use it as
 *  `(jclass)jweak` only while a class of that loader is running (any of the library's natives);
 *  free with DeleteWeakGlobalRef. NULL with an exception pending. */
JBK_LOCAL jweak jbk_weak_class(JNIEnv *env, const char *name);

/** GetMethodID / GetStaticMethodID with @p signature relocated. NULL with NoSuchMethodError pending. */
JBK_LOCAL jmethodID jbk_method(JNIEnv *env, jclass cls, const char *name, const char *signature);
JBK_LOCAL jmethodID jbk_static_method(JNIEnv *env, jclass cls, const char *name, const char *signature);

/** GetFieldID / GetStaticFieldID with @p signature relocated. NULL with NoSuchFieldError pending. */
JBK_LOCAL jfieldID jbk_field(JNIEnv *env, jclass cls, const char *name, const char *signature);
JBK_LOCAL jfieldID jbk_static_field(JNIEnv *env, jclass cls, const char *name, const char *signature);

#ifdef __cplusplus
}
#endif

#endif
