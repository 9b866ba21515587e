package dev.javabridge.bench;

import java.nio.ByteBuffer;

/**
 * The FFM mechanisms' stand-in for builds on JDK 17-21, where java.lang.foreign
 * is missing or still a preview: the benchmarks compile, and scripts/bench.sh
 * excludes the ffm* methods on those JDKs. The real class is java/ffm/.../Ffm.java.
 */
public final class Ffm {
    public static final boolean AVAILABLE = false;

    private Ffm() {}

    private static UnsupportedOperationException missing() {
        return new UnsupportedOperationException("the FFM benchmarks need a build on JDK 22 or later");
    }

    public static int add(int a, int b) {
        throw missing();
    }

    public static int addCritical(int a, int b) {
        throw missing();
    }

    public static Object nativeSegment(ByteBuffer direct) {
        return null;
    }

    public static long sum(Object segment, long length) {
        throw missing();
    }

    public static long sumCritical(Object segment, long length) {
        throw missing();
    }

    public static long sumCriticalHeap(byte[] data, long length) {
        throw missing();
    }

    public static String echo(String text) {
        throw missing();
    }

    public static Object nativeDoubles(double[] values) {
        return null;
    }

    public static double pointDistance(Object a, Object b, int index) {
        throw missing();
    }

    public static void pointDistances(Object a, Object b, Object out, int count) {
        throw missing();
    }

    public static void pointDistancesCriticalHeap(double[] a, double[] b, double[] out, int count) {
        throw missing();
    }

    public static double[] toArray(Object segment, int count) {
        throw missing();
    }
}
