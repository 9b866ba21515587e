/*
 * jbi_platform.h on Windows: LoadLibraryExW/GetProcAddress, and fibre-local storage, whose
 * callback runs when a thread exits (outside the loader lock, unlike DllMain's
 * DLL_THREAD_DETACH), so it may call into the JVM to detach the thread.
 */
#include "jbi_platform.h"

#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>

static void describe_last_error(const char *what, const char *path, char *err, size_t err_size) {
    if (err_size == 0) {
        return;
    }
    DWORD code = GetLastError();
    char reason[256] = "";
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code, 0, reason,
                             (DWORD)sizeof reason, NULL);
    while (n > 0 && (reason[n - 1] == '\n' || reason[n - 1] == '\r' || reason[n - 1] == ' ')) {
        reason[--n] = '\0';
    }
    snprintf(err, err_size, "%s %s: error %lu%s%s", what, path, (unsigned long)code, n > 0 ? ": " : "", reason);
}

jbi_dynlib *jbi_dynlib_open(const char *path, char *err, size_t err_size) {
    if (path == NULL) {
        if (err_size > 0) {
            snprintf(err, err_size, "library path is NULL");
        }
        return NULL;
    }
    /* Paths are UTF-8; the ANSI functions would read them in the machine's code page. */
    int wide_len = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    if (wide_len <= 0) {
        describe_last_error("cannot convert the path to UTF-16:", path, err, err_size);
        return NULL;
    }
    wchar_t *wide = malloc((size_t)wide_len * sizeof *wide);
    if (wide == NULL) {
        if (err_size > 0) {
            snprintf(err, err_size, "out of memory converting %s", path);
        }
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, 0, path, -1, wide, wide_len);
    /* An absolute path's folder is searched for the library's own dependencies (jvm.dll's). */
    HMODULE module = LoadLibraryExW(wide, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (module == NULL) {
        describe_last_error("cannot load", path, err, err_size);
    }
    free(wide);
    return (jbi_dynlib *)module;
}

jbi_dynlib *jbi_dynlib_open_global(const char *path, char *err, size_t err_size) {
    return jbi_dynlib_open(path, err, err_size); /* GetModuleHandleW finds every loaded module */
}

jbi_proc jbi_loaded_symbol(const char *module, const char *name) {
    if (module == NULL || name == NULL) {
        return NULL;
    }
    wchar_t wide[MAX_PATH];
    if (MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, module, -1, wide, MAX_PATH) <= 0) {
        return NULL;
    }
    /* No reference is taken: the JVM library is never unloaded while a JVM may exist. */
    HMODULE m = GetModuleHandleW(wide);
    return m != NULL ? (jbi_proc)(void (*)(void))GetProcAddress(m, name) : NULL;
}

jbi_proc jbi_dynlib_symbol(jbi_dynlib *lib, const char *name) {
    if (lib == NULL || name == NULL) {
        return NULL;
    }
    /* FARPROC and jbi_proc are both "some function"; callers cast to the real type. */
    return (jbi_proc)(void (*)(void))GetProcAddress((HMODULE)lib, name);
}

void jbi_dynlib_close(jbi_dynlib *lib) {
    if (lib != NULL) {
        FreeLibrary((HMODULE)lib);
    }
}

int jbi_tls_create(jbi_tls_key *key, void (*destructor)(void *value)) {
    if (key == NULL) {
        return -1;
    }
    /* On x64 there is one calling convention, so the destructor is a valid FLS callback as it is. */
    DWORD index = FlsAlloc((PFLS_CALLBACK_FUNCTION)destructor);
    if (index == FLS_OUT_OF_INDEXES) {
        return -1;
    }
    key->id = (uintptr_t)index;
    return 0;
}

void *jbi_tls_get(jbi_tls_key key) {
    return FlsGetValue((DWORD)key.id);
}

int jbi_tls_set(jbi_tls_key key, void *value) {
    return FlsSetValue((DWORD)key.id, value) ? 0 : -1;
}

void jbi_tls_delete(jbi_tls_key key) {
    FlsFree((DWORD)key.id);
}

int jbi_process_barrier_init(void) { return 1; }

void jbi_process_barrier(void) { FlushProcessWriteBuffers(); }
