/*
 * process_data's vectorisable block loop against the plain sum it must equal.
 * The first byte picks an offset into the input, so unaligned starts are covered.
 *
 * fuzz-sources: cpp/core/process_data.c
 */
#include <stdint.h>
#include <stdlib.h>

#include "process_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    size_t skip = size > 0 ? data[0] % 16 : 0;
    if (skip > size) {
        skip = size;
    }
    const uint8_t *start = data + skip;
    size_t len = size - skip;
    uint64_t expected = 0;
    for (size_t i = 0; i < len; i++) {
        expected += start[i];
    }
    uint64_t sum = 0;
    if (process_data(len == 0 ? NULL : start, len, &sum) != PROCESS_DATA_OK || sum != expected) {
        abort();
    }
    if (process_data(start, len, NULL) != PROCESS_DATA_ERR_NULL) {
        abort();
    }
    return 0;
}
