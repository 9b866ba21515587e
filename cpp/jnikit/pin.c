/*
 * Pinning for C: the release mode follows from what C did (JNI_ABORT for input-only data, so
 * a copy is never written back over the array), and a range check always comes first.
 */
#include "kit_state.h"

static int valid_access(JNIEnv *env, int access, const char *what) {
    if ((access & JBK_PIN_READ_WRITE) == 0 || (access & ~(JBK_PIN_READ_WRITE | JBK_PIN_CRITICAL)) != 0) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: bad pin access flags %d", what, access);
    }
    return 0;
}

int jbk_pin_bytes(JNIEnv *env, jbyteArray array, jint offset, jint length, int access, jbk_pinned *out,
                  const char *what) {
    jbk_pinned empty = JBK_PINNED_INIT;
    *out = empty;
    if (valid_access(env, access, what) != 0 || jbk_check_range(env, array, offset, length, what) != 0) {
        return -1;
    }
    void *elements = (access & JBK_PIN_CRITICAL) ? (*env)->GetPrimitiveArrayCritical(env, array, NULL)
                                                 : (void *)(*env)->GetByteArrayElements(env, array, NULL);
    if (elements == NULL) {
        return jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot pin %d bytes", what, (int)length);
    }
    out->array = array;
    out->elements = elements;
    out->data = (char *)elements + offset;
    out->access = access;
    return 0;
}

int jbk_pin_array(JNIEnv *env, jarray array, size_t element_size, jint offset, jint length, int access,
                  jbk_pinned *out, const char *what) {
    jbk_pinned empty = JBK_PINNED_INIT;
    *out = empty;
    access |= JBK_PIN_CRITICAL;
    if (valid_access(env, access, what) != 0 || jbk_check_range(env, array, offset, length, what) != 0) {
        return -1;
    }
    void *elements = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    if (elements == NULL) {
        return jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot pin %d elements", what, (int)length);
    }
    out->array = array;
    out->elements = elements;
    out->data = (char *)elements + (size_t)offset * element_size;
    out->access = access;
    return 0;
}

void jbk_unpin(JNIEnv *env, jbk_pinned *pin) {
    if (pin == NULL || pin->elements == NULL) {
        return;
    }
    jint mode = (pin->access & JBK_PIN_WRITE) ? 0 : JNI_ABORT;
    if (pin->access & JBK_PIN_CRITICAL) {
        (*env)->ReleasePrimitiveArrayCritical(env, pin->array, pin->elements, mode);
    } else {
        (*env)->ReleaseByteArrayElements(env, (jbyteArray)pin->array, (jbyte *)pin->elements, mode);
    }
    jbk_pinned empty = JBK_PINNED_INIT;
    *pin = empty;
}

int jbk_direct_buffer(JNIEnv *env, jobject buffer, int64_t offset, int64_t length, void **address,
                      const char *what) {
    if (buffer == NULL) {
        return jbk_throw(env, JBK_NULL_POINTER, "%s is null", what);
    }
    char *base = (*env)->GetDirectBufferAddress(env, buffer);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, buffer);
    if (base == NULL || capacity < 0) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s is not a direct ByteBuffer", what);
    }
    if (jbk_check_bounds(env, offset, length, (int64_t)capacity, what) != 0) {
        return -1;
    }
    *address = base + offset;
    return 0;
}
