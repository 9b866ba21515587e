/*
 * Java interfaces implemented in C (proxy.h). One InvocationHandler class whose invoke is native
 * is defined from bytes built here (a C host's class path need not hold javabridge's jar), in the
 * bootstrap loader, so that every proxy, whatever loader its interfaces come from, can use it.
 * Each handler object holds a token into a registry of C handlers, never a pointer: after
 * jb_proxy_free a late call finds the token dead and throws instead of touching freed memory.
 *
 * That route boxes every argument into an Object[] and crosses java.lang.reflect.Proxy and one
 * generic native. For interface sets it can serve (see native_class_for) a class of its own is
 * defined instead, once per set: it implements the interfaces with native methods bound
 * through host natives (natives.c), so Java makes a direct native call with the arguments in
 * registers, and its instances hold the same registry token.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/proxy.h"
#include "array_internal.h"
#include "call_internal.h"
#include "ext_ids.h"
#include "proxy_internal.h"
#include "handles.h"
#include "java_exception.h"
#include "javabridge/jnikit/module.h" /* jbk_global_class */
#include "jstring.h"
#include "last_error.h"
#include "loader_internal.h"
#include "method_internal.h"
#include "natives_internal.h"
#include "object_internal.h"
#include "utf8.h"
#include "vm_ids.h"
#include "vm_state.h"

/* ---- the registry of C handlers ------------------------------------------------------------ */

/*
 * Entries live in chunks that never move, so that reg_peek, on every call of a native class,
 * reads one without the lock: fn and user_data between two reads of its state (gen << 1 | live),
 * which every change of the entry rewrites (a seqlock whose writers hold reg_lock).
 */
typedef struct entry {
    _Atomic(jb_proxy_fn) fn;
    _Atomic(void *) user_data;
    _Atomic uint64_t state;
    uint32_t gen;
    uint32_t users;
    unsigned char live;
    unsigned char used; /* slot taken (live, or removed with users left) */
} entry;

#define REG_CHUNK 256
#define REG_CHUNKS 4096 /* a million proxies at once */

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(entry *) reg_chunks[REG_CHUNKS];
static _Atomic size_t reg_size; /* entries in the chunks made so far */

static uint64_t token_of(size_t index, uint32_t gen) { return ((uint64_t)gen << 32) | (uint64_t)(index + 1); }

/* Entry i, which exists (i < reg_size). */
static entry *reg_at(size_t i) {
    return atomic_load_explicit(&reg_chunks[i / REG_CHUNK], memory_order_acquire) + i % REG_CHUNK;
}

/* Under the lock: publishes the entry's gen and live flag to reg_peek. */
static void publish(entry *e) {
    atomic_store_explicit(&e->state, (uint64_t)e->gen << 1 | e->live, memory_order_release);
}

static int reg_add(jb_proxy_fn fn, void *ud, uint64_t *token) {
    pthread_mutex_lock(&reg_lock);
    size_t size = atomic_load_explicit(&reg_size, memory_order_relaxed), i = 0;
    while (i < size && reg_at(i)->used) i++;
    if (i == size) {
        entry *chunk = size / REG_CHUNK < REG_CHUNKS ? calloc(REG_CHUNK, sizeof *chunk) : NULL;
        if (chunk == NULL) {
            pthread_mutex_unlock(&reg_lock);
            return JB_ENOMEM;
        }
        atomic_store_explicit(&reg_chunks[size / REG_CHUNK], chunk, memory_order_release);
        atomic_store_explicit(&reg_size, size + REG_CHUNK, memory_order_release);
    }
    entry *e = reg_at(i);
    e->gen++;
    if (e->gen == 0) e->gen = 1;
    e->live = 0;
    publish(e); /* the new gen, not yet live: a reader of the old one sees its state change */
    atomic_thread_fence(memory_order_release);
    atomic_store_explicit(&e->fn, fn, memory_order_relaxed);
    atomic_store_explicit(&e->user_data, ud, memory_order_relaxed);
    e->users = 0;
    e->live = 1;
    e->used = 1;
    publish(e);
    *token = token_of(i, e->gen);
    pthread_mutex_unlock(&reg_lock);
    return JB_OK;
}

/* Under the lock. */
static entry *reg_find(uint64_t token) {
    size_t i = (size_t)(token & 0xFFFFFFFFu);
    if (i == 0 || i > atomic_load_explicit(&reg_size, memory_order_relaxed)) return NULL;
    entry *e = reg_at(i - 1);
    return e->used && e->live && e->gen == (uint32_t)(token >> 32) ? e : NULL;
}

/* Holds a live handler for one call; 0 if it was freed. */
static int reg_acquire(uint64_t token, jb_proxy_fn *fn, void **ud) {
    pthread_mutex_lock(&reg_lock);
    entry *e = reg_find(token);
    if (e != NULL) {
        e->users++;
        *fn = atomic_load_explicit(&e->fn, memory_order_relaxed);
        *ud = atomic_load_explicit(&e->user_data, memory_order_relaxed);
    }
    pthread_mutex_unlock(&reg_lock);
    return e != NULL;
}

/* A live handler as it is now, without the lock and without holding it: a call that races
 * jb_proxy_free still runs it, as one already inside does (proxy.h), and reads nothing of the
 * entry afterwards. 0 if it was freed (or the token is forged). */
static int reg_peek(uint64_t token, jb_proxy_fn *fn, void **ud) {
    size_t i = (size_t)(token & 0xFFFFFFFFu);
    if (i == 0 || i > atomic_load_explicit(&reg_size, memory_order_acquire)) return 0;
    entry *e = reg_at(i - 1);
    uint64_t want = (token >> 32) << 1 | 1;
    if (atomic_load_explicit(&e->state, memory_order_acquire) != want) return 0;
    *fn = atomic_load_explicit(&e->fn, memory_order_relaxed);
    *ud = atomic_load_explicit(&e->user_data, memory_order_relaxed);
    atomic_thread_fence(memory_order_acquire);
    return atomic_load_explicit(&e->state, memory_order_relaxed) == want;
}

static void reg_release(uint64_t token) {
    pthread_mutex_lock(&reg_lock);
    entry *e = reg_at((size_t)(token & 0xFFFFFFFFu) - 1);
    if (e->users > 0 && --e->users == 0 && !e->live) {
        e->used = 0;
    }
    pthread_mutex_unlock(&reg_lock);
}

JB_API int jb_proxy_free(jb_proxy *proxy) {
    if (proxy == NULL) {
        return JB_OK;
    }
    pthread_mutex_lock(&reg_lock);
    entry *e = reg_find((uint64_t)(uintptr_t)proxy);
    if (e != NULL) {
        e->live = 0;
        publish(e);
        if (e->users == 0) e->used = 0;
    }
    pthread_mutex_unlock(&reg_lock);
    return e != NULL ? JB_OK : jbi_fail(JB_EHANDLE, "jb_proxy_free: not a live jb_proxy (freed already, or forged)");
}

/* ---- cached classes and IDs ---------------------------------------------------------------- */

#define HANDLER_CLASS "dev/javabridge/capi/CProxyHandler"
#define INVOKE_SIG "(Ljava/lang/Object;Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;"

