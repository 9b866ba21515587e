/*
 * Generation-checked handle table (see handles.h).
 *
 * Acquire and release run on every call, so they take no lock: each slot's generation, kind,
 * live flag and user count share one atomic word, and a use begins with a compare-and-swap that
 * succeeds only while that word still names the token's generation and kind and is live. The
 * slot storage never moves (chunks of doubling size, never freed), so a reader can index it
 * without the lock. The mutex serialises only what changes the table's shape: adding, removing,
 * and the free list. Whoever takes the word to "removed, no users" (the remover, or the last
 * releaser) destroys the pointer, exactly once.
 *
 * Fast calls use a method without the compare-and-swap (jbi_handles_peek): they publish the
 * token in their thread's busy word instead. For such kinds the destroyer asks the in-use check
 * first and, while some thread still uses the handle, keeps it aside on a deferred list (its slot
 * not reused, so the token stays refused) that later removes retry.
 */
#include "handles.h"

#include <pthread.h>
#include <stdatomic.h>
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
#define KIND_BITS JBI_HANDLE_KIND_BITS
#define KIND_MASK ((unsigned)JBI_HANDLE_KINDS - 1u)
/* A token's index field (between the kind and the generation) must hold every slot index + 1. */
_Static_assert(((size_t)1 << (GEN_SHIFT - KIND_BITS)) > MAX_SLOTS, "the token's index field holds MAX_SLOTS");

/* The state word: generation (bits 32-63), kind (29-31), live (28), users (0-27). A use is
 * still one compare-and-swap on this word; the wider kind only narrows the user count, which
 * no workload comes near (2^28 - 1 threads holding one handle at once). */
#define ST_USERS ((uint64_t)0x0FFFFFFF)
#define ST_LIVE ((uint64_t)1 << 28)
_Static_assert(ST_USERS == JBI_HANDLE_USERS_MASK, "handles.h names the user count's bits");
#define ST_KIND_SHIFT 29
#define ST_GEN_SHIFT 32
_Static_assert(ST_KIND_SHIFT + KIND_BITS == ST_GEN_SHIFT, "kind bits sit between live and generation");

/* Chunk k holds FIRST_CHUNK << k slots; 23 chunks cover MAX_SLOTS on 64-bit. */
#define FIRST_CHUNK_BITS 6
#define CHUNKS 32

typedef struct slot {
    _Atomic uint64_t state;
    void *ptr;          /* written only while no acquire can succeed (before the live store) */
    uint8_t in_use;     /* 0 when on the free list; lock held */
    size_t next_free;   /* the free list's or the deferred list's link; lock held */
} slot;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static slot *_Atomic chunks[CHUNKS];
static _Atomic size_t slot_count; /* slots below this index exist; grows under the lock */
static size_t free_head = SIZE_MAX;
static size_t live_count[JBI_HANDLE_KINDS];
static jbi_handle_destroy_fn destroy_fn;
static jbi_handle_destroy_fn kind_destroy_fn[JBI_HANDLE_KINDS]; /* per kind, before destroy_fn */
static jbi_handle_in_use_fn in_use_fn[JBI_HANDLE_KINDS];
static size_t deferred_head = SIZE_MAX; /* removed, unheld, but a thread may still use them */
static size_t deferred_count;

void jbi_handles_set_in_use_check(jbi_handle_kind kind, jbi_handle_in_use_fn fn) {
    pthread_mutex_lock(&lock);
    in_use_fn[kind] = fn;
    pthread_mutex_unlock(&lock);
}

void jbi_handles_set_kind_destroy(jbi_handle_kind kind, jbi_handle_destroy_fn fn) {
    pthread_mutex_lock(&lock);
    kind_destroy_fn[kind] = fn;
    pthread_mutex_unlock(&lock);
}

void jbi_handles_set_destroy(jbi_handle_destroy_fn fn) {
    pthread_mutex_lock(&lock);
    destroy_fn = fn;
    pthread_mutex_unlock(&lock);
}

