/* C-owned buffers: one allocation holds the header and the bytes. */
#include "buffer.h"

#include <stdlib.h>

Buffer *create_buffer(size_t size) {
    if (size == 0 || size > BUFFER_MAX_SIZE) {
        return NULL;
    }
    /* One block: the bytes follow the header, so a buffer is one free(). */
    Buffer *b = calloc(1, sizeof(Buffer) + size);
    if (b == NULL) {
        return NULL;
    }
    b->data = (uint8_t *)(b + 1);
    b->size = size;
    return b;
}

void free_buffer(Buffer *buffer) {
    free(buffer);
}