/* Boxes by jb_elem order: Boolean Byte Short Character Integer Long Float Double. */
static const char *const box_names[9] = {NULL, "java/lang/Boolean", "java/lang/Byte", "java/lang/Short",
                                         "java/lang/Character", "java/lang/Integer", "java/lang/Long",
                                         "java/lang/Float", "java/lang/Double"};
static const char box_kinds[9] = {0, 'Z', 'B', 'S', 'C', 'I', 'J', 'F', 'D'};
static const char *const unbox_names[9] = {NULL, "booleanValue", "byteValue", "shortValue", "charValue",
                                           "intValue", "longValue", "floatValue", "doubleValue"};

static struct {
    jclass handler;           /* the bootstrap-defined InvocationHandler */
    jfieldID handler_token;
    jclass system_class, ih_class;
    jclass object_class, class_class, proxy_class, throwable_class, runtime_exc, illegal_state, unsupported, null_pointer;
    jmethodID new_proxy_instance, class_get_loader, class_is_interface, class_for_name;
    jmethodID method_get_name, method_get_return_type, method_is_default, method_get_declaring_class;
    jmethodID invoke_default, identity_hash;
    jclass class_loader_class; /* for native classes: */
    jmethodID get_system_loader, class_get_methods, method_get_params;
    jclass box[9];
    jclass prim[9];            /* Integer.TYPE and the others; prim[0] is void.class */
    jmethodID value_of[9], unbox[9];
} P;

static jobject JNICALL proxy_invoke(JNIEnv *env, jobject self, jobject proxy, jobject method, jobjectArray args);

/* A class file being written: bytes past cap are counted, not stored, so that one pass says
 * whether the buffer was big enough. */
typedef struct class_writer {
    unsigned char *out;
    size_t n, cap;
} class_writer;

static void u1(class_writer *w, size_t v) {
    if (w->n < w->cap) w->out[w->n] = (unsigned char)(v & 0xFF);
    w->n++;
}
static void u2(class_writer *w, size_t v) {
    u1(w, v >> 8);
    u1(w, v);
}
/* A CONSTANT_Utf8 entry. */
static void utf8(class_writer *w, const char *s) {
    size_t len = strlen(s);
    u1(w, 1);
    u2(w, len);
    if (w->n + len <= w->cap) memcpy(w->out + w->n, s, len);
    w->n += len;
}

/* The class file of: public final class CProxyHandler implements InvocationHandler
 * { private long handle; public native Object invoke(Object, Method, Object[]); }
 * It has no constructor: instances come from AllocObject. */
static size_t handler_class_bytes(unsigned char *out, size_t cap) {
    class_writer cw = {out, 0, cap}, *w = &cw;
    u1(w, 0xCA), u1(w, 0xFE), u1(w, 0xBA), u1(w, 0xBE), u2(w, 0), u2(w, 52);
    u2(w, 11);
    u1(w, 7), u2(w, 2), utf8(w, HANDLER_CLASS);
    u1(w, 7), u2(w, 4), utf8(w, "java/lang/Object");
    u1(w, 7), u2(w, 6), utf8(w, "java/lang/reflect/InvocationHandler");
    utf8(w, "handle"), utf8(w, "J"), utf8(w, "invoke"), utf8(w, INVOKE_SIG);
    u2(w, 0x0031), u2(w, 1), u2(w, 3), u2(w, 1), u2(w, 5);
    u2(w, 1), u2(w, 0x0002), u2(w, 7), u2(w, 8), u2(w, 0);
    u2(w, 1), u2(w, 0x0101), u2(w, 9), u2(w, 10), u2(w, 0);
    u2(w, 0);
    return w->n;
}

/* Process-wide, as the class is: defined once, it outlives a jb_vm_close that leaves the JVM running.
 * Until then it is defined without being looked up first: FindClass for a class the JVM does not
 * have searches the whole class path, opening every jar on it (and, on JDK 25, starting the lambda
 * machinery), which made jb_vm_open 1.2-1.4x a bare JNI_CreateJavaVM. Set under vm.c's state lock. */
static int handler_defined;

static jclass define_handler(JNIEnv *env) {
    unsigned char bytes[512];
    size_t len = handler_class_bytes(bytes, sizeof bytes);
    /* In the system loader, not the bootstrap one: JNI's FindClass inside a handler (a
     * native method of this class) then finds the application's classes, as on a C thread. */
    jclass cl = (*env)->FindClass(env, "java/lang/ClassLoader");
    jmethodID get_system = cl != NULL ? (*env)->GetStaticMethodID(env, cl, "getSystemClassLoader",
                                                                  "()Ljava/lang/ClassLoader;") : NULL;
    jobject system_loader = get_system != NULL ? (*env)->CallStaticObjectMethod(env, cl, get_system) : NULL;
    jclass local = NULL;
    if (system_loader != NULL && !(*env)->ExceptionCheck(env)) {
        local = (*env)->DefineClass(env, HANDLER_CLASS, system_loader, (const jbyte *)bytes, (jsize)len);
        if (local == NULL) {
            /* Defined already by another copy of libjavabridge in this JVM (one unloaded and loaded
             * again starts with handler_defined clear): the LinkageError says so, the lookup finds it. */
            (*env)->ExceptionClear(env);
            local = (*env)->FindClass(env, HANDLER_CLASS);
        }
    }
    if (system_loader != NULL) (*env)->DeleteLocalRef(env, system_loader);
    if (cl != NULL) (*env)->DeleteLocalRef(env, cl);
    return local;
}

