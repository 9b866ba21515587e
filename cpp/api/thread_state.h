/*
 * Per-thread state: the last error and the JVM attachment. Held in a jbi_platform.h key whose
 * thread-exit destructor detaches a thread that javabridge attached, using the value it is given
 * (POSIX has already cleared the key when the destructor runs), plus a _Thread_local copy for speed.
 */
#ifndef JB_API_THREAD_STATE_H
#define JB_API_THREAD_STATE_H

#include <jni.h>
#include <stdint.h>

#define JBI_MESSAGE_MAX 1024

typedef struct jbi_thread {
    /* last error */
    int code;
    char message[JBI_MESSAGE_MAX];
    char *java_class;
    char *java_message;
    char *stack_trace;

    /* attachment: env is valid while vm_epoch equals the VM state's epoch */
    JNIEnv *env;
    uint64_t vm_epoch;
    int attached_by_us;
    int depth; /* jbi_enter calls not yet left on this thread */
} jbi_thread;

/* This thread's state, created on first use; NULL only if memory ran out. */
jbi_thread *jbi_thread_self(void);

/* Frees the three Java strings of the last error. */
void jbi_thread_clear_java(jbi_thread *t);

/* The detach hook the destructor calls (set by the VM module): detaches t if javabridge
 * attached it to a JVM that still exists. */
typedef void (*jbi_thread_exit_fn)(jbi_thread *t);
void jbi_thread_set_exit_hook(jbi_thread_exit_fn fn);

/* Before the library is unloaded from a running process: no thread-exit callback may point
 * into it afterwards. States still held by live threads are freed without detaching. */
void jbi_thread_state_shutdown(void);

#endif
