package dev.javabridge.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Which mechanism a generated binding's public class uses on this JVM, read from its FFM holder
 * ({@code <class>Ffm}, in the multi-release jar's META-INF/versions/22 only), for the bindings' path tests.
 */
public final class BindingPath {
    private BindingPath() {}

    /** "ffm", "jni" (the holder exists but falls back, with why) or "no-ffm-class" (this JDK took the JDK 17 class). */
    public static String of(Class<?> binding) {
        Class<?> ffm;
        try {
            ffm = Class.forName(binding.getName() + "Ffm", true, binding.getClassLoader());
        } catch (ClassNotFoundException e) {
            return "no-ffm-class";
        }
        return (boolean) field(ffm, "ENABLED") ? "ffm" : "jni: " + field(ffm, "WHY_NOT");
    }

    public static Object field(Class<?> c, String name) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(c.getName() + "." + name, e);
        }
    }

    /**
     * Asserts the path this JDK must take: JDK 17-21 the JNI class (and, when the binding comes from the multi-release
     * jar, that the jar does hold a JDK 22+ class, which this JDK ignored); JDK 22+ (with native access, as the build
     * runs the tests) the FFM holder with the named downcall handle made, and a JVM without native access JNI.
     */
    public static void assertPath(Class<?> binding, String handle, Class<?> mainWithoutAccess, String expectedOutput)
            throws Exception {
        Path source = Path.of(binding.getProtectionDomain().getCodeSource().getLocation().toURI());
        boolean fromJar = Files.isRegularFile(source);
        String versioned = "META-INF/versions/22/" + binding.getName().replace('.', '/') + "Ffm.class";
        // The class file this JVM loaded (a multi-release jar serves its versioned entry): does it call the holder?
        String holder = binding.getName().replace('.', '/') + "Ffm";
        boolean callsHolder;
        try (InputStream in = binding.getResourceAsStream(binding.getSimpleName() + ".class")) {
            callsHolder = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(holder);
        }
        if (Runtime.version().feature() < 22) {
            assertEquals("no-ffm-class", of(binding));
            assertFalse(callsHolder, "the JDK 17 class calls " + holder);
            if (fromJar) {
                try (JarFile jar = new JarFile(source.toFile())) {
                    assertNotNull(jar.getEntry(versioned), source + " has no " + versioned);
                }
            }
            return;
        }
        assertTrue(fromJar, binding.getName() + " must come from the multi-release jar on JDK 22+, not " + source);
        assertEquals("ffm", of(binding));
        assertTrue(callsHolder, "the class JDK " + Runtime.version().feature() + " loaded does not call " + holder);
        Class<?> ffm = Class.forName(binding.getName() + "Ffm", true, binding.getClassLoader());
        assertNull(field(ffm, "WHY_NOT"));
        assertNotNull(field(ffm, handle), handle + " was not linked");
        String out = runWithoutNativeAccess(mainWithoutAccess);
        assertEquals("jni: native access is not enabled " + expectedOutput, out.strip());
    }

    /** Runs main of the class in a new JVM of this java.home, on this class path, without native access: its output. */
    static String runWithoutNativeAccess(Class<?> main) throws IOException, InterruptedException, URISyntaxException {
        return run(main, List.of(), List.of());
    }

    /** Runs main of the class with args in a new JVM of this java.home, on this class path, with jvmOptions: its output. */
    public static String run(Class<?> main, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException, URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", cp));
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(args);
        Path log = Files.createTempFile("binding-path", ".txt");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(false).redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(main.getName() + " did not finish in 60 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), main.getName() + " failed: " + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
