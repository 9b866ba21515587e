/*
 * The parts of upcall.c that others need: method.c retires a method's FFM stub when the method
 * is freed; the @CExport runtime (cpp/export/cexport_runtime.c) calls stubs for generated code
 * and reads the thread's upcall flag around each call.
 */
#ifndef JB_API_UPCALL_INTERNAL_H
#define JB_API_UPCALL_INTERNAL_H

#include <jni.h>

#include "javabridge/upcall.h"

struct jbi_upcall {
    jobject stub;    /* global reference to the FfmUpcalls instance */
    jb_upcall_fn fn; /* its code */
};

/* This thread's upcall flag (upcall.h): 0, JB_EJAVA or JB_EHANDLE. */
#if defined(__GNUC__) && defined(__ELF__)
extern __thread int jbi_upcall_status __attribute__((tls_model("initial-exec")));
#else
extern __thread int jbi_upcall_status;
#endif

/* JB_OK when jb_method_upcall can make stubs without the JDK printing its restricted-method
 * warning: JDK 22+, the helper built in, and native access enabled for it. JB_EUNSUPPORTED (last
 * error says which is missing) or the code of what failed (JB_ENOT_OPEN, ...) otherwise. */
int jbi_upcall_quiet(void);

/* Points the stub at its refusal (so a kept pointer is refused, never a jump into freed code) and
 * frees u. env NULL (the JVM is gone): only the C memory is freed. u NULL: nothing happens. */
void jbi_upcall_retire(JNIEnv *env, struct jbi_upcall *u);

#endif
