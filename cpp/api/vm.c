/*
 * Creating, joining and closing the process's one JVM (vm.h), and attaching threads.
 *
 * State rules: one mutex guards open/close; calls only read atomics (phase, epoch, in-flight
 * count), so the last close can refuse new calls and wait for running ones without a lock on
 * the hot path. The JVM is created on the caller's thread, which is then detached and later
 * re-attached as a daemon like every thread javabridge attaches: DestroyJavaVM waits for
 * non-daemon threads, and a C thread must never be able to make close hang.
 */
#if !defined(_WIN32)
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#endif
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "javabridge/errors.h"
#include "javabridge/vm.h"
#include "classpath.h"
#include "handles.h"
#include "jbi_fs.h"
#include "jbi_platform.h"
#include "java_exception.h"
#include "jvm_discovery.h"
#include "last_error.h"
#include "thread_state.h"
#include "vm_destroy.h"
#include "vm_ids.h"
#include "vm_state.h"

/* The JVM library's file name, as Windows finds an already loaded module (POSIX ignores it). */
#define JBI_JVM_MODULE "jvm.dll"

typedef jint (*create_fn)(JavaVM **, void **, void *);
typedef jint (*created_fn)(JavaVM **, jsize, jsize *);

enum phase { PHASE_NONE = JBI_PHASE_NONE, PHASE_OPEN = JBI_PHASE_OPEN, PHASE_CLOSING, PHASE_DESTROYED };

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static int refs;                    /* open jb_vm handles; under state_lock */
static JavaVM *jvm;                 /* set while a JVM we know of exists */
static int created_by_us;
static int ids_ready;
static int destroy_on_close;
static uint32_t destroy_timeout_ms;
/* Read by the fast call path too (vm_state.h), hence not static. */
atomic_int jbi_vm_phase = PHASE_NONE;
atomic_uint_fast64_t jbi_vm_epoch = 1; /* bumped when the JVM we knew is destroyed */
static atomic_long in_flight;
/* Set by the last close just before DestroyJavaVM: releases starting afterwards skip JNI (a
 * thread entering the JVM while it exits blocks forever) and leave the references to die with it. */
static atomic_int destroying;
static int vm_marker;               /* what jb_vm handles point at */
/* HotSpot cannot always create a JVM again after a failed JNI_CreateJavaVM (some failures
 * leave flag state behind and a retry dies in a guarantee): after one failure javabridge
 * never calls it again, and later opens get this message back. Under state_lock. */
static int create_failed;
static char create_failure[512];


/* ---- threads ---------------------------------------------------------------------------- */

/* HotSpot puts its guard zones (red, yellow, reserved and shadow pages, about 96 KiB on
 * x86_64) at the end of an attached thread's stack. Measured on JDK 17 and 25, x86_64: a
 * thread of 96 KiB gets JNI_ERR from AttachCurrentThread, one of 128 KiB works, and one of
 * 16 KiB overruns the guard while attaching and the process dies of SIGSEGV. So a thread with
 * less than this left is refused before HotSpot sees it. */
#define JBI_MIN_ATTACH_STACK ((size_t)112 * 1024)

/* Bytes of stack below the current frame; SIZE_MAX where the platform cannot tell. */
static size_t stack_left(void) {
#if defined(__linux__)
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) {
        return SIZE_MAX;
    }
    void *low = NULL;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
    char here;
    uintptr_t sp = (uintptr_t)&here;
    if (rc != 0 || low == NULL || sp < (uintptr_t)low || sp - (uintptr_t)low > size) {
        return SIZE_MAX;
    }
    return (size_t)(sp - (uintptr_t)low);
#else
    return SIZE_MAX;
#endif
}

