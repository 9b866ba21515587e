package dev.javabridge.capi;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * What the C API stress suite (cpp/test/capi_stress) calls: one method per path and return type,
 * each failing in the way its {@code kind} argument asks, plus counters the suite reads back.
 */
public final class StressTarget {
    public static final int NONE = 0;
    public static final int CHECKED = 1;
    public static final int RUNTIME = 2;
    public static final int ERROR = 3;
    public static final int STACK_OVERFLOW = 4;
    public static final int OUT_OF_MEMORY = 5;

    /** Larger than any heap the suite runs with, so each attempt is a real heap exhaustion. */
    private static final int TOO_BIG = 256 << 20;
    private static volatile Object sink;

    private final String text;

    public StressTarget(int kind, String message) throws IOException {
        fail(kind, message);
        this.text = message;
    }

    private static int recurse(int depth) { return recurse(depth + 1) + 1; }

    private static void fail(int kind, String message) throws IOException {
        switch (kind) {
            case NONE: return;
            case CHECKED: throw new IOException(message);
            case RUNTIME: throw new IllegalStateException(message);
            case ERROR: throw new AssertionError(message);
            case STACK_OVERFLOW: recurse(0); return;
            case OUT_OF_MEMORY: sink = new byte[TOO_BIG]; return;
            default: throw new IllegalArgumentException("kind " + kind);
        }
    }

    public static void sVoid(int kind, String m) throws IOException { fail(kind, m); }
    public static boolean sBool(int kind, String m) throws IOException { fail(kind, m); return true; }
    public static int sInt(int kind, String m) throws IOException { fail(kind, m); return 42; }
    public static long sLong(int kind, String m) throws IOException { fail(kind, m); return 1L << 40; }
    public static double sDouble(int kind, String m) throws IOException { fail(kind, m); return 0.5; }
    public static String sString(int kind, String m) throws IOException { fail(kind, m); return m; }
    public static byte[] sBytes(int kind, String m) throws IOException {
        fail(kind, m);
        return m.getBytes(StandardCharsets.UTF_8);
    }
    public static Object sObject(int kind, String m) throws IOException { fail(kind, m); return m; }

    public void iVoid(int kind, String m) throws IOException { fail(kind, m); }
    public boolean iBool(int kind, String m) throws IOException { fail(kind, m); return true; }
    public int iInt(int kind, String m) throws IOException { fail(kind, m); return 42; }
    public long iLong(int kind, String m) throws IOException { fail(kind, m); return 1L << 40; }
    public double iDouble(int kind, String m) throws IOException { fail(kind, m); return 0.5; }
    public String iString(int kind, String m) throws IOException { fail(kind, m); return m + text; }
    public byte[] iBytes(int kind, String m) throws IOException {
        fail(kind, m);
        return m.getBytes(StandardCharsets.UTF_8);
    }
    public Object iObject(int kind, String m) throws IOException { fail(kind, m); return m; }

    /** A fresh object per call, so a leak of references or handles shows as heap growth. */
    public static Object newPayload(int i) { return new long[] {i, i + 1L, i + 2L, i + 3L}; }

    /** Heap in use after full collections: the live set, as far as the JVM can tell. */
    public static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    public static int activeThreads() { return Thread.activeCount(); }

    public static int jvmThreads() { return ManagementFactory.getThreadMXBean().getThreadCount(); }

    private static final Pattern GLOBAL_REFS = Pattern.compile("JNI global refs: (\\d+)");

    /**
     * The JVM's own JNI global reference count, from the same report {@code jcmd <pid> Thread.print}
     * prints; -1 if this JVM does not print it.
     */
    public static int jniGlobalRefs() throws Exception {
        String report = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Matcher m = GLOBAL_REFS.matcher(report);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Dereferences null {@code times} times, catching each NullPointerException; the compiled loop
     * takes many of them as SIGSEGV in the JVM's own handler. Returns how many were caught.
     */
    public static int nullPointerLoop(int times) {
        int caught = 0;
        Object[] holders = new Object[16];
        for (int i = 0; i < times; i++) {
            try {
                sink = holders[i & 15].toString();
            } catch (NullPointerException e) {
                caught++;
            }
        }
        return caught;
    }
}
