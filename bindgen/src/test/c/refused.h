/* Declarations the generator must refuse, each with its reason, and constants it must evaluate. */
#ifndef REFUSED_H
#define REFUSED_H

#include <stddef.h>
#include <stdint.h>

#include "refused_more.h"

#define R_PLAIN 42
#define R_HEX 0x7fu
#define R_NEG (-3)
#define R_SHIFT (1 << 4)
#define R_COMBINED (R_SHIFT | R_HEX)
#define R_WIDE 0x100000000
#define R_LONG 5L
#define R_NAME "refused \"v1\""
#define R_CAST ((uint32_t)7)
#define R_FLOAT 1.5
#define R_MAX(a, b) ((a) > (b) ? (a) : (b))

typedef struct Flags { unsigned ready : 1; unsigned mode : 3; } Flags;
typedef union Either { int i; float f; } Either;
typedef struct Holder { const char *name; int n; } Holder;
typedef struct Inner { int8_t tag; double value; } Inner;
typedef struct Outer { uint16_t id; Inner inner; int32_t last; } Outer;
typedef enum Mode { MODE_A, MODE_B = 10, MODE_C } Mode;

int log_message(const char *fmt, ...);
int set_flags(Flags f);
int use_either(Either e);
int apply(int (*fn)(int), int x);
void *raw(void);
long double precise(void);
int holder_count(const Holder *h);
Outer make_outer(uint16_t id, Mode mode);
int outer_sum(const Outer *o);
int bad_config(int *a, int n);
/* Options the config gets wrong for what these are (see refused.json). */
typedef struct RHandle RHandle;
int r_nullable_int(int x);
int r_string_out(int *p);
const char *r_sized(int x);
int r_sized_length(int x);
long r_bad_length(double x);
const char *r_badly_sized(int x);
int r_not_a_pointer(int x);
int r_each(int (*fn)(void *, char **, double), void *user_data);
int r_open(RHandle **out);
void r_close(RHandle *h);
int r_constant_typo(int x);
const char *r_errno_string(int x);
/* Widths per target: wide and the array's elements are C's long (32 bits on Windows); fixed, n and the
 * long by value are right everywhere. */
typedef struct RWide {
    int64_t fixed;
    size_t n;
    long wide;
} RWide;
typedef struct ROuter {
    int32_t tag;
    RWide inner;
} ROuter;
long r_wide_sum(const RWide *w, long extra);
typedef struct RGrid {
    int32_t grid[2][3];
} RGrid;
int32_t r_grid_first(RGrid g);
int32_t r_outer_tag(ROuter o);
void r_longs(const unsigned long *values, size_t count);
int32_t r_fixed_only(int64_t a, size_t b);
/* static without a definition here: nothing the glue could call (and a C compiler warns of it, so only
 * bindgen's clang sees it: refused.json defines R_BINDGEN_ONLY). */
#ifdef R_BINDGEN_ONLY
static int r_static_proto(int x);
#endif
int lastOsError(int x);
int ffmAddress(int x);
/* 17 strings: more than the JNI kit pins together. */
int too_many_pins(const char *s1, const char *s2, const char *s3, const char *s4, const char *s5, const char *s6, const char *s7, const char *s8, const char *s9, const char *s10, const char *s11, const char *s12, const char *s13, const char *s14, const char *s15, const char *s16, const char *s17);

#endif
