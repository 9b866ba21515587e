/*
 * Calls (call.h). One generic path: check everything that can be checked in C against the
 * signature parsed at lookup (JNI checks nothing: a wrong jvalue corrupts the heap), convert
 * the arguments inside a fresh local frame, call, turn any exception into the last error,
 * convert the result, pop the frame. Typed public functions are thin wrappers.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/call.h"
#include "javabridge/errors.h"
#include "array_internal.h"
#include "call_internal.h"
#include "call_fast.h"
#include "handles.h"
#include "java_exception.h"
#include "jstring.h"
#include "last_error.h"
#include "method_internal.h"
#include "object_internal.h"
#include "utf8.h"
#include "vm_state.h"

static const char *const want_names[] = {"void", "bool", "int32", "int64", "double", "string", "bytes", "object",
                                          "int8", "int16", "uint16", "float", "array", "strings"};

static jbyteArray new_bytes(JNIEnv *env, const void *data, size_t len, size_t index, int *rc) {
    if (len > (size_t)INT32_MAX) {
        *rc = jbi_fail(JB_ERANGE, "argument %zu: %zu bytes is over Java's array limit of INT32_MAX", index, len);
        return NULL;
    }
    jbyteArray a = (*env)->NewByteArray(env, (jsize)len);
    if (a == NULL) {
        *rc = jbi_java_check(env, JB_ENOMEM, "creating a Java byte[]");
        if (*rc == JB_OK) {
            *rc = jbi_fail(JB_ENOMEM, "NewByteArray failed");
        }
        return NULL;
    }
    if (len > 0) {
        (*env)->SetByteArrayRegion(env, a, 0, (jsize)len, (const jbyte *)data);
    }
    return a;
}

int jbi_convert_arg(JNIEnv *env, const jbi_method *m, const jb_arg *a, size_t i, jvalue *v, uintptr_t *held) {
    char kind = m->param_kinds[i];
    int ref = kind == 'L' || kind == '[';
    int rc = JB_OK;
    switch (a->type) {
    case JB_ARG_BOOL:
        if (kind != 'Z') break;
        v->z = a->u.b ? JNI_TRUE : JNI_FALSE;
        return JB_OK;
    case JB_ARG_INT32:
        switch (kind) {
        case 'I': v->i = a->u.i32; return JB_OK;
        case 'B':
            if (a->u.i32 < -128 || a->u.i32 > 127) goto out_of_range;
            v->b = (jbyte)a->u.i32;
            return JB_OK;
        case 'S':
            if (a->u.i32 < -32768 || a->u.i32 > 32767) goto out_of_range;
            v->s = (jshort)a->u.i32;
            return JB_OK;
        case 'C':
            if (a->u.i32 < 0 || a->u.i32 > 65535) goto out_of_range;
            v->c = (jchar)a->u.i32;
            return JB_OK;
        default: break;
        }
        break;
    case JB_ARG_INT64:
        if (kind != 'J') break;
        v->j = a->u.i64;
        return JB_OK;
    case JB_ARG_DOUBLE:
        if (kind == 'D') {
            v->d = a->u.d;
            return JB_OK;
        }
        if (kind == 'F') {
            v->f = (jfloat)a->u.d;
            return JB_OK;
        }
        break;
    case JB_ARG_STRING:
        if (!ref) break;
        if (a->u.str.data == NULL) {
            v->l = NULL;
            return JB_OK;
        }
        if (!m->string_ok[i]) break;
        v->l = jbi_string_from_utf8(env, a->u.str.data, a->u.str.len, i, &rc);
        return rc;
    case JB_ARG_BYTES:
        if (!ref) break;
        if (a->u.bytes.data == NULL) {
            v->l = NULL;
            return JB_OK;
        }
        /* byte[] is also an Object, a Cloneable and a Serializable */
        if (!(*env)->IsAssignableFrom(env, jbi_java.byte_array_class, m->param_classes[i])) break;
        v->l = new_bytes(env, a->u.bytes.data, a->u.bytes.len, i, &rc);
        return rc;
    case JB_ARG_OBJECT: {
        if (!ref) break;
        if (a->u.obj == NULL) {
            v->l = NULL;
            return JB_OK;
        }
        void *ptr = NULL;
        if (jbi_handles_acquire((uintptr_t)a->u.obj, JBI_HANDLE_OBJECT, &ptr) != JBI_H_OK) {
            return jbi_fail(JB_EHANDLE, "argument %zu: not a live jb_object (freed, forged or closed)", i);
        }
        *held = (uintptr_t)a->u.obj;
        jobject o = ((jbi_object *)ptr)->ref;
        if (!(*env)->IsInstanceOf(env, o, m->param_classes[i])) {
            return jbi_fail(JB_ETYPE, "argument %zu: the object is not an instance of the parameter's type in %s", i,
                            m->display);
        }
        v->l = o;
        return JB_OK;
    }
    case JB_ARG_NULL:
        if (!ref) break;
        v->l = NULL;
        return JB_OK;
    case JB_ARG_INT8:
        if (kind != 'B') break;
        v->b = a->u.i8;
        return JB_OK;
    case JB_ARG_INT16:
        if (kind != 'S') break;
        v->s = a->u.i16;
        return JB_OK;
    case JB_ARG_UINT16:
        if (kind != 'C') break;
        v->c = a->u.u16;
        return JB_OK;
    case JB_ARG_FLOAT:
        if (kind != 'F') break;
        v->f = a->u.f;
        return JB_OK;
    case JB_ARG_BOOL_ARRAY: case JB_ARG_INT8_ARRAY: case JB_ARG_INT16_ARRAY: case JB_ARG_UINT16_ARRAY:
    case JB_ARG_INT32_ARRAY: case JB_ARG_INT64_ARRAY: case JB_ARG_FLOAT_ARRAY: case JB_ARG_DOUBLE_ARRAY:
    case JB_ARG_STRINGS: {
        if (!ref) break;
        int elem = a->type == JB_ARG_STRINGS ? 0 : (int)a->type - JB_ARG_ARRAY_BASE;
        /* the data pointer is at the same place in both members */
        const void *data = a->type == JB_ARG_STRINGS ? (const void *)a->u.strs.data : a->u.arr.data;
        if (data == NULL) {
            v->l = NULL;
            return JB_OK;
        }
        if (!(*env)->IsAssignableFrom(env, jbi_array_classes[elem], m->param_classes[i])) break;
        v->l = elem == 0 ? jbi_new_string_array(env, a->u.strs.data, a->u.strs.count, i, &rc)
                         : jbi_new_prim_array(env, elem, data, a->u.arr.count, i, &rc);
        return rc;
    }
    default:
        return jbi_fail(JB_EINVAL, "argument %zu: unknown jb_arg_type %d", i, (int)a->type);
    }
    return jbi_fail(JB_ETYPE, "argument %zu: a jb_arg of type %d cannot be passed as parameter type '%c' of %s", i,
                    (int)a->type, kind, m->display);
