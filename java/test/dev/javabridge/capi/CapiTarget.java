package dev.javabridge.capi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the C API's GoogleTest suites call: every parameter and result type, and every way to fail. */
public final class CapiTarget {
    private static final AtomicLong CALLS = new AtomicLong();

    private CapiTarget() {}

    public static int add(int a, int b) { return a + b; }
    public static int divide(int a, int b) { return a / b; }
    public static long addLong(long a, long b) { return a + b; }
    public static double half(double d) { return d / 2; }
    public static float halfFloat(float f) { return f / 2; }
    public static boolean not(boolean b) { return !b; }
    public static int widen(byte b, short s, char c) { return b * 1_000_000 + s * 10 + c; }
    public static byte minusOneByte() { return -1; }
    public static char maxChar() { return '\uffff'; }
    public static short minShort() { return Short.MIN_VALUE; }
    public static void touch() { CALLS.incrementAndGet(); }
    /** Holds the calling thread in Java for a while: a fast call in flight for close and free to meet. */
    public static int sleepThenAdd(int millis, int a) throws InterruptedException {
        Thread.sleep(millis);
        return a + 1;
    }
    /** Like sleepThenAdd, through the generic call path (a String parameter and result). */
    public static String sleepThenEcho(int millis, String s) throws InterruptedException {
        Thread.sleep(millis);
        return s;
    }
    public static long calls() { return CALLS.get(); }
    public static String echo(String s) { return s; }
    public static String nullString() { return null; }
    public static int utf16Length(String s) { return s.length(); }
    public static int codePointCount(String s) { return s.codePointCount(0, s.length()); }
    /** The code points as hex, to check what Java received. */
    public static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(b.length() == 0 ? "" : " ").append(Integer.toHexString(cp)));
        return b.toString();
    }
    public static String repeat(String s, int times) { return s.repeat(times); }
    public static String loneSurrogate() { return "a\uD800b"; }
    public static String describe(Object o) { return o == null ? "null" : o.getClass().getName() + ":" + o; }
    public static int charSequenceLength(CharSequence cs) { return cs.length(); }
    public static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) out[i] = in[in.length - 1 - i];
        return out;
    }
    public static int byteLength(byte[] in) { return in == null ? -1 : in.length; }
    public static byte[] nullBytes() { return null; }
    public static byte[] utf8Of(String s) { return s.getBytes(StandardCharsets.UTF_8); }
    public static Object notAString() { return List.of(1, 2); }
    public static List<String> listOf(String a, String b) {
        List<String> l = new ArrayList<>();
        l.add(a);
        l.add(b);
        return l;
    }
    public static int sizeOf(List<?> l) { return l.size(); }
    public static int sum(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9,
                          int a10, int a11, int a12, int a13, int a14, int a15, int a16, int a17, int a18, int a19) {
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15 + a16 + a17 + a18 + a19;
    }

    public static int throwIllegalArgument(String message) { throw new IllegalArgumentException(message); }
    public static void throwIllegalState() { throw new IllegalStateException("bad state \u2603"); }
    public static void throwChecked() throws IOException { throw new IOException("disk on fire"); }
    public static String throwError() { throw new AssertionError("an Error, not an Exception"); }
    public static void throwNoMessage() { throw new UnsupportedOperationException(); }
    public static void throwWithCause() {
        throw new RuntimeException("outer", new IllegalArgumentException("inner cause"));
    }
    public static int recurse(int depth) { return recurse(depth + 1) + 1; }
    public static byte[] allocate(int bytes) { return new byte[bytes]; }
    public static int nullPointer(String s) { return s.length(); }

    /** Threads currently alive whose name is the one javabridge gives the C threads it attaches. */
    public static int attachedCThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("javabridge-c-thread") && t.isAlive()) n++;
        }
        return n;
    }

    /** A non-daemon thread that never ends: DestroyJavaVM would wait for it forever. */
    public static void startEndlessThread() {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // keep running: that is the point
                }
            }
        }, "endless-non-daemon");
        t.setDaemon(false);
        t.start();
    }

    /** An instance class: constructors, instance methods, a subclass. */
    public static class Counter {
        protected long value;
        private final String name;

        public Counter() { this("anonymous", 0); }
        public Counter(String name, long start) {
            if (name == null) throw new NullPointerException("name");
            this.name = name;
            this.value = start;
        }
        public long increment() { return ++value; }
        public long add(int delta) { value += delta; return value; }
        public String name() { return name; }
        public boolean isZero() { return value == 0; }
        public double ratio(double d) { return value / d; }
        public byte[] bytes() { return name.getBytes(StandardCharsets.UTF_8); }
        public Counter copy() { return new Counter(name + "'", value); }
        public void reset() { value = 0; }
        public int fail() { throw new IllegalStateException("counter " + name + " failed"); }
        @Override public String toString() { return name + "=" + value; }
    }

    public static final class DoubleCounter extends Counter {
        public DoubleCounter(String name) { super(name, 0); }
        @Override public long increment() { value += 2; return value; }
    }

    public abstract static class Shape {
        public Shape() {}
    }

    /** Its static initialiser throws: looking it up must be JB_ECLASS, not a crash. */
    public static final class BrokenInit {
        static final int VALUE = Integer.parseInt("not a number");
        public static int value() { return VALUE; }
    }
}
