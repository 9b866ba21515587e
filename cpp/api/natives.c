/*
 * Host natives (natives.h): C functions bound to a Java class's native methods.
 *
 * JNI hands a native nothing that says which method was called, so each bound method needs an
 * entry point of its own. Rather than generate machine code, the library carries
 * JB_NATIVES_MAX precompiled entry points (slots), each declared with one register layout that
 * covers every signature within the limits: after JNIEnv* and the receiver, 4 integer-class
 * and 8 floating-point parameters. On the System V x86-64 and AAPCS64 conventions integer and
 * floating-point arguments fill their own register files in order, whatever their interleaving,
 * so the slot finds integer-class argument k in a<k> and floating-point argument k in f<k>
 * (a float in the low 32 bits), and reads the rest as the registers' leftovers, which it
 * ignores. Windows x64 assigns registers by position: there only integer-class parameters
 * are allowed, which then land in a0..a3 (registers, then stack slots) too. Results go back the
 * same way: an integer-class result in the integer return register, a float or double in the
 * floating-point one (float in its low 32 bits), so each slot has an integer and an FP twin.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/jnikit/throw.h"
#include "javabridge/natives.h"
#include "call_internal.h"
#include "ext_ids.h"
#include "handles.h"
#include "java_exception.h"
#include "jstring.h"
#include "last_error.h"
#include "loader_internal.h"
#include "method_internal.h"
#include "natives_internal.h"
#include "object_internal.h"
#include "signature.h"
#include "thread_state.h"
#include "utf8.h"
#include "vm_ids.h"
#include "vm_state.h"

#define MAX_INT_PARAMS 4
#if defined(_WIN64)
#define MAX_FP_PARAMS 0
#else
#define MAX_FP_PARAMS 8
#endif
#define MAX_PARAMS (MAX_INT_PARAMS + 8)

/* dispatch_prim reads a narrow integer from the low bytes of a 64-bit store: little-endian only
 * (every target here); elsewhere every signature takes dispatch(). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ || defined(_WIN32)
#define JBI_PRIM_OK 1
#else
#define JBI_PRIM_OK 0
#endif

/* A binding a slot served: its late callers may still arrive (see take_slot). */
typedef struct past_binding {
    jweak cls;
    char *name, *sig; /* as given to jb_register_natives */
} past_binding;

typedef struct slot {
    atomic_int live;
    unsigned char check;     /* callers must pass the class check: the slot served another binding */
    unsigned char is_static; /* how that check reads the receiver */
    unsigned char wants_self; /* its function reads the receiver (jbi_native_call_self) */
    jb_native_fn fn;
    void *user_data;
    jclass cls; /* global reference: the registered class */
    char *name, *sig;
    size_t nparams;
    char kinds[MAX_PARAMS];   /* per parameter: Z B C S I J F D L [ */
    unsigned char reg[MAX_PARAMS]; /* its register index within its file */
    unsigned char is_string[MAX_PARAMS];
    unsigned char has_refs;   /* a reference parameter: the slow part of the conversion */
    unsigned char prim;       /* dispatch_prim's signatures (see there) */
    jb_arg_type prim_types[MAX_INT_PARAMS]; /* for dispatch_prim: each parameter's carrier */
    char result_kind;
    jclass result_class;      /* global reference for a reference result */
    unsigned char result_string_ok;
    past_binding *past;       /* every binding it served whose class may still be alive; the lock */
    size_t npast, past_cap;
    unsigned char past_added; /* this registration appended past[npast - 1] */
} slot;

static slot slots[JB_NATIVES_MAX];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static size_t next_slot; /* round robin, so that a freed slot is the last one reused */

struct jb_native_call {
    JNIEnv *env;
    jobject self; /* for jbi_register_natives_with_self's methods, else NULL */
    slot *s;
    jvalue result;
    jobject result_ref;
    jbi_host_throw thrown;
};

static float low_float(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint32_t lo = (uint32_t)bits;
    float f;
    memcpy(&f, &lo, sizeof f);
    return f;
}

static double float_in_double(float f) {
    uint32_t lo;
    memcpy(&lo, &f, sizeof lo);
    uint64_t bits = lo;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static void throw_failure(JNIEnv *env, jb_native_call *c, int rc) {
    if (!c->thrown.set) {
        jbk_throw_class(env, "java/lang/RuntimeException", "host native %s%s failed with %s", c->s->name, c->s->sig,
                        jb_error_name(rc));
        return;
    }
    char name[256] = "java/lang/RuntimeException";
    if (c->thrown.exc_class != NULL) {
        snprintf(name, sizeof name, "%s", c->thrown.exc_class);
        for (char *p = name; *p != '\0'; p++) {
            if (*p == '.') *p = '/';
        }
    }
    jbk_throw_class(env, name, "%s", c->thrown.exc_message != NULL ? c->thrown.exc_message : "");
}

/*
 * Whether a thread is inside a slot: one bit per slot in the thread's own natives_busy words
 * (thread_state.h), set on entry and cleared on the way out with plain stores, so a call pays
 * no read-modify-write on a shared line. The slot's live flag is read after the bit is set;
 * unregistering stores live first and then collects every thread's bits behind a process-wide
 * barrier (jbi_natives_busy_collect): either it sees this caller's bit and leaves the slot to a
 * later sweep, or this caller sees the slot dead. A nested call of the same slot (a host native
 * calling Java calling it again) finds its bit set and leaves it to the outer call.
 */
typedef struct guard {
    uint64_t *word;
    uint64_t old; /* the word before this call; the bit already set there: a nested call */
} guard;

/* Whether self (the class of a static native, else the receiver) can be a caller of the slot's
 * method, for slots that served another binding before (take_slot says why). */
static __attribute__((noinline)) int serves(JNIEnv *env, const slot *s, jobject self) {
    return s->is_static ? (*env)->IsSameObject(env, self, s->cls) : (*env)->IsInstanceOf(env, self, s->cls);
}

/* 1 once inside a live slot; 0 with a Java exception pending. self is NULL from the entry points
 * of dispatch_prim, which a slot that needs the class check is never bound to (so a caller
 * arriving through one there is late), and which thus need not pass it. */
static inline int enter(size_t n, JNIEnv *env, jobject self, guard *g) {
    jbi_thread *t = jbi_thread_current;
    if (t == NULL && (t = jbi_thread_create_self()) == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "host native: no memory for this thread's state");
        return 0;
    }
    g->word = &t->natives_busy[n >> 6];
    g->old = __atomic_load_n(g->word, __ATOMIC_RELAXED);
    uint64_t bit = UINT64_C(1) << (n & 63);
    if ((g->old & bit) == 0) {
        __atomic_store_n(g->word, g->old | bit, __ATOMIC_RELAXED);
        if (__atomic_load_n(&jbi_busy_asymmetric, __ATOMIC_RELAXED)) {
            __atomic_signal_fence(__ATOMIC_SEQ_CST);
        } else {
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
        }
    }
    /* check is written before live is stored, so it is read after live */
    if (!atomic_load_explicit(&slots[n].live, memory_order_acquire) ||
        (slots[n].check && (self == NULL || !serves(env, &slots[n], self)))) {
        __atomic_store_n(g->word, g->old, __ATOMIC_RELEASE);
        jbk_throw(env, JBK_ILLEGAL_STATE, "this host native was unregistered (jb_unregister_natives)");
        return 0;
    }
    return 1;
}

