package dev.javabridge.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.userlib.UserLib;
import dev.javabridge.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The JNI kit (include/javabridge/jnikit.h) through the real JNI, under -Xcheck:jni: a user's
 * library outside dev.javabridge (cpp/test/userlib/userlib.c), loaded by NativeLoader from the
 * file its per-library property names, calls each helper.
 */
class JniKitTest {
    private static final String[] KINDS = {"java.lang.IllegalArgumentException", "java.lang.NullPointerException",
        "java.lang.ArithmeticException", "java.lang.IllegalStateException", "java.lang.IndexOutOfBoundsException",
        "java.lang.OutOfMemoryError"};

    @Test
    void loadedThroughThePerLibraryPropertyAndBoundUnderItsOwnPackage() {
        assertEquals(System.getProperty("javabridge.library.path.userlib"), UserLib.LOADED_FROM);
        assertEquals("com/example/userlib", UserLib.runtimePackage());
        assertEquals("loaded", System.getProperty("userlib.first"), "the first module ran in JNI_OnLoad");
    }

    @Test
    void eachKindThrowsItsClassWithAMessageSafeForJni() {
        for (int kind = 0; kind < KINDS.length; kind++) {
            int k = kind;
            Throwable t = assertThrows(Throwable.class, () -> UserLib.throwKind(k));
            assertEquals(KINDS[kind], t.getClass().getName());
            // Valid UTF-8 below U+10000 survives; the emoji (4 bytes) and the stray 0xFF become '?'.
            assertEquals("kind " + kind + " from C: caf\u00e9 ???? ?!", t.getMessage());
        }
        assertEquals(IllegalStateException.class, assertThrows(Throwable.class, () -> UserLib.throwKind(6)).getClass(),
                "an unknown kind falls back to IllegalStateException");
        assertEquals(IllegalStateException.class, assertThrows(Throwable.class, () -> UserLib.throwKind(-1)).getClass());
    }

    @Test
    void throwByNameFallsBackWhenTheClassCannotBeThrown() {
        Throwable io = assertThrows(Throwable.class, () -> UserLib.throwClass(bytes("java/io/IOException")));
        assertEquals(IOException.class, io.getClass());
        assertEquals("thrown by name", io.getMessage());
        Throwable missing = assertThrows(Throwable.class, () -> UserLib.throwClass(bytes("no/such/Exception")));
        assertEquals(IllegalStateException.class, missing.getClass());
        assertTrue(missing.getMessage().contains("could not throw no/such/Exception"), missing.getMessage());
        // A class that is no Throwable is refused before ThrowNew (for which it would be a JNI error).
        Throwable notThrowable = assertThrows(Throwable.class, () -> UserLib.throwClass(bytes("java/lang/String")));
        assertEquals(IllegalStateException.class, notThrowable.getClass());
        assertTrue(notThrowable.getMessage().contains("could not throw java/lang/String"), notThrowable.getMessage());
        assertThrows(NullPointerException.class, () -> UserLib.throwClass(null));
    }

    @Test
    void statusTravelsBesideIntResults() {
        assertEquals(3, UserLib.divide(7, 2));
        assertEquals(-3, UserLib.divide(-7, 2));
        long status = UserLib.divide(1, 0);
        assertTrue(Status.isStatus(status));
        assertEquals(-7, Status.code(status));
        assertTrue(Status.isStatus(UserLib.divide(Integer.MIN_VALUE, -1)));
        assertEquals(Integer.MIN_VALUE, Status.intResult(UserLib.divide(Integer.MIN_VALUE, 1), "divide"));
    }

