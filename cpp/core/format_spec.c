/* A strict, small subset of printf's grammar; anything else is refused. */
#include "format_spec.h"

#include <string.h>

static int is_flag(char c) {
    return c == '-' || c == '+' || c == ' ' || c == '#' || c == '0';
}

static int is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* Reads a decimal field at s[*i]; refuses values above FORMAT_MAX_FIELD. */
static int read_field(const char *s, size_t len, size_t *i) {
    unsigned value = 0;
    while (*i < len && is_digit(s[*i])) {
        value = value * 10u + (unsigned)(s[*i] - '0');
        if (value > FORMAT_MAX_FIELD) {
            return FORMAT_ERR_FIELD_TOO_WIDE;
        }
        (*i)++;
    }
    return FORMAT_OK;
}

static format_arg_kind kind_of(char conv, int length) {
    switch (conv) {
    case 'd': case 'i':
        return length ? FORMAT_ARG_LONG : FORMAT_ARG_INT;
    case 'c':
        return length ? FORMAT_ARG_NONE : FORMAT_ARG_INT;
    case 'u': case 'o': case 'x': case 'X':
        return length ? FORMAT_ARG_ULONG : FORMAT_ARG_UINT;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
        return length == 2 ? FORMAT_ARG_NONE : FORMAT_ARG_DOUBLE;
    case 's':
        return length ? FORMAT_ARG_NONE : FORMAT_ARG_STRING;
    default:
        return FORMAT_ARG_NONE;
    }
}

/* C11 7.21.6.1 leaves '#' on d i u c s, '0' on c s, and a precision on c undefined. */
static int undefined_in_c(char conv, int alternate, int zero, int precision) {
    return (alternate && strchr("diucs", conv) != NULL) || (zero && strchr("cs", conv) != NULL) ||
           (precision && conv == 'c');
}

int format_spec_check(const char *spec, size_t len, format_arg_kind *kind) {
    if (spec == NULL || kind == NULL) {
        return FORMAT_ERR_NULL;
    }
    if (memchr(spec, '\0', len) != NULL) {
        return FORMAT_ERR_SYNTAX;
    }
    format_arg_kind found = FORMAT_ARG_NONE;
    size_t i = 0;
    while (i < len) {
        if (spec[i++] != '%') {
            continue;
        }
        if (i < len && spec[i] == '%') {
            i++;
            continue;
        }
        if (found != FORMAT_ARG_NONE) {
            return FORMAT_ERR_TOO_MANY;
        }
        int alternate = 0;
        int zero = 0;
        while (i < len && is_flag(spec[i])) {
            alternate |= spec[i] == '#';
            zero |= spec[i] == '0';
            i++;
        }
        int rc = read_field(spec, len, &i);
        if (rc != FORMAT_OK) {
            return rc;
        }
        int precision = i < len && spec[i] == '.';
        if (precision) {
            i++;
            rc = read_field(spec, len, &i);
            if (rc != FORMAT_OK) {
                return rc;
            }
        }
        int length = 0;
        while (i < len && spec[i] == 'l' && length < 2) {
            length++;
            i++;
        }
        if (i >= len) {
            return FORMAT_ERR_SYNTAX;
        }
        char conv = spec[i++];
        found = kind_of(conv, length);
        if (found == FORMAT_ARG_NONE || undefined_in_c(conv, alternate, zero, precision)) {
            return FORMAT_ERR_SYNTAX;
        }
    }
    *kind = found;
    return FORMAT_OK;
}
