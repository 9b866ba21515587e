/**
 * @file natives.h
 * @brief Host natives: C functions registered as the native methods of a Java class.
 *
 * A C host that loads Java code (jb_loader_new(), the class path) can give that code native
 * methods without a JNI library: jb_register_natives() binds each `native` method of a class to
 * a C function taking javabridge's plain C values (the jb_arg carriers of call.h), so Java calls
 * back into the host. Any Java thread may call them; the function may call any jb_ function.
 *
 * Parameters reach the function as exact-type carriers: boolean as jb_arg_bool, byte
 * jb_arg_int8, short jb_arg_int16, char jb_arg_uint16, int jb_arg_int32, long jb_arg_int64,
 * float jb_arg_float, double jb_arg_double, a String as UTF-8 (jb_arg_string_n; an unpaired
 * surrogate becomes U+FFFD), any other reference as a borrowed jb_object, Java null as
 * JB_ARG_NULL.
 *
 * Limits: at most 4 parameters of integer or reference types (boolean, byte, short, char,
 * int, long, references) and 8 of float or double type (on Windows x64, none of float or
 * double type); at most JB_NATIVES_MAX methods registered at once in the process, less the
 * slots proxies keep (at most JB_NATIVES_MAX / 4, see proxy.h). A
 * registration past them fails with JB_ESIGNATURE or JB_ERANGE, before anything is bound.
 * An unbound method's entry point is reused for another method only if a Java call that was
 * already on its way into the old one can be told apart (by its class or receiver): never for
 * another method of the same class or of a sub- or superclass. So when the only entry points
 * free last served such methods, JB_ERANGE says so, even below JB_NATIVES_MAX.
 * Each registered method is bound to its own precompiled entry point, so a call costs one
 * JNI native call plus the conversion of its arguments (see BENCHMARKS.md).
 */
#ifndef JAVABRIDGE_NATIVES_H
#define JAVABRIDGE_NATIVES_H

#include <stddef.h>

#include "javabridge/call.h"
#include "javabridge/export.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The most host natives bound at once in a process. */
#define JB_NATIVES_MAX 256

/** One Java call of a host native, valid only while its function runs, on its thread. Opaque. */
typedef struct jb_native_call jb_native_call;

/**
 * @brief A host native: called on the Java thread that called the native method.
 * @param call the call: its result and exception.
 * @param args nargs arguments as C values (see the file comment); strings and objects are
 *   borrowed, valid until the function returns.
 * @param nargs the method's parameter count.
 * @param user_data the pointer given in its jb_native_method.
 * @return JB_OK (the result set with jb_native_call_return(), or none: void, zero, false or
 *   null; a Java exception the function left pending through raw JNI is thrown); any negative value: Java gets the exception set with jb_native_call_throw(), or else
 *   a java.lang.RuntimeException naming the code.
 */
typedef int (*jb_native_fn)(jb_native_call *call, const jb_arg *args, size_t nargs, void *user_data);

/** One native method to bind. */
typedef struct jb_native_method {
    const char *name;      /**< The method's name, UTF-8 ("add"). */
    const char *signature; /**< Its JNI descriptor ("(II)I"). */
    jb_native_fn fn;       /**< The C function (not NULL). */
    void *user_data;       /**< Passed back to fn; never dereferenced by the library. */
} jb_native_method;

/**
 * @brief Binds C functions to native methods of a class (JNI RegisterNatives).
 * @param class_object the class, a java.lang.Class; borrowed. From jb_loader_find_class(), or
 *   for a class of the class path from Class.forName(name, true,
 *   ClassLoader.getSystemClassLoader()) through jb_call_static_object() (the one-argument
 *   forName called from C has no caller class and looks in the bootstrap loader only).
 * @param methods count methods; borrowed (the names and signatures are copied).
 * @param count 1 or more.
 * @return JB_OK; JB_EINVAL (a NULL argument or member, count 0, the same name and signature
 *   twice in methods); JB_EHANDLE (class_object not
 *   live); JB_ETYPE (class_object is not a Class); JB_EENCODING; JB_ESIGNATURE (a malformed
 *   descriptor, or one past the limits above); JB_EMETHOD (no such method in the class, static
 *   or instance, or it is not declared `native`: the last error says which); JB_ERANGE (more
 *   than JB_NATIVES_MAX bound, or no free entry point can serve it: see the file comment); JB_ENOT_OPEN; JB_EATTACH; JB_EJAVA; JB_ENOMEM. All or none:
 *   on failure nothing of this call is bound. Binding a method again replaces its function.
 * @note Thread-safe. The class stays loaded (its loader uncollectable) until
 *   jb_unregister_natives().
 */
JB_API int jb_register_natives(jb_object *class_object, const jb_native_method *methods, size_t count);

/**
 * @brief Unbinds the native methods jb_register_natives() bound on a class and frees what it
 *   kept for them: later Java calls throw UnsatisfiedLinkError, and the class and its loader
 *   may be collected. Calls already in a function finish; free their user data only once they
 *   have. Natives bound otherwise (by a library's JNI_OnLoad) stay bound. Safe while Java
 *   threads call the methods: each is rebound to a function that throws, never left unbound
 *   (JNI UnregisterNatives, which HotSpot does not make safe against concurrent callers).
 * @param class_object the class given to jb_register_natives(); borrowed.
 * @return JB_OK (also when nothing was bound); JB_EINVAL (NULL); JB_EHANDLE; JB_ETYPE (not a
 *   Class); JB_ENOT_OPEN; JB_EATTACH; JB_EJAVA.
 * @note Thread-safe.
 */
JB_API int jb_unregister_natives(jb_object *class_object);

/**
 * @brief Sets the call's result, checked against the method's return type as an argument is
 *   against a parameter (call.h): jb_arg_int32 for int, jb_arg_string for String, ...
 * @param call the call the function was given.
 * @param value the result; borrowed (strings and arrays are copied). A later call replaces
 *   an earlier result.
 * @return JB_OK; JB_EINVAL (call NULL); JB_ETYPE (does not fit, or the method returns void);
 *   JB_ERANGE; JB_EENCODING; JB_EHANDLE; JB_ENOMEM.
 */
JB_API int jb_native_call_return(jb_native_call *call, jb_arg value);

/**
 * @brief jb_native_call_return() with the result passed by address: the same checks, results
 *   and errors, and cheaper on a hot path (a jb_arg built and then passed by value is copied
 *   through the stack, which stalls on store forwarding; through a pointer it is read in
 *   place): `jb_arg r = jb_arg_int32(sum); return jb_native_call_set_result(call, &r);`.
 * @param call the call the function was given.
 * @param result the result; borrowed, read before the function returns.
 * @return as jb_native_call_return(); JB_EINVAL also when result is NULL.
 */
JB_API int jb_native_call_set_result(jb_native_call *call, const jb_arg *result);

/**
 * @brief Makes the call throw once the function returns a negative value.
 * @param call the call the function was given.
 * @param exception_class binary name of a Throwable class with a (String) constructor, found
 *   from the native's class ("java.lang.IllegalArgumentException"); NULL for
 *   java.lang.RuntimeException. If it cannot be found or thrown, Java gets an
 *   IllegalStateException saying so, with the message.
 * @param message UTF-8 (bytes that are not become '?'), or NULL for none; both are copied.
 * @return JB_OK; JB_EINVAL (call NULL); JB_ENOMEM.
 */
JB_API int jb_native_call_throw(jb_native_call *call, const char *exception_class, const char *message);

#ifdef __cplusplus
}
#endif

#endif
