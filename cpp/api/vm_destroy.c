/*
 * DestroyJavaVM with a time limit: it runs on a thread of its own, because it waits for every
 * non-daemon Java thread, forever if one never ends, and a C caller must get its answer.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "javabridge/errors.h"
#include "last_error.h"
#include "vm_destroy.h"

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

void jbi_deadline_after(struct timespec *ts, uint32_t ms) {
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
int jbi_vm_destroy(JavaVM *jvm, uint32_t timeout_ms) {
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
    jbi_deadline_after(&deadline, timeout_ms);
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
                (unsigned)timeout_ms);
        return jbi_fail(JB_ETIMEDOUT,
                        "jb_vm_close: DestroyJavaVM did not finish within %u ms (a non-daemon Java thread, or a thread "
                        "attached by someone else that exited without detaching, keeps the JVM alive)",
                        (unsigned)timeout_ms);
    }
    pthread_join(thread, NULL);
    pthread_mutex_destroy(&d->lock);
    pthread_cond_destroy(&d->done_cond);
    free(d);
    jbi_log(JB_LOG_INFO, "destroyed the JVM (DestroyJavaVM returned %d)", (int)result);
    return result == JNI_OK ? JB_OK : jbi_fail(JB_EINTERNAL, "DestroyJavaVM returned %d", (int)result);
}

uint32_t jbi_ms_until(const struct timespec *deadline) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long long ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
    return ms > 0 ? (uint32_t)ms : 0;
}
