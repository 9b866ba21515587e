package dev.javabridge.capi;

/** What the C API's field, primitive, array and run suites use: every type, in and out. */
public final class CapiData {
    private CapiData() {}

    // Every primitive, exact types in and out.
    public static byte negByte(byte b) { return (byte) -b; }
    public static short negShort(short s) { return (short) -s; }
    public static char nextChar(char c) { return (char) (c + 1); }
    public static float twiceFloat(float f) { return f * 2; }
    public static String describeAll(boolean z, byte b, short s, char c, int i, long j, float f, double d) {
        return z + "," + b + "," + s + "," + (int) c + "," + i + "," + j + "," + f + "," + d;
    }

    // Arrays in and out: each returns its input reversed, so that order is checked too.
    public static boolean[] reverse(boolean[] a) { boolean[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static byte[] reverse(byte[] a) { byte[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static short[] reverse(short[] a) { short[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static char[] reverse(char[] a) { char[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static int[] reverse(int[] a) { int[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static long[] reverse(long[] a) { long[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static float[] reverse(float[] a) { float[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static double[] reverse(double[] a) { double[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static String[] reverse(String[] a) { String[] r = a.clone(); for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i]; return r; }
    public static long sum(int[] a) { long s = 0; for (int v : a) s += v; return s; }
    public static int lengthOf(Object array) { return array == null ? -1 : java.lang.reflect.Array.getLength(array); }
    public static String joined(String[] a) { return a == null ? "null" : String.join("|", a); }
    public static int[] nullInts() { return null; }
    public static Object intsAsObject() { return new int[] {1, 2, 3}; }
    public static String[] withLoneSurrogate() { return new String[] {"ok", "a\uD800b"}; }
    public static String[] withNull() { return new String[] {"a", null, "c"}; }
    public static int[] big(int n) { int[] r = new int[n]; for (int i = 0; i < n; i++) r[i] = i * 7; return r; }

    // Fields of every type, static and instance.
    public static boolean sZ = true;
    public static byte sB = -5;
    public static short sS = -300;
    public static char sC = 'x';
    public static int sI = 42;
    public static long sJ = 1L << 40;
    public static float sF = 1.5f;
    public static double sD = 2.25;
    public static String sStr = "h\u00e9llo \uD83D\uDE00";
    public static int[] sInts = {1, 2, 3};
    public static String[] sStrs = {"x", "y"};
    public static Object sObj = new StringBuilder("sb");
    public static final int FINAL_INT = 7;
    public static volatile long counter;

    public int i = 3;
    public String name = "inst";
    public double[] values = {0.5, 1.5};
    public final long fixed = 9;

    public CapiData(int i) { this.i = i; }

    public int getI() { return i; }
    public static long counter() { return counter; }

    /** main for jb_run_main: records its arguments, throws on "fail", exits on "exit N". */
    public static final class Main {
        public static volatile String lastArgs;
        public static void main(String[] args) {
            lastArgs = args.length + ":" + String.join("|", args);
            if (args.length > 0 && args[0].equals("fail")) throw new IllegalStateException("main failed: " + args.length);
            if (args.length > 1 && args[0].equals("exit")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("java-shutdown-hook-ran")));
                System.exit(Integer.parseInt(args[1]));
            }
        }
    }

    /** A class whose main is an instance method: not a program. */
    public static final class NoMain {
        public void main(String[] args) {}
    }
}
