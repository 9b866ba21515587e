/**
 * @file jnikit/bytes.h
 * @brief byte[] copies and the strict UTF-8 codec.
 *
 * Strings cross as real UTF-8, never JNI's modified UTF-8: emoji and embedded NUL survive.
 * Java code usually encodes with `dev.javabridge.Utf8` and passes a byte[]; C code that takes
 * or returns a `jstring` uses jbk_string_utf8 / jbk_new_string_utf8, which validate strictly
 * (a lone surrogate or malformed byte is IllegalArgumentException, never a replacement) and
 * take a fast path when the text is ASCII.
 */
#ifndef JAVABRIDGE_JNIKIT_BYTES_H
#define JAVABRIDGE_JNIKIT_BYTES_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A new NUL-terminated malloc'd copy of a byte[] (the caller frees it); *length receives the
 * array's length (the copy may hold embedded NULs). NULL with an exception pending on a null
 * array or out of memory.
 */
JBK_LOCAL char *jbk_copy_bytes(JNIEnv *env, jbyteArray array, size_t *length, const char *what);

/** A new byte[] holding @p length bytes of @p data; NULL with an exception pending on failure
 *  (over 2^31-1 bytes: OutOfMemoryError). */
JBK_LOCAL jbyteArray jbk_new_bytes(JNIEnv *env, const void *data, size_t length);

/**
 * Whether s[0..length) is well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence). Returns 1, or 0 with *error_offset (if not NULL) at the
 * first byte of the bad sequence. Pure; ASCII runs are checked eight bytes at a time.
 */
JBK_LOCAL int jbk_utf8_valid(const char *s, size_t length, size_t *error_offset);

/**
 * A new String from real UTF-8 (embedded NUL allowed). NULL with an exception pending:
 * IllegalArgumentException naming @p what for malformed input, OutOfMemoryError.
 */
JBK_LOCAL jstring jbk_new_string_utf8(JNIEnv *env, const char *utf8, size_t length, const char *what);

/**
 * The real UTF-8 of a String, malloc'd and NUL-terminated (the caller frees it); *length (if not
 * NULL) receives its length without the terminator. NULL with an exception pending: null string
 * (NullPointerException), a lone surrogate (IllegalArgumentException), out of memory.
 */
JBK_LOCAL char *jbk_string_utf8(JNIEnv *env, jstring string, size_t *length, const char *what);

/**
 * A new String[] of @p count NUL-terminated UTF-8 strings (a NULL item becomes null), as a C
 * callback's `char **` argument arrives; @p string_class is java.lang.String, which the caller
 * caches once. Each element's local reference is deleted as it is stored, so a long array does
 * not fill the local frame. NULL with an exception pending: a negative count or NULL items with
 * a positive count (IllegalStateException), malformed UTF-8, out of memory.
 */
JBK_LOCAL jobjectArray jbk_new_string_array(JNIEnv *env, jclass string_class, char *const *items, jint count,
                                            const char *what);

#ifdef __cplusplus
}
#endif

#endif
