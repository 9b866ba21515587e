/* A test library of C callbacks for bindgen: visitors with user data, called on the caller's thread or
 * on a thread of their own, a callback kept after the call that registered it, and one without user data. */
#ifndef EVENTS_H
#define EVENTS_H

#include <stdint.h>

#define EVENTS_STOP 99

/* Called once per item; a non-zero result stops the visit. The label is UTF-8. */
typedef int (*ev_visit_fn)(void *user_data, int32_t index, const char *label);
typedef void (*ev_notify_fn)(double value, void *user_data);
typedef int (*ev_plain_fn)(int value);

/* Calls fn for 0 .. count-1 until it returns non-zero; returns that value, or 0. */
int ev_visit(int32_t count, ev_visit_fn fn, void *user_data);
/* As ev_visit, but from a thread of its own, joined before it returns. */
int ev_visit_on_thread(int32_t count, ev_visit_fn fn, void *user_data);
/* Calls fn once per space-separated word of text (index, word) until it returns non-zero. */
int ev_visit_words(const char *text, ev_visit_fn fn, void *user_data);
/* Keeps fn and user_data for ev_fire: the callback outlives the call that registered it. */
void ev_register(ev_notify_fn fn, void *user_data);
/* Calls the registered callback, if any; returns how many times it called one. */
int ev_fire(double value);
/* No user data: refused by the generator. */
int ev_apply_plain(ev_plain_fn fn, int value);

#endif
