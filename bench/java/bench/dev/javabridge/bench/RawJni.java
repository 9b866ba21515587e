package dev.javabridge.bench;

import java.nio.ByteBuffer;

/** Hand-written JNI natives (bench/native/raw_jni.c): the floor javabridge's natives are held against. */
public final class RawJni {
    static {
        BenchLibrary.path();
    }

    private RawJni() {}

    /** safe_add; throws ArithmeticException from C on overflow. */
    public static native int add(int a, int b);

    /** process_data over a pinned byte[]: no checks. */
    public static native long sumArray(byte[] data, int length);

    /** process_data at a direct buffer's address: no checks. */
    public static native long sumBuffer(ByteBuffer buffer, int length);

    /** process_data {@code repeats} times over the buffer in one crossing: the C kernel's own speed. */
    public static native long kernelRepeat(ByteBuffer buffer, int length, int repeats);

    /** The raw string primitives: GetStringUTFChars in, NewStringUTF out (modified UTF-8). */
    public static native String echoUtf(String text);

    /** javabridge's string convention: real UTF-8 bytes copied in, a new byte[] out. */
    public static native byte[] echoBytes(byte[] utf8);

    public static native double pointDistance(double ax, double ay, double bx, double by);

    public static native void pointDistances(double[] a, double[] b, double[] out, int count);
}
