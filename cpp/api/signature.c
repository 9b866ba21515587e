/*
 * JNI method descriptor parser (see signature.h). Class names are only checked for the
 * characters the JVM forbids; whether the class exists is for the JVM to say at lookup.
 */
#include "signature.h"

static int fail(size_t *error_offset, size_t at) {
    if (error_offset != NULL) {
        *error_offset = at;
    }
    return JBI_SIG_INVALID;
}

/* Parses one field descriptor at sig[*pos]; void_ok allows 'V'. Advances *pos past it. */
static int parse_type(const char *sig, size_t len, size_t *pos, int void_ok, jbi_sig_type *t, size_t *error_offset) {
    size_t start = *pos;
    size_t i = start;
    size_t dims = 0;
    while (i < len && sig[i] == '[') {
        if (++dims > JBI_SIG_MAX_ARRAY_DIMS) {
            return fail(error_offset, i);
        }
        i++;
    }
    if (i >= len) {
        return fail(error_offset, i);
    }
    switch (sig[i]) {
    case 'Z': case 'B': case 'C': case 'S': case 'I': case 'J': case 'F': case 'D':
        i++;
        break;
    case 'V':
        if (!void_ok || dims > 0) {
            return fail(error_offset, i);
        }
        i++;
        break;
    case 'L': {
        i++;
        size_t segment_start = i;
        for (;;) {
            if (i >= len) {
                return fail(error_offset, i);
            }
            char c = sig[i];
            if (c == ';') {
                if (i == segment_start) {
                    return fail(error_offset, i); /* "L;" or a name ending in '/' */
                }
                i++;
                break;
            }
            if (c == '/') {
                if (i == segment_start) {
                    return fail(error_offset, i); /* leading or doubled '/' */
                }
                segment_start = i + 1;
            } else if (c == '.' || c == '[' || c == '(' || c == ')' || c == '\0') {
                return fail(error_offset, i);
            }
            i++;
        }
        break;
    }
    default:
        return fail(error_offset, i);
    }
    t->kind = dims > 0 ? '[' : sig[start];
    t->offset = start;
    t->length = i - start;
    *pos = i;
    return JBI_SIG_OK;
}

int jbi_signature_parse(const char *sig, size_t len, jbi_signature *out, size_t *error_offset) {
    if (sig == NULL || out == NULL) {
        return fail(error_offset, 0);
    }
    size_t pos = 0;
    if (len == 0 || sig[0] != '(') {
        return fail(error_offset, 0);
    }
    pos = 1;
    out->param_count = 0;
    while (pos < len && sig[pos] != ')') {
        if (out->param_count == JBI_SIG_MAX_PARAMS) {
            return fail(error_offset, pos);
        }
        if (parse_type(sig, len, &pos, 0, &out->params[out->param_count], error_offset) != JBI_SIG_OK) {
            return JBI_SIG_INVALID;
        }
        out->param_count++;
    }
    if (pos >= len) {
        return fail(error_offset, pos);
    }
    pos++; /* ')' */
    if (parse_type(sig, len, &pos, 1, &out->result, error_offset) != JBI_SIG_OK) {
        return JBI_SIG_INVALID;
    }
    if (pos != len) {
        return fail(error_offset, pos);
    }
    return JBI_SIG_OK;
}

int jbi_sig_is_reference(const jbi_sig_type *t) {
    return t->kind == 'L' || t->kind == '[';
}