int jbi_proxy_ids_load(JNIEnv *env) {
    memset(&P, 0, sizeof P);
    jclass local = handler_defined ? (*env)->FindClass(env, HANDLER_CLASS) : NULL;
    if (local == NULL) {
        (*env)->ExceptionClear(env);
        if ((local = define_handler(env)) == NULL) goto fail;
    }
    handler_defined = 1;
    P.handler = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (P.handler == NULL) goto fail;
    JNINativeMethod natives[] = {{(char *)"invoke", (char *)INVOKE_SIG, (void *)proxy_invoke}};
    if ((*env)->RegisterNatives(env, P.handler, natives, 1) != 0) goto fail;
    if ((P.handler_token = (*env)->GetFieldID(env, P.handler, "handle", "J")) == NULL) goto fail;
    if ((P.object_class = jbk_global_class(env, "java/lang/Object")) == NULL ||
        (P.class_class = jbk_global_class(env, "java/lang/Class")) == NULL ||
        (P.proxy_class = jbk_global_class(env, "java/lang/reflect/Proxy")) == NULL ||
        (P.throwable_class = jbk_global_class(env, "java/lang/Throwable")) == NULL ||
        (P.runtime_exc = jbk_global_class(env, "java/lang/RuntimeException")) == NULL ||
        (P.illegal_state = jbk_global_class(env, "java/lang/IllegalStateException")) == NULL ||
        (P.unsupported = jbk_global_class(env, "java/lang/UnsupportedOperationException")) == NULL ||
        (P.null_pointer = jbk_global_class(env, "java/lang/NullPointerException")) == NULL) goto fail;
    jclass method_class = (*env)->FindClass(env, "java/lang/reflect/Method");
    if (method_class == NULL || (P.ih_class = jbk_global_class(env, "java/lang/reflect/InvocationHandler")) == NULL ||
        (P.system_class = jbk_global_class(env, "java/lang/System")) == NULL) goto fail;
    jclass ih = P.ih_class, sys = P.system_class;
    P.new_proxy_instance = (*env)->GetStaticMethodID(env, P.proxy_class, "newProxyInstance",
        "(Ljava/lang/ClassLoader;[Ljava/lang/Class;Ljava/lang/reflect/InvocationHandler;)Ljava/lang/Object;");
    P.class_get_loader = (*env)->GetMethodID(env, P.class_class, "getClassLoader", "()Ljava/lang/ClassLoader;");
    P.class_is_interface = (*env)->GetMethodID(env, P.class_class, "isInterface", "()Z");
    P.class_for_name = (*env)->GetStaticMethodID(env, P.class_class, "forName",
                                                 "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;");
    P.method_get_name = (*env)->GetMethodID(env, method_class, "getName", "()Ljava/lang/String;");
    P.method_get_return_type = (*env)->GetMethodID(env, method_class, "getReturnType", "()Ljava/lang/Class;");
    P.method_is_default = (*env)->GetMethodID(env, method_class, "isDefault", "()Z");
    P.method_get_declaring_class = (*env)->GetMethodID(env, method_class, "getDeclaringClass", "()Ljava/lang/Class;");
    P.invoke_default = (*env)->GetStaticMethodID(env, ih, "invokeDefault",
        "(Ljava/lang/Object;Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;");
    P.identity_hash = (*env)->GetStaticMethodID(env, sys, "identityHashCode", "(Ljava/lang/Object;)I");
    P.class_get_methods = (*env)->GetMethodID(env, P.class_class, "getMethods", "()[Ljava/lang/reflect/Method;");
    P.method_get_params = (*env)->GetMethodID(env, method_class, "getParameterTypes", "()[Ljava/lang/Class;");
    (*env)->DeleteLocalRef(env, method_class);
    if ((P.class_loader_class = jbk_global_class(env, "java/lang/ClassLoader")) == NULL) goto fail;
    P.get_system_loader = (*env)->GetStaticMethodID(env, P.class_loader_class, "getSystemClassLoader",
                                                    "()Ljava/lang/ClassLoader;");
    if (P.get_system_loader == NULL || P.class_get_methods == NULL || P.method_get_params == NULL) goto fail;
    if (P.new_proxy_instance == NULL || P.class_get_loader == NULL || P.class_is_interface == NULL ||
        P.class_for_name == NULL || P.method_get_name == NULL || P.method_get_return_type == NULL ||
        P.method_is_default == NULL || P.method_get_declaring_class == NULL || P.invoke_default == NULL ||
        P.identity_hash == NULL) goto fail;
    {
        jclass vbox = (*env)->FindClass(env, "java/lang/Void");
        if (vbox == NULL) goto fail;
        jfieldID t = (*env)->GetStaticFieldID(env, vbox, "TYPE", "Ljava/lang/Class;");
        jobject vt = t != NULL ? (*env)->GetStaticObjectField(env, vbox, t) : NULL;
        (*env)->DeleteLocalRef(env, vbox);
        if (vt == NULL || (P.prim[0] = (*env)->NewGlobalRef(env, vt)) == NULL) goto fail;
        (*env)->DeleteLocalRef(env, vt);
    }
    for (int k = 1; k <= 8; k++) {
        char sig[64];
        if ((P.box[k] = jbk_global_class(env, box_names[k])) == NULL) goto fail;
        jfieldID t = (*env)->GetStaticFieldID(env, P.box[k], "TYPE", "Ljava/lang/Class;");
        jobject type = t != NULL ? (*env)->GetStaticObjectField(env, P.box[k], t) : NULL;
        if (type == NULL || (P.prim[k] = (*env)->NewGlobalRef(env, type)) == NULL) goto fail;
        (*env)->DeleteLocalRef(env, type);
        snprintf(sig, sizeof sig, "(%c)L%s;", box_kinds[k], box_names[k]);
        P.value_of[k] = (*env)->GetStaticMethodID(env, P.box[k], "valueOf", sig);
        snprintf(sig, sizeof sig, "()%c", box_kinds[k]);
        P.unbox[k] = (*env)->GetMethodID(env, P.box[k], unbox_names[k], sig);
        if (P.value_of[k] == NULL || P.unbox[k] == NULL) goto fail;
    }
    return JB_OK;
fail:
    (*env)->ExceptionClear(env);
    jbi_proxy_ids_release(env);
    return JB_EINTERNAL;
}

void jbi_proxy_ids_release(JNIEnv *env) {
    if (env != NULL) {
        jclass globals[] = {P.handler, P.system_class, P.ih_class, P.object_class, P.class_class, P.proxy_class, P.throwable_class,
                            P.runtime_exc, P.illegal_state, P.unsupported, P.class_loader_class, P.null_pointer};
        for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
            if (globals[i] != NULL) (*env)->DeleteGlobalRef(env, globals[i]);
        }
        for (int k = 0; k <= 8; k++) {
            if (P.box[k] != NULL) (*env)->DeleteGlobalRef(env, P.box[k]);
            if (P.prim[k] != NULL) (*env)->DeleteGlobalRef(env, P.prim[k]);
        }
    }
    memset(&P, 0, sizeof P);
}

/* ---- one call ------------------------------------------------------------------------------- */

struct jb_proxy_call {
    JNIEnv *env;
    jobject proxy, method;
    jobjectArray args;
    size_t argc;
    const char *name;
    /* a method of a native class: the host-native call and its arguments, else NULL */
    jb_native_call *native;
    const jb_arg *native_args;
    jobject result;      /* a local reference, or NULL */
    int has_result;
    jbi_host_throw thrown; /* for jb_proxy_call_throw */
    /* what jb_proxy_call_arg lent out, freed when the handler returns */
    char **strings;
    size_t nstrings;
    jb_object **objects;
    size_t nobjects;
};

JB_API const char *jb_proxy_call_method(const jb_proxy_call *call) {
    return call != NULL && call->name != NULL ? call->name : "";
}

JB_API size_t jb_proxy_call_arg_count(const jb_proxy_call *call) {
    return call != NULL ? call->argc : 0;
}

static int lend(void ***list, size_t *n, void *p) {
    void **grown = realloc(*list, (*n + 1) * sizeof *grown);
    if (grown == NULL) return 0;
    grown[(*n)++] = p;
    *list = grown;
    return 1;
}

