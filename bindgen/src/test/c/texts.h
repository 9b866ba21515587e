/*
 * texts: C functions taking strings, for the FFM path of bindgen's JDK 22+ classes (math_ops and zlib
 * take none). The binding passes each string as strict UTF-8 with its NUL, in place.
 */
#ifndef TEXTS_H
#define TEXTS_H

#include <stddef.h>

#define TEXTS_OK 0
#define TEXTS_ERR_EMPTY (-1) /**< texts_first(): the string was empty */
#define TEXTS_ERR_IO (-2)    /**< texts_file_bytes(): the file could not be read (errno says why, when set) */

/** The length of s in bytes, without its NUL. */
size_t texts_length(const char *s);

/** How many bytes of s are c. */
int texts_count(const char *s, char c);

/** Writes s's first byte (as unsigned) to *out; TEXTS_ERR_EMPTY when s is empty. */
int texts_first(const char *s, int *out);

/** A string of the library's own (borrowed: not freed): 0 "héllo 😀", 1 "", 2 NULL, 3 bytes that are not
 *  UTF-8; NULL for any other which. */
const char *texts_sample(int which);

/** The number of bytes in the file at path, in *out; TEXTS_ERR_IO when it cannot be read (errno set by
 *  fopen), and also, without touching errno, for a path that starts with '!'. */
int texts_file_bytes(const char *path, int *out);

#endif /* TEXTS_H */