static unsigned floor_log2(size_t v) {
#if defined(__GNUC__)
    return (unsigned)(sizeof(unsigned long long) * 8 - 1) - (unsigned)__builtin_clzll((unsigned long long)v);
#else
    unsigned r = 0;
    while (v >>= 1) r++;
    return r;
#endif
}

/* The chunk and offset of a slot index: chunk k starts at index (FIRST_CHUNK << k) - FIRST_CHUNK. */
static unsigned chunk_of(size_t index, size_t *offset) {
    unsigned k = floor_log2((index >> FIRST_CHUNK_BITS) + 1);
    *offset = index - ((((size_t)1 << k) - 1) << FIRST_CHUNK_BITS);
    return k;
}

static slot *slot_at(size_t index) {
    size_t offset;
    unsigned k = chunk_of(index, &offset);
    return &atomic_load_explicit(&chunks[k], memory_order_acquire)[offset];
}

static uint64_t live_word(uint32_t gen, jbi_handle_kind kind) {
    return ((uint64_t)gen << ST_GEN_SHIFT) | ((uint64_t)kind << ST_KIND_SHIFT) | ST_LIVE;
}

static uintptr_t encode(size_t index, uint32_t gen, jbi_handle_kind kind) {
    return ((uintptr_t)(gen & GEN_MASK) << GEN_SHIFT) | ((uintptr_t)(index + 1) << KIND_BITS) | (uintptr_t)kind;
}

/*
 * The slot a token's index names, if it exists and the token's kind is the one asked for, and
 * the live state word that token would match. Touches nothing but existing slots: a forged
 * token is never dereferenced beyond the table.
 */
static slot *decode(uintptr_t token, jbi_handle_kind kind, size_t *index, uint64_t *expect) {
    if (token == 0 || (token & KIND_MASK) != (uintptr_t)kind) {
        return NULL;
    }
    uintptr_t idx1 = (token >> KIND_BITS) & (((uintptr_t)1 << (GEN_SHIFT - KIND_BITS)) - 1);
    if (idx1 == 0 || idx1 > atomic_load_explicit(&slot_count, memory_order_acquire)) {
        return NULL;
    }
    *index = (size_t)(idx1 - 1);
    *expect = live_word((uint32_t)((token >> GEN_SHIFT) & GEN_MASK), kind);
    return slot_at(*index);
}

/* Returns a slot whose last user has gone to the free list; lock held. */
static void recycle(size_t index) {
    slot *s = slot_at(index);
    s->in_use = 0;
    s->ptr = NULL;
    s->next_free = free_head;
    free_head = index;
}

/* A new slot at the end of the table, allocating its chunk when it is the first; lock held. */
static int grow(size_t *index) {
    size_t n = atomic_load_explicit(&slot_count, memory_order_relaxed);
    if (n >= MAX_SLOTS) {
        return JBI_H_NOMEM;
    }
    size_t offset;
    unsigned k = chunk_of(n, &offset);
    if (offset == 0) {
        slot *chunk = calloc((size_t)1 << (FIRST_CHUNK_BITS + k), sizeof *chunk);
        if (chunk == NULL) {
            return JBI_H_NOMEM;
        }
        atomic_store_explicit(&chunks[k], chunk, memory_order_release);
    }
    *index = n;
    return JBI_H_OK;
}

int jbi_handles_add(jbi_handle_kind kind, void *ptr, uintptr_t *token) {
    pthread_mutex_lock(&lock);
    size_t index;
    int grew = 0;
    if (free_head != SIZE_MAX) {
        index = free_head;
        free_head = slot_at(index)->next_free;
    } else {
        if (grow(&index) != JBI_H_OK) {
            pthread_mutex_unlock(&lock);
            return JBI_H_NOMEM;
        }
        grew = 1;
    }
    slot *s = slot_at(index);
    uint64_t old = atomic_load_explicit(&s->state, memory_order_relaxed);
    uint32_t gen = (uint32_t)((old >> ST_GEN_SHIFT) + 1) & GEN_MASK;
    if (gen == 0) {
        gen = 1;
    }
    s->ptr = ptr;
    s->in_use = 1;
    /* Publishes ptr to every acquire that matches the new word. */
    atomic_store_explicit(&s->state, live_word(gen, kind), memory_order_release);
    if (grew) {
        atomic_store_explicit(&slot_count, index + 1, memory_order_release);
    }
    live_count[kind]++;
    *token = encode(index, gen, kind);
    pthread_mutex_unlock(&lock);
    return JBI_H_OK;
}

