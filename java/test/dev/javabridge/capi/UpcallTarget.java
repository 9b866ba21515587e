package dev.javabridge.capi;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/** What the upcall suite (cpp/test/capi/upcall_test.cpp) turns into C function pointers. */
public final class UpcallTarget {
    private static final AtomicLong TOUCHES = new AtomicLong();

    private UpcallTarget() {}

    public static int add(int a, int b) { return a + b; }
    public static long mulLong(long a, long b) { return a * b; }
    public static double half(double d) { return d / 2; }
    public static float halfFloat(float f) { return f / 2; }
    public static boolean not(boolean b) { return !b; }
    public static byte negByte(byte b) { return (byte) -b; }
    public static short negShort(short s) { return (short) -s; }
    public static char nextChar(char c) { return (char) (c + 1); }
    public static void touch() { TOUCHES.incrementAndGet(); }
    public static long touches() { return TOUCHES.get(); }
    /** Ten mixed parameters: more than any register file holds, so some cross on the stack. */
    public static double mixed(int a, long b, double c, float d, boolean e, byte f, short g, char h, int i, double j) {
        return a + b + c + d + (e ? 1000 : 0) + f + g + h + i + j;
    }
    static int notPublic(int a) { return a * 3; }
    public static int throwIfNegative(int a) {
        if (a < 0) {
            throw new IllegalStateException("negative: " + a);
        }
        return a + 1;
    }
    public static int throwError(int a) { throw new OutOfMemoryError("pretend, " + a); }
    public static void throwVoid() { throw new UnsupportedOperationException("void throws"); }
    public static int withString(String s) { return s.length(); }
    public int instanceAdd(int a) { return a + 1; }
    /** Live Java threads, for the churn tests: a foreign thread left attached would show here. */
    public static int liveThreads() { return ManagementFactory.getThreadMXBean().getThreadCount(); }
    public static int feature() { return Runtime.version().feature(); }
    /** Bytes used in the JIT's code heaps, where FFM upcall stubs live. */
    public static long codeCacheUsed() {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Code")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
