/* Clock, order statistics and the JSON the report reads. */
#include "bench_clock.h"

#include <stdlib.h>
#include <time.h>

uint64_t jbb_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t jbb_thread_cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a;
    double y = *(const double *)b;
    return (x > y) - (x < y);
}

jbb_stats jbb_summarise(double *samples, int n) {
    jbb_stats s = {0, 0, 0, n};
    if (n <= 0) {
        return s;
    }
    qsort(samples, (size_t)n, sizeof *samples, compare_doubles);
    s.min = samples[0];
    s.max = samples[n - 1];
    s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    return s;
}

static int rows_written;

void jbb_json_begin(FILE *out, const char *harness) {
    rows_written = 0;
    fprintf(out, "{\"harness\": \"%s\", \"rows\": [\n", harness);
}

void jbb_json_row(FILE *out, const char *name, const char *param, const char *unit, jbb_stats s) {
    fprintf(out, "%s  {\"name\": \"%s\", \"param\": \"%s\", \"unit\": \"%s\", \"median\": %.6g, \"min\": %.6g, "
                 "\"max\": %.6g, \"n\": %d}",
            rows_written++ ? ",\n" : "", name, param, unit, s.median, s.min, s.max, s.n);
    fflush(out);
}

void jbb_json_end(FILE *out) { fprintf(out, "\n]}\n"); }