/* Nested calls return in order, so the word is back to old | bit here. */
static inline void leave(guard *g) { __atomic_store_n(g->word, g->old, __ATOMIC_RELEASE); }

/* A call before its function runs: no result (zero, false or null), no exception asked for. */
static inline void call_init(jb_native_call *call, JNIEnv *env, jobject self, slot *s) {
    call->env = env;
    call->self = self;
    call->s = s;
    call->result.j = 0;
    call->result_ref = NULL;
    call->thrown.exc_class = call->thrown.exc_message = NULL;
    call->thrown.set = 0;
}

/* An integer-class result as the entry point returns it, read in its own width: a jvalue
 * written as an int and read whole stalls on store forwarding (as much as a fifth of a call).
 * 0 for void, float, double and references. */
static inline jlong int_result(const jvalue *r, char kind) {
    switch (kind) {
    case 'Z': return r->z;
    case 'B': return r->b;
    case 'S': return r->s;
    case 'C': return r->c;
    case 'I': return r->i;
    case 'J': return r->j;
    default: return 0;
    }
}

/* Converts the references among the arguments; JB_OK or an error (an exception may be pending). */
static int reference_args(JNIEnv *env, const slot *s, const jlong *ints, jb_arg *args, char **strings,
                          size_t *nstrings, uintptr_t *objects, size_t *nobjects) {
    int rc = JB_OK;
    for (size_t i = 0; i < s->nparams && rc == JB_OK; i++) {
        if (s->kinds[i] != 'L' && s->kinds[i] != '[') continue;
        jobject ref = (jobject)(intptr_t)ints[s->reg[i]];
        if (ref == NULL) {
            args[i] = jb_arg_null();
        } else if (s->is_string[i]) {
            size_t len = 0;
            rc = jbi_string_to_utf8(env, (jstring)ref, 1, &strings[*nstrings], &len);
            if (rc == JB_OK) args[i] = jb_arg_string_n(strings[(*nstrings)++], len);
        } else {
            rc = jbi_object_wrap(env, ref, &objects[*nobjects]);
            if (rc == JB_OK) args[i] = jb_arg_object((jb_object *)objects[(*nobjects)++]);
        }
    }
    return rc;
}

/*
 * Everything a slot does once it knows its index: returns an integer-class result as the
 * integer entry point returns it, and stores a float or double one in *fp_out. fps is NULL for
 * the entry points of signatures without float or double parameters (they skip copying the
 * eight FP registers).
 */
static jlong dispatch(size_t n, JNIEnv *env, jobject self, const jlong *ints, const double *fps, double *fp_out) {
    slot *s = &slots[n];
    guard g;
    if (!enter(n, env, self, &g)) {
        if (fp_out != NULL) *fp_out = 0;
        return 0;
    }
    jb_arg args[MAX_PARAMS];
    char *strings[MAX_PARAMS];
    uintptr_t objects[MAX_PARAMS];
    size_t nstrings = 0, nobjects = 0;
    int rc = JB_OK;
    for (size_t i = 0; i < s->nparams; i++) {
        jlong v = ints[s->reg[i]];
        switch (s->kinds[i]) {
        /* Written member by member: a whole jb_arg built and copied stalls on store forwarding. */
        case 'Z': args[i].type = JB_ARG_BOOL; args[i].u.b = (uint8_t)v != 0; break;
        case 'B': args[i].type = JB_ARG_INT8; args[i].u.i8 = (int8_t)v; break;
        case 'S': args[i].type = JB_ARG_INT16; args[i].u.i16 = (int16_t)v; break;
        case 'C': args[i].type = JB_ARG_UINT16; args[i].u.u16 = (uint16_t)v; break;
        case 'I': args[i].type = JB_ARG_INT32; args[i].u.i32 = (int32_t)v; break;
        case 'J': args[i].type = JB_ARG_INT64; args[i].u.i64 = (int64_t)v; break;
        case 'F': args[i].type = JB_ARG_FLOAT; args[i].u.f = low_float(fps[s->reg[i]]); break;
        case 'D': args[i].type = JB_ARG_DOUBLE; args[i].u.d = fps[s->reg[i]]; break;
        default: break; /* references: below, only when there are any */
        }
    }
    if (s->has_refs) rc = reference_args(env, s, ints, args, strings, &nstrings, objects, &nobjects);
    jb_native_call call;
    call_init(&call, env, s->wants_self ? self : NULL, s);
    if (rc == JB_OK) {
        rc = s->fn(&call, args, s->nparams, s->user_data);
    } else if (!(*env)->ExceptionCheck(env)) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "host native %s: no memory for its arguments", s->name);
    }
    for (size_t i = 0; i < nstrings; i++) free(strings[i]);
    for (size_t i = 0; i < nobjects; i++) jb_object_free((jb_object *)objects[i]);
    jlong out = 0;
    double fp = 0;
    char kind = s->result_kind;
    /* jb_ functions never leave an exception pending, so only a failure needs to look (a JNI
     * call costs a thread-state transition, as much as the rest of this path). */
    if (rc < 0 && (*env)->ExceptionCheck(env)) {
        /* Left pending by the arguments' conversion: it is the call's. */
    } else if (rc < 0) {
        throw_failure(env, &call, rc); /* reads the slot's name: before leaving it */
    } else if (call.result_ref != NULL) {
        out = (jlong)(intptr_t)call.result_ref;
    } else {
        out = int_result(&call.result, kind);
        if (kind == 'F') fp = float_in_double(call.result.f);
        if (kind == 'D') fp = call.result.d;
    }
    if (rc < 0 && call.result_ref != NULL) (*env)->DeleteLocalRef(env, call.result_ref);
    if (call.thrown.set) jbi_host_throw_free(&call.thrown);
    leave(&g);
    if (fp_out != NULL) *fp_out = fp;
    return out;
}

