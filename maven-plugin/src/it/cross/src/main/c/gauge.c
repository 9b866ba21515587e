/* gauge: see gauge.h. */
#include "gauge.h"

gauge_reading gauge_read(uint16_t channel, int32_t millivolts) {
    gauge_reading r = {channel, millivolts, 0.001};
    return r;
}

double gauge_volts(const gauge_reading *r) {
    return r->millivolts * r->scale;
}

int gauge_sum(const int32_t *values, int32_t count, int64_t *sum) {
    if (count == 0) {
        return GAUGE_ERR_EMPTY;
    }
    int64_t s = 0;
    for (int32_t i = 0; i < count; i++) {
        s += values[i];
    }
    *sum = s;
    return GAUGE_OK;
}

long gauge_milli(long v) {
    return v * 1000;
}

int32_t gauge_pointer_bits(void) {
    return (int32_t)(sizeof(void *) * 8);
}
