package com.example.userlib;

import dev.javabridge.NativeLoader;
import java.nio.ByteBuffer;

/**
 * A user's own JNI library, outside dev.javabridge: loaded by {@link NativeLoader} from the
 * natives/&lt;platform&gt;/ of its own jar, built on javabridge's JNI kit (cpp/test/userlib/userlib.c).
 */
public final class UserLib {
    /** The library's base name: libuserlib.so. */
    public static final String NAME = "userlib";
    /** Where it was loaded from. */
    public static final String LOADED_FROM;

    static {
        LOADED_FROM = NativeLoader.load(UserLib.class, NAME);
    }

    private UserLib() {}

    /** a / b as an int result, or the library's status -7 for a division by zero or overflow. */
    public static native long divide(int a, int b);

    /** Throws the kit's exception kind {@code kind} (jbk_exception's order). */
    public static native void throwKind(int kind);

    /** Throws a new exception of the JNI class name given as UTF-8 bytes. */
    public static native void throwClass(byte[] jniName);

    public static native long sum(byte[] data, int offset, int length, boolean critical);

    /** Fills the range through a non-critical pin with the given jbk_access flags. */
    public static native void fill(byte[] data, int offset, int length, byte value, int access);

    public static native double sumDoubles(double[] data, int offset, int length);

    public static native long bufferSum(ByteBuffer buffer, long offset, long length);

    /** Calls fn on each value (on a new native thread if asked) until it returns non-zero; -100 when fn threw. */
    public static native int visit(int[] values, java.util.function.IntUnaryOperator fn, boolean onNativeThread);

    /** Registers fn as the callback the C side keeps. */
    public static native void keep(java.util.function.IntUnaryOperator fn);

    /** Calls the kept callback from C; -100 when it cannot run (closed) or threw. */
    public static native int fireKept(int value);

    /** Closes the kept callback: C still holds its token. Rethrows what it threw. */
    public static native void dropKept();

    /** Opens callbacks until refused, closes them, and returns how many opened (the refusal is rethrown). */
    public static native int callbackCapacity(java.util.function.IntUnaryOperator fn);

    /** out[outOffset + i] = a[aOffset + i] * buffer[i] through one multi-pin set (plus extraPins empty pins); the sum. */
    public static native long mix(int[] a, int aOffset, long[] out, int outOffset, ByteBuffer buffer, int length,
            int extraPins);

    /** The string round-tripped through real UTF-8; utf8Length[0] receives the UTF-8 length. */
    public static native String echo(String text, int[] utf8Length);

    /** The string the bytes encode as UTF-8, decoded by the kit. */
    public static native String decode(byte[] utf8);

    /** The package the kit bound this library's natives under. */
    public static native String runtimePackage();
}
