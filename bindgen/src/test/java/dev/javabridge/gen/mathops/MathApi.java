package dev.javabridge.gen.mathops;

/** The math_ops operations as both the hand-written and the generated bindings offer them. */
interface MathApi {
    String name();

    int safeAdd(int a, int b);

    long multiply(int a, int b);

    int divide(int a, int b);

    int safeOperation(int input);

    double pointDistance(double ax, double ay, double bx, double by);

    /** Each point is {x, y}. */
    double[] pointDistances(double[][] a, double[][] b);
}
