package dev.javabridge.gen.mathops;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 18's first target, on JDK 22+: a generated binding's call (through its multi-release jar's FFM holder) against
 * a raw critical FFM downcall of the same C function and against the binding's own JNI native, in one run.
 * src/bench/run.sh builds and runs it; BENCHMARKS.md has the numbers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MathOpsBindingBench {
    private static final MethodHandle MULTIPLY;
    private static final MethodHandle SAFE_ADD;

    static {
        // The functions the binding calls, at the addresses its glue library was linked with (it exports none).
        Linker linker = Linker.nativeLinker();
        MULTIPLY = linker.downcallHandle(MemorySegment.ofAddress(MathOpsBindingNative.ffmAddress("multiply")),
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT), Linker.Option.critical(false));
        SAFE_ADD = linker.downcallHandle(MemorySegment.ofAddress(MathOpsBindingNative.ffmAddress("safe_add")),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.critical(false));
    }

    int a = 6;
    int b = 7;
    MemorySegment out;

    @Setup
    public void setup() {
        if (!MathOpsBindingFfm.ENABLED) {
            throw new IllegalStateException("the binding is not on FFM: " + MathOpsBindingFfm.WHY_NOT);
        }
        out = Arena.ofAuto().allocate(JAVA_INT);
    }

    @Benchmark
    public long multiplyBinding() {
        return MathOpsBinding.multiply(a, b);
    }

    @Benchmark
    public long multiplyRawFfmCritical() throws Throwable {
        return (long) MULTIPLY.invokeExact(a, b);
    }

    @Benchmark
    public long multiplyJniNative() {
        return MathOpsBindingNative.multiply(a, b);
    }

    @Benchmark
    public int safeAddBinding() {
        return MathOpsBinding.safeAdd(a, b);
    }

    /** What a hand-written caller does: its own out buffer, the status checked. */
    @Benchmark
    public int safeAddRawFfmCritical() throws Throwable {
        int rc = (int) SAFE_ADD.invokeExact(a, b, out);
        if (rc != 0) {
            throw new ArithmeticException("safe_add: " + rc);
        }
        return out.get(JAVA_INT, 0);
    }

    @Benchmark
    public int safeAddJniNative() {
        long packed = MathOpsBindingNative.safeAdd(a, b);
        if (dev.javabridge.Status.code(packed) != 0) {
            throw new ArithmeticException("safe_add: " + dev.javabridge.Status.code(packed));
        }
        return (int) packed;
    }
}
