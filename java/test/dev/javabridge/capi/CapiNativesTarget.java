package dev.javabridge.capi;

import java.util.ArrayList;
import java.util.List;

/** Java code whose native methods the C API's host-natives suite provides from C (natives.h). */
public final class CapiNativesTarget {
    private CapiNativesTarget() {}

    public static native int add(int a, int b);
    public static native String mix(byte b, float f, short s, double d, char c, String str);
    public static native float half(float f);
    public static native double scale(double d, int by);
    public static native boolean not(boolean z);
    public static native char next(char c);
    public static native void ping();
    public static native Object echo(Object o);
    public static native int[] ints(int n);
    public static native String fail(String how);
    public static native int tooManyInts(int a, int b, int c, int d, int e);
    public static int notNative(int a) { return a; }
    /** A name beyond the BMP, which JNI spells in modified UTF-8 and C in UTF-8. */
    public static native int 𝑥(int a, int b);
    public static int callX(int a, int b) { return 𝑥(a, b); }

    /** An instance native: the receiver is not passed to C, the arguments are. */
    public static final class Box {
        public native long plus(long a, long b);
    }

    public static int callAdd(int a, int b) { return add(a, b); }
    public static String callMix() { return mix((byte) -5, 1.5f, (short) -300, -2.25, '\u00e9', "h\u00e9\uD83D\uDE00"); }
    public static float callHalf(float f) { return half(f); }
    public static double callScale(double d, int by) { return scale(d, by); }
    public static boolean callNot(boolean z) { return not(z); }
    public static char callNext(char c) { return next(c); }
    public static void callPing() { ping(); }
    public static String callEcho(String s) { return String.valueOf(echo(s)); }
    public static String callEchoList() { Object in = List.of(1, 2); Object r = echo(in); return (r == in) + ":" + r; }
    public static String callInts(int n) { return java.util.Arrays.toString(ints(n)); }
    public static long callPlus(long a, long b) { return new Box().plus(a, b); }

    /** What calling fail(how) did: the result, or the exception's class and message. */
    public static String outcomeOfFail(String how) {
        try {
            return "ok:" + fail(how);
        } catch (Throwable t) {
            return t.getClass().getName() + ":" + t.getMessage();
        }
    }
    public static String outcomeOfAdd() {
        try {
            return "ok:" + add(1, 2);
        } catch (Throwable t) {
            return t.getClass().getName();
        }
    }

    /** add(i, i) on threads Java created; the number of wrong results. */
    public static int addOnJavaThreads(int threads, int times) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        int[] wrong = new int[threads];
        for (int t = 0; t < threads; t++) {
            final int index = t;
            ts.add(new Thread(() -> {
                for (int i = 0; i < times; i++) {
                    if (add(i, index) != i + index + 1000) wrong[index]++;
                }
            }));
        }
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
        int sum = 0;
        for (int w : wrong) sum += w;
        return sum;
    }

    private static Thread lateCaller;
    private static volatile String lateOutcome;

    /** Starts a Java thread that calls add(a, b) once: the C suite holds it on its way into the native. */
    public static void startAdd(int a, int b) {
        startLate(() -> "ok:" + add(a, b));
    }

    /** The same with new Box().plus(a, b). */
    public static void startPlus(long a, long b) {
        startLate(() -> "ok:" + new Box().plus(a, b));
    }

    private static void startLate(java.util.function.Supplier<String> call) {
        lateCaller = new Thread(() -> {
            try {
                lateOutcome = call.get();
            } catch (Throwable t) {
                lateOutcome = t.getClass().getName() + ":" + t.getMessage();
            }
        });
        lateCaller.start();
    }

    /** The late call's outcome, waiting for it at most 30 s: "ok:N", "class:message" or "still running". */
    public static String joinLate() throws InterruptedException {
        lateCaller.join(30_000);
        return lateCaller.isAlive() ? "still running" : lateOutcome;
    }

    private static volatile boolean stop;
    private static final List<Thread> hammers = new ArrayList<>();
    private static final java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong unbound = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong wrong = new java.util.concurrent.atomic.AtomicLong();

    /** Starts threads calling add until stopHammer: while C binds and unbinds it. */
    public static void startHammer(int threads) {
        stop = false;
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                int i = 0;
                while (!stop) {
                    try {
                        if (add(i, 1) == i + 1 + 1000) ok.incrementAndGet(); else wrong.incrementAndGet();
                    } catch (UnsatisfiedLinkError | IllegalStateException e) {
                        unbound.incrementAndGet();
                    } catch (Throwable e) {
                        wrong.incrementAndGet();
                    }
                    i++;
                }
            });
            hammers.add(th);
            th.start();
        }
    }

    /** Stops and joins the threads: "wrong=N ok=yes|no unbound=yes|no". */
    public static String stopHammer() throws InterruptedException {
        stop = true;
        for (Thread t : hammers) t.join();
        hammers.clear();
        return "wrong=" + wrong.get() + " ok=" + (ok.get() > 0 ? "yes" : "no") + " unbound=" + (unbound.get() > 0 ? "yes" : "no");
    }

    /** n calls of add, for timing from C. */
    public static int loopAdd(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) s += add(i, 1);
        return s;
    }
}
