/* Timing and summaries shared by the C harnesses; results are printed as JSON rows. */
#ifndef JBB_BENCH_CLOCK_H
#define JBB_BENCH_CLOCK_H

#include <stdint.h>
#include <stdio.h>

typedef struct jbb_stats {
    double median;
    double min;
    double max;
    int n;
} jbb_stats;

/** CLOCK_MONOTONIC in nanoseconds. */
uint64_t jbb_now_ns(void);

/** This thread's CPU time in nanoseconds: time spent descheduled on a busy machine is not counted. */
uint64_t jbb_thread_cpu_ns(void);

/** Median, min and max of n samples (sorts them in place). */
jbb_stats jbb_summarise(double *samples, int n);

/** Starts a JSON document {"harness": name, "rows": [ ... ]}; rows follow, then jbb_json_end. */
void jbb_json_begin(FILE *out, const char *harness);
void jbb_json_row(FILE *out, const char *name, const char *param, const char *unit, jbb_stats s);
void jbb_json_end(FILE *out);

#endif