out_of_range:
    return jbi_fail(JB_ERANGE, "argument %zu: %d does not fit parameter type '%c' of %s", i, (int)a->u.i32, kind,
                    m->display);
}

int jbi_convert_typed(JNIEnv *env, char kind, jclass cls, unsigned char string_ok, char *display,
                      const jb_arg *a, jvalue *v, uintptr_t *held) {
    jbi_method m;
    memset(&m, 0, sizeof m);
    m.param_count = 1;
    m.param_kinds = &kind;
    m.param_classes = &cls;
    m.string_ok = &string_ok;
    m.display = display;
    return jbi_convert_arg(env, &m, a, 0, v, held);
}

int jbi_convert_result(JNIEnv *env, const jbi_method *m, want w, jobject ref, result *r) {
    switch (w) {
    case WANT_STRING:
        if (ref == NULL) {
            r->str = NULL;
            r->len = 0;
            return JB_OK;
        }
        if (!(*env)->IsInstanceOf(env, ref, jbi_java.string_class)) {
            return jbi_fail(JB_ETYPE, "%s returned an object that is not a String", m->display);
        }
        {
            int rc = jbi_string_to_utf8(env, ref, 0, &r->str, &r->len);
            if (rc == JB_EENCODING) {
                return jbi_fail(rc, "%s returned a string with an unpaired surrogate, which has no UTF-8 form", m->display);
            }
            if (rc != JB_OK) {
                return jbi_fail(rc, "no memory for the string %s returned", m->display);
            }
        }
        return JB_OK;
    case WANT_BYTES: {
        if (ref == NULL) {
            r->bytes = NULL;
            r->len = 0;
            return JB_OK;
        }
        if (!(*env)->IsInstanceOf(env, ref, jbi_java.byte_array_class)) {
            return jbi_fail(JB_ETYPE, "%s returned an array that is not a byte[]", m->display);
        }
        jsize n = (*env)->GetArrayLength(env, ref);
        r->bytes = malloc(n > 0 ? (size_t)n : 1);
        if (r->bytes == NULL) {
            return jbi_fail(JB_ENOMEM, "no memory for the %d bytes %s returned", (int)n, m->display);
        }
        (*env)->GetByteArrayRegion(env, ref, 0, n, (jbyte *)r->bytes);
        r->len = (size_t)n;
        return JB_OK;
    }
    case WANT_OBJECT:
        return jbi_object_wrap(env, ref, &r->obj);
    case WANT_ARRAY:
        return jbi_read_prim_array(env, ref, r->elem, m->display, &r->arr, &r->len);
    case WANT_STRINGS:
        return jbi_read_string_array(env, ref, m->display, &r->strs, &r->len);
    default:
        return JB_OK;
    }
}

