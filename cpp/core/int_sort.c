/* Bottom-up merge sort into scratch space, copied back only when it completes. */
#include "int_sort.h"

#include <stdlib.h>
#include <string.h>

int int_sort(int32_t *values, size_t n, int_sort_cmp cmp, void *user_data) {
    if (cmp == NULL || (values == NULL && n != 0)) {
        return INT_SORT_ERR_NULL;
    }
    if (n < 2) {
        return INT_SORT_OK;
    }
    if (n > SIZE_MAX / (2 * sizeof(int32_t))) {
        return INT_SORT_ERR_NO_MEMORY;
    }
    int32_t *scratch = malloc(2 * n * sizeof(int32_t));
    if (scratch == NULL) {
        return INT_SORT_ERR_NO_MEMORY;
    }
    int32_t *src = scratch;
    int32_t *dst = scratch + n;
    memcpy(src, values, n * sizeof(int32_t));
    int stop = 0;
    for (size_t width = 1; width < n && !stop; width *= 2) {
        for (size_t lo = 0; lo < n && !stop; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int c = cmp(src[j], src[i], &stop, user_data);
                if (stop) {
                    break;
                }
                dst[k++] = c < 0 ? src[j++] : src[i++];
            }
            while (i < mid) {
                dst[k++] = src[i++];
            }
            while (j < hi) {
                dst[k++] = src[j++];
            }
        }
        int32_t *t = src;
        src = dst;
        dst = t;
    }
    if (!stop) {
        memcpy(values, src, n * sizeof(int32_t));
    }
    free(scratch);
    return stop ? INT_SORT_STOPPED : INT_SORT_OK;
}
