/* Sum of bytes, written so that compilers vectorise it. */
#include "process_data.h"

int process_data(const uint8_t *data, size_t len, uint64_t *sum) {
    if (sum == NULL || (data == NULL && len != 0)) {
        return PROCESS_DATA_ERR_NULL;
    }
    if (len > PROCESS_DATA_MAX_LEN) {
        return PROCESS_DATA_ERR_TOO_LONG;
    }
    /* 32-bit lanes in blocks that cannot overflow them vectorise far better than a 64-bit accumulator. */
    uint64_t total = 0;
    size_t i = 0;
    while (i < len) {
        size_t block = len - i < (1u << 20) ? len - i : (1u << 20);
        uint32_t part = 0;
        for (size_t j = 0; j < block; j++) {
            part += data[i + j];
        }
        total += part;
        i += block;
    }
    *sum = total;
    return PROCESS_DATA_OK;
}
