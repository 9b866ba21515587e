/* A stand-in for libjavabridge_guide: the same two exports, and calls that the host's glibc (2.36)
 * binds to symbol versions newer than 2.17 (hypot@GLIBC_2.35, dlopen@GLIBC_2.34), the way a gcc
 * build on Debian 12 does. scripts/check-natives-canary.sh makes check-natives.sh refuse it. */
#include <dlfcn.h>
#include <jni.h>
#include <math.h>

/* volatile: the compiler must not fold hypot into a constant, or the reference disappears. */
static volatile double jb_canary_side = 3.0;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm;
    (void)reserved;
    void *self = dlopen(NULL, RTLD_NOW);
    if (self != NULL) {
        dlclose(self);
    }
    return hypot(jb_canary_side, 4.0) == 5.0 ? JNI_VERSION_1_8 : JNI_ERR;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void)vm;
    (void)reserved;
}
