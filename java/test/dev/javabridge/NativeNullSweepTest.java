package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every native method that takes an object, called with null for one object at a time (the
 * others valid, every number zero): C must throw NullPointerException, never crash.
 * The natives are found in the build output, so a native added later is swept
 * without anyone remembering to add it here.
 */
class NativeNullSweepTest {
    @TestFactory
    Stream<DynamicTest> everyNativeRefusesNullArguments() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> holder : nativeHolders()) {
            for (Method m : holder.getDeclaredMethods()) {
                if (!Modifier.isNative(m.getModifiers())) {
                    continue;
                }
                Class<?>[] types = m.getParameterTypes();
                // One null at a time, every other reference argument valid: a native that checks
                // only its first argument would pass a sweep that nulls them all at once.
                for (int i = 0; i < types.length; i++) {
                    if (types[i].isPrimitive()) {
                        continue;
                    }
                    int nulled = i;
                    tests.add(DynamicTest.dynamicTest(
                            holder.getSimpleName() + "." + m.getName() + " null argument " + i, () -> {
                                m.setAccessible(true);
                                Object[] args = new Object[types.length];
                                for (int k = 0; k < types.length; k++) {
                                    args[k] = k == nulled ? null : sample(types[k]);
                                }
                                primitivesFor(m, nulled, args);
                                InvocationTargetException e = assertThrows(InvocationTargetException.class,
                                        () -> m.invoke(null, args));
                                assertInstanceOf(NullPointerException.class, e.getCause(),
                                        () -> "argument " + nulled + ": " + e.getCause());
                            }));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no natives found");
        return tests.stream();
    }

    /**
     * The primitive arguments under which the nulled argument is required: LibCNative.format reads
     * its text only for the string kind.
     */
    private static void primitivesFor(Method m, int nulled, Object[] args) {
        if (m.getDeclaringClass() == LibCNative.class && m.getName().equals("format")) {
            args[0] = args[0] == null ? null : "%s".getBytes(StandardCharsets.US_ASCII);
            args[1] = CFormat.STRING;
        }
    }

    /** A valid, non-null value of a native's reference parameter type. */
    private static Object sample(Class<?> type) throws ReflectiveOperationException {
        if (type.isPrimitive()) {
            return zero(type);
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 16);
        }
        if (type == ByteBuffer.class) {
            return ByteBuffer.allocateDirect(16);
        }
        if (type.getName().equals("dev.javabridge.NativeBuffer$State")) {
            // A live buffer's state, kept by the buffer reachable in BUFFERS for the whole run.
            NativeBuffer buffer = NativeBuffer.allocate(16);
            BUFFERS.add(buffer);
            Field state = NativeBuffer.class.getDeclaredField("state");
            state.setAccessible(true);
            return state.get(buffer);
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, a) -> method.getReturnType().isPrimitive() && method.getReturnType() != void.class
                            ? zero(method.getReturnType()) : null);
        }
        throw new AssertionError("NativeNullSweepTest has no sample for " + type.getName() + ": add one");
    }

    private static final List<NativeBuffer> BUFFERS = new ArrayList<>();

    private static List<Class<?>> nativeHolders() throws IOException {
        Path dir = FreshJvm.mainClasses().resolve("dev/javabridge");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Native.class"))
                    .map(n -> "dev.javabridge." + n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toList());
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                try {
                    classes.add(Class.forName(name));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
            return classes;
        }
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
