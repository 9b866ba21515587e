/*
 * Strict UTF-8 <-> UTF-16 conversion, without JNI: Java strings are UTF-16 and C
 * callers speak real UTF-8, never JNI's modified UTF-8. Pure functions, so they can be
 * unit-tested and fuzzed on their own.
 */
#ifndef JB_API_UTF8_H
#define JB_API_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define JBI_UTF_OK 0
#define JBI_UTF_INVALID (-1)  /* malformed input; *error_offset says where */
#define JBI_UTF_TOO_LONG (-2) /* the result would not fit the size_t it is counted in */

/*
 * Counts the UTF-16 units that src[0..len) becomes, validating it: rejects overlong forms,
 * surrogate code points (U+D800..U+DFFF), values above U+10FFFF, bad continuation bytes and
 * truncated sequences. On JBI_UTF_INVALID, *error_offset (if not NULL) is the offset of the
 * first byte of the bad sequence.
 */
int jbi_utf8_to_utf16_length(const char *src, size_t len, size_t *units, size_t *error_offset);

/* Converts validated UTF-8 (jbi_utf8_to_utf16_length returned OK) into dst, which holds
 * the units it counted. Returns the number of units written. */
size_t jbi_utf8_to_utf16(const char *src, size_t len, uint16_t *dst);

/*
 * Counts the UTF-8 bytes that src[0..units) becomes. An unpaired surrogate is JBI_UTF_INVALID
 * (it has no UTF-8 form) unless replace is non-zero, when it counts as U+FFFD.
 */
int jbi_utf16_to_utf8_length(const uint16_t *src, size_t units, int replace, size_t *bytes, size_t *error_offset);

/* Converts into dst (which holds the counted bytes; no terminator is written), with the same
 * replace rule. Returns the number of bytes written. */
size_t jbi_utf16_to_utf8(const uint16_t *src, size_t units, int replace, char *dst);

/*
 * JNI's lookup functions (FindClass, GetMethodID) take modified UTF-8, in which a character
 * above U+FFFF is two 3-byte surrogates. Counts the bytes valid UTF-8 src becomes in that
 * form (NUL is refused: C names cannot hold one anyway).
 */
int jbi_utf8_to_modified_length(const char *src, size_t len, size_t *bytes, size_t *error_offset);

/* Writes the modified UTF-8 form counted above into dst (no terminator); returns bytes written. */
size_t jbi_utf8_to_modified(const char *src, size_t len, char *dst);

/*
 * Makes the NUL-terminated text in buf (of cap bytes) valid UTF-8 in place: every byte that
 * does not start a valid sequence (strict rules as above) becomes the four characters "\xNN".
 * What no longer fits is cut at a character boundary. Returns the resulting length.
 */
size_t jbi_utf8_escape_invalid(char *buf, size_t cap);

#endif
