/**
 * @file proxy.h
 * @brief Java interfaces implemented in C: a Java object whose methods call a C handler.
 *
 * jb_proxy_new() makes a java.lang.reflect.Proxy implementing one or more interfaces; every
 * call of one of their methods, on any Java thread, reaches the one C handler with the method's
 * name and its arguments as C values (jb_proxy_call_arg()); the handler sets the result with
 * jb_proxy_call_return() or fails with jb_proxy_call_throw(), which Java sees as an exception of
 * the class the handler names.
 *
 * equals, hashCode and toString: when the handler returns JB_PROXY_UNHANDLED for them they
 * behave as Object's do (identity; "jb_proxy@<hex hash>"). A default method for which the
 * handler returns JB_PROXY_UNHANDLED runs its Java body. Any other method left unhandled throws
 * UnsupportedOperationException.
 *
 * After jb_proxy_free(), every later call from Java throws IllegalStateException and never
 * reaches the handler or its user data; calls already inside the handler finish first (jb_proxy_free
 * does not wait for them: the user data must outlive them, see jb_proxy_free()).
 *
 * A faster route, with the same behaviour: when every abstract method of the interfaces takes
 * and returns primitive types only (none is a default method) and the proxy class would be
 * defined in the system class loader (jb_proxy_new(), not jb_proxy_new_in()), the object is
 * instead an instance of a class javabridge defines once for that interface set, whose methods
 * are `native` and bound as host natives (natives.h): Java then calls them directly, without
 * boxing (see BENCHMARKS.md). Such a class stays for the life of the process and keeps one host
 * native slot per method (its interfaces' plus equals, hashCode and toString); all of them
 * together keep at most JB_NATIVES_MAX / 4 slots, past which java.lang.reflect.Proxy serves.
 */
#ifndef JAVABRIDGE_PROXY_H
#define JAVABRIDGE_PROXY_H

#include <stddef.h>

#include "javabridge/call.h"
#include "javabridge/export.h"
#include "javabridge/loader.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A C implementation behind Java proxies. Opaque. */
typedef struct jb_proxy jb_proxy;

/** One Java call of a proxy method, valid only while the handler runs, on its thread. Opaque. */
typedef struct jb_proxy_call jb_proxy_call;

/** A handler's return value meaning "not implemented here": see the file comment. */
#define JB_PROXY_UNHANDLED 1

/**
 * @brief The handler: called on the Java thread that called the method. It may call jb_
 *   functions, including calls into Java; they find classes through the system class loader.
 * @param call the call: its method, arguments, result and exception.
 * @param user_data the pointer given to jb_proxy_new().
 * @return JB_OK (the result set with jb_proxy_call_return(), or none for void or a null
 *   reference); JB_PROXY_UNHANDLED; any negative value: Java gets the exception set with
 *   jb_proxy_call_throw(), or else a java.lang.RuntimeException naming the code.
 */
typedef int (*jb_proxy_fn)(jb_proxy_call *call, void *user_data);

/**
 * @brief Creates a proxy object implementing the named interfaces.
 * @param interfaces count binary interface names ("java.lang.Runnable"), borrowed; found as
 *   jb_method_find_static() finds classes. The proxy class is defined in the loader of the first
 *   interface not loaded by the bootstrap loader (so java.lang.Runnable mixes with the host's own).
 * @param count 1 or more.
 * @param fn the handler (not NULL).
 * @param user_data passed back to fn; never dereferenced by the library.
 * @param[out] out_proxy receives the handle to free with jb_proxy_free().
 * @param[out] out_object receives the Java object, freed with jb_object_free() (independently
 *   of the proxy: the object may outlive it, then its methods throw).
 * @return JB_OK; JB_EINVAL (a NULL argument, count 0); JB_EENCODING; JB_ECLASS (a name not
 *   found, or not an interface: the last error says which); JB_ENOT_OPEN; JB_EATTACH;
 *   JB_EJAVA (Proxy refused the set, for example two interfaces with clashing methods); JB_ENOMEM.
 * @note Thread-safe.
 */
JB_API int jb_proxy_new(const char *const *interfaces, size_t count, jb_proxy_fn fn, void *user_data,
                        jb_proxy **out_proxy, jb_object **out_object);

/**
 * @brief jb_proxy_new() with the interfaces found through a class loader, for interfaces that
 *   only a jb_loader's jars or folders hold (the proxy class is then defined in that loader).
 * @param loader a live loader (jb_loader_new()).
 * @param interfaces as jb_proxy_new(), found as jb_loader_find_class() finds classes.
 * @param count as jb_proxy_new().
 * @param fn as jb_proxy_new().
 * @param user_data as jb_proxy_new().
 * @param[out] out_proxy as jb_proxy_new().
 * @param[out] out_object as jb_proxy_new(); while it lives, it keeps the loader's classes
 *   loaded.
 * @return as jb_proxy_new(); also JB_EINVAL for a NULL loader, JB_EHANDLE for a freed or
 *   forged one.
 * @note Thread-safe.
 */