/* A failed call of dispatch_prim: kept out of line so that the common path stays small. */
static __attribute__((noinline)) void prim_failed(JNIEnv *env, jb_native_call *call, int rc) {
    if (!(*env)->ExceptionCheck(env)) throw_failure(env, call, rc);
    if (call->thrown.set) jbi_host_throw_free(&call->thrown);
}

/*
 * dispatch() for the commonest signatures: every parameter (at most four) byte, short, char,
 * int or long (a boolean must become a C bool of 0 or 1: dispatch() does that), and the result
 * one of those, boolean or void. No references to convert,
 * no FP registers, a small frame: what is left is entering the slot, the jb_arg array and the
 * call through the function pointer.
 */
static jlong dispatch_prim(size_t n, JNIEnv *env, jlong a0, jlong a1, jlong a2, jlong a3) {
    slot *s = &slots[n];
    guard g;
    if (!enter(n, env, NULL, &g)) return 0;
    /* No loop and no branch: the carrier types were worked out at registration (unused ones
     * JB_ARG_NULL), and on a little-endian machine the value stored as 64 bits is also the
     * int8/int16/uint16/int32 member, the low bits of the register JNI passed it in. */
    jb_arg args[MAX_INT_PARAMS];
    args[0].type = s->prim_types[0];
    args[0].u.i64 = a0;
    args[1].type = s->prim_types[1];
    args[1].u.i64 = a1;
    args[2].type = s->prim_types[2];
    args[2].u.i64 = a2;
    args[3].type = s->prim_types[3];
    args[3].u.i64 = a3;
    jb_native_call call;
    call_init(&call, env, NULL, s);
    int rc = s->fn(&call, args, s->nparams, s->user_data);
    jlong out = 0;
    if (rc < 0) {
        prim_failed(env, &call, rc);
    } else {
        if (call.thrown.set) jbi_host_throw_free(&call.thrown);
        out = int_result(&call.result, s->result_kind);
    }
    leave(&g);
    return out;
}

/*
 * Four entry points per slot: primitive integer-class parameters and result only (the common
 * case: dispatch_prim); integer-class registers only (no float or double parameter, an
 * integer-class or void result, which copies no FP registers); both register files with an
 * integer-class result; and both with a float or double result. Registration picks one by
 * the signature, so the entry point Java calls is itself the choice of path.
 */
#define SLOT_PARAMS                                                                                             \
    JNIEnv *env, jobject self, jlong a0, jlong a1, jlong a2, jlong a3, double f0, double f1, double f2, double f3, \
        double f4, double f5, double f6, double f7
#define SLOT_INT_PARAMS JNIEnv *env, jobject self, jlong a0, jlong a1, jlong a2, jlong a3
#define SLOT(h)                                                                                                   \
    static jlong JNICALL slot_p_##h(SLOT_INT_PARAMS) {                                                          \
        (void)self;                                                                                               \
        return dispatch_prim(0x##h, env, a0, a1, a2, a3);                                                         \
    }                                                                                                             \
    static jlong JNICALL slot_n_##h(SLOT_INT_PARAMS) {                                                          \
        jlong ints[MAX_INT_PARAMS] = {a0, a1, a2, a3};                                                            \
        return dispatch(0x##h, env, self, ints, NULL, NULL);                                                      \
    }                                                                                                             \
    static jlong JNICALL slot_i_##h(SLOT_PARAMS) {                                                              \
        jlong ints[MAX_INT_PARAMS] = {a0, a1, a2, a3};                                                            \
        double fps[8] = {f0, f1, f2, f3, f4, f5, f6, f7};                                                         \
        return dispatch(0x##h, env, self, ints, fps, NULL);                                                       \
    }                                                                                                             \
    static double JNICALL slot_f_##h(SLOT_PARAMS) {                                                             \
        jlong ints[MAX_INT_PARAMS] = {a0, a1, a2, a3};                                                            \
        double fps[8] = {f0, f1, f2, f3, f4, f5, f6, f7};                                                         \
        double d = 0;                                                                                             \
        dispatch(0x##h, env, self, ints, fps, &d);                                                                \
        return d;                                                                                                 \
    }