static int call(jbi_method_kind kind, jb_method *method, jb_object *self_handle, const jb_arg *args, size_t nargs,
                want w, result *r) {
    static const char *const kind_names[] = {"static", "instance", "constructor", "static field", "instance field"};
    if (method == NULL) {
        return jbi_fail(JB_EINVAL, "method is NULL");
    }
    if (args == NULL && nargs > 0) {
        return jbi_fail(JB_EINVAL, "args is NULL but nargs is %zu", nargs);
    }
    if (kind == JBI_INSTANCE && self_handle == NULL) {
        return jbi_fail(JB_EINVAL, "the receiver (self) is NULL");
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) {
        return rc;
    }
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)method, JBI_HANDLE_METHOD, &ptr) != JBI_H_OK) {
        jbi_leave();
        return jbi_fail(JB_EHANDLE, "not a live jb_method (freed, forged or closed)");
    }
    const jbi_method *m = ptr;
    uintptr_t self_token = 0;
    uintptr_t held_stack[16];
    uintptr_t *held = held_stack;
    size_t held_count = 0; /* entries of held set (to a token or 0) so far */
    jvalue values_stack[16];
    jvalue *values = values_stack;
    int frame = 0;
    if (m->kind != kind) {
        rc = jbi_fail(JB_ETYPE, "%s is a %s method, called as %s", m->display, kind_names[m->kind], kind_names[kind]);
        goto done;
    }
    if (kind != JBI_CONSTRUCTOR && !result_compatible(w, m->result_kind)) {
        rc = jbi_fail(JB_ETYPE, "%s returns '%c', which cannot be read as %s", m->display, m->result_kind, want_names[w]);
        goto done;
    }
    if (nargs != m->param_count) {
        rc = jbi_fail(JB_EARGS, "%s takes %zu arguments, %zu given", m->display, m->param_count, nargs);
        goto done;
    }
    if (nargs > 16) {
        held = malloc(nargs * sizeof *held);
        values = calloc(nargs, sizeof *values);
        if (held == NULL || values == NULL) {
            rc = jbi_fail(JB_ENOMEM, "no memory for %zu arguments", nargs);
            goto done;
        }
    }
    jobject self = NULL;
    if (kind == JBI_INSTANCE) {
        void *sp = NULL;
        if (jbi_handles_acquire((uintptr_t)self_handle, JBI_HANDLE_OBJECT, &sp) != JBI_H_OK) {
            rc = jbi_fail(JB_EHANDLE, "the receiver is not a live jb_object (freed, forged or closed)");
            goto done;
        }
        self_token = (uintptr_t)self_handle;
        self = ((jbi_object *)sp)->ref;
        if (!(*env)->IsInstanceOf(env, self, m->cls)) {
            rc = jbi_fail(JB_ETYPE, "the receiver is not an instance of the class of %s", m->display);
            goto done;
        }
    }
    /* Room for the converted arguments and the result; every local is dropped at the pop. A call
     * with no reference parameter and no reference result makes no local (a failure's exception
     * is deleted where it is read), so it skips the frame, which costs about a fifth of a call. */
    if (m->needs_frame) {
        if ((*env)->PushLocalFrame(env, (jint)nargs + 4) != 0) {
            rc = jbi_java_check(env, JB_ENOMEM, "creating a local frame");
            goto done;
        }
        frame = 1;
    }
    for (size_t i = 0; i < nargs; i++) {
        held[i] = 0;
    }
    held_count = nargs;
    for (size_t i = 0; i < nargs; i++) {
        if ((rc = jbi_convert_arg(env, m, &args[i], i, &values[i], &held[i])) != JB_OK) {
            goto done;
        }
    }
    jobject ref = NULL;
    invoke(env, m, self, values, r, &ref);
    char what[64 + 512];
    if ((*env)->ExceptionCheck(env)) {
        snprintf(what, sizeof what, "calling %s", m->display);
        rc = jbi_java_check(env, JB_EJAVA, what);
        goto done;
    }
    if (kind == JBI_CONSTRUCTOR) {
        rc = jbi_object_wrap(env, ref, &r->obj);
    } else {
        rc = jbi_convert_result(env, m, w, ref, r);
    }
