/**
 * @file buffer.h
 * @brief Large data without a copy: a direct java.nio.ByteBuffer over C memory, and the memory
 *   behind a direct buffer Java made.
 *
 * Lifetime rule: a buffer made by jb_buffer_wrap() reads and writes the C memory itself, and
 * neither Java nor javabridge can tell when Java stops using it. The memory must therefore stay
 * valid, and must not be freed or reused, until no Java code can reach the buffer any more:
 * after jb_object_free() of the buffer, and after every Java object the buffer (or a slice or
 * view of it) was handed to has dropped it. If Java may keep it (a cache, a field, another
 * thread), keep the memory until the JVM is destroyed. Touching freed memory through the buffer
 * is undefined behaviour, typically a crash of the whole process.
 *
 * The buffer is big-endian (Java's default byte order) and writable; its capacity is the size.
 * Java buffers hold at most INT32_MAX bytes.
 */
#ifndef JAVABRIDGE_BUFFER_H
#define JAVABRIDGE_BUFFER_H

#include <stddef.h>

#include "javabridge/export.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Makes a direct ByteBuffer whose contents are data[0, size), without a copy.
 * @param data the memory (not NULL, even for size 0); borrowed under the lifetime rule above.
 * @param size its length in bytes, at most INT32_MAX.
 * @param[out] out receives a new reference to the buffer, to free with jb_object_free().
 * @return JB_OK; JB_EINVAL (data or out NULL); JB_ERANGE (size over INT32_MAX); JB_ENOT_OPEN;
 *   JB_EATTACH; JB_ENOMEM; JB_EINTERNAL (the JVM does not support direct buffers from JNI).
 * @note Thread-safe.
 */
JB_API int jb_buffer_wrap(void *data, size_t size, jb_object **out);

/**
 * @brief The memory behind a direct buffer (one made by jb_buffer_wrap(), or a direct
 *   ByteBuffer Java made with ByteBuffer.allocateDirect()).
 * @param buffer a live reference to a java.nio.Buffer.
 * @param[out] data receives the address; borrowed: valid as long as Java keeps the buffer (and,
 *   for one made by jb_buffer_wrap(), as long as its C owner keeps the memory). NULL is allowed.
 * @param[out] size receives the capacity in bytes (elements, for a buffer of another type than
 *   ByteBuffer). NULL is allowed.
 * @return JB_OK; JB_EINVAL (buffer NULL); JB_EHANDLE; JB_ETYPE (not a direct buffer: a heap
 *   buffer has no fixed address); JB_ENOT_OPEN; JB_EATTACH.
 * @note Thread-safe.
 */
JB_API int jb_buffer_address(jb_object *buffer, void **data, size_t *size);

#ifdef __cplusplus
}
#endif

#endif
