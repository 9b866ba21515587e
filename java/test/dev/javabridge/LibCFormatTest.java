package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LibCFormatTest {
    /** Formats whose C meaning Java's Formatter shares: the C format, Java's spelling of it, the arguments. */
    static Stream<Arguments> sameAsJava() {
        return Stream.of(
                same("%d", 42), same("%d", -42), same("%d", Integer.MIN_VALUE), same("%d", Integer.MAX_VALUE),
                same("%5d|%-5d|%05d", 42, 42, 42), same("%+d % d", 7, 7), same("%-+6d|", 42),
                same("%d", (short) -3), same("%d", (byte) 127),
                same("%x %X %#x %o %#o", 255, 255, 255, 8, 8), same("%x", -1), same("%o", -8),
                java("%ld %lld", "%d %d", Long.MAX_VALUE, Long.MIN_VALUE), java("%lx", "%x", -1L),
                java("%i", "%d", 12), java("%lu", "%d", 123L),
                same("%f", Math.PI), same("%.3f|%10.4f|%-10.2f|%08.3f", Math.PI, Math.E, -1.5, Math.PI),
                same("%e %E %+.2e", Math.PI, 12345.678, 0.000123), same("%f", 1.5f), same("%.0f", 2.7),
                same("%f", -0.0), same("%.10f", 1e-10), same("%.2f", 1e15),
                same("%s", "hello"), same("%10s|%-10s|", "right", "left"), same("%.3s", "abcdef"),
                same("%s \u00e9 %s", "h\u00e9llo", "\uD83D\uDE00"), same("%c%c", 'J', '!'),
                same("100%% of %d%%", 5), same("no conversions"), same(""), same("%%"),
                same("%s is %d years and %.1f%% done", "Ada", 36, 99.5));
    }

    private static Arguments same(String format, Object... args) {
        return Arguments.of(format, format, args);
    }

    private static Arguments java(String cFormat, String javaFormat, Object... args) {
        return Arguments.of(cFormat, javaFormat, args);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("sameAsJava")
    void agreesWithJavasFormatter(String cFormat, String javaFormat, Object[] args) {
        assertEquals(String.format(Locale.ROOT, javaFormat, args), LibC.format(cFormat, args));
    }

    @Test
    void unsignedConversionsReadTheBitsAsC() {
        assertEquals(Integer.toUnsignedString(-1), LibC.format("%u", -1));
        assertEquals(Long.toUnsignedString(-1L), LibC.format("%lu", -1L));
        assertEquals(Long.toUnsignedString(Long.MIN_VALUE), LibC.format("%llu", Long.MIN_VALUE));
    }

    @Test
    void widthAndPrecisionOfStringsCountBytesAsInC() {
        assertEquals("  \u00e9", LibC.format("%4s", "\u00e9"));          // é is 2 of the 4 bytes
        assertEquals("\uD83D\uDE00", LibC.format("%.4s", "\uD83D\uDE00x"));
    }

    @Test
    void precisionCuttingAUtf8CharacterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LibC.format("%.1s", "\u00e9"));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LibC.format("%.4s", "a\uD83D\uDE00"));
        assertThrows(IllegalArgumentException.class, () -> LibC.format("[%.2s]", "\u20ac"));
    }

    @Test
    void aStringArgumentEndsAtItsFirstNul() {
        assertEquals("[ab]", LibC.format("[%s]", "ab\0cd"));
    }

    @Test
    void otherArgumentTypesAreAccepted() {
        assertEquals("x", LibC.format("%s", new StringBuilder("x")));
        assertEquals("3.500000", LibC.format("%lf", 3.5));
        assertEquals("0x1p+0", LibC.format("%a", 1.0));
    }

    @Test
    void fieldsUpToTheLimitWork() {
        assertEquals(4096, LibC.format("%4096d", 1).length());
        assertEquals(" ".repeat(4095) + "1", LibC.format("%4096d", 1));
        assertEquals(2 + 4096, LibC.format("%.4096f", 1.0).length());
        assertEquals("x".repeat(10_000), LibC.format("%s", "x".repeat(10_000)));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                bad("%n writes", "%n", 1), bad("%n writes", "%5n", 1), bad("%n writes", "%ln", 1L),
                bad("'*' widths", "%*d", 5, 1), bad("'*' widths", "%.*f", 2, 1.0), bad("'*' widths", "%-*s", 3, "a"),
                bad("unsupported conversion %k", "%k", 1), bad("unsupported conversion %h", "%hd", 1),
                bad("unsupported conversion %z", "%zu", 1), bad("unsupported conversion %j", "%jd", 1L),
                bad("unsupported conversion %p", "%p", 1L), bad("unsupported conversion %L", "%Lf", 1.0),
                bad("unsupported conversion %1$", "%1$d", 1), bad("unsupported conversion %S", "%S", "a"),
                bad("unsupported conversion %lll", "%llld", 1L),
                bad("ends inside the conversion", "%", 1), bad("ends inside the conversion", "abc %5", 1),
                bad("ends inside the conversion", "%l", 1), bad("ends inside the conversion", "%-.", 1),
                bad("expects an Integer", "%d", "text"), bad("expects an Integer", "%d", 1L),
                bad("expects an Integer", "%x", 1.5), bad("expects an Integer", "%d", (Object) null),
                bad("expects a Long or Integer", "%ld", 1.0), bad("expects a Long or Integer", "%lu", "1"),
                bad("expects a Double or Float", "%f", 1), bad("expects a Double or Float", "%e", "1.0"),
                bad("expects a Double or Float", "%llf", 1.0),
                bad("expects a String", "%s", 42), bad("expects a String", "%s", (Object) null),
                bad("expects a String", "%ls", "wide"), bad("expects an ASCII Character", "%c", "c"),
                bad("expects an ASCII Character", "%c", '\u00e9'), bad("expects an ASCII Character", "%c", '\0'),
                bad("expects an ASCII Character", "%c", 65), bad("expects an ASCII Character", "%lc", 'a'),
                bad("more conversions than the 0 arguments", "%d"),
                bad("more conversions than the 1 arguments", "%d %d", 1),
                bad("0 conversions but 1 arguments", "plain", 1), bad("0 conversions but 1 arguments", "", 1),
                bad("1 conversions but 2 arguments", "%d", 1, 2),
                bad("0 conversions but 1 arguments", "100%%", 1),
                bad("NUL character", "a\0b"), bad("NUL character", "%d\0", 1),
                bad("width or precision above 4096", "%4097d", 1),
                bad("width or precision above 4096", "%.4097f", 1.0),
                bad("width or precision above 4096", "%99999999999999999999d", 1),
                bad("width or precision above 4096", "%1.99999s", "a"),
                bad("'#' flag is undefined in C for %d", "%#d", 1), bad("'#' flag is undefined", "%#lu", 1L),
                bad("'#' flag is undefined in C for %s", "%-#5s", "a"), bad("'#' flag is undefined", "%#c", 'a'),
                bad("'0' flag is undefined in C for %s", "%05s", "a"), bad("'0' flag is undefined", "%0c", 'a'),
                bad("precision is undefined in C for %c", "%.3c", 'a'));
    }

    private static Arguments bad(String message, String format, Object... args) {
        return Arguments.of(message, format, args);
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("refused")
    void refusedFormatsNeverReachC(String message, String format, Object[] args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LibC.format(format, args));
        assertTrue(e.getMessage().contains(message), () -> "expected \"" + message + "\" in: " + e.getMessage());
    }

    @Test
    void flagsAndPrecisionsThatCDefinesAreAccepted() {
        assertEquals("0xff|0377|1.000|00042|   ab|a    |007", LibC.format("%#x|%#o|%#.4g|%05d|%5.2s|%-5c|%.3d",
                255, 255, 1.0, 42, "abc", 'a', 7));
    }

    @Test
    void theNativeChecksEverySegmentItself() {
        byte[] none = new byte[0];
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%n"), CFormat.INT, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%*d"), CFormat.INT, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%d %d"), CFormat.INT, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%q"), CFormat.INT, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%#s"), CFormat.STRING, 0, 0, none));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%5000d"), CFormat.INT, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("a\0%d"), CFormat.INT, 0, 0, null));
        // A kind that does not match the conversion would make snprintf read the wrong type: C refuses it.
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%s"), CFormat.INT, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%d"), CFormat.STRING, 0, 0, none));
        assertThrows(IllegalArgumentException.class, () -> LibCNative.format(bytes("%f"), CFormat.LONG, 0, 0, null));
        assertThrows(NullPointerException.class, () -> LibCNative.format(bytes("%s"), CFormat.STRING, 0, 0, null));
        assertThrows(NullPointerException.class, () -> LibCNative.format(null, CFormat.NONE, 0, 0, null));
        assertEquals("[-7]", new String(LibCNative.format(bytes("[%d]"), CFormat.INT, -7, 0, null),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void loneSurrogatesInFormatOrArgumentAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LibC.format("\uD83D %d", 1));
        assertThrows(IllegalArgumentException.class, () -> LibC.format("%s", "x\uDE00"));
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> LibC.format(null));
        assertThrows(NullPointerException.class, () -> LibC.format("%d", (Object[]) null));
    }
}