done:
    if (frame) {
        (*env)->PopLocalFrame(env, NULL);
    }
    for (size_t i = 0; held != NULL && i < held_count; i++) {
        if (held[i] != 0) {
            jbi_handles_release(held[i]);
        }
    }
    if (held != held_stack) {
        free(held);
    }
    if (values != values_stack) {
        free(values);
    }
    if (self_token != 0) {
        jbi_handles_release(self_token);
    }
    jbi_handles_release((uintptr_t)method);
    jbi_leave();
    return rc;
}

#define OUT_CHECK(p)                                                   \
    do {                                                               \
        if ((p) == NULL) {                                             \
            return jbi_fail(JB_EINVAL, "%s: out is NULL", __func__);   \
        }                                                              \
    } while (0)

int jbi_call_static_generic(jb_method *method, const jb_arg *args, size_t nargs, want w, result *r) {
    return call(JBI_STATIC, method, NULL, args, nargs, w, r);
}

/* A static call: the fast path when it can take it, else the generic one. (The wants the fast
 * path covers have their static entry points in call_fast.c, with the fast path inlined.) */
static int call_static(jb_method *method, const jb_arg *args, size_t nargs, want w, result *r) {
    int rc;
    if (jbi_call_fast(method, args, nargs, w, r, &rc)) {
        return rc;
    }
    return call(JBI_STATIC, method, NULL, args, nargs, w, r);
}

JB_API int jb_call_instance_void(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs) {
    result r = {0};
    return call(JBI_INSTANCE, method, self, args, nargs, WANT_VOID, &r);
}

#define STATIC_SCALAR_CALL(suffix, ctype, w, field)                                                             \
    JB_API int jb_call_static_##suffix(jb_method *method, const jb_arg *args, size_t nargs, ctype *out) {      \
        OUT_CHECK(out);                                                                                         \
        result r;                                                                                               \
        int rc = call_static(method, args, nargs, w, &r);                                                       \
        if (rc == JB_OK) *out = (ctype)r.field;                                                                 \
        return rc;                                                                                              \
    }
#define INSTANCE_SCALAR_CALL(suffix, ctype, w, field)                                                           \
    JB_API int jb_call_instance_##suffix(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, \
                                         ctype *out) {                                                          \
        OUT_CHECK(out);                                                                                         \
        result r;                                                                                               \
        int rc = call(JBI_INSTANCE, method, self, args, nargs, w, &r);                                          \
        if (rc == JB_OK) *out = (ctype)r.field;                                                                 \
        return rc;                                                                                              \
    }
#define SCALAR_CALLS(suffix, ctype, w, field) STATIC_SCALAR_CALL(suffix, ctype, w, field) INSTANCE_SCALAR_CALL(suffix, ctype, w, field)

INSTANCE_SCALAR_CALL(bool, bool, WANT_BOOL, b)
INSTANCE_SCALAR_CALL(int32, int32_t, WANT_INT32, i32)
INSTANCE_SCALAR_CALL(int64, int64_t, WANT_INT64, i64)
INSTANCE_SCALAR_CALL(double, double, WANT_DOUBLE, d)
SCALAR_CALLS(int8, int8_t, WANT_INT8, i32)
SCALAR_CALLS(int16, int16_t, WANT_INT16, i32)
SCALAR_CALLS(uint16, uint16_t, WANT_UINT16, i32)
SCALAR_CALLS(float, float, WANT_FLOAT, d)

JB_API int jb_call_static_array(jb_method *method, const jb_arg *args, size_t nargs, jb_elem elem, void **out,
                                size_t *out_count) {
    OUT_CHECK(out);
    OUT_CHECK(out_count);
    if (!jbi_elem_valid((int)elem)) return jbi_fail(JB_EINVAL, "jb_call_static_array: %d is not a jb_elem", (int)elem);
    result r = {0};
    r.elem = (int)elem;
    int rc = call(JBI_STATIC, method, NULL, args, nargs, WANT_ARRAY, &r);
    if (rc == JB_OK) {
        *out = r.arr;
        *out_count = r.len;
    }
    return rc;
}

