/*
 * Sanitizer defaults for GoogleTest programs that embed a JVM, linked into them
 * only in the sanitizer build. The JVM takes SIGSEGV for its own implicit null
 * checks, so ASan must leave that signal alone; LeakSanitizer stays on for
 * javabridge's code and ignores only what the JVM's own libraries keep until exit.
 * The runtimes call these hooks before main, so no environment is needed.
 */
const char *__asan_default_options(void);
const char *__lsan_default_suppressions(void);

const char *__asan_default_options(void) {
    return "handle_segv=0:detect_leaks=1:allow_user_segv_handler=1";
}

const char *__lsan_default_suppressions(void) {
    return "leak:libjvm.so\n"
           "leak:libjli.so\n"
           "leak:libjava.so\n"
           "leak:libzip.so\n"
           "leak:libnio.so\n"
           "leak:libnet.so\n";
}
