package dev.javabridge.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.ByteBuffer;

/** JNA interface mapping (a proxy per call) of libjbbench's plain C entry points. */
public interface JnaInterface extends Library {
    JnaInterface LIB = Native.load(BenchLibrary.path().toString(), JnaInterface.class);

    int jbb_safe_add(int a, int b);

    long jbb_sum(byte[] data, long length);

    long jbb_sum(ByteBuffer data, long length);

    String jbb_echo_cstr(String text);
}
