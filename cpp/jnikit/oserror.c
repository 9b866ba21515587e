/*
 * errno (and Windows' last error) captured around one C call and described thread-safely: a
 * generated native may run on many threads at once, so strerror's shared buffer is not used.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#endif

#include "kit_state.h"

void jbk_os_error_clear(void) {
    errno = 0;
#ifdef _WIN32
    SetLastError(0);
#endif
}

jbk_os_error jbk_os_error_take(void) {
    jbk_os_error e;
    /* errno first: GetLastError never touches errno, while reading errno on Windows may call
     * into the C runtime, which could in principle touch the last error. */
    e.err = errno;
#ifdef _WIN32
    e.last = (unsigned long)GetLastError();
#else
    e.last = 0;
#endif
    return e;
}

int jbk_os_error_set(jbk_os_error e) {
    return e.err != 0 || e.last != 0;
}

#ifndef _WIN32
/* strerror_r comes in two kinds, told apart by its result: POSIX's fills the buffer and returns
 * 0; glibc's, declared instead when _GNU_SOURCE is defined (as a user's build of the kit may do),
 * returns the text, often a constant it did not copy. Either way the caller gets the text or NULL. */
static const char *posix_strerror_text(int rc, const char *buf) {
    return rc == 0 ? buf : NULL;
}
static const char *gnu_strerror_text(const char *text, const char *buf) {
    (void)buf;
    return text;
}
#define JBK_STRERROR_TEXT(err, buf, size) \
    _Generic(strerror_r((err), (buf), (size)), int: posix_strerror_text, default: gnu_strerror_text)( \
        strerror_r((err), (buf), (size)), (buf))
#endif

/* The C library's text for err, into text. */
static void errno_text(int err, char *text, size_t size) {
#ifdef _WIN32
    if (strerror_s(text, size, err) != 0) {
        snprintf(text, size, "unknown error");
    }
#else
    const char *said = JBK_STRERROR_TEXT(err, text, size);
    if (said == NULL) {
        snprintf(text, size, "unknown error");
    } else if (said != text) {
        snprintf(text, size, "%s", said);
    }
#endif
}

/* The JVM sets the C locale from the environment, so the texts may be in a locale's own encoding: a byte
 * that does not begin well-formed UTF-8 becomes '?', and the result can always become a Java string. */
static void make_utf8(char *s) {
    size_t length = strlen(s);
    size_t offset;
    size_t from = 0;
    while (!jbk_utf8_valid(s + from, length - from, &offset)) {
        s[from + offset] = '?';
        from += offset + 1;
    }
}

char *jbk_os_error_text(jbk_os_error e, char *buf, size_t size) {
    if (size == 0) {
        return buf;
    }
    buf[0] = '\0';
    if (!jbk_os_error_set(e)) {
        snprintf(buf, size, "no errno");
        return buf;
    }
    char text[256];
    errno_text(e.err, text, sizeof text);
    int n = e.err != 0 ? snprintf(buf, size, "errno %d (%s)", e.err, text) : 0;
#ifdef _WIN32
    if (e.last != 0 && n >= 0 && (size_t)n < size) {
        DWORD len = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, (DWORD)e.last,
                                   0, text, (DWORD)sizeof text, NULL);
        /* FormatMessage ends its text with "\r\n". */
        while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == '\n' || text[len - 1] == ' ')) {
            text[--len] = '\0';
        }
        if (len == 0) {
            snprintf(text, sizeof text, "unknown error");
        }
        snprintf(buf + n, size - (size_t)n, "%sGetLastError %lu (%s)", n > 0 ? "; " : "", e.last, text);
    }
#else
    (void)n;
#endif
    make_utf8(buf);
    return buf;
}
