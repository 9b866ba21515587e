/*
 * Several pins around one C call. Every JNI call that a check needs (GetArrayLength,
 * GetDirectBufferAddress, a throw) happens while the set is still being filled; entering makes
 * GetPrimitiveArrayCritical calls only, and a failure there leaves every region before throwing.
 */
#include "kit_state.h"

static int add_slot(JNIEnv *env, jbk_pins *pins, int access, void **data, const char *what, jbk_pins_slot **slot) {
    if (pins->entered) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: the pins are already entered", what);
    }
    if (pins->count >= JBK_PINS_MAX) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: more than %d pins in one set", what, JBK_PINS_MAX);
    }
    if (access != JBK_PIN_READ && access != JBK_PIN_WRITE && access != JBK_PIN_READ_WRITE) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: bad pin access flags %d", what, access);
    }
    if (data == NULL) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: no place for the pinned address", what);
    }
    *data = NULL;
    *slot = &pins->slots[pins->count];
    (*slot)->access = access;
    (*slot)->data = data;
    (*slot)->elements = NULL;
    return 0;
}

int jbk_pins_array(JNIEnv *env, jbk_pins *pins, jarray array, size_t element_size, jint offset, jint length,
                   int access, void **data, const char *what) {
    jbk_pins_slot *slot = NULL;
    if (add_slot(env, pins, access, data, what, &slot) != 0) {
        return -1;
    }
    if (element_size == 0) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: element size 0", what);
    }
    if (jbk_check_range(env, array, offset, length, what) != 0) {
        return -1;
    }
    slot->array = array;
    slot->offset = (size_t)offset * element_size;
    pins->count++;
    return 0;
}

int jbk_pins_buffer(JNIEnv *env, jbk_pins *pins, jobject buffer, int64_t offset, int64_t length, int access,
                    void **data, const char *what) {
    jbk_pins_slot *slot = NULL;
    void *address = NULL;
    if (add_slot(env, pins, access, data, what, &slot) != 0 ||
        jbk_direct_buffer(env, buffer, offset, length, &address, what) != 0) {
        return -1;
    }
    slot->array = NULL;
    slot->offset = 0;
    slot->elements = address;
    pins->count++;
    return 0;
}

/* Leaves slots [0, end) in reverse with their modes, or all with JNI_ABORT when C never ran. */
static void release(JNIEnv *env, jbk_pins *pins, int end, int abort_all) {
    for (int i = end - 1; i >= 0; i--) {
        jbk_pins_slot *slot = &pins->slots[i];
        *slot->data = NULL;
        if (slot->array == NULL) {
            continue;
        }
        if (slot->elements != NULL) {
            jint mode = (!abort_all && (slot->access & JBK_PIN_WRITE)) ? 0 : JNI_ABORT;
            (*env)->ReleasePrimitiveArrayCritical(env, slot->array, slot->elements, mode);
            slot->elements = NULL;
        }
    }
}

int jbk_pins_enter(JNIEnv *env, jbk_pins *pins) {
    if (pins->entered) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "the pins are already entered");
    }
    for (int i = 0; i < pins->count; i++) {
        jbk_pins_slot *slot = &pins->slots[i];
        if (slot->array == NULL) {
            *slot->data = slot->elements;
            continue;
        }
        slot->elements = (*env)->GetPrimitiveArrayCritical(env, slot->array, NULL);
        if (slot->elements == NULL) {
            release(env, pins, i, 1);
            return jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot pin array %d of %d", i + 1, pins->count);
        }
        *slot->data = (char *)slot->elements + slot->offset;
    }
    pins->entered = 1;
    return 0;
}

void jbk_pins_leave(JNIEnv *env, jbk_pins *pins) {
    if (pins == NULL || !pins->entered) {
        return;
    }
    release(env, pins, pins->count, 0);
    pins->entered = 0;
}
