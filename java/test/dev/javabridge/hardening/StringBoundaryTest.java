package dev.javabridge.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.javabridge.LibC;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strings crossing into C and back (LibC.strlen and LibC.format): valid text
 * survives byte for byte at every size, invalid text is refused with an
 * encoding error, and C's own rule (a string ends at its first NUL) is the only
 * change ever made to a string, as documented.
 */
class StringBoundaryTest {
    private static final int KIB_64 = 64 << 10;
    private static final int MIB_16 = 16 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "é", "中文", "😀", "👩‍👩‍👧‍👦", "\uD800\uDC00", "\uDBFF\uDFFF", "a😀b€c", "\u0080\u07FF\u0800\uFFFF"})
    void validTextRoundTripsByteExact(String s) {
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, LibC.strlen(s));
        assertEquals(s, LibC.format("%s", s));
        assertEquals(s, LibC.format(s.replace("%", "%%")));
        assertEquals("<" + s + ">", LibC.format("<%s>", s));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, KIB_64, MIB_16})
    void sizesZero64KiBAnd16MiBRoundTrip(int bytes) {
        String s = randomUtf8OfExactly(bytes, new Random(bytes));
        assertEquals(bytes, s.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(bytes, LibC.strlen(s));
        assertEquals(s, LibC.format("%s", s));
        assertEquals(s, LibC.format(s.replace("%", "%%")));
    }

    @Test
    void thousandsOfRandomStringsRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String s = randomUtf8OfExactly(random.nextInt(300), random);
            assertEquals(s, LibC.format("%s", s), () -> "string " + codePoints(s));
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, LibC.strlen(s));
        }
    }

    @Test
    void embeddedNulEndsTheStringAsCSeesIt() throws Exception {
        assertEquals(1, LibC.strlen("a\0b"));
        assertEquals(0, LibC.strlen("\0"));
        assertEquals(4, LibC.strlen("😀\0😀"));
        assertEquals("a", LibC.format("%s", "a\0b"));
        // The raw native sees exactly the bytes given, with their length: no read past the array.
        assertEquals(3L, strlenNative(new byte[] {'a', 'b', 'c'}));
        assertEquals(2L, strlenNative(new byte[] {'a', 'b', 0, 'c'}));
        assertEquals(MIB_16, strlenNative(filled(MIB_16, (byte) 'x')));
    }

    @Test
    void nulInAFormatIsRefusedNotCut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LibC.format("a\0%d", 1));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDFFF", "a\uD83Db", "\uDE00\uD83D", "x\uDC00", "\uD83D\uD83D"})
    void loneSurrogatesAreAnEncodingError(String s) {
        assertEncodingError(() -> LibC.strlen(s));
        assertEncodingError(() -> LibC.format("%s", s));
        assertEncodingError(() -> LibC.format(s));
    }

    @Test
    void precisionCuttingACharacterIsAnEncodingErrorNotAShorterString() {
        assertEquals("é", LibC.format("%.2s", "é"));
        assertEncodingError(() -> LibC.format("%.1s", "é"));
        assertEncodingError(() -> LibC.format("%.3s", "😀"));
        assertEquals("", LibC.format("%.0s", "😀"));
    }

    /** Malformed UTF-8 handed straight to the native comes back unchanged: C never alters bytes. */
    @Test
    void malformedBytesPassThroughCUnchanged() throws Exception {
        byte[][] malformed = {
            {(byte) 0xC0, (byte) 0x80},                           // overlong NUL
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},              // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // an encoded surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},                           // truncated
            {(byte) 0xFF, (byte) 0xFE},
        };
        for (byte[] m : malformed) {
            assertArrayEquals(m, formatNative("%s", 6, m));
            assertEquals(m.length, strlenNative(m));
        }
    }

    private static void assertEncodingError(org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains("UTF-16") || e.getMessage().contains("UTF-8"), e.getMessage());
    }

    /** A random string of valid code points (1 to 4 UTF-8 bytes each) whose UTF-8 form is exactly n bytes. */
    static String randomUtf8OfExactly(int n, Random random) {
        StringBuilder b = new StringBuilder();
        int left = n;
        while (left > 0) {
            int width = 1 + random.nextInt(Math.min(4, left));
            int cp;
            switch (width) {
                case 1: cp = 1 + random.nextInt(0x7F); break;
                case 2: cp = 0x80 + random.nextInt(0x800 - 0x80); break;
                case 3:
                    do {
                        cp = 0x800 + random.nextInt(0x10000 - 0x800);
                    } while (cp >= 0xD800 && cp <= 0xDFFF);
                    break;
                default: cp = 0x10000 + random.nextInt(0x110000 - 0x10000); break;
            }
            b.appendCodePoint(cp);
            left -= width;
        }
        return b.toString();
    }

    private static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(String.format("U+%04X ", cp)));
        return b.toString();
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, value);
        return b;
    }

    private static long strlenNative(byte[] utf8) throws Exception {
        return (Long) invoke(NativeSweepTest.nativeMethod("LibCNative", "strlen"), utf8);
    }

    private static byte[] formatNative(String spec, int kind, byte[] text) throws Exception {
        return (byte[]) invoke(NativeSweepTest.nativeMethod("LibCNative", "format"),
                spec.getBytes(StandardCharsets.US_ASCII), kind, 0L, 0.0, text);
    }

    private static Object invoke(Method m, Object... args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
