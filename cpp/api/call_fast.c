/*
 * The fast call path (see call_fast.h). What replaces the generic path's bookkeeping:
 *   - the handle is not held (no compare-and-swap): the thread publishes the method's token in
 *     its busy word before it reads the handle, and jb_method_free keeps a method some busy
 *     word names aside until it is no longer used (handles.c, thread_state.c);
 *   - the call is not counted in jbi_enter's in-flight counter: the last jb_vm_close changes
 *     the phase, then waits for busy words too (vm.c);
 *   - no local frame: nothing it does makes a local reference;
 *   - no entry ExceptionCheck: the thread runs Java only inside our calls (jbi_fast_ready);
 *   - no handle decode for the thread's last method: the slot's state word is compared instead
 *     (jbi_fast_method).
 */
#include "call_fast.h"

#include <stdio.h>
#include <string.h>

#include "java_exception.h"
#include "javabridge/errors.h"
#include "last_error.h"

/* Converts the arguments when each has exactly the type its parameter takes on this path and
 * fits it; 0 otherwise (the generic path then says what is wrong). */
static inline __attribute__((always_inline)) int convert_args(const jbi_method *m, const jb_arg *args, size_t nargs, jvalue *v) {
    if (m->fast_copy) {
        /* Z, I, J, D: jb_arg's union holds the value at offset 0 as the jvalue does, and JNI
         * reads only the parameter's own member. */
        for (size_t i = 0; i < nargs; i++) {
            if (args[i].type != (jb_arg_type)m->fast_arg[i]) {
                return 0;
            }
            memcpy(&v[i], &args[i].u, sizeof v[i]);
        }
        return 1;
    }
    for (size_t i = 0; i < nargs; i++) {
        const jb_arg *a = &args[i];
        if (a->type != (jb_arg_type)m->fast_arg[i]) {
            return 0;
        }
        switch (m->param_kinds[i]) {
        case 'Z': v[i].z = a->u.b ? JNI_TRUE : JNI_FALSE; break;
        case 'I': v[i].i = a->u.i32; break;
        case 'J': v[i].j = a->u.i64; break;
        case 'D': v[i].d = a->u.d; break;
        case 'F': v[i].f = (jfloat)a->u.d; break;
        case 'B':
            if (a->u.i32 < -128 || a->u.i32 > 127) return 0;
            v[i].b = (jbyte)a->u.i32;
            break;
        case 'S':
            if (a->u.i32 < -32768 || a->u.i32 > 32767) return 0;
            v[i].s = (jshort)a->u.i32;
            break;
        case 'C':
            if (a->u.i32 < 0 || a->u.i32 > 65535) return 0;
            v[i].c = (jchar)a->u.i32;
            break;
        default: return 0;
        }
    }
    return 1;
}

/* Out of line: its message buffer would otherwise sit in every call's frame. */
__attribute__((noinline)) int jbi_fast_failed(JNIEnv *env, const jbi_method *m) {
    char what[64 + 512];
    snprintf(what, sizeof what, "calling %s", m->display);
    return jbi_java_check(env, JB_EJAVA, what);
}

const jbi_method *jbi_fast_method_miss(jbi_thread *t, uintptr_t token) {
    const void *state = NULL;
    uint64_t expect = 0;
    const jbi_method *m = jbi_handles_peek_ref(token, JBI_HANDLE_METHOD, &state, &expect);
    if (m != NULL) {
        t->fast_token = token;
        t->fast_state = state;
        t->fast_expect = expect;
        t->fast_method = m;
    }
    return m;
}

/* The whole fast path, inlined into each public entry point below with w a constant. */
static inline __attribute__((always_inline)) int fast(jb_method *method, const jb_arg *args, size_t nargs, want w,
                                                      result *r, int *rc) {
    jbi_thread *t = jbi_thread_current; /* none yet: not attached by javabridge, so not fast */
    if (t == NULL || (args == NULL && nargs > 0)) {
        return 0;
    }
    uintptr_t token = (uintptr_t)method;
    jbi_busy_publish(t, token);
    const jbi_method *m = jbi_fast_ready(t) ? jbi_fast_method(t, token) : NULL;
    jvalue v[JBI_FAST_MAX_ARGS];
    if (m == NULL || !m->fast || nargs != m->param_count || !(m->fast_wants & (1u << w)) ||
        !convert_args(m, args, nargs, v)) {
        jbi_busy_clear(t);
        return 0;
    }
    *rc = jbi_fast_run(t, m, v, r);
    return 1;
}

int jbi_call_fast(jb_method *method, const jb_arg *args, size_t nargs, want w, result *r, int *rc) {
    return fast(method, args, nargs, w, r, rc);
}

/* The static calls the fast path can take (call.h); everything else about them is call.c's. */
JB_API int jb_call_static_void(jb_method *method, const jb_arg *args, size_t nargs) {
    result r;
    int rc;
    if (fast(method, args, nargs, WANT_VOID, &r, &rc)) {
        return rc;
    }
    memset(&r, 0, sizeof r);
    return jbi_call_static_generic(method, args, nargs, WANT_VOID, &r);
}

#define FAST_STATIC_CALL(suffix, ctype, w, field)                                                          \
    JB_API int jb_call_static_##suffix(jb_method *method, const jb_arg *args, size_t nargs, ctype *out) { \
        if (out == NULL) {                                                                                 \
            return jbi_fail(JB_EINVAL, "%s: out is NULL", __func__);                                       \
        }                                                                                                  \
        result r;                                                                                          \
        int rc;                                                                                            \
        if (!fast(method, args, nargs, w, &r, &rc)) {                                                      \
            rc = jbi_call_static_generic(method, args, nargs, w, &r);                                      \
        }                                                                                                  \
        if (rc == JB_OK) *out = (ctype)r.field;                                                            \
        return rc;                                                                                         \
    }

FAST_STATIC_CALL(bool, bool, WANT_BOOL, b)
FAST_STATIC_CALL(int32, int32_t, WANT_INT32, i32)
FAST_STATIC_CALL(int64, int64_t, WANT_INT64, i64)
FAST_STATIC_CALL(double, double, WANT_DOUBLE, d)
