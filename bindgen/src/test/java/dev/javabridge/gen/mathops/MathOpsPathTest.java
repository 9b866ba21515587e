package dev.javabridge.gen.mathops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.javabridge.gen.BindingPath;
import org.junit.jupiter.api.Test;

/** Which mechanism MathOpsBinding takes: JNI on JDK 17, FFM on JDK 22+ with native access, JNI without it. */
class MathOpsPathTest {
    @Test
    void eachJdkTakesItsOwnPath() throws Exception {
        BindingPath.assertPath(MathOpsBinding.class, "C_MULTIPLY", MathOpsPathTest.class, "42 5");
        // Whichever path: the same results and exceptions (the contract tests check the rest).
        assertEquals(42L, MathOpsBinding.multiply(6, 7));
        assertEquals(5, MathOpsBinding.safeAdd(2, 3));
    }

    /** In a JVM without native access: the path and two results. */
    public static void main(String[] args) {
        long product = MathOpsBinding.multiply(6, 7);
        int sum = MathOpsBinding.safeAdd(2, 3);
        System.out.println(BindingPath.of(MathOpsBinding.class) + " " + product + " " + sum);
    }
}
