package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
 * Every native method that takes an object, called with null for every object
 * and zero for every number: C must throw NullPointerException, never crash.
 * The natives are found in the build output, so a native added later is swept
 * without anyone remembering to add it here.
 */
class NativeNullSweepTest {
    @TestFactory
    Stream<DynamicTest> everyNativeRefusesNullArguments() throws IOException {
        List<Method> natives = new ArrayList<>();
        for (Class<?> holder : nativeHolders()) {
            for (Method m : holder.getDeclaredMethods()) {
                if (Modifier.isNative(m.getModifiers())
                        && Arrays.stream(m.getParameterTypes()).anyMatch(t -> !t.isPrimitive())) {
                    natives.add(m);
                }
            }
        }
        assertFalse(natives.isEmpty(), "no natives found");
        return natives.stream().map(m -> DynamicTest.dynamicTest(
                m.getDeclaringClass().getSimpleName() + "." + m.getName(), () -> {
                    m.setAccessible(true);
                    Object[] args = Arrays.stream(m.getParameterTypes()).map(NativeNullSweepTest::zero).toArray();
                    InvocationTargetException e = assertThrows(InvocationTargetException.class,
                            () -> m.invoke(null, args));
                    assertInstanceOf(NullPointerException.class, e.getCause());
                }));
    }

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