    @Test
    void rangesAreCheckedBeforeAnyPin() {
        byte[] data = {1, 2, 3, 4, (byte) 0xFF};
        for (boolean critical : new boolean[] {false, true}) {
            assertEquals(1 + 2 + 3 + 4 + 255, UserLib.sum(data, 0, 5, critical));
            assertEquals(2 + 3, UserLib.sum(data, 1, 2, critical));
            assertEquals(0, UserLib.sum(data, 5, 0, critical));
            NullPointerException npe = assertThrows(NullPointerException.class, () -> UserLib.sum(null, 0, 0, critical));
            assertEquals("data is null", npe.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> UserLib.sum(data, -1, 2, critical));
            assertThrows(IndexOutOfBoundsException.class, () -> UserLib.sum(data, 1, -1, critical));
            assertThrows(IndexOutOfBoundsException.class, () -> UserLib.sum(data, 4, 2, critical));
            assertThrows(IndexOutOfBoundsException.class, () -> UserLib.sum(data, 1, Integer.MAX_VALUE, critical));
            assertThrows(IndexOutOfBoundsException.class, () -> UserLib.sum(data, Integer.MAX_VALUE, 1, critical));
        }
        assertEquals(6.5, UserLib.sumDoubles(new double[] {1, 2, 3.5, 100}, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.sumDoubles(new double[2], 1, 2));
    }

    @Test
    void aWritePinCopiesBackAndAReadPinDoesNot() {
        byte[] data = new byte[8];
        UserLib.fill(data, 2, 3, (byte) 7, 2 /* JBK_PIN_WRITE */);
        assertArrayEquals(new byte[] {0, 0, 7, 7, 7, 0, 0, 0}, data);
        UserLib.fill(data, 0, 8, (byte) 9, 3 /* JBK_PIN_READ_WRITE */);
        byte[] nines = new byte[8];
        Arrays.fill(nines, (byte) 9);
        assertArrayEquals(nines, data);
        // HotSpot hands out a copy for a non-critical pin: released with JNI_ABORT, C's writes vanish.
        UserLib.fill(data, 0, 8, (byte) 1, 1 /* JBK_PIN_READ */);
        assertArrayEquals(nines, data, "a read pin was written back");
        assertThrows(IllegalArgumentException.class, () -> UserLib.fill(data, 0, 1, (byte) 0, 0));
        assertThrows(IllegalArgumentException.class, () -> UserLib.fill(data, 0, 1, (byte) 0, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.fill(data, 7, 2, (byte) 0, 2));
    }

    @Test
    void directBuffersAreCheckedAgainstTheirCapacity() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {1, 2, 3, 4});
        assertEquals(10, UserLib.bufferSum(direct, 0, 4));
        assertEquals(7, UserLib.bufferSum(direct, 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.bufferSum(direct, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.bufferSum(direct, Long.MAX_VALUE, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.bufferSum(direct, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> UserLib.bufferSum(ByteBuffer.allocate(4), 0, 1));
        assertThrows(NullPointerException.class, () -> UserLib.bufferSum(null, 0, 0));
    }

    @Test
    void severalArraysAndABufferArePinnedTogether() {
        int[] a = {9, 1, 2, 3, 4};
        long[] out = new long[6];
        ByteBuffer buffer = ByteBuffer.allocateDirect(4).put(new byte[] {10, 20, 30, (byte) 200});
        assertEquals(10 + 40 + 90 + 800, UserLib.mix(a, 1, out, 2, buffer, 4, 0));
        assertArrayEquals(new long[] {0, 0, 10, 40, 90, 800}, out, "the written array was copied back at its offset");
        assertArrayEquals(new int[] {9, 1, 2, 3, 4}, a);
        assertEquals(0, UserLib.mix(a, 5, out, 6, buffer, 0, 0));
        // The limit: 3 pins + 13 more fill the set; one more is refused before any region is entered.
        assertEquals(10 + 40 + 90 + 800, UserLib.mix(a, 1, out, 0, buffer, 4, 13));
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class,
                () -> UserLib.mix(a, 1, out, 0, buffer, 4, 14));
        assertEquals("extra: more than 16 pins in one set", full.getMessage());
    }

    @Test
    void everyMemberOfAPinSetIsCheckedBeforeAnyIsPinned() {
        int[] a = new int[4];
        long[] out = new long[4];
        ByteBuffer buffer = ByteBuffer.allocateDirect(4);
        // A bad later member: its check (a JNI call) runs while nothing is pinned, and nothing is written.
        assertEquals("out: range [1, 1 + 4) is outside an array of length 4",
                assertThrows(IndexOutOfBoundsException.class, () -> UserLib.mix(a, 0, out, 1, buffer, 4, 0)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.mix(a, 1, out, 0, buffer, 4, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.mix(a, 0, out, 0, ByteBuffer.allocateDirect(3), 4, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.mix(a, -1, out, 0, buffer, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> UserLib.mix(a, 0, out, 0, buffer, -1, 0));
        assertEquals("out is null", assertThrows(NullPointerException.class,
                () -> UserLib.mix(a, 0, null, 0, buffer, 1, 0)).getMessage());
        assertThrows(NullPointerException.class, () -> UserLib.mix(null, 0, out, 0, buffer, 1, 0));
        assertThrows(NullPointerException.class, () -> UserLib.mix(a, 0, out, 0, null, 1, 0));
        assertEquals("buffer is not a direct ByteBuffer", assertThrows(IllegalArgumentException.class,
                () -> UserLib.mix(a, 0, out, 0, ByteBuffer.allocate(4), 4, 0)).getMessage());
        assertArrayEquals(new long[4], out);
    }

    @Test
    void aCallbackRunsForEachValueOnAnyThread() {
        for (boolean onNativeThread : new boolean[] {false, true}) {
            java.util.List<Integer> seen = new java.util.ArrayList<>();
            java.util.List<String> threads = new java.util.ArrayList<>();
            assertEquals(0, UserLib.visit(new int[] {1, 2, 3}, v -> {
                seen.add(v);
                threads.add(Thread.currentThread().getName());
                return 0;
            }, onNativeThread));
            assertEquals(java.util.List.of(1, 2, 3), seen);
            assertEquals(onNativeThread, !threads.get(0).equals(Thread.currentThread().getName()), threads.toString());
            assertEquals(7, UserLib.visit(new int[] {1, 7, 3}, v -> v == 7 ? 7 : 0, onNativeThread), "C's own stop value");
        }
        assertThrows(NullPointerException.class, () -> UserLib.visit(new int[1], null, false));
    }

    @Test
    void aCallbackThatThrowsAbortsTheCLoopAndTheCallerGetsItsException() {
        for (boolean onNativeThread : new boolean[] {false, true}) {
            int[] calls = {0};
            class Stop extends RuntimeException {
                Stop(String m) {
                    super(m);
                }
            }
            Stop stop = assertThrows(Stop.class, () -> UserLib.visit(new int[] {1, 2, 3, 4}, v -> {
                calls[0]++;
                if (v == 2) {
                    throw new Stop("at " + v);
                }
                return 0;
            }, onNativeThread));
            assertEquals("at 2", stop.getMessage());
            assertEquals(2, calls[0], "the trampoline returned the abort value and C stopped at once");
        }
    }

    @Test
    void aCallbackKeptByCAfterItsOwnerClosedIsRefused() {
        int[] calls = {0};
        UserLib.keep(v -> {
            calls[0]++;
            return v * 2;
        });
        assertEquals(42, UserLib.fireKept(21));
        UserLib.dropKept();
        assertEquals(-100, UserLib.fireKept(21), "a stale token is refused");
        assertEquals(1, calls[0]);
        UserLib.dropKept(); // closing again does nothing
        // A kept callback that threw: refused afterwards, and its exception reaches whoever closes it.
        UserLib.keep(v -> {
            throw new IllegalStateException("kept " + v);
        });
        assertEquals(-100, UserLib.fireKept(5));
        assertEquals(-100, UserLib.fireKept(6), "after a throw the callback is not called again");
        assertEquals("kept 5", assertThrows(IllegalStateException.class, UserLib::dropKept).getMessage());
        assertEquals(-100, UserLib.fireKept(7));
    }

    @Test
    void theRegistryIsBoundedAndItsSlotsAreReused() {
        for (int round = 0; round < 2; round++) {
            IllegalStateException full = assertThrows(IllegalStateException.class, () -> UserLib.callbackCapacity(v -> v));
            assertEquals("fn: more than 1024 callbacks open at once", full.getMessage());
        }
        assertEquals(0, UserLib.visit(new int[] {1}, v -> 0, false), "every slot was freed");
    }

    @Test
    void stringsCrossAsRealUtf8BothWays() {
        for (String s : new String[] {"", "ascii only", "h\u00e9llo \uD83D\uDE00 \u0000 end", "\u0000", "\uFFFF\u0800\u07FF",
            "x".repeat(300) + "\uD83D\uDE00", "y".repeat(1000)}) {
            int[] length = new int[1];
            assertEquals(s, UserLib.echo(s, length));
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, length[0], s);
            assertEquals(s, UserLib.decode(s.getBytes(StandardCharsets.UTF_8)));
        }
        assertThrows(IllegalArgumentException.class, () -> UserLib.echo("lone \uD800 surrogate", null));
        assertThrows(IllegalArgumentException.class, () -> UserLib.echo("\uDC00", null));
        assertThrows(NullPointerException.class, () -> UserLib.echo(null, null));
        byte[][] malformed = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
            {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', (byte) 0xFF}};
        for (byte[] bad : malformed) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserLib.decode(bad));
            assertTrue(e.getMessage().startsWith("bytes is not valid UTF-8"), e.getMessage());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
