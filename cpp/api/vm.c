/*
 * Creating, joining and closing the process's one JVM (vm.h), and attaching threads.
 *
 * State rules: one mutex guards open/close; calls only read atomics (phase, epoch, in-flight
 * count), so the last close can refuse new calls and wait for running ones without a lock on
 * the hot path. The JVM is created on the caller's thread, which is then detached and later
 * re-attached as a daemon like every thread javabridge attaches: DestroyJavaVM waits for
 * non-daemon threads, and a C thread must never be able to make close hang.
 */
#include <errno.h>
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
#include "jni_cache.h"
#include "java_exception.h"
#include "jvm_discovery.h"
#include "method_internal.h"
#include "last_error.h"
#include "thread_state.h"
#include "vm_state.h"
#include "ext_ids.h"

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
static int vm_marker;               /* what jb_vm handles point at */

jbi_java_ids jbi_java;

/* ---- threads ---------------------------------------------------------------------------- */

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

JNIEnv *jbi_env_for_cleanup(void) {
    int p = atomic_load(&jbi_vm_phase);
    if (jvm == NULL || p == PHASE_DESTROYED) {
        return NULL;
    }
    JNIEnv *env = NULL;
    return thread_env(&env) == JB_OK ? env : NULL;
}

/* ---- IDs -------------------------------------------------------------------------------- */

static jmethodID method_of(JNIEnv *env, const char *cls_name, const char *name, const char *sig) {
    jclass cls = (*env)->FindClass(env, cls_name);
    if (cls == NULL) {
        return NULL;
    }
    jmethodID id = (*env)->GetMethodID(env, cls, name, sig);
    (*env)->DeleteLocalRef(env, cls);
    return id;
}

static int load_ids(JNIEnv *env) {
    jbi_java_ids ids;
    memset(&ids, 0, sizeof ids);
    int ok = (ids.string_class = jbi_global_class(env, "java/lang/String")) != NULL &&
             (ids.byte_array_class = jbi_global_class(env, "[B")) != NULL &&
             (ids.class_get_name = method_of(env, "java/lang/Class", "getName", "()Ljava/lang/String;")) != NULL &&
             (ids.throwable_get_message = method_of(env, "java/lang/Throwable", "getMessage", "()Ljava/lang/String;")) != NULL &&
             (ids.throwable_print_stack_trace =
                  method_of(env, "java/lang/Throwable", "printStackTrace", "(Ljava/io/PrintWriter;)V")) != NULL &&
             (ids.object_to_string = method_of(env, "java/lang/Object", "toString", "()Ljava/lang/String;")) != NULL &&
             (ids.string_writer_class = jbi_global_class(env, "java/io/StringWriter")) != NULL &&
             (ids.string_writer_init = (*env)->GetMethodID(env, ids.string_writer_class, "<init>", "()V")) != NULL &&
             (ids.print_writer_class = jbi_global_class(env, "java/io/PrintWriter")) != NULL &&
             (ids.print_writer_init = (*env)->GetMethodID(env, ids.print_writer_class, "<init>", "(Ljava/io/Writer;)V")) != NULL;
    if (!ok) {
        (*env)->ExceptionClear(env);
        jclass globals[] = {ids.string_class, ids.byte_array_class, ids.string_writer_class, ids.print_writer_class};
        for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
            if (globals[i] != NULL) {
                (*env)->DeleteGlobalRef(env, globals[i]);
            }
        }
        return jbi_fail(JB_EINTERNAL, "the JVM lacks a java.lang/java.io class or method javabridge needs");
    }
    if (jbi_ext_ids_load(env) != JB_OK) {
        jclass globals[] = {ids.string_class, ids.byte_array_class, ids.string_writer_class, ids.print_writer_class};
        for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
            (*env)->DeleteGlobalRef(env, globals[i]);
        }
        return jbi_fail(JB_EINTERNAL, "the JVM lacks an array or reflection class javabridge needs");
    }
    jbi_java = ids;
    ids_ready = 1;
    return JB_OK;
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

/* Finds JNI_GetCreatedJavaVMs: in the process already (a Java launcher, or an earlier load),
 * else through discovery, which also gives JNI_CreateJavaVM. */
