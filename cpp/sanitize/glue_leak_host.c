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

#define JB_SANITIZER_HOOK __attribute__((visibility("default")))

JB_SANITIZER_HOOK const char *__asan_default_options(void);
JB_SANITIZER_HOOK const char *__lsan_default_options(void);

/* The JVM takes SIGSEGV for its implicit null checks. malloc_context_size: a suppression matches
 * any frame of an allocation's stack, and every allocation made by a native called from Java has
 * libjvm.so's call stubs further down; recording only the frames nearest malloc lets
 * "leak:libjvm.so" match the JVM's own allocations and not the natives' (the leak canary in
 * scripts/ci-sanitize.sh fails if it does not). */
JB_SANITIZER_HOOK const char *__asan_default_options(void) {
    return "handle_segv=0:detect_leaks=1:allow_user_segv_handler=1:malloc_context_size=4";
}

/* Suppressions name the JVM's own allocations only (jvm.lsan.supp says why each is there).
 * use_tls=0: the tracer faults reading JVM threads' thread-local blocks. */
JB_SANITIZER_HOOK const char *__lsan_default_options(void) {
    return "use_tls=0:suppressions=" JB_LSAN_SUPPRESSIONS;
}

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
