package dev.javabridge.gen.mathops;

/** The API bindgen generated from math_ops.h. */
final class GeneratedMathApi implements MathApi {
    @Override
    public String name() {
        return "generated MathOpsBinding";
    }

    @Override
    public int safeAdd(int a, int b) {
        return MathOpsBinding.safeAdd(a, b);
    }

    @Override
    public long multiply(int a, int b) {
        return MathOpsBinding.multiply(a, b);
    }

    @Override
    public int divide(int a, int b) {
        return MathOpsBinding.divide(a, b);
    }

    @Override
    public int safeOperation(int input) {
        return MathOpsBinding.safeOperation(input);
    }

    @Override
    public double pointDistance(double ax, double ay, double bx, double by) {
        return MathOpsBinding.pointDistance(new Point(ax, ay), new Point(bx, by));
    }

    @Override
    public double[] pointDistances(double[][] a, double[][] b) {
        return MathOpsBinding.pointDistances(points(a), points(b));
    }

    private static Point[] points(double[][] xy) {
        Point[] out = new Point[xy.length];
        for (int i = 0; i < xy.length; i++) {
            out[i] = new Point(xy[i][0], xy[i][1]);
        }
        return out;
    }
}