static int attach(jbi_thread *t, JNIEnv **env) {
    JNIEnv *e = NULL;
    jint r = (*jvm)->GetEnv(jvm, (void **)&e, JNI_VERSION_1_8);
    if (r == JNI_OK) {
        /* Attached by someone else (a Java thread, another library): use it, never detach it. */
        t->env = e;
        t->attached_by_us = 0;
        t->vm_epoch = 0;
        *env = e;
        return JB_OK;
    }
    if (r != JNI_EDETACHED) {
        return jbi_fail(JB_EATTACH, "GetEnv failed (%d): the JVM does not support JNI 1.8", (int)r);
    }
    size_t left = stack_left();
    if (left < JBI_MIN_ATTACH_STACK) {
        return jbi_fail(JB_EATTACH,
                        "this thread has %zu KiB of stack left; attaching it to the JVM needs at least %u KiB "
                        "(HotSpot's guard zones): give the thread a larger stack",
                        left / 1024, (unsigned)(JBI_MIN_ATTACH_STACK / 1024));
    }
    JavaVMAttachArgs args = {JNI_VERSION_1_8, "javabridge-c-thread", NULL};
    r = (*jvm)->AttachCurrentThreadAsDaemon(jvm, (void **)&e, &args);
    if (r != JNI_OK || e == NULL) {
        return jbi_fail(JB_EATTACH, "AttachCurrentThreadAsDaemon failed (%d)", (int)r);
    }
    t->env = e;
    t->attached_by_us = 1;
    t->vm_epoch = atomic_load(&jbi_vm_epoch);
    *env = e;
    return JB_OK;
}

/* The env of this thread, attaching it if needed; jvm must be set. */
static int thread_env(JNIEnv **env) {
    jbi_thread *t = jbi_thread_self();
    if (t == NULL) {
        return JB_ENOMEM;
    }
    /* Only our own attachments are cached: someone else may detach theirs at any time. */
    if (t->attached_by_us && t->vm_epoch == atomic_load(&jbi_vm_epoch) && t->env != NULL) {
        *env = t->env;
        return JB_OK;
    }
    return attach(t, env);
}

static void detach_if_ours(jbi_thread *t) {
    if (t->attached_by_us && t->vm_epoch == atomic_load(&jbi_vm_epoch) && jvm != NULL &&
        atomic_load(&jbi_vm_phase) != PHASE_DESTROYED && atomic_load(&jbi_vm_phase) != PHASE_CLOSING) {
        (*jvm)->DetachCurrentThread(jvm);
    }
    t->attached_by_us = 0;
    t->env = NULL;
}

/* A thread's exit, from the platform key's destructor (pthread key; FLS callback on Windows).
 * Under state_lock so that the JVM cannot be destroyed between the check that it still
 * exists and the detach: a thread exiting during jb_vm_close waits for it, then finds the
 * JVM gone and only forgets its attachment. */
static void on_thread_exit(jbi_thread *t) {
    if (!t->attached_by_us) {
        t->env = NULL;
        return;
    }
    pthread_mutex_lock(&state_lock);
    detach_if_ours(t);
    pthread_mutex_unlock(&state_lock);
}

JB_API int jb_vm_detach_current_thread(void) {
    jbi_thread *t = jbi_thread_self();
    if (t != NULL) {
        detach_if_ours(t);
    }
    return JB_OK;
}

JB_API int jb_vm_is_attached(bool *attached) {
    if (attached == NULL) {
        return jbi_fail(JB_EINVAL, "jb_vm_is_attached: attached is NULL");
    }
    *attached = false;
    int p = atomic_load(&jbi_vm_phase);
    if (jvm != NULL && (p == PHASE_OPEN || p == PHASE_NONE)) {
        JNIEnv *e = NULL;
        *attached = (*jvm)->GetEnv(jvm, (void **)&e, JNI_VERSION_1_8) == JNI_OK;
    }
    return JB_OK;
}

/* ---- calls ------------------------------------------------------------------------------ */

int jbi_enter(JNIEnv **env) {
    atomic_fetch_add(&in_flight, 1);
    if (atomic_load(&jbi_vm_phase) != PHASE_OPEN) {
        atomic_fetch_sub(&in_flight, 1);
        int p = atomic_load(&jbi_vm_phase);
        return jbi_fail(p == PHASE_DESTROYED ? JB_EVM_DESTROYED : JB_ENOT_OPEN,
                        p == PHASE_DESTROYED ? "the JVM was destroyed by jb_vm_close" : "no JVM is open: call jb_vm_open first");
    }
    int rc = thread_env(env);
    jbi_thread *t = rc == JB_OK ? jbi_thread_self() : NULL;
    /* A pending exception is only possible on a thread Java called into: its exception is not
     * ours to clear. A thread javabridge attached runs Java only inside a call of ours, so when
     * none is under way on it (depth 0) the check, a JNI state transition, is skipped. */
    if (t != NULL && !(t->attached_by_us && t->depth == 0) && (**env)->ExceptionCheck(*env)) {
        rc = jbi_fail(JB_EINVAL, "a Java exception is already pending on this thread; return to Java first");
    }
    if (rc != JB_OK) {
        atomic_fetch_sub(&in_flight, 1);
        return rc;
    }
    t->depth++;
    return rc;
}

