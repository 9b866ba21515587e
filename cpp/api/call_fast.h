/*
 * The fast call path: a static method whose parameters and result are all primitive, called
 * on a thread javabridge attached, outside any other call of ours, with arguments of exactly
 * the types the method takes. Such a call needs no local frame, no exception check on entry
 * and no user count on its handle, so it costs plain loads and stores around the JNI call.
 * Anything else, and anything that fails a check, goes to the generic path (call.c), which
 * checks again and reports.
 *
 * Its pieces are inline so that each public entry point (jb_call_static_* in call_fast.c, the
 * @CExport dispatcher in cexport_runtime.c) is one function with no internal calls on success.
 */
#ifndef JB_API_CALL_FAST_H
#define JB_API_CALL_FAST_H

#include <stdatomic.h>
#include <stddef.h>

#include "call_internal.h"
#include "handles.h"
#include "javabridge/call.h"
#include "javabridge/errors.h"
#include "thread_state.h"
#include "vm_state.h"

/* 1 when it made the call (*rc is its result code: JB_OK, or JB_EJAVA with the last error
 * set); 0 when the generic path must take it. For wants the public wrappers do not inline. */
int jbi_call_fast(jb_method *method, const jb_arg *args, size_t nargs, want w, result *r, int *rc);

/* The generic path of a static call (call.c). */
int jbi_call_static_generic(jb_method *method, const jb_arg *args, size_t nargs, want w, result *r);

/* The cache miss of jbi_fast_method: peeks and remembers the method in t. */
const jbi_method *jbi_fast_method_miss(jbi_thread *t, uintptr_t token);

/* Records the pending exception of a fast call of m as the last error; JB_EJAVA. */
int jbi_fast_failed(JNIEnv *env, const jbi_method *m);

/*
 * The method a fast call of token uses, or NULL (forged, freed, wrong kind). Only after t has
 * published token in its busy word and jbi_fast_ready(t): the cached slot word is then read
 * after the publication, exactly as jbi_handles_peek reads it, so a free that the cache misses
 * is one whose scan sees this thread busy (handles.c keeps the method until it is not).
 * A freed handle changes its slot's word and a reused slot carries a new generation: neither
 * matches fast_expect, so a stale cache entry is refused, never called.
 */
static inline __attribute__((always_inline)) const jbi_method *jbi_fast_method(jbi_thread *t, uintptr_t token) {
    if (token == t->fast_token && token != 0 &&
        (atomic_load_explicit((const _Atomic uint64_t *)t->fast_state, memory_order_acquire) &
         ~JBI_HANDLE_USERS_MASK) == t->fast_expect) {
        return t->fast_method;
    }
    return jbi_fast_method_miss(t, token);
}

/* The JNI call of a fast method (static, primitive result): no receiver, no reference. */
static inline __attribute__((always_inline)) void jbi_fast_invoke(JNIEnv *env, const jbi_method *m, const jvalue *v, result *r) {
    jclass c = m->cls;
    jmethodID id = m->id;
    switch (m->result_kind) {
    case 'V': (*env)->CallStaticVoidMethodA(env, c, id, v); break;
    case 'Z': r->b = (*env)->CallStaticBooleanMethodA(env, c, id, v) != JNI_FALSE; break;
    case 'B': r->i64 = r->i32 = (*env)->CallStaticByteMethodA(env, c, id, v); break;
    case 'S': r->i64 = r->i32 = (*env)->CallStaticShortMethodA(env, c, id, v); break;
    case 'C': r->i64 = r->i32 = (*env)->CallStaticCharMethodA(env, c, id, v); break;
    case 'I': r->i64 = r->i32 = (*env)->CallStaticIntMethodA(env, c, id, v); break;
    case 'J': r->i64 = (*env)->CallStaticLongMethodA(env, c, id, v); break;
    case 'F': r->d = (*env)->CallStaticFloatMethodA(env, c, id, v); break;
    case 'D': r->d = (*env)->CallStaticDoubleMethodA(env, c, id, v); break;
    default: break; /* not a fast method: m->fast is checked first */
    }
}

/* Runs a fast call that t has begun (busy word published, jbi_fast_ready, m->fast, arguments
 * converted) and ends it. */
static inline __attribute__((always_inline)) int jbi_fast_run(jbi_thread *t, const jbi_method *m, const jvalue *v, result *r) {
    JNIEnv *env = t->env;
    t->depth = 1; /* a call back into javabridge from this Java call takes the generic path */
    jbi_fast_invoke(env, m, v, r);
    t->depth = 0;
    int rc = (*env)->ExceptionCheck(env) ? jbi_fast_failed(env, m) : JB_OK;
    jbi_busy_clear(t); /* after the message, which reads m */
    return rc;
}

#endif
