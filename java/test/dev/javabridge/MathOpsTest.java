package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathOpsTest {
    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    @Test
    void pointDistanceOfTheGuide() {
        assertEquals(5.0, MathOps.pointDistance(new Point(0, 0), new Point(3, 4)));
    }

    @ParameterizedTest
    @CsvSource({"0,0,0,0,0", "1,1,1,1,0", "-3,-4,0,0,5", "0,0,-6,8,10", "1e300,0,-1e300,0,2e300"})
    void pointDistanceIsEuclideanAndSymmetric(double ax, double ay, double bx, double by, double expected) {
        Point a = new Point(ax, ay);
        Point b = new Point(bx, by);
        assertEquals(expected, MathOps.pointDistance(a, b));
        assertEquals(expected, MathOps.pointDistance(b, a));
    }

    @Test
    void pointDistanceDoesNotOverflowOrHideNaN() {
        // hypot avoids the overflow of sqrt(dx*dx + dy*dy).
        assertEquals(Math.hypot(3e200, 4e200), MathOps.pointDistance(new Point(0, 0), new Point(3e200, 4e200)));
        assertTrue(Double.isNaN(MathOps.pointDistance(new Point(Double.NaN, 0), new Point(0, 0))));
        assertEquals(Double.POSITIVE_INFINITY,
                MathOps.pointDistance(new Point(Double.NEGATIVE_INFINITY, 0), new Point(0, 0)));
    }

    @Test
    void pointDistanceRefusesNull() {
        assertThrows(NullPointerException.class, () -> MathOps.pointDistance(null, new Point(0, 0)));
        assertThrows(NullPointerException.class, () -> MathOps.pointDistance(new Point(0, 0), null));
    }

    @Test
    void batchedDistancesEqualSingleCalls() {
        Random random = new Random(7);
        int n = 1000;
        double[] a = new double[2 * n];
        double[] b = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            a[i] = random.nextGaussian() * 1e3;
            b[i] = random.nextGaussian() * 1e3;
        }
        double[] copyA = a.clone();
        double[] copyB = b.clone();
        double[] batch = MathOps.pointDistances(a, b);
        assertEquals(n, batch.length);
        for (int i = 0; i < n; i++) {
            double single = MathOps.pointDistance(new Point(a[2 * i], a[2 * i + 1]), new Point(b[2 * i], b[2 * i + 1]));
            assertEquals(single, batch[i], "point " + i);
        }
        assertArrayEquals(copyA, a, "inputs are read only");
        assertArrayEquals(copyB, b, "inputs are read only");
    }

    @Test
    void batchedDistancesEdgeCases() {
        assertArrayEquals(new double[0], MathOps.pointDistances(new double[0], new double[0]));
        assertArrayEquals(new double[] {5.0}, MathOps.pointDistances(new double[] {0, 0}, new double[] {3, 4}));
        assertThrows(NullPointerException.class, () -> MathOps.pointDistances(null, new double[2]));
        assertThrows(NullPointerException.class, () -> MathOps.pointDistances(new double[2], null));
        assertThrows(IllegalArgumentException.class, () -> MathOps.pointDistances(new double[2], new double[4]));
        assertThrows(IllegalArgumentException.class, () -> MathOps.pointDistances(new double[3], new double[3]));
    }

    @Test
    void theBatchNativeChecksItsArgumentsItself() {
        double[] four = new double[4];
        assertThrows(IllegalArgumentException.class, () -> MathOpsNative.pointDistances(four, four, new double[2], -1));
        assertThrows(IllegalArgumentException.class,
                () -> MathOpsNative.pointDistances(four, four, new double[2], Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> MathOpsNative.pointDistances(four, four, new double[2], 3));
        assertThrows(IndexOutOfBoundsException.class, () -> MathOpsNative.pointDistances(four, four, new double[1], 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> MathOpsNative.pointDistances(four, new double[2], new double[2], 2));
        double[] out = new double[2];
        MathOpsNative.pointDistances(new double[] {0, 0, 0, 0}, new double[] {3, 4, 6, 8}, out, 2);
        assertArrayEquals(new double[] {5, 10}, out);
    }

    @ParameterizedTest
    @CsvSource({"2,40,42", "0,0,0", "-1,1,0", "2147483647,0,2147483647", "-2147483648,0,-2147483648",
        "2147483646,1,2147483647", "-2147483647,-1,-2147483648", "2147483647,-2147483648,-1"})
    void safeAddInRange(int a, int b, int expected) {
        assertEquals(expected, MathOps.safeAdd(a, b));
    }

    @ParameterizedTest
    @CsvSource({"2147483647,1", "1,2147483647", "-2147483648,-1", "2147483647,2147483647",
        "-2147483648,-2147483648"})
    void safeAddOverflowIsArithmeticException(int a, int b) {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> MathOps.safeAdd(a, b));
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"6,7", "65536,65536", "2147483647,2147483647", "-2147483648,-2147483648", "-2147483648,2147483647",
        "-2147483648,-1", "0,-2147483648"})
    void multiplyIsExactInALong(int a, int b) {
        assertEquals((long) a * (long) b, MathOps.multiply(a, b));
    }

    @ParameterizedTest
    @CsvSource({"42,5,8", "-42,5,-8", "42,-5,-8", "-7,2,-3", "0,3,0", "2147483647,-1,-2147483647",
        "-2147483648,1,-2147483648", "-2147483648,2,-1073741824", "-2147483648,-2147483648,1"})
    void divideTruncatesTowardZeroLikeJava(int a, int b, int expected) {
        assertEquals(expected, MathOps.divide(a, b));
        assertEquals(a / b, MathOps.divide(a, b));
    }

    @Test
    void divideByZeroIsArithmeticException() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> MathOps.divide(1, 0));
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> MathOps.divide(0, 0));
        assertThrows(ArithmeticException.class, () -> MathOps.divide(MIN, 0));
    }

    @Test
    void minValueDividedByMinusOneOverflowsInsteadOfTrapping() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> MathOps.divide(MIN, -1));
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,1", "20,41", "1073741823,2147483647"})
    void safeOperationComputesTwiceplusOne(int input, int expected) {
        assertEquals(expected, MathOps.safeOperation(input));
    }

    @ParameterizedTest
    @CsvSource({"-1", "-5", "-2147483648"})
    void safeOperationOnNegativeInputIsIllegalArgument(int input) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MathOps.safeOperation(input));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1073741824", "2147483647"})
    void safeOperationOverflowIsArithmeticException(int input) {
        assertThrows(ArithmeticException.class, () -> MathOps.safeOperation(input));
    }

    @Test
    void failuresDoNotDisturbLaterCalls() {
        for (int i = 0; i < 1000; i++) {
            assertThrows(ArithmeticException.class, () -> MathOps.divide(MIN, -1));
            assertThrows(IllegalArgumentException.class, () -> MathOps.safeOperation(-1));
            assertEquals(i, MathOps.safeAdd(i, 0));
        }
        assertEquals(MAX, MathOps.safeOperation(MAX / 2));
    }
}
