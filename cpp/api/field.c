/*
 * Fields (field.h). A field handle (its own handle kind, so that a jb_field is never taken for
 * a jb_method) points at a jbi_method of kind JBI_FIELD_* whose one parameter is the field's type: setting a field then
 * checks and converts its value exactly as a call checks an argument (jbi_convert_arg), and
 * reading it converts exactly as a call's result (jbi_convert_result).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/field.h"
#include "call_internal.h"
#include "ext_ids.h"
#include "handles.h"
#include "java_exception.h"
#include "last_error.h"
#include "loader_internal.h"
#include "method_internal.h"
#include "object_internal.h"
#include "signature.h"
#include "utf8.h"
#include "vm_state.h"

#define JBI_ACC_FINAL 0x10 /* java.lang.reflect.Modifier.FINAL */

/* Resolves the class, the ID, the type's class and finality, in the caller's local frame. */
static int resolve(JNIEnv *env, jobject loader, jbi_method *m, const char *cls_m, const char *name_m, const char *desc_m) {
    int is_static = m->kind == JBI_FIELD_STATIC;
    char what[600];
    jclass cls = jbi_find_class(env, loader, cls_m);
    if (cls == NULL) {
        snprintf(what, sizeof what, "finding class %s", cls_m);
        return jbi_java_check(env, JB_ECLASS, what);
    }
    m->fid = is_static ? (*env)->GetStaticFieldID(env, cls, name_m, desc_m) : (*env)->GetFieldID(env, cls, name_m, desc_m);
    if (m->fid == NULL) {
        snprintf(what, sizeof what, "finding %s field %s", is_static ? "static" : "instance", m->display);
        int rc = jbi_java_check(env, JB_EMETHOD, what);
        const char *jc = jb_error_java_class();
        if (rc != JB_OK && jc != NULL && strcmp(jc, "java.lang.NoSuchFieldError") != 0) {
            jbi_error_recode(rc = JB_ECLASS); /* the class failed to initialise */
        }
        return rc != JB_OK ? rc : jbi_fail(JB_EMETHOD, "no field %s", m->display);
    }
    if (m->param_kinds[0] == 'L' || m->param_kinds[0] == '[') {
        /* FindClass takes "java/lang/String" for classes and the descriptor for arrays. */
        int array = m->param_kinds[0] == '[';
        size_t n = strlen(desc_m) - (array ? 0 : 2); /* "Lname;" loses its L and ; */
        char *name = malloc(n + 1); /* not strndup: mingw's C runtime lacks it */
        if (name != NULL) {
            memcpy(name, desc_m + (array ? 0 : 1), n);
            name[n] = '\0';
        }
        if (name == NULL) {
            return jbi_fail(JB_ENOMEM, "no memory for a field type");
        }
        jclass type = jbi_find_class(env, loader, name);
        if (type == NULL) {
            snprintf(what, sizeof what, "finding the type %s of field %s", name, m->display);
            free(name);
            return jbi_java_check(env, JB_ECLASS, what);
        }
        free(name);
        m->string_ok[0] = (*env)->IsAssignableFrom(env, jbi_java.string_class, type) ? 1 : 0;
        if ((m->param_classes[0] = (*env)->NewGlobalRef(env, type)) == NULL) {
            return jbi_fail(JB_ENOMEM, "no memory for a global reference");
        }
    }
    jobject reflected = (*env)->ToReflectedField(env, cls, m->fid, is_static ? JNI_TRUE : JNI_FALSE);
    jint modifiers = reflected != NULL ? (*env)->CallIntMethod(env, reflected, jbi_ext.member_get_modifiers) : 0;
    int rc = jbi_java_check(env, JB_EINTERNAL, "reading a field's modifiers");
    if (rc != JB_OK) {
        return rc;
    }
    if (reflected == NULL) {
        return jbi_fail(JB_EINTERNAL, "ToReflectedField failed for %s", m->display);
    }
    m->is_final = (modifiers & JBI_ACC_FINAL) != 0;
    if ((m->cls = (*env)->NewGlobalRef(env, cls)) == NULL) {
        return jbi_fail(JB_ENOMEM, "no memory for a global reference");
    }
    return JB_OK;
}

