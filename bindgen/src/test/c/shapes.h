/*
 * shapes: a small C library that exists to test what bindgen generates beyond math_ops and
 * zlib: structs by value and nested, struct out-parameters and out arrays, enums, booleans,
 * unsigned widths, 64-bit out-parameters, strings both ways, a returned string the caller
 * frees, an opaque handle with an owner, errno left by the C library, and pointer members whose
 * counts are other members.
 */
#ifndef SHAPES_H
#define SHAPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHAPES_OK 0
#define SHAPES_ERR_RANGE (-1)
#define SHAPES_ERR_EMPTY (-2)
#define SHAPES_ERR_IO (-3)

typedef enum shape_kind { SHAPE_CIRCLE = 1, SHAPE_SQUARE = 2 } shape_kind;

typedef struct vec2 {
    float x;
    float y;
} vec2;

typedef struct shape {
    shape_kind kind;
    uint8_t flags;
    vec2 center;
    double size;
    int64_t id;
} shape;

/** A counter whose insides stay in C. */
typedef struct counter counter;

/** A shape with the next id. */
shape shape_make(shape_kind kind, vec2 center, double size);

/** The area of s; -1 for an unknown kind. */
double shape_area(const shape *s);

/** Scales s by factor into *out. Returns SHAPES_OK, or SHAPES_ERR_RANGE if factor is not positive. */
int shape_scale(const shape *s, double factor, shape *out);

/** out[i] = in[i] moved by d. */
void shapes_translate(const shape *in, shape *out, size_t n, vec2 d);

/** "hello, NAME!" in a new string that the caller frees with shapes_free_string. */
char *shapes_greet(const char *name);

/** Frees what shapes_greet returned; NULL is allowed. */
void shapes_free_string(char *s);

/** How many strings from shapes_greet are not freed yet: lets tests see that the glue frees them. */
int32_t shapes_live_strings(void);

/** A string that shapes owns; never freed by the caller. */
const char *shapes_motto(void);

/** The number of bytes of s before its NUL. */
size_t shapes_byte_length(const char *s);

/** *sum = the 64-bit sum of n bytes. Returns SHAPES_OK, or SHAPES_ERR_EMPTY if n is 0. */
int shapes_checksum(const uint8_t *data, size_t n, uint64_t *sum);

bool shapes_is_even(int32_t v);

/** status + env + result: parameters named like the generated code's own variables. */
int32_t shapes_sum3(int32_t status, int32_t env, int32_t result);

/** a * 65536 + b * 256 + c, wrapping at 32 bits. */
uint32_t shapes_mix(uint32_t a, uint16_t b, uint8_t c);

/** Writes "counter" (or as much as fits, NUL-terminated) into buf; *len: in, its capacity; out, bytes written without the NUL. */
void shapes_name(char *buf, size_t *len);

/** A new counter starting at start, owned by the caller: free it with counter_free. NULL if out of memory. */
counter *counter_new(int64_t start);

/** Frees c; NULL is allowed. */
void counter_free(counter *c);

/** Adds delta and returns the new value. */
int64_t counter_add(counter *c, int64_t delta);

/** *value = the counter's value. Returns SHAPES_OK. */
int counter_get(const counter *c, int64_t *value);

/** How many counters are alive: lets tests see that close() freed one. */
int32_t counter_live(void);

/**
 * *size = the size in bytes of the file at path. Returns SHAPES_OK; SHAPES_ERR_IO when the C library
 * fails (errno says why); SHAPES_ERR_EMPTY for an empty path, before any call that could set errno.
 */
int shapes_file_size(const char *path, int64_t *size);

/** text as a decimal int64, by strtoll: errno is ERANGE when it does not fit. */
int64_t shapes_parse_int(const char *text);

/*
 * C's long as Windows (LLP64) has it, 32 bits, when SHAPES_LLP64_LONG is defined. bindgen reads this header
 * as the host has it (a 64-bit long); the tests compile the glue and this library with the definition, as a
 * Windows build compiles a binding generated on Linux, and the layout check without it.
 */
#ifdef SHAPES_LLP64_LONG
typedef int shapes_long;
#else
typedef long shapes_long;
#endif

/** v + 1. */
shapes_long shapes_next_long(shapes_long v);

/** Fixed-size arrays as members, of several widths and signedness. */
typedef struct sample {
    uint8_t tag[3];
    int32_t values[4];
    double weight;
    char label[6];
} sample;

/** A sample held by value beside another array. */
typedef struct batch {
    uint16_t ids[2];
    sample first;
} batch;

/** (tag[0] + tag[1] + tag[2] + values[0] + ... + values[3]) * weight, truncated. */
int64_t sample_sum(const sample *s);

/** *out = in with values reversed, every tag byte plus 1 (mod 256) and label's letters upper-cased. */
void sample_reverse(const sample *in, sample *out);

/** ids[0] * 1000 + ids[1] + sample_sum(&b.first). */
int64_t batch_total(batch b);

/*
 * Elements behind pointers, each counted by another member (the config's structs.series.members): int32
 * values counted by a size_t, doubles counted by a uint8_t declared before them, and bytes that may be NULL.
 */
typedef struct series {
    int32_t tag;
    const int32_t *values;
    size_t count;
    uint8_t sample_count;
    const double *samples;
    const uint8_t *data;
    uint32_t data_len;
} series;

/** tag + the values + data's bytes (unsigned); NULL data counts as none. */
int64_t series_sum(const series *s);

/** The sum of the samples, of a series passed by value. */
double series_sample_sum(series s);

/** 1 when data is NULL (and data_len 0), else 0: what the glue passed for a null array. */
int32_t series_data_is_null(const series *s);

/** A series pointing into this library's static data: borrowed, never to be freed. */
series series_static(void);

/** Every pointer NULL, every count 0. */
series series_empty(void);

/** values NULL with count 5: broken, the binding must refuse it. */
series series_broken(void);

/** values not NULL with a count beyond INT32_MAX: the binding must refuse it without reading it. */
series series_huge(void);

/** *out = series_static() with its tag replaced. */
void series_fill(int32_t tag, series *out);

/** The clamp of v into [lo, hi]: defined here, static inline, so it has no symbol in the library. */
static inline int32_t shapes_clamp(int32_t v, int32_t lo, int32_t hi);

/* Declared again with its definition: still one function. */
static inline int32_t shapes_clamp(int32_t v, int32_t lo, int32_t hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

#endif