JB_API int jb_proxy_call_arg(jb_proxy_call *call, size_t index, jb_arg *out) {
    if (call == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_proxy_call_arg: call and out must not be NULL");
    }
    if (index >= call->argc) {
        return jbi_fail(JB_EINVAL, "jb_proxy_call_arg: index %zu, but %s has %zu arguments", index, call->name, call->argc);
    }
    if (call->native != NULL) {
        *out = call->native_args[index]; /* borrowed from the host-native call, as lent ones are */
        return JB_OK;
    }
    JNIEnv *env = call->env;
    jobject v = (*env)->GetObjectArrayElement(env, call->args, (jsize)index);
    int rc = JB_OK;
    if (v == NULL) {
        *out = jb_arg_null();
        return JB_OK;
    }
    int k = 1;
    while (k <= 8 && !(*env)->IsInstanceOf(env, v, P.box[k])) k++;
    switch (k) {
    case 1: *out = jb_arg_bool((*env)->CallBooleanMethod(env, v, P.unbox[k]) != JNI_FALSE); break;
    case 2: *out = jb_arg_int8((*env)->CallByteMethod(env, v, P.unbox[k])); break;
    case 3: *out = jb_arg_int16((*env)->CallShortMethod(env, v, P.unbox[k])); break;
    case 4: *out = jb_arg_uint16((*env)->CallCharMethod(env, v, P.unbox[k])); break;
    case 5: *out = jb_arg_int32((*env)->CallIntMethod(env, v, P.unbox[k])); break;
    case 6: *out = jb_arg_int64((*env)->CallLongMethod(env, v, P.unbox[k])); break;
    case 7: *out = jb_arg_float((*env)->CallFloatMethod(env, v, P.unbox[k])); break;
    case 8: *out = jb_arg_double((*env)->CallDoubleMethod(env, v, P.unbox[k])); break;
    default:
        if ((*env)->IsInstanceOf(env, v, jbi_java.string_class)) {
            char *s = NULL;
            size_t len = 0;
            rc = jbi_string_to_utf8(env, v, 1, &s, &len);
            if (rc == JB_OK && !lend((void ***)&call->strings, &call->nstrings, s)) {
                free(s);
                rc = JB_ENOMEM;
            }
            if (rc == JB_OK) *out = jb_arg_string_n(s, len);
        } else {
            uintptr_t token = 0;
            rc = jbi_object_wrap(env, v, &token);
            if (rc == JB_OK && !lend((void ***)&call->objects, &call->nobjects, (void *)token)) {
                jb_object_free((jb_object *)token);
                rc = JB_ENOMEM;
            }
            if (rc == JB_OK) *out = jb_arg_object((jb_object *)token);
        }
        break;
    }
    (*env)->DeleteLocalRef(env, v);
    if (rc == JB_OK && (*env)->ExceptionCheck(env)) {
        rc = jbi_java_check(env, JB_EJAVA, "jb_proxy_call_arg: unboxing");
    }
    return rc == JB_OK || rc == JB_EJAVA ? rc : jbi_fail(rc, "jb_proxy_call_arg: no memory for argument %zu", index);
}

JB_API int jb_proxy_call_return(jb_proxy_call *call, jb_arg value) {
    if (call == NULL) {
        return jbi_fail(JB_EINVAL, "jb_proxy_call_return: call is NULL");
    }
    if (call->native != NULL) return jb_proxy_call_set_result(call, &value);
    JNIEnv *env = call->env;
    jclass rt = (*env)->CallObjectMethod(env, call->method, P.method_get_return_type);
    if ((*env)->ExceptionCheck(env) || rt == NULL) {
        return jbi_java_check(env, JB_EJAVA, "jb_proxy_call_return: Method.getReturnType");
    }
    int k = 0;
    while (k <= 8 && !(*env)->IsSameObject(env, rt, P.prim[k])) k++;
    if (k == 0) {
        (*env)->DeleteLocalRef(env, rt);
        return jbi_fail(JB_ETYPE, "jb_proxy_call_return: %s returns void", call->name);
    }
    /* The declared return type as a one-parameter method, so that the value is checked as an
     * argument is (call.c). */
    char kind = k <= 8 ? box_kinds[k] : 'L';
    jclass param_class = k <= 8 ? NULL : rt;
    unsigned char string_ok = k <= 8 ? 0 : (*env)->IsAssignableFrom(env, jbi_java.string_class, rt) ? 1 : 0;
    char display[300];
    snprintf(display, sizeof display, "the result of proxy method %s", call->name);
    jvalue v;
    uintptr_t held = 0;
    int rc = jbi_convert_typed(env, kind, param_class, string_ok, display, &value, &v, &held);
    jobject result = NULL;
    if (rc == JB_OK) {
        if (k <= 8) {
            result = (*env)->CallStaticObjectMethodA(env, P.box[k], P.value_of[k], &v);
            rc = jbi_java_check(env, JB_ENOMEM, "jb_proxy_call_return: boxing");
        } else if (v.l != NULL) {
            result = (*env)->NewLocalRef(env, v.l); /* outlives the object handle and the frame */
        }
    }
    if (held != 0) jbi_handles_release(held);
    (*env)->DeleteLocalRef(env, rt);
    if (rc == JB_OK) {
        if (call->result != NULL) (*env)->DeleteLocalRef(env, call->result);
        call->result = result;
        call->has_result = 1;
    }
    return rc;
}

JB_API int jb_proxy_call_set_result(jb_proxy_call *call, const jb_arg *result) {
    if (call == NULL || result == NULL) {
        return jbi_fail(JB_EINVAL, "jb_proxy_call_set_result: call or result is NULL");
    }
    if (call->native != NULL) {
        int rc = jb_native_call_set_result(call->native, result);
        if (rc == JB_OK) call->has_result = 1;
        return rc;
    }
    return jb_proxy_call_return(call, *result);
}

JB_API int jb_proxy_call_throw(jb_proxy_call *call, const char *exception_class, const char *message) {
    if (call == NULL) {
        return jbi_fail(JB_EINVAL, "jb_proxy_call_throw: call is NULL");
    }
    return jbi_host_throw_set(&call->thrown, "jb_proxy_call_throw", exception_class, message);
}

/* A Java string from C text that may not be valid UTF-8 (bad bytes become U+FFFD). */
static jstring lenient_string(JNIEnv *env, const char *s) {
    size_t len = strlen(s), units = 0, bad = 0;
    int rc = JB_OK;
    if (jbi_utf8_to_utf16_length(s, len, &units, &bad) == JBI_UTF_OK) {
        return jbi_string_from_utf8(env, s, len, 0, &rc);
    }
    char *copy = strdup(s);
    if (copy == NULL) return NULL;
    for (size_t i = 0; copy[i] != '\0'; i++) {
        if ((unsigned char)copy[i] >= 0x80) copy[i] = '?'; /* keep it simple: ASCII is always valid */
    }
    jstring r = jbi_string_from_utf8(env, copy, len, 0, &rc);
    free(copy);
    return r;
}

static void throw_runtime(JNIEnv *env, jclass cls, const char *fmt, const char *a, const char *b) {
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, a, b);
    (*env)->ThrowNew(env, cls, msg);
}

/* The handler's exception: its class found by the proxy's loader, made with its (String) constructor. */
static void throw_from_handler(JNIEnv *env, jb_proxy_call *call, int rc) {
    if (!call->thrown.set) {
        throw_runtime(env, P.runtime_exc, "jb_proxy handler for %s failed with %s", call->name, jb_error_name(rc));
        return;
    }
    const char *cname = call->thrown.exc_class != NULL ? call->thrown.exc_class : "java.lang.RuntimeException";
    const char *msg = call->thrown.exc_message;
    jthrowable t = NULL;
    jclass proxy_cls = (*env)->GetObjectClass(env, call->proxy);
    jobject loader = (*env)->CallObjectMethod(env, proxy_cls, P.class_get_loader);
    jstring jname = !(*env)->ExceptionCheck(env) ? lenient_string(env, cname) : NULL;
    jclass cls = NULL;
    if (jname != NULL && !(*env)->ExceptionCheck(env)) {
        cls = (*env)->CallStaticObjectMethod(env, P.class_class, P.class_for_name, jname, JNI_TRUE, loader);
    }
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        cls = NULL;
    }
    if (cls != NULL && (*env)->IsAssignableFrom(env, cls, P.throwable_class)) {
        jmethodID ctor = (*env)->GetMethodID(env, cls, "<init>", "(Ljava/lang/String;)V");
        if (ctor == NULL) {
            (*env)->ExceptionClear(env);
        } else {
            jstring jmsg = msg != NULL ? lenient_string(env, msg) : NULL;
            if (!(*env)->ExceptionCheck(env)) t = (*env)->NewObject(env, cls, ctor, jmsg);
            if ((*env)->ExceptionCheck(env)) {
                (*env)->ExceptionClear(env);
                t = NULL;
            }
        }
    }
    if (t != NULL) {
        (*env)->Throw(env, t);
    } else {
        throw_runtime(env, P.runtime_exc, "the jb_proxy handler's exception class %s could not be made; its message: %s",
                      cname, msg != NULL ? msg : "(none)");
    }
}

