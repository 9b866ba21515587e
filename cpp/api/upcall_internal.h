/*
 * The part of upcall.c that method.c needs: retiring a method's FFM stub when the method is freed.
 */
#ifndef JB_API_UPCALL_INTERNAL_H
#define JB_API_UPCALL_INTERNAL_H

#include <jni.h>

struct jbi_upcall;

/* Points the stub at its refusal (so a kept pointer is refused, never a jump into freed code) and
 * frees u. env NULL (the JVM is gone): only the C memory is freed. u NULL: nothing happens. */
void jbi_upcall_retire(JNIEnv *env, struct jbi_upcall *u);

#endif
