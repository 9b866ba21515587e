package dev.javabridge.bench;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;

/** JNA direct mapping of libjbbench's plain C entry points (size_t is a long on LP64). */
public final class JnaDirect {
    static {
        Native.register(JnaDirect.class, NativeLibrary.getInstance(BenchLibrary.path().toString()));
    }

    private JnaDirect() {}

    public static native int jbb_safe_add(int a, int b);

    public static native long jbb_sum(byte[] data, long length);

    public static native long jbb_sum(ByteBuffer data, long length);

    public static native String jbb_echo_cstr(String text);
}