/* Object's methods and default methods, when the handler leaves them. */
static jobject unhandled(JNIEnv *env, jb_proxy_call *call) {
    jclass decl = (*env)->CallObjectMethod(env, call->method, P.method_get_declaring_class);
    if ((*env)->ExceptionCheck(env)) return NULL;
    if (decl != NULL && (*env)->IsSameObject(env, decl, P.object_class)) {
        jint hash = (*env)->CallStaticIntMethod(env, P.system_class, P.identity_hash, call->proxy);
        if ((*env)->ExceptionCheck(env)) return NULL;
        if (strcmp(call->name, "equals") == 0 && call->argc == 1) {
            jobject other = (*env)->GetObjectArrayElement(env, call->args, 0);
            jvalue z;
            z.z = (*env)->IsSameObject(env, call->proxy, other) ? JNI_TRUE : JNI_FALSE;
            return (*env)->CallStaticObjectMethodA(env, P.box[1], P.value_of[1], &z);
        }
        if (strcmp(call->name, "hashCode") == 0 && call->argc == 0) {
            jvalue i;
            i.i = hash;
            return (*env)->CallStaticObjectMethodA(env, P.box[5], P.value_of[5], &i);
        }
        if (strcmp(call->name, "toString") == 0 && call->argc == 0) {
            char text[32];
            snprintf(text, sizeof text, "jb_proxy@%x", (unsigned)hash);
            return (*env)->NewStringUTF(env, text);
        }
    }
    jboolean is_default = (*env)->CallBooleanMethod(env, call->method, P.method_is_default);
    if ((*env)->ExceptionCheck(env)) return NULL;
    if (is_default) {
        return (*env)->CallStaticObjectMethod(env, P.ih_class, P.invoke_default, call->proxy, call->method, call->args);
    }
    throw_runtime(env, P.unsupported, "the jb_proxy handler does not implement %s%s", call->name, "");
    return NULL;
}

static jobject JNICALL proxy_invoke(JNIEnv *env, jobject self, jobject proxy, jobject method, jobjectArray args) {
    uint64_t token = (uint64_t)(*env)->GetLongField(env, self, P.handler_token);
    jb_proxy_fn fn = NULL;
    void *ud = NULL;
    if (!reg_acquire(token, &fn, &ud)) {
        (*env)->ThrowNew(env, P.illegal_state, "this proxy's C handler was freed (jb_proxy_free)");
        return NULL;
    }
    jb_proxy_call call;
    memset(&call, 0, sizeof call);
    call.env = env;
    call.proxy = proxy;
    call.method = method;
    call.args = args;
    call.argc = args != NULL ? (size_t)(*env)->GetArrayLength(env, args) : 0;
    jobject result = NULL;
    jstring name = (*env)->CallObjectMethod(env, method, P.method_get_name);
    if ((*env)->ExceptionCheck(env)) {
        reg_release(token);
        return NULL;
    }
    char *owned_name = NULL;
    if (name == NULL || jbi_string_to_utf8(env, name, 1, &owned_name, NULL) != JB_OK) {
        if (!(*env)->ExceptionCheck(env)) (*env)->ThrowNew(env, P.runtime_exc, "jb_proxy: no memory for a method name");
        reg_release(token);
        return NULL;
    }
    (*env)->DeleteLocalRef(env, name);
    call.name = owned_name;
    int rc = fn(&call, ud);
    reg_release(token);
    for (size_t i = 0; i < call.nstrings; i++) free(call.strings[i]);
    for (size_t i = 0; i < call.nobjects; i++) jb_object_free(call.objects[i]);
    free(call.strings);
    free(call.objects);
    if ((*env)->ExceptionCheck(env)) {
        /* The handler left a Java exception pending (jb_ calls never do): it is the call's. */
        if (call.result != NULL) (*env)->DeleteLocalRef(env, call.result);
    } else if (rc == JB_OK) {
        result = call.result;
    } else if (rc == JB_PROXY_UNHANDLED) {
        if (call.result != NULL) (*env)->DeleteLocalRef(env, call.result);
        result = unhandled(env, &call);
    } else {
        if (call.result != NULL) (*env)->DeleteLocalRef(env, call.result);
        throw_from_handler(env, &call, rc);
    }
    free(owned_name);
    jbi_host_throw_free(&call.thrown);
    return result;
}

/* ---- native classes --------------------------------------------------------------------------- */

enum { OBJ_NONE, OBJ_EQUALS, OBJ_HASH_CODE, OBJ_TO_STRING };

typedef struct native_method {
    char *name;
    int object_method; /* OBJ_*: what JB_PROXY_UNHANDLED means for it */
    char result_kind;  /* its descriptor's */
    jfieldID token;    /* its class's handle field */
} native_method;

typedef struct native_class {
    struct native_class *next;
    char *key; /* the interface names as given, each ended by '\n' */
    jclass cls; /* global reference, kept: its methods stay bound */
    jfieldID token;
    native_method *methods;
    size_t count;
} native_class;

/* Native classes are kept for good, and each method holds a host-native slot: they may take a
 * quarter of the slots, so that jb_register_natives() keeps the rest; past that, Proxy serves. */
#define NATIVE_SLOTS_MAX (JB_NATIVES_MAX / 4)

static pthread_mutex_t class_lock = PTHREAD_MUTEX_INITIALIZER;
static native_class *native_classes;
static unsigned native_class_serial;
static size_t native_slots;

/* JB_PROXY_UNHANDLED for one of Object's methods: what Object's own does (proxy.h). */
static int object_default(JNIEnv *env, jb_native_call *nc, const native_method *m, jobject self, const jb_arg *args) {
    if (m->object_method == OBJ_EQUALS) {
        jobject other = NULL;
        void *ptr = NULL;
        uintptr_t handle = args[0].type == JB_ARG_OBJECT ? (uintptr_t)args[0].u.obj : 0;
        if (handle != 0 && jbi_handles_acquire(handle, JBI_HANDLE_OBJECT, &ptr) == JBI_H_OK) {
            other = ((jbi_object *)ptr)->ref;
        }
        jb_arg r = jb_arg_bool(other != NULL && (*env)->IsSameObject(env, self, other));
        if (ptr != NULL) jbi_handles_release(handle);
        return jb_native_call_set_result(nc, &r);
    }
    jint hash = (*env)->CallStaticIntMethod(env, P.system_class, P.identity_hash, self);
    if ((*env)->ExceptionCheck(env)) return JB_EJAVA;
    if (m->object_method == OBJ_HASH_CODE) {
        jb_arg r = jb_arg_int32(hash);
        return jb_native_call_set_result(nc, &r);
    }
    char text[32];
    snprintf(text, sizeof text, "jb_proxy@%x", (unsigned)hash);
    jb_arg r = jb_arg_string(text);
    return jb_native_call_set_result(nc, &r);
}

