/**
 * @file jnikit/callback.h
 * @brief Java objects that C calls back through a `void *` user data, safely after they are gone.
 *
 * A C API that takes a function pointer and a `void *user_data` gets a trampoline (a C function
 * of the callback's type) and, as user data, a token from jbk_callback_open: not a pointer but a
 * slot number and a generation, so a token that C keeps after jbk_callback_close names no live
 * slot and the trampoline refuses it without touching freed memory.
 *
 * The trampoline brackets its one Java call with jbk_callback_enter and jbk_callback_leave: enter
 * finds the thread's JNIEnv (attaching a thread the JVM does not know, as a daemon, detached again
 * at leave) and refuses a closed token or one whose callback already threw; leave captures an
 * exception the Java code threw (the first one is kept, with its own type) so that the trampoline
 * can return its abort value to C. jbk_callback_close, called by the native after the C function
 * returned, frees the slot and rethrows that exception to the Java caller.
 *
 * @code
 * static int JNICALL visit(void *user_data, int value) {        // the C library's callback type
 *     jbk_callback_call call;
 *     if (jbk_callback_enter(user_data, &call) != 0) return 1;   // 1: the library's "stop"
 *     jint r = (*call.env)->CallIntMethod(call.env, call.target, visit_method, (jint)value);
 *     return jbk_callback_leave(&call) != 0 ? 1 : (int)r;
 * }
 * ...
 * void *token;
 * if (jbk_callback_open(env, visitor, &token, "visitor") != 0) return;
 * int rc = for_each(values, n, visit, token);
 * if (jbk_callback_close(env, token) != 0) return;              // the callback's exception
 * @endcode
 *
 * Threads: every function may be called from any thread; the registry is guarded by a lock held
 * only for a few instructions, never across a Java call. A slot closed while another thread is
 * inside its callback is freed when that call leaves. Capacity: JBK_CALLBACK_SLOTS open at once.
 */
#ifndef JAVABRIDGE_JNIKIT_CALLBACK_H
#define JAVABRIDGE_JNIKIT_CALLBACK_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How many callbacks may be open at once in one library. */
#define JBK_CALLBACK_SLOTS 1024

/** One Java call from a trampoline, between jbk_callback_enter and jbk_callback_leave. */
typedef struct jbk_callback_call {
    JNIEnv *env;     /**< this thread's JNIEnv */
    jobject target;  /**< the Java object to call (a global reference owned by the registry) */
    int slot;        /**< internal */
    int attached;    /**< internal: enter attached this thread, leave detaches it */
} jbk_callback_call;

/**
 * Registers @p target (not null) and sets *user_data to its token. Returns 0, or -1 with an
 * exception pending: NullPointerException, or IllegalStateException when every slot is in use.
 */
JBK_LOCAL int jbk_callback_open(JNIEnv *env, jobject target, void **user_data, const char *what);

/**
 * In a trampoline, before the Java call: 0 with @p call filled, or -1 when the call must not
 * happen (the token is closed or unknown, its callback already threw, the library is unloaded or
 * the thread cannot be attached); the trampoline then returns its abort value at once.
 */
JBK_LOCAL int jbk_callback_enter(void *user_data, jbk_callback_call *call);

/**
 * In a trampoline, after the Java call: returns 0, or -1 when the call threw (the exception is
 * cleared and kept for jbk_callback_close; the trampoline returns its abort value). Detaches a
 * thread that enter attached.
 */
JBK_LOCAL int jbk_callback_leave(jbk_callback_call *call);

/**
 * Ends the token's registration (later enters with it fail) and frees its slot once no call is
 * inside it. Returns 0, or -1 with the first exception its callback threw pending again in @p env.
 * A token already closed or unknown: 0, nothing happens.
 */
JBK_LOCAL int jbk_callback_close(JNIEnv *env, void *user_data);

#ifdef __cplusplus
}
#endif

#endif