int jbi_handles_acquire(uintptr_t token, jbi_handle_kind kind, void **ptr) {
    size_t index;
    uint64_t expect;
    slot *s = decode(token, kind, &index, &expect);
    if (s == NULL) {
        return JBI_H_BAD;
    }
    uint64_t st = atomic_load_explicit(&s->state, memory_order_relaxed);
    do {
        if ((st & ~ST_USERS) != expect || (st & ST_USERS) == ST_USERS) {
            return JBI_H_BAD;
        }
    } while (!atomic_compare_exchange_weak_explicit(&s->state, &st, st + 1, memory_order_acquire,
                                                    memory_order_relaxed));
    *ptr = s->ptr;
    return JBI_H_OK;
}

static uint32_t gen_of(const slot *s) {
    return (uint32_t)(atomic_load_explicit(&s->state, memory_order_relaxed) >> ST_GEN_SHIFT);
}

/*
 * Takes the slot (removed, no users left) to the free list and destroys its pointer, or, while
 * a thread still uses it without holding it, puts it on the deferred list.
 */
static void destroy_removed(size_t index, jbi_handle_kind kind) {
    pthread_mutex_lock(&lock);
    slot *s = slot_at(index);
    jbi_handle_in_use_fn in_use = in_use_fn[kind];
    if (in_use != NULL && in_use(encode(index, gen_of(s), kind))) {
        s->next_free = deferred_head;
        deferred_head = index;
        deferred_count++;
        pthread_mutex_unlock(&lock);
        return;
    }
    void *doomed = s->ptr;
    recycle(index);
    jbi_handle_destroy_fn fn = kind_destroy_fn[kind] != NULL ? kind_destroy_fn[kind] : destroy_fn;
    pthread_mutex_unlock(&lock);
    if (doomed != NULL && fn != NULL) {
        fn(kind, doomed);
    }
}

/* Destroys the deferred handles no thread uses any more, one at a time (the destroy function
 * runs unlocked and may use the table). */
static void retry_deferred(void) {
    for (;;) {
        void *doomed = NULL;
        jbi_handle_kind kind = JBI_HANDLE_VM;
        pthread_mutex_lock(&lock);
        for (size_t *link = &deferred_head; *link != SIZE_MAX; link = &slot_at(*link)->next_free) {
            size_t index = *link;
            slot *s = slot_at(index);
            kind = (jbi_handle_kind)((atomic_load_explicit(&s->state, memory_order_relaxed) >> ST_KIND_SHIFT) & KIND_MASK);
            if (!in_use_fn[kind](encode(index, gen_of(s), kind))) {
                *link = s->next_free;
                deferred_count--;
                doomed = s->ptr;
                recycle(index);
                break;
            }
        }
        jbi_handle_destroy_fn fn = kind_destroy_fn[kind] != NULL ? kind_destroy_fn[kind] : destroy_fn;
        pthread_mutex_unlock(&lock);
        if (doomed == NULL) {
            return;
        }
        if (fn != NULL) {
            fn(kind, doomed);
        }
    }
}

size_t jbi_handles_deferred(void) {
    pthread_mutex_lock(&lock);
    size_t n = deferred_count;
    pthread_mutex_unlock(&lock);
    return n;
}

void *jbi_handles_peek(uintptr_t token, jbi_handle_kind kind) {
    size_t index;
    uint64_t expect;
    slot *s = decode(token, kind, &index, &expect);
    if (s == NULL || (atomic_load_explicit(&s->state, memory_order_acquire) & ~ST_USERS) != expect) {
        return NULL;
    }
    return s->ptr;
}

