package dev.javabridge;

/** The natives behind {@link LibC}. Strings are UTF-8 byte arrays, never JNI strings. */
final class LibCNative {
    static {
        NativeLibrary.load();
    }

    private LibCNative() {}

    static native long strlen(byte[] utf8);

    /** snprintf of one checked segment; kind says which of integer, real and text it reads. */
    static native byte[] format(byte[] spec, int kind, long integer, double real, byte[] text);
}
