/* The @CExport rows of the upcall harness; see export_rows.h. */
#include "export_rows.h"

#include <stdio.h>

#ifdef JBB_WITH_EXPORTS

#include <dlfcn.h>
#include <stdint.h>

#include "javabridge/errors.h"

typedef int (*add_fn)(int32_t, int32_t, int32_t *);

/* Both reached through a pointer from dlsym: the same indirect call for each. */
static add_fn stub_add;
static add_fn handwritten_add;
static volatile uint32_t sink;

int jbb_export_available(void) {
    return 1;
}

int jbb_export_load(const char *javabridge_lib) {
    void *lib = dlopen(JBB_EXPORT_LIB, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "jbb_upcall: dlopen %s: %s\n", JBB_EXPORT_LIB, dlerror());
        return -1;
    }
    *(void **)&stub_add = dlsym(lib, "upcall_exports_add");
    *(void **)&handwritten_add = dlsym(lib, "jbb_handwritten_add");
    if (stub_add == NULL || handwritten_add == NULL) {
        fprintf(stderr, "jbb_upcall: %s lacks upcall_exports_add or jbb_handwritten_add\n", JBB_EXPORT_LIB);
        return -1;
    }
    /* Its DT_NEEDED libjavabridge.so must have bound to the harness's copy (same soname): two
     * copies would mean two C API states, and the stub would find no open JVM. */
    void *loaded = dlopen(javabridge_lib, RTLD_NOW | RTLD_NOLOAD);
    void *ours = loaded == NULL ? NULL : dlsym(loaded, "jb_call_static_int32");
    if (ours == NULL || dlsym(lib, "jb_call_static_int32") != ours) {
        fprintf(stderr, "jbb_upcall: %s does not use the libjavabridge loaded from %s\n", JBB_EXPORT_LIB,
                javabridge_lib);
        return -1;
    }
    return 0;
}

/* Every result is checked: a wrong sum fails the run like an error code does. */
static int calls(add_fn add, long n) {
    uint32_t acc = 0;
    for (long i = 0; i < n; i++) {
        int32_t a = (int32_t)(uint32_t)i;
        int32_t r;
        if (add(a, 1, &r) != JB_OK || r != (int32_t)((uint32_t)a + 1u)) {
            fprintf(stderr, "jbb_upcall: add(%ld, 1) failed or returned a wrong sum\n", (long)a);
            return -1;
        }
        acc += (uint32_t)r;
    }
    sink = acc;
    return 0;
}

int jbb_export_stub_calls(long n) {
    return calls(stub_add, n);
}

int jbb_export_handwritten_calls(long n) {
    return calls(handwritten_add, n);
}

#else /* built without libjbb_export_rows: the rows are left out */

int jbb_export_available(void) {
    return 0;
}
int jbb_export_load(const char *javabridge_lib) {
    (void)javabridge_lib;
    return -1;
}
int jbb_export_stub_calls(long n) {
    (void)n;
    return -1;
}
int jbb_export_handwritten_calls(long n) {
    (void)n;
    return -1;
}

#endif
