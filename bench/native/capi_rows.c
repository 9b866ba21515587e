/* libjavabridge's rows of the upcall harness; see capi_rows.h. */
#include "capi_rows.h"

#ifdef JBB_WITH_CAPI

#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench_clock.h"
#include "javabridge/javabridge.h"

/* Function pointers typed from the public header, so that a changed signature fails the build. */
static struct {
    __typeof__(jb_vm_open) *vm_open;
    __typeof__(jb_method_find_static) *find_static;
    __typeof__(jb_method_free) *method_free;
    __typeof__(jb_call_static_int32) *call_int32;
    __typeof__(jb_vm_detach_current_thread) *detach;
    __typeof__(jb_method_upcall) *upcall;       /* NULL in a libjavabridge older than issue 17 */
    __typeof__(jb_upcall_check) *upcall_check;
} api;

static jb_method *add_method;
static const char *add_class;
static volatile int32_t sink;

#define LOAD(field, name)                                                                     \
    do {                                                                                      \
        *(void **)&api.field = dlsym(lib, name);                                              \
        if (api.field == NULL) {                                                              \
            fprintf(stderr, "jbb_upcall: %s has no %s: not a libjavabridge with the C API\n", \
                    path, name);                                                              \
            return -1;                                                                        \
        }                                                                                     \
    } while (0)

int jbb_capi_load(const char *path) {
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "jbb_upcall: dlopen %s: %s\n", path, dlerror());
        return -1;
    }
    LOAD(vm_open, "jb_vm_open");
    LOAD(find_static, "jb_method_find_static");
    LOAD(method_free, "jb_method_free");
    LOAD(call_int32, "jb_call_static_int32");
    LOAD(detach, "jb_vm_detach_current_thread");
    *(void **)&api.upcall = dlsym(lib, "jb_method_upcall");
    *(void **)&api.upcall_check = dlsym(lib, "jb_upcall_check");
    return 0;
}

/* native_access: the measured JVM enables it, as a program using FFM stubs does (upcall.h): the
 * JDK then prints no restricted-method warning, and @CExport code takes its FFM path (cexport.h).
 * The creation rows leave it out, so that they compare the same options as create.bare. */
static int open_vm(const char *java_home, const char *class_path, jb_vm_mode mode, int native_access) {
    char jvm[4096];
    snprintf(jvm, sizeof jvm, "%s/lib/server/libjvm.so", java_home);
    const char *entries[] = {class_path};
    jb_vm_options options = JB_VM_OPTIONS_INIT;
    options.mode = mode;
    options.jvm_path = jvm;
    options.class_path = class_path != NULL ? entries : NULL;
    options.class_path_count = class_path != NULL ? 1 : 0;
    options.destroy_on_close = false;
    static const char *access[] = {"--enable-native-access=ALL-UNNAMED"};
    options.jvm_options = native_access ? access : NULL;
    options.jvm_option_count = native_access ? 1 : 0;
    jb_vm *vm = NULL;
    int rc = api.vm_open(&options, &vm);
    if (rc != JB_OK) {
        fprintf(stderr, "jbb_upcall: jb_vm_open failed: %d\n", rc);
        return -1;
    }
    return 0;
}

double jbb_capi_time_create(const char *java_home, const char *class_path) {
    uint64_t t0 = jbb_now_ns();
    if (open_vm(java_home, class_path, JB_VM_CREATE, 0) != 0) {
        return -1;
    }
    return (double)(jbb_now_ns() - t0) / 1e6;
}

static jb_method *throw_method; /* UpcallTarget.addOrThrow: the exception-path rows */

int jbb_capi_open(const char *java_home, const char *class_path, const char *target_class) {
    if (open_vm(java_home, class_path, JB_VM_CREATE, 1) != 0) {
        return -1;
    }
    add_class = target_class;
    int rc = api.find_static(target_class, "add", "(II)I", &add_method);
    if (rc == JB_OK) {
        rc = api.find_static(target_class, "addOrThrow", "(II)I", &throw_method);
    }
    if (rc != JB_OK) {
        fprintf(stderr, "jbb_upcall: jb_method_find_static failed: %d\n", rc);
        return -1;
    }
    return 0;
}

int jbb_capi_calls(long n) {
    int32_t acc = 0;
    for (long i = 0; i < n; i++) {
        jb_arg args[2] = {jb_arg_int32((int32_t)i), jb_arg_int32(1)};
        int32_t r;
        if (api.call_int32(add_method, args, 2, &r) != JB_OK) {
            return -1;
        }
        acc += r;
    }
    sink = acc;
    return 0;
}

static int32_t (*add_fn)(int32_t, int32_t);
static int32_t (*throw_fn)(int32_t, int32_t);

