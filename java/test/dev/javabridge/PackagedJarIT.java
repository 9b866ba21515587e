package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, used the way an application uses it: a fresh JVM with
 * nothing but the jar on its class path, never the build's folders.
 */
class PackagedJarIT {
    private static final String LIBRARY = "natives/linux_64/libjavabridge_guide.so";

    private static Path jar;

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("javabridge.jar");
        assertNotNull(property, "failsafe must pass the jar's path in javabridge.jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
    }

    @Test
    void demoRunsWithOnlyTheJarOnTheClassPath() {
        FreshJvm.Result r = FreshJvm.run(List.of("-cp", jar.toString(), "dev.javabridge.demo.Demo"));
        assertDemoOutput(r);
    }

    @Test
    void demoRunsAsAnExecutableJar() {
        FreshJvm.Result r = FreshJvm.run(List.of("-jar", jar.toString()));
        assertDemoOutput(r);
    }

    @Test
    void theManifestAloneEnablesNativeAccessForJavaDashJar() {
        // No --enable-native-access flag: Enable-Native-Access in the manifest must keep JDK 22+ quiet.
        FreshJvm.Result r = FreshJvm.runExactly(List.of(FreshJvm.javaBinary().toString(), "-Xcheck:jni",
                "-jar", jar.toString()));
        assertDemoOutput(r);
    }

    @Test
    void withoutTheFlagJdk22AndLaterWarnOnAPlainClassPath() {
        // The warning the README's flag avoids, and proof that the build's pattern matches the real text.
        FreshJvm.Result r = FreshJvm.runExpectingWarnings(List.of(FreshJvm.javaBinary().toString(), "-Xcheck:jni",
                "-cp", jar.toString(), "dev.javabridge.demo.Demo"));
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(Runtime.version().feature() >= 22, FreshJvm.JNI_WARNING.matcher(r.output()).find(), r::describe);
    }

    @Test
    void deniedNativeAccessIsAnExplainedLoadError() {
        assumeTrue(Runtime.version().feature() >= 24, "--illegal-native-access exists from JDK 24");
        FreshJvm.Result r = FreshJvm.runExpectingWarnings(List.of(FreshJvm.javaBinary().toString(), "-Xcheck:jni",
                "--illegal-native-access=deny", "-cp", jar.toString(), "dev.javabridge.demo.Demo"));
        assertTrue(r.exitCode() != 0, r::describe);
        assertTrue(r.output().contains("dev.javabridge.NativeLoadError: javabridge may not load native code"),
                r::describe);
        assertTrue(r.output().contains("--enable-native-access=ALL-UNNAMED"), r::describe);
        assertTrue(r.output().contains("IllegalCallerException"), "the JDK's own reason is kept as the cause\n"
                + r.describe());
    }

    @Test
    void extractionUsesAndCleansTheChosenDirectory() throws IOException {
        Path tmpdir = Files.createTempDirectory(FreshJvm.targetDirectory(), "it-extract-");
        try {
            FreshJvm.Result r = FreshJvm.run(List.of("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + tmpdir,
                    "-jar", jar.toString()));
            assertDemoOutput(r);
            try (var left = Files.list(tmpdir)) {
                assertEquals(List.of(), left.collect(Collectors.toList()), "extraction left files behind");
            }
        } finally {
            Files.deleteIfExists(tmpdir);
        }
    }

    @Test
    void theJarHoldsTheLibraryAndItsDigestAtTheLoadersPath() throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry library = file.getJarEntry(LIBRARY);
            JarEntry digest = file.getJarEntry(LIBRARY + ".sha256");
            assertNotNull(library, LIBRARY + " is missing from the jar");
            assertNotNull(digest, LIBRARY + ".sha256 is missing from the jar");
            byte[] bytes;
            try (InputStream in = file.getInputStream(library)) {
                bytes = in.readAllBytes();
            }
            String recorded;
            try (InputStream in = file.getInputStream(digest)) {
                recorded = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            }
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), recorded);
            assertTrue(bytes.length > 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F',
                    "the library is not an ELF file");
        }
    }

    @Test
    void theManifestAndShadingAreWhatUsersNeed() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals("dev.javabridge.demo.Demo", main.getValue("Main-Class"));
            assertEquals("ALL-UNNAMED", main.getValue("Enable-Native-Access"));
            List<String> names = new ArrayList<>();
            file.stream().forEach(e -> names.add(e.getName()));
            assertTrue(names.contains("dev/javabridge/NativeLibrary.class"), "javabridge itself is never relocated");
            assertTrue(names.stream().anyMatch(n -> n.startsWith("dev/javabridge/internal/shaded/nativelib/")),
                    "native-lib-loader is bundled, relocated");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/scijava/") || n.startsWith("org/slf4j/")),
                    "unrelocated dependencies would clash with the application's own copies");
        }
    }

    private static void assertDemoOutput(FreshJvm.Result r) {
        assertEquals(0, r.exitCode(), r::describe);
        FreshJvm.assertNoJniWarnings(r);
        String out = r.output();
        for (String expected : new String[] {
            "javabridge: Java calls C (library from " + LIBRARY + ")",
            "strlen(\"hello\")", "-> 5",
            "(UTF-8 bytes)", "-> 11",
            "(C stops at NUL)", "-> 2",
            "-> \uD83D\uDE00  |   42|0003.142|ff",
            "IllegalArgumentException: %n writes through a pointer",
            "pointDistance((0,0), (3,4))", "-> 5.0",
            "safeAdd(Integer.MAX_VALUE, 1)", "ArithmeticException",
            "-> [5.0, 5.0]",
            "-> 4294967296",
            "divide(1, 0)", "division by zero",
            "safeOperation(20)", "-> 41",
            "safeOperation(-5)", "IllegalArgumentException",
            "-> javabridge, byte 15 = 7",
            "get(0) after close", "IllegalStateException: buffer is closed",
            "-> 255000",
            "-> 2550",
            "-> Config[timeoutMs=1000, maxRetries=3, enabled=true]",
            "-> Config[timeoutMs=600000, maxRetries=0, enabled=false]",
            "-> [3, 1, 2]",
            "-> [9, 7, 5, 3, 1]",
            "IllegalStateException: callback refused 2",
        }) {
            assertTrue(out.contains(expected), () -> "demo output lacks \"" + expected + "\"\n" + r.describe());
        }
        assertFalse(out.contains("SLF4J"), () -> "SLF4J complained\n" + r.describe());
        assertFalse(out.contains("WARNING"), () -> "the JVM warned\n" + r.describe());
    }
}