JB_API int jb_proxy_new_in(jb_loader *loader, const char *const *interfaces, size_t count, jb_proxy_fn fn,
                           void *user_data, jb_proxy **out_proxy, jb_object **out_object);

/**
 * @brief Detaches the handler: later calls from Java throw IllegalStateException.
 *   Calls already in the handler finish; free the user data only once they have (for
 *   example after joining the Java threads that use the proxy).
 * @param proxy a handle, or NULL (nothing happens).
 * @return JB_OK; JB_EHANDLE if forged or freed already. Needs no open JVM.
 * @note Thread-safe.
 */
JB_API int jb_proxy_free(jb_proxy *proxy);

/**
 * @brief The called method's name.
 * @param call the call the handler was given, or NULL.
 * @return the name ("run", "compare") in UTF-8, owned by the call and valid only while the handler
 *   runs (do not free it); "" for a NULL call.
 */
JB_API const char *jb_proxy_call_method(const jb_proxy_call *call);

/**
 * @brief The number of arguments of the call.
 * @param call the call the handler was given, or NULL.
 * @return the argument count; 0 for a NULL call.
 */
JB_API size_t jb_proxy_call_arg_count(const jb_proxy_call *call);

/**
 * @brief Argument index as a C value, by its run-time Java type: Integer as jb_arg_int32, Long
 *   int64, Double double, Float float, Short int16, Byte int8, Character uint16, Boolean bool,
 *   String a UTF-8 string (an unpaired surrogate becomes U+FFFD), null JB_ARG_NULL, anything else
 *   a jb_object.
 * @param call the call the handler was given.
 * @param index the argument's position, from 0 to jb_proxy_call_arg_count() - 1.
 * @param[out] out receives the value. Strings and objects are borrowed: valid until the handler
 *   returns (keep an object longer by calling a method that returns it, or not at all).
 * @return JB_OK; JB_EINVAL (call or out NULL, index out of range); JB_ENOMEM.
 */
JB_API int jb_proxy_call_arg(jb_proxy_call *call, size_t index, jb_arg *out);

/**
 * @brief Sets the call's result, checked and converted for the method's declared return type as
 *   a call argument is for a parameter (call.h): jb_arg_int32 for int, jb_arg_string for String
 *   or Object, jb_arg_object, jb_arg_null for any reference type...; a primitive result is boxed.
 * @param call the call the handler was given.
 * @param value the result; borrowed (strings and arrays are copied, an object is referenced anew).
 *   A later call replaces an earlier result.
 * @return JB_OK; JB_EINVAL (call NULL, an unknown jb_arg_type); JB_ETYPE (does not fit the return
 *   type, or void); JB_ERANGE; JB_EENCODING; JB_EHANDLE; JB_ENOMEM; JB_EJAVA (the return type
 *   could not be read). A handler returning JB_OK without a result for a
 *   primitive return type makes Java throw NullPointerException, as Proxy does.
 */
JB_API int jb_proxy_call_return(jb_proxy_call *call, jb_arg value);

/**
 * @brief jb_proxy_call_return() with the result passed by address: the same checks, results and
 *   errors, and cheaper on a hot path, as jb_native_call_set_result() is (natives.h):
 *   `jb_arg r = jb_arg_int32(sum); return jb_proxy_call_set_result(call, &r);`.
 * @param call the call the handler was given.
 * @param result the result; borrowed, read before the function returns.
 * @return as jb_proxy_call_return(); JB_EINVAL also when result is NULL.
 */
JB_API int jb_proxy_call_set_result(jb_proxy_call *call, const jb_arg *result);

/**
 * @brief Makes the call throw, once the handler returns a negative value.
 * @param call the call the handler was given.
 * @param exception_class binary name of a Throwable class with a (String) constructor, for
 *   example "java.lang.IllegalArgumentException"; NULL for java.lang.RuntimeException. If it
 *   cannot be found or made, Java gets a RuntimeException saying so, with the message.
 * @param message UTF-8 (invalid bytes become U+FFFD), or NULL for none; both are copied.
 * @return JB_OK; JB_EINVAL (call NULL); JB_ENOMEM.
 */
JB_API int jb_proxy_call_throw(jb_proxy_call *call, const char *exception_class, const char *message);

#ifdef __cplusplus
}
#endif

#endif
