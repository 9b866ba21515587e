package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extractor on its own: it copies and checks, but does not load. */
class SecureExtractorTest {
    private static final String DIR = "natives/linux_64/";

    @TempDir
    Path temp;

    @Test
    void extractsIntoANewOwnerOnlyDirectoryAnExactReadOnlyCopy() throws IOException {
        Path file = new SecureExtractor(NativeLibrary.class, temp).extractJni(DIR, NativeLibrary.NAME).toPath();
        try {
            Path directory = file.getParent();
            assertEquals(temp, directory.getParent());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
            assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertArrayEquals(Files.readAllBytes(FreshJvm.mainClasses().resolve(DIR + "libjavabridge_guide.so")),
                    Files.readAllBytes(file));
        } finally {
            SecureExtractor.deleteAfterLoad(file);
        }
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(file.getParent()));
        assertEmpty(temp);
    }

    @Test
    void everyExtractionGetsItsOwnDirectory() throws IOException {
        SecureExtractor extractor = new SecureExtractor(NativeLibrary.class, temp);
        Path a = extractor.extractJni(DIR, NativeLibrary.NAME).toPath();
        Path b = extractor.extractJni(DIR, NativeLibrary.NAME).toPath();
        try {
            assertNotEquals(a.getParent(), b.getParent());
        } finally {
            SecureExtractor.deleteAfterLoad(a);
            SecureExtractor.deleteAfterLoad(b);
        }
        assertEmpty(temp);
    }

    @Test
    void aMissingResourceIsRefusedAsAnIncompleteJarAndLeavesNothing() {
        NativeLoadError e = assertThrows(NativeLoadError.class,
                () -> new SecureExtractor(NativeLibrary.class, temp).extractJni("natives/none_64/", NativeLibrary.NAME));
        assertTrue(e.getMessage().contains("holds no digest natives/none_64/libjavabridge_guide.so.sha256"), e.getMessage());
        assertTrue(e.getMessage().contains("incomplete or has been altered"), e.getMessage());
        assertEmpty(temp);
    }

    @Test
    void aMissingBaseDirectoryFailsCleanly() {
        Path missing = temp.resolve("does-not-exist");
        assertThrows(IOException.class,
                () -> new SecureExtractor(NativeLibrary.class, missing).extractJni(DIR, NativeLibrary.NAME));
        assertFalse(Files.exists(missing));
    }

    @Test
    void registeredExtractionDoesNothing() throws IOException {
        new SecureExtractor(NativeLibrary.class, temp).extractRegistered();
        assertEmpty(temp);
    }

    private static void assertEmpty(Path directory) {
        try (Stream<Path> s = Files.list(directory)) {
            assertEquals(0, s.count(), "left behind in " + directory);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
