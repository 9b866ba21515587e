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
#define JBI_NATIVES_WORDS 4 /* JB_NATIVES_MAX bits (natives.c checks) */

typedef struct jbi_thread {
    /* last error */
    int code;
    char message[JBI_MESSAGE_MAX];
    char *java_class;
    char *java_message;
    size_t java_message_len; /* bytes: the message may hold NULs */
    char *stack_trace;

    /* attachment: env is valid while vm_epoch equals the VM state's epoch */
    JNIEnv *env;
    uint64_t vm_epoch;
    int attached_by_us;
    int depth; /* jbi_enter calls (and fast calls) not yet left on this thread */

    /* The jb_method token of the fast call under way on this thread, else 0. Written only by
     * the thread itself; read by freers and closers (jbi_busy_scan). */
    uintptr_t busy;
    /* The method of this thread's last fast call, so that the next call of the same handle skips
     * decoding it (call_fast.h): trusted only while the slot's state word (jbi_handles_peek_ref)
     * still equals fast_expect, read after busy is published, as any peek is. Thread-private. */
    uintptr_t fast_token;
    const void *fast_state;
    uint64_t fast_expect;
    const struct jbi_method *fast_method;
    /* Host native slots (natives.c) this thread is inside, one bit each: written only by the
     * thread itself, read by jbi_natives_busy_collect. A bitmap, not one word like busy, since
     * host natives nest (one calls Java, which calls another). */
    uint64_t natives_busy[JBI_NATIVES_WORDS];
    /* @CExport FFM calls begun and not yet ended on this thread (cexport_runtime.c), so that an
     * end without a begin is refused rather than undoing someone else's state. */
    int cexport_open;
    struct jbi_thread *reg_prev, *reg_next; /* the registry of live states; its lock held */
} jbi_thread;

/* This thread's state once created (initial-exec TLS on ELF: one %fs-relative load, which
 * matters on the fast call path; the library is small, and glibc's static TLS reserve covers
 * a pointer even when it is dlopen'ed). */
#if defined(__GNUC__) && defined(__ELF__)
extern __thread jbi_thread *jbi_thread_current __attribute__((tls_model("initial-exec")));
#else
extern __thread jbi_thread *jbi_thread_current;
#endif

/* Creates this thread's state; NULL only if memory ran out. */
jbi_thread *jbi_thread_create_self(void);

/* This thread's state, created on first use; NULL only if memory ran out. */
static inline jbi_thread *jbi_thread_self(void) {
    jbi_thread *t = jbi_thread_current;
    return t != NULL ? t : jbi_thread_create_self();
}

/* Frees the three Java strings of the last error. */
void jbi_thread_clear_java(jbi_thread *t);

/* The detach hook the destructor calls (set by the VM module): detaches t if javabridge
 * attached it to a JVM that still exists. */
typedef void (*jbi_thread_exit_fn)(jbi_thread *t);
void jbi_thread_set_exit_hook(jbi_thread_exit_fn fn);

/* Before the library is unloaded from a running process: no thread-exit callback may point
 * into it afterwards. States still held by live threads are freed without detaching. */
void jbi_thread_state_shutdown(void);

/*
 * Busy words: how a fast call (call_fast.c) marks what it uses without a read-modify-write.
 * The calling thread publishes the method's token in its busy word, then reads the VM's phase
 * and the handle's state; a freer or closer changes those first, then scans the busy words.
 * Each side needs a full barrier between its store and its loads: the scanner pays for both
 * (a process-wide barrier, jbi_process_barrier) so that the caller's costs a compiler barrier.
 * Where the system has no process-wide barrier, both sides use real fences.
 */
extern int jbi_busy_asymmetric; /* 1 once jbi_busy_init found the process barrier */

/* Looks for the process barrier (once; later calls return at once). */
void jbi_busy_init(void);

static inline void jbi_busy_publish(jbi_thread *t, uintptr_t token) {
    __atomic_store_n(&t->busy, token, __ATOMIC_RELAXED);
    if (__atomic_load_n(&jbi_busy_asymmetric, __ATOMIC_RELAXED)) {
        __atomic_signal_fence(__ATOMIC_SEQ_CST);
    } else {
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    }
}

static inline void jbi_busy_clear(jbi_thread *t) { __atomic_store_n(&t->busy, 0, __ATOMIC_RELEASE); }

/*
 * After the caller has made new fast calls impossible (a handle removed, the phase changed):
 * nonzero when a thread other than except is still inside one that uses token (token 0: any
 * fast call at all). A thread that published its word before the change is seen; one that
 * publishes after it sees the change and gives up.
 */
int jbi_busy_scan(uintptr_t token, const jbi_thread *except);

/* Host natives' side of the same protocol: after the caller has marked slots dead, ORs every
 * thread's natives_busy into out (the calling thread's too), so that a set bit is a slot some
 * thread may still be inside. */
void jbi_natives_busy_collect(uint64_t out[JBI_NATIVES_WORDS]);

#endif
