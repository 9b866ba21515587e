/*
 * The UTF-8 codec between C callers and Java strings (see utf8.h). Decoding follows the
 * Unicode well-formed byte sequence table (Unicode 15, table 3-7), so every accepted input
 * round-trips byte for byte.
 */
#include "utf8.h"

#include <string.h>

/* Decodes one scalar value at s[i..len); returns its byte length, or 0 if malformed. */
static size_t decode_one(const unsigned char *s, size_t len, size_t i, uint32_t *cp) {
    unsigned char b0 = s[i];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    size_t n;
    uint32_t min_second = 0x80, max_second = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) {
            min_second = 0xA0; /* below: overlong */
        } else if (b0 == 0xED) {
            max_second = 0x9F; /* above: surrogates */
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) {
            min_second = 0x90; /* below: overlong */
        } else if (b0 == 0xF4) {
            max_second = 0x8F; /* above: beyond U+10FFFF */
        }
    } else {
        return 0; /* continuation byte, C0/C1 (overlong), F5..FF */
    }
    if (len - i < n) {
        return 0;
    }
    unsigned char b1 = s[i + 1];
    if (b1 < min_second || b1 > max_second) {
        return 0;
    }
    uint32_t v = b0 & (0xFFu >> (n + 1));
    v = (v << 6) | (b1 & 0x3Fu);
    for (size_t k = 2; k < n; k++) {
        unsigned char b = s[i + k];
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (b & 0x3Fu);
    }
    *cp = v;
    return n;
}

int jbi_utf8_to_utf16_length(const char *src, size_t len, size_t *units, size_t *error_offset) {
    const unsigned char *s = (const unsigned char *)src;
    size_t count = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = decode_one(s, len, i, &cp);
        if (n == 0) {
            if (error_offset != NULL) {
                *error_offset = i;
            }
            return JBI_UTF_INVALID;
        }
        /* count <= i always (each unit needs at least one byte), so it cannot overflow. */
        count += cp >= 0x10000 ? 2 : 1;
        i += n;
    }
    *units = count;
    return JBI_UTF_OK;
}

size_t jbi_utf8_to_utf16(const char *src, size_t len, uint16_t *dst) {
    const unsigned char *s = (const unsigned char *)src;
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t n = decode_one(s, len, i, &cp);
        if (n == 0) {
            break; /* unreachable after validation; never loop forever */
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            dst[out++] = (uint16_t)(0xD800 + (cp >> 10));
            dst[out++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            dst[out++] = (uint16_t)cp;
        }
        i += n;
    }
    return out;
}

/* Reads one code point at src[i]; returns units consumed (1 or 2), or 0 for an unpaired surrogate. */
static size_t next_code_point(const uint16_t *src, size_t units, size_t i, uint32_t *cp) {
    uint16_t u = src[i];
    if (u < 0xD800 || u > 0xDFFF) {
        *cp = u;
        return 1;
    }
    if (u <= 0xDBFF && i + 1 < units && src[i + 1] >= 0xDC00 && src[i + 1] <= 0xDFFF) {
        *cp = 0x10000 + (((uint32_t)u - 0xD800) << 10) + ((uint32_t)src[i + 1] - 0xDC00);
        return 2;
    }
    return 0;
}

