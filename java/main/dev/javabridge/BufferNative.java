package dev.javabridge;

import java.nio.ByteBuffer;

/**
 * The natives behind {@link NativeBuffer}. They take the buffer's state object,
 * never a raw address, and read its handle in C.
 */
final class BufferNative {
    static {
        NativeLibrary.load();
    }

    private BufferNative() {}

    /** Returns the new buffer's handle; throws instead of returning 0. */
    static native long allocate(long size);

    /** Frees the buffer and clears the state's handle; a cleared handle is a no-op. */
    static native void free(NativeBuffer.State state);

    static native byte get(NativeBuffer.State state, long index);

    static native void put(NativeBuffer.State state, long index, byte value);

    static native void read(NativeBuffer.State state, long position, byte[] dst, int offset, int length);

    static native void write(NativeBuffer.State state, long position, byte[] src, int offset, int length);

    static native ByteBuffer view(NativeBuffer.State state);
}
