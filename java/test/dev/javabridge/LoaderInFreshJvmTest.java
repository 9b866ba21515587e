package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.nativelib.NativeLibraryUtil;

/**
 * NativeLibrary's loading paths, each in a fresh JVM: a library loads once per
 * class loader, so the first load, and every way it can fail, only happen there.
 */
class LoaderInFreshJvmTest {
    private static final String RESOURCE = "natives/linux_64/libjavabridge_guide.so";

    @TempDir
    Path temp;

    @RepeatedTest(3)
    void sixteenThreadsLoadingAtOnceAllSucceedWithOneLibrary() throws IOException {
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));
        FreshJvm.Result r = probe(FreshJvm.classPath(), tmpdir, "concurrent", "16");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("0", r.value("threadFailures"), r::describe);
        assertEquals("16", r.value("threadsDone"), r::describe);
        assertEquals("1", r.value("distinctResults"), "every thread must see the same library\n" + r.describe());
        assertEquals("true", r.value("allRight"), "every thread's first native call must be right\n"
                + r.describe());
        assertTrue(r.value("loadedFrom").startsWith(tmpdir.toString()), r::describe);
        assertEquals("", r.value("tmpdirEntries"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void loadsTheJarCopyThroughAFreshOwnerOnlyExtractionAndDeletesIt() throws IOException {
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));
        FreshJvm.Result r = probe(FreshJvm.classPath(), tmpdir, "load");
        assertEquals(0, r.exitCode(), r::describe);
        Path loaded = Path.of(r.value("loadedFrom"));
        assertEquals(tmpdir, loaded.getParent().getParent(), r::describe);
        assertTrue(loaded.getParent().getFileName().toString().startsWith("javabridge-"), r::describe);
        assertEquals("libjavabridge_guide.so", loaded.getFileName().toString());
        assertEquals("false", r.value("loadedFileExists"), "the extracted file must be gone once loaded");
        assertEquals("", r.value("tmpdirEntries"), "nothing may be left in the extraction directory");
        assertEquals("11", r.value("strlen"), r::describe);
        assertEquals("42", r.value("safeAdd"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void libraryPathPropertyLoadsThatFileEvenWithoutBundledNatives() throws IOException {
        Path custom = Files.createDirectories(temp.resolve("custom dir")).resolve("libjavabridge_guide-copy.so");
        Files.copy(FreshJvm.mainClasses().resolve(RESOURCE), custom);
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));
        FreshJvm.Result r = probe(classPathWith(withoutNatives()), tmpdir, "load",
                "-D" + NativeLibrary.PATH_PROPERTY + "=" + custom);
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(custom.toString(), r.value("loadedFrom"));
        assertEquals("true", r.value("loadedFileExists"), "a file the user named is never deleted");
        assertEquals("", r.value("tmpdirEntries"), "nothing is extracted when a path is given");
        assertEquals("42", r.value("safeAdd"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void libraryPathPropertyNamingNoFileIsAClearError() {
        Path missing = temp.resolve("no-such-lib.so");
        FreshJvm.Result r = probe(FreshJvm.classPath(), null, "load",
                "-D" + NativeLibrary.PATH_PROPERTY + "=" + missing);
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains(NativeLibrary.PATH_PROPERTY + "=" + missing), r::describe);
        assertTrue(r.value("error").contains("is not a readable file"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void missingExtractionDirectorySaysSoInsteadOfAskingForTheProperty() {
        Path missing = temp.resolve("no-such-dir");
        FreshJvm.Result r = probe(FreshJvm.classPath(), missing, "load");
        assertNotEquals(0, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("the extraction directory " + missing + " (-D"
                + NativeLibrary.TMPDIR_PROPERTY + ") does not exist"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void libraryPathPropertyNamingANonLibraryKeepsTheDlopenError() throws IOException {
        Path text = temp.resolve("not-a-library.so");
        Files.writeString(text, "this is not an ELF file\n".repeat(64));
        FreshJvm.Result r = probe(FreshJvm.classPath(), null, "load",
                "-D" + NativeLibrary.PATH_PROPERTY + "=" + text);
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("could not load the file named by " + NativeLibrary.PATH_PROPERTY),
                r::describe);
        assertTrue(r.value("error").contains("invalid ELF header"), "the dlopen reason belongs in the message\n"
                + r.describe());
        assertTrue(r.value("error.cause").startsWith("java.lang.UnsatisfiedLinkError"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void libraryPathPropertyNamingAnotherLibraryFailsTheHandshake() {
        Path zlib = Stream.of("/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1",
                        "/lib64/libz.so.1", "/usr/lib64/libz.so.1")
                .map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(zlib != null, "no system zlib to stand in for a foreign library");
        FreshJvm.Result r = probe(FreshJvm.classPath(), null, "load",
                "-D" + NativeLibrary.PATH_PROPERTY + "=" + zlib);
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("is not javabridge's: it has no ABI handshake"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void noFittingLibraryNamesPlatformResourceAndWhatWasFound() throws IOException {
        Path classes = withoutNatives();
        Path decoy = classes.resolve("natives/osx_arm64/libjavabridge_guide.dylib");
        Files.createDirectories(decoy.getParent());
        Files.writeString(decoy, "not for this platform");
        FreshJvm.Result r = probe(classPathWith(classes), null, "load");
        assertEquals(3, r.exitCode(), r::describe);
        String error = r.value("error");
        assertTrue(error.contains("no native library for this platform"), r::describe);
        assertTrue(error.contains("detected " + NativeLibraryUtil.getArchitecture()), r::describe);
        assertTrue(error.contains("os.arch=" + System.getProperty("os.arch")), r::describe);
        assertTrue(error.contains("looked for resource " + RESOURCE), r::describe);
        assertTrue(error.contains("holds [natives/osx_arm64/libjavabridge_guide.dylib]"), r::describe);
        assertTrue(error.contains("-D" + NativeLibrary.PATH_PROPERTY), "the error says how to get out\n"
                + r.describe());
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void noLibraryAtAllSaysNothingWasFound() throws IOException {
        FreshJvm.Result r = probe(classPathWith(withoutNatives()), null, "load");
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("looked for resource " + RESOURCE + "; the jar holds []"),
                r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void tamperedLibraryIsRefusedWithBothDigestsAndLeavesNothingBehind() throws Exception {
        Path classes = copyOfMainClasses(temp.resolve("tampered-classes"));
        Path library = classes.resolve(RESOURCE);
        byte[] bytes = Files.readAllBytes(library);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(library, bytes);
        String recorded = Files.readString(classes.resolve(RESOURCE + ".sha256"), StandardCharsets.US_ASCII)
                .trim().split("\\s+")[0];
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));

        FreshJvm.Result r = probe(classPathWith(classes), tmpdir, "load");

        assertEquals(3, r.exitCode(), r::describe);
        String error = r.value("error");
        assertTrue(error.contains("refuses " + RESOURCE), r::describe);
        assertTrue(error.contains("SHA-256 is " + sha256(bytes)), r::describe);
        assertTrue(error.contains("the build recorded " + recorded), r::describe);
        assertTrue(error.contains("altered"), r::describe);
        assertEquals("", r.value("tmpdirEntries"), "a refused copy must be deleted");
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void missingDigestIsRefused() throws Exception {
        Path classes = copyOfMainClasses(temp.resolve("undigested-classes"));
        Files.delete(classes.resolve(RESOURCE + ".sha256"));
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));
        FreshJvm.Result r = probe(classPathWith(classes), tmpdir, "load");
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("holds no digest " + RESOURCE + ".sha256"), r::describe);
        assertTrue(r.value("error").contains("incomplete or has been altered"), r::describe);
        assertEquals("", r.value("tmpdirEntries"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void sameNamedLibraryOnJavaLibraryPathIsNeverLoadedInstead() throws IOException {
        Path planted = Files.createDirectory(temp.resolve("planted"));
        Files.writeString(planted.resolve("libjavabridge_guide.so"), "a planted library that must not be loaded");
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));
        FreshJvm.Result r = probe(FreshJvm.classPath(), tmpdir, "load", "-Djava.library.path=" + planted);
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.value("loadedFrom").startsWith(tmpdir.toString()), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void aSecondClassLoaderGetsItsOwnWorkingCopy() throws IOException {
        Path tmpdir = Files.createDirectory(temp.resolve("extract"));
        FreshJvm.Result r = probe(FreshJvm.classPath(), tmpdir, "twoLoaders");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.value("otherLoadedFrom").startsWith(tmpdir.toString()), r::describe);
        assertTrue(!r.value("otherLoadedFrom").equals(r.value("loadedFrom")), r::describe);
        assertEquals("42", r.value("otherSafeAdd"), r::describe);
        assertEquals("4", r.value("otherStrlen"), r::describe);
        assertEquals("[3, 1, 2]", r.value("otherForEach"), r::describe);
        assertEquals("true", r.value("firstStillWorks"), r::describe);
        assertEquals("", r.value("tmpdirEntries"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void aSecondClassLoaderCannotShareTheNamedFileAndIsToldWhy() {
        Path library = FreshJvm.mainClasses().resolve(RESOURCE);
        FreshJvm.Result r = probe(FreshJvm.classPath(), null, "twoLoaders",
                "-D" + NativeLibrary.PATH_PROPERTY + "=" + library);
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(library.toString(), r.value("loadedFrom"), r::describe);
        assertEquals(NativeLoadError.class.getName(), r.value("otherError.class"), r::describe);
        String error = r.value("otherError");
        assertTrue(error.contains("already loaded in another classloader"), r::describe);
        assertTrue(error.contains("leave " + NativeLibrary.PATH_PROPERTY + " unset"), r::describe);
        assertTrue(!error.contains("noexec"), "the extraction hint does not apply to a named file\n" + r.describe());
        FreshJvm.assertNoJniWarnings(r);
    }

    @Test
    void unusableExtractionDirectoryNamesTheProperty() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        FreshJvm.Result r = probe(FreshJvm.classPath(), null, "load",
                "-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + notADirectory);
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.value("error").contains("could not extract " + RESOURCE), r::describe);
        assertTrue(r.value("error").contains("-D" + NativeLibrary.TMPDIR_PROPERTY), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    /** Runs LoadProbe; jvmOptions may be appended after the command words, recognised by a leading "-". */
    private static FreshJvm.Result probe(List<String> classPath, Path tmpdir, String... commandAndOptions) {
        List<String> args = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String s : commandAndOptions) {
            (s.startsWith("-") ? args : command).add(s);
        }
        if (tmpdir != null) {
            args.add("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + tmpdir);
        }
        args.add("-cp");
        args.add(String.join(File.pathSeparator, classPath));
        args.add(LoadProbe.class.getName());
        args.addAll(command);
        return FreshJvm.run(args);
    }

    /** The test class path with target/classes replaced by another folder. */
    private static List<String> classPathWith(Path classes) {
        Path original = FreshJvm.mainClasses().toAbsolutePath().normalize();
        List<String> entries = FreshJvm.classPath();
        assertTrue(entries.stream().anyMatch(e -> Path.of(e).toAbsolutePath().normalize().equals(original)),
                "target/classes is not on the test class path " + entries);
        return entries.stream()
                .map(e -> Path.of(e).toAbsolutePath().normalize().equals(original) ? classes.toString() : e)
                .collect(Collectors.toList());
    }

    private Path withoutNatives() throws IOException {
        Path copy = copyOfMainClasses(temp.resolve("classes-without-natives"));
        try (Stream<Path> files = Files.walk(copy.resolve("natives"))) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
        return copy;
    }

    private static Path copyOfMainClasses(Path target) throws IOException {
        Path source = FreshJvm.mainClasses();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.collect(Collectors.toList())) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
