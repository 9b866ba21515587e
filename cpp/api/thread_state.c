/*
 * Per-thread state (see thread_state.h). The platform key's thread-exit destructor (a pthread
 * key on POSIX, a fibre-local storage callback on Windows) is the only place a thread is
 * detached automatically, so a C thread that exits without saying goodbye does not leave the
 * JVM waiting for it.
 */
#include "thread_state.h"

#include <pthread.h>
#include <stdlib.h>

#include "jbi_platform.h"

static jbi_tls_key key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_ok;
/* initial-exec: one %fs-relative load on every call instead of __tls_get_addr (the library is
 * small and loaded at start-up or by dlopen, where glibc's static TLS reserve covers a pointer). */
#if defined(__GNUC__) && defined(__ELF__)
static _Thread_local jbi_thread *self __attribute__((tls_model("initial-exec")));
#else
static _Thread_local jbi_thread *self;
#endif
static jbi_thread_exit_fn exit_hook;
static pthread_mutex_t hook_lock = PTHREAD_MUTEX_INITIALIZER;

void jbi_thread_clear_java(jbi_thread *t) {
    free(t->java_class);
    free(t->java_message);
    free(t->stack_trace);
    t->java_class = t->java_message = t->stack_trace = NULL;
}

/* Called with the thread's value as it exits. POSIX has cleared the key by then; Windows
 * has not, but nothing reads it on a thread that is exiting. */
static void destroy(void *value) {
    jbi_thread *t = value;
    if (t == NULL) {
        return;
    }
    pthread_mutex_lock(&hook_lock);
    jbi_thread_exit_fn fn = exit_hook;
    pthread_mutex_unlock(&hook_lock);
    if (fn != NULL) {
        fn(t);
    }
    if (self == t) {
        self = NULL;
    }
    jbi_thread_clear_java(t);
    free(t);
}

static void make_key(void) {
    key_ok = jbi_tls_create(&key, destroy) == 0;
}

void jbi_thread_set_exit_hook(jbi_thread_exit_fn fn) {
    pthread_mutex_lock(&hook_lock);
    exit_hook = fn;
    pthread_mutex_unlock(&hook_lock);
}

void jbi_thread_state_shutdown(void) {
    /* The values FlsFree hands back belong to other threads too: free them, never detach. */
    jbi_thread_set_exit_hook(NULL);
    if (key_ok) {
        key_ok = 0;
        jbi_tls_delete(key);
    }
}

jbi_thread *jbi_thread_self(void) {
    if (self != NULL) {
        return self;
    }
    pthread_once(&key_once, make_key);
    if (!key_ok) {
        return NULL;
    }
    jbi_thread *t = calloc(1, sizeof *t);
    if (t == NULL) {
        return NULL;
    }
    if (jbi_tls_set(key, t) != 0) {
        free(t);
        return NULL;
    }
    self = t;
    return t;
}
