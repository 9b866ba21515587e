package dev.javabridge.capi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Java code that uses interfaces the C API's proxy suite implements in C. */
public final class CapiProxyTarget {
    private CapiProxyTarget() {}

    public interface Greeter {
        String greet(String name);
        int add(int a, int b);
        default String greetTwice(String name) { return greet(name) + "+" + greet(name); }
        void unimplemented();
    }

    public interface AllTypes {
        String mix(byte b, short s, char c, int i, long j, float f, double d, boolean z, String str, Object o);
        float half(float f);
        char next(char c);
        Object anything();
        List<String> list();
    }

    /** Primitive parameters and results only: served by a class of native methods, not Proxy. */
    public interface Arith {
        int add(int a, int b);
        long mul(long a, long b);
        double scale(double d, int by);
        boolean not(boolean z);
        int fail(int how);
        void unimplemented();
    }

    public static String arith(Arith a) {
        return java.lang.reflect.Proxy.isProxyClass(a.getClass()) + ";" + a.add(2, 3) + ";" + a.mul(1L << 40, 3) + ";"
                + a.scale(1.25, -4) + ";" + a.not(true) + ";" + objectMethods(a) + ";" + outcome(a::unimplemented) + ";"
                + outcome(() -> a.fail(1)) + ";" + outcome(() -> a.fail(2)) + ";" + outcome(() -> a.fail(3)) + ";"
                + outcome(() -> a.fail(4)).replaceAll(":.*", "");
    }
    public static String outcomeOfArithAdd(Arith a) { return outcome(() -> a.add(1, 2)); }
    public static boolean sameClass(Object a, Object b) { return a.getClass() == b.getClass(); }
    /** "proxy" or "native" (the class of native methods), then what toString gave. */
    public static String route(Object o) {
        return (java.lang.reflect.Proxy.isProxyClass(o.getClass()) ? "proxy:" : "native:") + o;
    }
    public static int applyAsInt(java.util.function.IntBinaryOperator op, int a, int b) { return op.applyAsInt(a, b); }

    public static final class HandlerFailure extends RuntimeException {
        public HandlerFailure(String message) { super(message); }
    }

    public static String greet(Greeter g, String name) { return g.greet(name); }
    public static int add(Greeter g, int a, int b) { return g.add(a, b); }
    public static String greetTwice(Greeter g, String name) { return g.greetTwice(name); }

    /** What calling r.run() did: "ok" or the exception's class and message. */
    public static String outcome(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (Throwable t) {
            return t.getClass().getName() + ":" + t.getMessage();
        }
    }

    public static String outcomeOfUnimplemented(Greeter g) { return outcome(g::unimplemented); }
    public static String outcomeOfGreet(Greeter g, String name) {
        AtomicReference<String> r = new AtomicReference<>();
        String o = outcome(() -> r.set(g.greet(name)));
        return o.equals("ok") ? "ok:" + r.get() : o;
    }
    public static String outcomeOfAdd(Greeter g) { return outcome(() -> g.add(1, 2)); }

    /** Runs r on threads Java created (never attached by javabridge); each outcome, joined. */
    public static String runOnJavaThreads(Runnable r, int threads, int times) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        String[] outcomes = new String[threads];
        for (int t = 0; t < threads; t++) {
            final int index = t;
            ts.add(new Thread(() -> {
                String o = "ok";
                for (int k = 0; k < times && o.equals("ok"); k++) o = outcome(r);
                outcomes[index] = o;
            }));
        }
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join(10_000);
        return String.join(",", outcomes);
    }

    /** Starts threads that call r until the JVM ends, ignoring what each call throws. */
    public static void callUntilTheJvmEnds(Runnable r, int threads, boolean daemon) {
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (true) outcome(r);
            });
            thread.setDaemon(daemon);
            thread.start();
        }
    }

    public static void greetUntilTheJvmEnds(Greeter g, int threads, boolean daemon) {
        callUntilTheJvmEnds(() -> g.greet("x"), threads, daemon);
    }

    public static String sorted(Comparator<String> c, String[] in) {
        String[] copy = in.clone();
        Arrays.sort(copy, c);
        return String.join(",", copy);
    }

    public static String objectMethods(Object p) {
        return p.equals(p) + "," + p.equals(new Object()) + "," + (p.hashCode() == System.identityHashCode(p)) + ","
                + p.toString().startsWith("jb_proxy@");
    }

    public static String mix(AllTypes t) {
        return t.mix((byte) -1, (short) -2, '\u00e9', 4, 1L << 40, 0.5f, 0.25, true, "h\u00e9\uD83D\uDE00", List.of(7))
                + ";" + t.half(3f) + ";" + (int) t.next('a') + ";" + t.anything() + ";" + t.list();
    }
}
