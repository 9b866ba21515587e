package dev.javabridge.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls every native method of dev.javabridge, found by scanning the classes
 * (folder or jar), with every combination of hostile arguments: null, zero,
 * negative, huge, out of range, and cheap valid instances. A call must return
 * or throw one of the exceptions a caller can handle; a crash ends the test JVM,
 * which fails the build. A native added later is swept without editing this test,
 * as long as its parameter types are known here (an unknown type fails the test).
 */
class NativeSweepTest {
    /** Exceptions a native may throw for bad input; anything else is a finding. */
    private static final Set<Class<? extends Throwable>> ALLOWED = Set.of(NullPointerException.class,
            IllegalArgumentException.class, IndexOutOfBoundsException.class, IllegalStateException.class,
            ArithmeticException.class, ArrayIndexOutOfBoundsException.class, CallbackFailure.class);
    /** Per-method call cap: the product of candidates is at most a few thousand today. */
    private static final int MAX_CALLS_PER_METHOD = 50_000;

    /** What a throwing callback throws: the native must let it through unchanged. */
    static final class CallbackFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackFailure() {
            super("thrown by a sweep callback");
        }
    }

    private final List<Object> openStates = new ArrayList<>();
    /** Parameter types swept with null only: worth giving real candidates. */
    private final Set<String> nullOnly = new java.util.TreeSet<>();

    @Test
    void everyNativeSurvivesHostileArguments() throws Exception {
        List<Method> natives = findNatives();
        assertTrue(natives.size() >= 20, "found only " + natives.size() + " natives: " + natives);
        Map<String, Integer> callsPerMethod = new TreeMap<>();
        long total = 0;
        for (Method m : natives) {
            int calls = sweep(m);
            callsPerMethod.put(m.getDeclaringClass().getSimpleName() + "." + m.getName(), calls);
            total += calls;
        }
        System.out.println("native sweep: " + natives.size() + " natives, " + total + " calls: " + callsPerMethod
                + (nullOnly.isEmpty() ? "" : "; swept with null only: " + nullOnly));
    }

    @AfterEach
    void freeLeftovers() throws Exception {
        for (Object state : openStates) {
            nativeMethod("BufferNative", "free").invoke(null, state);
        }
        openStates.clear();
    }

    /** Every native method declared by a class of dev.javabridge, from the folder or jar that holds it. */
    static List<Method> findNatives() throws IOException, URISyntaxException, ClassNotFoundException {
        URL location = Class.forName("dev.javabridge.NativeLibrary").getProtectionDomain().getCodeSource().getLocation();
        Path root = Paths.get(location.toURI());
        List<String> classNames = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, root.resolve("dev/javabridge"), classNames);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                collect(jar.getPath("/"), jar.getPath("/dev/javabridge"), classNames);
            }
        }
        List<Method> natives = new ArrayList<>();
        for (String name : classNames) {
            Class<?> c = Class.forName(name, false, NativeSweepTest.class.getClassLoader());
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isNative(m.getModifiers())) {
                    natives.add(m);
                }
            }
        }
        natives.sort(Comparator.comparing(Method::toString));
        return natives;
    }

    private static void collect(Path root, Path dir, List<String> out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("/internal/") && !p.contains("/demo/"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .forEach(out::add);
        }
    }

    private int sweep(Method m) throws Exception {
        m.setAccessible(true);
        Class<?>[] types = m.getParameterTypes();
        List<List<Supplier<Object>>> candidates = new ArrayList<>();
        long combinations = 1;
        for (Class<?> t : types) {
            List<Supplier<Object>> c = candidatesFor(t, m);
            candidates.add(c);
            combinations *= c.size();
        }
        long stride = (combinations + MAX_CALLS_PER_METHOD - 1) / MAX_CALLS_PER_METHOD;
        int calls = 0;
        for (long index = 0; index < combinations; index += stride) {
            Object[] args = new Object[types.length];
            long rest = index;
            for (int i = 0; i < types.length; i++) {
                List<Supplier<Object>> c = candidates.get(i);
                args[i] = c.get((int) (rest % c.size())).get();
                rest /= c.size();
            }
            call(m, args);
            calls++;
        }
        return calls;
    }

    private void call(Method m, Object[] args) throws Exception {
        try {
            Object result = m.invoke(null, args);
            checkResult(m, args, result);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (!ALLOWED.contains(t.getClass())) {
                fail(describe(m, args) + " threw " + t, t);
            }
            if (t.getMessage() == null || t.getMessage().isEmpty()) {
                fail(describe(m, args) + " threw " + t.getClass().getName() + " without a message");
            }
        }
    }

    /** Where a native's return has a documented shape, the sweep checks it. */
    private void checkResult(Method m, Object[] args, Object result) {
        String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        switch (name) {
            case "BufferNative.allocate":
                assertTrue((Long) result != 0, describe(m, args) + " returned a null handle");
                openStates.add(newState((Long) result));
                break;
            case "LibCNative.strlen":
                long n = (Long) result;
                assertTrue(n >= 0 && n <= ((byte[]) args[0]).length, describe(m, args) + " returned " + n);
                break;
            case "DataNative.sumArray":
            case "DataNative.sumBuffer":
                long r = (Long) result;
                assertTrue(r >= 0 || (r & 0xFFFF_FFFFL) == 0, describe(m, args) + " returned " + r);
                break;
            case "BufferNative.view":
                ByteBuffer view = (ByteBuffer) result;
                assertTrue(view.isDirect() && view.capacity() > 0, describe(m, args) + " returned " + view);
                break;
            case "LibCNative.format":
                assertTrue(result != null, describe(m, args) + " returned null without an exception");
                break;
            default:
                break;
        }
    }

    private static String describe(Method m, Object[] args) {
        StringBuilder b = new StringBuilder(m.getDeclaringClass().getSimpleName()).append('.').append(m.getName())
                .append('(');
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            b.append(i == 0 ? "" : ", ");
            if (a instanceof byte[]) {
                b.append("byte[").append(((byte[]) a).length).append("] \"")
                        .append(new String((byte[]) a, StandardCharsets.ISO_8859_1)).append('"');
            } else if (a instanceof int[]) {
                b.append("int[").append(((int[]) a).length).append(']');
            } else if (a instanceof double[]) {
                b.append("double[").append(((double[]) a).length).append(']');
            } else {
                b.append(a);
            }
        }
        return b.append(')').toString();
    }

    /** Candidate arguments for one parameter; suppliers, so that each call gets fresh arrays and states. */
    private List<Supplier<Object>> candidatesFor(Class<?> t, Method m) throws Exception {
        List<Supplier<Object>> c = new ArrayList<>();
        if (t == int.class) {
            for (int v : new int[] {0, 1, 3, -1, 16, 17, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30}) {
                c.add(() -> v);
            }
            // Every format_arg_kind and a couple outside the enum.
            if (m.getName().equals("format")) {
                for (int v = 2; v <= 7; v++) {
                    int k = v;
                    c.add(() -> k);
                }
            }
        } else if (t == long.class) {
            for (long v : new long[] {0, 1, 15, 16, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 31, (1L << 30) + 1,
                    1L << 40, Integer.MAX_VALUE + 1L}) {
                c.add(() -> v);
            }
        } else if (t == double.class) {
            for (double v : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MAX_VALUE, Double.MIN_VALUE, -0.0}) {
                c.add(() -> v);
            }
        } else if (t == boolean.class) {
            c.add(() -> true);
            c.add(() -> false);
        } else if (t == byte.class) {
            for (byte v : new byte[] {0, -1, 127, -128}) {
                c.add(() -> v);
            }
        } else if (t == byte[].class) {
            c.add(() -> null);
            c.add(() -> new byte[0]);
            c.add(() -> new byte[16]);
            for (String s : new String[] {"%d", "%s", "%lld", "%.4096f", "%n", "%*d", "%5$d", "%hhn", "%ls", "%%%",
                    "%", "x%d%d", "%4097d", "%-+ #0.4096lx", "%c", "%a", "%llld", "%Lf", "%'d", "%m", "abc"}) {
                c.add(() -> s.getBytes(StandardCharsets.US_ASCII));
            }
            c.add(() -> new byte[] {'%', 0, 'd'});
            c.add(() -> new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0x80, '%', 's'});
            c.add(() -> new byte[1 << 16]);
        } else if (t == int[].class) {
            c.add(() -> null);
            c.add(() -> new int[0]);
            c.add(() -> new int[] {5});
            c.add(() -> new int[] {3, Integer.MIN_VALUE, 2, Integer.MAX_VALUE, -1});
            c.add(() -> new int[600]);
        } else if (t == double[].class) {
            c.add(() -> null);
            c.add(() -> new double[0]);
            c.add(() -> new double[] {1});
            c.add(() -> new double[] {0, 0, 3, 4});
            c.add(() -> new double[34]);
        } else if (t == ByteBuffer.class) {
            c.add(() -> null);
            c.add(() -> ByteBuffer.allocate(16));
            c.add(() -> ByteBuffer.allocateDirect(16));
            c.add(() -> ByteBuffer.allocateDirect(0));
            c.add(() -> ByteBuffer.allocateDirect(16).asReadOnlyBuffer());
            c.add(() -> ByteBuffer.allocateDirect(32).position(8).slice());
        } else if (t.getName().equals("dev.javabridge.NativeBuffer$State")) {
            c.add(() -> null);
            c.add(() -> newState(0));
            c.add(this::openState);
        } else if (t == IntConsumer.class) {
            c.add(() -> null);
            c.add(() -> (IntConsumer) v -> { });
            c.add(() -> (IntConsumer) v -> {
                throw new CallbackFailure();
            });
        } else if (t.getName().equals("dev.javabridge.Callbacks$IntComparator")) {
            c.add(() -> null);
            c.add(() -> comparator((a, b) -> Integer.compare(a, b)));
            c.add(() -> comparator((a, b) -> {
                throw new CallbackFailure();
            }));
            // Inconsistent answers must not make the C sort read or write out of bounds.
            java.util.Random random = new java.util.Random(6);
            c.add(() -> comparator((a, b) -> random.nextInt(3) - 1));
        } else if (t == String.class) {
            c.add(() -> null);
            c.add(() -> "");
            c.add(() -> "x\0y");
            c.add(() -> "\uD800");
            c.add(() -> "😀".repeat(1000));
        } else if (t.isArray() && t.getComponentType().isPrimitive()) {
            // A primitive array type the sweep has no special values for: null, empty, one, many.
            c.add(() -> null);
            for (int n : new int[] {0, 1, 17}) {
                c.add(() -> java.lang.reflect.Array.newInstance(t.getComponentType(), n));
            }
        } else if (!t.isPrimitive()) {
            // A reference type new to the sweep: null at least, so a new native is never skipped.
            nullOnly.add(t.getName());
            c.add(() -> null);
        } else {
            fail("the sweep has no candidates for parameter type " + t.getName() + " of " + m
                    + ": add them to NativeSweepTest.candidatesFor");
        }
        return c;
    }

    /** A Callbacks.IntComparator from a plain lambda, built by proxy so the type need not be public-visible here. */
    private static Object comparator(java.util.function.IntBinaryOperator op) {
        try {
            Class<?> type = Class.forName("dev.javabridge.Callbacks$IntComparator");
            return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, a) -> {
                        if (method.getName().equals("compare")) {
                            return op.applyAsInt((Integer) a[0], (Integer) a[1]);
                        }
                        return method.getName().equals("hashCode") ? 0
                                : method.getName().equals("equals") ? proxy == a[0] : "comparator";
                    });
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A State whose handle points at a fresh 16-byte native buffer; freed after the test if still open. */
    private Object openState() {
        try {
            long handle = (Long) nativeMethod("BufferNative", "allocate").invoke(null, 16L);
            Object state = newState(handle);
            openStates.add(state);
            return state;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newState(long handle) {
        try {
            var ctor = Class.forName("dev.javabridge.NativeBuffer$State").getDeclaredConstructor(long.class);
            ctor.setAccessible(true);
            return ctor.newInstance(handle);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Method nativeMethod(String holder, String name) throws ReflectiveOperationException {
        for (Method m : Class.forName("dev.javabridge." + holder).getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new NoSuchMethodException(holder + "." + name);
    }

    @Test
    void findsNativesOfEveryHolderClass() throws Exception {
        Set<String> holders = new java.util.TreeSet<>();
        for (Method m : findNatives()) {
            holders.add(m.getDeclaringClass().getSimpleName());
        }
        Set<String> missing = new java.util.TreeSet<>(Set.of("BridgeNative", "BufferNative", "CallbackNative",
                "ConfigNative", "DataNative", "LibCNative", "MathOpsNative"));
        missing.removeAll(holders);
        assertEquals(Set.of(), missing, "the scan missed holder classes; found " + holders);
    }
}
