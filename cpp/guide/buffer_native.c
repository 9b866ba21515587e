/*
 * NativeBuffer's natives. Each takes the buffer's State object, not a raw
 * address, so a native called with garbage (by reflection, say) meets a null
 * check or a closed state instead of a wild pointer. Java's use count keeps the
 * memory alive for the length of every call.
 */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_BufferNative.h"

#include <stdint.h>
#include <string.h>

#include "buffer.h"

/* The open buffer behind state, or NULL with an exception pending. */
static Buffer *buffer_of(JNIEnv *env, jobject state) {
    if (state == NULL) {
        jbk_throw(env, JBK_NULL_POINTER, "buffer state is null");
        return NULL;
    }
    Buffer *buffer = (Buffer *)(intptr_t)(*env)->GetLongField(env, state, guide_ids.buffer_state_handle);
    if (buffer == NULL) {
        jbk_throw(env, JBK_ILLEGAL_STATE, "buffer is closed");
    }
    return buffer;
}

static int check_span(JNIEnv *env, const Buffer *buffer, jlong offset, jlong length) {
    if (offset < 0 || length < 0 || (uint64_t)offset > buffer->size ||
        (uint64_t)length > buffer->size - (uint64_t)offset) {
        jbk_throw(env, JBK_INDEX_OUT_OF_BOUNDS, "range [%lld, %lld + %lld) is outside a buffer of %zu bytes",
                  (long long)offset, (long long)offset, (long long)length, buffer->size);
        return -1;
    }
    return 0;
}

JNIEXPORT jlong JNICALL Java_dev_javabridge_BufferNative_allocate(JNIEnv *env, jclass cls, jlong size) {
    (void)cls;
    if (size <= 0 || (uint64_t)size > BUFFER_MAX_SIZE) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "buffer size %lld is outside 1..%zu", (long long)size, BUFFER_MAX_SIZE);
        return 0;
    }
    Buffer *buffer = create_buffer((size_t)size);
    if (buffer == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot allocate a native buffer of %lld bytes", (long long)size);
        return 0;
    }
    return (jlong)(intptr_t)buffer;
}

JNIEXPORT void JNICALL Java_dev_javabridge_BufferNative_free(JNIEnv *env, jclass cls, jobject state) {
    (void)cls;
    if (state == NULL) {
        jbk_throw(env, JBK_NULL_POINTER, "buffer state is null");
        return;
    }
    /* Clear before freeing: whatever reads the handle next sees a closed buffer. */
    Buffer *buffer = (Buffer *)(intptr_t)(*env)->GetLongField(env, state, guide_ids.buffer_state_handle);
    (*env)->SetLongField(env, state, guide_ids.buffer_state_handle, 0);
    free_buffer(buffer);
}

JNIEXPORT jbyte JNICALL Java_dev_javabridge_BufferNative_get(JNIEnv *env, jclass cls, jobject state, jlong index) {
    (void)cls;
    Buffer *buffer = buffer_of(env, state);
    if (buffer == NULL || check_span(env, buffer, index, 1) != 0) {
        return 0;
    }
    return (jbyte)buffer->data[index];
}

JNIEXPORT void JNICALL Java_dev_javabridge_BufferNative_put(JNIEnv *env, jclass cls, jobject state, jlong index,
                                                            jbyte value) {
    (void)cls;
    Buffer *buffer = buffer_of(env, state);
    if (buffer == NULL || check_span(env, buffer, index, 1) != 0) {
        return;
    }
    buffer->data[index] = (uint8_t)value;
}

JNIEXPORT void JNICALL Java_dev_javabridge_BufferNative_read(JNIEnv *env, jclass cls, jobject state, jlong position,
                                                             jbyteArray dst, jint offset, jint length) {
    (void)cls;
    Buffer *buffer = buffer_of(env, state);
    if (buffer == NULL || check_span(env, buffer, position, length) != 0 ||
        jbk_check_range(env, dst, offset, length, "destination") != 0) {
        return;
    }
    (*env)->SetByteArrayRegion(env, dst, offset, length, (const jbyte *)(buffer->data + position));
}

JNIEXPORT void JNICALL Java_dev_javabridge_BufferNative_write(JNIEnv *env, jclass cls, jobject state, jlong position,
                                                              jbyteArray src, jint offset, jint length) {
    (void)cls;
    Buffer *buffer = buffer_of(env, state);
    if (buffer == NULL || check_span(env, buffer, position, length) != 0 ||
        jbk_check_range(env, src, offset, length, "source") != 0) {
        return;
    }
    (*env)->GetByteArrayRegion(env, src, offset, length, (jbyte *)(buffer->data + position));
}

JNIEXPORT jobject JNICALL Java_dev_javabridge_BufferNative_view(JNIEnv *env, jclass cls, jobject state) {
    (void)cls;
    Buffer *buffer = buffer_of(env, state);
    if (buffer == NULL) {
        return NULL;
    }
    jobject view = (*env)->NewDirectByteBuffer(env, buffer->data, (jlong)buffer->size);
    if (view == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot create a ByteBuffer view");
    }
    return view;
}
