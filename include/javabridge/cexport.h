/**
 * @file cexport.h
 * @brief Runtime support for the C code that javabridge's \@CExport processor generates.
 *
 * Generated sources include this header; programs call the generated functions, not these.
 * A jb_cexport_site names one Java method and caches its jb_method handle: looked up on first
 * use, shared by all threads, and looked up again after the JVM was closed and reopened (the
 * C API invalidates every handle at the last jb_vm_close()).
 */
#ifndef JAVABRIDGE_CEXPORT_H
#define JAVABRIDGE_CEXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "javabridge/errors.h"
#include "javabridge/export.h"
#include "javabridge/method.h"
#include "javabridge/upcall.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which jb_method_find_* a site uses. */
typedef enum jb_cexport_kind {
    JB_CEXPORT_STATIC = 0,     /**< jb_method_find_static() */
    JB_CEXPORT_INSTANCE = 1,   /**< jb_method_find_instance() */
    JB_CEXPORT_CONSTRUCTOR = 2 /**< jb_method_find_constructor(); method_name is ignored */
} jb_cexport_kind;

/** One Java method a generated function calls. Static storage; only the runtime touches cached. */
typedef struct jb_cexport_site {
    jb_cexport_kind kind;    /**< which lookup the site uses */
    const char *class_name;  /**< binary name, for example "com.example.Outer$Inner" */
    const char *method_name; /**< the Java method's name (ignored for constructors) */
    const char *signature;   /**< JNI descriptor */
    jb_method *cached;       /**< NULL until the first successful lookup; read and written atomically */
} jb_cexport_site;

/** Initialises a jb_cexport_site. */
#define JB_CEXPORT_SITE(kind, class_name, method_name, signature) { (kind), (class_name), (method_name), (signature), NULL }

/**
 * @brief The site's method handle, looked up on first use (and after jb_cexport_refresh()).
 * @param site the generated code's static site (not NULL).
 * @param[out] out receives the handle, owned by the site: never free it.
 * @return JB_OK; JB_EINVAL (site or out NULL); otherwise the code of jb_method_find_*
 *   (JB_ENOT_OPEN, JB_ECLASS, JB_EMETHOD, ...), with the last error set.
 * @note Thread-safe and lock-free: threads racing on the first use may each look the method up;
 *   one handle wins and the others are freed.
 */
JB_API int jb_cexport_method(jb_cexport_site *site, jb_method **out);

/**
 * @brief After a call with *m failed with JB_EHANDLE: if *m is stale (the JVM was closed since it
 * was looked up), drops it from the site and looks the method up again.
 * @param site the site m came from.
 * @param[in,out] m the handle that failed; receives the fresh one on JB_OK.
 * @return JB_OK (retry the call with *m); JB_EHANDLE if *m is still live, so the failure came
 *   from something else and a retry would fail the same way (the last error is left as the
 *   call set it); otherwise the lookup's code, with the last error set.
 * @note Thread-safe. Never drops a live handle, nor one another thread has already replaced.
 */
JB_API int jb_cexport_refresh(jb_cexport_site *site, jb_method **m);

/**
 * Runs call_expr (a jb_call_* expression using m) with site's handle in m, storing the result in
 * rc; when the handle turns out stale, looks the method up again and runs call_expr once more.
 * JB_EHANDLE comes before Java is entered, so a retried call never runs Java twice.
 */
#define JB_CEXPORT_CALL(rc, site, m, call_expr)                                  \
    do {                                                                        \
        (rc) = jb_cexport_method((site), &(m));                                 \
        if ((rc) == JB_OK) {                                                    \
            (rc) = (call_expr);                                                 \
            if ((rc) == JB_EHANDLE) {                                           \
                int jb_cexport_refreshed_ = jb_cexport_refresh((site), &(m));   \
                if (jb_cexport_refreshed_ == JB_OK) {                           \
                    (rc) = (call_expr);                                         \
                } else if (jb_cexport_refreshed_ != JB_EHANDLE) {               \
                    (rc) = jb_cexport_refreshed_;                               \
                }                                                               \
            }                                                                   \
        }                                                                       \
    } while (0)

/**
 * A static method whose parameters and result are all primitive: generated code can call it
 * through its FFM upcall stub (upcall.h) when the running JVM makes one (JDK 22 and later), and
 * through jb_call_* otherwise. Which of the two is decided on the first call and kept.
 */
typedef struct jb_cexport_upcall_site {
    jb_cexport_site site; /**< the method; its handle is cached as for any site */
    int path;             /**< 0 until decided, then JB_CEXPORT_PATH_FFM or _JNI; atomic */
} jb_cexport_upcall_site;

/** jb_cexport_upcall_site.path once decided: the method's FFM upcall stub. */
#define JB_CEXPORT_PATH_FFM 1
/** jb_cexport_upcall_site.path once decided: jb_call_*. */
#define JB_CEXPORT_PATH_JNI 2

/** Initialises a jb_cexport_upcall_site. */
#define JB_CEXPORT_UPCALL_SITE(class_name, method_name, signature) \
    { JB_CEXPORT_SITE(JB_CEXPORT_STATIC, class_name, method_name, signature), 0 }

