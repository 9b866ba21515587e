package dev.javabridge;

/**
 * Opens javabridge's package-private strict UTF-8 codec to the string benchmark,
 * so that the javabridge row measures the very code javabridge's LibC uses
 * (same package name on the class path; benchmarks only, never shipped).
 */
public final class BenchUtf8 {
    private BenchUtf8() {}

    public static byte[] encode(String text) {
        return Utf8.encode(text, "text");
    }

    public static String decode(byte[] utf8) {
        return Utf8.decode(utf8, "result");
    }
}
