/*
 * A C host that installs its own SIGSEGV handler AFTER opening the JVM, then has Java take
 * 200,000 NullPointerExceptions (and force safepoints, which compiled code also reaches through
 * SIGSEGV). HotSpot needs its own handler to stay in place: with $JAVA_HOME/lib/libjsig.so
 * preloaded, the host's sigaction is recorded for chaining instead of replacing the JVM's, and
 * every NPE is caught. Exits 0 and prints "jsig host: ok" only if all of that held.
 *
 * Usage: jb_capi_jsig_host <test-classes-dir> [npe-count]
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <javabridge/javabridge.h>

static volatile sig_atomic_t host_handler_calls;

/* Reached only for a fault that is not Java's: count it and let it repeat under the default
 * action, so a real crash stays a crash instead of a loop. */
static void host_handler(int sig, siginfo_t *info, void *ctx) {
    (void)info;
    (void)ctx;
    host_handler_calls = host_handler_calls + 1;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL; /* sigaction, not signal(): libjsig warns that signal() chaining is deprecated */
    sigaction(sig, &dfl, NULL);
}

static int fail(const char *what, int rc) {
    fprintf(stderr, "jsig host: %s: %s: %s\n", what, jb_error_name(rc), jb_error_message());
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s <test-classes-dir> [npe-count]\n", argv[0]);
        return 2;
    }
    const int total = argc > 2 ? atoi(argv[2]) : 200000;
    const char *cp[] = {argv[1]};
    const char *opts[] = {"-Xcheck:jni", "-Xmx64m"};
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.class_path = cp;
    o.class_path_count = 1;
    o.jvm_options = opts;
    o.jvm_option_count = 2;
    jb_vm *vm = NULL;
    int rc = jb_vm_open(&o, &vm);
    if (rc != JB_OK) return fail("open", rc);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, NULL) != 0) {
        perror("sigaction");
        return 1;
    }

    jb_method *loop = NULL, *npe = NULL, *gc = NULL;
    if ((rc = jb_method_find_static("dev.javabridge.capi.StressTarget", "nullPointerLoop", "(I)I", &loop)) != JB_OK ||
        (rc = jb_method_find_static("dev.javabridge.capi.CapiTarget", "nullPointer", "(Ljava/lang/String;)I", &npe)) !=
            JB_OK ||
        (rc = jb_method_find_static("dev.javabridge.capi.StressTarget", "usedHeapAfterGc", "()J", &gc)) != JB_OK)
        return fail("find", rc);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* Most in Java's own loop (compiled, so through the JVM's signal handler), a share as
     * NullPointerExceptions that come back to C as JB_EJAVA, and full GCs in between. */
    const int chunk = 10000, through_c = total / 20;
    long caught = 0;
    int through_c_ok = 0;
    for (int done = 0; done < total - through_c; done += chunk) {
        int n = total - through_c - done < chunk ? total - through_c - done : chunk;
        jb_arg a = jb_arg_int32(n);
        int32_t c = 0;
        if ((rc = jb_call_static_int32(loop, &a, 1, &c)) != JB_OK) return fail("nullPointerLoop", rc);
        caught += c;
        int64_t used = 0;
        if ((rc = jb_call_static_int64(gc, NULL, 0, &used)) != JB_OK) return fail("gc", rc);
    }
    for (int k = 0; k < through_c; k++) {
        jb_arg null_arg = jb_arg_null();
        int32_t r = 0;
        rc = jb_call_static_int32(npe, &null_arg, 1, &r);
        const char *cls = jb_error_java_class();
        if (rc == JB_EJAVA && cls != NULL && strcmp(cls, "java.lang.NullPointerException") == 0) through_c_ok++;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    printf("[figure] jsig host: %ld NPEs caught in Java + %d returned to C as JB_EJAVA of %d, in %.2f s; "
           "host handler calls %d\n",
           caught, through_c_ok, total, secs, (int)host_handler_calls);
    fflush(stdout);
    jb_method_free(loop);
    jb_method_free(npe);
    jb_method_free(gc);
    if ((rc = jb_vm_close(vm)) != JB_OK) return fail("close", rc);
    if (caught + through_c_ok != total || host_handler_calls != 0) {
        fprintf(stderr, "jsig host: FAILED\n");
        return 1;
    }
    printf("jsig host: ok\n");
    fflush(stdout); /* before exit-time checkers (LeakSanitizer) that may end the process abruptly */
    return 0;
}
