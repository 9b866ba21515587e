/*
 * The C API's class path builder (cpp/api/classpath.c). The input is split into up to
 * 16 entries at '\n'. Properties: a refusal names an entry that exists; an accepted
 * list without "dir/\*" wildcards comes back as exactly the entries joined with ':';
 * nothing leaks (LeakSanitizer) and no entry is read past its end.
 *
 * fuzz-sources: cpp/api/classpath.c cpp/platform/posix/fs_posix.c
 * fuzz-includes: cpp/platform
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classpath.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ENTRIES 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* Wildcards list real directories: keep them to a small, fixed one. */
    char *text = malloc(size + 1);
    if (text == NULL) {
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    char *entries[MAX_ENTRIES];
    size_t count = 0;
    int wildcard = 0;
    char *p = text;
    while (count < MAX_ENTRIES) {
        char *nl = memchr(p, '\n', (size_t)(text + size - p));
        if (nl != NULL) {
            *nl = '\0';
        }
        size_t n = strlen(p);
        if (n >= 1 && p[n - 1] == '*') {
            /* Any "x/\*" lists a directory: point every wildcard at one that is small and stable. */
            wildcard = 1;
            entries[count++] = (char *)"/dev/shm/*";
        } else {
            entries[count++] = p;
        }
        if (nl == NULL) {
            break;
        }
        p = nl + 1;
    }
    char *out = NULL;
    size_t bad = (size_t)-1;
    int rc = jbi_classpath_build((const char *const *)entries, count, &out, &bad);
    if (rc == JBI_CP_OK) {
        if (out == NULL) {
            abort();
        }
        if (!wildcard) {
            size_t at = 0;
            for (size_t i = 0; i < count; i++) {
                size_t n = strlen(entries[i]);
                if (strncmp(out + at, entries[i], n) != 0) {
                    abort();
                }
                at += n;
                if (i + 1 < count && out[at++] != ':') {
                    abort();
                }
            }
            if (out[at] != '\0') {
                abort();
            }
        }
        free(out);
    } else if (rc == JBI_CP_INVALID || rc == JBI_CP_NODIR) {
        if (bad >= count) {
            abort();
        }
    } else if (rc != JBI_CP_NOMEM) {
        abort();
    }
    free(text);
    return 0;
}