JB_API int jb_call_instance_array(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, jb_elem elem,
                                  void **out, size_t *out_count) {
    OUT_CHECK(out);
    OUT_CHECK(out_count);
    if (!jbi_elem_valid((int)elem)) return jbi_fail(JB_EINVAL, "jb_call_instance_array: %d is not a jb_elem", (int)elem);
    result r = {0};
    r.elem = (int)elem;
    int rc = call(JBI_INSTANCE, method, self, args, nargs, WANT_ARRAY, &r);
    if (rc == JB_OK) {
        *out = r.arr;
        *out_count = r.len;
    }
    return rc;
}

JB_API int jb_call_static_strings(jb_method *method, const jb_arg *args, size_t nargs, char ***out,
                                  size_t *out_count) {
    OUT_CHECK(out);
    OUT_CHECK(out_count);
    result r = {0};
    int rc = call(JBI_STATIC, method, NULL, args, nargs, WANT_STRINGS, &r);
    if (rc == JB_OK) {
        *out = r.strs;
        *out_count = r.len;
    }
    return rc;
}

JB_API int jb_call_instance_strings(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, char ***out,
                                    size_t *out_count) {
    OUT_CHECK(out);
    OUT_CHECK(out_count);
    result r = {0};
    int rc = call(JBI_INSTANCE, method, self, args, nargs, WANT_STRINGS, &r);
    if (rc == JB_OK) {
        *out = r.strs;
        *out_count = r.len;
    }
    return rc;
}

JB_API int jb_call_static_string(jb_method *method, const jb_arg *args, size_t nargs, char **out, size_t *out_len) {
    OUT_CHECK(out);
    result r = {0};
    int rc = call(JBI_STATIC, method, NULL, args, nargs, WANT_STRING, &r);
    if (rc == JB_OK) {
        *out = r.str;
        if (out_len != NULL) *out_len = r.len;
    }
    return rc;
}

JB_API int jb_call_instance_string(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, char **out,
                                   size_t *out_len) {
    OUT_CHECK(out);
    result r = {0};
    int rc = call(JBI_INSTANCE, method, self, args, nargs, WANT_STRING, &r);
    if (rc == JB_OK) {
        *out = r.str;
        if (out_len != NULL) *out_len = r.len;
    }
    return rc;
}

JB_API int jb_call_static_bytes(jb_method *method, const jb_arg *args, size_t nargs, uint8_t **out, size_t *out_len) {
    OUT_CHECK(out);
    OUT_CHECK(out_len);
    result r = {0};
    int rc = call(JBI_STATIC, method, NULL, args, nargs, WANT_BYTES, &r);
    if (rc == JB_OK) {
        *out = r.bytes;
        *out_len = r.len;
    }
    return rc;
}

JB_API int jb_call_instance_bytes(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, uint8_t **out,
                                  size_t *out_len) {
    OUT_CHECK(out);
    OUT_CHECK(out_len);
    result r = {0};
    int rc = call(JBI_INSTANCE, method, self, args, nargs, WANT_BYTES, &r);
    if (rc == JB_OK) {
        *out = r.bytes;
        *out_len = r.len;
    }
    return rc;
}

JB_API int jb_call_static_object(jb_method *method, const jb_arg *args, size_t nargs, jb_object **out) {
    OUT_CHECK(out);
    result r = {0};
    int rc = call(JBI_STATIC, method, NULL, args, nargs, WANT_OBJECT, &r);
    if (rc == JB_OK) *out = (jb_object *)r.obj;
    return rc;
}

JB_API int jb_call_instance_object(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs,
                                   jb_object **out) {
    OUT_CHECK(out);
    result r = {0};
    int rc = call(JBI_INSTANCE, method, self, args, nargs, WANT_OBJECT, &r);
    if (rc == JB_OK) *out = (jb_object *)r.obj;
    return rc;
}

JB_API int jb_call_new(jb_method *method, const jb_arg *args, size_t nargs, jb_object **out) {
    OUT_CHECK(out);
    result r = {0};
    int rc = call(JBI_CONSTRUCTOR, method, NULL, args, nargs, WANT_OBJECT, &r);
    if (rc == JB_OK) *out = (jb_object *)r.obj;
    return rc;
}