static int nm_primitive(char kind) { return kind != 'V' && kind != 'L' && kind != '['; }

/* Every method of a native class: the host native behind it (proxy_invoke's twin). */
static int native_invoke(jb_native_call *nc, const jb_arg *args, size_t nargs, void *user_data) {
    const native_method *m = user_data;
    JNIEnv *env = jbi_native_call_env(nc);
    jobject self = jbi_native_call_self(nc);
    uint64_t token = (uint64_t)(*env)->GetLongField(env, self, m->token);
    jb_proxy_fn fn = NULL;
    void *ud = NULL;
    /* Exceptions are thrown here as proxy_invoke throws them, then returned as failures with
     * the exception pending, which a host native's failure leaves as the call's. */
    if (!reg_peek(token, &fn, &ud)) {
        (*env)->ThrowNew(env, P.illegal_state, "this proxy's C handler was freed (jb_proxy_free)");
        return JB_EHANDLE;
    }
    /* Only what a handler can read is set: a memset of the whole call is a visible part of
     * this path. */
    jb_proxy_call call;
    call.env = env;
    call.proxy = self;
    call.method = NULL;
    call.args = NULL;
    call.argc = nargs;
    call.name = m->name;
    call.native = nc;
    call.native_args = args;
    call.result = NULL;
    call.has_result = 0;
    call.thrown.exc_class = call.thrown.exc_message = NULL;
    call.thrown.set = 0;
    call.strings = NULL;
    call.nstrings = 0;
    call.objects = NULL;
    call.nobjects = 0;
    int rc = fn(&call, ud);
    /* Only a failure looks for a pending exception (a JNI call costs a thread-state transition,
     * a good part of this path); one the handler left on success is thrown all the same. */
    if (rc == JB_OK && !call.has_result && nm_primitive(m->result_kind)) {
        /* as Proxy does when it unboxes the missing result (proxy.h) */
        throw_runtime(env, P.null_pointer, "the jb_proxy handler for %s%s gave no result", m->name, "");
        rc = JB_EJAVA;
    } else if (rc != JB_OK) {
        if ((*env)->ExceptionCheck(env)) {
            /* The handler left a Java exception pending (jb_ calls never do): it is the call's. */
            if (rc >= 0) rc = JB_EJAVA;
        } else if (rc == JB_PROXY_UNHANDLED && m->object_method != OBJ_NONE) {
            rc = object_default(env, nc, m, self, args);
        } else if (rc == JB_PROXY_UNHANDLED) {
            throw_runtime(env, P.unsupported, "the jb_proxy handler does not implement %s%s", m->name, "");
            rc = JB_EJAVA;
        } else if (rc < 0) {
            throw_from_handler(env, &call, rc);
        }
    }
    if (call.thrown.set) jbi_host_throw_free(&call.thrown);
    return rc;
}

/* A descriptor's kind for a primitive or void class, or 0 for a reference type. */
static char prim_kind(JNIEnv *env, jobject type) {
    static const char kinds[9] = {'V', 'Z', 'B', 'S', 'C', 'I', 'J', 'F', 'D'};
    for (int k = 0; k <= 8; k++) {
        if ((*env)->IsSameObject(env, type, P.prim[k])) return kinds[k];
    }
    return 0;
}

typedef struct method_list {
    char **names, **descs;
    int *object_methods;
    size_t count, cap;
} method_list;

static void method_list_free(method_list *l) {
    for (size_t i = 0; i < l->count; i++) {
        free(l->names[i]);
        free(l->descs[i]);
    }
    free(l->names);
    free(l->descs);
    free(l->object_methods);
}

/* Adds name+desc unless it is there; 0 if memory ran out. */
static int method_list_add(method_list *l, const char *name, const char *desc, int object_method) {
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->names[i], name) == 0 && strcmp(l->descs[i], desc) == 0) return 1;
    }
    if (l->count == l->cap) {
        size_t cap = l->cap != 0 ? 2 * l->cap : 8;
        char **n = realloc(l->names, cap * sizeof *n);
        if (n != NULL) l->names = n;
        char **d = realloc(l->descs, cap * sizeof *d);
        if (d != NULL) l->descs = d;
        int *o = realloc(l->object_methods, cap * sizeof *o);
        if (o != NULL) l->object_methods = o;
        if (n == NULL || d == NULL || o == NULL) return 0;
        l->cap = cap;
    }
    char *nc = strdup(name), *dc = strdup(desc);
    if (nc == NULL || dc == NULL) {
        free(nc);
        free(dc);
        return 0;
    }
    l->names[l->count] = nc;
    l->descs[l->count] = dc;
    l->object_methods[l->count++] = object_method;
    return 1;
}

/*
 * The abstract methods of the interfaces, with Object's equals, hashCode and toString first.
 * 1 if a native class can serve them: every one with primitive (or void) parameters and result
 * only, and no default method (the handler gets those first, and only Proxy can then run the
 * Java body); 0 if not, or on any failure (Proxy then serves the set, as before).
 */
static int collect_methods(JNIEnv *env, jobjectArray classes, size_t count, method_list *out) {
    jmethodID get_methods = P.class_get_methods, get_params = P.method_get_params;
    int ok = method_list_add(out, "equals", "(Ljava/lang/Object;)Z", OBJ_EQUALS) &&
             method_list_add(out, "hashCode", "()I", OBJ_HASH_CODE) &&
             method_list_add(out, "toString", "()Ljava/lang/String;", OBJ_TO_STRING);
    for (size_t i = 0; i < count && ok; i++) {
        jobject c = (*env)->GetObjectArrayElement(env, classes, (jsize)i);
        jobjectArray methods = c != NULL ? (*env)->CallObjectMethod(env, c, get_methods) : NULL;
        jsize n = methods != NULL && !(*env)->ExceptionCheck(env) ? (*env)->GetArrayLength(env, methods) : 0;
        ok = methods != NULL && !(*env)->ExceptionCheck(env);
        for (jsize k = 0; k < n && ok; k++) {
            jobject m = (*env)->GetObjectArrayElement(env, methods, k);
            jint mods = (*env)->CallIntMethod(env, m, jbi_ext.member_get_modifiers);
            if ((*env)->ExceptionCheck(env)) {
                ok = 0;
            } else if ((mods & 0x0008) == 0) { /* static interface methods are not implemented */
                ok = (mods & 0x0400) != 0;      /* abstract: not a default method */
                char desc[64];
                size_t at = 0;
                desc[at++] = '(';
                jobjectArray params = ok ? (*env)->CallObjectMethod(env, m, get_params) : NULL;
                jsize np = params != NULL && !(*env)->ExceptionCheck(env) ? (*env)->GetArrayLength(env, params) : 0;
                if (ok && (params == NULL || (*env)->ExceptionCheck(env) || np > 12)) ok = 0;
                for (jsize p = 0; p < np && ok; p++) {
                    jobject t = (*env)->GetObjectArrayElement(env, params, p);
                    char kind = prim_kind(env, t);
                    ok = kind != 0 && kind != 'V';
                    desc[at++] = kind;
                    (*env)->DeleteLocalRef(env, t);
                }
                jobject rt = ok ? (*env)->CallObjectMethod(env, m, P.method_get_return_type) : NULL;
                char rk = rt != NULL && !(*env)->ExceptionCheck(env) ? prim_kind(env, rt) : 0;
                ok = ok && rk != 0;
                desc[at++] = ')';
                desc[at++] = rk;
                desc[at] = '\0';
                jstring jname = ok ? (*env)->CallObjectMethod(env, m, P.method_get_name) : NULL;
                char *name = NULL;
                if (ok && (jname == NULL || (*env)->ExceptionCheck(env) || jbi_string_to_utf8(env, jname, 1, &name, NULL) != JB_OK)) ok = 0;
                if (ok) ok = method_list_add(out, name, desc, OBJ_NONE);
                free(name);
                if (jname != NULL) (*env)->DeleteLocalRef(env, jname);
                if (rt != NULL) (*env)->DeleteLocalRef(env, rt);
                if (params != NULL) (*env)->DeleteLocalRef(env, params);
            }
            (*env)->DeleteLocalRef(env, m);
        }
        if (methods != NULL) (*env)->DeleteLocalRef(env, methods);
        if (c != NULL) (*env)->DeleteLocalRef(env, c);
    }
    (*env)->ExceptionClear(env);
    return ok;
}