#define SLOT16(p)                                                                                                 \
    SLOT(p##0) SLOT(p##1) SLOT(p##2) SLOT(p##3) SLOT(p##4) SLOT(p##5) SLOT(p##6) SLOT(p##7) SLOT(p##8) SLOT(p##9) \
        SLOT(p##a) SLOT(p##b) SLOT(p##c) SLOT(p##d) SLOT(p##e) SLOT(p##f)
SLOT16(0) SLOT16(1) SLOT16(2) SLOT16(3) SLOT16(4) SLOT16(5) SLOT16(6) SLOT16(7)
SLOT16(8) SLOT16(9) SLOT16(a) SLOT16(b) SLOT16(c) SLOT16(d) SLOT16(e) SLOT16(f)

typedef jlong(JNICALL *slot_n_fn)(SLOT_INT_PARAMS);
typedef jlong(JNICALL *slot_i_fn)(SLOT_PARAMS);
typedef double(JNICALL *slot_f_fn)(SLOT_PARAMS);
#define ENTRY_P(h) slot_p_##h,
#define ENTRY_N(h) slot_n_##h,
#define ENTRY_I(h) slot_i_##h,
#define ENTRY_F(h) slot_f_##h,
#define ROW(E, p) E(p##0) E(p##1) E(p##2) E(p##3) E(p##4) E(p##5) E(p##6) E(p##7) E(p##8) E(p##9) E(p##a) E(p##b) E(p##c) E(p##d) E(p##e) E(p##f)
#define TABLE(E) ROW(E, 0) ROW(E, 1) ROW(E, 2) ROW(E, 3) ROW(E, 4) ROW(E, 5) ROW(E, 6) ROW(E, 7) \
    ROW(E, 8) ROW(E, 9) ROW(E, a) ROW(E, b) ROW(E, c) ROW(E, d) ROW(E, e) ROW(E, f)
static const slot_n_fn entries_p[JB_NATIVES_MAX] = {TABLE(ENTRY_P)};
static const slot_n_fn entries_n[JB_NATIVES_MAX] = {TABLE(ENTRY_N)};
static const slot_i_fn entries_i[JB_NATIVES_MAX] = {TABLE(ENTRY_I)};
static const slot_f_fn entries_f[JB_NATIVES_MAX] = {TABLE(ENTRY_F)};
_Static_assert(JB_NATIVES_MAX == 256, "one precompiled entry point per slot");
_Static_assert(JB_NATIVES_MAX == 64 * JBI_NATIVES_WORDS, "one busy bit per slot");

/* ---- registering ---------------------------------------------------------------------------- */

/* The class behind a jb_object, as a new local reference; JB_OK or an error with the last error set. */
static int class_of(JNIEnv *env, jb_object *object, const char *what, jclass *out) {
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)object, JBI_HANDLE_OBJECT, &ptr) != JBI_H_OK) {
        return jbi_fail(JB_EHANDLE, "%s: class_object is not a live jb_object", what);
    }
    jobject ref = (*env)->NewLocalRef(env, ((jbi_object *)ptr)->ref);
    jbi_handles_release((uintptr_t)object);
    jclass class_class = (*env)->FindClass(env, "java/lang/Class");
    int rc = jbi_java_check(env, JB_EJAVA, what);
    if (rc == JB_OK && !(*env)->IsInstanceOf(env, ref, class_class)) {
        rc = jbi_fail(JB_ETYPE, "%s: class_object is not a java.lang.Class", what);
    }
    if (class_class != NULL) (*env)->DeleteLocalRef(env, class_class);
    if (rc != JB_OK) {
        (*env)->DeleteLocalRef(env, ref);
        return rc;
    }
    *out = (jclass)ref;
    return JB_OK;
}

static void slot_clear(JNIEnv *env, slot *s) {
    if (env != NULL) {
        if (s->cls != NULL) (*env)->DeleteGlobalRef(env, s->cls);
        if (s->result_class != NULL) (*env)->DeleteGlobalRef(env, s->result_class);
    }
    free(s->name);
    free(s->sig);
    s->cls = NULL;
    s->result_class = NULL;
    s->name = s->sig = NULL;
}

/*
 * Which free slot a binding may take. JNI gives an entry point nothing but its receiver to say
 * which method was called, and a thread the JVM has sent into a slot's entry point but that has
 * not yet set its busy bit is invisible to sweep(): it may go on into the slot after it was freed
 * and bound again, and there must not run the new function with the old method's arguments. So
 * a freed slot remembers every binding it served whose class may still be alive (a late caller
 * holds its class or receiver, so a collected class has none), and takes a new binding only if
 * each of them is either the same method (both functions are right answers) or of a class
 * unrelated to the new one: then the class check at entry (serves) refuses the late caller, as
 * neither the class of a static native nor an instance of an unrelated class passes it (native
 * methods are never in interfaces). Another method of the same class, or of a sub- or
 * superclass, would pass the check, so such a slot stays free for other bindings. Only slots
 * that remember a different binding pay the check; a fresh slot and a rebinding never do. (The
 * receiver is the only extra input an entry point has, so no generation can be passed; and a
 * quarantine has no bound on how late a caller may be.)
 */
enum { PAST_SAME, PAST_NONE, PAST_UNRELATED, PAST_RELATED };

