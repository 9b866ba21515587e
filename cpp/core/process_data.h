/* The guide's process_data: a pure C kernel over a byte range. */
#ifndef JB_CORE_PROCESS_DATA_H
#define JB_CORE_PROCESS_DATA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The largest input process_data accepts: 100 MiB. */
#define PROCESS_DATA_MAX_LEN ((size_t)100 << 20)

#define PROCESS_DATA_OK 0
#define PROCESS_DATA_ERR_NULL (-1)     /**< data or sum was NULL (data may be NULL when len is 0) */
#define PROCESS_DATA_ERR_TOO_LONG (-2) /**< len > PROCESS_DATA_MAX_LEN */

/** *sum = the sum of the len bytes at data, each read as unsigned. */
int process_data(const uint8_t *data, size_t len, uint64_t *sum);

#ifdef __cplusplus
}
#endif

#endif
