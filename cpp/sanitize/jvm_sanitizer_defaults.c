/*
 * Sanitizer defaults for every program that embeds a JVM (GoogleTest programs, the jsig host and
 * cpp/sanitize/glue_leak_host.c), linked into them only in the sanitizer build. The JVM takes
 * SIGSEGV for its own implicit null checks, so ASan must leave that signal alone; LeakSanitizer
 * stays on for javabridge's code and ignores only what the JVM's own libraries keep until exit.
 * The runtimes call these hooks before main, so no environment is needed. scripts/ci-sanitize.sh
 * proves both halves in the glue host: a leak in a JNI native called from Java is reported (the
 * leak canary), and a workout of every Java API native reports nothing of the JVM's.
 */
/* The runtimes look these hooks up in the program's dynamic symbol table: they must stay visible
 * although the project builds with -fvisibility=hidden. */
#define JB_SANITIZER_HOOK __attribute__((visibility("default")))

JB_SANITIZER_HOOK const char *__asan_default_options(void);
JB_SANITIZER_HOOK const char *__lsan_default_options(void);
JB_SANITIZER_HOOK const char *__lsan_default_suppressions(void);

/* malloc_context_size=4: a suppression matches any frame of an allocation's stack, and every
 * allocation made by a native that Java called has libjvm.so's call stubs further down, so with
 * the default depth (30) "leak:libjvm.so" would hide every leak in such a native. Recorded only
 * near malloc, the JVM's own allocations still have a libjvm.so frame and the natives' have not. */
JB_SANITIZER_HOOK const char *__asan_default_options(void) {
    return "handle_segv=0:detect_leaks=1:allow_user_segv_handler=1:malloc_context_size=4";
}

/* use_tls=0: the tracer faults reading the JVM threads' thread-local blocks (addresses inside the
 * Java heap's reservation), which ends every run with "LeakSanitizer has encountered a fatal error". */
JB_SANITIZER_HOOK const char *__lsan_default_options(void) {
    return "use_tls=0";
}

/* The JVM's own libraries, and glibc's loader. Nothing of javabridge's: a thread's javabridge
 * state, held in that thread's TLS (which use_tls=0 hides), is also on the registry list in
 * thread_state.c, so LeakSanitizer sees it reachable while the thread lives; its release at
 * thread exit is tested on its own (Threads.* and the stress suite count attached threads back
 * to zero). */
JB_SANITIZER_HOOK const char *__lsan_default_suppressions(void) {
    /* glibc's loader keeps the RTLD_GLOBAL scope array it grows when libjvm is opened, and the
     * main thread's last dlerror() record (a dlopen the JVM tried that failed) until the next one. */
    return "leak:add_to_global_resize\n"
           "leak:_dlerror_run\n"
           "leak:_dl_exception_create_format\n"
           "leak:libjvm.so\n"
           "leak:libjli.so\n"
           "leak:libjava.so\n"
           "leak:libzip.so\n"
           "leak:libnio.so\n"
           "leak:libnet.so\n";
}