static size_t utf8_size(uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

int jbi_utf16_to_utf8_length(const uint16_t *src, size_t units, int replace, size_t *bytes, size_t *error_offset) {
    size_t count = 0;
    for (size_t i = 0; i < units;) {
        uint32_t cp;
        size_t n = next_code_point(src, units, i, &cp);
        if (n == 0) {
            if (!replace) {
                if (error_offset != NULL) {
                    *error_offset = i;
                }
                return JBI_UTF_INVALID;
            }
            cp = 0xFFFD;
            n = 1;
        }
        size_t add = utf8_size(cp);
        if (count > SIZE_MAX - add) {
            return JBI_UTF_TOO_LONG;
        }
        count += add;
        i += n;
    }
    *bytes = count;
    return JBI_UTF_OK;
}

size_t jbi_utf16_to_utf8(const uint16_t *src, size_t units, int replace, char *dst) {
    unsigned char *d = (unsigned char *)dst;
    size_t out = 0;
    for (size_t i = 0; i < units;) {
        uint32_t cp;
        size_t n = next_code_point(src, units, i, &cp);
        if (n == 0) {
            if (!replace) {
                break;
            }
            cp = 0xFFFD;
            n = 1;
        }
        switch (utf8_size(cp)) {
        case 1:
            d[out++] = (unsigned char)cp;
            break;
        case 2:
            d[out++] = (unsigned char)(0xC0 | (cp >> 6));
            d[out++] = (unsigned char)(0x80 | (cp & 0x3F));
            break;
        case 3:
            d[out++] = (unsigned char)(0xE0 | (cp >> 12));
            d[out++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            d[out++] = (unsigned char)(0x80 | (cp & 0x3F));
            break;
        default:
            d[out++] = (unsigned char)(0xF0 | (cp >> 18));
            d[out++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            d[out++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            d[out++] = (unsigned char)(0x80 | (cp & 0x3F));
            break;
        }
        i += n;
    }
    return out;
}

int jbi_utf8_to_modified_length(const char *src, size_t len, size_t *bytes, size_t *error_offset) {
    const unsigned char *s = (const unsigned char *)src;
    size_t count = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = decode_one(s, len, i, &cp);
        if (n == 0 || cp == 0) {
            if (error_offset != NULL) {
                *error_offset = i;
            }
            return JBI_UTF_INVALID;
        }
        /* 4 bytes become 6; the total stays below 1.5 * len + 1, so check before adding. */
        size_t add = n == 4 ? 6 : n;
        if (count > SIZE_MAX - add) {
            return JBI_UTF_TOO_LONG;
        }
        count += add;
        i += n;
    }
    *bytes = count;
    return JBI_UTF_OK;
}

size_t jbi_utf8_to_modified(const char *src, size_t len, char *dst) {
    const unsigned char *s = (const unsigned char *)src;
    unsigned char *d = (unsigned char *)dst;
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t n = decode_one(s, len, i, &cp);
        if (n == 0) {
            break;
        }
        if (n == 4) {
            uint32_t v = cp - 0x10000;
            uint32_t halves[2] = {0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)};
            for (int h = 0; h < 2; h++) {
                d[out++] = (unsigned char)(0xE0 | (halves[h] >> 12));
                d[out++] = (unsigned char)(0x80 | ((halves[h] >> 6) & 0x3F));
                d[out++] = (unsigned char)(0x80 | (halves[h] & 0x3F));
            }
        } else {
            for (size_t k = 0; k < n; k++) {
                d[out++] = s[i + k];
            }
        }
        i += n;
    }
    return out;
}

/* The length of the valid UTF-8 sequence at s[0..len), or 0 if none starts there. */
static size_t valid_sequence(const unsigned char *s, size_t len) {
    unsigned char c = s[0];
    if (c < 0x80) {
        return 1;
    }
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || len < n) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || /* overlong; surrogates */
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)) { /* overlong; above U+10FFFF */
        return 0;
    }
    return n;
}

size_t jbi_utf8_escape_invalid(char *buf, size_t cap) {
    if (cap == 0) {
        return 0;
    }
    size_t len = strnlen(buf, cap - 1);
    buf[len] = '\0';
    size_t i = 0;
    while (i < len) {
        size_t n = valid_sequence((const unsigned char *)buf + i, len - i);
        if (n > 0) {
            i += n;
            continue;
        }
        /* Replace one byte by four: shift the rest right, dropping what passes cap - 1. */
        static const char hex[] = "0123456789ABCDEF";
        unsigned char bad = (unsigned char)buf[i];
        if (i + 4 > cap - 1) {
            len = i; /* no room even for the escape */
            break;
        }
        size_t tail = len - i - 1;
        size_t keep = tail < cap - 1 - (i + 4) ? tail : cap - 1 - (i + 4);
        memmove(buf + i + 4, buf + i + 1, keep);
        buf[i] = '\\';
        buf[i + 1] = 'x';
        buf[i + 2] = hex[bad >> 4];
        buf[i + 3] = hex[bad & 15];
        len = i + 4 + keep;
        i += 4;
    }
    buf[len] = '\0';
    return len;
}
