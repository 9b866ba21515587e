/*
 * C calling Java, timed in C: the raw JNI floor that libjavabridge's C API is
 * held against. The JVM is found like a C program finds it without javabridge
 * (dlopen of JAVA_HOME's libjvm, JNI_CreateJavaVM), with the benchmarks' jar on
 * its class path; the target is dev.javabridge.bench.UpcallTarget.add(int, int).
 *
 * Rows (JSON on stdout):
 *   create.bare          dlopen + dlsym + JNI_CreateJavaVM in a fresh child process (ms)
 *   upcall.raw_cached    CallStaticIntMethod with IDs cached once, plus ExceptionCheck (ns/call)
 *   upcall.raw_lookup    FindClass + GetStaticMethodID + the call, on every call (ns/call)
 *   upcall.raw_cached_frame / upcall.raw_cached_mutex   diagnostics: the cached call plus a local
 *                        frame, or plus two uncontended mutex lock/unlock pairs (ns/call)
 *   attach.raw_first     AttachCurrentThread + the first call on a new thread (us)
 *   attach.raw_detach    DetachCurrentThread of that thread (us)
 * With JBB_JAVABRIDGE_LIB naming a libjavabridge that has the C API (capi_rows.c), the same
 * rows for it: create.javabridge (jb_vm_open), upcall.javabridge (jb_call_static_int32 with a
 * handle from jb_method_find_static), upcall.javabridge_lookup (find + call + free each time),
 * attach.javabridge_first / attach.javabridge_detach. With libjbb_export_rows built too
 * (export_rows.c), the @CExport rows: upcall.export_stub (the generated C function for
 * UpcallExports.add) and upcall.export_handwritten (the same by hand with the C API).
 * On JDK 22+ with a libjavabridge that has jb_method_upcall (issue 17): upcall.ffm_pointer (the
 * C function pointer it returns, one jb_upcall_check per batch) and upcall.ffm_pointer_checked
 * (jb_upcall_check after every call). The exception path, UpcallTarget.addOrThrow (one call in
 * ten throws, each exception recorded as the last error): upcall.javabridge_throw10
 * (jb_call_static_int32) and, on JDK 22+, upcall.ffm_pointer_throw10 (the pointer, checked per call).
 * Mechanisms are measured in turns, sample by sample, so that a busy machine slows them alike.
 *
 * Usage: jbb_upcall JAVA_HOME CLASS_PATH [sample_ms] [samples] [create_runs] [threads]
 */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"
#include "capi_rows.h"
#include "export_rows.h"

#define TARGET_CLASS "dev/javabridge/bench/UpcallTarget"

typedef jint(JNICALL *create_vm_fn)(JavaVM **, void **, void *);
typedef jint(JNICALL *created_vms_fn)(JavaVM **, jsize, jsize *);

static char class_path_option[4096];

/* The same options for every way of creating the JVM, so that only the path differs. */
static void fill_vm_args(JavaVMInitArgs *args, JavaVMOption *options) {
    options[0].optionString = class_path_option;
    options[0].extraInfo = NULL;
    args->version = JNI_VERSION_10;
    args->nOptions = 1;
    args->options = options;
    args->ignoreUnrecognized = JNI_FALSE;
}

static int create_bare(const char *java_home, JavaVM **vm, JNIEnv **env) {
    char path[4096];
    snprintf(path, sizeof path, "%s/lib/server/libjvm.so", java_home);
    /* GLOBAL, as if the program linked libjvm: libjavabridge finds a running JVM through it. */
    void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL) {
        fprintf(stderr, "dlopen %s: %s\n", path, dlerror());
        return -1;
    }
    create_vm_fn create = (create_vm_fn)dlsym(handle, "JNI_CreateJavaVM");
    if (create == NULL) {
        fprintf(stderr, "dlsym JNI_CreateJavaVM: %s\n", dlerror());
        return -1;
    }
    JavaVMOption options[1];
    JavaVMInitArgs args;
    fill_vm_args(&args, options);
    jint rc = create(vm, (void **)env, &args);
    if (rc != JNI_OK) {
        fprintf(stderr, "JNI_CreateJavaVM failed: %d\n", (int)rc);
        return -1;
    }
    return 0;
}