/* Drops the remembered bindings whose class was collected; how the rest stand to cls.name+sig. */
static int past_state(JNIEnv *env, slot *s, jclass cls, const char *name, const char *sig) {
    int state = PAST_NONE;
    for (size_t i = 0; i < s->npast;) {
        past_binding *p = &s->past[i];
        jobject c = (*env)->NewLocalRef(env, p->cls);
        if (c == NULL) {
            (*env)->DeleteWeakGlobalRef(env, p->cls);
            free(p->name);
            free(p->sig);
            s->past[i] = s->past[--s->npast];
            continue;
        }
        if ((*env)->IsSameObject(env, c, cls) && strcmp(p->name, name) == 0 && strcmp(p->sig, sig) == 0) {
            if (state == PAST_NONE) state = PAST_SAME;
        } else if ((*env)->IsAssignableFrom(env, c, cls) || (*env)->IsAssignableFrom(env, cls, c)) {
            state = PAST_RELATED;
        } else if (state != PAST_RELATED) {
            state = PAST_UNRELATED;
        }
        (*env)->DeleteLocalRef(env, c);
        i++;
    }
    return state;
}

/* A free slot for cls.name+sig, under the lock (sweep clears a slot only once nobody is inside):
 * one that served this very binding, else a fresh one, else one needing the class check; round
 * robin within each kind. 0 if none, with *related the free slots refused as above. */
static int take_slot(JNIEnv *env, jclass cls, const char *name, const char *sig, const unsigned char *taken,
                     size_t *out, size_t *related) {
    int best = PAST_RELATED;
    *related = 0;
    for (size_t k = 0; k < JB_NATIVES_MAX && best != PAST_SAME; k++) {
        size_t i = (next_slot + k) % JB_NATIVES_MAX;
        if (taken[i] || atomic_load(&slots[i].live) || slots[i].name != NULL) continue;
        int state = past_state(env, &slots[i], cls, name, sig);
        if (state == PAST_RELATED) (*related)++;
        if (state < best) {
            best = state;
            *out = i;
        }
    }
    if (best == PAST_RELATED) return 0;
    next_slot = *out + 1;
    slots[*out].check = best == PAST_UNRELATED;
    return 1;
}

/* Adds cls.name+sig to the slot's remembered bindings unless it is there. */
static int remember(JNIEnv *env, slot *s, jclass cls, const char *name, const char *sig) {
    s->past_added = 0;
    for (size_t i = 0; i < s->npast; i++) {
        past_binding *p = &s->past[i];
        if ((*env)->IsSameObject(env, p->cls, cls) && strcmp(p->name, name) == 0 && strcmp(p->sig, sig) == 0) {
            return JB_OK;
        }
    }
    if (s->npast == s->past_cap) {
        size_t cap = s->past_cap != 0 ? 2 * s->past_cap : 2;
        past_binding *grown = realloc(s->past, cap * sizeof *grown);
        if (grown == NULL) return jbi_fail(JB_ENOMEM, "jb_register_natives: no memory");
        s->past = grown;
        s->past_cap = cap;
    }
    past_binding p = {(*env)->NewWeakGlobalRef(env, cls), strdup(name), strdup(sig)};
    if (p.cls == NULL || p.name == NULL || p.sig == NULL) {
        if (p.cls != NULL) (*env)->DeleteWeakGlobalRef(env, p.cls);
        free(p.name);
        free(p.sig);
        (*env)->ExceptionClear(env); /* an OutOfMemoryError from NewWeakGlobalRef: reported as JB_ENOMEM */
        return jbi_fail(JB_ENOMEM, "jb_register_natives: no memory");
    }
    s->past[s->npast++] = p;
    s->past_added = 1;
    return JB_OK;
}

/* Undoes remember() for a registration that failed: its binding never went live. */
static void forget_added(JNIEnv *env, slot *s) {
    if (!s->past_added) return;
    past_binding *p = &s->past[--s->npast];
    (*env)->DeleteWeakGlobalRef(env, p->cls);
    free(p->name);
    free(p->sig);
    s->past_added = 0;
}

