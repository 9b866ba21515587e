/**
 * @file run.h
 * @brief Running a Java program's main method from C, as the java launcher does.
 */
#ifndef JAVABRIDGE_RUN_H
#define JAVABRIDGE_RUN_H

#include "javabridge/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Calls class_name's `static void main(String[] args)` with argv as args, on the calling
 *   thread, and returns when main returns (threads main started keep running).
 * @param class_name binary class name in UTF-8 ("com.example.App"), found as jb_method_find_static() finds it; borrowed.
 * @param argc the number of arguments (0 or more).
 * @param argv argc NUL-terminated UTF-8 strings, borrowed (copied into a new String[]); may be
 *   NULL when argc is 0; a NULL element becomes a null element. Unlike C's argv, argv[0] is the
 *   first argument, not a program name.
 * @return JB_OK when main returned; JB_EJAVA when it threw (the last error holds the
 *   exception's class, message and stack trace); JB_EINVAL (class_name NULL, argc negative,
 *   argv NULL with argc > 0); JB_EENCODING (an argument not valid UTF-8: main is not called);
 *   JB_ECLASS; JB_EMETHOD (no static main(String[])); JB_ENOT_OPEN; JB_EATTACH; JB_ENOMEM.
 * @warning System.exit(status) (or Runtime.exit) inside Java ends the whole host process with
 *   that status, as C's exit() would: Java's shutdown hooks run, then the host's atexit
 *   handlers, and jb_run_main never returns. A host that must survive must not run such code
 *   in-process (run it in a child process instead).
 * @note Thread-safe: several threads may run mains at once.
 */
JB_API int jb_run_main(const char *class_name, int argc, const char *const *argv);

#ifdef __cplusplus
}
#endif

#endif
