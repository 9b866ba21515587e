/*
 * The callback registry: tokens (slot + generation) rather than pointers cross into C, so a C
 * library that keeps a user data pointer past its owner's close reaches a stale slot, which is
 * refused, instead of freed memory. The lock is a spin flag held for a few instructions only,
 * never across a JNI call, and needs no platform threads library (mingw, macOS, Linux alike).
 */
#include "kit_state.h"

#include <stdatomic.h>

#define SLOT_BITS 10 /* 1 << SLOT_BITS == JBK_CALLBACK_SLOTS */

typedef struct slot {
    uintptr_t generation; /* bumped at every open; 0 never names a live slot */
    jobject target;       /* global reference, or NULL when free */
    jthrowable thrown;    /* global reference to the first exception, or NULL */
    int open;             /* 1 from open to close */
    int busy;             /* calls between enter and leave */
} slot;

static slot slots[JBK_CALLBACK_SLOTS];
static atomic_flag lock = ATOMIC_FLAG_INIT;

_Static_assert((1 << SLOT_BITS) == JBK_CALLBACK_SLOTS, "SLOT_BITS must match JBK_CALLBACK_SLOTS");

static void acquire(void) {
    while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire)) {
    }
}

static void release(void) {
    atomic_flag_clear_explicit(&lock, memory_order_release);
}

static void *token_of(int index, uintptr_t generation) {
    return (void *)((generation << SLOT_BITS) | (uintptr_t)index);
}

/* The slot a token names while it is open, or -1; call with the lock held. */
static int live(void *user_data) {
    uintptr_t t = (uintptr_t)user_data;
    int index = (int)(t & (JBK_CALLBACK_SLOTS - 1));
    uintptr_t generation = t >> SLOT_BITS;
    if (generation == 0 || !slots[index].open || slots[index].generation != generation) {
        return -1;
    }
    return index;
}

int jbk_callback_open(JNIEnv *env, jobject target, void **user_data, const char *what) {
    if (target == NULL) {
        return jbk_throw(env, JBK_NULL_POINTER, "%s is null", what);
    }
    jobject global = (*env)->NewGlobalRef(env, target);
    if (global == NULL) {
        return jbk_throw(env, JBK_OUT_OF_MEMORY, "%s: no global reference", what);
    }
    acquire();
    for (int i = 0; i < JBK_CALLBACK_SLOTS; i++) {
        slot *s = &slots[i];
        if (s->target == NULL) {
            /* Generations stay within the bits a pointer has above the slot number. */
            s->generation = (s->generation + 1) & (UINTPTR_MAX >> SLOT_BITS);
            if (s->generation == 0) {
                s->generation = 1;
            }
            s->target = global;
            s->thrown = NULL;
            s->open = 1;
            s->busy = 0;
            *user_data = token_of(i, s->generation);
            release();
            return 0;
        }
    }
    release();
    (*env)->DeleteGlobalRef(env, global);
    return jbk_throw(env, JBK_ILLEGAL_STATE, "%s: more than %d callbacks open at once", what, JBK_CALLBACK_SLOTS);
}

/* Frees a closed slot that no call is inside; call with the lock held. Returns what to delete. */
static jobject reclaim(slot *s, jthrowable *thrown) {
    jobject target = NULL;
    *thrown = NULL;
    if (!s->open && s->busy == 0 && s->target != NULL) {
        target = s->target;
        *thrown = s->thrown;
        s->target = NULL;
        s->thrown = NULL;
    }
    return target;
}

/* One call less inside slot index; frees the slot if it was closed meanwhile (leaking its references
 * only when there is no JNIEnv to delete them with, which only a failed attach leaves). */
static void unbusy(JNIEnv *env, int index) {
    acquire();
    slots[index].busy--;
    jthrowable thrown;
    jobject target = env != NULL ? reclaim(&slots[index], &thrown) : NULL;
    release();
    if (target != NULL) {
        (*env)->DeleteGlobalRef(env, target);
        if (thrown != NULL) {
            (*env)->DeleteGlobalRef(env, thrown);
        }
    }
}

int jbk_callback_enter(void *user_data, jbk_callback_call *call) {
    JavaVM *vm = jbk_vm();
    if (vm == NULL) {
        return -1;
    }
    acquire();
    int index = live(user_data);
    if (index < 0 || slots[index].thrown != NULL) {
        release();
        return -1;
    }
    slots[index].busy++;
    call->target = slots[index].target;
    release();
    call->slot = index;
    call->attached = 0;
    void *env = NULL;
    jint rc = (*vm)->GetEnv(vm, &env, JNI_VERSION_1_8);
    if (rc == JNI_EDETACHED) {
        rc = (*vm)->AttachCurrentThreadAsDaemon(vm, &env, NULL);
        call->attached = rc == JNI_OK;
    }
    /* A thread with an exception pending must make no Java call: refused like a callback that threw. */
    if (rc != JNI_OK || (*(JNIEnv *)env)->ExceptionCheck(env)) {
        unbusy(rc == JNI_OK ? env : NULL, index);
        if (call->attached) {
            (*vm)->DetachCurrentThread(vm);
        }
        return -1;
    }
    call->env = env;
    return 0;
}

int jbk_callback_leave(jbk_callback_call *call) {
    JNIEnv *env = call->env;
    jthrowable thrown = (*env)->ExceptionOccurred(env);
    jthrowable global = NULL;
    if (thrown != NULL) {
        (*env)->ExceptionClear(env);
        global = (*env)->NewGlobalRef(env, thrown);
        (*env)->DeleteLocalRef(env, thrown);
    }
    acquire();
    slot *s = &slots[call->slot];
    if (global != NULL && s->thrown == NULL && s->open) {
        s->thrown = global;
        global = NULL;
    }
    release();
    if (global != NULL) {
        (*env)->DeleteGlobalRef(env, global); /* a later exception of the same callback: the first wins */
    }
    int failed = thrown != NULL;
    unbusy(env, call->slot);
    if (call->attached) {
        JavaVM *vm = jbk_vm();
        (*vm)->DetachCurrentThread(vm);
    }
    return failed ? -1 : 0;
}

int jbk_callback_close(JNIEnv *env, void *user_data) {
    acquire();
    int index = live(user_data);
    if (index < 0) {
        release();
        return 0;
    }
    slot *s = &slots[index];
    s->open = 0;
    jthrowable thrown = s->thrown;
    s->thrown = NULL;
    jthrowable unused;
    jobject target = reclaim(s, &unused);
    release();
    if (target != NULL) {
        (*env)->DeleteGlobalRef(env, target);
    }
    if (thrown == NULL) {
        return 0;
    }
    jthrowable local = (*env)->NewLocalRef(env, thrown);
    (*env)->DeleteGlobalRef(env, thrown);
    if (local == NULL || (*env)->Throw(env, local) != 0) {
        return jbk_throw(env, JBK_ILLEGAL_STATE, "a callback failed and its exception could not be rethrown");
    }
    return -1;
}
