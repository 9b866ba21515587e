/*
 * Arrays held as jb_objects, read and written by index (array.h). The element type is checked
 * in C before the store: SetObjectArrayElement with an element of the wrong type would throw
 * ArrayStoreException, and an index is checked against the length before Java sees it.
 */
#include <stdint.h>
#include <stdlib.h>

#include "javabridge/array.h"
#include "javabridge/errors.h"
#include "ext_ids.h"
#include "handles.h"
#include "java_exception.h"
#include "last_error.h"
#include "object_internal.h"
#include "vm_state.h"

/* What an indexed access holds while it runs. */
typedef struct held {
    JNIEnv *env;
    jobject array;
    uintptr_t token;
} held;

static int begin(jb_object *array, const char *fn, held *h) {
    if (array == NULL) {
        return jbi_fail(JB_EINVAL, "%s: array is NULL", fn);
    }
    int rc = jbi_enter(&h->env);
    if (rc != JB_OK) {
        return rc;
    }
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)array, JBI_HANDLE_OBJECT, &ptr) != JBI_H_OK) {
        jbi_leave();
        return jbi_fail(JB_EHANDLE, "%s: array is not a live jb_object (freed, forged or closed)", fn);
    }
    h->token = (uintptr_t)array;
    h->array = ((jbi_object *)ptr)->ref;
    return JB_OK;
}

static void end(held *h) {
    jbi_handles_release(h->token);
    jbi_leave();
}

/* JB_OK when index is inside the array of references h holds, else the error (last error set). */
static int check_index(held *h, size_t index, const char *fn) {
    JNIEnv *env = h->env;
    if (!(*env)->IsInstanceOf(env, h->array, jbi_ext.object_array_class)) {
        return jbi_fail(JB_ETYPE, "%s: not an array of references", fn);
    }
    jsize n = (*env)->GetArrayLength(env, h->array);
    if (index >= (size_t)n) {
        return jbi_fail(JB_ERANGE, "%s: index %zu is outside the array's %d elements", fn, index, (int)n);
    }
    return JB_OK;
}

JB_API int jb_array_length(jb_object *array, size_t *out) {
    if (out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_array_length: out is NULL");
    }
    held h;
    int rc = begin(array, "jb_array_length", &h);
    if (rc != JB_OK) {
        return rc;
    }
    JNIEnv *env = h.env;
    jclass cls = (*env)->GetObjectClass(env, h.array);
    jboolean is_array = (*env)->CallBooleanMethod(env, cls, jbi_ext.class_is_array);
    (*env)->DeleteLocalRef(env, cls);
    if ((rc = jbi_java_check(env, JB_EINTERNAL, "jb_array_length: Class.isArray")) == JB_OK) {
        if (!is_array) {
            rc = jbi_fail(JB_ETYPE, "jb_array_length: the object is not an array");
        } else {
            *out = (size_t)(*env)->GetArrayLength(env, h.array);
        }
    }
    end(&h);
    return rc;
}

JB_API int jb_object_array_get(jb_object *array, size_t index, jb_object **out) {
    if (out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_object_array_get: out is NULL");
    }
    held h;
    int rc = begin(array, "jb_object_array_get", &h);
    if (rc != JB_OK) {
        return rc;
    }
    if ((rc = check_index(&h, index, "jb_object_array_get")) == JB_OK) {
        JNIEnv *env = h.env;
        jobject e = (*env)->GetObjectArrayElement(env, h.array, (jsize)index);
        uintptr_t token = 0;
        if ((rc = jbi_java_check(env, JB_EINTERNAL, "jb_object_array_get")) == JB_OK &&
            (rc = jbi_object_wrap(env, e, &token)) == JB_OK) {
            *out = (jb_object *)token;
        }
        if (e != NULL) {
            (*env)->DeleteLocalRef(env, e);
        }
    }
    end(&h);
    return rc;
}

JB_API int jb_object_array_set(jb_object *array, size_t index, jb_object *value) {
    held h;
    int rc = begin(array, "jb_object_array_set", &h);
    if (rc != JB_OK) {
        return rc;
    }
    jobject v = NULL;
    uintptr_t value_token = 0;
    if (value != NULL) {
        void *ptr = NULL;
        if (jbi_handles_acquire((uintptr_t)value, JBI_HANDLE_OBJECT, &ptr) != JBI_H_OK) {
            end(&h);
            return jbi_fail(JB_EHANDLE, "jb_object_array_set: value is not a live jb_object (freed, forged or closed)");
        }
        value_token = (uintptr_t)value;
        v = ((jbi_object *)ptr)->ref;
    }
    JNIEnv *env = h.env;
    if ((rc = check_index(&h, index, "jb_object_array_set")) == JB_OK && v != NULL) {
        jclass cls = (*env)->GetObjectClass(env, h.array);
        jclass component = (*env)->CallObjectMethod(env, cls, jbi_ext.class_component_type);
        (*env)->DeleteLocalRef(env, cls);
        if ((rc = jbi_java_check(env, JB_EINTERNAL, "jb_object_array_set: Class.getComponentType")) == JB_OK &&
            !(*env)->IsInstanceOf(env, v, component)) {
            rc = jbi_fail(JB_ETYPE, "jb_object_array_set: the value is not an instance of the array's element type");
        }
        if (component != NULL) {
            (*env)->DeleteLocalRef(env, component);
        }
    }
    if (rc == JB_OK) {
        (*env)->SetObjectArrayElement(env, h.array, (jsize)index, v);
        rc = jbi_java_check(env, JB_ETYPE, "jb_object_array_set");
    }
    if (value_token != 0) {
        jbi_handles_release(value_token);
    }
    end(&h);
    return rc;
}