/* Checks one method (its members are not NULL) and fills s (not yet live) for it. */
static int prepare(JNIEnv *env, jclass cls, const jb_native_method *m, slot *s, void **entry) {
    size_t len = strlen(m->signature);
    jbi_signature *sig = malloc(sizeof *sig);
    if (sig == NULL) return jbi_fail(JB_ENOMEM, "jb_register_natives: no memory");
    size_t at = 0;
    int rc = JB_OK;
    if (jbi_signature_parse(m->signature, len, sig, &at) != JBI_SIG_OK) {
        rc = jbi_fail(JB_ESIGNATURE, "jb_register_natives: %s: malformed signature \"%s\" at offset %zu", m->name,
                      m->signature, at);
        goto out;
    }
    size_t ni = 0, nf = 0;
    s->has_refs = 0;
    s->prim = JBI_PRIM_OK;
    for (size_t i = 0; i < MAX_INT_PARAMS; i++) s->prim_types[i] = JB_ARG_NULL;
    for (size_t i = 0; i < sig->param_count && rc == JB_OK; i++) {
        char k = sig->params[i].kind;
        int fp = k == 'F' || k == 'D';
        if ((fp ? nf : ni) >= (size_t)(fp ? MAX_FP_PARAMS : MAX_INT_PARAMS)) {
            rc = jbi_fail(JB_ESIGNATURE,
                          "jb_register_natives: %s%s has more than %d %s parameters, the most a host native takes here",
                          m->name, m->signature, fp ? MAX_FP_PARAMS : MAX_INT_PARAMS,
                          fp ? "float or double" : "integer or reference");
            break;
        }
        s->kinds[i] = k;
        s->reg[i] = (unsigned char)(fp ? nf++ : ni++);
        if (k == 'L' || k == '[') s->has_refs = 1;
        s->is_string[i] = k == 'L' && sig->params[i].length == 18 &&
                          memcmp(m->signature + sig->params[i].offset, "Ljava/lang/String;", 18) == 0;
        if (i >= MAX_INT_PARAMS) {
            s->prim = 0; /* only with float or double parameters, which dispatch_prim never takes */
            continue;
        }
        switch (k) {
        case 'B': s->prim_types[i] = JB_ARG_INT8; break;
        case 'S': s->prim_types[i] = JB_ARG_INT16; break;
        case 'C': s->prim_types[i] = JB_ARG_UINT16; break;
        case 'I': s->prim_types[i] = JB_ARG_INT32; break;
        case 'J': s->prim_types[i] = JB_ARG_INT64; break;
        default: s->prim = 0; break;
        }
    }
    if (rc != JB_OK) goto out;
    s->nparams = sig->param_count;
    s->result_kind = sig->result.kind;
    size_t n = (size_t)(s - slots);
    if (s->result_kind == 'F' || s->result_kind == 'D') {
        *entry = (void *)entries_f[n];
    } else {
        int prim_result = s->result_kind != 'L' && s->result_kind != '[';
        /* dispatch_prim's entry points do not pass the receiver, which the class check needs */
        int prim = s->prim && prim_result && !s->check && !s->wants_self;
        *entry = nf > 0 ? (void *)entries_i[n] : prim ? (void *)entries_p[n] : (void *)entries_n[n];
    }
    char *name = NULL;
    if ((rc = jbi_to_modified_utf8(m->name, strlen(m->name), "jb_register_natives: method name", &name)) != JB_OK) goto out;
    jmethodID id = (*env)->GetStaticMethodID(env, cls, name, m->signature);
    jboolean is_static = JNI_TRUE;
    if (id == NULL) {
        (*env)->ExceptionClear(env);
        is_static = JNI_FALSE;
        id = (*env)->GetMethodID(env, cls, name, m->signature);
    }
    if (id == NULL) {
        (*env)->ExceptionClear(env);
        rc = jbi_fail(JB_EMETHOD, "jb_register_natives: the class has no method %s%s", m->name, m->signature);
    } else {
        s->is_static = is_static == JNI_TRUE;
        jobject reflected = (*env)->ToReflectedMethod(env, cls, id, is_static);
        jint mods = reflected != NULL ? (*env)->CallIntMethod(env, reflected, jbi_ext.member_get_modifiers) : 0;
        rc = jbi_java_check(env, JB_EJAVA, "jb_register_natives: Method.getModifiers");
        if (reflected != NULL) (*env)->DeleteLocalRef(env, reflected);
        if (rc == JB_OK && (mods & 0x0100) == 0) {
            rc = jbi_fail(JB_EMETHOD, "jb_register_natives: %s%s is not declared native", m->name, m->signature);
        }
    }
    if (rc == JB_OK && jbi_sig_is_reference(&sig->result)) {
        /* Resolved from the registered class, so that a loader's own types are found. */
        size_t off = sig->result.offset, rl = sig->result.length;
        char desc[1024];
        if (rl + 1 > sizeof desc) {
            rc = jbi_fail(JB_ESIGNATURE, "jb_register_natives: %s: result type name too long", m->name);
        } else {
            if (sig->result.kind == 'L') {
                memcpy(desc, m->signature + off + 1, rl - 2);
                desc[rl - 2] = '\0';
            } else {
                memcpy(desc, m->signature + off, rl);
                desc[rl] = '\0';
            }
            jclass class_class = (*env)->FindClass(env, "java/lang/Class");
            jmethodID get_loader = class_class != NULL ? (*env)->GetMethodID(env, class_class, "getClassLoader",
                                                                             "()Ljava/lang/ClassLoader;") : NULL;
            jobject loader = get_loader != NULL ? (*env)->CallObjectMethod(env, cls, get_loader) : NULL;
            jclass rcls = !(*env)->ExceptionCheck(env) ? jbi_find_class(env, loader, desc) : NULL;
            rc = jbi_java_check(env, JB_ECLASS, "jb_register_natives: the result type");
            if (loader != NULL) (*env)->DeleteLocalRef(env, loader);
            if (class_class != NULL) (*env)->DeleteLocalRef(env, class_class);
            if (rc == JB_OK) {
                s->result_class = (*env)->NewGlobalRef(env, rcls);
                s->result_string_ok = (*env)->IsAssignableFrom(env, jbi_java.string_class, rcls) ? 1 : 0;
                (*env)->DeleteLocalRef(env, rcls);
                if (s->result_class == NULL) rc = jbi_fail(JB_ENOMEM, "jb_register_natives: no memory");
            }
        }
    }
    if (rc == JB_OK) {
        s->name = name;
        name = NULL;
        s->sig = strdup(m->signature);
        s->cls = (*env)->NewGlobalRef(env, cls);
        if (s->sig == NULL || s->cls == NULL) rc = jbi_fail(JB_ENOMEM, "jb_register_natives: no memory");
        s->fn = m->fn;
        s->user_data = m->user_data;
    }
    free(name);
out:
    free(sig);
    return rc;
}

/* Marks dead every slot of cls, or only the one for name+sig when given; sweep() clears them.
 * Under the lock. */
static void retire(JNIEnv *env, jclass cls, const char *name, const char *sig, const unsigned char *keep) {
    for (size_t i = 0; i < JB_NATIVES_MAX; i++) {
        slot *s = &slots[i];
        if (s->name == NULL || (keep != NULL && keep[i]) || !(*env)->IsSameObject(env, s->cls, cls)) continue;
        if (name != NULL && (strcmp(s->name, name) != 0 || strcmp(s->sig, sig) != 0)) continue;
        atomic_store(&s->live, 0);
    }
}

/* Clears retired slots no thread is inside any more (one process-wide barrier for all, only
 * when there is one to clear). Under the lock. */
static void sweep(JNIEnv *env) {
    int any = 0;
    for (size_t i = 0; i < JB_NATIVES_MAX && !any; i++) any = slots[i].name != NULL && !atomic_load(&slots[i].live);
    if (!any) return;
    uint64_t busy[JBI_NATIVES_WORDS];
    jbi_natives_busy_collect(busy);
    for (size_t i = 0; i < JB_NATIVES_MAX; i++) {
        slot *s = &slots[i];
        if (s->name != NULL && !atomic_load(&s->live) && (busy[i >> 6] & (UINT64_C(1) << (i & 63))) == 0) {
            slot_clear(env, s);
        }
    }
}

