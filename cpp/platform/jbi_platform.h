/*
 * What libjavabridge needs from the operating system and does differently on each:
 * loading a shared library (the JVM) and finding its symbols, and per-thread values
 * whose destructor runs when the thread exits (to detach it from the JVM).
 * posix/platform_posix.c implements it with dlopen and pthread keys,
 * win32/platform_win32.c with LoadLibrary and fibre-local storage (FLS).
 * Internal: every name is jbi_ and hidden.
 */
#ifndef JBI_PLATFORM_H
#define JBI_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where a JDK or JRE keeps the JVM library, relative to its home. */
#if defined(_WIN32)
#define JBI_JVM_LIBRARY_RELPATH "bin\\server\\jvm.dll"
#else
#define JBI_JVM_LIBRARY_RELPATH "lib/server/libjvm.so"
#endif

/* A loaded shared library. */
typedef struct jbi_dynlib jbi_dynlib;

/* Any function; cast the result of jbi_dynlib_symbol to the real type before calling. */
typedef void (*jbi_proc)(void);

/*
 * Loads the shared library at path (UTF-8; on Windows an absolute path's own folder is searched
 * for its dependencies, as jvm.dll needs). Returns NULL on failure and writes the system's reason,
 * NUL-terminated and cut to fit, into err (err may be NULL when err_size is 0).
 */
jbi_dynlib *jbi_dynlib_open(const char *path, char *err, size_t err_size);

/* The address of the exported function name, or NULL if lib does not export it. */
jbi_proc jbi_dynlib_symbol(jbi_dynlib *lib, const char *name);

/*
 * Loads the JVM library: as jbi_dynlib_open, but its symbols are also found by
 * jbi_loaded_symbol afterwards (POSIX: RTLD_GLOBAL; Windows finds any loaded module by name).
 */
jbi_dynlib *jbi_dynlib_open_global(const char *path, char *err, size_t err_size);

/*
 * The exported function name of a library already loaded in the process, whoever loaded it:
 * on POSIX any global one (dlsym(RTLD_DEFAULT)), on Windows the module named module (UTF-8,
 * e.g. "jvm.dll"). NULL if it is not loaded or does not export name.
 */
jbi_proc jbi_loaded_symbol(const char *module, const char *name);

/* Unloads lib (NULL is accepted). Symbols taken from it must not be used afterwards. */
void jbi_dynlib_close(jbi_dynlib *lib);

/* A per-thread slot. */
typedef struct jbi_tls_key {
    uintptr_t id;
} jbi_tls_key;

/*
 * Creates a slot whose value starts as NULL in every thread. When a thread that stored a
 * non-NULL value exits, destructor (may be NULL) is called on that thread with the value.
 * Returns 0, or -1 when the system has no slot left.
 */
int jbi_tls_create(jbi_tls_key *key, void (*destructor)(void *value));

/* This thread's value in key (NULL if it stored none). */
void *jbi_tls_get(jbi_tls_key key);

/* Stores value for this thread. Returns 0, or -1 on failure. */
int jbi_tls_set(jbi_tls_key key, void *value);

/*
 * Frees the slot. Store NULL in every thread first: Windows calls the destructor for values
 * still stored, POSIX does not, so a slot deleted with live values behaves differently.
 */
void jbi_tls_delete(jbi_tls_key key);

/*
 * The heavy half of an asymmetric memory barrier: when it returns, every thread of the process
 * has executed a full barrier (Linux: membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED); Windows:
 * FlushProcessWriteBuffers). It lets the hot side of a store-then-load handshake use only a
 * compiler barrier, while the rare side pays a system call. jbi_process_barrier_init must have
 * returned 1 first (Linux needs a registration; kernels before 4.14, seccomp filters and some
 * emulators refuse it): when it returns 0, both sides must use real fences.
 */
int jbi_process_barrier_init(void);
void jbi_process_barrier(void);

#ifdef __cplusplus
}
#endif

#endif
