/*
 * gauge: the C library of the cross-build test project, the project's own source, so that each
 * target needs only its compiler (no target build of a system library). A struct by value and by
 * pointer, an array with its length, a status code and a long by value (32 bits on Windows), so the
 * layout check has work on each target.
 */
#ifndef GAUGE_H
#define GAUGE_H

#include <stdint.h>

#define GAUGE_OK 0
#define GAUGE_ERR_EMPTY (-1)

typedef struct gauge_reading {
    uint16_t channel;
    int32_t millivolts;
    double scale;
} gauge_reading;

/** A reading of channel at millivolts, scaled by 1/1000. */
gauge_reading gauge_read(uint16_t channel, int32_t millivolts);

/** The reading's value in volts. */
double gauge_volts(const gauge_reading *r);

/** The sum of values[0..count) into *sum; GAUGE_ERR_EMPTY when count is 0. */
int gauge_sum(const int32_t *values, int32_t count, int64_t *sum);

/** v thousandths: in C's long, 64 bits on Linux and 32 on Windows; the glue converts it on each. */
long gauge_milli(long v);

/** The width of a pointer on the target in bytes: tells which build of the library answered. */
int32_t gauge_pointer_bits(void);

#endif
