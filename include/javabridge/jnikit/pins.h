/**
 * @file jnikit/pins.h
 * @brief Several arrays and direct buffers pinned together around one C call.
 *
 * A C function that takes several buffers needs them all pinned at once. Critical pins forbid
 * every JNI call while any is held, including GetArrayLength and GetDirectBufferAddress, so a
 * jbk_pins set works in two steps: jbk_pins_array and jbk_pins_buffer check each argument
 * (null, range, directness) and remember it, with no region entered yet; jbk_pins_enter then
 * pins every array with GetPrimitiveArrayCritical and makes no other JNI call until
 * jbk_pins_leave, which releases them in reverse order, each with the mode its access asks for
 * (JNI_ABORT for JBK_PIN_READ, 0 when C wrote). Between enter and leave the caller may call C
 * that neither calls into Java nor blocks for long.
 *
 * Usage, with a pending exception and an early return on every -1:
 * @code
 * jbk_pins pins = JBK_PINS_INIT;
 * void *src = NULL, *dst = NULL;
 * if (jbk_pins_array(env, &pins, source, sizeof(jint), 0, n, JBK_PIN_READ, &src, "source") != 0 ||
 *     jbk_pins_array(env, &pins, target, sizeof(jint), 0, n, JBK_PIN_WRITE, &dst, "target") != 0 ||
 *     jbk_pins_enter(env, &pins) != 0) {
 *     return;
 * }
 * copy_ints(dst, src, n);
 * jbk_pins_leave(env, &pins);
 * @endcode
 *
 * Threads: a set belongs to one native call on one thread. Ownership: the set holds the
 * caller's local references; it never creates or deletes references.
 */
#ifndef JAVABRIDGE_JNIKIT_PINS_H
#define JAVABRIDGE_JNIKIT_PINS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How many arrays and buffers one set holds. */
#define JBK_PINS_MAX 16

/** One member of a set: filled by jbk_pins_array / jbk_pins_buffer; read it only through data. */
typedef struct jbk_pins_slot {
    jarray array;     /**< the array, or NULL for a direct buffer (already resolved) */
    size_t offset;    /**< the checked offset in bytes from element 0 */
    int access;       /**< JBK_PIN_READ, JBK_PIN_WRITE or JBK_PIN_READ_WRITE */
    void **data;      /**< where the caller wants the address of the checked range */
    void *elements;   /**< what GetPrimitiveArrayCritical returned, while entered */
} jbk_pins_slot;

/** A set of pins. Initialise with JBK_PINS_INIT; jbk_pins_leave accepts it in any state. */
typedef struct jbk_pins {
    int count;   /**< slots in use */
    int entered; /**< 1 between a successful jbk_pins_enter and jbk_pins_leave */
    jbk_pins_slot slots[JBK_PINS_MAX];
} jbk_pins;

#define JBK_PINS_INIT {0, 0, {{NULL, 0, 0, NULL, NULL}}}

/**
 * Adds @p array (any primitive array; @p element_size its element's size in bytes) to the set,
 * after checking it is not null and that [offset, offset + length) lies inside it; *data gets
 * the address of element @p offset at jbk_pins_enter (NULL until then). @p access is
 * JBK_PIN_READ, JBK_PIN_WRITE or JBK_PIN_READ_WRITE (JBK_PIN_CRITICAL is implied). Returns 0,
 * or -1 with an exception pending: NullPointerException, IndexOutOfBoundsException,
 * IllegalArgumentException (bad access, element size 0, a full set, or a set already entered).
 */
JBK_LOCAL int jbk_pins_array(JNIEnv *env, jbk_pins *pins, jarray array, size_t element_size, jint offset, jint length,
                             int access, void **data, const char *what);

/**
 * Adds a direct ByteBuffer's bytes [offset, offset + length): checked and resolved now (the
 * memory is not the JVM's to move, so nothing is pinned); *data is set at jbk_pins_enter. Same
 * errors as jbk_pins_array, plus IllegalArgumentException for a buffer that is not direct.
 */
JBK_LOCAL int jbk_pins_buffer(JNIEnv *env, jbk_pins *pins, jobject buffer, int64_t offset, int64_t length, int access,
                              void **data, const char *what);

/**
 * Pins every array of the set critically, in the order added, and sets each *data. Returns 0
 * (then no JNI call until jbk_pins_leave), or -1 with OutOfMemoryError pending after releasing,
 * in reverse, whatever it had pinned (with JNI_ABORT: C has not run).
 */
JBK_LOCAL int jbk_pins_enter(JNIEnv *env, jbk_pins *pins);

/**
 * Releases the arrays in reverse order, with JNI_ABORT for those pinned for reading and mode 0
 * (copied back) for the others, and resets every *data to NULL. Does nothing when not entered,
 * so it may also run on a cleanup path.
 */
JBK_LOCAL void jbk_pins_leave(JNIEnv *env, jbk_pins *pins);

#ifdef __cplusplus
}
#endif

#endif
