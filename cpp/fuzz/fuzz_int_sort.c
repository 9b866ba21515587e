/*
 * int_sort with a comparator that may misbehave as a Java callback can: answer
 * inconsistently or ask to stop after some comparisons. Whatever it does, the sort
 * stays in bounds; a consistent comparator gives a stable sorted permutation;
 * a stop leaves the values exactly as they were.
 *
 * Input: byte 0 picks the comparator, byte 1 the comparison after which it stops,
 * the rest are the values (4 bytes each).
 *
 * fuzz-sources: cpp/core/int_sort.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "int_sort.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct ctx {
    unsigned mode;
    unsigned stop_after;
    unsigned calls;
    uint32_t noise;
} ctx;

static int compare(int32_t a, int32_t b, int *stop, void *user_data) {
    ctx *c = user_data;
    c->calls++;
    if (c->mode == 1 && c->calls > c->stop_after) {
        *stop = 1;
        return 0;
    }
    if (c->mode == 2) {
        c->noise = c->noise * 1103515245u + 12345u;
        return (int)(c->noise >> 16) % 3 - 1;
    }
    return (a > b) - (a < b);
}

static int by_value(const void *x, const void *y) {
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) {
        return 0;
    }
    ctx c = {data[0] % 3u, data[1], 0, data[0]};
    size_t n = (size - 2) / sizeof(int32_t);
    int32_t *values = malloc((n ? n : 1) * sizeof(int32_t));
    int32_t *before = malloc((n ? n : 1) * sizeof(int32_t));
    if (values == NULL || before == NULL) {
        free(values);
        free(before);
        return 0;
    }
    memcpy(values, data + 2, n * sizeof(int32_t));
    memcpy(before, values, n * sizeof(int32_t));
    int rc = int_sort(values, n, compare, &c);
    if (rc == INT_SORT_STOPPED) {
        if (c.mode != 1 || memcmp(values, before, n * sizeof(int32_t)) != 0) {
            abort();
        }
    } else if (rc != INT_SORT_OK) {
        abort();
    } else if (c.mode != 2) {
        qsort(before, n, sizeof(int32_t), by_value);
        if (memcmp(values, before, n * sizeof(int32_t)) != 0) {
            abort();
        }
    }
    free(values);
    free(before);
    return 0;
}
