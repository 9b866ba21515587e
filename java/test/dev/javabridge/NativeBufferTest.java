package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NativeBufferTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 4096, 1 << 20})
    void allocatesZeroedMemoryOfTheGivenSize(long size) {
        try (NativeBuffer buffer = NativeBuffer.allocate(size)) {
            assertEquals(size, buffer.size());
            assertFalse(buffer.isClosed());
            assertEquals(0, buffer.get(0));
            assertEquals(0, buffer.get(size - 1));
            ByteBuffer view = buffer.asByteBuffer();
            assertEquals(size, view.capacity());
            while (view.hasRemaining()) {
                assertEquals(0, view.get());
            }
        }
    }

    @Test
    void theLargestSizeIsAccepted() {
        // calloc of 1 GiB maps zero pages lazily: nothing is touched here.
        try (NativeBuffer buffer = NativeBuffer.allocate(NativeBuffer.MAX_SIZE)) {
            buffer.put(NativeBuffer.MAX_SIZE - 1, (byte) 9);
            assertEquals(9, buffer.get(NativeBuffer.MAX_SIZE - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE, NativeBuffer.MAX_SIZE + 1, Long.MAX_VALUE})
    void sizesOutsideTheLimitAreRefused(long size) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBuffer.allocate(size));
        assertTrue(e.getMessage().contains(Long.toString(size)), e.getMessage());
    }

    @Test
    void bytesWrittenAreReadBack() {
        try (NativeBuffer buffer = NativeBuffer.allocate(64)) {
            byte[] src = new byte[32];
            for (int i = 0; i < src.length; i++) {
                src[i] = (byte) (i * 7 - 100);
            }
            buffer.write(10, src, 4, 20);
            buffer.put(63, (byte) -1);
            byte[] dst = new byte[40];
            buffer.read(10, dst, 5, 20);
            for (int i = 0; i < 20; i++) {
                assertEquals(src[4 + i], dst[5 + i]);
                assertEquals(src[4 + i], buffer.get(10 + i));
            }
            assertEquals(0, dst[4]);
            assertEquals(0, dst[25]);
            assertEquals(-1, buffer.get(63));
            assertEquals(0, buffer.get(9));
            assertEquals(0, buffer.get(30));
            buffer.write(0, new byte[0], 0, 0);
            buffer.read(64, new byte[0], 0, 0);
        }
    }

    @Test
    void theViewIsTheSameMemoryWithoutCopying() {
        try (NativeBuffer buffer = NativeBuffer.allocate(16)) {
            ByteBuffer view = buffer.asByteBuffer();
            assertTrue(view.isDirect());
            view.put(3, (byte) 42);
            assertEquals(42, buffer.get(3));
            buffer.put(4, (byte) 43);
            assertEquals(43, view.get(4));
            assertEquals(85, DataProcessor.processData(view));
        }
    }

    @Test
    void outOfRangeAccessIsRefusedBeforeC() {
        try (NativeBuffer buffer = NativeBuffer.allocate(8)) {
            byte[] array = new byte[8];
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.get(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.get(8));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.get(Long.MAX_VALUE));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.put(8, (byte) 1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.put(Long.MIN_VALUE, (byte) 1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.read(1, array, 0, 8));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.read(0, array, 1, 8));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.read(0, array, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.read(0, array, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.write(Long.MAX_VALUE, array, 0, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.write(-1, array, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.write(0, array, 7, Integer.MAX_VALUE));
            assertThrows(NullPointerException.class, () -> buffer.read(0, null, 0, 1));
            assertThrows(NullPointerException.class, () -> buffer.write(0, null, 0, 1));
            assertEquals(0, buffer.get(7), "refused writes changed nothing");
        }
    }

    @Test
    void useAfterCloseIsIllegalStateAndCloseTwiceIsANoOp() {
        NativeBuffer buffer = NativeBuffer.allocate(8);
        buffer.close();
        assertTrue(buffer.isClosed());
        assertEquals(8, buffer.size());
        assertThrows(IllegalStateException.class, () -> buffer.get(0));
        assertThrows(IllegalStateException.class, () -> buffer.put(0, (byte) 1));
        assertThrows(IllegalStateException.class, () -> buffer.read(0, new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> buffer.write(0, new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, buffer::asByteBuffer);
        assertDoesNotThrow(buffer::close);
        assertDoesNotThrow(buffer::close);
        assertEquals(0, handleOf(stateOf(buffer)), "the C memory is freed and the handle cleared");
    }

    @Test
    void freeingAClearedHandleInCIsANoOp() {
        NativeBuffer buffer = NativeBuffer.allocate(8);
        NativeBuffer.State state = stateOf(buffer);
        buffer.close();
        // A second free of the same state reaches C with a cleared handle: it must not double-free.
        BufferNative.free(state);
        assertEquals(0, handleOf(state));
        assertThrows(NullPointerException.class, () -> BufferNative.free(null));
    }

    @Test
    void theCleanerFreesABufferThatWasNeverClosed() throws InterruptedException {
        NativeBuffer.State state = dropUnclosedBuffer();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!state.isClosed() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(state.isClosed(), "the Cleaner did not run within 30 s");
        // The Cleaner's thread clears the handle in C right after marking the state closed.
        while (handleOf(state) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, handleOf(state), "free_buffer was not called");
        BufferNative.free(state);
    }

    /** Allocates in a separate frame so that no local keeps the buffer reachable. */
    private static NativeBuffer.State dropUnclosedBuffer() {
        NativeBuffer buffer = NativeBuffer.allocate(1 << 16);
        buffer.put(0, (byte) 1);
        NativeBuffer.State state = stateOf(buffer);
        assertTrue(handleOf(state) != 0);
        return state;
    }

    @Test
    void closeRacingWithReadersFreesOnceAndEveryCallEndsCleanly() throws Exception {
        for (int round = 0; round < 20; round++) {
            NativeBuffer buffer = NativeBuffer.allocate(4096);
            CountDownLatch started = new CountDownLatch(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong completed = new AtomicLong();
            List<Throwable> unexpected = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    started.countDown();
                    byte[] chunk = new byte[4096];
                    while (!stop.get()) {
                        try {
                            buffer.write(0, chunk, 0, chunk.length);
                            buffer.read(0, chunk, 0, chunk.length);
                            completed.incrementAndGet();
                        } catch (IllegalStateException closed) {
                            return;
                        } catch (Throwable e) {
                            synchronized (unexpected) {
                                unexpected.add(e);
                            }
                            return;
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            started.await();
            buffer.close();
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), unexpected);
            assertEquals(0, handleOf(stateOf(buffer)));
        }
    }

    @Test
    void nativesRefuseANullState() {
        assertThrows(NullPointerException.class, () -> BufferNative.get(null, 0));
        assertThrows(NullPointerException.class, () -> BufferNative.put(null, 0, (byte) 0));
        assertThrows(NullPointerException.class, () -> BufferNative.read(null, 0, new byte[1], 0, 1));
        assertThrows(NullPointerException.class, () -> BufferNative.write(null, 0, new byte[1], 0, 1));
        assertThrows(NullPointerException.class, () -> BufferNative.view(null));
    }

    @Test
    void nativesCheckBoundsThemselves() {
        try (NativeBuffer buffer = NativeBuffer.allocate(8)) {
            NativeBuffer.State state = stateOf(buffer);
            state.acquire();
            try {
                assertThrows(IndexOutOfBoundsException.class, () -> BufferNative.get(state, 8));
                assertThrows(IndexOutOfBoundsException.class, () -> BufferNative.get(state, -1));
                assertThrows(IndexOutOfBoundsException.class, () -> BufferNative.put(state, Long.MAX_VALUE, (byte) 0));
                assertThrows(IndexOutOfBoundsException.class,
                        () -> BufferNative.read(state, Long.MAX_VALUE, new byte[2], 0, 2));
                assertThrows(IndexOutOfBoundsException.class, () -> BufferNative.read(state, 0, new byte[2], 1, 2));
                assertThrows(IndexOutOfBoundsException.class, () -> BufferNative.write(state, 0, new byte[2], -1, 1));
                assertThrows(NullPointerException.class, () -> BufferNative.write(state, 0, null, 0, 1));
            } finally {
                state.release();
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BufferNative.allocate(0));
        assertThrows(IllegalArgumentException.class, () -> BufferNative.allocate(-5));
        assertThrows(IllegalArgumentException.class, () -> BufferNative.allocate(NativeBuffer.MAX_SIZE + 1));
    }

    @Test
    void nativesSeeAClosedStateAsClosed() {
        NativeBuffer buffer = NativeBuffer.allocate(8);
        NativeBuffer.State state = stateOf(buffer);
        buffer.close();
        assertThrows(IllegalStateException.class, () -> BufferNative.get(state, 0));
        assertThrows(IllegalStateException.class, () -> BufferNative.view(state));
    }

    static NativeBuffer.State stateOf(NativeBuffer buffer) {
        return (NativeBuffer.State) read(NativeBuffer.class, "state", buffer);
    }

    static long handleOf(NativeBuffer.State state) {
        return (Long) read(NativeBuffer.State.class, "handle", state);
    }

    private static Object read(Class<?> type, String name, Object target) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
