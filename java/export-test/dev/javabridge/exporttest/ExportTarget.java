package dev.javabridge.exporttest;

import dev.javabridge.export.CExport;
import dev.javabridge.export.CExportHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every type mapping and failure mode of @CExport, for the GoogleTest suite in cpp/test/export/,
 * which calls the generated export_target.h. Each method transforms its input so that a test
 * sees that the value really crossed.
 */
@CExportHeader(name = "export_target", prefix = "xt_", includeGuard = "JB_TEST_EXPORT_TARGET_H")
public final class ExportTarget {
    private static volatile int counter;

    private ExportTarget() {}

    /** Every primitive, as a C struct. */
    public record Sample(byte b, short s, char c, int i, long l, float f, double d, boolean z) {}

    /** Two ints, as a C struct. */
    public record Pair(int left, int right) {}

    /** @return -v (wrapping) */
    @CExport public static byte negateByte(byte v) { return (byte) -v; }

    /** @return -v (wrapping) */
    @CExport public static short negateShort(short v) { return (short) -v; }

    /** @return the next UTF-16 unit, wrapping 0xFFFF to 0 */
    @CExport public static char nextChar(char v) { return (char) (v + 1); }

    /** @return a + b (wrapping) */
    @CExport public static int addInts(int a, int b) { return a + b; }

    /** @return a + b (wrapping) */
    @CExport public static long addLongs(long a, long b) { return a + b; }

    /** @return v / 2 */
    @CExport public static float halfFloat(float v) { return v / 2; }

    /** @return v / 2 */
    @CExport public static double halfDouble(double v) { return v / 2; }

    /** @return !v */
    @CExport public static boolean invert(boolean v) { return !v; }

    /** @return every argument as Java sees it, separated by spaces */
    @CExport
    public static String describe(byte b, short s, char c, int i, long l, float f, double d, boolean z) {
        return b + " " + s + " " + (int) c + " " + i + " " + l + " " + f + " " + d + " " + z;
    }

    /**
     * @return how many Java frames lie below this one: none when C called it through JNI, the JDK's
     *     method-handle frames when it came through an FFM upcall stub (the path test tells them apart)
     */
    @CExport
    public static int framesBelow() {
        return StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES).walk(s -> (int) s.skip(1).count());
    }

    /** Throws IllegalStateException("code " + code); a primitive signature, so on the FFM path on JDK 22+. */
    @CExport
    public static int failWith(int code) {
        throw new IllegalStateException("code " + code);
    }

    /** Sets the counter that {@link #getCounter} returns. */
    @CExport public static void setCounter(int value) { counter = value; }

    /** @return the counter */
    @CExport public static int getCounter() { return counter; }

    /** @return s itself (null for null) */
    @CExport public static String echo(String s) { return s; }

    /** @return the number of code points of s; -1 for null */
    @CExport public static int codePoints(String s) { return s == null ? -1 : s.codePointCount(0, s.length()); }

    /** @return s's UTF-8 bytes (the C string, as Java decoded and encoded it) */
    @CExport public static byte[] utf8Of(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** @return a string with an embedded NUL: "a", NUL, "b" */
    @CExport public static String withNul() { return "a\0b"; }

    /** @return a lone high surrogate, which has no UTF-8 form */
    @CExport public static String loneSurrogate() { return "\uD83D"; }

    /** @return data reversed; null for null */
    @CExport
    public static byte[] reverse(byte[] data) {
        if (data == null) {
            return null;
        }
        byte[] r = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            r[i] = data[data.length - 1 - i];
        }
        return r;
    }

    /** @return data's length; -1 for null */
    @CExport public static int lengthOf(byte[] data) { return data == null ? -1 : data.length; }

    /** @return every component plus one (z inverted) */
    @CExport
    public static Sample bump(Sample s) {
        return new Sample((byte) (s.b() + 1), (short) (s.s() + 1), (char) (s.c() + 1), s.i() + 1, s.l() + 1,
                s.f() + 1, s.d() + 1, !s.z());
    }

    /** @return the pair swapped */
    @CExport public static Pair swap(Pair p) { return new Pair(p.right(), p.left()); }

    /** @return a.left * b.left + a.right * b.right */
    @CExport public static long dot(Pair a, Pair b) { return (long) a.left() * b.left() + (long) a.right() * b.right(); }

    /** @return null, which a C struct cannot hold */
    @CExport public static Pair nullPair() { return null; }

    /**
     * @param message the exception's message
     * @return never
     * @throws IllegalStateException always
     */
    @CExport
    public static int fail(String message) {
        throw new IllegalStateException(message);
    }

    /** @throws IOException always: checked exceptions become codes too */
    @CExport
    public static void failChecked() throws IOException {
        throw new IOException("checked \u2714");
    }

    /** @return never: asks for an array the JVM cannot make (an Error, not an Exception) */
    @CExport
    public static byte[] failError() {
        return new byte[Integer.MAX_VALUE];
    }

    /** @return 42, under a C name given explicitly */
    @CExport("custom_name")
    public static int renamed() { return 42; }

    /** Java parameters named like the generated out-parameters. */
    @CExport
    public static int clash(int out, int out_len) { return out * 10 + out_len; }

    /** Exports from a nested class go into the outer class's header. */
    public static final class Nested {
        private Nested() {}

        /** @return v * 2 */
        @CExport public static int twice(int v) { return v * 2; }
    }
}
