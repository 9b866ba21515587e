/*
 * Method lookup (method.h): the class, the method ID and the class of every reference
 * parameter are resolved once here, so that calls can check arguments without asking Java.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/method.h"
#include "call_want.h"
#include "handles.h"
#include "java_exception.h"
#include "last_error.h"
#include "loader_internal.h"
#include "method_internal.h"
#include "signature.h"
#include "upcall_internal.h"
#include "utf8.h"
#include "vm_state.h"

/* java.lang.reflect.Modifier's values (JVM spec, access flags). */
#define JBI_ACC_INTERFACE 0x0200
#define JBI_ACC_ABSTRACT 0x0400

int jbi_to_modified_utf8(const char *s, size_t len, const char *what, char **out) {
    size_t n = 0, bad = 0;
    if (jbi_utf8_to_modified_length(s, len, &n, &bad) != JBI_UTF_OK) {
        return jbi_fail(JB_EENCODING, "%s is not valid UTF-8 (byte %zu)", what, bad);
    }
    char *m = malloc(n + 1);
    if (m == NULL) {
        return jbi_fail(JB_ENOMEM, "no memory for %s", what);
    }
    jbi_utf8_to_modified(s, len, m);
    m[n] = '\0';
    *out = m;
    return JB_OK;
}

void jbi_method_destroy(jbi_method *m) {
    if (m == NULL) {
        return;
    }
    JNIEnv *env = jbi_cleanup_begin();
    jbi_upcall_retire(env, m->upcall);
    if (env != NULL) {
        if (m->cls != NULL) {
            (*env)->DeleteGlobalRef(env, m->cls);
        }
        for (size_t i = 0; m->param_classes != NULL && i < m->param_count; i++) {
            if (m->param_classes[i] != NULL) {
                (*env)->DeleteGlobalRef(env, m->param_classes[i]);
            }
        }
    }
    jbi_cleanup_end(env);
    free(m->param_kinds);
    free(m->param_classes);
    free(m->string_ok);
    free(m->display);
    free(m);
}

static void destroy_method(jbi_handle_kind kind, void *ptr) {
    (void)kind;
    jbi_method_destroy(ptr);
}

void jbi_method_register_destroy(void) {
    static atomic_int done;
    if (!atomic_load_explicit(&done, memory_order_acquire)) {
        jbi_handles_set_kind_destroy(JBI_HANDLE_METHOD, destroy_method);
        jbi_handles_set_kind_destroy(JBI_HANDLE_FIELD, destroy_method);
        atomic_store_explicit(&done, 1, memory_order_release);
    }
}

/* Resolves the classes of reference parameters; lock-free, in the caller's local frame. */
static int resolve_params(JNIEnv *env, jobject loader, jbi_method *m, const char *sig, const jbi_signature *parsed) {
    for (size_t i = 0; i < parsed->param_count; i++) {
        const jbi_sig_type *t = &parsed->params[i];
        m->param_kinds[i] = t->kind;
        if (!jbi_sig_is_reference(t)) {
            continue;
        }
        /* FindClass takes "java/lang/String" for classes and the descriptor for arrays. */
        const char *start = t->kind == 'L' ? sig + t->offset + 1 : sig + t->offset;
        size_t len = t->kind == 'L' ? t->length - 2 : t->length;
        char *name = NULL;
        int rc = jbi_to_modified_utf8(start, len, "a parameter type", &name);
        if (rc != JB_OK) {
            return rc;
        }
        jclass local = jbi_find_class(env, loader, name);
        if (local == NULL) {
            char what[512]; /* the caller's UTF-8, not JNI's modified form */
            snprintf(what, sizeof what, "finding parameter %zu's class %.*s of %s", i + 1, (int)len, start, m->display);
            free(name);
            return jbi_java_check(env, JB_ECLASS, what);
        }
        free(name);
        m->string_ok[i] = (*env)->IsAssignableFrom(env, jbi_java.string_class, local) ? 1 : 0;
        m->param_classes[i] = (*env)->NewGlobalRef(env, local);
        (*env)->DeleteLocalRef(env, local);
        if (m->param_classes[i] == NULL) {
            return jbi_fail(JB_ENOMEM, "no memory for a global reference");
        }
    }
    return JB_OK;
}

/* An interface has no constructor and an abstract class's would only throw
 * InstantiationException at call time: both are refused at lookup, as method.h says. */
