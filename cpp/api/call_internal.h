/*
 * What the generic call path (call.c) and the fast one (call_fast.c) share: what the caller
 * wants back, where the result goes, and the JNI call itself.
 */
#ifndef JB_API_CALL_INTERNAL_H
#define JB_API_CALL_INTERNAL_H

#include <jni.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "call_want.h"
#include "method_internal.h"

typedef struct result {
    bool b;
    int32_t i32;
    int64_t i64;
    double d;
    char *str;
    size_t len;
    uint8_t *bytes;
    uintptr_t obj;
    int elem;     /* WANT_ARRAY: the jb_elem asked for (set by the caller) */
    void *arr;    /* WANT_ARRAY: the copy; len its element count */
    char **strs;  /* WANT_STRINGS: the copies; len their count */
} result;

/* Converts args[i] for parameter i of m into *v (call.c); an object argument is held (*held
 * set to its token, released by the caller). Fields use it with i 0 and the field's type. */
int jbi_convert_arg(JNIEnv *env, const jbi_method *m, const jb_arg *a, size_t i, jvalue *v, uintptr_t *held);

/* Converts a value for one declared type (kind, and for a reference its class and whether a
 * String may stand for it) as an argument of that type is converted: how a result given from C
 * (a host native's, a proxy method's) is checked. display names it in messages. */
int jbi_convert_typed(JNIEnv *env, char kind, jclass cls, unsigned char string_ok, char *display,
                      const jb_arg *a, jvalue *v, uintptr_t *held);

/* Converts a reference result (or field value) ref into *r for w, checking its run-time type. */
int jbi_convert_result(JNIEnv *env, const jbi_method *m, want w, jobject ref, result *r);

/* Calls with the converted arguments and stores the primitive result or the local reference. */
static inline void invoke(JNIEnv *env, const jbi_method *m, jobject self, const jvalue *v, result *r, jobject *ref_out) {
    jclass c = m->cls;
    jmethodID id = m->id;
    if (m->kind == JBI_CONSTRUCTOR) {
        *ref_out = (*env)->NewObjectA(env, c, id, v);
        return;
    }
    int st = m->kind == JBI_STATIC;
    switch (m->result_kind) {
    case 'V':
        if (st) (*env)->CallStaticVoidMethodA(env, c, id, v); else (*env)->CallVoidMethodA(env, self, id, v);
        break;
    case 'Z':
        r->b = (st ? (*env)->CallStaticBooleanMethodA(env, c, id, v) : (*env)->CallBooleanMethodA(env, self, id, v)) != JNI_FALSE;
        break;
    case 'B':
        r->i32 = st ? (*env)->CallStaticByteMethodA(env, c, id, v) : (*env)->CallByteMethodA(env, self, id, v);
        break;
    case 'S':
        r->i32 = st ? (*env)->CallStaticShortMethodA(env, c, id, v) : (*env)->CallShortMethodA(env, self, id, v);
        break;
    case 'C':
        r->i32 = st ? (*env)->CallStaticCharMethodA(env, c, id, v) : (*env)->CallCharMethodA(env, self, id, v);
        break;
    case 'I':
        r->i32 = st ? (*env)->CallStaticIntMethodA(env, c, id, v) : (*env)->CallIntMethodA(env, self, id, v);
        break;
    case 'J':
        r->i64 = st ? (*env)->CallStaticLongMethodA(env, c, id, v) : (*env)->CallLongMethodA(env, self, id, v);
        break;
    case 'F':
        r->d = st ? (*env)->CallStaticFloatMethodA(env, c, id, v) : (*env)->CallFloatMethodA(env, self, id, v);
        break;
    case 'D':
        r->d = st ? (*env)->CallStaticDoubleMethodA(env, c, id, v) : (*env)->CallDoubleMethodA(env, self, id, v);
        break;
    default:
        *ref_out = st ? (*env)->CallStaticObjectMethodA(env, c, id, v) : (*env)->CallObjectMethodA(env, self, id, v);
        break;
    }
    if (m->result_kind == 'B' || m->result_kind == 'S' || m->result_kind == 'C' || m->result_kind == 'I') {
        r->i64 = r->i32;
    }
}

#endif
