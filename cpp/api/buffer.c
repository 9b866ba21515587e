/*
 * Direct ByteBuffers over C memory and back (buffer.h). javabridge keeps nothing of the
 * memory: the lifetime rule in buffer.h is the host's to keep, because the JVM gives no signal
 * when Java code drops a buffer.
 */
#include <stdint.h>

#include "javabridge/buffer.h"
#include "javabridge/errors.h"
#include "ext_ids.h"
#include "handles.h"
#include "java_exception.h"
#include "last_error.h"
#include "object_internal.h"
#include "vm_state.h"

JB_API int jb_buffer_wrap(void *data, size_t size, jb_object **out) {
    if (data == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_buffer_wrap: data and out must not be NULL");
    }
    if (size > (size_t)INT32_MAX) {
        return jbi_fail(JB_ERANGE, "jb_buffer_wrap: %zu bytes is over a Java buffer's limit of INT32_MAX", size);
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) {
        return rc;
    }
    jobject buf = (*env)->NewDirectByteBuffer(env, data, (jlong)size);
    if (buf == NULL) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_buffer_wrap: NewDirectByteBuffer");
        if (rc == JB_OK) {
            rc = jbi_fail(JB_EINTERNAL, "jb_buffer_wrap: this JVM does not make direct buffers from JNI");
        }
    } else {
        uintptr_t token = 0;
        if ((rc = jbi_object_wrap(env, buf, &token)) == JB_OK) {
            *out = (jb_object *)token;
        }
        (*env)->DeleteLocalRef(env, buf);
    }
    jbi_leave();
    return rc;
}

JB_API int jb_buffer_address(jb_object *buffer, void **data, size_t *size) {
    if (buffer == NULL) {
        return jbi_fail(JB_EINVAL, "jb_buffer_address: buffer is NULL");
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) {
        return rc;
    }
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)buffer, JBI_HANDLE_OBJECT, &ptr) != JBI_H_OK) {
        jbi_leave();
        return jbi_fail(JB_EHANDLE, "jb_buffer_address: not a live jb_object (freed, forged or closed)");
    }
    jobject ref = ((jbi_object *)ptr)->ref;
    if (!(*env)->IsInstanceOf(env, ref, jbi_ext.buffer_class)) {
        rc = jbi_fail(JB_ETYPE, "jb_buffer_address: not a java.nio.Buffer");
    } else {
        void *address = (*env)->GetDirectBufferAddress(env, ref);
        jlong capacity = (*env)->GetDirectBufferCapacity(env, ref);
        if (address == NULL || capacity < 0) {
            rc = jbi_fail(JB_ETYPE, "jb_buffer_address: not a direct buffer (a heap buffer has no fixed address)");
        } else {
            if (data != NULL) *data = address;
            if (size != NULL) *size = (size_t)capacity;
        }
    }
    jbi_handles_release((uintptr_t)buffer);
    jbi_leave();
    return rc;
}
