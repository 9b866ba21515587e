package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One call through every family of natives, on whatever platform runs the tests.
 * scripts/test-cross.sh runs this class on an emulated aarch64 JVM against the
 * cross-built library, so the values here are those where the targets' data models
 * differ (signedness of char, width of long, 64-bit results, floating point through
 * libm, UTF-8 lengths): each expectation is worked out in Java, not copied from C.
 */
class PlatformNativesTest {

    @Test
    void loadsTheLibraryBuiltForThisPlatform() {
        NativeLibrary.load();
        assertNotNull(NativeLibrary.loadedFrom());
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        String expected;
        if (os.startsWith("linux") && arch.equals("amd64")) {
            expected = "natives/linux_64/libjavabridge_guide.so";
        } else if (os.startsWith("linux") && arch.equals("aarch64")) {
            expected = "natives/linux_arm64/libjavabridge_guide.so";
        } else if (os.startsWith("windows") && arch.equals("amd64")) {
            expected = "natives/windows_64/javabridge_guide.dll";
        } else if (os.startsWith("mac") && arch.equals("aarch64")) {
            expected = "natives/osx_arm64/libjavabridge_guide.dylib";
        } else if (os.startsWith("mac") && (arch.equals("x86_64") || arch.equals("amd64"))) {
            expected = "natives/osx_64/libjavabridge_guide.dylib";
        } else {
            // Not a value compared with itself: a platform this test does not know is a failure,
            // to be met by adding its expected resource above.
            throw new AssertionError("no expected natives resource for os.name=" + os + ", os.arch=" + arch
                    + " (javabridge resolves " + NativeLibrary.platformResource() + ")");
        }
        assertEquals(expected, NativeLibrary.platformResource(), "os.name=" + os + ", os.arch=" + arch);
    }

    @Test
    void stringsCrossAsUtf8() {
        String text = "h\u00e9llo \uD83D\uDE00";
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, LibC.strlen(text));
        assertEquals(2, LibC.strlen("ab\0cd"));
        assertEquals(String.format(Locale.ROOT, "%5d|%08.3f|%x|%s", 42, Math.PI, 255L, text),
                LibC.format("%5d|%08.3f|%lx|%s", 42, Math.PI, 255L, text));
        assertEquals("1.500000e+300", LibC.format("%e", 1.5e300));
    }

    @Test
    void arithmeticKeepsItsWidth() {
        assertEquals(5.0, MathOps.pointDistance(new Point(0, 0), new Point(3, 4)));
        assertEquals(Math.hypot(1e200, 1e200), MathOps.pointDistance(new Point(0, 0), new Point(1e200, 1e200)));
        assertEquals(65536L * 65536L, MathOps.multiply(65536, 65536));
        assertEquals((long) Integer.MIN_VALUE * Integer.MIN_VALUE, MathOps.multiply(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(42, MathOps.safeAdd(2, 40));
        assertThrows(ArithmeticException.class, () -> MathOps.safeAdd(Integer.MAX_VALUE, 1));
        assertEquals(-8, MathOps.divide(-42, 5));
        assertThrows(ArithmeticException.class, () -> MathOps.divide(Integer.MIN_VALUE, -1));
        assertThrows(IllegalArgumentException.class, () -> MathOps.safeOperation(-5));
    }

    @Test
    void bytesAreSummedUnsigned() {
        byte[] data = new byte[1000];
        Arrays.fill(data, (byte) 0xFF);
        assertEquals(255L * 1000, DataProcessor.processData(data));
        assertEquals(255L * 10, DataProcessor.processData(data, 10, 10));
        ByteBuffer direct = ByteBuffer.allocateDirect(300);
        for (int i = 0; i < 300; i++) {
            direct.put((byte) i);
        }
        long sum = 0;
        for (int i = 0; i < 300; i++) {
            sum += i & 0xFF;
        }
        direct.flip();
        assertEquals(sum, DataProcessor.processData(direct));
    }

    @Test
    void memoryOwnedByC() {
        byte[] text = "javabridge".getBytes(StandardCharsets.US_ASCII);
        try (NativeBuffer buffer = NativeBuffer.allocate(16)) {
            buffer.write(0, text, 0, text.length);
            buffer.put(15, (byte) -7);
            byte[] back = new byte[text.length];
            buffer.read(0, back, 0, back.length);
            assertArrayEquals(text, back);
            assertEquals(-7, buffer.get(15));
            assertEquals(-7, buffer.asByteBuffer().get(15));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.get(16));
        }
    }

    @Test
    void structFieldsKeepTheirCTypes() {
        assertEquals(new Config(1000, 3, true), new Config(0, 3, true).normalized());
        assertEquals(new Config(600_000, 10, true), new Config(Config.MAX_TIMEOUT_MS, 10, true).normalized());
        assertEquals(new Config(5000, 0, false), new Config(5000, 7, false).normalized());
        assertThrows(IllegalArgumentException.class, () -> new Config(100, 11, true).normalized());
    }

    @Test
    void callbacksRunAndTheirExceptionsComeBack() {
        List<Integer> seen = new ArrayList<>();
        Callbacks.forEach(new int[] {3, 1, 2}, seen::add);
        assertEquals(List.of(3, 1, 2), seen);
        int[] values = {5, 3, 9, 1, 7};
        Callbacks.sort(values, (a, b) -> Integer.compare(b, a));
        assertArrayEquals(new int[] {9, 7, 5, 3, 1}, values);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Callbacks.forEach(new int[] {1, 2, 3}, v -> {
                    if (v == 2) {
                        throw new IllegalStateException("refused " + v);
                    }
                }));
        assertEquals("refused 2", thrown.getMessage());
    }
}