void *jbi_handles_peek_ref(uintptr_t token, jbi_handle_kind kind, const void **state, uint64_t *expect) {
    size_t index;
    uint64_t want;
    slot *s = decode(token, kind, &index, &want);
    if (s == NULL || (atomic_load_explicit(&s->state, memory_order_acquire) & ~ST_USERS) != want) {
        return NULL;
    }
    *state = &s->state;
    *expect = want;
    return s->ptr;
}

void jbi_handles_release(uintptr_t token) {
    jbi_handle_kind kind = (jbi_handle_kind)(token & KIND_MASK);
    size_t index;
    uint64_t expect;
    slot *s = decode(token, kind, &index, &expect);
    if (s == NULL) {
        return;
    }
    uint64_t st = atomic_load_explicit(&s->state, memory_order_relaxed);
    do {
        /* Held, so the generation and kind are the token's; live or removed meanwhile. */
        if ((st & ~(ST_USERS | ST_LIVE)) != (expect & ~ST_LIVE) || (st & ST_USERS) == 0) {
            return;
        }
    } while (!atomic_compare_exchange_weak_explicit(&s->state, &st, st - 1, memory_order_acq_rel,
                                                    memory_order_relaxed));
    if ((st & ST_USERS) == 1 && (st & ST_LIVE) == 0) {
        destroy_removed(index, kind);
    }
}

/* Clears the live flag of the slot if it still holds expect's generation; lock held. Returns
 * JBI_H_BAD if it does not, else JBI_H_OK with *destroy_now set when no user remains. */
static int remove_locked(slot *s, uint64_t expect, int *destroy_now) {
    uint64_t st = atomic_load_explicit(&s->state, memory_order_relaxed);
    do {
        if ((st & ~ST_USERS) != expect) {
            return JBI_H_BAD;
        }
    } while (!atomic_compare_exchange_weak_explicit(&s->state, &st, st & ~ST_LIVE, memory_order_acq_rel,
                                                    memory_order_relaxed));
    live_count[(st >> ST_KIND_SHIFT) & KIND_MASK]--;
    *destroy_now = (st & ST_USERS) == 0;
    return JBI_H_OK;
}

int jbi_handles_remove(uintptr_t token, jbi_handle_kind kind) {
    size_t index;
    uint64_t expect;
    retry_deferred();
    pthread_mutex_lock(&lock);
    slot *s = decode(token, kind, &index, &expect);
    int destroy_now = 0;
    if (s == NULL || remove_locked(s, expect, &destroy_now) != JBI_H_OK) {
        pthread_mutex_unlock(&lock);
        return JBI_H_BAD;
    }
    pthread_mutex_unlock(&lock);
    if (destroy_now) {
        destroy_removed(index, kind);
    }
    return JBI_H_OK;
}

size_t jbi_handles_remove_all(jbi_handle_kind kind) {
    size_t removed = 0;
    size_t next = 0;
    retry_deferred();
    for (;;) {
        /* One at a time: the destroy function runs unlocked and may itself use the table. */
        int found = 0, destroy_now = 0;
        size_t index = 0;
        pthread_mutex_lock(&lock);
        size_t n = atomic_load_explicit(&slot_count, memory_order_relaxed);
        for (; next < n; next++) {
            slot *s = slot_at(next);
            uint64_t st = atomic_load_explicit(&s->state, memory_order_relaxed);
            if (s->in_use && (st & ST_LIVE) && ((st >> ST_KIND_SHIFT) & KIND_MASK) == (uint64_t)kind &&
                remove_locked(s, st & ~ST_USERS, &destroy_now) == JBI_H_OK) {
                index = next++;
                found = 1;
                break;
            }
        }
        pthread_mutex_unlock(&lock);
        if (!found) {
            return removed;
        }
        removed++;
        if (destroy_now) {
            destroy_removed(index, kind);
        }
    }
}

size_t jbi_handles_count(jbi_handle_kind kind) {
    pthread_mutex_lock(&lock);
    size_t n = live_count[kind];
    pthread_mutex_unlock(&lock);
    return n;
}