int jbi_field_find(jobject loader, jbi_method_kind kind, const char *class_name, const char *field_name,
                   const char *descriptor, jb_field **out) {
    const char *fn = kind == JBI_FIELD_STATIC ? "jb_field_find_static" : "jb_field_find_instance";
    if (class_name == NULL || field_name == NULL || descriptor == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "%s: class_name, field_name, descriptor and out must not be NULL", fn);
    }
    if (class_name[0] == '\0' || field_name[0] == '\0') {
        return jbi_fail(JB_EINVAL, "%s: empty class or field name", fn);
    }
    /* A field descriptor is a one-parameter method descriptor's parameter: reuse that parser. */
    size_t dlen = strlen(descriptor);
    char *sig = malloc(dlen + 4);
    jbi_signature *parsed = malloc(sizeof *parsed);
    jbi_method *m = calloc(1, sizeof *m);
    char *cls_m = NULL, *name_m = NULL, *desc_m = NULL;
    int rc = JB_OK;
    if (sig == NULL || parsed == NULL || m == NULL || (m->param_kinds = calloc(2, 1)) == NULL ||
        (m->param_classes = calloc(2, sizeof *m->param_classes)) == NULL || (m->string_ok = calloc(2, 1)) == NULL) {
        rc = jbi_fail(JB_ENOMEM, "%s: no memory for a field handle", fn);
        goto out;
    }
    snprintf(sig, dlen + 4, "(%s)V", descriptor);
    size_t bad = 0;
    if (jbi_signature_parse(sig, dlen + 3, parsed, &bad) != JBI_SIG_OK || parsed->param_count != 1) {
        rc = jbi_fail(JB_ESIGNATURE, "%s: malformed field descriptor \"%s\"", fn, descriptor);
        goto out;
    }
    if ((rc = jbi_to_modified_utf8(class_name, strlen(class_name), "the class name", &cls_m)) != JB_OK ||
        (rc = jbi_to_modified_utf8(field_name, strlen(field_name), "the field name", &name_m)) != JB_OK ||
        (rc = jbi_to_modified_utf8(descriptor, dlen, "the descriptor", &desc_m)) != JB_OK) {
        goto out;
    }
    for (char *p = cls_m; *p != '\0'; p++) {
        if (*p == '.') *p = '/';
    }
    size_t display_len = strlen(cls_m) + strlen(field_name) + dlen + 3;
    if ((m->display = malloc(display_len)) == NULL) {
        rc = jbi_fail(JB_ENOMEM, "%s: no memory for a field handle", fn);
        goto out;
    }
    snprintf(m->display, display_len, "%s.%s:%s", cls_m, field_name, descriptor);
    m->kind = kind;
    m->param_count = 1;
    m->param_kinds[0] = parsed->params[0].kind;
    m->result_kind = parsed->params[0].kind;
    m->needs_frame = 1;

    JNIEnv *env = NULL;
    if ((rc = jbi_enter(&env)) != JB_OK) {
        goto out;
    }
    uintptr_t token = 0;
    if ((*env)->PushLocalFrame(env, 16) != 0) {
        rc = jbi_java_check(env, JB_ENOMEM, fn);
    } else {
        rc = resolve(env, loader, m, cls_m, name_m, desc_m);
        jbi_method_register_destroy();
        if (rc == JB_OK && jbi_handles_add(JBI_HANDLE_FIELD, m, &token) != JBI_H_OK) {
            rc = jbi_fail(JB_ENOMEM, "%s: no memory for a field handle", fn);
        }
        (*env)->PopLocalFrame(env, NULL);
    }
    if (rc == JB_OK) {
        m = NULL; /* the table owns it */
        *out = (jb_field *)token;
    }
    jbi_method_destroy(m); /* while entered: its global references can still be deleted */
    m = NULL;
    jbi_leave();
