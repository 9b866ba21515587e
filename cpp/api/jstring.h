/*
 * jstring <-> UTF-8 for the C API (jstring.c): the only place that converts.
 */
#ifndef JB_API_JSTRING_H
#define JB_API_JSTRING_H

#include <jni.h>
#include <stddef.h>

/* A Java string as NUL-terminated UTF-8 in a new malloc'ed buffer (length in *len if not NULL).
 * Unpaired surrogates become U+FFFD when replace is set, else JB_EENCODING. Returns 0 or a
 * negative jb_ code (the last error is set only by callers). Makes no JNI call that can throw
 * except for the allocation failures it reports as JB_ENOMEM. */
int jbi_string_to_utf8(JNIEnv *env, jstring s, int replace, char **out, size_t *len);

/* A new local String from len bytes of UTF-8 (argument number index, for messages); NULL with
 * *rc and the last error set: JB_ERANGE (over INT32_MAX bytes), JB_EENCODING, JB_ENOMEM. */
jstring jbi_string_from_utf8(JNIEnv *env, const char *data, size_t len, size_t index, int *rc);

#endif
