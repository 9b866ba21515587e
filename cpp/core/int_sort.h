/* A merge sort whose comparator may ask it to stop, so a failing Java comparator ends the sort cleanly. */
#ifndef JB_CORE_INT_SORT_H
#define JB_CORE_INT_SORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Compares a and b (negative, 0, positive). Setting *stop to nonzero ends the
 * sort; the return value is then ignored.
 */
typedef int (*int_sort_cmp)(int32_t a, int32_t b, int *stop, void *user_data);

#define INT_SORT_OK 0
#define INT_SORT_ERR_NULL (-1)
#define INT_SORT_ERR_NO_MEMORY (-2)
#define INT_SORT_STOPPED (-3)      /**< the comparator asked to stop; values is unchanged */

/** Sorts n values stably. On any result but INT_SORT_OK, values is left as it was. */
int int_sort(int32_t *values, size_t n, int_sort_cmp cmp, void *user_data);

#ifdef __cplusplus
}
#endif

#endif
