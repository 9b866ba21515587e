/*
 * The sanitizer gates' canaries (scripts/ci-sanitize.sh): natives that commit, on purpose, the
 * errors the sanitizer build claims to catch in JNI code. Built only under JB_SANITIZE and never
 * bundled. Each must be reported, or the gate that did not report it proves nothing.
 */
#include <jni.h>
#include <stdlib.h>

/* volatile: the read and the leak must survive the optimiser, and the index must be unknown to
 * it (gcc's -Warray-bounds sees a constant one, which is a check of its own but not ASan's). */
static void *volatile jb_canary_keep;
static volatile size_t jb_canary_size = 16;

/* One byte past a 16-byte heap block: ASan's heap-buffer-overflow. */
JNIEXPORT jint JNICALL Java_dev_javabridge_sanitize_SanitizerCanary_readPastEnd(JNIEnv *env, jclass cls) {
    (void)env;
    (void)cls;
    size_t size = jb_canary_size;
    char *block = malloc(size);
    if (block == NULL) return -1;
    jb_canary_keep = block;
    jint past = ((volatile char *)block)[size];
    free(block);
    return past;
}

/* 48 bytes whose last pointer is dropped: a definite leak for LeakSanitizer at exit. */
JNIEXPORT void JNICALL Java_dev_javabridge_sanitize_SanitizerCanary_leak(JNIEnv *env, jclass cls) {
    (void)env;
    (void)cls;
    jb_canary_keep = malloc(48);
    jb_canary_keep = NULL;
}
