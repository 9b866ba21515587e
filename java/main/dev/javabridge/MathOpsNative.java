package dev.javabridge;

/** The natives behind {@link MathOps}; int results come back as status-carrying longs (see {@link Status}). */
final class MathOpsNative {
    static {
        NativeLibrary.load();
    }

    private MathOpsNative() {}

    static native double pointDistance(double ax, double ay, double bx, double by);

    static native long safeAdd(int a, int b);

    static native long multiply(int a, int b);

    static native long divide(int a, int b);

    static native long safeOperation(int input);

    /** a and b hold count points as x, y pairs; out receives count distances. */
    static native void pointDistances(double[] a, double[] b, double[] out, int count);
}
