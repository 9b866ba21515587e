/**
 * @file vm.h
 * @brief Finding libjvm, creating or joining the process's one JVM, and closing it.
 *
 * A process has at most one JVM, and JNI cannot create another once it is destroyed.
 * javabridge therefore keeps one shared JVM state with a reference count: each successful
 * jb_vm_open() returns a new jb_vm handle and each jb_vm_close() releases one.
 *
 * @par Threads
 * Any thread may call any jb_ function. A thread is attached to the JVM (as a daemon
 * thread) the first time it needs Java and detached automatically when it exits; a
 * thread that was already attached by someone else (for example a Java thread calling
 * into native code) is used as it is and never detached by javabridge.
 *
 * @par Signals
 * HotSpot uses signals itself (SIGSEGV and SIGBUS for null checks and safepoints, SIGFPE,
 * SIGILL, SIGQUIT for thread dumps, SIGUSR2 on some versions). A host that installs its own
 * handler for one of these after the JVM started replaces the JVM's handler, and the next
 * Java NullPointerException crashes the process. Rule: install your handlers BEFORE
 * jb_vm_open() and have them chain to the previous handler for signals they do not own,
 * or preload the JDK's libjsig (LD_PRELOAD=$JAVA_HOME/lib/libjsig.so), which chains handlers
 * installed in any order. See the README.
 */
#ifndef JAVABRIDGE_VM_H
#define JAVABRIDGE_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "javabridge/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One reference to the process's JVM. Opaque: never dereference it. */
typedef struct jb_vm jb_vm;

/** What jb_vm_open() does about a JVM that may already exist in the process. */
typedef enum jb_vm_mode {
    JB_VM_CREATE_OR_JOIN = 0, /**< Join the running JVM if there is one, else create it. */
    JB_VM_CREATE = 1,         /**< Create a JVM; JB_EVM_EXISTS if one already runs. */
    JB_VM_JOIN = 2            /**< Join the running JVM; JB_EVM_NONE if there is none. */
} jb_vm_mode;

/** The options layout version this header describes. */
#define JB_VM_OPTIONS_VERSION 1

/**
 * Options for jb_vm_open(). Always start from JB_VM_OPTIONS_INIT so that fields added in
 * later versions get their defaults. Every pointer is borrowed only during the call.
 */
typedef struct jb_vm_options {
    /** Must be JB_VM_OPTIONS_VERSION (set by JB_VM_OPTIONS_INIT). */
    uint32_t version;
    /** Create, join or either (default JB_VM_CREATE_OR_JOIN). */
    jb_vm_mode mode;
    /**
     * Where libjvm is: the path of libjvm.so itself or of a Java home directory. When set it
     * is the only candidate. When NULL, the candidates are: $JAVA_HOME, then the home of the
     * `java` found on PATH (symbolic links resolved), then the usual system locations.
     */
    const char *jvm_path;
    /**
     * Class path entries (UTF-8 paths), used only when a JVM is created. An entry "dir/\*"
     * expands to the .jar and .JAR files in dir, sorted by name, as the java launcher does.
     * May be NULL when class_path_count is 0.
     */
    const char *const *class_path;
    /** Number of entries in class_path. */
    size_t class_path_count;
    /** JVM options such as "-Xmx256m" or "-Dkey=value", used only when a JVM is created. */
    const char *const *jvm_options;
    /** Number of entries in jvm_options. */
    size_t jvm_option_count;
    /** Let the JVM ignore options it does not recognise (JNI's ignoreUnrecognized). */
    bool ignore_unrecognized;
    /**
     * When the last reference to a JVM that javabridge created is closed: true (default)
     * destroys the JVM (running its shutdown hooks), which makes the process unable to create
     * another; false leaves it running so that a later jb_vm_open() joins it again.
     * A joined JVM is never destroyed by javabridge.
     */
    bool destroy_on_close;
    /**
     * How long the last jb_vm_close() may take, in milliseconds (default 10000): it first waits
     * for calls under way on other threads, then for DestroyJavaVM, which waits for every
     * non-daemon Java thread, forever if one never ends. After this time jb_vm_close() returns
     * JB_ETIMEDOUT (see jb_vm_close() for what is left running).
     */
    uint32_t destroy_timeout_ms;
} jb_vm_options;

/** Default options: create or join, libjvm found automatically, empty class path, destroy on close after at most 10 s. */
#define JB_VM_OPTIONS_INIT { JB_VM_OPTIONS_VERSION, JB_VM_CREATE_OR_JOIN, NULL, NULL, 0, NULL, 0, false, true, 10000u }

