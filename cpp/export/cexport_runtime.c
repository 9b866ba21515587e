/*
 * Runtime support for generated @CExport code (cexport.h): a lock-free per-site cache of method
 * handles that survives the JVM being closed and reopened, and a way for generated code to
 * report its own argument errors through the same thread-local last error as the C API.
 * No lock is held while Java runs: a class initialiser that calls back into C cannot deadlock.
 * Sites of static methods with primitive signatures also pick, once, how they are called: the
 * method's FFM upcall stub where the JVM makes one, jb_call_* otherwise (issue 17).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "call_fast.h"
#include "javabridge/cexport.h"
#include "javabridge/errors.h"
#include "handles.h"
#include "last_error.h"
#include "method_internal.h"
#include "thread_state.h"
#include "upcall_internal.h"
#include "vm_state.h"

static int find(const jb_cexport_site *site, jb_method **out) {
    switch (site->kind) {
    case JB_CEXPORT_STATIC:
        return jb_method_find_static(site->class_name, site->method_name, site->signature, out);
    case JB_CEXPORT_INSTANCE:
        return jb_method_find_instance(site->class_name, site->method_name, site->signature, out);
    case JB_CEXPORT_CONSTRUCTOR:
        return jb_method_find_constructor(site->class_name, site->signature, out);
    }
    return jbi_fail(JB_EINVAL, "jb_cexport_method: unknown site kind %d", (int)site->kind);
}

JB_API int jb_cexport_method(jb_cexport_site *site, jb_method **out) {
    if (site == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_cexport_method: site and out must not be NULL");
    }
    jb_method *m = __atomic_load_n(&site->cached, __ATOMIC_ACQUIRE);
    if (m != NULL) {
        *out = m;
        return JB_OK;
    }
    int rc = find(site, &m);
    if (rc != JB_OK) {
        return rc;
    }
    jb_method *expected = NULL;
    if (!__atomic_compare_exchange_n(&site->cached, &expected, m, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        jb_method_free(m); /* another thread's lookup won; its handle is as good */
        m = expected;
    }
    *out = m;
    return JB_OK;
}

static bool is_stale(jb_method *m) {
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)m, JBI_HANDLE_METHOD, &ptr) != JBI_H_OK) {
        return true;
    }
    jbi_handles_release((uintptr_t)m);
    return false;
}