out:
    jbi_method_destroy(m);
    free(sig);
    free(parsed);
    free(cls_m);
    free(name_m);
    free(desc_m);
    return rc;
}

JB_API int jb_field_find_static(const char *class_name, const char *field_name, const char *descriptor,
                                jb_field **out) {
    return jbi_field_find(NULL, JBI_FIELD_STATIC, class_name, field_name, descriptor, out);
}

JB_API int jb_field_find_instance(const char *class_name, const char *field_name, const char *descriptor,
                                  jb_field **out) {
    return jbi_field_find(NULL, JBI_FIELD_INSTANCE, class_name, field_name, descriptor, out);
}

JB_API int jb_field_free(jb_field *field) {
    if (field == NULL) {
        return JB_OK;
    }
    if (jbi_handles_remove((uintptr_t)field, JBI_HANDLE_FIELD) != JBI_H_OK) {
        return jbi_fail(JB_EHANDLE, "jb_field_free: not a live jb_field (freed already, forged, or another kind of handle)");
    }
    return JB_OK;
}

/* What a get or set holds while it runs. */
typedef struct access {
    JNIEnv *env;
    const jbi_method *m;
    jobject self;
    uintptr_t self_token;
} access;

static int begin(jb_field *field, jb_object *self, const char *fn, access *a) {
    memset(a, 0, sizeof *a);
    if (field == NULL) {
        return jbi_fail(JB_EINVAL, "%s: field is NULL", fn);
    }
    int rc = jbi_enter(&a->env);
    if (rc != JB_OK) {
        return rc;
    }
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)field, JBI_HANDLE_FIELD, &ptr) != JBI_H_OK) {
        jbi_leave();
        return jbi_fail(JB_EHANDLE, "%s: not a live jb_field (freed, forged or closed)", fn);
    }
    a->m = ptr;
    if (!jbi_is_field(a->m->kind)) {
        rc = jbi_fail(JB_EHANDLE, "%s: a jb_method, not a jb_field", fn);
    } else if (a->m->kind == JBI_FIELD_STATIC && self != NULL) {
        rc = jbi_fail(JB_EINVAL, "%s: %s is static: self must be NULL", fn, a->m->display);
    } else if (a->m->kind == JBI_FIELD_INSTANCE && self == NULL) {
        rc = jbi_fail(JB_EINVAL, "%s: %s is an instance field: self must not be NULL", fn, a->m->display);
    } else if (self != NULL) {
        void *sp = NULL;
        if (jbi_handles_acquire((uintptr_t)self, JBI_HANDLE_OBJECT, &sp) != JBI_H_OK) {
            rc = jbi_fail(JB_EHANDLE, "%s: self is not a live jb_object (freed, forged or closed)", fn);
        } else {
            a->self_token = (uintptr_t)self;
            a->self = ((jbi_object *)sp)->ref;
            if (!(*a->env)->IsInstanceOf(a->env, a->self, a->m->cls)) {
                rc = jbi_fail(JB_ETYPE, "%s: self is not an instance of the class of %s", fn, a->m->display);
            }
        }
    }
    if (rc == JB_OK && (*a->env)->PushLocalFrame(a->env, 8) != 0) {
        rc = jbi_java_check(a->env, JB_ENOMEM, fn);
        if (rc == JB_OK) rc = jbi_fail(JB_ENOMEM, "%s: no local frame", fn);
    }
    if (rc != JB_OK) {
        if (a->self_token != 0) jbi_handles_release(a->self_token);
        jbi_handles_release((uintptr_t)field);
        jbi_leave();
    }
    return rc;
}

