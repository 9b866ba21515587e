/*
 * jbi_fs.h on Windows: the wide-character API throughout, converting at the edges, because
 * the narrow (ANSI) functions read paths in the machine's code page, not UTF-8.
 */
#include "jbi_fs.h"

#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static wchar_t *to_wide(const char *s) {
    if (s == NULL) {
        return NULL;
    }
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    if (n <= 0) {
        return NULL;
    }
    wchar_t *w = malloc((size_t)n * sizeof *w);
    if (w != NULL) {
        MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
    }
    return w;
}

static char *to_utf8(const wchar_t *w) {
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    if (n <= 0) {
        return NULL;
    }
    char *s = malloc((size_t)n);
    if (s != NULL) {
        WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
    }
    return s;
}

int jbi_fs_is_sep(char c) {
    return c == '\\' || c == '/';
}

static DWORD attributes(const char *path) {
    wchar_t *w = to_wide(path);
    if (w == NULL) {
        return INVALID_FILE_ATTRIBUTES;
    }
    DWORD a = GetFileAttributesW(w);
    free(w);
    return a;
}

int jbi_fs_is_file(const char *path) {
    DWORD a = attributes(path);
    return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY) == 0;
}

int jbi_fs_is_dir(const char *path) {
    DWORD a = attributes(path);
    return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY) != 0;
}

int jbi_fs_is_executable(const char *path) {
    return jbi_fs_is_file(path); /* Windows has no execute bit; the name (java.exe) says it */
}

int jbi_fs_list(const char *dir, int (*fn)(const char *name, void *ctx), void *ctx) {
    if (dir == NULL) {
        return -1;
    }
    size_t n = strlen(dir);
    char *pattern = malloc(n + 3);
    if (pattern == NULL) {
        return -1;
    }
    memcpy(pattern, dir, n);
    if (n > 0 && !jbi_fs_is_sep(dir[n - 1])) {
        pattern[n++] = '\\';
    }
    pattern[n++] = '*';
    pattern[n] = '\0';
    wchar_t *w = to_wide(pattern);
    free(pattern);
    if (w == NULL) {
        return -1;
    }
    WIN32_FIND_DATAW data;
    HANDLE h = FindFirstFileW(w, &data);
    free(w);
    if (h == INVALID_HANDLE_VALUE) {
        /* An empty folder still lists "." and "..": failing here means no such folder. */
        return -1;
    }
    int rc = 0;
    do {
        if (wcscmp(data.cFileName, L".") == 0 || wcscmp(data.cFileName, L"..") == 0) {
            continue;
        }
        char *name = to_utf8(data.cFileName);
        if (name == NULL) {
            rc = -1;
            break;
        }
        rc = fn(name, ctx);
        free(name);
    } while (rc == 0 && FindNextFileW(h, &data));
    FindClose(h);
    return rc;
}

char *jbi_fs_resolve(const char *path) {
    wchar_t *w = to_wide(path);
    if (w == NULL) {
        return NULL;
    }
    /* Opening the file and asking for its final name follows symbolic links and junctions
     * (Oracle's installer puts java.exe links on PATH); BACKUP_SEMANTICS allows folders. */
    HANDLE h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS, NULL);
    free(w);
    if (h == INVALID_HANDLE_VALUE) {
        return NULL;
    }
    wchar_t buf[32768];
    DWORD n = GetFinalPathNameByHandleW(h, buf, (DWORD)(sizeof buf / sizeof buf[0]), FILE_NAME_NORMALIZED);
    CloseHandle(h);
    if (n == 0 || n >= sizeof buf / sizeof buf[0]) {
        return NULL;
    }
    const wchar_t *p = buf;
    if (wcsncmp(p, L"\\\\?\\UNC\\", 8) == 0) {
        p += 6; /* \\?\UNC\server\share -> \\server\share, keeping two backslashes */
        buf[6] = L'\\';
    } else if (wcsncmp(p, L"\\\\?\\", 4) == 0) {
        p += 4;
    }
    return to_utf8(p);
}

char *jbi_env_dup(const char *name) {
    wchar_t *w = to_wide(name);
    if (w == NULL) {
        return NULL;
    }
    DWORD n = GetEnvironmentVariableW(w, NULL, 0);
    char *result = NULL;
    if (n > 0) {
        wchar_t *value = malloc((size_t)n * sizeof *value);
        if (value != NULL && GetEnvironmentVariableW(w, value, n) < n) {
            result = to_utf8(value);
        }
        free(value);
    }
    free(w);
    return result;
}
