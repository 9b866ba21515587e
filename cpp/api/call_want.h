/*
 * What a caller of a jb_call_* function wants back, and which Java result kinds can be read
 * that way. A leaf: method lookup (which precomputes fast_wants) and both call paths use it.
 */
#ifndef JB_API_CALL_WANT_H
#define JB_API_CALL_WANT_H

/* What the caller wants back. */
typedef enum want {
    WANT_VOID, WANT_BOOL, WANT_INT32, WANT_INT64, WANT_DOUBLE, WANT_STRING, WANT_BYTES, WANT_OBJECT,
    /* Beyond the fast path's bit mask (method.c): these always take the generic path. */
    WANT_INT8, WANT_INT16, WANT_UINT16, WANT_FLOAT, WANT_ARRAY, WANT_STRINGS
} want;

/* The wants the fast path's bit set (fast_wants) covers. */
enum { WANT_COUNT = WANT_OBJECT + 1 };

static inline int result_compatible(want w, char kind) {
    switch (w) {
    case WANT_VOID: return 1;
    case WANT_BOOL: return kind == 'Z';
    case WANT_INT32: return kind == 'B' || kind == 'S' || kind == 'C' || kind == 'I';
    case WANT_INT64: return kind == 'B' || kind == 'S' || kind == 'C' || kind == 'I' || kind == 'J';
    case WANT_DOUBLE: return kind == 'F' || kind == 'D';
    case WANT_STRING: return kind == 'L';
    case WANT_BYTES: return kind == '[';
    case WANT_OBJECT: return kind == 'L' || kind == '[';
    case WANT_INT8: return kind == 'B';
    case WANT_INT16: return kind == 'S';
    case WANT_UINT16: return kind == 'C';
    case WANT_FLOAT: return kind == 'F';
    case WANT_ARRAY: return kind == '[' || kind == 'L';
    case WANT_STRINGS: return kind == '[' || kind == 'L';
    }
    return 0;
}

#endif
