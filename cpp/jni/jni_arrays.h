/* Checks and copies for Java arrays handed to natives. */
#ifndef JB_JNI_ARRAYS_H
#define JB_JNI_ARRAYS_H

#include <jni.h>
#include <stddef.h>

/**
 * Checks that array is not null and [offset, offset + length) lies inside it;
 * otherwise throws (NullPointerException, IndexOutOfBoundsException) and
 * returns -1. `what` names the argument in the message.
 */
int jbi_check_range(JNIEnv *env, jarray array, jint offset, jint length, const char *what);

/**
 * Copies a byte[] into a new NUL-terminated C string (malloc; the caller frees).
 * Returns NULL with an exception pending on null or out of memory; *length
 * receives the array's length (the string may hold embedded NULs).
 */
char *jbi_copy_bytes(JNIEnv *env, jbyteArray array, size_t *length, const char *what);

/** A new byte[] holding the length bytes at data; NULL with an exception pending on failure. */
jbyteArray jbi_new_bytes(JNIEnv *env, const char *data, size_t length);

#endif
