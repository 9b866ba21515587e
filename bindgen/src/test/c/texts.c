/* The texts test library (texts.h). */
#include "texts.h"

#include <stdio.h>
#include <string.h>

size_t texts_length(const char *s) {
    return strlen(s);
}

int texts_count(const char *s, char c) {
    int n = 0;
    for (; *s != '\0'; s++) {
        n += *s == c;
    }
    return n;
}

int texts_first(const char *s, int *out) {
    if (s[0] == '\0') {
        return TEXTS_ERR_EMPTY;
    }
    *out = (unsigned char)s[0];
    return TEXTS_OK;
}

const char *texts_sample(int which) {
    switch (which) {
    case 0: return "h\xc3\xa9llo \xf0\x9f\x98\x80";
    case 1: return "";
    case 3: return "bad \xff byte";
    default: return NULL;
    }
}

int texts_file_bytes(const char *path, int *out) {
    if (path[0] == '!') {
        return TEXTS_ERR_IO;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return TEXTS_ERR_IO;
    }
    int n = 0;
    while (fgetc(f) != EOF) {
        n++;
    }
    fclose(f);
    *out = n;
    return TEXTS_OK;
}
