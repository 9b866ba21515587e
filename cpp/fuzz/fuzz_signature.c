/*
 * The C API's JNI method descriptor parser (cpp/api/signature.c). Properties: a
 * refusal points inside the input (or at its end); an accepted descriptor is exactly
 * '(' + its parameters back to back + ')' + the result, each a well-formed field
 * descriptor, at most 255 parameters, V only as the result.
 *
 * fuzz-sources: cpp/api/signature.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "signature.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_type(const char *sig, size_t len, const jbi_sig_type *t, int is_result) {
    if (t->length == 0 || t->offset > len || t->length > len - t->offset || sig[t->offset] != t->kind) {
        abort();
    }
    const char *d = sig + t->offset;
    size_t n = t->length;
    size_t dims = 0;
    while (dims < n && d[dims] == '[') {
        dims++;
    }
    if (dims > JBI_SIG_MAX_ARRAY_DIMS || dims == n) {
        abort();
    }
    char base = d[dims];
    if (base == 'L') {
        if (d[n - 1] != ';' || n - dims < 3 || memchr(d + dims + 1, ';', n - dims - 2) != NULL) {
            abort();
        }
    } else if (strchr("ZBCSIJFD", base) != NULL || (base == 'V' && is_result && dims == 0)) {
        if (n != dims + 1) {
            abort();
        }
    } else {
        abort();
    }
    if (jbi_sig_is_reference(t) != (t->kind == 'L' || t->kind == '[')) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *sig = (const char *)data;
    jbi_signature *parsed = malloc(sizeof *parsed);
    if (parsed == NULL) {
        return 0;
    }
    size_t bad = (size_t)-1;
    int rc = jbi_signature_parse(sig, size, parsed, &bad);
    if (rc != JBI_SIG_OK) {
        if (rc != JBI_SIG_INVALID || bad > size) {
            abort();
        }
        free(parsed);
        return 0;
    }
    if (size < 3 || sig[0] != '(' || parsed->param_count > JBI_SIG_MAX_PARAMS) {
        abort();
    }
    size_t at = 1;
    for (size_t i = 0; i < parsed->param_count; i++) {
        if (parsed->params[i].offset != at || parsed->params[i].kind == 'V') {
            abort();
        }
        check_type(sig, size, &parsed->params[i], 0);
        at += parsed->params[i].length;
    }
    if (at >= size || sig[at] != ')' || parsed->result.offset != at + 1 ||
        parsed->result.offset + parsed->result.length != size) {
        abort();
    }
    check_type(sig, size, &parsed->result, 1);
    free(parsed);
    return 0;
}
