package dev.javabridge.examples;

import dev.javabridge.Point;
import dev.javabridge.export.CExport;
import dev.javabridge.export.CExportHeader;
import java.nio.charset.StandardCharsets;

/**
 * The guide's Rust-side functions, written in Java and exported to C: the build generates
 * {@code guide_exports.h} and {@code guide_exports.c}, and {@code examples/c/export_demo.c} calls
 * them. Errors are Java exceptions; C sees each as a {@code JB_EJAVA} code, never a crash.
 */
@CExportHeader(name = "guide_exports", prefix = "guide_", freeBytes = "free_buffer")
public final class GuideExports {
    /** The largest buffer {@link #createBuffer} hands out: 1 MiB. */
    public static final int MAX_BUFFER = 1 << 20;
    /** The largest input {@link #processData} accepts: 100 MiB, as the guide's C version. */
    public static final int MAX_DATA = 100 << 20;

    private GuideExports() {}

    /**
     * The exact product of two 32-bit integers (it always fits 64 bits).
     *
     * @param a the first factor
     * @param b the second factor
     * @return a * b
     */
    @CExport
    public static long multiply(int a, int b) {
        return (long) a * b;
    }

    /**
     * a / b, truncated toward zero.
     *
     * @param a the dividend
     * @param b the divisor
     * @return the quotient
     * @throws ArithmeticException if b is 0, or for INT32_MIN / -1, whose quotient does not fit
     */
    @CExport
    public static int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new ArithmeticException("overflow: " + a + " / " + b + " does not fit 32 bits");
        }
        return a / b;
    }

    /**
     * An operation that can fail: input * 2 + 1 for input >= 0. However it fails, the C caller
     * gets a code, never a crash.
     *
     * @param input a number from 0 to 1073741823
     * @return input * 2 + 1
     * @throws IllegalArgumentException if input is negative
     * @throws ArithmeticException if the result does not fit 32 bits
     */
    @CExport("safe_operation")
    public static int safeOperation(int input) {
        if (input < 0) {
            throw new IllegalArgumentException("input must not be negative: " + input);
        }
        return Math.addExact(Math.multiplyExact(input, 2), 1);
    }

    /**
     * A new buffer of size bytes holding 0, 1, 2, ... (mod 256). Its ownership passes to the C
     * caller, who frees it with guide_free_buffer().
     *
     * @param size from 1 to 1048576
     * @return the buffer
     * @throws IllegalArgumentException if size is out of range
     */
    @CExport("create_buffer")
    public static byte[] createBuffer(int size) {
        if (size < 1 || size > MAX_BUFFER) {
            throw new IllegalArgumentException("size must be 1.." + MAX_BUFFER + ", not " + size);
        }
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /**
     * The sum of the bytes of data, each read as unsigned.
     *
     * @param data the input, at most 100 MiB; not NULL
     * @return the sum
     * @throws IllegalArgumentException if data is null or too long
     */
    @CExport("process_data")
    public static long processData(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("data is " + data.length + " bytes; the limit is " + MAX_DATA);
        }
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xff;
        }
        return sum;
    }

    /**
     * The Euclidean distance between two points, passed as C structs.
     *
     * @param a one point
     * @param b the other
     * @return the distance
     */
    @CExport("point_distance")
    public static double pointDistance(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /**
     * The point halfway between a and b, returned as a C struct.
     *
     * @param a one point
     * @param b the other
     * @return the midpoint
     */
    @CExport
    public static Point midpoint(Point a, Point b) {
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    /**
     * A greeting, to show UTF-8 strings both ways.
     *
     * @param name who to greet, in UTF-8 (emoji welcome)
     * @return "Hello, name! (n code points)"; the caller frees it with guide_free_string()
     * @throws NullPointerException if name is NULL
     */
    @CExport
    public static String greet(String name) {
        String s = name.toString();
        return "Hello, " + s + "! (" + s.codePointCount(0, s.length()) + " code points, "
                + s.getBytes(StandardCharsets.UTF_8).length + " UTF-8 bytes)";
    }
}
