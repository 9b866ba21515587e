package dev.javabridge.capi;

import java.util.function.IntBinaryOperator;

/** Java's side of the C API measurements (cpp/test/capi/measure_capi_test.cpp). */
public final class CapiBench {
    private CapiBench() {}

    /** Bound by the measurement with raw RegisterNatives: the floor a C callback can reach. */
    public static native int rawAdd(int a, int b);

    /** Bound by the measurement with jb_register_natives (a host native). */
    public static native int hostAdd(int a, int b);

    public static long loopHost(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s += hostAdd(i, 1);
        return s;
    }

    public static int same(int[] a) { return a.length; }

    public static int[] echo(int[] a) { return a; }

    public static long loopNative(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s += rawAdd(i, 1);
        return s;
    }

    public static long loopOperator(IntBinaryOperator op, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s += op.applyAsInt(i, 1);
        return s;
    }
}
