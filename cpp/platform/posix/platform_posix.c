/* jbi_platform.h on POSIX: dlopen/dlsym, pthread keys (their destructors run at thread exit), membarrier. */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include "jbi_platform.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

jbi_dynlib *jbi_dynlib_open(const char *path, char *err, size_t err_size) {
    if (path == NULL) {
        if (err_size > 0) {
            snprintf(err, err_size, "library path is NULL");
        }
        return NULL;
    }
    /* RTLD_LOCAL: the JVM's symbols must not satisfy other libraries' lookups by accident. */
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL && err_size > 0) {
        const char *reason = dlerror();
        snprintf(err, err_size, "%s", reason != NULL ? reason : "dlopen failed");
    }
    return (jbi_dynlib *)handle;
}

jbi_proc jbi_dynlib_symbol(jbi_dynlib *lib, const char *name) {
    if (lib == NULL || name == NULL) {
        return NULL;
    }
    void *address = dlsym((void *)lib, name);
    /* ISO C has no object-to-function pointer conversion; POSIX guarantees the bytes are one. */
    jbi_proc proc;
    memcpy(&proc, &address, sizeof proc);
    return proc;
}

jbi_dynlib *jbi_dynlib_open_global(const char *path, char *err, size_t err_size) {
    if (path == NULL) {
        if (err_size > 0) {
            snprintf(err, err_size, "library path is NULL");
        }
        return NULL;
    }
    dlerror();
    void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL && err_size > 0) {
        const char *reason = dlerror();
        snprintf(err, err_size, "%s", reason != NULL ? reason : "dlopen failed");
    }
    return (jbi_dynlib *)handle;
}

jbi_proc jbi_loaded_symbol(const char *module, const char *name) {
    (void)module; /* the global scope holds every RTLD_GLOBAL library and the program */
    if (name == NULL) {
        return NULL;
    }
    void *address = dlsym(RTLD_DEFAULT, name);
    jbi_proc proc;
    memcpy(&proc, &address, sizeof proc);
    return proc;
}

void jbi_dynlib_close(jbi_dynlib *lib) {
    if (lib != NULL) {
        dlclose((void *)lib);
    }
}

int jbi_tls_create(jbi_tls_key *key, void (*destructor)(void *value)) {
    pthread_key_t k;
    if (key == NULL || pthread_key_create(&k, destructor) != 0) {
        return -1;
    }
    key->id = (uintptr_t)k;
    return 0;
}

void *jbi_tls_get(jbi_tls_key key) {
    return pthread_getspecific((pthread_key_t)key.id);
}

int jbi_tls_set(jbi_tls_key key, void *value) {
    return pthread_setspecific((pthread_key_t)key.id, value) == 0 ? 0 : -1;
}

void jbi_tls_delete(jbi_tls_key key) {
    pthread_key_delete((pthread_key_t)key.id);
}

#if defined(__linux__)
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

int jbi_process_barrier_init(void) {
#if defined(__NR_membarrier)
    long cmds = syscall(__NR_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    if (cmds < 0 || !(cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED)) {
        return 0;
    }
    return syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
#else
    return 0;
#endif
}

void jbi_process_barrier(void) {
#if defined(__NR_membarrier)
    (void)syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
#endif
}
#else
/* No process-wide barrier known here: callers fall back to fences on both sides. */
int jbi_process_barrier_init(void) { return 0; }
void jbi_process_barrier(void) {}
#endif
