/*
 * The process's one JVM as javabridge sees it, the IDs cached when it is created or joined,
 * and the entry/exit every JNI-using call goes through.
 */
#ifndef JB_API_VM_STATE_H
#define JB_API_VM_STATE_H

#include <jni.h>
#include <stdatomic.h>

#include "thread_state.h"
#include "vm_ids.h"

/*
 * Starts a call that needs Java: fails with JB_ENOT_OPEN unless a JVM is open, counts the call
 * so that the last close waits for it, and gives the calling thread's JNIEnv, attaching the
 * thread (once, as a daemon) if it is not attached. Every successful jbi_enter is paired with
 * jbi_leave. On failure the last error is set and nothing needs undoing.
 */
int jbi_enter(JNIEnv **env);
void jbi_leave(void);

/*
 * For the fast call path (call_fast.c), which takes no jbi_enter: nonzero when t may call Java
 * now, that is a JVM is open, javabridge attached t to it, and no call of ours is under way on
 * t (so no exception can be pending: see jbi_enter). Call it after jbi_busy_publish, so that a
 * closer that changes the phase afterwards waits for the busy word.
 */
enum { JBI_PHASE_NONE, JBI_PHASE_OPEN };
extern atomic_int jbi_vm_phase;
extern atomic_uint_fast64_t jbi_vm_epoch;

static inline int jbi_fast_ready(const jbi_thread *t) {
    return t->attached_by_us && t->depth == 0 && t->env != NULL &&
           atomic_load_explicit(&jbi_vm_phase, memory_order_relaxed) == JBI_PHASE_OPEN &&
           t->vm_epoch == atomic_load_explicit(&jbi_vm_epoch, memory_order_relaxed);
}

/* The calling thread's JNIEnv for releasing references while the JVM still exists (attaching
 * if needed), whether or not a close is under way; NULL when the JVM is gone or being
 * destroyed (then the references die with it). Counted like a call, so the last close waits
 * for a release under way before DestroyJavaVM. Pair every call with jbi_cleanup_end(env). */
JNIEnv *jbi_cleanup_begin(void);
void jbi_cleanup_end(JNIEnv *env);

#endif
