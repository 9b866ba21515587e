package dev.javabridge.bench;

import dev.javabridge.MathOps;
import dev.javabridge.Point;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code n} point distances: one crossing for all of them (the guide's batching
 * advice) against one crossing per pair, C's point_distance(s) behind each.
 * Every variant returns a new double[n], as MathOps.pointDistances does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PointBatch {
    @Param({"16", "1024"})
    int n;

    double[] a;
    double[] b;
    Point[] pa;
    Point[] pb;
    Object segA;
    Object segB;
    Object segOut;

    @Setup
    public void build() {
        a = new double[2 * n];
        b = new double[2 * n];
        pa = new Point[n];
        pb = new Point[n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = i;
            a[2 * i + 1] = i * 0.5;
            b[2 * i] = -i * 0.25;
            b[2 * i + 1] = 3.0 + i;
            pa[i] = new Point(a[2 * i], a[2 * i + 1]);
            pb[i] = new Point(b[2 * i], b[2 * i + 1]);
        }
        segA = Ffm.nativeDoubles(a);
        segB = Ffm.nativeDoubles(b);
        segOut = Ffm.nativeDoubles(new double[n]);
        double[] expected = javabridgeBatch();
        same(expected, javabridgeSingles(), "javabridge singles");
        same(expected, rawJniBatch(), "raw JNI batch");
        same(expected, rawJniSingles(), "raw JNI singles");
        close(expected, plainJava(), "Java");
        if (Ffm.AVAILABLE) {
            same(expected, ffmPerElement(), "FFM per element");
            same(expected, ffmBatch(), "FFM batch");
            same(expected, ffmCriticalBatch(), "FFM critical batch");
        }
    }

    private static void same(double[] expected, double[] actual, String mechanism) {
        Check.same(Arrays.toString(expected), Arrays.toString(actual), mechanism);
    }

    /** Java's hypot is not glibc's: the last bit may differ. */
    private static void close(double[] expected, double[] actual, String mechanism) {
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > 1e-12 * Math.abs(expected[i])) {
                throw new IllegalStateException(mechanism + " gave " + actual[i] + " at " + i + ", expected "
                        + expected[i]);
            }
        }
    }

    @Benchmark
    public double[] javabridgeBatch() {
        return MathOps.pointDistances(a, b);
    }

    @Benchmark
    public double[] javabridgeSingles() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = MathOps.pointDistance(pa[i], pb[i]);
        }
        return out;
    }

    @Benchmark
    public double[] rawJniBatch() {
        double[] out = new double[n];
        RawJni.pointDistances(a, b, out, n);
        return out;
    }

    @Benchmark
    public double[] rawJniSingles() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = RawJni.pointDistance(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1]);
        }
        return out;
    }

    /** FFM's natural per-element call: point_distance on slices of native Point arrays. */
    @Benchmark
    public double[] ffmPerElement() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Ffm.pointDistance(segA, segB, i);
        }
        return out;
    }

    /** FFM batch over native memory the program already holds (results copied out). */
    @Benchmark
    public double[] ffmBatch() {
        Ffm.pointDistances(segA, segB, segOut, n);
        return Ffm.toArray(segOut, n);
    }

    /** FFM batch on the Java arrays themselves, as javabridge does (critical with heap access). */
    @Benchmark
    public double[] ffmCriticalBatch() {
        double[] out = new double[n];
        Ffm.pointDistancesCriticalHeap(a, b, out, n);
        return out;
    }

    @Benchmark
    public double[] plainJava() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
        }
        return out;
    }
}
