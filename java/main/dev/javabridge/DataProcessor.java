package dev.javabridge;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The guide's {@code process_data}: C sums bytes that Java owns, without
 * copying them (a {@code byte[]} is pinned for the call; a direct ByteBuffer is
 * read at its address). Bytes count as unsigned, 0 to 255.
 */
public final class DataProcessor {
    /** The most bytes one call accepts: 100 MiB. */
    public static final int MAX_LENGTH = 100 << 20;

    private DataProcessor() {}

    /**
     * The sum of all bytes of data.
     *
     * @param data the bytes (at most {@link #MAX_LENGTH})
     * @return the sum of the bytes, read as signed
     * @throws NullPointerException if data is null
     * @throws IllegalArgumentException if data holds more than {@link #MAX_LENGTH} bytes
     */
    public static long processData(byte[] data) {
        Objects.requireNonNull(data, "data");
        return processData(data, 0, data.length);
    }

    /**
     * The sum of {@code data[offset .. offset+length)}.
     *
     * @param data the array
     * @param offset the first byte to add
     * @param length how many bytes to add
     * @return the sum of the bytes, read as signed
     * @throws NullPointerException if data is null
     * @throws IllegalArgumentException if length is above {@link #MAX_LENGTH} or the range is outside data
     */
    public static long processData(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        checkRange(offset, length, data.length);
        return checked(DataNative.sumArray(data, offset, length));
    }

    /**
     * The sum of the bytes between the buffer's position and its limit, read in
     * place; the position does not move.
     *
     * <p><b>Memory-mapped files:</b> do not pass a {@link java.nio.MappedByteBuffer}
     * whose file another process may truncate during the call. Reading a page
     * that no longer has a file behind it raises SIGBUS in the C code, and the
     * JVM dies (the JDK's own {@code get()} survives this only because HotSpot
     * recognises faults in its own access code; no such recovery exists for
     * native code, and catching SIGBUS in C would replace the JVM's handler).
     * Copy such data into a buffer you own first, or lock the file.
     *
     * @param buffer a direct buffer
     * @return the sum of the bytes, read as signed
     * @throws NullPointerException if buffer is null
     * @throws IllegalArgumentException if the buffer is not direct, or holds more than {@link #MAX_LENGTH} bytes
     */
    public static long processData(ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("buffer must be direct; pass a heap buffer's array instead");
        }
        checkRange(buffer.position(), buffer.remaining(), buffer.capacity());
        return checked(DataNative.sumBuffer(buffer, buffer.position(), buffer.remaining()));
    }

    private static void checkRange(int offset, int length, int size) {
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("length " + length + " is above the limit of " + MAX_LENGTH);
        }
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length
                    + ") is outside the data's " + size + " bytes");
        }
    }

    private static long checked(long result) {
        if (result < 0) {
            throw new IllegalArgumentException("process_data refused the input (status " + (result >> 32) + ")");
        }
        return result;
    }
}