static void end(jb_field *field, access *a) {
    (*a->env)->PopLocalFrame(a->env, NULL);
    if (a->self_token != 0) jbi_handles_release(a->self_token);
    jbi_handles_release((uintptr_t)field);
    jbi_leave();
}

static int get(jb_field *field, jb_object *self, want w, result *r, const char *fn) {
    static const char *const want_names[] = {"void", "bool", "int32", "int64", "double", "string", "bytes",
                                             "object", "int8", "int16", "uint16", "float", "array", "strings"};
    access a;
    int rc = begin(field, self, fn, &a);
    if (rc != JB_OK) {
        return rc;
    }
    JNIEnv *env = a.env;
    const jbi_method *m = a.m;
    int st = m->kind == JBI_FIELD_STATIC;
    jclass c = m->cls;
    jfieldID id = m->fid;
    jobject o = a.self;
    jobject ref = NULL;
    if (!result_compatible(w, m->result_kind)) {
        rc = jbi_fail(JB_ETYPE, "%s: field %s cannot be read as %s", fn, m->display, want_names[w]);
        goto done;
    }
    switch (m->result_kind) {
    case 'Z': r->b = (st ? (*env)->GetStaticBooleanField(env, c, id) : (*env)->GetBooleanField(env, o, id)) != JNI_FALSE; break;
    case 'B': r->i32 = st ? (*env)->GetStaticByteField(env, c, id) : (*env)->GetByteField(env, o, id); break;
    case 'S': r->i32 = st ? (*env)->GetStaticShortField(env, c, id) : (*env)->GetShortField(env, o, id); break;
    case 'C': r->i32 = st ? (*env)->GetStaticCharField(env, c, id) : (*env)->GetCharField(env, o, id); break;
    case 'I': r->i32 = st ? (*env)->GetStaticIntField(env, c, id) : (*env)->GetIntField(env, o, id); break;
    case 'J': r->i64 = st ? (*env)->GetStaticLongField(env, c, id) : (*env)->GetLongField(env, o, id); break;
    case 'F': r->d = st ? (*env)->GetStaticFloatField(env, c, id) : (*env)->GetFloatField(env, o, id); break;
    case 'D': r->d = st ? (*env)->GetStaticDoubleField(env, c, id) : (*env)->GetDoubleField(env, o, id); break;
    default: ref = st ? (*env)->GetStaticObjectField(env, c, id) : (*env)->GetObjectField(env, o, id); break;
    }
    if (m->result_kind == 'B' || m->result_kind == 'S' || m->result_kind == 'C' || m->result_kind == 'I') {
        r->i64 = r->i32;
    }
    if (m->result_kind == 'L' || m->result_kind == '[') {
        rc = jbi_convert_result(env, m, w, ref, r);
    }
done:
    end(field, &a);
    return rc;
}

JB_API int jb_field_set(jb_field *field, jb_object *self, jb_arg value) {
    access a;
    int rc = begin(field, self, "jb_field_set", &a);
    if (rc != JB_OK) {
        return rc;
    }
    JNIEnv *env = a.env;
    const jbi_method *m = a.m;
    int st = m->kind == JBI_FIELD_STATIC;
    jclass c = m->cls;
    jfieldID id = m->fid;
    jobject o = a.self;
    uintptr_t held = 0;
    jvalue v;
    memset(&v, 0, sizeof v);
    if (m->is_final) {
        rc = jbi_fail(JB_ETYPE, "jb_field_set: %s is final", m->display);
        goto done;
    }
    if ((rc = jbi_convert_arg(env, m, &value, 0, &v, &held)) != JB_OK) {
        goto done;
    }
    switch (m->param_kinds[0]) {
    case 'Z': if (st) (*env)->SetStaticBooleanField(env, c, id, v.z); else (*env)->SetBooleanField(env, o, id, v.z); break;
    case 'B': if (st) (*env)->SetStaticByteField(env, c, id, v.b); else (*env)->SetByteField(env, o, id, v.b); break;
    case 'S': if (st) (*env)->SetStaticShortField(env, c, id, v.s); else (*env)->SetShortField(env, o, id, v.s); break;
    case 'C': if (st) (*env)->SetStaticCharField(env, c, id, v.c); else (*env)->SetCharField(env, o, id, v.c); break;
    case 'I': if (st) (*env)->SetStaticIntField(env, c, id, v.i); else (*env)->SetIntField(env, o, id, v.i); break;
    case 'J': if (st) (*env)->SetStaticLongField(env, c, id, v.j); else (*env)->SetLongField(env, o, id, v.j); break;
    case 'F': if (st) (*env)->SetStaticFloatField(env, c, id, v.f); else (*env)->SetFloatField(env, o, id, v.f); break;
    case 'D': if (st) (*env)->SetStaticDoubleField(env, c, id, v.d); else (*env)->SetDoubleField(env, o, id, v.d); break;
    default: if (st) (*env)->SetStaticObjectField(env, c, id, v.l); else (*env)->SetObjectField(env, o, id, v.l); break;
    }
done:
    if (held != 0) jbi_handles_release(held);
    end(field, &a);
    return rc;
}

