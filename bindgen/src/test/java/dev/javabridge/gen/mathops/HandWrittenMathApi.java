package dev.javabridge.gen.mathops;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * javabridge's hand-written dev.javabridge.MathOps, reached by reflection because this project
 * must not depend on the runtime jar at compile time; the root build puts the jar on the test class path.
 */
final class HandWrittenMathApi implements MathApi {
    private final MethodHandle safeAdd;
    private final MethodHandle multiply;
    private final MethodHandle divide;
    private final MethodHandle safeOperation;
    private final MethodHandle pointDistance;
    private final MethodHandle pointDistances;
    private final MethodHandle newPoint;

    private HandWrittenMathApi(Class<?> ops, Class<?> point) throws ReflectiveOperationException {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        MethodType ii = MethodType.methodType(int.class, int.class, int.class);
        safeAdd = l.findStatic(ops, "safeAdd", ii);
        multiply = l.findStatic(ops, "multiply", MethodType.methodType(long.class, int.class, int.class));
        divide = l.findStatic(ops, "divide", ii);
        safeOperation = l.findStatic(ops, "safeOperation", MethodType.methodType(int.class, int.class));
        pointDistance = l.findStatic(ops, "pointDistance", MethodType.methodType(double.class, point, point));
        pointDistances = l.findStatic(ops, "pointDistances",
                MethodType.methodType(double[].class, double[].class, double[].class));
        newPoint = l.findConstructor(point, MethodType.methodType(void.class, double.class, double.class));
    }

    /** The hand-written API, or null when javabridge's jar is not on the class path. */
    static MathApi findOrNull() {
        try {
            return new HandWrittenMathApi(Class.forName("dev.javabridge.MathOps"), Class.forName("dev.javabridge.Point"));
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("dev.javabridge.MathOps changed its API", e);
        }
    }

    @Override
    public String name() {
        return "hand-written dev.javabridge.MathOps";
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError(t);
    }

    @Override
    public int safeAdd(int a, int b) {
        try {
            return (int) safeAdd.invoke(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long multiply(int a, int b) {
        try {
            return (long) multiply.invoke(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int divide(int a, int b) {
        try {
            return (int) divide.invoke(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int safeOperation(int input) {
        try {
            return (int) safeOperation.invoke(input);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public double pointDistance(double ax, double ay, double bx, double by) {
        try {
            return (double) pointDistance.invoke(newPoint.invoke(ax, ay), newPoint.invoke(bx, by));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public double[] pointDistances(double[][] a, double[][] b) {
        try {
            return (double[]) pointDistances.invoke(flat(a), flat(b));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static double[] flat(double[][] xy) {
        double[] out = new double[xy.length * 2];
        for (int i = 0; i < xy.length; i++) {
            out[2 * i] = xy[i][0];
            out[2 * i + 1] = xy[i][1];
        }
        return out;
    }
}
