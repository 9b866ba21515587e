package dev.javabridge;

/** The native behind {@link Config#normalized()}: copies the record into the C struct and back. */
final class ConfigNative {
    static {
        NativeLibrary.load();
    }

    private ConfigNative() {}

    static native Config normalize(long timeoutMs, int maxRetries, boolean enabled);
}