/* One JVM per process: each creation is timed in a child of its own (bare, or through libjavabridge). */
static int time_creation(const char *java_home, int through_javabridge, int runs, double *ms) {
    for (int i = 0; i < runs; i++) {
        int fds[2];
        if (pipe(fds) != 0) {
            return -1;
        }
        fflush(stdout); /* or the child inherits and repeats unwritten output */
        pid_t pid = fork();
        if (pid < 0) {
            return -1;
        }
        if (pid == 0) {
            close(fds[0]);
            JavaVM *vm;
            JNIEnv *env;
            int rc;
            double elapsed;
            if (through_javabridge) {
                elapsed = jbb_capi_time_create(java_home, class_path_option + strlen("-Djava.class.path="));
                rc = elapsed < 0 ? -1 : 0;
            } else {
                uint64_t t0 = jbb_now_ns();
                rc = create_bare(java_home, &vm, &env);
                elapsed = (double)(jbb_now_ns() - t0) / 1e6;
            }
            if (rc == 0 && write(fds[1], &elapsed, sizeof elapsed) != (ssize_t)sizeof elapsed) {
                rc = -1;
            }
            /* Leaving without DestroyJavaVM: its cost is not what is measured. */
            _exit(rc == 0 ? 0 : 1);
        }
        close(fds[1]);
        ssize_t got = read(fds[0], &ms[i], sizeof ms[i]);
        close(fds[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        if (got != (ssize_t)sizeof ms[i] || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "JVM creation run %d failed\n", i);
            return -1;
        }
    }
    return 0;
}

typedef struct upcall_ids {
    jclass cls; /* global reference */
    jmethodID add;
} upcall_ids;

static upcall_ids ids;
static volatile jint sink;

static int raw_cached(JNIEnv *env, long calls) {
    jint acc = 0;
    for (long i = 0; i < calls; i++) {
        acc += (*env)->CallStaticIntMethod(env, ids.cls, ids.add, (jint)i, 1);
        if ((*env)->ExceptionCheck(env)) {
            return -1;
        }
    }
    sink = acc;
    return 0;
}

/*
 * Diagnostics: the raw cached call plus one of the costs libjavabridge's call path adds
 * (a local frame per call; two lock/unlock pairs of an uncontended mutex, as its handle table
 * takes), to tell where a gap to the floor comes from.
 */
static int raw_cached_frame(JNIEnv *env, long calls) {
    jint acc = 0;
    for (long i = 0; i < calls; i++) {
        if ((*env)->PushLocalFrame(env, 6) != 0) {
            return -1;
        }
        acc += (*env)->CallStaticIntMethod(env, ids.cls, ids.add, (jint)i, 1);
        int failed = (*env)->ExceptionCheck(env);
        (*env)->PopLocalFrame(env, NULL);
        if (failed) {
            return -1;
        }
    }
    sink = acc;
    return 0;
}

static pthread_mutex_t diagnostic_lock = PTHREAD_MUTEX_INITIALIZER;

static int raw_cached_mutex(JNIEnv *env, long calls) {
    jint acc = 0;
    for (long i = 0; i < calls; i++) {
        pthread_mutex_lock(&diagnostic_lock);
        pthread_mutex_unlock(&diagnostic_lock);
        acc += (*env)->CallStaticIntMethod(env, ids.cls, ids.add, (jint)i, 1);
        pthread_mutex_lock(&diagnostic_lock);
        pthread_mutex_unlock(&diagnostic_lock);
        if ((*env)->ExceptionCheck(env)) {
            return -1;
        }
    }
    sink = acc;
    return 0;
}

static int raw_lookup(JNIEnv *env, long calls) {
    jint acc = 0;
    for (long i = 0; i < calls; i++) {
        jclass cls = (*env)->FindClass(env, TARGET_CLASS);
        if (cls == NULL) {
            return -1;
        }
        jmethodID add = (*env)->GetStaticMethodID(env, cls, "add", "(II)I");
        if (add == NULL) {
            return -1;
        }
        acc += (*env)->CallStaticIntMethod(env, cls, add, (jint)i, 1);
        (*env)->DeleteLocalRef(env, cls);
        if ((*env)->ExceptionCheck(env)) {
            return -1;
        }
    }
    sink = acc;
    return 0;
}

static int capi_calls(JNIEnv *env, long calls) {
    (void)env;
    return jbb_capi_calls(calls);
}

static int capi_lookup(JNIEnv *env, long calls) {
    (void)env;
    return jbb_capi_lookup_calls(calls);
}

static int export_stub(JNIEnv *env, long calls) {
    (void)env;
    return jbb_export_stub_calls(calls);
}

static int ffm_pointer(JNIEnv *env, long calls) {
    (void)env;
    return jbb_capi_upcall_calls(calls);
}

static int ffm_pointer_checked(JNIEnv *env, long calls) {
    (void)env;
    return jbb_capi_upcall_checked_calls(calls);
}

static int capi_throw10(JNIEnv *env, long calls) {
    (void)env;
    return jbb_capi_throw10_calls(calls);
}

static int ffm_pointer_throw10(JNIEnv *env, long calls) {
    (void)env;
    return jbb_capi_upcall_throw10_calls(calls);
}

static int export_handwritten(JNIEnv *env, long calls) {
    (void)env;
    return jbb_export_handwritten_calls(calls);
}

typedef int (*calls_fn)(JNIEnv *, long);

#define MAX_MECHANISMS 12

/*
 * ns of this thread's CPU time per call (so that other work on a shared machine does not count)
 * of each of count mechanisms, measured in turns: each mechanism's call count is
 * calibrated so that one of its samples lasts about sample_ms; two rounds warm the JIT up.
 * ns[m * samples + s] receives mechanism m's sample s.
 */
static int time_calls(JNIEnv *env, const calls_fn *fns, int count, double sample_ms, int samples, double *ns) {
    long calls[MAX_MECHANISMS];
    for (int m = 0; m < count; m++) {
        calls[m] = 1000;
        for (;;) {
            uint64_t t0 = jbb_thread_cpu_ns();
            if (fns[m](env, calls[m]) != 0) {
                return -1;
            }
            uint64_t elapsed = jbb_thread_cpu_ns() - t0;
            if (elapsed >= sample_ms * 1e6 / 4) {
                calls[m] = (long)(calls[m] * (sample_ms * 1e6 / (double)elapsed)) + 1;
                break;
            }
            calls[m] *= 4;
        }
    }
    for (int s = -2; s < samples; s++) {
        for (int m = 0; m < count; m++) {
            uint64_t t0 = jbb_thread_cpu_ns();
            if (fns[m](env, calls[m]) != 0) {
                return -1;
            }
            if (s >= 0) {
                ns[m * samples + s] = (double)(jbb_thread_cpu_ns() - t0) / (double)calls[m];
            }
        }
    }
    return 0;
}

typedef struct attach_sample {
    JavaVM *vm; /* NULL: through libjavabridge */
    double first_us;
    double detach_us;
    int rc;
} attach_sample;

static void *attach_thread(void *arg) {
    attach_sample *a = arg;
    if (a->vm == NULL) {
        a->rc = jbb_capi_first_call_on_thread(&a->first_us, &a->detach_us);
        return NULL;
    }
    JNIEnv *env;
    uint64_t t0 = jbb_now_ns();
    if ((*a->vm)->AttachCurrentThread(a->vm, (void **)&env, NULL) != JNI_OK) {
        a->rc = -1;
        return NULL;
    }
    sink = (*env)->CallStaticIntMethod(env, ids.cls, ids.add, 1, 2);
    a->rc = (*env)->ExceptionCheck(env) ? -1 : 0;
    uint64_t t1 = jbb_now_ns();
    (*a->vm)->DetachCurrentThread(a->vm);
    uint64_t t2 = jbb_now_ns();
    a->first_us = (double)(t1 - t0) / 1e3;
    a->detach_us = (double)(t2 - t1) / 1e3;
    return NULL;
}

/* vm NULL: through libjavabridge. */
static int time_attach(JavaVM *vm, int threads, double *first_us, double *detach_us) {
    for (int i = 0; i < threads; i++) {
        attach_sample a = {vm, 0, 0, -1};
        pthread_t t;
        if (pthread_create(&t, NULL, attach_thread, &a) != 0 || pthread_join(t, NULL) != 0 || a.rc != 0) {
            return -1;
        }
        first_us[i] = a.first_us;
        detach_us[i] = a.detach_us;
    }
    return 0;
}

static int fail(const char *what) {
    fprintf(stderr, "jbb_upcall: %s failed\n", what);
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s JAVA_HOME CLASS_PATH [sample_ms] [samples] [create_runs] [threads]\n", argv[0]);
        return 2;
    }
    const char *java_home = argv[1];
    double sample_ms = argc > 3 ? atof(argv[3]) : 100;
    int samples = argc > 4 ? atoi(argv[4]) : 9;
    int create_runs = argc > 5 ? atoi(argv[5]) : 5;
    int threads = argc > 6 ? atoi(argv[6]) : 50;
    if (sample_ms <= 0 || samples < 1 || samples > 1000 || create_runs < 1 || create_runs > 1000 || threads < 1 ||
        threads > 100000) {
        fprintf(stderr, "jbb_upcall: arguments out of range\n");
        return 2;
    }
    if (snprintf(class_path_option, sizeof class_path_option, "-Djava.class.path=%s", argv[2]) >=
        (int)sizeof class_path_option) {
        fprintf(stderr, "jbb_upcall: class path too long\n");
        return 2;
    }
    const char *javabridge_lib = getenv("JBB_JAVABRIDGE_LIB");
    int with_capi = javabridge_lib != NULL && *javabridge_lib != '\0';
    if (with_capi && jbb_capi_load(javabridge_lib) != 0) {
        return fail("loading libjavabridge");
    }
    int with_exports = with_capi && jbb_export_available();
    if (with_capi && !with_exports) {
        fprintf(stderr, "jbb_upcall: built without libjbb_export_rows: no @CExport rows\n");
    }
    if (with_exports && jbb_export_load(javabridge_lib) != 0) {
        return fail("loading the @CExport rows' library");
    }
    int most = samples > create_runs ? samples : create_runs;
    most = most > threads ? most : threads;
    double *values = malloc(sizeof(double) * (size_t)most * MAX_MECHANISMS);
    double *values2 = malloc(sizeof(double) * (size_t)most * MAX_MECHANISMS);
    if (values == NULL || values2 == NULL) {
        return fail("malloc");
    }

    /* Children first: this process must not have a JVM when it forks. Runs alternate. */
    jbb_json_begin(stdout, "upcall");
    for (int i = 0; i < create_runs; i++) {
        if (time_creation(java_home, 0, 1, &values[i]) != 0 ||
            (with_capi && time_creation(java_home, 1, 1, &values2[i]) != 0)) {
            return fail("JVM creation");
        }
    }
    jbb_json_row(stdout, "create.bare", "", "ms", jbb_summarise(values, create_runs));
    if (with_capi) {
        jbb_json_row(stdout, "create.javabridge", "", "ms", jbb_summarise(values2, create_runs));
    }

    /* With libjavabridge, it creates the JVM (its threads then take their usual path) and the raw
     * rows use the same JVM through JNI_GetCreatedJavaVMs; otherwise the JVM is created bare. */
    JavaVM *vm = NULL;
    JNIEnv *env = NULL;
    const char *class_path = class_path_option + strlen("-Djava.class.path=");
    if (with_capi) {
        if (jbb_capi_open(java_home, class_path, "dev.javabridge.bench.UpcallTarget") != 0) {
            return fail("creating the JVM through libjavabridge");
        }
        created_vms_fn created = (created_vms_fn)(uintptr_t)dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
        jsize count = 0;
        if (created == NULL || created(&vm, 1, &count) != JNI_OK || count != 1 ||
            (*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
            return fail("finding the JVM libjavabridge created");
        }
    } else if (create_bare(java_home, &vm, &env) != 0) {
        return fail("JVM creation");
    }
    jclass local = (*env)->FindClass(env, TARGET_CLASS);
    ids.cls = local == NULL ? NULL : (*env)->NewGlobalRef(env, local);
    ids.add = ids.cls == NULL ? NULL : (*env)->GetStaticMethodID(env, ids.cls, "add", "(II)I");
    if (ids.add == NULL) {
        (*env)->ExceptionDescribe(env);
        return fail("finding " TARGET_CLASS ".add(II)I");
    }

    const char *call_rows[MAX_MECHANISMS] = {
        "upcall.raw_cached",       "upcall.raw_lookup", "upcall.raw_cached_frame", "upcall.raw_cached_mutex",
        "upcall.javabridge",       "upcall.javabridge_lookup", "upcall.export_stub",
        "upcall.export_handwritten"};
    calls_fn fns[MAX_MECHANISMS] = {raw_cached, raw_lookup, raw_cached_frame, raw_cached_mutex,
                                    capi_calls, capi_lookup, export_stub, export_handwritten};
    int mechanisms = with_exports ? 8 : with_capi ? 6 : 4;
    if (with_capi) {
        call_rows[mechanisms] = "upcall.javabridge_throw10";
        fns[mechanisms++] = capi_throw10;
    }
    if (with_capi && jbb_capi_upcall_open() == 0) {
        call_rows[mechanisms] = "upcall.ffm_pointer_throw10";
        fns[mechanisms++] = ffm_pointer_throw10;
        call_rows[mechanisms] = "upcall.ffm_pointer";
        fns[mechanisms++] = ffm_pointer;
        call_rows[mechanisms] = "upcall.ffm_pointer_checked";
        fns[mechanisms++] = ffm_pointer_checked;
    }
    if (time_calls(env, fns, mechanisms, sample_ms, samples, values) != 0) {
        return fail("upcalls");
    }
    for (int m = 0; m < mechanisms; m++) {
        jbb_json_row(stdout, call_rows[m], "", "ns/call", jbb_summarise(values + m * samples, samples));
    }

    /* Raw and libjavabridge threads alternate, one at a time. */
    double *cfirst = values + 2 * most;
    double *cdetach = values2 + 2 * most;
    for (int i = 0; i < threads; i++) {
        if (time_attach(vm, 1, &values[i], &values2[i]) != 0 ||
            (with_capi && time_attach(NULL, 1, &cfirst[i], &cdetach[i]) != 0)) {
            return fail("attaching threads");
        }
    }
    jbb_json_row(stdout, "attach.raw_first", "", "us", jbb_summarise(values, threads));
    jbb_json_row(stdout, "attach.raw_detach", "", "us", jbb_summarise(values2, threads));
    if (with_capi) {
        jbb_json_row(stdout, "attach.javabridge_first", "", "us", jbb_summarise(cfirst, threads));
        jbb_json_row(stdout, "attach.javabridge_detach", "", "us", jbb_summarise(cdetach, threads));
    }

    jbb_json_end(stdout);
    free(values2);
    free(values);
    /* No DestroyJavaVM: exit is quicker and the JVM has nothing to flush. */
    return 0;
}
