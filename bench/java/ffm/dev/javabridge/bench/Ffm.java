package dev.javabridge.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/**
 * The FFM API's downcalls into libjbbench (JDK 22+), the default linkage and
 * {@code Linker.Option.critical}. Segments travel as Object so that the
 * benchmark classes compile on JDK 17 against the stand-in in java/ffm-stub.
 */
public final class Ffm {
    public static final boolean AVAILABLE = true;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIB = SymbolLookup.libraryLookup(BenchLibrary.path(), Arena.global());
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);
    private static final Linker.Option CRITICAL_HEAP = Linker.Option.critical(true);

    private static final MethodHandle ADD = handle("jbb_safe_add", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle ADD_CRITICAL =
            handle("jbb_safe_add", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CRITICAL);
    private static final FunctionDescriptor SUM_DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG);
    private static final MethodHandle SUM = handle("jbb_sum", SUM_DESC);
    private static final MethodHandle SUM_CRITICAL = handle("jbb_sum", SUM_DESC, CRITICAL);
    private static final MethodHandle SUM_CRITICAL_HEAP = handle("jbb_sum", SUM_DESC, CRITICAL_HEAP);
    private static final MethodHandle ECHO = handle("jbb_echo_cstr", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle DISTANCE =
            handle("jbb_point_distance", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS));
    private static final FunctionDescriptor DISTANCES_DESC =
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle DISTANCES = handle("jbb_point_distances", DISTANCES_DESC);
    private static final MethodHandle DISTANCES_CRITICAL_HEAP = handle("jbb_point_distances", DISTANCES_DESC,
            CRITICAL_HEAP);
    /** Two doubles, as C lays out math_ops' Point. */
    private static final long POINT_BYTES = 16;

    private Ffm() {}

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIB.find(name).orElseThrow(() -> new IllegalStateException("no symbol " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    private static AssertionError unexpected(Throwable t) {
        return new AssertionError("downcall failed", t);
    }

    public static int add(int a, int b) {
        try {
            return (int) ADD.invokeExact(a, b);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int addCritical(int a, int b) {
        try {
            return (int) ADD_CRITICAL.invokeExact(a, b);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** A native segment over a direct buffer's memory: what an FFM program holds. */
    public static Object nativeSegment(ByteBuffer direct) {
        return MemorySegment.ofBuffer(direct);
    }

    public static long sum(Object segment, long length) {
        try {
            return (long) SUM.invokeExact((MemorySegment) segment, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static long sumCritical(Object segment, long length) {
        try {
            return (long) SUM_CRITICAL.invokeExact((MemorySegment) segment, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** critical(true) lets C read the byte[] in place, as javabridge's pinned arrays do. */
    public static long sumCriticalHeap(byte[] data, long length) {
        try {
            return (long) SUM_CRITICAL_HEAP.invokeExact(MemorySegment.ofArray(data), length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Java -> C -> Java: UTF-8 in a confined arena, the C copy read back as UTF-8. */
    public static String echo(String text) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(text);
            MemorySegment out = (MemorySegment) ECHO.invokeExact(in);
            return out.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** A native copy of values, freed by the GC. */
    public static Object nativeDoubles(double[] values) {
        MemorySegment segment = Arena.ofAuto().allocate((long) values.length * Double.BYTES, 16);
        MemorySegment.copy(values, 0, segment, JAVA_DOUBLE, 0, values.length);
        return segment;
    }

    /** point_distance of the index-th points of two native Point arrays. */
    public static double pointDistance(Object a, Object b, int index) {
        long offset = index * POINT_BYTES;
        try {
            return (double) DISTANCE.invokeExact(((MemorySegment) a).asSlice(offset, POINT_BYTES),
                    ((MemorySegment) b).asSlice(offset, POINT_BYTES));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static void pointDistances(Object a, Object b, Object out, int count) {
        int rc;
        try {
            rc = (int) DISTANCES.invokeExact((MemorySegment) a, (MemorySegment) b, (MemorySegment) out, (long) count);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        checkDistances(rc);
    }

    public static void pointDistancesCriticalHeap(double[] a, double[] b, double[] out, int count) {
        int rc;
        try {
            rc = (int) DISTANCES_CRITICAL_HEAP.invokeExact(MemorySegment.ofArray(a), MemorySegment.ofArray(b),
                    MemorySegment.ofArray(out), (long) count);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        checkDistances(rc);
    }

    private static void checkDistances(int rc) {
        if (rc != 0) {
            throw new IllegalStateException("point_distances failed with status " + rc);
        }
    }

    /** The first count doubles of a native segment, copied into a new array. */
    public static double[] toArray(Object segment, int count) {
        double[] out = new double[count];
        MemorySegment.copy((MemorySegment) segment, JAVA_DOUBLE, 0, out, 0, count);
        return out;
    }
}
