/*
 * byte[] copies and the strict UTF-8 codec. Java strings are UTF-16; C speaks real UTF-8,
 * never JNI's modified UTF-8 (which spells NUL and characters above U+FFFF differently), so
 * text crosses as UTF-16 units converted here. ASCII, the common case, skips the decoding.
 */
#include <stdlib.h>
#include <string.h>

#include "kit_state.h"

/* Units a small conversion keeps on the stack instead of malloc. */
#define STACK_UNITS 256

char *jbk_copy_bytes(JNIEnv *env, jbyteArray array, size_t *length, const char *what) {
    if (jbk_check_not_null(env, array, what) != 0) {
        return NULL;
    }
    jsize n = (*env)->GetArrayLength(env, array);
    char *copy = malloc((size_t)n + 1);
    if (copy == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot copy %d bytes", what, (int)n);
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, array, 0, n, (jbyte *)copy);
    copy[n] = '\0';
    *length = (size_t)n;
    return copy;
}

jbyteArray jbk_new_bytes(JNIEnv *env, const void *data, size_t length) {
    if (length > INT32_MAX) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "a result of %zu bytes does not fit a Java array", length);
        return NULL;
    }
    jbyteArray result = (*env)->NewByteArray(env, (jsize)length);
    if (result != NULL && length > 0) {
        (*env)->SetByteArrayRegion(env, result, 0, (jsize)length, (const jbyte *)data);
    }
    return result;
}

/* Length of the ASCII run at the start of s[0..n), eight bytes at a time. */
static size_t ascii_prefix(const unsigned char *s, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, sizeof word);
        if (word & UINT64_C(0x8080808080808080)) {
            break;
        }
    }
    while (i < n && s[i] < 0x80) {
        i++;
    }
    return i;
}

/* Decodes one non-ASCII sequence at s[i..n): its code point and length, or 0 if malformed. */
static size_t decode_one(const unsigned char *s, size_t i, size_t n, uint32_t *cp) {
    unsigned char b = s[i];
    size_t len;
    uint32_t min;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2, min = 0x80, *cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3, min = 0x800, *cp = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4, min = 0x10000, *cp = b & 0x07u;
    } else {
        return 0; /* continuation byte, overlong 0xC0/0xC1, or above U+10FFFF */
    }
    if (n - i < len) {
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80) {
            return 0;
        }
        *cp = (*cp << 6) | (s[i + k] & 0x3Fu);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

/* Validates and counts UTF-16 units; when dst is not NULL also writes them. */
static int utf8_walk(const unsigned char *s, size_t n, jchar *dst, size_t *units, size_t *error_offset) {
    size_t i = 0, u = 0;
    while (i < n) {
        size_t run = ascii_prefix(s + i, n - i);
        if (dst != NULL) {
            for (size_t k = 0; k < run; k++) {
                dst[u + k] = s[i + k];
            }
        }
        i += run;
        u += run;
        if (i >= n) {
            break;
        }
        uint32_t cp;
        size_t len = decode_one(s, i, n, &cp);
        if (len == 0) {
            if (error_offset != NULL) {
                *error_offset = i;
            }
            return 0;
        }
        if (cp >= 0x10000) {
            if (dst != NULL) {
                dst[u] = (jchar)(0xD800 + ((cp - 0x10000) >> 10));
                dst[u + 1] = (jchar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            }
            u += 2;
        } else {
            if (dst != NULL) {
                dst[u] = (jchar)cp;
            }
            u += 1;
        }
        i += len;
    }
    if (units != NULL) {
        *units = u;
    }
    return 1;
}

int jbk_utf8_valid(const char *s, size_t length, size_t *error_offset) {
    if (s == NULL) {
        return length == 0;
    }
    return utf8_walk((const unsigned char *)s, length, NULL, NULL, error_offset);
}

jstring jbk_new_string_utf8(JNIEnv *env, const char *utf8, size_t length, const char *what) {
    if (utf8 == NULL && length > 0) {
        jbk_throw(env, JBK_NULL_POINTER, "%s is null", what);
        return NULL;
    }
    size_t units = 0, bad = 0;
    if (!utf8_walk((const unsigned char *)utf8, length, NULL, &units, &bad)) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s is not valid UTF-8 (at byte %zu)", what, bad);
        return NULL;
    }
    if (units > INT32_MAX) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: %zu UTF-16 units do not fit a Java string", what, units);
        return NULL;
    }
    jchar small[STACK_UNITS];
    jchar *buf = units <= STACK_UNITS ? small : malloc(units * sizeof(jchar));
    if (buf == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot convert %zu bytes", what, length);
        return NULL;
    }
    utf8_walk((const unsigned char *)utf8, length, buf, NULL, NULL);
    jstring result = (*env)->NewString(env, buf, (jsize)units);
    if (buf != small) {
        free(buf);
    }
    return result;
}

