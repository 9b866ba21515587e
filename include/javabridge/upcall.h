/**
 * @file upcall.h
 * @brief A plain C function pointer for a static Java method (FFM upcall stubs, JDK 22 and later).
 *
 * jb_method_upcall() turns a jb_method of a static method whose parameters and result are all
 * primitive into an ordinary C function: cast it to the C type of the signature and call it as
 * any C function. No jb_arg, no status code, no handle lookup: the JDK's Foreign Function and
 * Memory API (java.lang.foreign, final since JDK 22) builds the stub, and the JIT compiles the
 * crossing, which makes it cheaper than JNI's CallStaticIntMethod (see BENCHMARKS.md).
 *
 * | Java parameter/result | C type     |
 * |-----------------------|------------|
 * | boolean (Z)           | bool       |
 * | byte (B)              | int8_t     |
 * | char (C)              | uint16_t   |
 * | short (S)             | int16_t    |
 * | int (I)               | int32_t    |
 * | long (J)              | int64_t    |
 * | float (F)             | float      |
 * | double (D)            | double     |
 * | void (V, result only) | void       |
 *
 * @code
 * jb_method *add = NULL;
 * jb_upcall_fn fn = NULL;
 * if (jb_method_find_static("com.example.Ops", "add", "(II)I", &add) == JB_OK &&
 *     jb_method_upcall(add, &fn) == JB_OK) {
 *     int32_t (*add_fn)(int32_t, int32_t) = (int32_t (*)(int32_t, int32_t))fn;
 *     int32_t sum = add_fn(2, 3);
 *     if (jb_upcall_check() != JB_OK) { ... the last error says what Java threw ... }
 * }
 * @endcode
 *
 * **Exceptions** never reach C and never end the JVM (an FFM upcall that throws would): the
 * stub catches any Throwable, records it as the calling thread's last error (JB_EJAVA, with the
 * exception's class, message and stack trace, as jb_call_* records it), raises the thread's
 * upcall flag and returns zero (false, 0, 0.0, nothing for void). A caller that cares calls
 * jb_upcall_check() after the call: it returns the flag's code and lowers it. The flag stays
 * raised until checked, so one check after a run of calls tells whether any of them failed (the
 * last error then describes the last failure).
 *
 * **Lifetime**: the pointer is valid as long as its jb_method. jb_method_free() does not release
 * the stub's code: it points the stub at a refusal, so a call through a kept pointer afterwards
 * returns zero, records JB_EHANDLE and raises the flag, and never jumps into freed memory. What
 * stays behind per freed stub is its code (about 1.4 KiB of the JVM's code cache, measured on
 * JDK 25 by Upcall.FreedStubsKeepOnlyTheirCode) and a small Java object; the method's class is no
 * longer referenced. So make a pointer once per method and keep it: a program that makes and
 * frees pointers without end fills the code cache. Calling the pointer after the
 * last jb_vm_close() destroyed the JVM is undefined (there is no JVM to run it).
 *
 * **Threads**: any thread may call the pointer, at any time while the JVM runs, including one
 * javabridge never saw. A thread javabridge attached (any jb_call_* made it) or a Java thread
 * calling into C runs the stub as it is. A thread not attached at all is attached by the JVM for
 * the call and detached when the thread exits (the JDK's own thread-exit hook), so thousands of
 * short-lived threads leave no Java threads behind; javabridge's per-thread state for such a
 * thread, made only if one of its calls fails, is freed at its exit too.
 *
 * **Warning**: FFM's upcallStub is a restricted method; the JDK prints a one-time warning on stderr
 * unless the JVM options (jb_vm_options.jvm_options) include "--enable-native-access=ALL-UNNAMED"
 * (javabridge's helper is defined in an unnamed module). A JVM that denies it native access
 * (JDK 24+: --illegal-native-access=deny; JDK 22-23: an --enable-native-access list without
 * ALL-UNNAMED) refuses: jb_method_upcall returns JB_EJAVA with the JDK's IllegalCallerException.
 *
 * **\@CExport**: generated functions of methods with primitive signatures call through this stub
 * themselves when it can be made quietly (JDK 22+ with native access enabled), and through
 * jb_call_* otherwise; they return codes as always and leave this thread's flag as it was
 * (cexport.h, jb_cexport_upcall_begin).
 *
 * **JDK 17 to 21**: no FFM. jb_method_upcall() returns JB_EUNSUPPORTED with a message naming JDK
 * 22 as the one needed; jb_call_* (call.h) calls the same method on every JDK.
 */
#ifndef JAVABRIDGE_UPCALL_H
#define JAVABRIDGE_UPCALL_H

#include "javabridge/export.h"
#include "javabridge/method.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A C function of no particular type: cast it to the method's own (table in upcall.h). */
typedef void (*jb_upcall_fn)(void);

/**
 * @brief The C function pointer of a static method with primitive parameters and result.
 * The same method gives the same pointer every time; it is made on the first call (a few
 * milliseconds: the JDK generates the stub) and lives as long as the method handle.
 * @param method from jb_method_find_static(); borrowed.
 * @param[out] out receives the pointer; untouched on failure.
 * @return JB_OK; JB_EINVAL (out NULL); JB_EHANDLE (method not a live jb_method); JB_ETYPE (an
 *   instance method, constructor, or a reference parameter or result); JB_EUNSUPPORTED (the JVM is
 *   older than JDK 22, or libjavabridge was built without its FFM helper); JB_EJAVA (the JDK
 *   refused to make the stub, for example a class in a module that does not open its package);
 *   JB_ENOT_OPEN; JB_EVM_DESTROYED; JB_EATTACH; JB_ENOMEM.
 * @note Thread-safe.
 */
JB_API int jb_method_upcall(jb_method *method, jb_upcall_fn *out);

/**
 * @brief Whether a call through a jb_method_upcall() pointer on this thread failed since the
 *   last check; lowers the flag.
 * @return JB_OK (none failed); JB_EJAVA (Java threw: the last error holds the exception);
 *   JB_EHANDLE (a pointer was called after its jb_method was freed).
 * @note Thread-safe: the flag is the calling thread's own. Costs a thread-local read.
 */
JB_API int jb_upcall_check(void);

#ifdef __cplusplus
}
#endif

#endif
