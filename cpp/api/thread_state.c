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
#if defined(__GNUC__) && defined(__ELF__)
__thread jbi_thread *jbi_thread_current __attribute__((tls_model("initial-exec")));
#else
__thread jbi_thread *jbi_thread_current;
#endif
static jbi_thread_exit_fn exit_hook;
static pthread_mutex_t hook_lock = PTHREAD_MUTEX_INITIALIZER;

/* Every live state, so that jbi_busy_scan can read each thread's busy word. */
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static jbi_thread *registry;

int jbi_busy_asymmetric;
static pthread_once_t busy_once = PTHREAD_ONCE_INIT;

static void register_state(jbi_thread *t) {
    pthread_mutex_lock(&registry_lock);
    t->reg_prev = NULL;
    t->reg_next = registry;
    if (registry != NULL) {
        registry->reg_prev = t;
    }
    registry = t;
    pthread_mutex_unlock(&registry_lock);
}

static void unregister_state(jbi_thread *t) {
    pthread_mutex_lock(&registry_lock);
    if (t->reg_prev != NULL) {
        t->reg_prev->reg_next = t->reg_next;
    } else if (registry == t) {
        registry = t->reg_next;
    }
    if (t->reg_next != NULL) {
        t->reg_next->reg_prev = t->reg_prev;
    }
    t->reg_prev = t->reg_next = NULL;
    pthread_mutex_unlock(&registry_lock);
}

static void find_process_barrier(void) {
    __atomic_store_n(&jbi_busy_asymmetric, jbi_process_barrier_init(), __ATOMIC_SEQ_CST);
}

void jbi_busy_init(void) { pthread_once(&busy_once, find_process_barrier); }

int jbi_busy_scan(uintptr_t token, const jbi_thread *except) {
    if (__atomic_load_n(&jbi_busy_asymmetric, __ATOMIC_SEQ_CST)) {
        jbi_process_barrier();
    } else {
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    }
    int found = 0;
    pthread_mutex_lock(&registry_lock);
    for (jbi_thread *t = registry; t != NULL && !found; t = t->reg_next) {
        uintptr_t b = __atomic_load_n(&t->busy, __ATOMIC_ACQUIRE);
        found = t != except && b != 0 && (token == 0 || b == token);
    }
    pthread_mutex_unlock(&registry_lock);
    return found;
}

void jbi_natives_busy_collect(uint64_t out[JBI_NATIVES_WORDS]) {
    if (__atomic_load_n(&jbi_busy_asymmetric, __ATOMIC_SEQ_CST)) {
        jbi_process_barrier();
    } else {
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    }
    for (size_t w = 0; w < JBI_NATIVES_WORDS; w++) out[w] = 0;
    pthread_mutex_lock(&registry_lock);
    for (jbi_thread *t = registry; t != NULL; t = t->reg_next) {
        for (size_t w = 0; w < JBI_NATIVES_WORDS; w++) out[w] |= __atomic_load_n(&t->natives_busy[w], __ATOMIC_ACQUIRE);
    }
    pthread_mutex_unlock(&registry_lock);
}

void jbi_thread_clear_java(jbi_thread *t) {
    free(t->java_class);
    free(t->java_message);
    free(t->stack_trace);
    t->java_class = t->java_message = t->stack_trace = NULL;
    t->java_message_len = 0;
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
    unregister_state(t);
    if (jbi_thread_current == t) {
        jbi_thread_current = NULL;
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

jbi_thread *jbi_thread_create_self(void) {
    if (jbi_thread_current != NULL) {
        return jbi_thread_current;
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
    register_state(t);
    jbi_thread_current = t;
    return t;
}