/* The class file of: public final class <name> implements <interfaces> { private long handle;
 * public native ... one per method }; malloc'ed, *len its size. No constructor: AllocObject. */
static unsigned char *native_class_bytes(JNIEnv *env, const char *name, jobjectArray classes, size_t count,
                                         const method_list *l, size_t *len) {
    /* The fixed part is 73 bytes plus the name (header 10, this class 6, Object 22, handle's two
     * entries 13, flags/this/super 6, the four counts 8, the field 8); each interface takes 8
     * plus its name, each method 14 plus its name and descriptor. Writes past cap are dropped
     * and fail the build of the class, so a wrong count can only refuse, never overflow. */
    size_t cap = 80 + strlen(name), n = 0;
    char **inames = calloc(count, sizeof *inames);
    if (inames == NULL) return NULL;
    int ok = 1;
    for (size_t i = 0; i < count && ok; i++) {
        jobject c = (*env)->GetObjectArrayElement(env, classes, (jsize)i);
        jstring jn = (*env)->CallObjectMethod(env, c, jbi_java.class_get_name);
        ok = jn != NULL && !(*env)->ExceptionCheck(env) && jbi_string_to_utf8(env, jn, 0, &inames[i], NULL) == JB_OK;
        for (char *p = ok ? inames[i] : NULL; p != NULL && *p != '\0'; p++) {
            if (*p == '.') *p = '/';
        }
        if (ok) cap += 8 + strlen(inames[i]);
        if (jn != NULL) (*env)->DeleteLocalRef(env, jn);
        (*env)->DeleteLocalRef(env, c);
    }
    for (size_t i = 0; i < l->count; i++) cap += 16 + strlen(l->names[i]) + strlen(l->descs[i]);
    unsigned char *out = ok ? malloc(cap) : NULL;
    size_t pool = 4 + 2 * count + 2 + 2 * l->count;
    if (out != NULL && pool < 65535 && count < 65535) {
        class_writer cw = {out, 0, cap}, *w = &cw;
        u1(w, 0xCA), u1(w, 0xFE), u1(w, 0xBA), u1(w, 0xBE), u2(w, 0), u2(w, 52);
        u2(w, pool + 1);
        u1(w, 7), u2(w, 2), utf8(w, name);                      /* 1, 2 */
        u1(w, 7), u2(w, 4), utf8(w, "java/lang/Object");        /* 3, 4 */
        for (size_t i = 0; i < count; i++) u1(w, 7), u2(w, 6 + 2 * i), utf8(w, inames[i]); /* 5 + 2i, 6 + 2i */
        size_t field = 5 + 2 * count;
        utf8(w, "handle"), utf8(w, "J");                     /* field, field + 1 */
        for (size_t i = 0; i < l->count; i++) utf8(w, l->names[i]), utf8(w, l->descs[i]); /* field + 2 + 2i, ... */
        u2(w, 0x0031), u2(w, 1), u2(w, 3);
        u2(w, count);
        for (size_t i = 0; i < count; i++) u2(w, 5 + 2 * i);
        u2(w, 1), u2(w, 0x0002), u2(w, field), u2(w, field + 1), u2(w, 0);
        u2(w, l->count);
        for (size_t i = 0; i < l->count; i++) u2(w, 0x0101), u2(w, field + 2 + 2 * i), u2(w, field + 3 + 2 * i), u2(w, 0);
        u2(w, 0);
        n = w->n;
        *len = n;
    } else {
        n = cap + 1; /* no memory, or more constants than a class file holds */
    }
    if (n > cap) {
        free(out);
        out = NULL;
    }
    for (size_t i = 0; i < count; i++) free(inames[i]);
    free(inames);
    return out;
}

/* The key of an interface set: its names in order, each ended by '\n' (NULL: no memory). */
static char *set_key(const char *const *interfaces, size_t count) {
    size_t len = 1;
    for (size_t i = 0; i < count; i++) len += strlen(interfaces[i]) + 1;
    char *key = malloc(len), *p = key;
    if (key == NULL) return NULL;
    for (size_t i = 0; i < count; i++) {
        size_t l = strlen(interfaces[i]);
        memcpy(p, interfaces[i], l);
        p[l] = '\n';
        p += l + 1;
    }
    *p = '\0';
    return key;
}

/*
 * The native class for an interface set whose proxy class would be defined in the system
 * loader (so a class kept for good pins no loader a host may want collected), defined and bound
 * on first use; NULL when the set cannot have one (collect_methods, or no host-native slots
 * left), and Proxy serves it. Nothing pending, no last error set, either way.
 */
