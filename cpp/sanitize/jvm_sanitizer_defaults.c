/*
 * Sanitizer defaults for GoogleTest programs that embed a JVM, linked into them
 * only in the sanitizer build. The JVM takes SIGSEGV for its own implicit null
 * checks, so ASan must leave that signal alone; LeakSanitizer stays on for
 * javabridge's code and ignores only what the JVM's own libraries keep until exit.
 * The runtimes call these hooks before main, so no environment is needed.
 */
/* The runtimes look these hooks up in the program's dynamic symbol table: they must stay visible
 * although the project builds with -fvisibility=hidden. */
#define JB_SANITIZER_HOOK __attribute__((visibility("default")))

JB_SANITIZER_HOOK const char *__asan_default_options(void);
JB_SANITIZER_HOOK const char *__lsan_default_options(void);
JB_SANITIZER_HOOK const char *__lsan_default_suppressions(void);

JB_SANITIZER_HOOK const char *__asan_default_options(void) {
    return "handle_segv=0:detect_leaks=1:allow_user_segv_handler=1";
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