/* UTF-8 of units; NULL-free counting pass first when dst is NULL. Returns 0 on a lone surrogate. */
static int utf16_walk(const jchar *src, size_t n, unsigned char *dst, size_t *bytes, size_t *bad) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = src[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c > 0xDBFF || i + 1 >= n || src[i + 1] < 0xDC00 || src[i + 1] > 0xDFFF) {
                *bad = i;
                return 0;
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (uint32_t)(src[i + 1] - 0xDC00);
            i++;
        }
        if (c < 0x80) {
            if (dst) dst[o] = (unsigned char)c;
            o += 1;
        } else if (c < 0x800) {
            if (dst) {
                dst[o] = (unsigned char)(0xC0 | (c >> 6));
                dst[o + 1] = (unsigned char)(0x80 | (c & 0x3F));
            }
            o += 2;
        } else if (c < 0x10000) {
            if (dst) {
                dst[o] = (unsigned char)(0xE0 | (c >> 12));
                dst[o + 1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
                dst[o + 2] = (unsigned char)(0x80 | (c & 0x3F));
            }
            o += 3;
        } else {
            if (dst) {
                dst[o] = (unsigned char)(0xF0 | (c >> 18));
                dst[o + 1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
                dst[o + 2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
                dst[o + 3] = (unsigned char)(0x80 | (c & 0x3F));
            }
            o += 4;
        }
    }
    *bytes = o;
    return 1;
}

char *jbk_string_utf8(JNIEnv *env, jstring string, size_t *length, const char *what) {
    if (jbk_check_not_null(env, string, what) != 0) {
        return NULL;
    }
    jsize units = (*env)->GetStringLength(env, string);
    /* Fast path: modified UTF-8 as long as the UTF-16 means every unit is 1..0x7F, where both
     * forms are plain ASCII. (NUL is two bytes in modified UTF-8, so it takes the slow path.) */
    if (units <= INT32_MAX / 3 && (*env)->GetStringUTFLength(env, string) == units) {
        char *out = malloc((size_t)units + 1);
        if (out == NULL) {
            jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot copy %d characters", what, (int)units);
            return NULL;
        }
        (*env)->GetStringUTFRegion(env, string, 0, units, out);
        out[units] = '\0';
        if (length != NULL) {
            *length = (size_t)units;
        }
        return out;
    }
    jchar *chars = malloc(((size_t)units + 1) * sizeof(jchar));
    if (chars == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot copy %d characters", what, (int)units);
        return NULL;
    }
    (*env)->GetStringRegion(env, string, 0, units, chars);
    size_t bytes = 0, bad = 0;
    if (!utf16_walk(chars, (size_t)units, NULL, &bytes, &bad)) {
        free(chars);
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s is not valid UTF-16 (a lone surrogate at index %zu)", what, bad);
        return NULL;
    }
    unsigned char *out = malloc(bytes + 1);
    if (out == NULL) {
        free(chars);
        jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: cannot convert %d characters", what, (int)units);
        return NULL;
    }
    utf16_walk(chars, (size_t)units, out, &bytes, &bad);
    out[bytes] = '\0';
    free(chars);
    if (length != NULL) {
        *length = bytes;
    }
    return (char *)out;
}

jobjectArray jbk_new_string_array(JNIEnv *env, jclass string_class, char *const *items, jint count, const char *what) {
    if (count < 0 || (items == NULL && count > 0)) {
        jbk_throw(env, JBK_ILLEGAL_STATE, "%s: C passed %d strings at %p", what, (int)count, (const void *)items);
        return NULL;
    }
    jobjectArray array = (*env)->NewObjectArray(env, count, string_class, NULL);
    if (array == NULL) {
        return NULL;
    }
    for (jint i = 0; i < count; i++) {
        if (items[i] == NULL) {
            continue;
        }
        jstring s = jbk_new_string_utf8(env, items[i], strlen(items[i]), what);
        if (s == NULL) {
            (*env)->DeleteLocalRef(env, array);
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, array, i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return array;
}
