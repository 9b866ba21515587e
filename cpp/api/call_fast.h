/*
 * The fast call path: a static method whose parameters and result are all primitive, called
 * on a thread javabridge attached, outside any other call of ours, with arguments of exactly
 * the types the method takes. Such a call needs no local frame, no exception check on entry
 * and no user count on its handle, so it costs plain loads and stores around the JNI call.
 * Anything else, and anything that fails a check, goes to the generic path (call.c), which
 * checks again and reports.
 */
#ifndef JB_API_CALL_FAST_H
#define JB_API_CALL_FAST_H

#include <stddef.h>

#include "call_internal.h"
#include "javabridge/call.h"

/* 1 when it made the call (*rc is its result code: JB_OK, or JB_EJAVA with the last error
 * set); 0 when the generic path must take it. */
int jbi_call_fast(jb_method *method, const jb_arg *args, size_t nargs, want w, result *r, int *rc);

#endif
