package dev.javabridge.capi;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** What the C API's direct-buffer and object-array suites use. */
public final class CapiBuffers {
    private CapiBuffers() {}

    private static ByteBuffer kept;

    public static ByteBuffer heap() { return ByteBuffer.allocate(8); }

    public static ByteBuffer direct(int n) {
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) b.put(i, (byte) i);
        return b;
    }

    /** Unsigned bytes summed through absolute reads: C memory read in place. */
    public static long sum(ByteBuffer b) {
        long s = 0;
        for (int i = 0; i < b.capacity(); i++) s += b.get(i) & 0xFF;
        return s;
    }

    /** Writes the C memory in place: value at every index, then an int at 0 (big-endian). */
    public static void fill(ByteBuffer b, byte value) {
        for (int i = 0; i < b.capacity(); i++) b.put(i, value);
        if (b.capacity() >= 4) b.putInt(0, 0x01020304);
    }

    public static boolean isDirect(ByteBuffer b) { return b.isDirect(); }

    public static int capacity(ByteBuffer b) { return b.capacity(); }

    public static void keep(ByteBuffer b) { kept = b; }

    public static void drop() { kept = null; }

    public static Object[] mixed() { return new Object[] {"a", 7, null}; }

    public static String[] names() { return new String[] {"x", "y\u00e9", "z"}; }

    public static int[][] grid() { return new int[][] {{1, 2}, {3}}; }

    public static Object[] empty() { return new Object[0]; }

    public static String describe(Object[] a) { return Arrays.deepToString(a); }

    public static Integer boxed(int v) { return v; }
}