#define OUT_CHECK(p)                                                  \
    do {                                                              \
        if ((p) == NULL) {                                            \
            return jbi_fail(JB_EINVAL, "%s: out is NULL", __func__);  \
        }                                                             \
    } while (0)

#define SCALAR_GET(suffix, ctype, w, member)                                        \
    JB_API int jb_field_get_##suffix(jb_field *field, jb_object *self, ctype *out) { \
        OUT_CHECK(out);                                                              \
        result r;                                                                    \
        memset(&r, 0, sizeof r);                                                     \
        int rc = get(field, self, w, &r, __func__);                                  \
        if (rc == JB_OK) *out = (ctype)r.member;                                     \
        return rc;                                                                   \
    }

SCALAR_GET(bool, bool, WANT_BOOL, b)
SCALAR_GET(int8, int8_t, WANT_INT8, i32)
SCALAR_GET(int16, int16_t, WANT_INT16, i32)
SCALAR_GET(uint16, uint16_t, WANT_UINT16, i32)
SCALAR_GET(int32, int32_t, WANT_INT32, i32)
SCALAR_GET(int64, int64_t, WANT_INT64, i64)
SCALAR_GET(float, float, WANT_FLOAT, d)
SCALAR_GET(double, double, WANT_DOUBLE, d)

JB_API int jb_field_get_string(jb_field *field, jb_object *self, char **out, size_t *out_len) {
    OUT_CHECK(out);
    result r = {0};
    int rc = get(field, self, WANT_STRING, &r, __func__);
    if (rc == JB_OK) {
        *out = r.str;
        if (out_len != NULL) *out_len = r.len;
    }
    return rc;
}

JB_API int jb_field_get_object(jb_field *field, jb_object *self, jb_object **out) {
    OUT_CHECK(out);
    result r = {0};
    int rc = get(field, self, WANT_OBJECT, &r, __func__);
    if (rc == JB_OK) *out = (jb_object *)r.obj;
    return rc;
}

JB_API int jb_field_get_array(jb_field *field, jb_object *self, jb_elem elem, void **out, size_t *out_count) {
    OUT_CHECK(out);
    OUT_CHECK(out_count);
    result r = {0};
    r.elem = (int)elem;
    int rc = get(field, self, WANT_ARRAY, &r, __func__);
    if (rc == JB_OK) {
        *out = r.arr;
        *out_count = r.len;
    }
    return rc;
}

JB_API int jb_field_get_strings(jb_field *field, jb_object *self, char ***out, size_t *out_count) {
    OUT_CHECK(out);
    OUT_CHECK(out_count);
    result r = {0};
    int rc = get(field, self, WANT_STRINGS, &r, __func__);
    if (rc == JB_OK) {
        *out = r.strs;
        *out_count = r.len;
    }
    return rc;
}
