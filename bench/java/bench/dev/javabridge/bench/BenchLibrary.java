package dev.javabridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Finds libjbbench, the benchmarks' own native library, for the three ways of
 * reaching it: System.load (raw JNI), JNA and FFM all open the same file.
 * The system property {@code jbbench.library} names it; otherwise the copy in
 * the benchmarks jar is extracted to a temporary file.
 */
public final class BenchLibrary {
    private static final String RESOURCE = "/jbbench/libjbbench.so";
    private static final Path PATH = locate();

    static {
        // JNA decodes C strings with this; the platform default is ASCII under a POSIX locale on JDK 17.
        System.setProperty("jna.encoding", "UTF-8");
        System.load(PATH.toString());
    }

    private BenchLibrary() {}

    /** The loaded library's file. */
    public static Path path() {
        return PATH;
    }

    private static Path locate() {
        String explicit = System.getProperty("jbbench.library");
        if (explicit != null && !explicit.isEmpty()) {
            return Paths.get(explicit).toAbsolutePath();
        }
        try (InputStream in = BenchLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the benchmarks jar holds no " + RESOURCE + ": build it with bench/pom.xml");
            }
            Path dir = Files.createTempDirectory("jbbench");
            Path file = dir.resolve("libjbbench.so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + RESOURCE, e);
        }
    }
}