static native_class *native_class_for(JNIEnv *env, jobject loader, const char *const *interfaces, size_t count,
                                      jobjectArray classes) {
    char *key = set_key(interfaces, count);
    if (key == NULL) return NULL;
    pthread_mutex_lock(&class_lock);
    native_class *nc = native_classes;
    while (nc != NULL && strcmp(nc->key, key) != 0) nc = nc->next;
    if (nc != NULL) {
        pthread_mutex_unlock(&class_lock);
        free(key);
        return nc->cls != NULL ? nc : NULL;
    }
    /* Remembered either way, so that a set no native class can serve is looked at once. */
    nc = calloc(1, sizeof *nc);
    if (nc == NULL) {
        pthread_mutex_unlock(&class_lock);
        free(key);
        return NULL;
    }
    nc->key = key;
    method_list l;
    memset(&l, 0, sizeof l);
    jclass local = NULL;
    if (collect_methods(env, classes, count, &l) && native_slots + l.count <= NATIVE_SLOTS_MAX) {
        char name[64];
        snprintf(name, sizeof name, "dev/javabridge/capi/CNativeProxy%u", ++native_class_serial);
        size_t len = 0;
        unsigned char *bytes = native_class_bytes(env, name, classes, count, &l, &len);
        if (bytes != NULL) local = (*env)->DefineClass(env, name, loader, (const jbyte *)bytes, (jsize)len);
        free(bytes);
        (*env)->ExceptionClear(env); /* an interface the class cannot see or implement: Proxy's job */
    }
    jb_native_method *table = local != NULL ? calloc(l.count, sizeof *table) : NULL;
    nc->methods = table != NULL ? calloc(l.count, sizeof *nc->methods) : NULL;
    nc->token = nc->methods != NULL ? (*env)->GetFieldID(env, local, "handle", "J") : NULL;
    if (nc->token != NULL) {
        for (size_t i = 0; i < l.count; i++) {
            nc->methods[i].name = l.names[i];
            l.names[i] = NULL;
            nc->methods[i].object_method = l.object_methods[i];
            nc->methods[i].result_kind = strchr(l.descs[i], ')')[1];
            nc->methods[i].token = nc->token;
            table[i].name = nc->methods[i].name;
            table[i].signature = l.descs[i];
            table[i].fn = native_invoke;
            table[i].user_data = &nc->methods[i];
        }
        nc->count = l.count;
        if (jbi_register_natives_with_self(env, local, table, l.count) == JB_OK) {
            native_slots += l.count;
            nc->cls = (*env)->NewGlobalRef(env, local);
        }
    }
    (*env)->ExceptionClear(env);
    jb_error_clear(); /* a refused registration (no slots left) falls back to Proxy, no error */
    free(table);
    method_list_free(&l);
    if (local != NULL) (*env)->DeleteLocalRef(env, local);
    nc->next = native_classes;
    native_classes = nc;
    pthread_mutex_unlock(&class_lock);
    return nc->cls != NULL ? nc : NULL;
}

/* ---- creating a proxy ----------------------------------------------------------------------- */

JB_API int jb_proxy_new(const char *const *interfaces, size_t count, jb_proxy_fn fn, void *user_data,
                        jb_proxy **out_proxy, jb_object **out_object) {
    return jbi_proxy_new(NULL, interfaces, count, fn, user_data, out_proxy, out_object);
}

int jbi_proxy_new(jobject class_loader, const char *const *interfaces, size_t count, jb_proxy_fn fn, void *user_data,
                  jb_proxy **out_proxy, jb_object **out_object) {
    if (interfaces == NULL || count == 0 || fn == NULL || out_proxy == NULL || out_object == NULL) {
        return jbi_fail(JB_EINVAL, "jb_proxy_new: interfaces, fn, out_proxy and out_object must be set, count > 0");
    }
    if (count > 65535) {
        return jbi_fail(JB_ERANGE, "jb_proxy_new: %zu interfaces is over Java's limit of 65535", count);
    }
    for (size_t i = 0; i < count; i++) {
        if (interfaces[i] == NULL || interfaces[i][0] == '\0') {
            return jbi_fail(JB_EINVAL, "jb_proxy_new: interface %zu is NULL or empty", i);
        }
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) {
        return rc;
    }
    uint64_t token = 0;
    uintptr_t obj = 0;
    if ((*env)->PushLocalFrame(env, 16) != 0) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_proxy_new");
        jbi_leave();
        return rc != JB_OK ? rc : jbi_fail(JB_ENOMEM, "jb_proxy_new: no local frame");
    }
    jobjectArray classes = (*env)->NewObjectArray(env, (jsize)count, P.class_class, NULL);
    jobject loader = NULL;
    if (classes == NULL) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_proxy_new: Class[]");
        goto done;
    }
    for (size_t i = 0; i < count && rc == JB_OK; i++) {
        size_t n = 0, bad = 0, len = strlen(interfaces[i]);
        if (jbi_utf8_to_modified_length(interfaces[i], len, &n, &bad) != JBI_UTF_OK) {
            rc = jbi_fail(JB_EENCODING, "jb_proxy_new: interface name %zu is not valid UTF-8 (byte %zu)", i, bad);
            break;
        }
        char *name = malloc(n + 1);
        if (name == NULL) {
            rc = jbi_fail(JB_ENOMEM, "jb_proxy_new: no memory");
            break;
        }
        jbi_utf8_to_modified(interfaces[i], len, name);
        name[n] = '\0';
        for (char *p = name; *p != '\0'; p++) {
            if (*p == '.') *p = '/';
        }
        jclass c = jbi_find_class(env, class_loader, name);
        if (c == NULL) {
            char what[600];
            snprintf(what, sizeof what, "jb_proxy_new: finding interface %s", name);
            rc = jbi_java_check(env, JB_ECLASS, what);
        } else {
            jboolean is_interface = (*env)->CallBooleanMethod(env, c, P.class_is_interface);
            if ((rc = jbi_java_check(env, JB_EJAVA, "jb_proxy_new: Class.isInterface")) == JB_OK && !is_interface) {
                rc = jbi_fail(JB_ECLASS, "jb_proxy_new: %s is a class, not an interface", name);
            }
            if (rc == JB_OK) {
                (*env)->SetObjectArrayElement(env, classes, (jsize)i, c);
                /* The first loader that is not the bootstrap one: it can see the bootstrap's
                 * interfaces (java.lang.Runnable) and its own. */
                if (loader == NULL) loader = (*env)->CallObjectMethod(env, c, P.class_get_loader);
                rc = jbi_java_check(env, JB_EJAVA, "jb_proxy_new: Class.getClassLoader");
            }
            (*env)->DeleteLocalRef(env, c);
        }
        free(name);
    }
    if (rc != JB_OK) goto done;
    if (reg_add(fn, user_data, &token) != JB_OK) {
        rc = jbi_fail(JB_ENOMEM, "jb_proxy_new: no memory for a proxy");
        goto done;
    }
    if (class_loader == NULL) {
        jobject system = (*env)->CallStaticObjectMethod(env, P.class_loader_class, P.get_system_loader);
        if ((rc = jbi_java_check(env, JB_EJAVA, "jb_proxy_new: ClassLoader.getSystemClassLoader")) != JB_OK) goto done;
        native_class *nc = loader == NULL || (*env)->IsSameObject(env, loader, system)
                               ? native_class_for(env, system, interfaces, count, classes) : NULL;
        if (nc != NULL) {
            jobject proxy = (*env)->AllocObject(env, nc->cls);
            if ((rc = jbi_java_check(env, JB_ENOMEM, "jb_proxy_new: creating the proxy")) != JB_OK) goto done;
            (*env)->SetLongField(env, proxy, nc->token, (jlong)token);
            rc = jbi_object_wrap(env, proxy, &obj);
            goto done;
        }
    }
    jobject handler = (*env)->AllocObject(env, P.handler);
    if (handler == NULL) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_proxy_new: creating the handler");
        goto done;
    }
    (*env)->SetLongField(env, handler, P.handler_token, (jlong)token);
    jobject proxy = (*env)->CallStaticObjectMethod(env, P.proxy_class, P.new_proxy_instance, loader, classes, handler);
    if ((rc = jbi_java_check(env, JB_EJAVA, "jb_proxy_new: Proxy.newProxyInstance")) != JB_OK) goto done;
    rc = jbi_object_wrap(env, proxy, &obj);
done:
    (*env)->PopLocalFrame(env, NULL);
    jbi_leave();
    if (rc != JB_OK) {
        if (token != 0) jb_proxy_free((jb_proxy *)(uintptr_t)token);
        return rc;
    }
    *out_proxy = (jb_proxy *)(uintptr_t)token;
    *out_object = (jb_object *)obj;
    return JB_OK;
}