void jbi_leave(void) {
    jbi_thread *t = jbi_thread_self();
    if (t != NULL) {
        t->depth--;
    }
    atomic_fetch_sub(&in_flight, 1);
}

JNIEnv *jbi_cleanup_begin(void) {
    /* Counted first, then the flag read: the closer sets the flag, then waits for the count
     * (see jb_vm_close), so either it waits for this release or this release sees the flag. */
    atomic_fetch_add(&in_flight, 1);
    int p = atomic_load(&jbi_vm_phase);
    JNIEnv *env = NULL;
    if (jvm == NULL || p == PHASE_DESTROYED || atomic_load(&destroying) || thread_env(&env) != JB_OK) {
        atomic_fetch_sub(&in_flight, 1);
        return NULL;
    }
    return env;
}

void jbi_cleanup_end(JNIEnv *env) {
    if (env != NULL) {
        atomic_fetch_sub(&in_flight, 1);
    }
}

/* ---- open ------------------------------------------------------------------------------- */

static int validate(const jb_vm_options *o) {
    if (o->version != JB_VM_OPTIONS_VERSION) {
        return jbi_fail(JB_EINVAL, "jb_vm_options.version is %u; this library knows version %d (use JB_VM_OPTIONS_INIT)",
                        (unsigned)o->version, JB_VM_OPTIONS_VERSION);
    }
    if ((int)o->mode < JB_VM_CREATE_OR_JOIN || (int)o->mode > JB_VM_JOIN) {
        return jbi_fail(JB_EINVAL, "jb_vm_options.mode %d is not a jb_vm_mode", (int)o->mode);
    }
    if ((o->class_path == NULL && o->class_path_count > 0) || (o->jvm_options == NULL && o->jvm_option_count > 0)) {
        return jbi_fail(JB_EINVAL, "jb_vm_options: a count is non-zero but its array is NULL");
    }
    if (o->jvm_option_count > 4096 || o->class_path_count > 65536) {
        return jbi_fail(JB_ERANGE, "jb_vm_options: too many options or class path entries");
    }
    for (size_t i = 0; i < o->jvm_option_count; i++) {
        if (o->jvm_options[i] == NULL) {
            return jbi_fail(JB_EINVAL, "jb_vm_options.jvm_options[%zu] is NULL", i);
        }
    }
    return JB_OK;
}

/* A process holds one libjvm: once one is loaded (by a JVM running here, or by an earlier
 * open, even a failed one) a jvm_path naming another cannot be honoured, and using the loaded
 * one instead would silently ignore the option. */
static int check_loaded_is(const char *jvm_path, void *loaded_symbol) {
#if defined(_WIN32)
    (void)loaded_symbol;
    jbi_log(JB_LOG_DEBUG, "jvm_path %s: a JVM library is already loaded; not compared on Windows", jvm_path);
    return JB_OK;
#else
    Dl_info info;
    char *loaded = NULL;
    if (dladdr(loaded_symbol, &info) == 0 || info.dli_fname == NULL || (loaded = realpath(info.dli_fname, NULL)) == NULL) {
        return jbi_fail(JB_EINTERNAL, "jvm_path: cannot tell which libjvm this process has loaded");
    }
    jbi_search search;
    jbi_search_defaults(&search, jvm_path);
    jbi_candidates candidates;
    int listed = jbi_jvm_candidates(&search, &candidates);
    jbi_search_release(&search);
    int same = 0;
    for (size_t i = 0; listed == 0 && !same && i < candidates.count; i++) {
        char *real = realpath(candidates.items[i].path, NULL);
        same = real != NULL && strcmp(real, loaded) == 0;
        free(real);
    }
    jbi_candidates_free(&candidates);
    int rc = same ? JB_OK
                  : jbi_fail(JB_EINVAL, "jvm_path \"%s\" is not the libjvm this process has already loaded (%s): a "
                             "process can load only one", jvm_path, loaded);
    free(loaded);
    return rc;
#endif
}