/* RegisterNatives, its failure as the pending exception's error or JB_EINTERNAL. */
static int bind_table(JNIEnv *env, jclass cls, const JNINativeMethod *table, jint n, const char *what) {
    if ((*env)->RegisterNatives(env, cls, table, n) == 0) return JB_OK;
    char context[64];
    snprintf(context, sizeof context, "%s: RegisterNatives", what);
    int rc = jbi_java_check(env, JB_EJAVA, context);
    return rc != JB_OK ? rc : jbi_fail(JB_EINTERNAL, "%s: RegisterNatives failed", what);
}

static int register_natives(JNIEnv *env, jclass cls, const jb_native_method *methods, size_t count, int wants_self) {
    int rc = JB_OK;
    JNINativeMethod *table = calloc(count, sizeof *table);
    size_t *index = calloc(count, sizeof *index);
    unsigned char taken[JB_NATIVES_MAX] = {0};
    size_t prepared = 0;
    if (table == NULL || index == NULL) {
        rc = jbi_fail(JB_ENOMEM, "jb_register_natives: no memory");
    }
    jbi_busy_init(); /* before any slot is live: callers read its result */
    pthread_mutex_lock(&lock);
    sweep(env);
    for (size_t k = 0; k < count && rc == JB_OK; k++) {
        const jb_native_method *m = &methods[k];
        if (m->name == NULL || m->signature == NULL || m->fn == NULL) {
            rc = jbi_fail(JB_EINVAL, "jb_register_natives: method %zu has a NULL name, signature or fn", k);
            break;
        }
        for (size_t j = 0; j < k; j++) {
            if (strcmp(methods[j].name, m->name) == 0 && strcmp(methods[j].signature, m->signature) == 0) {
                /* RegisterNatives would let the later one win and leave the earlier one's slot
                 * bound to nothing: a mistake in the table, so it is refused. */
                rc = jbi_fail(JB_EINVAL, "jb_register_natives: method %zu, %s%s, is given twice (also as method %zu)", k,
                              m->name, m->signature, j);
                break;
            }
        }
        if (rc != JB_OK) break;
        size_t related = 0;
        if (!take_slot(env, cls, m->name, m->signature, taken, &index[k], &related)) {
            if (related == 0) {
                rc = jbi_fail(JB_ERANGE, "jb_register_natives: all %d host native slots are bound", JB_NATIVES_MAX);
            } else {
                rc = jbi_fail(JB_ERANGE,
                              "jb_register_natives: no host native slot can take %s%s: of the %d, the %zu not bound "
                              "last served other methods of its class or of a related class (a sub- or superclass), "
                              "whose late callers it could not tell from its own",
                              m->name, m->signature, JB_NATIVES_MAX, related);
            }
            break;
        }
        taken[index[k]] = 1;
        prepared = k + 1;
        slot *s = &slots[index[k]];
        s->wants_self = (unsigned char)wants_self;
        if ((rc = remember(env, s, cls, m->name, m->signature)) != JB_OK) break;
        void *entry = NULL;
        rc = prepare(env, cls, m, s, &entry);
        table[k].name = s->name;
        table[k].signature = s->sig;
        table[k].fnPtr = entry;
    }
    if (rc == JB_OK) rc = bind_table(env, cls, table, (jint)count, "jb_register_natives");
    if (rc == JB_OK) {
        /* By the slots' names, in modified UTF-8 as the earlier slots keep theirs, not as given. */
        for (size_t k = 0; k < count; k++) retire(env, cls, slots[index[k]].name, slots[index[k]].sig, taken);
        for (size_t k = 0; k < count; k++) atomic_store(&slots[index[k]].live, 1);
        sweep(env);
    } else {
        for (size_t k = 0; k < prepared; k++) {
            slot_clear(env, &slots[index[k]]);
            forget_added(env, &slots[index[k]]);
        }
    }
    pthread_mutex_unlock(&lock);
    free(table);
    free(index);
    return rc;
}

JB_API int jb_register_natives(jb_object *class_object, const jb_native_method *methods, size_t count) {
    if (class_object == NULL || methods == NULL || count == 0) {
        return jbi_fail(JB_EINVAL, "jb_register_natives: class_object and methods must be set, count > 0");
    }
    if (count > JB_NATIVES_MAX) {
        return jbi_fail(JB_ERANGE, "jb_register_natives: %zu methods is over JB_NATIVES_MAX (%d)", count, JB_NATIVES_MAX);
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) return rc;
    jclass cls = NULL;
    if ((rc = class_of(env, class_object, "jb_register_natives", &cls)) == JB_OK) {
        rc = register_natives(env, cls, methods, count, 0);
        (*env)->DeleteLocalRef(env, cls);
    }
    jbi_leave();
    return rc;
}

int jbi_register_natives_with_self(JNIEnv *env, jclass cls, const jb_native_method *methods, size_t count) {
    if (count == 0 || count > JB_NATIVES_MAX) {
        return jbi_fail(JB_ERANGE, "jb_register_natives: %zu methods (1 to JB_NATIVES_MAX, %d)", count, JB_NATIVES_MAX);
    }
    return register_natives(env, cls, methods, count, 1);
}

JNIEnv *jbi_native_call_env(const jb_native_call *call) { return call->env; }
jobject jbi_native_call_self(const jb_native_call *call) { return call->self; }

