/*
 * jb_object handles (object.h): global references behind generation-checked handles.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#include "javabridge/errors.h"
#include "javabridge/object.h"
#include "handles.h"
#include "java_exception.h"
#include "jstring.h"
#include "last_error.h"
#include "object_internal.h"
#include "vm_state.h"

void jbi_object_destroy(jbi_object *o) {
    JNIEnv *env = jbi_cleanup_begin();
    if (env != NULL) {
        (*env)->DeleteGlobalRef(env, o->ref);
    }
    jbi_cleanup_end(env);
    free(o);
}

static void destroy_object(jbi_handle_kind kind, void *ptr) {
    (void)kind;
    jbi_object_destroy(ptr);
}

/* The handle table destroys a freed object once its last user has left. */
static void register_destroy(void) {
    static atomic_int done;
    if (!atomic_load_explicit(&done, memory_order_acquire)) {
        jbi_handles_set_kind_destroy(JBI_HANDLE_OBJECT, destroy_object);
        atomic_store_explicit(&done, 1, memory_order_release);
    }
}

int jbi_object_wrap(JNIEnv *env, jobject local, uintptr_t *token) {
    if (local == NULL) {
        *token = 0;
        return JB_OK;
    }
    jbi_object *o = malloc(sizeof *o);
    if (o == NULL) {
        return jbi_fail(JB_ENOMEM, "no memory for an object handle");
    }
    o->ref = (*env)->NewGlobalRef(env, local);
    if (o->ref == NULL) {
        free(o);
        return jbi_fail(JB_ENOMEM, "no memory for a global reference (the JVM is out of memory)");
    }
    register_destroy();
    if (jbi_handles_add(JBI_HANDLE_OBJECT, o, token) != JBI_H_OK) {
        (*env)->DeleteGlobalRef(env, o->ref);
        free(o);
        return jbi_fail(JB_ENOMEM, "no memory for an object handle");
    }
    return JB_OK;
}

JB_API int jb_object_free(jb_object *object) {
    if (object == NULL) {
        return JB_OK;
    }
    if (jbi_handles_remove((uintptr_t)object, JBI_HANDLE_OBJECT) != JBI_H_OK) {
        return jbi_fail(JB_EHANDLE, "jb_object_free: not a live jb_object (freed already, or forged)");
    }
    return JB_OK;
}

JB_API int jb_object_class_name(jb_object *object, char **out) {
    if (object == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_object_class_name: object and out must not be NULL");
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) {
        return rc;
    }
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)object, JBI_HANDLE_OBJECT, &ptr) != JBI_H_OK) {
        jbi_leave();
        return jbi_fail(JB_EHANDLE, "jb_object_class_name: not a live jb_object");
    }
    jbi_object *o = ptr;
    if ((*env)->PushLocalFrame(env, 4) != 0) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_object_class_name");
    } else {
        jclass cls = (*env)->GetObjectClass(env, o->ref);
        jstring name = (*env)->CallObjectMethod(env, cls, jbi_java.class_get_name);
        rc = jbi_java_check(env, JB_EJAVA, "jb_object_class_name: Class.getName");
        if (rc == JB_OK) {
            rc = jbi_string_to_utf8(env, name, 1, out, NULL);
            if (rc != JB_OK) {
                jbi_fail(rc, "jb_object_class_name: no memory for the name");
            }
        }
        (*env)->PopLocalFrame(env, NULL);
    }
    jbi_handles_release((uintptr_t)object);
    jbi_leave();
    return rc;
}

JB_API void jb_string_free(char *s) {
    free(s);
}

JB_API void jb_bytes_free(void *bytes) {
    free(bytes);
}