/* Finds JNI_GetCreatedJavaVMs: in the process already (a Java launcher, or an earlier load),
 * else through discovery, which also gives JNI_CreateJavaVM. */
static int find_jvm_functions(const jb_vm_options *o, created_fn *created, create_fn *create) {
    *created = (created_fn)jbi_loaded_symbol(JBI_JVM_MODULE, "JNI_GetCreatedJavaVMs");
    *create = (create_fn)jbi_loaded_symbol(JBI_JVM_MODULE, "JNI_CreateJavaVM");
    if (*created != NULL && *create != NULL) {
        return o->jvm_path != NULL ? check_loaded_is(o->jvm_path, (void *)*create) : JB_OK;
    }
    if (o->mode == JB_VM_JOIN) {
        return jbi_fail(JB_EVM_NONE, "JB_VM_JOIN: no JVM runs in this process (libjvm is not even loaded)");
    }
    jbi_search search;
    jbi_search_defaults(&search, o->jvm_path);
    jbi_candidates candidates;
    int listed = jbi_jvm_candidates(&search, &candidates);
    static char places[512]; /* under state_lock, like report */
    jbi_search_describe(&search, places, sizeof places);
    jbi_search_release(&search);
    if (listed != 0) {
        jbi_candidates_free(&candidates);
        return jbi_fail(JB_ENOMEM, "no memory to list libjvm candidates");
    }
    static char report[JBI_MESSAGE_MAX - 128];
    size_t index = 0;
    jbi_dynlib *lib = jbi_jvm_load(&candidates, &index, report, sizeof report); /* report: under state_lock */
    if (lib == NULL) {
        jbi_candidates_free(&candidates);
        jbi_log(JB_LOG_WARN, "no usable libjvm:\n%s", report);
        return jbi_fail(JB_ENOJVM, "no usable libjvm; %s; tried:\n%s", places, report);
    }
    for (size_t i = 0; i < index; i++) {
        jbi_log(JB_LOG_DEBUG, "libjvm candidate %s (%s) failed", candidates.items[i].path, candidates.items[i].origin);
    }
    jbi_log(JB_LOG_INFO, "loaded libjvm %s (%s)", candidates.items[index].path, candidates.items[index].origin);
    if (index > 0) {
        jbi_log(JB_LOG_DEBUG, "earlier candidates failed:\n%s", report);
    }
    jbi_candidates_free(&candidates);
    /* The library stays loaded for the life of the process: a JVM cannot be unloaded. */
    *created = (created_fn)jbi_dynlib_symbol(lib, "JNI_GetCreatedJavaVMs");
    *create = (create_fn)jbi_dynlib_symbol(lib, "JNI_CreateJavaVM");
    return JB_OK;
}

/* HotSpot's own startup errors ("Unrecognized option", "stack size specified is too small")
 * go through JNI's vfprintf option hook: kept while JNI_CreateJavaVM runs so the failure can
 * say what HotSpot said, and always passed on to the stream HotSpot chose, so the JVM's output
 * (-Xcheck:jni warnings included) is what it would be without the hook. */
static pthread_mutex_t startup_lock = PTHREAD_MUTEX_INITIALIZER;
static int startup_capturing;
static char startup_output[768];
static size_t startup_len;

static jint JNICALL vm_vfprintf(FILE *fp, const char *format, va_list args) {
    va_list copy;
    va_copy(copy, args);
    pthread_mutex_lock(&startup_lock);
    if (startup_capturing && startup_len + 1 < sizeof startup_output) {
        int n = vsnprintf(startup_output + startup_len, sizeof startup_output - startup_len, format, copy);
        if (n > 0) {
            size_t room = sizeof startup_output - startup_len - 1;
            startup_len += (size_t)n < room ? (size_t)n : room;
        }
    }
    pthread_mutex_unlock(&startup_lock);
    va_end(copy);
    return (jint)vfprintf(fp, format, args);
}

/* What HotSpot printed during the failed start, on one line, without trailing blanks. */
static const char *startup_said(void) {
    pthread_mutex_lock(&startup_lock);
    for (size_t i = 0; i < startup_len; i++) {
        if (startup_output[i] == '\n' || startup_output[i] == '\r' || startup_output[i] == '\t') {
            startup_output[i] = ' ';
        }
    }
    while (startup_len > 0 && startup_output[startup_len - 1] == ' ') {
        startup_output[--startup_len] = '\0';
    }
    pthread_mutex_unlock(&startup_lock);
    return startup_output;
}

