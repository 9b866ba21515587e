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
 *   attach.raw_first     AttachCurrentThread + the first call on a new thread (us)
 *   attach.raw_detach    DetachCurrentThread of that thread (us)
 * libjavabridge's rows go beside each of these once its C API exists (see JBB_WITH_CAPI).
 *
 * Usage: jbb_upcall JAVA_HOME CLASS_PATH [sample_ms] [samples] [create_runs] [threads]
 */
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"

#define TARGET_CLASS "dev/javabridge/bench/UpcallTarget"

typedef jint(JNICALL *create_vm_fn)(JavaVM **, void **, void *);

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
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
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

/* One JVM per process: each creation is timed in a child of its own. */
static int time_creation(const char *java_home, int runs, double *ms) {
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
            uint64_t t0 = jbb_now_ns();
            int rc = create_bare(java_home, &vm, &env);
            double elapsed = (double)(jbb_now_ns() - t0) / 1e6;
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

typedef int (*calls_fn)(JNIEnv *, long);

/* ns per call: calibrated so that one sample lasts about sample_ms; the first samples warm the JIT up. */
static int time_calls(JNIEnv *env, calls_fn fn, double sample_ms, int samples, double *ns) {
    long calls = 1000;
    for (;;) {
        uint64_t t0 = jbb_now_ns();
        if (fn(env, calls) != 0) {
            return -1;
        }
        uint64_t elapsed = jbb_now_ns() - t0;
        if (elapsed >= sample_ms * 1e6 / 4) {
            calls = (long)(calls * (sample_ms * 1e6 / (double)elapsed)) + 1;
            break;
        }
        calls *= 4;
    }
    for (int warm = 0; warm < 2; warm++) {
        if (fn(env, calls) != 0) {
            return -1;
        }
    }
    for (int s = 0; s < samples; s++) {
        uint64_t t0 = jbb_now_ns();
        if (fn(env, calls) != 0) {
            return -1;
        }
        ns[s] = (double)(jbb_now_ns() - t0) / (double)calls;
    }
    return 0;
}

typedef struct attach_sample {
    JavaVM *vm;
    double first_us;
    double detach_us;
    int rc;
} attach_sample;

static void *attach_thread(void *arg) {
    attach_sample *a = arg;
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
    int most = samples > create_runs ? samples : create_runs;
    most = most > threads ? most : threads;
    double *values = malloc(sizeof(double) * (size_t)most);
    double *values2 = malloc(sizeof(double) * (size_t)most);
    if (values == NULL || values2 == NULL) {
        return fail("malloc");
    }

    /* Children first: this process must not have a JVM when it forks. */
    jbb_json_begin(stdout, "upcall");
    if (time_creation(java_home, create_runs, values) != 0) {
        return fail("JVM creation");
    }
    jbb_json_row(stdout, "create.bare", "", "ms", jbb_summarise(values, create_runs));

    JavaVM *vm;
    JNIEnv *env;
    if (create_bare(java_home, &vm, &env) != 0) {
        return fail("JVM creation");
    }
    jclass local = (*env)->FindClass(env, TARGET_CLASS);
    ids.cls = local == NULL ? NULL : (*env)->NewGlobalRef(env, local);
    ids.add = ids.cls == NULL ? NULL : (*env)->GetStaticMethodID(env, ids.cls, "add", "(II)I");
    if (ids.add == NULL) {
        (*env)->ExceptionDescribe(env);
        return fail("finding " TARGET_CLASS ".add(II)I");
    }

    if (time_calls(env, raw_cached, sample_ms, samples, values) != 0) {
        return fail("raw cached upcalls");
    }
    jbb_json_row(stdout, "upcall.raw_cached", "", "ns/call", jbb_summarise(values, samples));
    if (time_calls(env, raw_lookup, sample_ms, samples, values) != 0) {
        return fail("raw lookup upcalls");
    }
    jbb_json_row(stdout, "upcall.raw_lookup", "", "ns/call", jbb_summarise(values, samples));

    if (time_attach(vm, threads, values, values2) != 0) {
        return fail("attaching threads");
    }
    jbb_json_row(stdout, "attach.raw_first", "", "us", jbb_summarise(values, threads));
    jbb_json_row(stdout, "attach.raw_detach", "", "us", jbb_summarise(values2, threads));

    jbb_json_end(stdout);
    free(values2);
    free(values);
    /* No DestroyJavaVM: exit is quicker and the JVM has nothing to flush. */
    return 0;
}