static int find_jvm_functions(const jb_vm_options *o, created_fn *created, create_fn *create) {
    *created = (created_fn)jbi_loaded_symbol(JBI_JVM_MODULE, "JNI_GetCreatedJavaVMs");
    *create = (create_fn)jbi_loaded_symbol(JBI_JVM_MODULE, "JNI_CreateJavaVM");
    if (*created != NULL && *create != NULL) {
        return JB_OK;
    }
    if (o->mode == JB_VM_JOIN) {
        return jbi_fail(JB_EVM_NONE, "JB_VM_JOIN: no JVM runs in this process (libjvm is not even loaded)");
    }
    jbi_search search;
    jbi_search_defaults(&search, o->jvm_path);
    jbi_candidates candidates;
    int listed = jbi_jvm_candidates(&search, &candidates);
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
        return jbi_fail(JB_ENOJVM, "no usable libjvm; tried:\n%s", report);
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

static int create_vm(const jb_vm_options *o, create_fn create) {
    char *class_path = NULL;
    size_t bad = 0;
    int cp = jbi_classpath_build(o->class_path, o->class_path_count, &class_path, &bad);
    if (cp == JBI_CP_NOMEM) {
        return jbi_fail(JB_ENOMEM, "no memory for the class path");
    }
    if (cp != JBI_CP_OK) {
        return jbi_fail(JB_EINVAL, "class path entry %zu (\"%s\") %s", bad,
                        o->class_path[bad] != NULL ? o->class_path[bad] : "(null)",
                        cp == JBI_CP_NODIR ? "names a directory that cannot be listed"
                                           : "is NULL, empty or contains the separator '" JBI_PATH_LIST_SEP_STR "'");
    }
    size_t n = o->jvm_option_count + 1;
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
    for (size_t i = 0; i < o->jvm_option_count; i++) {
        vm_options[i + 1].optionString = (char *)o->jvm_options[i];
    }
    JavaVMInitArgs args;
    args.version = JNI_VERSION_1_8;
    args.nOptions = (jint)n;
    args.options = vm_options;
    args.ignoreUnrecognized = o->ignore_unrecognized ? JNI_TRUE : JNI_FALSE;
    JavaVM *created = NULL;
    JNIEnv *env = NULL;
    jint r = create(&created, (void **)&env, &args);
    free(cp_option);
    free(vm_options);
    if (r != JNI_OK) {
        if (r == JNI_EEXIST) {
            return jbi_fail(JB_EVM_EXISTS, "JNI_CreateJavaVM: a JVM already exists in this process");
        }
        return jbi_fail(JB_EVM_CREATE, "JNI_CreateJavaVM failed with %d%s", (int)r,
                        r == JNI_EINVAL ? " (invalid arguments: an unrecognised JVM option?)"
                        : r == JNI_ENOMEM ? " (not enough memory)"
                        : r == JNI_ERR ? " (a JVM was created and destroyed earlier in this process, or startup failed)"
                                       : "");
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
    if (!ids_ready && (rc = load_ids(env)) != JB_OK) {
        return rc;
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
    jbi_handles_set_destroy(jbi_destroy_handle);
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

typedef struct destroyer {
    pthread_mutex_t lock;
    pthread_cond_t done_cond;
    int done;
    int abandoned; /* the closer gave up waiting; the thread frees this */
    JavaVM *vm;
    jint result;
} destroyer;

static void *destroy_main(void *arg) {
    destroyer *d = arg;
    jint r = (*d->vm)->DestroyJavaVM(d->vm);
    pthread_mutex_lock(&d->lock);
    d->result = r;
    d->done = 1;
    int abandoned = d->abandoned;
    pthread_cond_signal(&d->done_cond);
    pthread_mutex_unlock(&d->lock);
    if (abandoned) {
        pthread_mutex_destroy(&d->lock);
        pthread_cond_destroy(&d->done_cond);
        free(d);
    }
    return NULL;
}

static void deadline_after(struct timespec *ts, uint32_t ms) {
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += (time_t)(ms / 1000);
    ts->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Runs DestroyJavaVM on its own thread so that a JVM waiting forever for a non-daemon thread
 * cannot hold the caller: after the timeout the caller gets JB_ETIMEDOUT and the destroyer is
 * left to finish (or not) on its own. */
static int destroy_vm(void) {
    destroyer *d = calloc(1, sizeof *d);
    if (d == NULL) {
        return jbi_fail(JB_ENOMEM, "jb_vm_close: no memory to destroy the JVM");
    }
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->done_cond, NULL);
    d->vm = jvm;
    pthread_t thread;
    if (pthread_create(&thread, NULL, destroy_main, d) != 0) {
        pthread_mutex_destroy(&d->lock);
        pthread_cond_destroy(&d->done_cond);
        free(d);
        return jbi_fail(JB_EINTERNAL, "jb_vm_close: could not start the thread that destroys the JVM");
    }
    struct timespec deadline;
    deadline_after(&deadline, destroy_timeout_ms);
    pthread_mutex_lock(&d->lock);
    int wait_rc = 0;
    while (!d->done && wait_rc != ETIMEDOUT) {
        wait_rc = pthread_cond_timedwait(&d->done_cond, &d->lock, &deadline);
    }
    int done = d->done;
    jint result = d->result;
    if (!done) {
        d->abandoned = 1;
    }
    pthread_mutex_unlock(&d->lock);
    if (!done) {
        pthread_detach(thread);
        jbi_log(JB_LOG_WARN, "DestroyJavaVM did not finish within %u ms: a non-daemon Java thread is still running",
                (unsigned)destroy_timeout_ms);
        return jbi_fail(JB_ETIMEDOUT,
                        "jb_vm_close: DestroyJavaVM did not finish within %u ms (a non-daemon Java thread, or a thread "
                        "attached by someone else that exited without detaching, keeps the JVM alive)",
                        (unsigned)destroy_timeout_ms);
    }
    pthread_join(thread, NULL);
    pthread_mutex_destroy(&d->lock);
    pthread_cond_destroy(&d->done_cond);
    free(d);
    jbi_log(JB_LOG_INFO, "destroyed the JVM (DestroyJavaVM returned %d)", (int)result);
    return result == JNI_OK ? JB_OK : jbi_fail(JB_EINTERNAL, "DestroyJavaVM returned %d", (int)result);
}

/* Waits for the calls under way, generic and fast, on other threads (this one may be inside
 * a call of its own: it cannot wait for itself). */
static void wait_for_calls(uint32_t ms) {
    struct timespec step = {0, 1000000L};
    jbi_thread *self = jbi_thread_self();
    /* depth counts this thread's fast call too, which in_flight does not */
    long own = self != NULL ? self->depth - (__atomic_load_n(&self->busy, __ATOMIC_RELAXED) != 0) : 0;
    for (uint32_t waited = 0; (atomic_load(&in_flight) > own || jbi_busy_scan(0, self)) && waited < ms; waited++) {
        nanosleep(&step, NULL);
    }
}

static void release_ids(void) {
    JNIEnv *env = jbi_env_for_cleanup();
    if (env != NULL) {
        jclass globals[] = {jbi_java.string_class, jbi_java.byte_array_class, jbi_java.string_writer_class,
                            jbi_java.print_writer_class};
        for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
            (*env)->DeleteGlobalRef(env, globals[i]);
        }
    }
    jbi_ext_ids_release(env);
    memset(&jbi_java, 0, sizeof jbi_java);
    ids_ready = 0;
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
    wait_for_calls(destroy_timeout_ms);
    /* Global references go while the JVM certainly still exists. */
    jbi_handles_remove_all(JBI_HANDLE_METHOD);
    jbi_handles_remove_all(JBI_HANDLE_OBJECT);
    int rc = JB_OK;
    jbi_thread *t = jbi_thread_self();
    JNIEnv *env = NULL;
    int java_thread = t != NULL && !t->attached_by_us && jvm != NULL &&
                      (*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION_1_8) == JNI_OK;
    if (created_by_us && destroy_on_close && !java_thread) {
        release_ids();
        if (t != NULL && t->attached_by_us && t->vm_epoch == atomic_load(&jbi_vm_epoch)) {
            /* detach_if_ours refuses while closing (for threads exiting meanwhile); this one is ours. */
            (*jvm)->DetachCurrentThread(jvm);
            t->attached_by_us = 0;
            t->env = NULL;
        }
        rc = destroy_vm();
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
