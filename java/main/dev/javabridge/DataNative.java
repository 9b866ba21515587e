package dev.javabridge;

import java.nio.ByteBuffer;

/** The natives behind {@link DataProcessor}: sums, or a status (see {@link Status}) when negative. */
final class DataNative {
    static {
        NativeLibrary.load();
    }

    private DataNative() {}

    static native long sumArray(byte[] data, int offset, int length);

    static native long sumBuffer(ByteBuffer buffer, int offset, int length);
}
