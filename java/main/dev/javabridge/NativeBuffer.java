package dev.javabridge;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory allocated and freed by C (the guide's {@code create_buffer} /
 * {@code free_buffer}), with bounds-checked access from Java.
 *
 * <p><b>Ownership.</b> The buffer owns its native memory and frees it exactly
 * once, through C's {@code free_buffer}, when {@link #close()} is called; later
 * calls of {@code close()} do nothing. A buffer that becomes unreachable without
 * being closed is freed by a {@link Cleaner} as a safety net; do not rely on it.
 *
 * <p><b>Threads.</b> All methods are thread-safe. A {@code close()} that races
 * with reads and writes waits for none of them: the memory is freed when the
 * last operation in flight finishes, and every operation that starts after
 * {@code close()} throws {@link IllegalStateException}.
 */
public final class NativeBuffer implements AutoCloseable {
    /** The largest size {@link #allocate(long)} accepts: 1 GiB (BUFFER_MAX_SIZE in C). */
    public static final long MAX_SIZE = 1L << 30;

    private static final Cleaner CLEANER = Cleaner.create();

    private final State state;
    private final long size;
    private final Cleaner.Cleanable cleanable;

    private NativeBuffer(State state, long size) {
        this.state = state;
        this.size = size;
        this.cleanable = CLEANER.register(this, state::closeAndRelease);
    }

    /**
     * Allocates {@code size} zeroed bytes in C.
     *
     * @param size the number of bytes
     * @return the open buffer, which the caller closes
     * @throws IllegalArgumentException if size is not in 1..{@link #MAX_SIZE}
     * @throws OutOfMemoryError if C cannot allocate it
     */
    public static NativeBuffer allocate(long size) {
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " is outside 1.." + MAX_SIZE);
        }
        return new NativeBuffer(new State(BufferNative.allocate(size)), size);
    }

    /**
     * The size in bytes; valid after close too.
     *
     * @return the size in bytes
     */
    public long size() {
        return size;
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return state.isClosed();
    }

    /**
     * The byte at index.
     *
     * @param index the offset from the start
     * @return the byte
     * @throws IndexOutOfBoundsException if index is outside 0..size-1
     * @throws IllegalStateException if the buffer is closed
     */
    public byte get(long index) {
        Objects.checkIndex(index, size);
        state.acquire();
        try {
            return BufferNative.get(state, index);
        } finally {
            state.release();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Stores value at index.
     *
     * @param index the offset from the start
     * @param value the byte to store
     * @throws IndexOutOfBoundsException if index is outside 0..size-1
     * @throws IllegalStateException if the buffer is closed
     */
    public void put(long index, byte value) {
        Objects.checkIndex(index, size);
        state.acquire();
        try {
            BufferNative.put(state, index, value);
        } finally {
            state.release();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Copies {@code length} bytes starting at {@code position} into {@code dst[offset..]}.
     *
     * @param position the first byte of the buffer to read
     * @param dst the array to fill
     * @param offset where in dst the bytes go
     * @param length how many bytes to copy
     * @throws NullPointerException if dst is null
     * @throws IndexOutOfBoundsException if either range is out of bounds
     * @throws IllegalStateException if the buffer is closed
     */
    public void read(long position, byte[] dst, int offset, int length) {
        Objects.requireNonNull(dst, "dst");
        Objects.checkFromIndexSize(offset, length, dst.length);
        Objects.checkFromIndexSize(position, length, size);
        state.acquire();
        try {
            BufferNative.read(state, position, dst, offset, length);
        } finally {
            state.release();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Copies {@code length} bytes from {@code src[offset..]} to {@code position}.
     *
     * @param position the first byte of the buffer to write
     * @param src the array to copy from
     * @param offset where in src the bytes start
     * @param length how many bytes to copy
     * @throws NullPointerException if src is null
     * @throws IndexOutOfBoundsException if either range is out of bounds
     * @throws IllegalStateException if the buffer is closed
     */
    public void write(long position, byte[] src, int offset, int length) {
        Objects.requireNonNull(src, "src");
        Objects.checkFromIndexSize(offset, length, src.length);
        Objects.checkFromIndexSize(position, length, size);
        state.acquire();
        try {
            BufferNative.write(state, position, src, offset, length);
        } finally {
            state.release();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * A direct {@link ByteBuffer} over the native memory, for zero-copy hand-off
     * to native code (for example {@link DataProcessor#processData(ByteBuffer)}).
     *
     * <p><b>The view cannot be revoked.</b> It reads and writes the native memory
     * directly, with no check that the buffer is still open: it must not be used
     * after this buffer is closed (or becomes unreachable), or it touches freed
     * memory. Keep the {@code NativeBuffer} open, and reachable, while the view is
     * in use.
     *
     * @return a direct view of the whole buffer
     * @throws IllegalStateException if the buffer is closed
     * @throws UnsupportedOperationException if the buffer is larger than a ByteBuffer can address
     */
    public ByteBuffer asByteBuffer() {
        if (size > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("a ByteBuffer cannot address " + size + " bytes");
        }
        state.acquire();
        try {
            return BufferNative.view(state);
        } finally {
            state.release();
            Reference.reachabilityFence(this);
        }
    }

    /** Frees the native memory; only the first call has an effect. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /**
     * The native handle and the count of operations using it. Kept apart from
     * the buffer so that the Cleaner's action does not keep the buffer reachable.
     * The count's top bit marks "closed"; whoever brings the count to zero on a
     * closed state frees the memory, so that happens exactly once.
     */
    static final class State {
        private static final long CLOSED = Long.MIN_VALUE;

        /** Read and cleared by the C natives (cached field ID); 0 once freed. */
        @SuppressWarnings("unused")
        private volatile long handle;

        private final AtomicLong users = new AtomicLong();

        State(long handle) {
            this.handle = handle;
        }

        boolean isClosed() {
            return (users.get() & CLOSED) != 0;
        }

        void acquire() {
            long u;
            do {
                u = users.get();
                if ((u & CLOSED) != 0) {
                    throw new IllegalStateException("buffer is closed");
                }
            } while (!users.compareAndSet(u, u + 1));
        }

        void release() {
            if (users.decrementAndGet() == CLOSED) {
                BufferNative.free(this);
            }
        }

        void closeAndRelease() {
            long u;
            do {
                u = users.get();
                if ((u & CLOSED) != 0) {
                    return;
                }
            } while (!users.compareAndSet(u, u | CLOSED));
            if (u == 0) {
                BufferNative.free(this);
            }
        }
    }
}
