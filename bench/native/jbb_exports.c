/* Thin plain-C faces over math_ops and process_data for JNA and FFM. */
#include "jbb_exports.h"

#include <string.h>

#include "process_data.h"

int32_t jbb_safe_add(int32_t a, int32_t b) {
    int32_t r = 0;
    return safe_add(a, b, &r) == MATH_OPS_OK ? r : INT32_MIN;
}

int64_t jbb_sum(const uint8_t *data, size_t len) {
    uint64_t sum = 0;
    int rc = process_data(data, len, &sum);
    return rc == PROCESS_DATA_OK ? (int64_t)sum : rc;
}

size_t jbb_echo(const char *in, size_t len, char *out) {
    memcpy(out, in, len);
    out[len] = '\0';
    return len;
}

/* Large enough for the 4 KiB strings the benchmarks send, with room to spare. */
#define JBB_ECHO_CAPACITY (64 * 1024)

const char *jbb_echo_cstr(const char *in) {
    static _Thread_local char buffer[JBB_ECHO_CAPACITY];
    size_t len = strlen(in);
    if (len >= sizeof buffer) {
        return NULL;
    }
    jbb_echo(in, len, buffer);
    return buffer;
}

double jbb_point_distance(const Point *a, const Point *b) { return point_distance(a, b); }

int jbb_point_distances(const Point *a, const Point *b, double *dist, size_t n) {
    return point_distances(a, b, dist, n);
}
