package dev.javabridge;

/** The handshake with the loaded library: proves it is the build this jar was made with. */
final class BridgeNative {
    /** Must equal JBI_ABI_VERSION in cpp/jni/bridge_native.c. */
    static final int ABI_VERSION = 1;

    private BridgeNative() {}

    /** Does not load the library itself: NativeLibrary calls it right after System.load. */
    static native int abiVersion();
}
