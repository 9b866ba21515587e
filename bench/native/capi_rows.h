/*
 * libjavabridge's C API rows of the upcall harness. The library is opened with
 * dlopen at run time (its path in JBB_JAVABRIDGE_LIB), so that the harness builds
 * and measures the raw floor with or without the C API; its header is needed only
 * when JBB_WITH_CAPI is defined (CMake finds include/javabridge/javabridge.h).
 */
#ifndef JBB_CAPI_ROWS_H
#define JBB_CAPI_ROWS_H

#include <stdio.h>

/** Loads the jb_* functions from the library at path; 0, or -1 with a message on stderr. */
int jbb_capi_load(const char *path);

/** Times jb_vm_open (JB_VM_CREATE, the same class path) in the current process: ms, or < 0. */
double jbb_capi_time_create(const char *java_home, const char *class_path);

/**
 * Creates this process's JVM through jb_vm_open (as a libjavabridge program would, so that its
 * own thread state is on its normal path) and looks the target method up once; 0 or -1.
 */
int jbb_capi_open(const char *java_home, const char *class_path, const char *target_class);

/** n calls of UpcallTarget.add through jb_call_static_int32 with the looked-up handle; 0 or -1. */
int jbb_capi_calls(long n);

/** n calls that look the method up (jb_method_find_static) and free it each time; 0 or -1. */
int jbb_capi_lookup_calls(long n);

/** Makes the jb_method_upcall pointer of the looked-up method (JDK 22+); 0, or -1 with a message. */
int jbb_capi_upcall_open(void);

/** n calls through that C function pointer, one jb_upcall_check after them; 0 or -1. */
int jbb_capi_upcall_calls(long n);

/** n calls through the pointer, each followed by jb_upcall_check; 0 or -1. */
int jbb_capi_upcall_checked_calls(long n);

/**
 * The exception path (issue 17): n calls of UpcallTarget.addOrThrow, of which one in ten throws,
 * through jb_call_static_int32 (today's path), or through its jb_method_upcall pointer with
 * jb_upcall_check after every call (the FFM path; needs jbb_capi_upcall_open). Each checks that
 * exactly the throwing calls failed with JB_EJAVA; 0 or -1.
 */
int jbb_capi_throw10_calls(long n);
int jbb_capi_upcall_throw10_calls(long n);

/** On a thread libjavabridge has not seen: the first call (it attaches) and then the detach, in us. */
int jbb_capi_first_call_on_thread(double *first_us, double *detach_us);

#endif
