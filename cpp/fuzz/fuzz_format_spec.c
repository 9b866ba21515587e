/*
 * format_spec_check guards snprintf against formats that C cannot run safely.
 * The property fuzzed: every segment it accepts, handed to snprintf with one
 * argument of the kind it reported, stays inside its buffer and reads only that
 * argument (ASan/UBSan catch a %s given an int, a second conversion, %n).
 *
 * fuzz-sources: cpp/core/format_spec.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format_spec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    format_arg_kind kind = FORMAT_ARG_NONE;
    int rc = format_spec_check((const char *)data, size, &kind);
    if (rc != FORMAT_OK) {
        if (rc != FORMAT_ERR_SYNTAX && rc != FORMAT_ERR_TOO_MANY && rc != FORMAT_ERR_FIELD_TOO_WIDE) {
            abort();
        }
        return 0;
    }
    if (memchr(data, '\0', size) != NULL) {
        abort(); /* accepted an embedded NUL: C would see a different format */
    }
    char *spec = malloc(size + 1);
    if (spec == NULL) {
        return 0;
    }
    memcpy(spec, data, size);
    spec[size] = '\0';
    char out[256];
    int n = -1;
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
#endif
    switch (kind) {
    case FORMAT_ARG_NONE: n = snprintf(out, sizeof out, spec, 0); break;
    case FORMAT_ARG_INT: n = snprintf(out, sizeof out, spec, -12345); break;
    case FORMAT_ARG_UINT: n = snprintf(out, sizeof out, spec, 12345u); break;
    case FORMAT_ARG_LONG: n = snprintf(out, sizeof out, spec, (long long)INT64_MIN); break;
    case FORMAT_ARG_ULONG: n = snprintf(out, sizeof out, spec, (unsigned long long)UINT64_MAX); break;
    case FORMAT_ARG_DOUBLE: n = snprintf(out, sizeof out, spec, -1.5e300); break;
    case FORMAT_ARG_STRING: n = snprintf(out, sizeof out, spec, "fuzz"); break;
    default: abort();
    }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    /* One conversion of at most FORMAT_MAX_FIELD width/precision: the output is bounded by the
     * literal text plus one field (a %f of 1e300 with precision 4096 is the widest case). */
    if (n < 0 || (size_t)n > size + 2 * FORMAT_MAX_FIELD + 400) {
        abort();
    }
    free(spec);
    return 0;
}