static int create_vm(const jb_vm_options *o, create_fn create) {
    char *class_path = NULL;
    size_t bad = 0;
    size_t skipped = 0;
    int cp = jbi_classpath_build_ex(o->class_path, o->class_path_count, &class_path, &bad, &skipped);
    if (skipped > 0) {
        jbi_log(JB_LOG_WARN, "class path: left out %zu jar(s) whose names contain '" JBI_PATH_LIST_SEP_STR
                "' (the JVM would split them into two entries)", skipped);
    }
    if (cp == JBI_CP_NOMEM) {
        return jbi_fail(JB_ENOMEM, "no memory for the class path");
    }
    if (cp != JBI_CP_OK) {
        return jbi_fail(JB_EINVAL, "class path entry %zu (\"%s\") %s", bad,
                        o->class_path[bad] != NULL ? o->class_path[bad] : "(null)",
                        cp == JBI_CP_NODIR ? "names a directory that cannot be listed"
                                           : "is NULL, empty or contains the separator '" JBI_PATH_LIST_SEP_STR "'");
    }
    size_t n = o->jvm_option_count + 2;
    JavaVMOption *vm_options = calloc(n, sizeof *vm_options);
    const char *prefix = "-Djava.class.path=";
    char *cp_option = malloc(strlen(prefix) + strlen(class_path) + 1);
    if (vm_options == NULL || cp_option == NULL) {
        free(vm_options);
        free(cp_option);
        free(class_path);
        return jbi_fail(JB_ENOMEM, "no memory for the JVM options");
    }
    strcpy(cp_option, prefix);
    strcat(cp_option, class_path);
    free(class_path);
    vm_options[0].optionString = cp_option;
    vm_options[1].optionString = "vfprintf";
    vm_options[1].extraInfo = (void *)vm_vfprintf;
    for (size_t i = 0; i < o->jvm_option_count; i++) {
        vm_options[i + 2].optionString = (char *)o->jvm_options[i];
    }
    JavaVMInitArgs args;
    args.version = JNI_VERSION_1_8;
    args.nOptions = (jint)n;
    args.options = vm_options;
    args.ignoreUnrecognized = o->ignore_unrecognized ? JNI_TRUE : JNI_FALSE;
    JavaVM *created = NULL;
    JNIEnv *env = NULL;
    pthread_mutex_lock(&startup_lock);
    startup_capturing = 1;
    startup_len = 0;
    startup_output[0] = '\0';
    pthread_mutex_unlock(&startup_lock);
    jint r = create(&created, (void **)&env, &args);
    pthread_mutex_lock(&startup_lock);
    startup_capturing = 0;
    pthread_mutex_unlock(&startup_lock);
    free(cp_option);
    free(vm_options);
    if (r != JNI_OK) {
        if (r == JNI_EEXIST) {
            return jbi_fail(JB_EVM_EXISTS, "JNI_CreateJavaVM: a JVM already exists in this process");
        }
        const char *said = startup_said();
        create_failed = 1;
        snprintf(create_failure, sizeof create_failure, "JNI_CreateJavaVM failed with %d%s%s%s", (int)r,
                 r == JNI_EINVAL ? " (invalid arguments)" : r == JNI_ENOMEM ? " (not enough memory)" : "",
                 said[0] != '\0' ? ": HotSpot said: " : "", said[0] != '\0' ? said
                 : r == JNI_ERR ? " (HotSpot refused to start and said nothing)" : "");
        return jbi_fail(JB_EVM_CREATE, "%s", create_failure);
    }
    jvm = created;
    created_by_us = 1;
    /* Detached now and re-attached as a daemon on first use: see the file comment. */
    (*jvm)->DetachCurrentThread(jvm);
    jbi_log(JB_LOG_INFO, "created a JVM");
    return JB_OK;
}

