package dev.javabridge;

import java.util.Objects;

/** The guide's {@code math_ops} C library, called from Java. Every method is thread-safe. */
public final class MathOps {
    private MathOps() {}

    /**
     * The Euclidean distance between two points, computed by C's {@code point_distance}.
     *
     * @param a one point
     * @param b the other point
     * @return the distance, never negative
     * @throws NullPointerException if a or b is null
     */
    public static double pointDistance(Point a, Point b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return MathOpsNative.pointDistance(a.x(), a.y(), b.x(), b.y());
    }

    /**
     * The distances between {@code count} pairs of points in one crossing into C
     * (the guide's batching advice). Points are given as x, y pairs:
     * {@code a[2i], a[2i+1]} is the i-th point of a.
     *
     * @param a the first points, as x, y pairs
     * @param b the second points, as x, y pairs
     * @return a new array of {@code count = a.length / 2} distances
     * @throws NullPointerException if a or b is null
     * @throws IllegalArgumentException if the arrays differ in length or have an odd length
     */
    public static double[] pointDistances(double[] a, double[] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length != b.length || a.length % 2 != 0) {
            throw new IllegalArgumentException("a and b must hold the same even number of coordinates, got "
                    + a.length + " and " + b.length);
        }
        double[] out = new double[a.length / 2];
        MathOpsNative.pointDistances(a, b, out, out.length);
        return out;
    }

    /**
     * {@code a + b}, checked by C's {@code safe_add}.
     *
     * @param a the first addend
     * @param b the second addend
     * @return the sum
     * @throws ArithmeticException if the sum overflows an int
     */
    public static int safeAdd(int a, int b) {
        return Status.intResult(MathOpsNative.safeAdd(a, b), "safeAdd");
    }

    /**
     * The exact product {@code a * b}; it always fits a long.
     *
     * @param a the first factor
     * @param b the second factor
     * @return the product
     */
    public static long multiply(int a, int b) {
        return MathOpsNative.multiply(a, b);
    }

    /**
     * {@code a / b} truncated toward zero, by C's {@code divide}.
     *
     * @param a the dividend
     * @param b the divisor
     * @return the quotient
     * @throws ArithmeticException if b is 0, or for {@code Integer.MIN_VALUE / -1}, which overflows
     */
    public static int divide(int a, int b) {
        return Status.intResult(MathOpsNative.divide(a, b), "divide");
    }

    /**
     * The guide's fallible operation, {@code input * 2 + 1}, done in C. A failure
     * in C comes back as a code and never aborts the process.
     *
     * @param input a value from 0
     * @return {@code input * 2 + 1}
     * @throws IllegalArgumentException if input is negative
     * @throws ArithmeticException if the result overflows an int
     */
    public static int safeOperation(int input) {
        return Status.intResult(MathOpsNative.safeOperation(input), "safeOperation");
    }
}
