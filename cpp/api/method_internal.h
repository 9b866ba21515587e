/*
 * What a jb_method handle points at: everything a call needs, resolved once at lookup.
 */
#ifndef JB_API_METHOD_INTERNAL_H
#define JB_API_METHOD_INTERNAL_H

#include <jni.h>
#include <stddef.h>

#include "call_want.h"
#include "javabridge/call.h"

/* The most parameters a method may have for the fast call path (call_fast.c). */
#define JBI_FAST_MAX_ARGS 8

/* Fields (field.c) are jbi_methods behind their own handle kind (JBI_HANDLE_FIELD):
 * param 0 is the field's type, result_kind its kind, fid its ID. */
typedef enum jbi_method_kind { JBI_STATIC, JBI_INSTANCE, JBI_CONSTRUCTOR, JBI_FIELD_STATIC, JBI_FIELD_INSTANCE } jbi_method_kind;

static inline int jbi_is_field(jbi_method_kind k) { return k == JBI_FIELD_STATIC || k == JBI_FIELD_INSTANCE; }

typedef struct jbi_method {
    jclass cls;                /* global reference */
    jmethodID id;
    jbi_method_kind kind;
    size_t param_count;
    char *param_kinds;         /* per parameter: Z B C S I J F D L [ */
    jclass *param_classes;     /* per parameter: global reference for reference types, else NULL */
    unsigned char *string_ok;  /* per parameter: a java.lang.String may be passed */
    char result_kind;          /* V Z B C S I J F D L [ */
    char *display;             /* "java/lang/Math.max(II)I", for messages */
    unsigned char needs_frame; /* a constructor, or a reference parameter or result: locals made */
    /* For the fast path (call_fast.c), decided at lookup so that a call only compares. */
    unsigned char fast;        /* static, all primitive, at most JBI_FAST_MAX_ARGS parameters */
    unsigned char fast_copy;   /* every parameter is Z, I, J or D: jb_arg's value is the jvalue */
    unsigned char fast_wants;  /* bit w set when the result can be read as want w (call_want.h) */
    unsigned char fast_arg[JBI_FAST_MAX_ARGS]; /* per parameter: the jb_arg_type it takes there */
    jfieldID fid;              /* fields only */
    unsigned char is_final;    /* fields only: a final field is never set */
    struct jbi_upcall *upcall; /* its FFM stub once jb_method_upcall made one (upcall.c), else NULL */
} jbi_method;

/* One bit per want: a new want that no longer fits must not be lost silently. */
_Static_assert(WANT_COUNT <= 8 * sizeof(((jbi_method *)0)->fast_wants), "fast_wants has a bit per want");

/* Frees a method's memory and, when the JVM still exists, its global references. */
void jbi_method_destroy(jbi_method *m);

/* Tells the handle table to destroy a freed method or field (JBI_HANDLE_METHOD, JBI_HANDLE_FIELD) with
 * jbi_method_destroy once its last user has left; every lookup calls it before adding a handle. */
void jbi_method_register_destroy(void);

/* UTF-8 text (len bytes) to a new NUL-terminated modified UTF-8 copy for JNI's lookup
 * functions (method and field lookups); JB_EENCODING or JB_ENOMEM with the last error set.
 * The caller frees *out. */
int jbi_to_modified_utf8(const char *s, size_t len, const char *what, char **out);

#endif
