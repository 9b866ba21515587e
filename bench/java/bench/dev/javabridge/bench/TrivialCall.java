package dev.javabridge.bench;

import dev.javabridge.MathOps;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * int f(int, int) through every mechanism: C's safe_add (overflow-checked addition)
 * behind each, Math.addExact as the plain Java baseline. What a crossing costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TrivialCall {
    // Fields, not constants, so that nothing folds.
    int a = 20;
    int b = 22;

    @Setup
    public void check() {
        Check.same(42, javabridge(), "javabridge");
        Check.same(42, rawJni(), "raw JNI");
        Check.same(42, jnaDirect(), "JNA direct");
        Check.same(42, jnaInterface(), "JNA interface");
        if (Ffm.AVAILABLE) {
            Check.same(42, ffm(), "FFM");
            Check.same(42, ffmCritical(), "FFM critical");
        }
    }

    @Benchmark
    public int javabridge() {
        return MathOps.safeAdd(a, b);
    }

    @Benchmark
    public int rawJni() {
        return RawJni.add(a, b);
    }

    @Benchmark
    public int jnaDirect() {
        return JnaDirect.jbb_safe_add(a, b);
    }

    @Benchmark
    public int jnaInterface() {
        return JnaInterface.LIB.jbb_safe_add(a, b);
    }

    @Benchmark
    public int ffm() {
        return Ffm.add(a, b);
    }

    @Benchmark
    public int ffmCritical() {
        return Ffm.addCritical(a, b);
    }

    @Benchmark
    public int plainJava() {
        return Math.addExact(a, b);
    }
}
