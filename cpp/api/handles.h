/*
 * The handle table behind every opaque jb_ pointer (jb_vm, jb_method, jb_object), without JNI.
 * A handle is not an address: it encodes a slot index, the slot's generation and a kind, so a
 * forged, stale (freed) or wrong-kind handle is refused without ever being dereferenced, and a
 * freed slot is reused under a new generation. Each use holds the slot, so a handle freed while
 * other threads use it is destroyed by the last user, never under one.
 */
#ifndef JB_API_HANDLES_H
#define JB_API_HANDLES_H

#include <stddef.h>
#include <stdint.h>

typedef enum jbi_handle_kind {
    JBI_HANDLE_VM = 1,
    JBI_HANDLE_METHOD = 2,
    JBI_HANDLE_OBJECT = 3,
    JBI_HANDLE_FIELD = 4,
    JBI_HANDLE_LOADER = 5
} jbi_handle_kind;

/* Kinds fit in JBI_HANDLE_KIND_BITS bits of a handle (0 is never a kind, so a token is never 0). */
#define JBI_HANDLE_KIND_BITS 3
#define JBI_HANDLE_KINDS (1 << JBI_HANDLE_KIND_BITS)

#define JBI_H_OK 0
#define JBI_H_BAD (-1)   /* forged, stale, wrong kind or NULL */
#define JBI_H_NOMEM (-2) /* no memory, or every slot taken */

/* Runs, outside the table's lock, once per handle when it is removed and no longer in use. */
typedef void (*jbi_handle_destroy_fn)(jbi_handle_kind kind, void *ptr);

/* Sets the destroy function (once, before any handle exists). */
void jbi_handles_set_destroy(jbi_handle_destroy_fn fn);

/* Sets the destroy function for one kind, which takes precedence over the one above: each
 * module registers its own before adding its first handle, so the table's owner (vm.c) needs
 * to know none of them. */
void jbi_handles_set_kind_destroy(jbi_handle_kind kind, jbi_handle_destroy_fn fn);

/*
 * Says whether a thread uses token without holding it (a fast call: see jbi_busy_scan); the
 * table asks, for handles of the kind it was set for, before destroying a removed one, and
 * keeps a handle still in use aside until a later remove finds it unused. Set once, like the
 * destroy function.
 */
typedef int (*jbi_handle_in_use_fn)(uintptr_t token);
void jbi_handles_set_in_use_check(jbi_handle_kind kind, jbi_handle_in_use_fn fn);

/* Registers ptr as a new handle of kind; *token receives it. */
int jbi_handles_add(jbi_handle_kind kind, void *ptr, uintptr_t *token);

/* Validates token and holds it: *ptr stays valid until jbi_handles_release(token). */
int jbi_handles_acquire(uintptr_t token, jbi_handle_kind kind, void **ptr);

/*
 * The pointer of a live handle, without holding it: for callers that publish token in their
 * busy word first (see jbi_handles_set_in_use_check), so that it is not destroyed under them.
 * NULL for a forged, stale, removed or wrong-kind token.
 */
void *jbi_handles_peek(uintptr_t token, jbi_handle_kind kind);

/*
 * jbi_handles_peek for a caller that keeps what it found and checks it again later without
 * decoding the token (the fast path's per-thread cache, call_fast.h): *state receives the
 * slot's state word (an _Atomic uint64_t; slots never move and are never freed, so the address
 * stays readable for the life of the library) and *expect the value it holds, users masked off
 * with JBI_HANDLE_USERS_MASK, for as long as this very handle is live. A removed handle changes
 * the word and a reused slot has a new generation, so a later match is the same live handle
 * with the same pointer. NULL (and nothing stored) as jbi_handles_peek.
 */
#define JBI_HANDLE_USERS_MASK ((uint64_t)0x0FFFFFFF)
void *jbi_handles_peek_ref(uintptr_t token, jbi_handle_kind kind, const void **state, uint64_t *expect);

/* Ends a use begun by a successful jbi_handles_acquire; may destroy a removed handle. */
void jbi_handles_release(uintptr_t token);

/* Removes a live handle: later acquires fail; destroyed now, or by its last user. */
int jbi_handles_remove(uintptr_t token, jbi_handle_kind kind);

/* Removes every live handle of kind (as jbi_handles_remove each); returns how many. Handles
 * kept aside because a thread still used them are destroyed here if it has stopped. */
size_t jbi_handles_remove_all(jbi_handle_kind kind);

/* Live (not removed) handles of kind. */
size_t jbi_handles_count(jbi_handle_kind kind);

/* Removed handles kept aside because a thread was using them (see jbi_handles_set_in_use_check). */
size_t jbi_handles_deferred(void);

#endif