static int open_locked(const jb_vm_options *o) {
    int p = atomic_load(&jbi_vm_phase);
    if (p == PHASE_DESTROYED) {
        return jbi_fail(JB_EVM_DESTROYED, "the JVM was destroyed earlier in this process; JNI cannot create another");
    }
    if (refs > 0) {
        if (o->mode == JB_VM_CREATE) {
            return jbi_fail(JB_EVM_EXISTS, "JB_VM_CREATE: javabridge already has the JVM open");
        }
        return JB_OK;
    }
    if (jvm == NULL) {
        created_fn created;
        create_fn create;
        int rc = find_jvm_functions(o, &created, &create);
        if (rc != JB_OK) {
            return rc;
        }
        JavaVM *existing = NULL;
        jsize count = 0;
        if (created(&existing, 1, &count) != JNI_OK) {
            return jbi_fail(JB_EINTERNAL, "JNI_GetCreatedJavaVMs failed");
        }
        if (count > 0) {
            if (o->mode == JB_VM_CREATE) {
                return jbi_fail(JB_EVM_EXISTS, "JB_VM_CREATE: a JVM already runs in this process");
            }
            jvm = existing;
            created_by_us = 0;
            jbi_log(JB_LOG_INFO, "joined the JVM already running in this process");
        } else {
            if (o->mode == JB_VM_JOIN) {
                return jbi_fail(JB_EVM_NONE, "JB_VM_JOIN: no JVM runs in this process");
            }
            if (create_failed) {
                return jbi_fail(JB_EVM_CREATE,
                                "an earlier JVM creation in this process failed and HotSpot cannot always start "
                                "again after that, so javabridge does not retry; the first failure: %s",
                                create_failure);
            }
            rc = create_vm(o, create);
            if (rc != JB_OK) {
                return rc;
            }
        }
        destroy_on_close = o->destroy_on_close;
        destroy_timeout_ms = o->destroy_timeout_ms;
    } else if (o->mode == JB_VM_CREATE) {
        return jbi_fail(JB_EVM_EXISTS, "JB_VM_CREATE: the JVM javabridge left running still exists");
    }
    JNIEnv *env = NULL;
    int rc = thread_env(&env);
    if (rc != JB_OK) {
        return rc;
    }
    if (!ids_ready) {
        if ((rc = jbi_ids_load(env)) != JB_OK) {
            return rc;
        }
        ids_ready = 1;
    }
    atomic_store(&jbi_vm_phase, PHASE_OPEN);
    return JB_OK;
}

/* A method a fast call on any thread (this one included) is using is not destroyed yet. */
static int method_in_use(uintptr_t token) { return jbi_busy_scan(token, NULL); }

JB_API int jb_vm_open(const jb_vm_options *options, jb_vm **out) {
    static const jb_vm_options defaults = JB_VM_OPTIONS_INIT;
    if (out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_vm_open: out is NULL");
    }
    const jb_vm_options *o = options != NULL ? options : &defaults;
    int rc = validate(o);
    if (rc != JB_OK) {
        return rc;
    }
    jbi_thread_set_exit_hook(on_thread_exit);
    jbi_busy_init();
    jbi_handles_set_in_use_check(JBI_HANDLE_METHOD, method_in_use);
    pthread_mutex_lock(&state_lock);
    rc = open_locked(o);
    uintptr_t token = 0;
    if (rc == JB_OK) {
        if (jbi_handles_add(JBI_HANDLE_VM, &vm_marker, &token) != JBI_H_OK) {
            rc = jbi_fail(JB_ENOMEM, "jb_vm_open: no memory for the handle");
            if (refs == 0) {
                atomic_store(&jbi_vm_phase, PHASE_NONE);
            }
        } else {
            refs++;
        }
    }
    pthread_mutex_unlock(&state_lock);
    if (rc == JB_OK) {
        *out = (jb_vm *)token;
    }
    return rc;
}

/* ---- close ------------------------------------------------------------------------------ */

/* Waits until the deadline for the calls (and releases) under way, generic and fast, on other
 * threads (this one may be inside a call of its own: it cannot wait for itself). Returns how
 * many are still under way: 0 when they all finished. */
static long wait_for_calls(const struct timespec *deadline) {
    struct timespec step = {0, 1000000L};
    jbi_thread *self = jbi_thread_self();
    /* depth counts this thread's fast call too, which in_flight does not */
    long own = self != NULL ? self->depth - (__atomic_load_n(&self->busy, __ATOMIC_RELAXED) != 0) : 0;
    for (;;) {
        long others = atomic_load(&in_flight) - own;
        int fast = jbi_busy_scan(0, self);
        if (others <= 0 && !fast) {
            return 0;
        }
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        if (now.tv_sec > deadline->tv_sec || (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec)) {
            return (others > 0 ? others : 0) + (fast ? 1 : 0);
        }
        nanosleep(&step, NULL);
    }
}