/**
 * @brief Starts a call through the site's FFM stub, or says to take the JNI path.
 * On the first call decides the site's path: FFM when jb_method_upcall() makes a stub, JNI when
 * the JVM cannot (JDK 17 to 21, a library built without its FFM helper, native access denied).
 * @param site the generated code's static site (not NULL).
 * @param[out] fn the stub to call, cast to the method's C type; NULL: call with jb_call_* instead.
 * @param[out] how what jb_cexport_upcall_end() needs; pass it back unchanged.
 * @return JB_OK (see fn); JB_EINVAL (a NULL argument); otherwise the lookup's code
 *   (JB_ENOT_OPEN, JB_EVM_DESTROYED, JB_ECLASS, JB_EMETHOD, JB_EATTACH, ...), last error set.
 *   After JB_OK with fn not NULL, call fn, then jb_cexport_upcall_end() on the same thread,
 *   always: until then the last jb_vm_close() waits for the call.
 * @note Thread-safe. Lock-free once decided, on a thread javabridge attached (any other is
 *   attached on its first call, as jb_call_* attaches it).
 */
JB_API int jb_cexport_upcall_begin(jb_cexport_upcall_site *site, jb_upcall_fn *fn, int *how);

/**
 * @brief Ends a call started by jb_cexport_upcall_begin() and says how it went. The thread's
 *   jb_upcall_check() flag is left as it was before the call: only the code returned tells.
 * @param how the value jb_cexport_upcall_begin() stored.
 * @return JB_OK (use the result); JB_EJAVA (Java threw: the last error holds the exception, as
 *   jb_call_* records it); JB_EHANDLE (the method was freed under the call, by the last
 *   jb_vm_close(): Java did not run, so take the JNI path, which looks the method up again);
 *   JB_EINVAL (no call of this thread was begun, or how is not what begin stored).
 * @note Thread-safe.
 */
JB_API int jb_cexport_upcall_end(int how);

/** The most arguments jb_cexport_call_static() takes. */
#define JB_CEXPORT_MAX_VALUES 8

/**
 * One primitive argument or result of jb_cexport_call_static(), in the member its JNI descriptor
 * letter names (the same letters and layout as JNI's jvalue, without needing jni.h).
 */
typedef union jb_cexport_value {
    bool z;     /**< Z */
    int8_t b;   /**< B */
    uint16_t c; /**< C */
    int16_t s;  /**< S */
    int32_t i;  /**< I */
    int64_t j;  /**< J */
    float f;    /**< F */
    double d;   /**< D */
} jb_cexport_value;

/** jb_cexport_call_static()'s answer that it began a call through the site's FFM stub instead. */
#define JB_CEXPORT_TAKE_FFM 1

/**
 * @brief Calls a jb_cexport_upcall_site's method with its arguments as C values: the typed entry
 *   point of generated code, one call into the library, with no jb_arg to build.
 * With fn and how given, a site that calls through its FFM stub (decided on the first call, as
 *   jb_cexport_upcall_begin() decides) is not called here: the call is begun as by
 *   jb_cexport_upcall_begin() and JB_CEXPORT_TAKE_FFM returned, and the caller calls *fn, then
 *   jb_cexport_upcall_end(*how). Otherwise, and always with fn and how NULL, the method is called
 *   through JNI here.
 * The values are read as the site's signature says (its own descriptor, with which the method was
 *   looked up), so generated code, which writes both, cannot pass a value of the wrong type; the
 *   count is checked against the method.
 * @param site the generated code's static site (not NULL); its signature must be primitive only.
 * @param args nargs values (NULL when nargs is 0); not kept.
 * @param nargs the method's parameter count, at most JB_CEXPORT_MAX_VALUES.
 * @param[out] out the result, in the member of its descriptor letter; untouched for V or on error.
 * @param[out] fn NULL: JNI only (after an FFM call ended with JB_EHANDLE). Otherwise receives the
 *   stub on JB_CEXPORT_TAKE_FFM, cast to the method's C type.
 * @param[out] how NULL exactly when fn is; what jb_cexport_upcall_end() needs on JB_CEXPORT_TAKE_FFM.
 * @return JB_OK (the call was made; see out); JB_CEXPORT_TAKE_FFM (fn given: call *fn, then
 *   jb_cexport_upcall_end(), always); JB_EINVAL (site or out NULL, args NULL with nargs > 0, only
 *   one of fn and how NULL, not a static site with a primitive signature, nargs not its parameter
 *   count or over JB_CEXPORT_MAX_VALUES); JB_EJAVA (Java threw: the last error holds the
 *   exception, as jb_call_* records it); otherwise what jb_cexport_upcall_begin(),
 *   jb_cexport_method() or jb_call_static_* return (JB_ENOT_OPEN, JB_EVM_DESTROYED, JB_ECLASS,
 *   JB_EMETHOD, JB_EATTACH, ...), with the last error set. A handle gone stale (the JVM closed and
 *   reopened) is looked up again, as JB_CEXPORT_CALL does.
 * @note Thread-safe. Lock-free on a thread javabridge attached, as jb_call_* is.
 */
JB_API int jb_cexport_call_static(jb_cexport_upcall_site *site, const jb_cexport_value *args, size_t nargs,
                                  jb_cexport_value *out, jb_upcall_fn *fn, int *how);

/**
 * @brief Sets the calling thread's last error, as the library's own functions do on failure.
 * @param code a negative jb_status.
 * @param message UTF-8, copied (truncated to the last error's capacity); NULL for "".
 * @return code, so that generated code can write `return jb_cexport_fail(JB_EINVAL, "...");`.
 * @note Thread-safe; needs no open JVM.
 */
JB_API int jb_cexport_fail(int code, const char *message);

#ifdef __cplusplus
}
#endif

#endif
