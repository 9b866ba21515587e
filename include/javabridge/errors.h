/**
 * @file errors.h
 * @brief Error codes, the thread-local last error and the optional log callback.
 *
 * Every jb_ function that can fail returns 0 (JB_OK) or one of the negative codes
 * below and, on failure, fills the calling thread's last error. A successful call
 * leaves the last error as it was (as errno does), so read it right after a failure.
 * The library never prints to stderr or stdout: set a log callback to see its diagnostics.
 */
#ifndef JAVABRIDGE_ERRORS_H
#define JAVABRIDGE_ERRORS_H

#include <stddef.h>

#include "javabridge/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Return codes. New codes may be added in minor versions; treat unknown negatives as errors. */
typedef enum jb_status {
    JB_OK = 0,                 /**< Success. */
    JB_EINVAL = -1,            /**< A NULL pointer where one is required, or a bad option. */
    JB_ENOMEM = -2,            /**< Out of C memory (or Java could not allocate a string or array). */
    JB_ERANGE = -3,            /**< A length or value does not fit (Java lengths are 32-bit: at most INT32_MAX). */
    JB_EENCODING = -4,         /**< Invalid UTF-8 from C, or a Java string with an unpaired surrogate. */
    JB_EHANDLE = -5,           /**< A handle that is NULL, forged, of the wrong kind, or already freed. */
    JB_ENOT_OPEN = -6,         /**< No JVM is open through javabridge (before jb_vm_open, or after a last close that left the JVM running). */
    JB_ENOJVM = -7,            /**< libjvm could not be found or loaded; the message lists each candidate tried. */
    JB_EVM_CREATE = -8,        /**< JNI_CreateJavaVM failed (for example an unrecognised JVM option). */
    JB_EVM_EXISTS = -9,        /**< JB_VM_CREATE was asked for but a JVM already runs in this process. */
    JB_EVM_DESTROYED = -10,    /**< The JVM was destroyed (by the last close): every call and open gets this afterwards; JNI cannot create another JVM in this process. */
    JB_EVM_NONE = -11,         /**< JB_VM_JOIN was asked for but no JVM runs in this process. */
    JB_EATTACH = -12,          /**< The calling thread could not be attached to the JVM. */
    JB_ESIGNATURE = -13,       /**< A malformed JNI method signature. */
    JB_ECLASS = -14,           /**< The class was not found (or failed to initialise). */
    JB_EMETHOD = -15,          /**< No method of that name, signature and kind (static/instance) in the class. */
    JB_EARGS = -16,            /**< The number of arguments differs from the signature's. */
    JB_ETYPE = -17,            /**< An argument, receiver or result type does not match the signature. */
    JB_EJAVA = -18,            /**< Java threw: the last error holds the exception's class, message and stack trace. */
    JB_ETIMEDOUT = -19,        /**< Closing: the JVM did not finish shutting down in the time allowed. */
    JB_EINTERNAL = -20,        /**< A JNI failure javabridge did not expect; the message says which. */
    JB_EUNSUPPORTED = -21      /**< This JVM (or this build of libjavabridge) lacks what the call needs; the message names it. */
} jb_status;

/**
 * @brief The symbolic name of a code, for example "JB_EINVAL".
 * @param code any int.
 * @return a static string; "JB_E?" for a code the library does not know. Never NULL.
 * @note Thread-safe; needs no open JVM.
 */
JB_API const char *jb_error_name(int code);

/**
 * @brief The code of the calling thread's last failure.
 * @return a negative jb_status, or JB_OK if this thread has had no failure (or after jb_error_clear()).
 * @note Thread-safe: each thread has its own last error.
 */
JB_API int jb_error_code(void);

/**
 * @brief A message describing the calling thread's last failure.
 * @return a UTF-8 string owned by the library, valid on this thread until its next failing
 *         jb_ call or jb_error_clear(); "" when there is none. Never NULL.
 */
JB_API const char *jb_error_message(void);

/**
 * @brief For JB_EJAVA (and the lookup errors Java reports): the Java exception's class name.
 * @return for example "java.lang.IllegalArgumentException", owned by the library with the same
 *         lifetime as jb_error_message(); NULL if the last failure was not a Java exception.
 */
JB_API const char *jb_error_java_class(void);

/**
 * @brief The Java exception's message (Throwable.getMessage()).
 * @return UTF-8 owned by the library (lifetime as jb_error_message()); NULL if the last failure
 *         was not a Java exception or the exception had no message.
 */
JB_API const char *jb_error_java_message(void);

/**
 * @brief The length in bytes of jb_error_java_message(), without its terminating NUL.
 *
 * A Java message may contain U+0000, which arrives as a NUL byte: the C string then ends
 * early, and this length is the whole message's (as jb_call_*_string() gives lengths).
 * @return the byte count; 0 when jb_error_java_message() is NULL.
 * @note Thread-safe: the calling thread's last error.
 */
JB_API size_t jb_error_java_message_length(void);

/**
 * @brief The Java exception's stack trace, as Throwable.printStackTrace() writes it (with causes).
 * @return UTF-8 owned by the library (lifetime as jb_error_message()); NULL if the last failure
 *         was not a Java exception or the trace could not be captured.
 */
JB_API const char *jb_error_java_stack_trace(void);

/**
 * @brief Forgets the calling thread's last error; jb_error_code() returns JB_OK afterwards.
 * @note Thread-safe; affects only the calling thread.
 */
JB_API void jb_error_clear(void);

/** Severity of a log message. */
typedef enum jb_log_level {
    JB_LOG_DEBUG = 0, /**< Steps such as each libjvm candidate tried. */
    JB_LOG_INFO = 1,  /**< Lifecycle: JVM created, joined, destroyed. */
    JB_LOG_WARN = 2   /**< Something the host should know, such as a JVM left running at close. */
} jb_log_level;

/**
 * @brief Receives the library's diagnostics.
 * @param level the severity.
 * @param message UTF-8, valid only during the call.
 * @param user_data the pointer given to jb_log_set_callback().
 * Called on whichever thread produced the message, possibly several at once; must not call jb_ functions.
 */
typedef void (*jb_log_fn)(jb_log_level level, const char *message, void *user_data);

/**
 * @brief Sets (or with NULL removes) the process-wide log callback.
 * @param fn the callback, or NULL for none (the default: the library is silent).
 * @param min_level messages below this level are not delivered.
 * @param user_data passed back to fn unchanged; the library never dereferences it.
 * @return JB_OK; JB_EINVAL if min_level is not a jb_log_level.
 * @note Thread-safe. A message already being delivered may still reach the previous callback.
 */
JB_API int jb_log_set_callback(jb_log_fn fn, jb_log_level min_level, void *user_data);

#ifdef __cplusplus
}
#endif

#endif
