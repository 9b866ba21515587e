/*
 * A C host that embeds the JVM through libjavabridge and runs one Java main, so that the JNI
 * natives that main reaches (libjavabridge_guide, the kit) run in a process where LeakSanitizer
 * works: in a java launcher's JVM the leak check must be off (the JVM keeps memory until exit and
 * the preloaded runtime cannot tell), here the program owns the process and the check runs at exit.
 * Usage: jb_glue_leak_host CLASS_PATH MAIN_CLASS [ARG...]   (CLASS_PATH: entries joined with ':')
 * Built only under JB_SANITIZE (cpp/sanitize/sanitize.cmake).
 */
#include <javabridge/javabridge.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sanitizer options and LeakSanitizer suppressions are cpp/sanitize/jvm_sanitizer_defaults.c's,
 * linked in by sanitize.cmake: the GoogleTest programs that embed a JVM use the same, so the leak
 * canary run through this host proves theirs too. */

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s CLASS_PATH MAIN_CLASS [ARG...]\n", argv[0]);
        return 2;
    }
    char *path = strdup(argv[1]);
    const char *entries[64];
    size_t count = 0;
    for (char *p = strtok(path, ":"); p != NULL && count < 64; p = strtok(NULL, ":")) entries[count++] = p;
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.class_path = entries;
    o.class_path_count = count;
    jb_vm *vm = NULL;
    int rc = jb_vm_open(&o, &vm);
    free(path);
    if (rc != JB_OK) {
        fprintf(stderr, "jb_glue_leak_host: jb_vm_open: %s: %s\n", jb_error_name(rc), jb_error_message());
        return 1;
    }
    rc = jb_run_main(argv[2], argc - 3, (const char *const *)(argv + 3));
    if (rc != JB_OK) {
        fprintf(stderr, "jb_glue_leak_host: %s: %s: %s\n%s\n", argv[2], jb_error_name(rc), jb_error_message(),
                jb_error_java_stack_trace() ? jb_error_java_stack_trace() : "");
    }
    int closed = jb_vm_close(vm);
    if (closed != JB_OK) {
        fprintf(stderr, "jb_glue_leak_host: jb_vm_close: %s: %s\n", jb_error_name(closed), jb_error_message());
        return 1;
    }
    return rc == JB_OK ? 0 : 1;
}
