package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NativeLoader for a user's library outside dev.javabridge: com.example.userlib.UserLib and its
 * natives/&lt;platform&gt;/libuserlib.so (+ .sha256) in a jar of their own, as a user would ship
 * them, loaded in fresh JVMs, under the loader attacks javabridge's own library faces: another
 * jar planting a same-named library, tampered bytes, a missing digest, planted links in the
 * temp directory, concurrent JVMs and threads, several class loaders.
 */
class UserLibraryLoaderTest {
    private static final String PLATFORM_DIR = NativeLibraryUtilPaths.platformDir();
    private static final String RESOURCE = PLATFORM_DIR + "libuserlib.so";

    @TempDir
    static Path fixtures;
    static Path fixtureJar;
    static Path probeJar;
    static byte[] library;

    @TempDir
    Path work;

    @BeforeAll
    static void packageTheUserLibrary() throws Exception {
        Path root = Paths.get(System.getProperty("javabridge.userlib.root"));
        library = Files.readAllBytes(root.resolve(RESOURCE));
        String digest = Files.readString(root.resolve(RESOURCE + ".sha256"), StandardCharsets.US_ASCII);
        Path testClasses = FreshJvm.targetDirectory().resolve("test-classes");
        fixtureJar = fixtures.resolve("userlib.jar");
        jar(fixtureJar, Map.of(
                "com/example/userlib/UserLib.class", Files.readAllBytes(testClasses.resolve("com/example/userlib/UserLib.class")),
                RESOURCE, library,
                RESOURCE + ".sha256", digest.getBytes(StandardCharsets.US_ASCII)));
        probeJar = fixtures.resolve("probe.jar");
        jar(probeJar, Map.of("com/example/userlib/probe/UserLibProbe.class",
                Files.readAllBytes(testClasses.resolve("com/example/userlib/probe/UserLibProbe.class")),
                "com/example/userlib/probe/UnwindProbe.class",
                Files.readAllBytes(testClasses.resolve("com/example/userlib/probe/UnwindProbe.class"))));
    }

