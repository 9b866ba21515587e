/*
 * The guide's create_buffer/free_buffer: memory owned by C, handed to Java
 * through a NativeBuffer, freed exactly once by free_buffer.
 */
#ifndef JB_CORE_BUFFER_H
#define JB_CORE_BUFFER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The largest buffer create_buffer hands out: 1 GiB (NativeBuffer.MAX_SIZE mirrors it). */
#define BUFFER_MAX_SIZE ((size_t)1 << 30)

typedef struct Buffer {
    uint8_t *data;
    size_t size;
} Buffer;

/**
 * Allocates a zero-filled buffer of size bytes, 1 <= size <= BUFFER_MAX_SIZE.
 * Returns NULL for a size out of range or when memory runs out.
 * The caller owns the result and frees it with free_buffer.
 */
Buffer *create_buffer(size_t size);

/** Frees a buffer from create_buffer; NULL is accepted and ignored. */
void free_buffer(Buffer *buffer);

#ifdef __cplusplus
}
#endif

#endif
