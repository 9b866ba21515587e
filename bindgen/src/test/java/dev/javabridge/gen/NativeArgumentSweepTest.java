package dev.javabridge.gen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls every generated native directly, past the Java checks, with null references and then
 * with empty arrays and counts that exceed them: each call must end in a Java exception from
 * the glue's own checks, never in a crash or a silent read past an array.
 */
class NativeArgumentSweepTest {
    private static final Set<Class<?>> EXPECTED = Set.of(NullPointerException.class, IllegalArgumentException.class,
            IndexOutOfBoundsException.class, IllegalStateException.class);

    private static List<Method> natives(String holder) throws ClassNotFoundException {
        List<Method> out = new ArrayList<>();
        for (Method m : Class.forName(holder).getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                m.setAccessible(true);
                out.add(m);
            }
        }
        assertTrue(out.size() >= 6, holder + " has too few natives: " + out);
        return out;
    }

    private static boolean takesReferencesOrHandles(Method m) {
        for (Class<?> t : m.getParameterTypes()) {
            if (!t.isPrimitive()) {
                return true;
            }
        }
        return m.getName().startsWith("counter") && m.getParameterCount() > 0 && !m.getName().equals("counterNew")
                || m.getName().equals("freeCounter");
    }

    private static Object[] arguments(Method m, boolean nulls) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                args[i] = nulls ? 0 : 1;
            } else if (t == long.class) {
                args[i] = 0L; // also the null handle
            } else if (t == double.class) {
                args[i] = 0.0;
            } else if (t == float.class) {
                args[i] = 0.0f;
            } else if (t == boolean.class) {
                args[i] = false;
            } else if (t.isArray()) {
                args[i] = nulls ? null : java.lang.reflect.Array.newInstance(t.getComponentType(), 0);
            } else {
                args[i] = null;
            }
        }
        return args;
    }

    private static void sweep(String holder, boolean nulls) throws Exception {
        int called = 0;
        for (Method m : natives(holder)) {
            if (!takesReferencesOrHandles(m)) {
                continue;
            }
            called++;
            try {
                m.invoke(null, arguments(m, nulls));
                fail(m.getName() + " accepted " + (nulls ? "null arguments" : "empty arrays with counts of 1"));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                assertTrue(EXPECTED.contains(cause.getClass()), m.getName() + " threw " + cause);
                if (nulls) {
                    assertTrue(cause instanceof NullPointerException, m.getName() + " threw " + cause);
                }
            }
        }
        assertTrue(called > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.javabridge.gen.mathops.MathOpsBindingNative", "dev.javabridge.gen.zlib.ZlibNative",
            "dev.javabridge.gen.shapes.ShapesNative"})
    void nullsBecomeNullPointerExceptions(String holder) throws Exception {
        sweep(holder, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.javabridge.gen.mathops.MathOpsBindingNative", "dev.javabridge.gen.zlib.ZlibNative",
            "dev.javabridge.gen.shapes.ShapesNative"})
    void countsBeyondTheArraysAreRefused(String holder) throws Exception {
        sweep(holder, false);
    }
}