    @Test
    void loadsFromItsOwnJarThroughAFreshExtractionAndBindsInItsPackage() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        FreshJvm.Result r = probe(List.of(fixtureJar), tmp, "load");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("3", r.value("divide"), r::describe);
        assertEquals("com/example/userlib", r.value("package"), r::describe);
        Path from = Paths.get(r.value("loadedFrom"));
        assertEquals(tmp.toRealPath(), from.getParent().getParent().toRealPath(), r::describe);
        assertEquals("libuserlib.so", from.getFileName().toString());
        assertEquals("false", r.value("loadedFileExists"), "the extracted copy is deleted after loading");
        assertEquals(List.of(), list(tmp), "nothing left in the temp directory");
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void aSameNamedLibraryInAnEarlierJarIsNeverLoaded() throws Exception {
        // A jar before the user's on the class path carries a "libuserlib.so" with a matching digest:
        // a class-path-wide lookup would take it; NativeLoader reads only the anchor's own jar.
        byte[] planted = "a planted library".getBytes(StandardCharsets.US_ASCII);
        Path plantedJar = work.resolve("planted.jar");
        jar(plantedJar, Map.of(RESOURCE, planted, RESOURCE + ".sha256", (sha256(planted) + "\n").getBytes(StandardCharsets.US_ASCII)));
        FreshJvm.Result r = probe(List.of(plantedJar, fixtureJar), Files.createDirectory(work.resolve("tmp")), "load");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("3", r.value("divide"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void tamperedBytesAndAMissingDigestAreRefused() throws Exception {
        byte[] altered = library.clone();
        altered[altered.length / 2] ^= 0x5A;
        Path tampered = work.resolve("tampered.jar");
        jar(tampered, Map.of("com/example/userlib/UserLib.class", classBytes(), RESOURCE, altered,
                RESOURCE + ".sha256", (sha256(library) + "\n").getBytes(StandardCharsets.US_ASCII)));
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        FreshJvm.Result r = probe(List.of(tampered), tmp, "load");
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("refuses " + RESOURCE), r::describe);
        assertTrue(r.value("error").contains("SHA-256 is " + sha256(altered)), r::describe);
        assertTrue(r.value("error").contains("altered"), r::describe);
        assertEquals("", r.value("mapped"), "nothing was loaded");
        assertEquals(List.of(), list(tmp), "the refused copy is deleted");

        Path noDigest = work.resolve("nodigest.jar");
        jar(noDigest, Map.of("com/example/userlib/UserLib.class", classBytes(), RESOURCE, library));
        FreshJvm.Result m = probe(List.of(noDigest), tmp, "load");
        assertEquals(3, m.exitCode(), m::describe);
        assertTrue(m.value("error").contains("holds no digest " + RESOURCE + ".sha256"), m::describe);
    }

    @Test
    void noLibraryForThisPlatformSaysWhatWasLookedForAndFound() throws Exception {
        Path other = work.resolve("other-platform.jar");
        jar(other, Map.of("com/example/userlib/UserLib.class", classBytes(),
                "natives/osx_arm64/libuserlib.dylib", library));
        FreshJvm.Result r = probe(List.of(other), null, "load");
        assertEquals(3, r.exitCode(), r::describe);
        String error = r.value("error");
        assertTrue(error.contains("userlib: no native library for this platform"), r::describe);
        assertTrue(error.contains("looked for resource " + RESOURCE + "; the jar holds [natives/osx_arm64/libuserlib.dylib]"),
                r::describe);
        assertTrue(error.contains("which holds com.example.userlib.UserLib"), r::describe);
        assertTrue(error.contains("-D" + NativeLoader.pathProperty("userlib")), r::describe);
    }

    @Test
    void plantedLinksInTheTempDirectoryAreNeitherWrittenThroughNorFollowed() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path outside = Files.createDirectory(work.resolve("outside"));
        Files.writeString(outside.resolve("victim"), "precious");
        Files.createSymbolicLink(tmp.resolve("libuserlib.so"), outside.resolve("victim"));
        Files.createSymbolicLink(tmp.resolve("javabridge-0"), outside);
        Files.createSymbolicLink(tmp.resolve("javabridge-loop"), tmp);
        Path plantedDir = Files.createDirectory(tmp.resolve("javabridge-1"));
        Files.writeString(plantedDir.resolve("libuserlib.so"), "planted");
        FreshJvm.Result r = probe(List.of(fixtureJar), tmp, "load");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("3", r.value("divide"), r::describe);
        assertEquals("precious", Files.readString(outside.resolve("victim")));
        assertEquals(List.of("victim"), list(outside));
        assertEquals("planted", Files.readString(plantedDir.resolve("libuserlib.so")));
        assertTrue(Files.isSymbolicLink(tmp.resolve("libuserlib.so")));
        assertNotEquals(plantedDir, Paths.get(r.value("loadedFrom")).getParent(), r::describe);
    }

    @Test
    void eightJvmsAndSixteenThreadsEachAtOnce() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("shared-tmp"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<FreshJvm.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> probe(List.of(fixtureJar), tmp, "concurrent", "16")));
            }
            for (Future<FreshJvm.Result> f : runs) {
                FreshJvm.Result r = f.get();
                assertEquals(0, r.exitCode(), r::describe);
                assertEquals("16", r.value("count"), r::describe);
                String results = r.value("results");
                assertTrue(results.startsWith("3@") && !results.contains(","), "one library, one answer: " + r.describe());
                assertEquals(1, r.value("mapped").split(",").length, r::describe);
                FreshJvm.assertNoJniWarnings(r);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), list(tmp), "files left behind");
    }

    @Test
    void threeClassLoadersSharingOneNativeLoaderGetThreeWorkingCopies() throws Exception {
        // NativeLoader sits in the parent loader; each child loader's UserLib must get its own
        // copy, bound to that loader's class (the kit looks classes up through the anchor's loader).
        FreshJvm.Result r = probe(List.of(), Files.createDirectory(work.resolve("tmp")), "loaders", "3", fixtureJar.toString());
        assertEquals(0, r.exitCode(), r::describe);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertEquals("3", r.value("loader" + i + ".divide"), r::describe);
            assertEquals("com/example/userlib", r.value("loader" + i + ".package"), r::describe);
            paths.add(r.value("loader" + i + ".loadedFrom"));
        }
        assertEquals(3, paths.stream().distinct().count(), r::describe);
        assertEquals(3, r.value("mapped").split(",").length, r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void aFailingModuleUnwindsTheLoadAndSaysWhy() throws Exception {
        // -Duserlib.fail makes the library's second module fail: JNI_OnLoad must undo the first
        // (its unload sets userlib.first=unloaded) and leave the cause for the error.
        FreshJvm.Result r = FreshJvm.run(List.of("-cp", classPath(List.of(fixtureJar, probeJar)), "-Duserlib.fail=1",
                "-Djavabridge.tmpdir=" + Files.createDirectory(work.resolve("tmp")),
                "com.example.userlib.probe.UnwindProbe"));
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("dev.javabridge.NativeLoadError", r.value("error.class"), r::describe);
        assertTrue(r.value("error").contains("JNI_OnLoad failed"), r::describe);
        assertTrue(r.value("error").contains("NoClassDefFoundError"), r::describe);
        assertTrue(r.value("error").contains("com/example/userlib/NoSuchClass"), r::describe);
        assertEquals("unloaded", r.value("userlib.first"), "the first module was not unloaded\n" + r.describe());
        FreshJvm.assertNoJniWarnings(r);
    }

    private static FreshJvm.Result probe(List<Path> jars, Path tmpdir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("-cp");
        List<Path> all = new ArrayList<>(jars);
        all.add(probeJar);
        command.add(classPath(all));
        if (tmpdir != null) {
            command.add("-D" + NativeLoader.TMPDIR_PROPERTY + "=" + tmpdir);
        }
        command.add("com.example.userlib.probe.UserLibProbe");
        command.addAll(List.of(args));
        return FreshJvm.run(command);
    }

    /** javabridge's classes and their dependencies, then the given jars; never test-classes. */
    static String classPath(List<Path> jars) {
        List<String> entries = FreshJvm.classPath().stream()
                .filter(e -> e.contains("native-lib-loader") || e.contains("slf4j"))
                .collect(Collectors.toCollection(ArrayList::new));
        entries.add(0, FreshJvm.mainClasses().toString());
        for (Path j : jars) {
            entries.add(j.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static byte[] classBytes() throws IOException {
        return Files.readAllBytes(FreshJvm.targetDirectory().resolve("test-classes/com/example/userlib/UserLib.class"));
    }

    static void jar(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** This platform's folder, as NativeLoader names it ("natives/linux_64/"). */
    static final class NativeLibraryUtilPaths {
        static String platformDir() {
            String resource = NativeLoader.platformResource("x");
            return resource.substring(0, resource.lastIndexOf('/') + 1);
        }
    }
}
