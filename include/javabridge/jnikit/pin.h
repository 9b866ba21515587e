/**
 * @file jnikit/pin.h
 * @brief Pinning Java arrays and direct buffers for C, with the right release mode.
 *
 * An array pinned for reading is released with JNI_ABORT (a copy, if the JVM made one, is
 * dropped, never written back); one pinned for writing is released with mode 0 (copied back
 * and freed). Critical pins (`JBK_PIN_CRITICAL`) are the fastest but forbid any JNI call and
 * any blocking until jbk_unpin: use them around one C call. Pins without it allow JNI calls
 * (callbacks) while held. Each pin is checked against the array's range first.
 */
#ifndef JAVABRIDGE_JNIKIT_PIN_H
#define JAVABRIDGE_JNIKIT_PIN_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What C does with pinned elements; or'ed with JBK_PIN_CRITICAL for a critical pin. */
typedef enum jbk_access {
    JBK_PIN_READ = 1,       /**< C only reads: released with JNI_ABORT */
    JBK_PIN_WRITE = 2,      /**< C writes: released with mode 0 (copied back) */
    JBK_PIN_READ_WRITE = 3, /**< both: released with mode 0 */
    JBK_PIN_CRITICAL = 4    /**< GetPrimitiveArrayCritical: no JNI call until jbk_unpin */
} jbk_access;

/** A pinned range. Initialise with JBK_PINNED_INIT; jbk_unpin accepts it pinned or not. */
typedef struct jbk_pinned {
    void *data;     /**< the first element of the checked range, or NULL when not pinned */
    jarray array;   /**< the pinned array (a reference the caller owns), or NULL */
    void *elements; /**< what the JVM returned: the array's element 0 */
    int access;     /**< the jbk_access flags it was pinned with */
} jbk_pinned;

#define JBK_PINNED_INIT {NULL, NULL, NULL, 0}

/**
 * Pins @p array (a byte[]) after checking [offset, offset + length) against it; out->data then
 * points at element offset. Returns 0, or -1 with an exception pending (null array, bad range,
 * JBK_PIN_* flags without READ or WRITE, or the JVM could not pin: OutOfMemoryError).
 */
JBK_LOCAL int jbk_pin_bytes(JNIEnv *env, jbyteArray array, jint offset, jint length, int access,
                            jbk_pinned *out, const char *what);

/**
 * Pins any primitive array critically (JBK_PIN_CRITICAL is implied) after the same range
 * check; @p element_size is the element's size in bytes (sizeof(jint) for an int[]), used for
 * out->data. Same results as jbk_pin_bytes.
 */
JBK_LOCAL int jbk_pin_array(JNIEnv *env, jarray array, size_t element_size, jint offset, jint length, int access,
                            jbk_pinned *out, const char *what);

/** Releases a pin with the mode its access asks for and resets *pin; does nothing if not pinned. */
JBK_LOCAL void jbk_unpin(JNIEnv *env, jbk_pinned *pin);

/**
 * The address of byte @p offset of a direct ByteBuffer, after checking [offset, offset + length)
 * against its capacity. Returns 0 and sets *address, or -1 with an exception pending (null:
 * NullPointerException; not direct: IllegalArgumentException; bad range: IndexOutOfBounds).
 * The memory belongs to the buffer: it is valid while the buffer is reachable.
 */
JBK_LOCAL int jbk_direct_buffer(JNIEnv *env, jobject buffer, int64_t offset, int64_t length, void **address,
                                const char *what);

#ifdef __cplusplus
}
#endif

#endif
