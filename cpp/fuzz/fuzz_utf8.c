/*
 * The C API's strict UTF-8 <-> UTF-16 codec (cpp/api/utf8.c). Properties: whatever
 * UTF-8 it accepts converts to UTF-16 and back byte for byte; whatever it refuses is
 * refused at an offset inside the input; UTF-16 it accepts round-trips unit for unit;
 * with replacement on, any UTF-16 becomes valid UTF-8; the modified UTF-8 form JNI's
 * lookups take has no 4-byte sequence and no NUL byte.
 *
 * fuzz-sources: cpp/api/utf8.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void utf8_side(const char *src, size_t len) {
    size_t units = 0;
    size_t bad = (size_t)-1;
    int rc = jbi_utf8_to_utf16_length(src, len, &units, &bad);
    if (rc == JBI_UTF_INVALID) {
        if (bad >= len) {
            abort();
        }
        return;
    }
    if (rc != JBI_UTF_OK || units > len) {
        abort();
    }
    uint16_t *u16 = malloc((units ? units : 1) * sizeof(uint16_t));
    if (u16 == NULL) {
        return;
    }
    if (jbi_utf8_to_utf16(src, len, u16) != units) {
        abort();
    }
    size_t bytes = 0;
    if (jbi_utf16_to_utf8_length(u16, units, 0, &bytes, NULL) != JBI_UTF_OK || bytes != len) {
        abort();
    }
    char *back = malloc(len ? len : 1);
    if (back != NULL) {
        if (jbi_utf16_to_utf8(u16, units, 0, back) != len || memcmp(back, src, len) != 0) {
            abort();
        }
        free(back);
    }
    free(u16);

    size_t modified_len = 0;
    rc = jbi_utf8_to_modified_length(src, len, &modified_len, NULL);
    if (rc == JBI_UTF_OK) {
        char *modified = malloc(modified_len ? modified_len : 1);
        if (modified == NULL) {
            return;
        }
        if (jbi_utf8_to_modified(src, len, modified) != modified_len) {
            abort();
        }
        for (size_t i = 0; i < modified_len; i++) {
            unsigned char c = (unsigned char)modified[i];
            if (c == 0 || c >= 0xF0) {
                abort();
            }
        }
        free(modified);
    } else if (memchr(src, '\0', len) == NULL) {
        abort(); /* valid UTF-8 without NUL always has a modified form */
    }
}

static void utf16_side(const uint8_t *data, size_t size) {
    size_t units = size / 2;
    uint16_t *u16 = malloc((units ? units : 1) * sizeof(uint16_t));
    if (u16 == NULL) {
        return;
    }
    memcpy(u16, data, units * sizeof(uint16_t));
    for (int replace = 0; replace <= 1; replace++) {
        size_t bytes = 0;
        size_t bad = (size_t)-1;
        int rc = jbi_utf16_to_utf8_length(u16, units, replace, &bytes, &bad);
        if (rc == JBI_UTF_INVALID) {
            if (replace || bad >= units) {
                abort();
            }
            continue;
        }
        if (rc != JBI_UTF_OK) {
            abort();
        }
        char *utf8 = malloc(bytes ? bytes : 1);
        if (utf8 == NULL) {
            break;
        }
        if (jbi_utf16_to_utf8(u16, units, replace, utf8) != bytes) {
            abort();
        }
        size_t back_units = 0;
        if (jbi_utf8_to_utf16_length(utf8, bytes, &back_units, NULL) != JBI_UTF_OK) {
            abort();
        }
        if (!replace) {
            uint16_t *back = malloc((back_units ? back_units : 1) * sizeof(uint16_t));
            if (back != NULL) {
                if (back_units != units || jbi_utf8_to_utf16(utf8, bytes, back) != units ||
                    memcmp(back, u16, units * sizeof(uint16_t)) != 0) {
                    abort();
                }
                free(back);
            }
        }
        free(utf8);
    }
    free(u16);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    utf8_side((const char *)data, size);
    utf16_side(data, size);
    return 0;
}
