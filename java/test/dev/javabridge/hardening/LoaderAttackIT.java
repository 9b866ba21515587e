package dev.javabridge.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javabridge's loader against a hostile environment: many JVMs at once, planted
 * links and libraries, a tampered jar, a noexec temp directory, JDK 25's native
 * access rules and several class loaders. Each case runs the packaged jar in a
 * fresh JVM, as an application would.
 */
class LoaderAttackIT {
    private static final String RESOURCE = "natives/linux_64/libjavabridge_guide.so";

    @TempDir
    Path work;

    @Test
    void sixteenJvmsAtOnceThreeRoundsAllLoadAndLeaveNothing() throws Exception {
        Path shared = Files.createDirectory(work.resolve("shared-tmp"));
        for (int round = 1; round <= 3; round++) {
            // The last round uses java.io.tmpdir, the default most applications get.
            String property = round < 3 ? "-Djavabridge.tmpdir=" : "-Djava.io.tmpdir=";
            List<Process> jvms = new ArrayList<>();
            List<ChildJvm> launchers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ChildJvm child = new ChildJvm().classPath(ChildJvm.libraryClassPath()).arg(property + shared);
                launchers.add(child);
                jvms.add(child.start(LoaderProbe.class.getName()));
            }
            for (int i = 0; i < 16; i++) {
                ChildJvm.Result r = launchers.get(i).await(jvms.get(i), 300);
                assertEquals(0, r.exitCode(), "round " + round + ", JVM " + i + ":\n" + r.all());
                assertTrue(r.stdout().contains("sum=5"), r.all());
                assertTrue(r.stdout().contains("loadedFrom=" + shared.toRealPath()) || r.stdout().contains(
                        "loadedFrom=" + shared), r.all());
            }
            assertEquals(List.of(), list(shared), "files left behind after round " + round);
        }
    }

    @Test
    void plantedLinksAndDirectoriesAreNeitherWrittenThroughNorFollowed() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path outside = Files.createDirectory(work.resolve("outside"));
        Files.writeString(outside.resolve("victim"), "precious", StandardCharsets.UTF_8);
        Files.writeString(outside.resolve("libjavabridge_guide.so"), "precious too", StandardCharsets.UTF_8);
        // Names an extractor could choose, pointing outside: a link to a directory, to a file, dangling,
        // a real directory with content, and a link to the temp directory itself.
        Files.createSymbolicLink(tmp.resolve("libjavabridge_guide.so"), outside.resolve("victim"));
        Files.createSymbolicLink(tmp.resolve("javabridge"), outside);
        Files.createSymbolicLink(tmp.resolve("javabridge-1"), outside);
        Files.createSymbolicLink(tmp.resolve("javabridge-dangling"), work.resolve("nowhere"));
        Files.createSymbolicLink(tmp.resolve("javabridge-loop"), tmp);
        Path plantedDir = Files.createDirectory(tmp.resolve("javabridge-0"));
        Files.writeString(plantedDir.resolve("libjavabridge_guide.so"), "planted", StandardCharsets.UTF_8);
        Files.createSymbolicLink(plantedDir.resolve("escape"), outside);
        Map<String, String> before = snapshot(work);

        for (int i = 0; i < 4; i++) {
            ChildJvm.Result r = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                    .arg("-Djavabridge.tmpdir=" + tmp).run(LoaderProbe.class.getName());
            assertEquals(0, r.exitCode(), r.all());
            assertFalse(r.stdout().contains(outside.toString()), r.all());
        }
        assertEquals(before, snapshot(work), "something planted, or outside the temp directory, changed");
    }

    @Test
    void aPlantedLibraryOnTheLibraryPathsIsNeverLoaded() throws Exception {
        Path planted = Files.createDirectory(work.resolve("planted"));
        Path fake = compileFakeLibrary(planted.resolve("libjavabridge_guide.so"), 999);
        ChildJvm child = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                .arg("-Djava.library.path=" + planted, "-Djavabridge.tmpdir=" + Files.createDirectory(work.resolve("t")));
        child.env().put("LD_LIBRARY_PATH", planted.toString());
        ChildJvm.Result r = child.run(LoaderProbe.class.getName());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("sum=5"), r.all());
        assertFalse(r.stdout().contains(planted.toString()), "the planted library was mapped:\n" + r.all());

        // Named explicitly, a foreign library is loaded (the user asked) but the handshake refuses it loudly.
        ChildJvm.Result named = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                .arg("-D" + dev.javabridge.NativeLibrary.PATH_PROPERTY + "=" + fake).run(LoaderProbe.class.getName());
        assertEquals(3, named.exitCode(), named.all());
        assertTrue(named.stdout().contains("ABI version 999"), named.all());

        Path noHandshake = compileFakeLibrary(planted.resolve("libother.so"), -1);
        ChildJvm.Result foreign = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                .arg("-D" + dev.javabridge.NativeLibrary.PATH_PROPERTY + "=" + noHandshake).run(LoaderProbe.class.getName());
        assertEquals(3, foreign.exitCode(), foreign.all());
        assertTrue(foreign.stdout().contains("no ABI handshake"), foreign.all());
    }

    @Test
    void aTamperedOrUnsignedLibraryIsRefused() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path tampered = rewriteJar(work.resolve("tampered.jar"), RESOURCE, bytes -> {
            bytes[bytes.length / 2] ^= 0x01;
            return bytes;
        });
        ChildJvm.Result r = new ChildJvm().classPath(tampered + File.pathSeparator + ChildJvm.testClassesDirectory())
                .arg("-Djavabridge.tmpdir=" + tmp).run(LoaderProbe.class.getName());
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("SHA-256") && r.stdout().contains("altered"), r.all());
        assertEquals(List.of(), list(tmp), "the refused copy was left behind");

        Path undigested = rewriteJar(work.resolve("undigested.jar"), RESOURCE + ".sha256", bytes -> null);
        ChildJvm.Result missing = new ChildJvm()
                .classPath(undigested + File.pathSeparator + ChildJvm.testClassesDirectory())
                .arg("-Djavabridge.tmpdir=" + tmp).run(LoaderProbe.class.getName());
        assertEquals(3, missing.exitCode(), missing.all());
        assertTrue(missing.stdout().contains(".sha256"), missing.all());
        assertFalse(missing.stdout().contains("writable directory"), "misleading advice:\n" + missing.all());
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void aNoexecTempDirectoryNamesPathReasonAndProperty() throws Exception {
        Path mount = Files.createDirectory(work.resolve("noexec"));
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "noexec,size=16m", "tmpfs", mount.toString()) == 0;
        assumeTrue(mounted, "skipped: cannot mount a noexec tmpfs here (needs root with CAP_SYS_ADMIN)");
        try {
            ChildJvm.Result r = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                    .arg("-Djava.io.tmpdir=" + mount).run(LoaderProbe.class.getName());
            assertEquals(3, r.exitCode(), r.all());
            String error = r.stdout();
            assertTrue(error.contains(mount.toString()), "no path:\n" + r.all());
            assertTrue(error.contains("failed to map segment") || error.contains("Operation not permitted"),
                    "no dlopen reason:\n" + r.all());
            assertTrue(error.contains("-Djavabridge.tmpdir="), "no property:\n" + r.all());
            assertEquals(List.of(), list(mount), "the refused copy was left behind");

            Path usable = Files.createDirectory(work.resolve("usable"));
            ChildJvm.Result ok = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                    .arg("-Djava.io.tmpdir=" + mount, "-Djavabridge.tmpdir=" + usable)
                    .run(LoaderProbe.class.getName());
            assertEquals(0, ok.exitCode(), ok.all());
            assertTrue(ok.stdout().contains("sum=5"), ok.all());
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void jdk25DenyingNativeAccessNamesTheFlagAndAllowsItWhenGiven() throws Exception {
        Path java25 = ChildJvm.jdk25();
        assumeTrue(java25 != null, "skipped: no JDK 25 at /usr/lib/jvm/temurin-25-jdk-amd64 (-Djavabridge.test.jdk25=)");
        String log = "-XX:LogFile=" + ChildJvm.logDirectory() + "/vm-%p.log";
        ChildJvm.Result allowed = new ChildJvm().java(java25.toString()).withoutInheritedFlags()
                .classPath(ChildJvm.libraryClassPath())
                .arg("-Xcheck:jni", "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogVMOutput", log,
                        "--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED")
                .run(LoaderProbe.class.getName());
        assertEquals(0, allowed.exitCode(), allowed.all());
        assertFalse(allowed.all().contains("WARNING"), allowed.all());

        ChildJvm.Result denied = new ChildJvm().java(java25.toString()).withoutInheritedFlags()
                .classPath(ChildJvm.libraryClassPath())
                .arg("-Xcheck:jni", "--illegal-native-access=deny")
                .run(LoaderProbe.class.getName());
        assertEquals(3, denied.exitCode(), denied.all());
        assertTrue(denied.stdout().contains("--enable-native-access=ALL-UNNAMED"), denied.all());

        // The jar's manifest grants access to itself when run with -jar.
        String jar = System.getProperty("javabridge.jar");
        if (jar != null) {
            ChildJvm.Result demo = new ChildJvm().java(java25.toString()).withoutInheritedFlags()
                    .arg("--illegal-native-access=deny", "-Xcheck:jni").run(null, "-jar", jar);
            assertEquals(0, demo.exitCode(), demo.all());
            assertFalse(demo.stderr().contains("WARNING"), demo.all());
        }
    }

    @Test
    void twoClassLoadersEachGetAWorkingCopy() throws Exception {
        ChildJvm.Result r = new ChildJvm().classPath(ChildJvm.libraryClassPath())
                .arg("-Djavabridge.tmpdir=" + Files.createDirectory(work.resolve("t")))
                .run(LoaderProbe.class.getName(), "two-loaders");
        assertEquals(0, r.exitCode(), r.all());
        String out = r.stdout();
        for (String loader : new String[] {"app", "1", "2"}) {
            assertTrue(out.contains("loader " + loader + ": ok sum=5"), r.all());
        }
        // Three loaders, three distinct copies: no loader shares another's JNI_OnLoad cache.
        String mapped = out.substring(out.indexOf("mapped=")).trim();
        assertEquals(3, mapped.split(",").length, r.all());
    }

    /** A stand-in libjavabridge_guide.so: with abi >= 0 it answers the handshake with that version. */
    private static Path compileFakeLibrary(Path target, int abi) throws Exception {
        Path source = target.resolveSibling(target.getFileName() + ".c");
        Files.writeString(source, abi < 0 ? "int unrelated(void) { return 1; }\n"
                : "int Java_dev_javabridge_BridgeNative_abiVersion(void *env, void *cls) { (void)env; (void)cls; return "
                        + abi + "; }\n", StandardCharsets.US_ASCII);
        int rc = run("cc", "-shared", "-fPIC", "-o", target.toString(), source.toString());
        assumeTrue(rc == 0, "skipped: no C compiler to build a planted library");
        return target;
    }

    private static Path rewriteJar(Path target, String entry, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        String jar = System.getProperty("javabridge.jar");
        assumeTrue(jar != null, "needs the packaged jar (runs under failsafe)");
        boolean found = false;
        try (ZipFile in = new ZipFile(jar); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().equals(entry)) {
                    found = true;
                    bytes = change.apply(bytes);
                    if (bytes == null) {
                        continue;
                    }
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertTrue(found, entry + " is not in " + jar);
        return target;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every entry under root (links not followed) with its kind and content or target. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String value;
                if (Files.isSymbolicLink(p)) {
                    value = "link -> " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    // Not its mtime: extraction may create and delete its own entries in it.
                    state.put(root.relativize(p).toString(), "dir");
                    continue;
                } else {
                    value = "file " + Files.readString(p, StandardCharsets.ISO_8859_1);
                }
                state.put(root.relativize(p).toString(), value + " mtime " + Files.getLastModifiedTime(p,
                        LinkOption.NOFOLLOW_LINKS));
            }
        }
        return state;
    }
}