/* What an unbound method runs. HotSpot's UnregisterNatives clears each method's signature
 * handler while other threads may be between the interpreter's two reads of it, and such a
 * thread then calls address 0 (seen in CI: SIGSEGV at pc 0 in the method's first frame).
 * Rebinding with RegisterNatives only swaps the function pointer, which is read once, so
 * unbinding rebinds each method to one of these. Each is called with the method's own
 * arguments and ignores them: every ABI javabridge builds for (SysV x86-64, AArch64, Win64)
 * has the caller pass and pop them. The zero result keeps a reference result a NULL handle. */
static void unbound_throw(JNIEnv *env) {
    jbk_throw_class(env, "java/lang/UnsatisfiedLinkError", "this native method was unbound by jb_unregister_natives");
}
static void JNICALL unbound_void(JNIEnv *env, jobject self) {
    (void)self;
    unbound_throw(env);
}
static jlong JNICALL unbound_integer(JNIEnv *env, jobject self) {
    (void)self;
    unbound_throw(env);
    return 0;
}
static jdouble JNICALL unbound_floating(JNIEnv *env, jobject self) {
    (void)self;
    unbound_throw(env);
    return 0.0;
}

static void *unbound_entry(char result_kind) {
    switch (result_kind) {
    case 'V': return (void *)unbound_void;
    case 'F':
    case 'D': return (void *)unbound_floating;
    default: return (void *)unbound_integer;
    }
}

/* Rebinds every method a live slot serves on cls to its unbound entry. Under the lock. */
static int rebind_unbound(JNIEnv *env, jclass cls) {
    JNINativeMethod table[JB_NATIVES_MAX];
    jint n = 0;
    for (size_t i = 0; i < JB_NATIVES_MAX; i++) {
        slot *s = &slots[i];
        if (s->name == NULL || !atomic_load(&s->live) || !(*env)->IsSameObject(env, s->cls, cls)) continue;
        table[n].name = s->name;
        table[n].signature = s->sig;
        table[n].fnPtr = unbound_entry(s->result_kind);
        n++;
    }
    return n > 0 ? bind_table(env, cls, table, n, "jb_unregister_natives") : JB_OK;
}

JB_API int jb_unregister_natives(jb_object *class_object) {
    if (class_object == NULL) {
        return jbi_fail(JB_EINVAL, "jb_unregister_natives: class_object is NULL");
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) return rc;
    jclass cls = NULL;
    if ((rc = class_of(env, class_object, "jb_unregister_natives", &cls)) == JB_OK) {
        pthread_mutex_lock(&lock);
        rc = rebind_unbound(env, cls);
        if (rc == JB_OK) retire(env, cls, NULL, NULL, NULL);
        sweep(env);
        pthread_mutex_unlock(&lock);
        (*env)->DeleteLocalRef(env, cls);
    }
    jbi_leave();
    return rc;
}

/* ---- inside a call -------------------------------------------------------------------------- */

JB_API int jb_native_call_return(jb_native_call *call, jb_arg value) {
    if (call == NULL) {
        return jbi_fail(JB_EINVAL, "jb_native_call_return: call is NULL");
    }
    return jb_native_call_set_result(call, &value);
}

JB_API int jb_native_call_set_result(jb_native_call *call, const jb_arg *result) {
    if (call == NULL || result == NULL) {
        return jbi_fail(JB_EINVAL, "jb_native_call_set_result: call or result is NULL");
    }
    slot *s = call->s;
    if (s->result_kind == 'V') {
        return jbi_fail(JB_ETYPE, "jb_native_call_return: %s%s returns void", s->name, s->sig);
    }
    JNIEnv *env = call->env;
    char kind = s->result_kind;
    /* The carrier of the result's own type needs no check: the common case, kept cheap. Read
     * member by member through the pointer: a whole copy of a jb_arg just built stalls. */
    jvalue *r = &call->result;
    const jb_arg *a = result;
    switch (a->type) {
    case JB_ARG_INT32: if (kind == 'I') { r->i = a->u.i32; return JB_OK; } break;
    case JB_ARG_INT64: if (kind == 'J') { r->j = a->u.i64; return JB_OK; } break;
    case JB_ARG_BOOL: if (kind == 'Z') { r->z = a->u.b ? JNI_TRUE : JNI_FALSE; return JB_OK; } break;
    case JB_ARG_DOUBLE: if (kind == 'D') { r->d = a->u.d; return JB_OK; } break;
    case JB_ARG_FLOAT: if (kind == 'F') { r->f = a->u.f; return JB_OK; } break;
    case JB_ARG_INT8: if (kind == 'B') { r->b = a->u.i8; return JB_OK; } break;
    case JB_ARG_INT16: if (kind == 'S') { r->s = a->u.i16; return JB_OK; } break;
    case JB_ARG_UINT16: if (kind == 'C') { r->c = a->u.u16; return JB_OK; } break;
    default: break;
    }
    char display[300];
    snprintf(display, sizeof display, "the result of host native %s%s", s->name, s->sig);
    jvalue v;
    uintptr_t held = 0;
    int rc = jbi_convert_typed(env, kind, s->result_class, s->result_string_ok, display, result, &v, &held);
    if (rc == JB_OK) {
        if (call->result_ref != NULL) (*env)->DeleteLocalRef(env, call->result_ref);
        call->result_ref = NULL;
        if (kind == 'L' || kind == '[') {
            /* A new local: it must outlive an object handle the caller may free next. */
            call->result_ref = v.l != NULL ? (*env)->NewLocalRef(env, v.l) : NULL;
            memset(&call->result, 0, sizeof call->result);
        } else {
            call->result = v;
        }
    }
    if (held != 0) jbi_handles_release(held);
    return rc;
}

JB_API int jb_native_call_throw(jb_native_call *call, const char *exception_class, const char *message) {
    if (call == NULL) {
        return jbi_fail(JB_EINVAL, "jb_native_call_throw: call is NULL");
    }
    return jbi_host_throw_set(&call->thrown, "jb_native_call_throw", exception_class, message);
}
