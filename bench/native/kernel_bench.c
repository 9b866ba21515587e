/*
 * process_data timed in C, with no bridge at all: the ceiling that the bulk
 * benchmarks' throughput is held against. Same sizes and fill as BulkSum.
 * Usage: jbb_kernel [sample_ms] [samples]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_clock.h"
#include "process_data.h"

static const size_t SIZES[] = {64, 4096, 65536, 1 << 20, 16 << 20};

int main(int argc, char **argv) {
    double sample_ms = argc > 1 ? atof(argv[1]) : 100;
    int samples = argc > 2 ? atoi(argv[2]) : 9;
    if (sample_ms <= 0 || samples <= 0 || samples > 1000) {
        fprintf(stderr, "usage: %s [sample_ms > 0] [samples 1..1000]\n", argv[0]);
        return 2;
    }
    size_t max = SIZES[sizeof SIZES / sizeof *SIZES - 1];
    uint8_t *data = aligned_alloc(64, max);
    double *values = malloc(sizeof(double) * (size_t)samples);
    if (data == NULL || values == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < max; i++) {
        data[i] = (uint8_t)(i * 31 + 7);
    }
    jbb_json_begin(stdout, "kernel");
    for (size_t k = 0; k < sizeof SIZES / sizeof *SIZES; k++) {
        size_t len = SIZES[k];
        /* Calibrate the repetitions so that one sample lasts about sample_ms. */
        uint64_t reps = 1;
        volatile uint64_t sink = 0;
        for (;;) {
            uint64_t t0 = jbb_now_ns();
            for (uint64_t r = 0; r < reps; r++) {
                uint64_t sum = 0;
                process_data(data, len, &sum);
                sink += sum;
            }
            uint64_t elapsed = jbb_now_ns() - t0;
            if (elapsed >= sample_ms * 1e6 / 4 || reps > (1ull << 40)) {
                reps = (uint64_t)(reps * (sample_ms * 1e6 / (double)(elapsed ? elapsed : 1))) + 1;
                break;
            }
            reps *= 4;
        }
        for (int s = 0; s < samples; s++) {
            uint64_t t0 = jbb_now_ns();
            for (uint64_t r = 0; r < reps; r++) {
                uint64_t sum = 0;
                process_data(data, len, &sum);
                sink += sum;
            }
            double ns = (double)(jbb_now_ns() - t0) / (double)reps;
            values[s] = (double)len / ns; /* bytes per ns = GB/s */
        }
        char param[32];
        snprintf(param, sizeof param, "%zu", len);
        jbb_json_row(stdout, "c_kernel", param, "GB/s", jbb_summarise(values, samples));
    }
    jbb_json_end(stdout);
    free(values);
    free(data);
    return 0;
}