JB_API int jb_cexport_refresh(jb_cexport_site *site, jb_method **m) {
    if (site == NULL || m == NULL) {
        return jbi_fail(JB_EINVAL, "jb_cexport_refresh: site and m must not be NULL");
    }
    jb_method *failed = *m;
    if (failed == NULL || !is_stale(failed)) {
        return JB_EHANDLE;
    }
    /* Only the stale value is swapped out: a fresh handle another thread installed stays. */
    __atomic_compare_exchange_n(&site->cached, &failed, NULL, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    return jb_cexport_method(site, m);
}

/* ---- the FFM path (cexport.h: jb_cexport_upcall_begin/_end) ------------------------------ */

/* `how`: a tag, so that a value begin did not store is refused; how the call was entered; and the
 * thread's upcall flag from before the call, put back at its end (a caller of raw jb_method_upcall
 * pointers on this thread keeps what jb_upcall_check() would have told it). */
enum {
    HOW_FAST = 1,    /* like a fast jb_call (call_fast.c): busy word, depth 0 -> 1 */
    HOW_ENTERED = 2, /* through jbi_enter: attaches the thread, nests in a call under way */
    HOW_MODE = 3,
    HOW_FLAG_SHIFT = 2,
    HOW_TAG = 0x6a00,
    HOW_TAG_MASK = ~0xf
};

static int flag_bits(int flag) { return flag == JB_EJAVA ? 1 : flag == JB_EHANDLE ? 2 : 0; }

static int how_for(int mode) {
    int how = HOW_TAG | mode | (flag_bits(jbi_upcall_status) << HOW_FLAG_SHIFT);
    jbi_upcall_status = 0;
    return how;
}

/* The first call of a site: its stub made, or the reason there is none. Only a lasting reason
 * (no FFM in this JVM or library, native access not enabled, or denied) chooses JNI; the JNI path then reports
 * anything else wrong with the method itself, as it does on every JVM. */
static int decide(jb_cexport_upcall_site *site, jb_method *m) {
    jb_upcall_fn fn = NULL;
    int rc = jbi_upcall_quiet();
    if (rc == JB_OK) {
        rc = jb_method_upcall(m, &fn);
    }
    int path;
    if (rc == JB_OK) {
        path = JB_CEXPORT_PATH_FFM;
    } else if (rc == JB_EUNSUPPORTED || rc == JB_EJAVA || rc == JB_ETYPE) {
        path = JB_CEXPORT_PATH_JNI;
        jb_error_clear(); /* not a failure of this call: the JNI path makes it */
    } else {
        return rc;
    }
    int undecided = 0;
    __atomic_compare_exchange_n(&site->path, &undecided, path, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    return JB_OK;
}

/* Begins an FFM call as a fast jb_call does (busy word, the thread's method cache), when the
 * site's handle is live and has its stub on a thread javabridge attached; 0 (nothing changed)
 * otherwise, and jb_cexport_upcall_begin takes it. Inline here and in jb_cexport_call_static,
 * so that a generated stub's FFM call is one call into the library before the stub's. */
static inline int begin_fast(jb_cexport_upcall_site *site, jb_upcall_fn *fn, int *how) {
    jb_method *m = __atomic_load_n(&site->site.cached, __ATOMIC_ACQUIRE);
    jbi_thread *t = jbi_thread_current;
    if (m == NULL || t == NULL) {
        return 0;
    }
    uintptr_t token = (uintptr_t)m;
    jbi_busy_publish(t, token);
    if (jbi_fast_ready(t)) {
        const jbi_method *jm = jbi_fast_method(t, token);
        struct jbi_upcall *u = jm != NULL ? __atomic_load_n(&jm->upcall, __ATOMIC_ACQUIRE) : NULL;
        if (u != NULL) {
            t->depth = 1; /* a call back into javabridge from Java takes the generic path */
            t->cexport_open++;
            *how = how_for(HOW_FAST);
            *fn = u->fn;
            return 1;
        }
    }
    jbi_busy_clear(t);
    return 0;
}

/* The site's handle turned out stale (the JVM was closed and opened again): a fresh one. */
static int refresh(jb_cexport_upcall_site *site, jb_method **m) {
    int rc = jb_cexport_refresh(&site->site, m);
    return rc == JB_EHANDLE ? jb_cexport_method(&site->site, m) : rc;
}

JB_API int jb_cexport_upcall_begin(jb_cexport_upcall_site *site, jb_upcall_fn *fn, int *how) {
    if (site == NULL || fn == NULL || how == NULL) {
        return jbi_fail(JB_EINVAL, "jb_cexport_upcall_begin: site, fn and how must not be NULL");
    }
    *fn = NULL;
    *how = 0;
    int path = __atomic_load_n(&site->path, __ATOMIC_ACQUIRE);
    if (path == JB_CEXPORT_PATH_JNI) {
        return JB_OK;
    }
    jb_method *m = NULL;
    int rc = jb_cexport_method(&site->site, &m);
    /* Bounded: a stale handle or a missing stub costs one more turn each, and the JNI path
     * takes the call if the turns run out (it reports whatever keeps failing). */
    for (int turn = 0; rc == JB_OK && turn < 3; turn++) {
        if (path == 0) {
            if ((rc = decide(site, m)) != JB_OK ||
                (path = __atomic_load_n(&site->path, __ATOMIC_ACQUIRE)) == JB_CEXPORT_PATH_JNI) {
                return rc;
            }
        }
        uintptr_t token = (uintptr_t)m;
        const jbi_method *jm = NULL;
        jbi_thread *t = jbi_thread_current;
        if (t != NULL) {
            /* As a fast jb_call: the busy word keeps the method and the JVM until the end. */
            jbi_busy_publish(t, token);
            if (jbi_fast_ready(t)) {
                jm = jbi_handles_peek(token, JBI_HANDLE_METHOD);
                struct jbi_upcall *u = jm != NULL ? __atomic_load_n(&jm->upcall, __ATOMIC_ACQUIRE) : NULL;
                if (u != NULL) {
                    t->depth = 1; /* a call back into javabridge from Java takes the generic path */
                    t->cexport_open++;
                    *how = how_for(HOW_FAST);
                    *fn = u->fn;
                    return JB_OK;
                }
                jbi_busy_clear(t);
                if (jm == NULL) {
                    rc = refresh(site, &m);
                    continue;
                }
            } else {
                jbi_busy_clear(t);
            }
        }
        if (jm == NULL) {
            /* Not attached by javabridge yet, or inside a call of ours: counted as jb_call_*
             * counts a call, so that the last jb_vm_close() waits for this one. */
            JNIEnv *env = NULL;
            if ((rc = jbi_enter(&env)) != JB_OK) {
                return rc;
            }
            void *ptr = NULL;
            if (jbi_handles_acquire(token, JBI_HANDLE_METHOD, &ptr) != JBI_H_OK) {
                jbi_leave();
                rc = refresh(site, &m);
                continue;
            }
            struct jbi_upcall *u = __atomic_load_n(&((jbi_method *)ptr)->upcall, __ATOMIC_ACQUIRE);
            jbi_handles_release(token);
            if (u != NULL) {
                jbi_thread_current->cexport_open++; /* jbi_enter made the state */
                *how = how_for(HOW_ENTERED);
                *fn = u->fn;
                return JB_OK;
            }
            jbi_leave();
        }
        /* A handle looked up again after a reopen has no stub yet: made once, then used. */
        jb_upcall_fn made = NULL;
        int made_rc = jb_method_upcall(m, &made);
        if (made_rc == JB_EHANDLE) {
            rc = refresh(site, &m);
        } else if (made_rc != JB_OK) {
            jb_error_clear(); /* the JNI path makes this call and reports what it finds */
            return JB_OK;
        }
    }
    return rc;
}

JB_API int jb_cexport_upcall_end(int how) {
    jbi_thread *t = jbi_thread_current;
    int mode = how & HOW_MODE;
    if ((how & HOW_TAG_MASK) != HOW_TAG || (mode != HOW_FAST && mode != HOW_ENTERED) || t == NULL ||
        t->cexport_open <= 0) {
        return jbi_fail(JB_EINVAL, "jb_cexport_upcall_end: no call begun by jb_cexport_upcall_begin on this thread "
                        "(how %d)", how);
    }
    t->cexport_open--;
    int status = jbi_upcall_status;
    int saved = (how >> HOW_FLAG_SHIFT) & 3;
    jbi_upcall_status = saved == 1 ? JB_EJAVA : saved == 2 ? JB_EHANDLE : 0;
    if (mode == HOW_FAST) {
        t->depth = 0;
        jbi_busy_clear(t);
    } else {
        jbi_leave();
    }
    return status;
}

/* ---- the typed JNI path (cexport.h: jb_cexport_call_static) ------------------------------ */

/* The member JNI reads for each letter is where jb_cexport_value keeps it: both are unions of
 * the same types, so the values are copied to jvalues as they are. */
_Static_assert(sizeof(jb_cexport_value) == sizeof(jvalue), "jb_cexport_value is jvalue's size");
_Static_assert(sizeof(bool) == sizeof(jboolean), "a C bool is a jboolean's byte");

/* The parameter and result letters of a primitive-only descriptor; 0 if it is not one. */
static int primitive_signature(const char *sig, char *params, size_t *count, char *result) {
    static const char letters[] = "ZBCSIJFD";
    size_t n = 0;
    if (sig == NULL || *sig++ != '(') {
        return 0;
    }
    for (; *sig != ')'; sig++) {
        if (*sig == '\0' || strchr(letters, *sig) == NULL || n == JB_CEXPORT_MAX_VALUES) {
            return 0;
        }
        params[n++] = *sig;
    }
    sig++;
    if (*sig == '\0' || sig[1] != '\0' || (*sig != 'V' && strchr(letters, *sig) == NULL)) {
        return 0;
    }
    *count = n;
    *result = *sig;
    return 1;
}

/* One call through jb_call_static_* (which checks everything again): the slow JNI path. */
static int call_generic(jb_method *m, char result_kind, const jb_arg *a, size_t n, jb_cexport_value *out) {
    int rc;
    switch (result_kind) {
    case 'V': return jb_call_static_void(m, a, n);
    case 'Z': { bool v = false; if ((rc = jb_call_static_bool(m, a, n, &v)) == JB_OK) out->z = v; return rc; }
    case 'B': { int8_t v = 0; if ((rc = jb_call_static_int8(m, a, n, &v)) == JB_OK) out->b = v; return rc; }
    case 'C': { uint16_t v = 0; if ((rc = jb_call_static_uint16(m, a, n, &v)) == JB_OK) out->c = v; return rc; }
    case 'S': { int16_t v = 0; if ((rc = jb_call_static_int16(m, a, n, &v)) == JB_OK) out->s = v; return rc; }
    case 'I': { int32_t v = 0; if ((rc = jb_call_static_int32(m, a, n, &v)) == JB_OK) out->i = v; return rc; }
    case 'J': { int64_t v = 0; if ((rc = jb_call_static_int64(m, a, n, &v)) == JB_OK) out->j = v; return rc; }
    case 'F': { float v = 0; if ((rc = jb_call_static_float(m, a, n, &v)) == JB_OK) out->f = v; return rc; }
    default: { double v = 0; if ((rc = jb_call_static_double(m, a, n, &v)) == JB_OK) out->d = v; return rc; }
    }
}

/* Everything the fast path does not take: the first call, a thread javabridge has not attached
 * (it attaches here), a call from inside Java, a stale handle, a closed JVM, a bad site. */
static __attribute__((noinline)) int call_slow(jb_cexport_upcall_site *site, const jb_cexport_value *args,
                                               size_t nargs, jb_cexport_value *out) {
    char kinds[JB_CEXPORT_MAX_VALUES], result_kind = 0;
    size_t count = 0;
    if (site->site.kind != JB_CEXPORT_STATIC ||
        !primitive_signature(site->site.signature, kinds, &count, &result_kind)) {
        return jbi_fail(JB_EINVAL, "jb_cexport_call_static: the site is not a static method with a primitive "
                        "signature of at most %d parameters", JB_CEXPORT_MAX_VALUES);
    }
    if (nargs != count) {
        return jbi_fail(JB_EINVAL, "jb_cexport_call_static: %zu arguments for %s.%s%s, which takes %zu", nargs,
                        site->site.class_name, site->site.method_name, site->site.signature, count);
    }
    jb_arg a[JB_CEXPORT_MAX_VALUES];
    for (size_t i = 0; i < count; i++) {
        const jb_cexport_value *v = &args[i];
        switch (kinds[i]) {
        case 'Z': a[i] = jb_arg_bool(v->z); break;
        case 'B': a[i] = jb_arg_int32(v->b); break;
        case 'C': a[i] = jb_arg_int32(v->c); break;
        case 'S': a[i] = jb_arg_int32(v->s); break;
        case 'I': a[i] = jb_arg_int32(v->i); break;
        case 'J': a[i] = jb_arg_int64(v->j); break;
        case 'F': a[i] = jb_arg_double((double)v->f); break; /* back to the same float in the call */
        default: a[i] = jb_arg_double(v->d); break;
        }
    }
    jb_method *m = NULL;
    int rc;
    JB_CEXPORT_CALL(rc, &site->site, m, call_generic(m, result_kind, a, count, out));
    return rc;
}

JB_API int jb_cexport_call_static(jb_cexport_upcall_site *site, const jb_cexport_value *args, size_t nargs,
                                  jb_cexport_value *out, jb_upcall_fn *fn, int *how) {
    if (site == NULL || out == NULL || (args == NULL && nargs > 0) || (fn == NULL) != (how == NULL)) {
        return jbi_fail(JB_EINVAL, "jb_cexport_call_static: site and out must not be NULL, args only with nargs 0, "
                        "fn and how both NULL or neither");
    }
    int decided = fn != NULL ? __atomic_load_n(&site->path, __ATOMIC_ACQUIRE) : JB_CEXPORT_PATH_JNI;
    if (decided == JB_CEXPORT_PATH_FFM && begin_fast(site, fn, how)) {
        return JB_CEXPORT_TAKE_FFM;
    }
    if (decided != JB_CEXPORT_PATH_JNI) {
        /* Not decided yet, or not fast: begin decides, and says JNI with no stub. */
        int rc = jb_cexport_upcall_begin(site, fn, how);
        if (rc != JB_OK || *fn != NULL) {
            return rc == JB_OK ? JB_CEXPORT_TAKE_FFM : rc;
        }
    }
    jb_method *m = __atomic_load_n(&site->site.cached, __ATOMIC_ACQUIRE);
    jbi_thread *t = jbi_thread_current;
    if (m != NULL && t != NULL && nargs <= JB_CEXPORT_MAX_VALUES) {
        /* As a fast jb_call_static_* (call_fast.c). The values need no type check: the site's
         * handle was looked up with the site's own descriptor, the one the values follow. */
        uintptr_t token = (uintptr_t)m;
        jbi_busy_publish(t, token);
        const jbi_method *jm = jbi_fast_ready(t) ? jbi_fast_method(t, token) : NULL;
        if (jm != NULL && jm->fast && nargs == jm->param_count) {
            jvalue v[JB_CEXPORT_MAX_VALUES];
            if (nargs > 0) {
                memcpy(v, args, nargs * sizeof v[0]);
            }
            JNIEnv *env = t->env;
            jclass c = jm->cls;
            jmethodID id = jm->id;
            jb_cexport_value rv;
            rv.j = 0;
            t->depth = 1; /* a call back into javabridge from this Java call takes the generic path */
            switch (jm->result_kind) {
            case 'V': (*env)->CallStaticVoidMethodA(env, c, id, v); break;
            case 'Z': rv.z = (*env)->CallStaticBooleanMethodA(env, c, id, v) != JNI_FALSE; break;
            case 'B': rv.b = (*env)->CallStaticByteMethodA(env, c, id, v); break;
            case 'C': rv.c = (*env)->CallStaticCharMethodA(env, c, id, v); break;
            case 'S': rv.s = (*env)->CallStaticShortMethodA(env, c, id, v); break;
            case 'I': rv.i = (*env)->CallStaticIntMethodA(env, c, id, v); break;
            case 'J': rv.j = (*env)->CallStaticLongMethodA(env, c, id, v); break;
            case 'F': rv.f = (*env)->CallStaticFloatMethodA(env, c, id, v); break;
            default: rv.d = (*env)->CallStaticDoubleMethodA(env, c, id, v); break;
            }
            t->depth = 0;
            int rc = (*env)->ExceptionCheck(env) ? jbi_fast_failed(env, jm) : JB_OK;
            jbi_busy_clear(t); /* after the message, which reads jm */
            if (rc == JB_OK && jm->result_kind != 'V') {
                *out = rv;
            }
            return rc;
        }
        jbi_busy_clear(t);
    }
    return call_slow(site, args, nargs, out);
}

JB_API int jb_cexport_fail(int code, const char *message) {
    return jbi_fail(code, "%s", message != NULL ? message : "");
}
