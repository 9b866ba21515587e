/*
 * Generation-checked handle table (see handles.h). One mutex: lookups are a few loads under
 * it, far cheaper than the JNI call each one guards.
 */
#include "handles.h"

#include <pthread.h>
#include <stdlib.h>

#if UINTPTR_MAX > 0xFFFFFFFFu
#define GEN_SHIFT 32
#define GEN_MASK 0xFFFFFFFFu
#define MAX_SLOTS ((size_t)1 << 28)
#else
#define GEN_SHIFT 24
#define GEN_MASK 0xFFu
#define MAX_SLOTS ((size_t)1 << 20)
#endif
#define KIND_BITS 2
#define KIND_MASK 3u

typedef struct slot {
    void *ptr;
    uint32_t gen;       /* bumped on removal; never 0 */
    uint32_t users;     /* acquires not yet released */
    uint8_t kind;
    uint8_t live;       /* 1 until removed */
    uint8_t in_use;     /* 0 when on the free list */
    size_t next_free;
} slot;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static slot *slots;
static size_t slot_count, slot_cap;
static size_t free_head = SIZE_MAX;
static size_t live_count[4];
static jbi_handle_destroy_fn destroy_fn;

void jbi_handles_set_destroy(jbi_handle_destroy_fn fn) {
    pthread_mutex_lock(&lock);
    destroy_fn = fn;
    pthread_mutex_unlock(&lock);
}

static uintptr_t encode(size_t index, uint32_t gen, jbi_handle_kind kind) {
    return ((uintptr_t)(gen & GEN_MASK) << GEN_SHIFT) | ((uintptr_t)(index + 1) << KIND_BITS) | (uintptr_t)kind;
}

/* Finds the slot a token names if it is in use with the same generation and kind; lock held. */
static slot *decode(uintptr_t token, jbi_handle_kind kind, size_t *index) {
    if (token == 0 || (token & KIND_MASK) != (uintptr_t)kind) {
        return NULL;
    }
    uintptr_t idx1 = (token >> KIND_BITS) & (((uintptr_t)1 << (GEN_SHIFT - KIND_BITS)) - 1);
    if (idx1 == 0 || idx1 > slot_count) {
        return NULL;
    }
    slot *s = &slots[idx1 - 1];
    if (!s->in_use || s->kind != (uint8_t)kind || s->gen != (uint32_t)((token >> GEN_SHIFT) & GEN_MASK)) {
        return NULL;
    }
    *index = (size_t)(idx1 - 1);
    return s;
}

/* Returns a slot whose last user has gone to the free list; lock held. */
static void recycle(size_t index) {
    slot *s = &slots[index];
    s->in_use = 0;
    s->ptr = NULL;
    s->next_free = free_head;
    free_head = index;
}

int jbi_handles_add(jbi_handle_kind kind, void *ptr, uintptr_t *token) {
    pthread_mutex_lock(&lock);
    size_t index;
    if (free_head != SIZE_MAX) {
        index = free_head;
        free_head = slots[index].next_free;
    } else {
        if (slot_count == slot_cap) {
            size_t cap = slot_cap ? slot_cap * 2 : 64;
            if (cap > MAX_SLOTS) {
                cap = MAX_SLOTS;
            }
            slot *grown = cap > slot_cap ? realloc(slots, cap * sizeof *slots) : NULL;
            if (grown == NULL) {
                pthread_mutex_unlock(&lock);
                return JBI_H_NOMEM;
            }
            slots = grown;
            slot_cap = cap;
        }
        index = slot_count++;
        slots[index].gen = 0;
    }
    slot *s = &slots[index];
    uint32_t gen = (s->gen + 1) & GEN_MASK;
    s->gen = gen == 0 ? 1 : gen;
    s->ptr = ptr;
    s->users = 0;
    s->kind = (uint8_t)kind;
    s->live = 1;
    s->in_use = 1;
    live_count[kind]++;
    *token = encode(index, s->gen, kind);
    pthread_mutex_unlock(&lock);
    return JBI_H_OK;
}

int jbi_handles_acquire(uintptr_t token, jbi_handle_kind kind, void **ptr) {
    pthread_mutex_lock(&lock);
    size_t index;
    slot *s = decode(token, kind, &index);
    if (s == NULL || !s->live) {
        pthread_mutex_unlock(&lock);
        return JBI_H_BAD;
    }
    s->users++;
    *ptr = s->ptr;
    pthread_mutex_unlock(&lock);
    return JBI_H_OK;
}

void jbi_handles_release(uintptr_t token) {
    void *doomed = NULL;
    jbi_handle_kind kind = (jbi_handle_kind)(token & KIND_MASK);
    jbi_handle_destroy_fn fn;
    pthread_mutex_lock(&lock);
    size_t index;
    slot *s = decode(token, kind, &index);
    if (s != NULL && s->users > 0 && --s->users == 0 && !s->live) {
        doomed = s->ptr;
        recycle(index);
    }
    fn = destroy_fn;
    pthread_mutex_unlock(&lock);
    if (doomed != NULL && fn != NULL) {
        fn(kind, doomed);
    }
}

/* Marks a slot removed; returns the pointer to destroy now, or NULL if users remain. Lock held. */
static void *remove_locked(size_t index) {
    slot *s = &slots[index];
    s->live = 0;
    live_count[s->kind]--;
    if (s->users > 0) {
        return NULL;
    }
    void *ptr = s->ptr;
    recycle(index);
    return ptr;
}

int jbi_handles_remove(uintptr_t token, jbi_handle_kind kind) {
    pthread_mutex_lock(&lock);
    size_t index;
    slot *s = decode(token, kind, &index);
    if (s == NULL || !s->live) {
        pthread_mutex_unlock(&lock);
        return JBI_H_BAD;
    }
    void *doomed = remove_locked(index);
    jbi_handle_destroy_fn fn = destroy_fn;
    pthread_mutex_unlock(&lock);
    if (doomed != NULL && fn != NULL) {
        fn(kind, doomed);
    }
    return JBI_H_OK;
}

size_t jbi_handles_remove_all(jbi_handle_kind kind) {
    size_t removed = 0;
    size_t next = 0;
    for (;;) {
        /* One at a time: the destroy function runs unlocked and may itself use the table. */
        void *doomed = NULL;
        int found = 0;
        pthread_mutex_lock(&lock);
        for (; next < slot_count; next++) {
            if (slots[next].in_use && slots[next].live && slots[next].kind == (uint8_t)kind) {
                doomed = remove_locked(next++);
                found = 1;
                break;
            }
        }
        jbi_handle_destroy_fn fn = destroy_fn;
        pthread_mutex_unlock(&lock);
        if (!found) {
            return removed;
        }
        removed++;
        if (doomed != NULL && fn != NULL) {
            fn(kind, doomed);
        }
    }
}

size_t jbi_handles_count(jbi_handle_kind kind) {
    pthread_mutex_lock(&lock);
    size_t n = live_count[kind];
    pthread_mutex_unlock(&lock);
    return n;
}