JB_API int jb_vm_close(jb_vm *vm) {
    if (vm == NULL) {
        return JB_OK;
    }
    pthread_mutex_lock(&state_lock);
    if (jbi_handles_remove((uintptr_t)vm, JBI_HANDLE_VM) != JBI_H_OK) {
        pthread_mutex_unlock(&state_lock);
        return jbi_fail(JB_EHANDLE, "jb_vm_close: not an open jb_vm (closed already, or forged)");
    }
    if (--refs > 0) {
        pthread_mutex_unlock(&state_lock);
        return JB_OK;
    }
    atomic_store(&jbi_vm_phase, PHASE_CLOSING);
    struct timespec deadline;
    jbi_deadline_after(&deadline, destroy_timeout_ms);
    long busy = wait_for_calls(&deadline);
    /* Global references go while the JVM certainly still exists. A handle a running call
     * holds is destroyed by that call when it ends. */
    jbi_handles_remove_all(JBI_HANDLE_METHOD);
    jbi_handles_remove_all(JBI_HANDLE_FIELD);
    jbi_handles_remove_all(JBI_HANDLE_LOADER);
    jbi_handles_remove_all(JBI_HANDLE_OBJECT);
    int rc = JB_OK;
    jbi_thread *t = jbi_thread_self();
    JNIEnv *env = NULL;
    int java_thread = t != NULL && !t->attached_by_us && jvm != NULL &&
                      (*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION_1_8) == JNI_OK;
    int destroy = created_by_us && destroy_on_close && !java_thread;
    if (destroy && busy == 0) {
        /* The cached classes and IDs are not released: Java threads may call proxies and host
         * natives, which use them, until DestroyJavaVM returns, and no JVM comes after it.
         * Releases racing this close (a jb_method_free on another thread) either finish
         * before DestroyJavaVM or skip JNI: see jbi_cleanup_begin. */
        atomic_store(&destroying, 1);
        busy = wait_for_calls(&deadline);
    }
    if (destroy && busy > 0) {
        /* DestroyJavaVM now would strand those threads: a thread returning from Java into a
         * JVM that has exited blocks forever. The JVM stays instead, as with destroy_on_close
         * false, so the calls finish normally; a later jb_vm_open joins it. */
        atomic_store(&destroying, 0);
        atomic_store(&jbi_vm_phase, PHASE_NONE);
        pthread_mutex_unlock(&state_lock);
        jbi_log(JB_LOG_WARN, "jb_vm_close: %ld call(s) still under way after %u ms; the JVM is left running",
                busy, (unsigned)destroy_timeout_ms);
        return jbi_fail(JB_ETIMEDOUT,
                        "jb_vm_close: %ld call(s) on other threads still under way after %u ms: the JVM was not "
                        "destroyed, so they can finish; calls starting now get JB_ENOT_OPEN until a jb_vm_open",
                        busy, (unsigned)destroy_timeout_ms);
    }
    if (destroy) {
        if (t != NULL && t->attached_by_us && t->vm_epoch == atomic_load(&jbi_vm_epoch)) {
            /* detach_if_ours refuses while closing (for threads exiting meanwhile); this one is ours. */
            (*jvm)->DetachCurrentThread(jvm);
            t->attached_by_us = 0;
            t->env = NULL;
        }
        rc = jbi_vm_destroy(jvm, jbi_ms_until(&deadline));
        atomic_fetch_add(&jbi_vm_epoch, 1);
        jvm = NULL;
        atomic_store(&jbi_vm_phase, PHASE_DESTROYED);
    } else {
        if (created_by_us && destroy_on_close) {
            jbi_log(JB_LOG_WARN, "jb_vm_close on a Java thread: the JVM is left running, not destroyed");
        }
        /* The JVM stays (joined, or kept on purpose): the IDs stay valid for a later open. */
        atomic_store(&jbi_vm_phase, PHASE_NONE);
    }
    pthread_mutex_unlock(&state_lock);
    return rc;
}