int jbb_capi_upcall_open(void) {
    jb_upcall_fn fn = NULL;
    if (api.upcall == NULL || api.upcall_check == NULL) {
        fprintf(stderr, "jbb_upcall: this libjavabridge has no jb_method_upcall: no FFM row\n");
        return -1;
    }
    int rc = api.upcall(add_method, &fn);
    if (rc != JB_OK) {
        fprintf(stderr, "jbb_upcall: jb_method_upcall: %d (JDK 22+ only): no FFM row\n", rc);
        return -1;
    }
    add_fn = (int32_t (*)(int32_t, int32_t))fn;
    if (throw_method == NULL || api.upcall(throw_method, &fn) != JB_OK) {
        fprintf(stderr, "jbb_upcall: no upcall pointer for addOrThrow\n");
        return -1;
    }
    throw_fn = (int32_t (*)(int32_t, int32_t))fn;
    return 0;
}

int jbb_capi_throw10_calls(long n) {
    int32_t acc = 0;
    for (long i = 0; i < n; i++) {
        jb_arg args[2] = {jb_arg_int32((int32_t)i), jb_arg_int32(1)};
        int32_t r = 0;
        int rc = api.call_int32(throw_method, args, 2, &r);
        if (rc != (i % 10 == 0 ? JB_EJAVA : JB_OK)) {
            return -1;
        }
        acc += r;
    }
    sink = acc;
    return 0;
}

int jbb_capi_upcall_throw10_calls(long n) {
    int32_t acc = 0;
    for (long i = 0; i < n; i++) {
        acc += throw_fn((int32_t)i, 1);
        if (api.upcall_check() != (i % 10 == 0 ? JB_EJAVA : JB_OK)) {
            return -1;
        }
    }
    sink = acc;
    return 0;
}

int jbb_capi_upcall_calls(long n) {
    int32_t acc = 0;
    for (long i = 0; i < n; i++) {
        acc += add_fn((int32_t)i, 1);
    }
    sink = acc;
    /* One check per batch: the flag stays raised until read (upcall.h). */
    return api.upcall_check() == JB_OK ? 0 : -1;
}

int jbb_capi_upcall_checked_calls(long n) {
    int32_t acc = 0;
    for (long i = 0; i < n; i++) {
        acc += add_fn((int32_t)i, 1);
        if (api.upcall_check() != JB_OK) {
            return -1;
        }
    }
    sink = acc;
    return 0;
}

int jbb_capi_lookup_calls(long n) {
    int32_t acc = 0;
    for (long i = 0; i < n; i++) {
        jb_method *m = NULL;
        if (api.find_static(add_class, "add", "(II)I", &m) != JB_OK) {
            return -1;
        }
        jb_arg args[2] = {jb_arg_int32((int32_t)i), jb_arg_int32(1)};
        int32_t r;
        int rc = api.call_int32(m, args, 2, &r);
        api.method_free(m);
        if (rc != JB_OK) {
            return -1;
        }
        acc += r;
    }
    sink = acc;
    return 0;
}

int jbb_capi_first_call_on_thread(double *first_us, double *detach_us) {
    jb_arg args[2] = {jb_arg_int32(1), jb_arg_int32(2)};
    int32_t r;
    uint64_t t0 = jbb_now_ns();
    int rc = api.call_int32(add_method, args, 2, &r);
    uint64_t t1 = jbb_now_ns();
    api.detach();
    uint64_t t2 = jbb_now_ns();
    sink = r;
    *first_us = (double)(t1 - t0) / 1e3;
    *detach_us = (double)(t2 - t1) / 1e3;
    return rc == JB_OK ? 0 : -1;
}

#else /* no C API header at build time: the rows report themselves missing */

int jbb_capi_load(const char *path) {
    fprintf(stderr, "jbb_upcall: built without libjavabridge's C API header; ignoring %s\n", path);
    return -1;
}
double jbb_capi_time_create(const char *java_home, const char *class_path) {
    (void)java_home;
    (void)class_path;
    return -1;
}
int jbb_capi_open(const char *java_home, const char *class_path, const char *target_class) {
    (void)java_home;
    (void)class_path;
    (void)target_class;
    return -1;
}
int jbb_capi_calls(long n) {
    (void)n;
    return -1;
}
int jbb_capi_lookup_calls(long n) {
    (void)n;
    return -1;
}
int jbb_capi_upcall_open(void) { return -1; }
int jbb_capi_throw10_calls(long n) {
    (void)n;
    return -1;
}
int jbb_capi_upcall_throw10_calls(long n) {
    (void)n;
    return -1;
}
int jbb_capi_upcall_calls(long n) {
    (void)n;
    return -1;
}
int jbb_capi_upcall_checked_calls(long n) {
    (void)n;
    return -1;
}
int jbb_capi_first_call_on_thread(double *first_us, double *detach_us) {
    (void)first_us;
    (void)detach_us;
    return -1;
}

#endif
