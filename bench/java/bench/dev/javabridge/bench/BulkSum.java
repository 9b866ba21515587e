package dev.javabridge.bench;

import dev.javabridge.DataProcessor;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sum of {@code size} bytes by C's process_data, from a byte[] and from a
 * direct ByteBuffer. The report divides each row's throughput by the kernel's
 * own: {@link #cKernel} runs it {@value #KERNEL_REPEATS} times per crossing, in
 * the same run (bench/native/kernel_bench.c also times it with no JVM at all).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BulkSum {
    static final int KERNEL_REPEATS = 16;

    @Param({"64", "4096", "65536", "1048576", "16777216"})
    int size;

    byte[] array;
    ByteBuffer buffer;
    Object segment;

    @Setup
    public void fill() {
        array = new byte[size];
        // Cache-line aligned: the vectorised kernel's speed depends on where the data starts, and
        // each mechanism runs in its own trial with its own buffer, so an unaligned address would
        // time the allocator's luck (up to 1.5x between mechanisms in one run). Heap arrays
        // cannot be aligned: the byte[] rows keep that variation.
        buffer = ByteBuffer.allocateDirect(size + 64).alignedSlice(64).limit(size).slice();
        long expected = 0;
        for (int i = 0; i < size; i++) {
            // The same bytes kernel_bench.c sums.
            array[i] = (byte) (i * 31 + 7);
            buffer.put(i, array[i]);
            expected += array[i] & 0xFF;
        }
        segment = Ffm.nativeSegment(buffer);
        Check.same(expected, javabridgeArray(), "javabridge byte[]");
        Check.same(expected, javabridgeBuffer(), "javabridge ByteBuffer");
        Check.same(expected, rawJniArray(), "raw JNI byte[]");
        Check.same(expected, rawJniBuffer(), "raw JNI ByteBuffer");
        Check.same(expected, jnaDirectArray(), "JNA byte[]");
        Check.same(expected, jnaDirectBuffer(), "JNA ByteBuffer");
        Check.same(expected, plainJava(), "Java");
        Check.same(expected * KERNEL_REPEATS, RawJni.kernelRepeat(buffer, size, KERNEL_REPEATS), "C kernel");
        if (Ffm.AVAILABLE) {
            Check.same(expected, ffmBuffer(), "FFM");
            Check.same(expected, ffmCriticalBuffer(), "FFM critical");
            Check.same(expected, ffmCriticalArray(), "FFM critical heap");
        }
    }

    /** The C kernel alone: per operation, one process_data over the buffer with a 16th of a crossing. */
    @Benchmark
    @OperationsPerInvocation(KERNEL_REPEATS)
    public long cKernel() {
        return RawJni.kernelRepeat(buffer, size, KERNEL_REPEATS);
    }

    @Benchmark
    public long javabridgeArray() {
        return DataProcessor.processData(array);
    }

    @Benchmark
    public long javabridgeBuffer() {
        return DataProcessor.processData(buffer);
    }

    @Benchmark
    public long rawJniArray() {
        return RawJni.sumArray(array, size);
    }

    @Benchmark
    public long rawJniBuffer() {
        return RawJni.sumBuffer(buffer, size);
    }

    @Benchmark
    public long jnaDirectArray() {
        return JnaDirect.jbb_sum(array, size);
    }

    @Benchmark
    public long jnaDirectBuffer() {
        return JnaDirect.jbb_sum(buffer, size);
    }

    @Benchmark
    public long ffmBuffer() {
        return Ffm.sum(segment, size);
    }

    @Benchmark
    public long ffmCriticalBuffer() {
        return Ffm.sumCritical(segment, size);
    }

    @Benchmark
    public long ffmCriticalArray() {
        return Ffm.sumCriticalHeap(array, size);
    }

    @Benchmark
    public long plainJava() {
        long sum = 0;
        for (byte x : array) {
            sum += x & 0xFF;
        }
        return sum;
    }
}
