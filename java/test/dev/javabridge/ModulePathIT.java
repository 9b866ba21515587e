package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as the named module {@code dev.javabridge} (issue 20): its descriptor, the
 * demo and a user's modular application on the module path with native access granted to the
 * module alone (on this build's JDK and on JDK 25 with {@code --illegal-native-access=deny}),
 * and a jlink image holding it. The class path on JDK 17 is {@link PackagedJarIT}'s.
 */
class ModulePathIT {
    private static final String MODULE = "dev.javabridge";
    private static final String GRANT = "--enable-native-access=" + MODULE;
    private static final String USERLIB = "natives/linux_64/libuserlib.so";

    private static Path jar;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        jar = Path.of(System.getProperty("javabridge.jar"));
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
        work = Files.createDirectories(FreshJvm.targetDirectory().resolve("it-modules"));
    }

    @Test
    void theJarIsTheModuleDevJavabridgeExportingOnlyTheApi() throws IOException {
        ModuleDescriptor d = ModuleFinder.of(jar).find(MODULE).orElseThrow(
                () -> new AssertionError("no module " + MODULE + " in " + jar)).descriptor();
        assertFalse(d.isAutomatic(), "an automatic module exports everything, the shaded internals too");
        Set<String> exported = d.exports().stream().map(e -> {
            assertTrue(e.targets().isEmpty(), "qualified export " + e);
            return e.source();
        }).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("dev.javabridge", "dev.javabridge.export")), exported);
        assertTrue(d.opens().isEmpty(), "opens " + d.opens());
        assertEquals(Set.of("java.base"), d.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet()));
        assertEquals("dev.javabridge.demo.Demo", d.mainClass().orElse(null));
        // Every package of the jar is in the module; the relocated loader and SLF4J are, unexported.
        Set<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && n.contains("/"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
            assertEquals("true", file.getManifest().getMainAttributes().getValue("Multi-Release"));
            assertNotNull(file.getJarEntry("META-INF/versions/17/module-info.class"));
            // At the root, pre-9 tools and bytecode scanners would trip over a Java 17 class file.
            assertEquals(null, file.getJarEntry("module-info.class"));
        }
        assertTrue(d.packages().containsAll(packages), "packages outside the module: " + packages);
        assertTrue(packages.stream().anyMatch(p -> p.startsWith("dev.javabridge.internal.shaded.nativelib")));
        assertTrue(packages.stream().anyMatch(p -> p.startsWith("dev.javabridge.internal.shaded.slf4j")));
        assertTrue(packages.stream().filter(p -> p.startsWith("dev.javabridge.internal")).noneMatch(exported::contains));
    }

    @Test
    void theCExportProcessorHasAStableModuleName() {
        Path processor = Path.of(System.getProperty("javabridge.cexport.jar"));
        ModuleDescriptor d = ModuleFinder.of(processor).findAll().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no module in " + processor)).descriptor();
        assertEquals("dev.javabridge.cexport", d.name(), "a name derived from the file name changes with the version");
    }

    @Test
    void theDemoRunsOnTheModulePathWithAccessGrantedToTheModule() {
        List<String> command = new ArrayList<>(List.of(FreshJvm.javaBinary().toString(), "-Xcheck:jni"));
        if (Runtime.version().feature() >= 24) {
            command.add("--illegal-native-access=deny");
        }
        command.addAll(List.of(GRANT, "-p", jar.toString(), "-m", MODULE));
        PackagedJarIT.assertDemoOutput(FreshJvm.runExactly(command));
    }

    @Test
    void theDemoRunsOnTheModulePathOnJdk25WithIllegalNativeAccessDenied() {
        Path java25 = jdk25();
        assumeTrue(java25 != null, "skipped: no JDK 25 (-Djavabridge.test.jdk25=)");
        PackagedJarIT.assertDemoOutput(FreshJvm.runExactly(List.of(java25.toString(), "-Xcheck:jni",
                "--illegal-native-access=deny", GRANT, "-p", jar.toString(), "-m", MODULE)));
    }

    @Test
    void withoutTheGrantJdk25RefusesAndNamesTheModuleToGrant() {
        Path java25 = jdk25();
        assumeTrue(java25 != null, "skipped: no JDK 25 (-Djavabridge.test.jdk25=)");
        // Granting the class path is no use to a module: the error must say which flag is.
        FreshJvm.Result r = FreshJvm.runExpectingWarnings(List.of(java25.toString(), "-Xcheck:jni",
                "--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED",
                "-p", jar.toString(), "-m", MODULE));
        assertTrue(r.exitCode() != 0, r::describe);
        assertTrue(r.output().contains("dev.javabridge.NativeLoadError: javabridge may not load native code"),
                r::describe);
        assertTrue(r.output().contains("Add " + GRANT + " to the java command."), r::describe);
    }

    @Test
    void aUserApplicationOnTheModulePathLoadsItsOwnLibraryThroughJavabridge() throws IOException {
        Path app = userApplication();
        List<Path> javas = new ArrayList<>(List.of(FreshJvm.javaBinary()));
        if (jdk25() != null) {
            javas.add(jdk25());
        }
        for (Path java : javas) {
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xcheck:jni"));
            if (isAtLeast24(java)) {
                command.add("--illegal-native-access=deny");
            }
            command.addAll(List.of(GRANT, "-p", jar + File.pathSeparator + app,
                    "-m", "com.example.userlib/com.example.userlib.app.Main"));
            FreshJvm.Result r = FreshJvm.runExactly(command);
            assertEquals(0, r.exitCode(), r::describe);
            FreshJvm.assertNoJniWarnings(r);
            assertFalse(r.output().contains("WARNING"), r::describe);
            assertTrue(r.output().contains("module=com.example.userlib"), r::describe);
            assertTrue(r.output().contains("divide=3"), r::describe);
            assertTrue(r.output().contains("package=com/example/userlib"), r::describe);
            assertTrue(r.output().contains("strlen=6"), r::describe);
            assertTrue(r.output().contains("sorted=[9, 4, 1]"), r::describe);
            assertTrue(r.output().contains("overflow=ArithmeticException"), r::describe);
        }
    }

    @Test
    void aModuleCannotReachTheRelocatedInternals() throws IOException {
        Path src = Files.createDirectories(work.resolve("internals-src/com.example.peek/com/example/peek"));
        Files.writeString(src.getParent().getParent().getParent().resolve("module-info.java"),
                "module com.example.peek { requires dev.javabridge; }\n");
        Files.writeString(src.resolve("Peek.java"), "package com.example.peek;\n"
                + "public class Peek { Object o = dev.javabridge.internal.shaded.nativelib.NativeLibraryUtil.class; }\n");
        StringWriter errors = new StringWriter();
        boolean ok = javac(errors, "-d", work.resolve("internals-out").toString(), "-p", jar.toString(),
                "--module-source-path", work.resolve("internals-src").toString(), "-m", "com.example.peek");
        assertFalse(ok, "a module compiled against javabridge's relocated native-lib-loader");
        assertTrue(errors.toString().contains("does not export"), errors.toString());
    }

    @Test
    void aJlinkImageWithJavabridgeRunsTheDemo() throws IOException {
        Path jlink = Paths.get(System.getProperty("java.home"), "bin", "jlink");
        Path image = work.resolve("jlink-image");
        deleteTree(image);
        long start = System.nanoTime();
        FreshJvm.Result linked = FreshJvm.runExactly(List.of(jlink.toString(), "--module-path", jar.toString(),
                "--add-modules", MODULE, "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", image.toString()));
        assertEquals(0, linked.exitCode(), linked::describe);
        System.out.printf("jlink image in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        Path java = image.resolve("bin/java");
        FreshJvm.Result modules = FreshJvm.runExactly(List.of(java.toString(), "--list-modules"));
        assertEquals(List.of("dev.javabridge", "java.base"), modules.output().lines()
                .map(l -> l.split("@")[0].trim()).filter(l -> !l.isEmpty()).sorted().collect(Collectors.toList()),
                modules::describe);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xcheck:jni"));
        if (Runtime.version().feature() >= 24) {
            command.add("--illegal-native-access=deny");
        }
        command.addAll(List.of(GRANT, "-m", MODULE));
        PackagedJarIT.assertDemoOutput(FreshJvm.runExactly(command));
    }

    /**
     * The user-library fixture as a modular application: the module com.example.userlib
     * (UserLib, a main class, META-INF/natives/linux_64/libuserlib.so + digest), compiled against
     * the packaged jar alone. Not natives/linux_64/: that is a package, which javabridge's own
     * module holds, and two modules with one package make the boot layer fail.
     */
    private static Path userApplication() throws IOException {
        Path basedir = Paths.get(System.getProperty("javabridge.basedir"));
        Path src = work.resolve("app-src");
        deleteTree(src);
        Path mainDir = Files.createDirectories(src.resolve("com/example/userlib/app"));
        Files.writeString(src.resolve("module-info.java"), "module com.example.userlib { requires dev.javabridge; }\n");
        Files.writeString(mainDir.resolve("Main.java"), String.join("\n",
                "package com.example.userlib.app;",
                "import com.example.userlib.UserLib;",
                "import dev.javabridge.Callbacks;",
                "import dev.javabridge.LibC;",
                "import dev.javabridge.MathOps;",
                "public final class Main {",
                "    public static void main(String[] args) {",
                "        System.out.println(\"module=\" + Main.class.getModule().getName());",
                "        System.out.println(\"divide=\" + UserLib.divide(7, 2));",
                "        System.out.println(\"package=\" + UserLib.runtimePackage());",
                "        System.out.println(\"strlen=\" + LibC.strlen(\"h\\u00e9llo\"));",
                "        int[] values = {4, 9, 1};",
                "        Callbacks.sort(values, (a, b) -> Integer.compare(b, a));",
                "        System.out.println(\"sorted=\" + java.util.Arrays.toString(values));",
                "        try {",
                "            MathOps.safeAdd(Integer.MAX_VALUE, 1);",
                "        } catch (ArithmeticException e) {",
                "            System.out.println(\"overflow=\" + e.getClass().getSimpleName());",
                "        }",
                "    }",
                "}", ""));
        Path classes = work.resolve("app-classes");
        deleteTree(classes);
        StringWriter errors = new StringWriter();
        assertTrue(javac(errors, "--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(),
                "-p", jar.toString(), src.resolve("module-info.java").toString(),
                mainDir.resolve("Main.java").toString(),
                basedir.resolve("java/test/com/example/userlib/UserLib.java").toString()), errors.toString());
        Path appJar = work.resolve("userlib-app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(appJar))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            Path natives = userlib();
            put(out, NativeLoader.MODULE_RESOURCE_ROOT + "linux_64/libuserlib.so", Files.readAllBytes(natives));
            put(out, NativeLoader.MODULE_RESOURCE_ROOT + "linux_64/libuserlib.so.sha256",
                    Files.readAllBytes(Paths.get(natives + ".sha256")));
        }
        return appJar;
    }

    private static Path userlib() {
        return Paths.get(System.getProperty("javabridge.userlib.root")).resolve(USERLIB);
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** javac in this JVM, given the module path alone: never the test JVM's own class path. */
    private static boolean javac(StringWriter errors, String... args) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("-cp", Files.createDirectories(work.resolve("empty")).toString()));
        all.addAll(List.of(args));
        int rc = compiler.run(null, err, err, all.toArray(new String[0]));
        errors.write(err.toString(StandardCharsets.UTF_8));
        return rc == 0;
    }

    private static boolean isAtLeast24(Path java) {
        return !java.equals(FreshJvm.javaBinary()) || Runtime.version().feature() >= 24;
    }

    /** JDK 25 when installed (javabridge.test.jdk25 overrides the path), else null. */
    static Path jdk25() {
        Path java = Paths.get(System.getProperty("javabridge.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"),
                "bin", "java");
        return Files.isExecutable(java) ? java : null;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }
}
