/*
 * Destroying the JVM within a time limit, and the deadlines jb_vm_close counts in.
 */
#ifndef JB_API_VM_DESTROY_H
#define JB_API_VM_DESTROY_H

#include <jni.h>
#include <stdint.h>
#include <time.h>

/* CLOCK_REALTIME now plus ms (pthread_cond_timedwait's clock). */
void jbi_deadline_after(struct timespec *ts, uint32_t ms);

/* Milliseconds left until deadline; 0 once it has passed. */
uint32_t jbi_ms_until(const struct timespec *deadline);

/*
 * Calls DestroyJavaVM on a new thread and waits at most timeout_ms: JB_OK, JB_ETIMEDOUT (the
 * thread is left to finish on its own), JB_ENOMEM or JB_EINTERNAL, with the last error set.
 * The calling thread must not be attached.
 */
int jbi_vm_destroy(JavaVM *jvm, uint32_t timeout_ms);

#endif
