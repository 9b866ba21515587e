package dev.javabridge.gen.mathops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same cases against the generated binding and, when javabridge's jar is on the class path
 * (the root build puts it there), the hand-written one: the generated API must behave alike.
 */
class MathOpsContractTest {
    static List<MathApi> apis() {
        List<MathApi> apis = new ArrayList<>();
        apis.add(new GeneratedMathApi());
        MathApi hand = HandWrittenMathApi.findOrNull();
        if (hand != null) {
            apis.add(hand);
        } else if (Boolean.getBoolean("bindgen.requireHandWritten")) {
            throw new AssertionError("dev.javabridge.MathOps is not on the test class path");
        }
        return apis;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void safeAddAddsAndRefusesOverflow(MathApi api) {
        assertEquals(3, api.safeAdd(1, 2));
        assertEquals(0, api.safeAdd(-5, 5));
        assertEquals(Integer.MAX_VALUE, api.safeAdd(Integer.MAX_VALUE, 0));
        assertEquals(Integer.MIN_VALUE, api.safeAdd(Integer.MIN_VALUE, 0));
        assertThrows(ArithmeticException.class, () -> api.safeAdd(Integer.MAX_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> api.safeAdd(Integer.MIN_VALUE, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void multiplyIsExactIn64Bits(MathApi api) {
        assertEquals(-21L, api.multiply(-3, 7));
        assertEquals(4611686014132420609L, api.multiply(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(4611686018427387904L, api.multiply(Integer.MIN_VALUE, Integer.MIN_VALUE));
        Random r = new Random(8);
        for (int i = 0; i < 1000; i++) {
            int a = r.nextInt();
            int b = r.nextInt();
            assertEquals((long) a * b, api.multiply(a, b));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void divideTruncatesAndRefusesZeroAndOverflow(MathApi api) {
        assertEquals(3, api.divide(7, 2));
        assertEquals(-3, api.divide(-7, 2));
        assertEquals(Integer.MIN_VALUE, api.divide(Integer.MIN_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> api.divide(1, 0));
        assertThrows(ArithmeticException.class, () -> api.divide(Integer.MIN_VALUE, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void safeOperationMapsEachFailure(MathApi api) {
        assertEquals(1, api.safeOperation(0));
        assertEquals(11, api.safeOperation(5));
        assertEquals(Integer.MAX_VALUE, api.safeOperation(Integer.MAX_VALUE / 2));
        assertThrows(IllegalArgumentException.class, () -> api.safeOperation(-1));
        assertThrows(ArithmeticException.class, () -> api.safeOperation(Integer.MAX_VALUE / 2 + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void pointDistanceIsEuclidean(MathApi api) {
        assertEquals(5.0, api.pointDistance(0, 0, 3, 4));
        assertEquals(0.0, api.pointDistance(-1.5, 2.5, -1.5, 2.5));
        assertEquals(Double.POSITIVE_INFINITY, api.pointDistance(0, 0, Double.POSITIVE_INFINITY, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void pointDistancesMatchesHypotInOneCall(MathApi api) {
        Random r = new Random(42);
        int n = 257;
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = new double[] {r.nextGaussian() * 100, r.nextGaussian() * 100};
            b[i] = new double[] {r.nextGaussian() * 100, r.nextGaussian() * 100};
            expected[i] = Math.hypot(a[i][0] - b[i][0], a[i][1] - b[i][1]);
        }
        double[] got = api.pointDistances(a, b);
        // Java's Math.hypot and C's hypot may differ in the last bit; C's single-point call must agree exactly.
        assertArrayEquals(expected, got, 1e-9);
        for (int i = 0; i < n; i++) {
            assertEquals(api.pointDistance(a[i][0], a[i][1], b[i][0], b[i][1]), got[i]);
        }
        assertArrayEquals(new double[0], api.pointDistances(new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> api.pointDistances(new double[2][2], new double[3][2]));
    }

    // What only the generated API has: records with their layout, constants, messages naming the status.

    @Test
    void generatedNullsAreRefusedBeforeC() {
        assertThrows(NullPointerException.class, () -> MathOpsBinding.pointDistance(null, new Point(0, 0)));
        assertThrows(NullPointerException.class,
                () -> MathOpsBinding.pointDistances(new Point[] {null}, new Point[] {new Point(0, 0)}));
    }

    @Test
    void generatedConstantsAndLayoutComeFromTheHeader() {
        assertEquals(0, MathOpsBinding.MATH_OPS_OK);
        assertEquals(-1, MathOpsBinding.MATH_OPS_ERR_DIV_BY_ZERO);
        assertEquals(-3, MathOpsBinding.MATH_OPS_ERR_OVERFLOW);
        assertEquals(16, Point.SIZE);
        assertEquals(8, Point.OFFSET_Y);
    }

    @Test
    void generatedExceptionsNameTheStatus() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> MathOpsBinding.divide(1, 0));
        assertEquals("divide: MATH_OPS_ERR_DIV_BY_ZERO (-1): division by zero", e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> MathOpsBinding.safeOperation(-7));
        assertEquals("safe_operation: MATH_OPS_ERR_NEGATIVE (-4): input must not be negative", n.getMessage());
    }
}
