/* The handshake NativeLibrary performs right after loading: proves the library is the jar's own build. */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_BridgeNative.h"

/* Bumped whenever a native's signature or meaning changes; BridgeNative.ABI_VERSION must match. */
#define JBI_ABI_VERSION 1

JNIEXPORT jint JNICALL Java_dev_javabridge_BridgeNative_abiVersion(JNIEnv *env, jclass cls) {
    (void)env;
    (void)cls;
    return JBI_ABI_VERSION;
}
