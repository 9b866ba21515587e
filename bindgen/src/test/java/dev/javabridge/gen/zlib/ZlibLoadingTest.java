package dev.javabridge.gen.zlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a generated binding loads its library: through javabridge's NativeLoader, from
 * natives/<platform>/ beside the generated classes, digest-checked. Each test uses a class loader
 * of its own over a copy of the generated classes (a library loads once per class loader), so the
 * copy's library can be tampered with without touching the one the other tests use.
 */
class ZlibLoadingTest {
    private static final String NATIVES = "natives/linux_64/";
    private static final String LIBRARY = "libbindgen_zlib.so";

    @TempDir
    Path dir;

    /** A copy of the generated zlib classes and their natives, loaded with javabridge in a new class loader. */
    private URLClassLoader copy() throws Exception {
        Path source = Path.of(Zlib.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // A directory, or the multi-release jar the JDK 25 build tests with (its base classes: the copy takes JNI).
        try (FileSystem jar = Files.isRegularFile(source) ? FileSystems.newFileSystem(source) : null) {
            Path classes = jar == null ? source : jar.getPath("/");
            String pkg = "dev/javabridge/gen/zlib";
            Files.createDirectories(dir.resolve(pkg));
            try (var files = Files.list(classes.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().endsWith(".class")) {
                        Files.copy(f, dir.resolve(pkg).resolve(f.getFileName().toString()));
                    }
                }
            }
            Files.createDirectories(dir.resolve(NATIVES));
            for (String f : new String[] {LIBRARY, LIBRARY + ".sha256"}) {
                Files.copy(classes.resolve(NATIVES + f), dir.resolve(NATIVES + f), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        URL javabridge = dev.javabridge.NativeLoader.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {dir.toUri().toURL(), javabridge}, ClassLoader.getPlatformClassLoader());
    }

    private static Object crc32(ClassLoader loader, byte[] data) throws Throwable {
        Class<?> zlib = Class.forName("dev.javabridge.gen.zlib.Zlib", true, loader);
        try {
            return zlib.getMethod("crc32", long.class, byte[].class).invoke(null, 0L, data);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void aSecondClassLoaderGetsItsOwnWorkingCopy() throws Throwable {
        byte[] data = "javabridge".getBytes(StandardCharsets.UTF_8);
        CRC32 expected = new CRC32();
        expected.update(data);
        try (URLClassLoader loader = copy()) {
            Class<?> other = Class.forName("dev.javabridge.gen.zlib.ZlibNative", false, loader);
            assertNotSame(ZlibNative.class, other);
            assertEquals(expected.getValue(), crc32(loader, data));
        }
    }

    @Test
    void aTamperedLibraryIsRefused() throws Throwable {
        try (URLClassLoader loader = copy()) {
            Files.writeString(dir.resolve(NATIVES + LIBRARY + ".sha256"), "0".repeat(64) + "\n");
            Throwable t = assertThrows(Throwable.class, () -> crc32(loader, new byte[1]));
            Throwable root = t instanceof ExceptionInInitializerError && t.getCause() != null ? t.getCause() : t;
            assertEquals("NativeLoadError", root.getClass().getSimpleName(), String.valueOf(root));
            assertTrue(String.valueOf(root.getMessage()).contains(LIBRARY), root.getMessage());
        }
    }
}
