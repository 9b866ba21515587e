/* The shapes test library: plain C behind the generated binding's tests. */
#include "shapes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counter {
    int64_t value;
};

static int64_t next_id = 1;
static int32_t live_counters = 0;
static int32_t live_strings = 0;

shape shape_make(shape_kind kind, vec2 center, double size) {
    shape s;
    memset(&s, 0, sizeof s);
    s.kind = kind;
    s.flags = 0xA5;
    s.center = center;
    s.size = size;
    s.id = next_id++;
    return s;
}

double shape_area(const shape *s) {
    switch (s->kind) {
        case SHAPE_CIRCLE: return 3.141592653589793 * s->size * s->size;
        case SHAPE_SQUARE: return s->size * s->size;
        default: return -1;
    }
}

int shape_scale(const shape *s, double factor, shape *out) {
    if (!(factor > 0)) {
        return SHAPES_ERR_RANGE;
    }
    *out = *s;
    out->size = s->size * factor;
    return SHAPES_OK;
}

void shapes_translate(const shape *in, shape *out, size_t n, vec2 d) {
    for (size_t i = 0; i < n; i++) {
        out[i] = in[i];
        out[i].center.x += d.x;
        out[i].center.y += d.y;
    }
}

char *shapes_greet(const char *name) {
    size_t n = strlen(name) + sizeof "hello, !";
    char *s = malloc(n);
    if (s != NULL) {
        snprintf(s, n, "hello, %s!", name);
        live_strings++;
    }
    return s;
}

void shapes_free_string(char *s) {
    if (s != NULL) {
        live_strings--;
        free(s);
    }
}

int32_t shapes_live_strings(void) {
    return live_strings;
}

const char *shapes_motto(void) {
    return "sh\xc3\xa4pes \xf0\x9f\x94\xb7";
}

size_t shapes_byte_length(const char *s) {
    return strlen(s);
}

int shapes_checksum(const uint8_t *data, size_t n, uint64_t *sum) {
    if (n == 0) {
        return SHAPES_ERR_EMPTY;
    }
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += data[i];
    }
    *sum = total * 0x100000001ULL;
    return SHAPES_OK;
}

bool shapes_is_even(int32_t v) {
    return v % 2 == 0;
}

int32_t shapes_sum3(int32_t status, int32_t env, int32_t result) {
    return status + env + result;
}

uint32_t shapes_mix(uint32_t a, uint16_t b, uint8_t c) {
    return a * 65536u + (uint32_t)b * 256u + c;
}

void shapes_name(char *buf, size_t *len) {
    static const char name[] = "counter";
    if (*len == 0) {
        return;
    }
    size_t n = strlen(name) < *len - 1 ? strlen(name) : *len - 1;
    memcpy(buf, name, n);
    buf[n] = '\0';
    *len = n;
}

counter *counter_new(int64_t start) {
    counter *c = malloc(sizeof *c);
    if (c != NULL) {
        c->value = start;
        live_counters++;
    }
    return c;
}

void counter_free(counter *c) {
    if (c != NULL) {
        live_counters--;
        free(c);
    }
}

int64_t counter_add(counter *c, int64_t delta) {
    c->value += delta;
    return c->value;
}

int counter_get(const counter *c, int64_t *value) {
    *value = c->value;
    return SHAPES_OK;
}

int32_t counter_live(void) {
    return live_counters;
}

int shapes_file_size(const char *path, int64_t *size) {
    if (path[0] == '\0') {
        return SHAPES_ERR_EMPTY;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return SHAPES_ERR_IO;
    }
    int64_t n = 0;
    while (fgetc(f) != EOF) {
        n++;
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        errno = saved;
        return SHAPES_ERR_IO;
    }
    *size = n;
    return SHAPES_OK;
}

int64_t shapes_parse_int(const char *text) {
    return (int64_t)strtoll(text, NULL, 10);
}

shapes_long shapes_next_long(shapes_long v) {
    return v + 1;
}

int64_t sample_sum(const sample *s) {
    double total = 0;
    for (int i = 0; i < 3; i++) {
        total += s->tag[i];
    }
    for (int i = 0; i < 4; i++) {
        total += s->values[i];
    }
    return (int64_t)(total * s->weight);
}

void sample_reverse(const sample *in, sample *out) {
    *out = *in;
    for (int i = 0; i < 4; i++) {
        out->values[i] = in->values[3 - i];
    }
    for (int i = 0; i < 3; i++) {
        out->tag[i] = (uint8_t)(in->tag[i] + 1);
    }
    for (int i = 0; i < 6; i++) {
        char c = in->label[i];
        out->label[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }
}

int64_t batch_total(batch b) {
    return (int64_t)b.ids[0] * 1000 + b.ids[1] + sample_sum(&b.first);
}

static const int32_t series_values[] = {1, -2, 3, 40000, 5};
static const double series_samples[] = {0.5, 1.25, -3.0};
static const uint8_t series_data[] = {0x01, 0xFF, 0x80};

int64_t series_sum(const series *s) {
    int64_t total = s->tag;
    for (size_t i = 0; i < s->count; i++) {
        total += s->values[i];
    }
    for (uint32_t i = 0; s->data != NULL && i < s->data_len; i++) {
        total += s->data[i];
    }
    return total;
}

double series_sample_sum(series s) {
    double total = 0;
    for (uint8_t i = 0; i < s.sample_count; i++) {
        total += s.samples[i];
    }
    return total;
}

int32_t series_data_is_null(const series *s) {
    return s->data == NULL && s->data_len == 0;
}

series series_static(void) {
    series s;
    memset(&s, 0, sizeof s);
    s.tag = 7;
    s.values = series_values;
    s.count = sizeof series_values / sizeof series_values[0];
    s.samples = series_samples;
    s.sample_count = (uint8_t)(sizeof series_samples / sizeof series_samples[0]);
    s.data = series_data;
    s.data_len = (uint32_t)sizeof series_data;
    return s;
}

series series_empty(void) {
    series s;
    memset(&s, 0, sizeof s);
    return s;
}

series series_broken(void) {
    series s = series_empty();
    s.count = 5;
    return s;
}

series series_huge(void) {
    series s = series_static();
    s.count = (size_t)INT32_MAX + 1;
    return s;
}

void series_fill(int32_t tag, series *out) {
    *out = series_static();
    out->tag = tag;
}