static int check_instantiable(JNIEnv *env, jclass cls, const char *class_name) {
    jint mods = (*env)->CallIntMethod(env, cls, jbi_java.class_get_modifiers);
    if ((*env)->ExceptionCheck(env)) {
        return jbi_java_check(env, JB_ECLASS, "reading a class's modifiers");
    }
    if ((mods & (JBI_ACC_ABSTRACT | JBI_ACC_INTERFACE)) != 0) {
        return jbi_fail(JB_ECLASS, "jb_method_find_constructor: %s is %s: it cannot be instantiated", class_name,
                        (mods & JBI_ACC_INTERFACE) != 0 ? "an interface" : "abstract (or an array class)");
    }
    return JB_OK;
}

int jbi_method_find(jobject loader, jbi_method_kind kind, const char *class_name, const char *method_name,
                    const char *signature, jb_method **out) {
    static const char *const fn[] = {"jb_method_find_static", "jb_method_find_instance", "jb_method_find_constructor"};
    if (class_name == NULL || method_name == NULL || signature == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "%s: class_name, method name, signature and out must not be NULL", fn[kind]);
    }
    if (class_name[0] == '\0' || method_name[0] == '\0') {
        return jbi_fail(JB_EINVAL, "%s: empty class or method name", fn[kind]);
    }
    /* "<init>" and "<clinit>" are the only method names with '<': called as ordinary methods
     * they would re-run a static initialiser or re-construct a live object (even an interned
     * String). Constructors are found by jb_method_find_constructor only. */
    if (kind != JBI_CONSTRUCTOR && strchr(method_name, '<') != NULL) {
        return jbi_fail(JB_EMETHOD, "%s: \"%s\" is not an ordinary method (use jb_method_find_constructor for a "
                        "constructor; static initialisers cannot be called)", fn[kind], method_name);
    }
    size_t sig_len = strlen(signature);
    jbi_signature *parsed = malloc(sizeof *parsed);
    if (parsed == NULL) {
        return jbi_fail(JB_ENOMEM, "no memory to parse a signature");
    }
    size_t bad = 0;
    if (jbi_signature_parse(signature, sig_len, parsed, &bad) != JBI_SIG_OK) {
        free(parsed);
        return jbi_fail(JB_ESIGNATURE, "%s: malformed JNI signature \"%s\" at byte %zu", fn[kind], signature, bad);
    }
    if (kind == JBI_CONSTRUCTOR && parsed->result.kind != 'V') {
        free(parsed);
        return jbi_fail(JB_ESIGNATURE, "jb_method_find_constructor: signature \"%s\" must return V", signature);
    }

    jbi_method *m = calloc(1, sizeof *m);
    char *cls_m = NULL, *name_m = NULL, *sig_m = NULL;
    size_t np = parsed->param_count;
    int rc = JB_OK;
    if (m == NULL || (m->param_kinds = calloc(np + 1, 1)) == NULL ||
        (m->param_classes = calloc(np + 1, sizeof *m->param_classes)) == NULL ||
        (m->string_ok = calloc(np + 1, 1)) == NULL) {
        rc = jbi_fail(JB_ENOMEM, "no memory for a method handle");
    }
    if (rc == JB_OK && (rc = jbi_to_modified_utf8(class_name, strlen(class_name), "the class name", &cls_m)) == JB_OK &&
        (rc = jbi_to_modified_utf8(method_name, strlen(method_name), "the method name", &name_m)) == JB_OK) {
        rc = jbi_to_modified_utf8(signature, sig_len, "the signature", &sig_m);
    }
    if (rc != JB_OK) {
        free(parsed);
        free(cls_m);
        free(name_m);
        if (m != NULL) {
            jbi_method_destroy(m); /* nothing JNI in it yet */
        }
        return rc;
    }
    for (char *p = cls_m; *p != '\0'; p++) {
        if (*p == '.') {
            *p = '/';
        }
    }
    /* Messages show the caller's UTF-8 names, never JNI's modified UTF-8. */
    size_t display_len = strlen(class_name) + strlen(method_name) + sig_len + 2;
    if ((m->display = malloc(display_len)) == NULL) {
        free(parsed);
        free(cls_m);
        free(name_m);
        free(sig_m);
        jbi_method_destroy(m);
        return jbi_fail(JB_ENOMEM, "no memory for a method handle");
    }
    snprintf(m->display, display_len, "%s.%s%s", class_name, method_name, signature);
    for (char *p = m->display; *p != '\0' && p < m->display + strlen(class_name); p++) {
        if (*p == '.') {
            *p = '/';
        }
    }
    m->kind = kind;
    m->param_count = np;
    m->result_kind = parsed->result.kind;
    m->needs_frame = kind == JBI_CONSTRUCTOR || m->result_kind == 'L' || m->result_kind == '[';
    for (size_t i = 0; i < np; i++) {
        if (jbi_sig_is_reference(&parsed->params[i])) {
            m->needs_frame = 1;
        }
    }
    m->fast = kind == JBI_STATIC && !m->needs_frame && np <= JBI_FAST_MAX_ARGS;
    m->fast_copy = 1;
    for (size_t i = 0; m->fast && i < np; i++) {
        char k = parsed->params[i].kind;
        m->fast_arg[i] = k == 'Z' ? JB_ARG_BOOL : k == 'J' ? JB_ARG_INT64 : k == 'F' || k == 'D' ? JB_ARG_DOUBLE : JB_ARG_INT32;
        m->fast_copy &= k == 'Z' || k == 'I' || k == 'J' || k == 'D';
    }
    for (int w = WANT_VOID; w <= WANT_OBJECT; w++) {
        m->fast_wants |= (unsigned char)(result_compatible((want)w, m->result_kind) << w);
    }

    jbi_method_register_destroy();
    JNIEnv *env = NULL;
    rc = jbi_enter(&env);
    if (rc != JB_OK) {
        free(parsed);
        free(cls_m);
        free(name_m);
        free(sig_m);
        jbi_method_destroy(m);
        return rc;
    }
    uintptr_t token = 0;
    if ((*env)->PushLocalFrame(env, 16) != 0) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_method_find");
    } else {
        jclass cls = jbi_find_class(env, loader, cls_m);
        if (cls == NULL) {
            char what[512];
            snprintf(what, sizeof what, "finding class %s", class_name);
            rc = jbi_java_check(env, JB_ECLASS, what);
        } else if (kind == JBI_CONSTRUCTOR && (rc = check_instantiable(env, cls, class_name)) != JB_OK) {
            /* the last error says why */
        } else {
            m->id = kind == JBI_STATIC ? (*env)->GetStaticMethodID(env, cls, name_m, sig_m)
                                       : (*env)->GetMethodID(env, cls, kind == JBI_CONSTRUCTOR ? "<init>" : name_m, sig_m);
            if (m->id == NULL) {
                char what[600];
                snprintf(what, sizeof what, "finding %s method %s", kind == JBI_STATIC ? "static" : kind == JBI_INSTANCE ? "instance" : "constructor", m->display);
                rc = jbi_java_check(env, JB_EMETHOD, what);
                const char *jc = jb_error_java_class();
                if (rc != JB_OK && jc != NULL && strcmp(jc, "java.lang.NoSuchMethodError") != 0) {
                    jbi_error_recode(rc = JB_ECLASS); /* e.g. the class failed to initialise */
                }
            } else if ((rc = resolve_params(env, loader, m, signature, parsed)) == JB_OK) {
                m->cls = (*env)->NewGlobalRef(env, cls);
                if (m->cls == NULL) {
                    rc = jbi_fail(JB_ENOMEM, "no memory for a global reference");
                } else if (jbi_handles_add(JBI_HANDLE_METHOD, m, &token) != JBI_H_OK) {
                    rc = jbi_fail(JB_ENOMEM, "no memory for a method handle");
                }
            }
        }
        (*env)->PopLocalFrame(env, NULL);
    }
    if (rc != JB_OK) {
        jbi_method_destroy(m);
    }
    jbi_leave();
    free(parsed);
    free(cls_m);
    free(name_m);
    free(sig_m);
    if (rc == JB_OK) {
        *out = (jb_method *)token;
    }
    return rc;
}

JB_API int jb_method_find_static(const char *class_name, const char *method_name, const char *signature,
                                 jb_method **out) {
    return jbi_method_find(NULL, JBI_STATIC, class_name, method_name, signature, out);
}

JB_API int jb_method_find_instance(const char *class_name, const char *method_name, const char *signature,
                                   jb_method **out) {
    return jbi_method_find(NULL, JBI_INSTANCE, class_name, method_name, signature, out);
}

JB_API int jb_method_find_constructor(const char *class_name, const char *signature, jb_method **out) {
    return jbi_method_find(NULL, JBI_CONSTRUCTOR, class_name, "<init>", signature, out);
}

JB_API int jb_method_free(jb_method *method) {
    if (method == NULL) {
        return JB_OK;
    }
    if (jbi_handles_remove((uintptr_t)method, JBI_HANDLE_METHOD) != JBI_H_OK) {
        return jbi_fail(JB_EHANDLE, "jb_method_free: not a live jb_method (freed already, forged, or another kind of handle)");
    }
    return JB_OK;
}