/**
 * @brief Opens a reference to the process's JVM, creating or joining it as options->mode says.
 *
 * If javabridge already has the JVM open, this only adds a reference (creation options are
 * then ignored, except that JB_VM_CREATE fails with JB_EVM_EXISTS). Never calls
 * JNI_CreateJavaVM while a JVM exists: it asks JNI_GetCreatedJavaVMs first, under a lock.
 *
 * @param options NULL for the defaults; borrowed during the call only.
 * @param[out] out receives the new handle, to be released with jb_vm_close(). Untouched on failure.
 * @return JB_OK; JB_EINVAL (out NULL, unknown options version or mode, NULL entry in a list);
 *   JB_ENOJVM (no usable libjvm; the message lists every candidate and why it failed);
 *   JB_EVM_EXISTS; JB_EVM_NONE; JB_EVM_DESTROYED (javabridge destroyed the JVM earlier);
 *   JB_EVM_CREATE (the JVM refused the options: the message says what HotSpot printed; after
 *   one failed creation HotSpot cannot always start again, so every later creation in the
 *   process is refused with JB_EVM_CREATE and the first failure's message, without trying);
 *   JB_EINVAL also when jvm_path names a libjvm other than the one already loaded in the
 *   process (by a running JVM or an earlier open, even a failed one: a process loads one);
 *   JB_ENOMEM; JB_EATTACH (also when the calling thread's stack is too small for the JVM);
 *   JB_EINTERNAL.
 * @note Thread-safe. The calling thread is attached to the JVM on success.
 */
JB_API int jb_vm_open(const jb_vm_options *options, jb_vm **out);

/**
 * @brief Releases one reference. The last one frees every jb_method and jb_object handle
 * still open (they become stale: JB_EHANDLE), then destroys the JVM if javabridge created it
 * and destroy_on_close was set, waiting at most destroy_timeout_ms.
 *
 * Calls (and jb_method_free()/jb_object_free() releases) running on other threads when the
 * last reference closes are waited for; calls starting afterwards get JB_ENOT_OPEN. The whole
 * close, the wait for calls and DestroyJavaVM together, takes at most destroy_timeout_ms.
 * If calls are still running when that time is up, the JVM is NOT destroyed (destroying it
 * would leave those threads blocked forever when they return from Java): they finish normally
 * with their real results, the JVM stays as if destroy_on_close were false, and a later
 * jb_vm_open() joins it again (and its last close may destroy it).
 *
 * Java threads (started by Java, not by this C program) are not calls of this API: they may
 * go on calling jb_proxy objects and host natives until DestroyJavaVM returns, and those go
 * on working (their handlers run) until then, or until they are freed. Once this returns
 * JB_OK no handler starts again; one that a daemon thread was inside at that moment may still
 * be running, and its thread blocks for good at its next JNI call or when it returns to Java.
 *
 * @param vm the handle from jb_vm_open(), or NULL (then nothing happens and JB_OK is returned).
 * @return JB_OK; JB_EHANDLE (forged or already closed: the reference count is not touched);
 *   JB_ETIMEDOUT, in two cases, the handle being released in both: calls on other threads
 *   were still running (the JVM was left running, see above; the message says how many), or
 *   DestroyJavaVM did not finish in time (a non-daemon Java thread; the process can exit
 *   normally, but no JVM can be opened again).
 * @note Thread-safe. Do not close the last reference from a thread running Java code
 *   (a native method called by Java): the JVM is then only released, never destroyed.
 */
JB_API int jb_vm_close(jb_vm *vm);

/**
 * @brief Detaches the calling thread now, if javabridge attached it (otherwise does nothing).
 *
 * Threads are detached automatically when they exit; this is for long-lived threads, such as
 * pool threads, that are done with Java. A later call attaches the thread again.
 * @return JB_OK.
 * @note Thread-safe. Never detaches a thread attached by someone else.
 */
JB_API int jb_vm_detach_current_thread(void);

/**
 * @brief Whether the calling thread is currently attached to the JVM (by anyone).
 * @param[out] attached receives the answer; false when no JVM is open.
 * @return JB_OK; JB_EINVAL if attached is NULL.
 * @note Thread-safe.
 */
JB_API int jb_vm_is_attached(bool *attached);

#ifdef __cplusplus
}
#endif

#endif
