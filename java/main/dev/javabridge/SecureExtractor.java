package dev.javabridge;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.scijava.nativelib.JniExtractor;
import org.scijava.nativelib.NativeLibraryUtil;

/**
 * javabridge's own {@link JniExtractor}, written because native-lib-loader's
 * extractors reuse existing directories and clean up by following links.
 *
 * <p>Each extraction gets a directory that did not exist before (created
 * atomically, owner-only on POSIX), the file is created exclusively (an
 * existing file or link at that name fails the extraction instead of being
 * written through), and its SHA-256 must equal the digest the build recorded
 * beside the resource. Only what this class created is ever deleted.
 */
final class SecureExtractor implements JniExtractor {
    static final String DIGEST_SUFFIX = ".sha256";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final String root;
    private final Path baseDirectory;

    /** Extracts the resources of the jar or directory that holds {@code owner}. */
    SecureExtractor(Class<?> owner, Path baseDirectory) {
        this(NativeLoader.rootOf(owner), baseDirectory);
    }

    /** Extracts resources under {@code root} (a URL prefix, see {@link NativeLoader#rootOf}). */
    SecureExtractor(String root, Path baseDirectory) {
        this.root = root;
        this.baseDirectory = baseDirectory;
    }

    @Override
    public File extractJni(String libPath, String libName) throws IOException {
        return extract(libPath + NativeLibraryUtil.getPlatformLibraryName(libName)).toFile();
    }

    /** Extracts the library at {@code resource} (natives/<platform>/<file>) into a new directory. */
    Path extract(String resource) throws IOException {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        String expected = expectedDigest(resource);
        Path directory = POSIX
                ? Files.createTempDirectory(baseDirectory, "javabridge-", ownerOnly("rwx------"))
                : Files.createTempDirectory(baseDirectory, "javabridge-");
        Path target = directory.resolve(fileName);
        try {
            String actual = copy(resource, target);
            if (!actual.equals(expected)) {
                throw new NativeLoadError("NativeLoader refuses " + resource + ": its SHA-256 is " + actual
                        + " but the build recorded " + expected + "; the jar has been altered", null);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-x------"));
            }
            return target;
        } catch (IOException | RuntimeException | Error e) {
            deleteAfterLoad(target);
            throw e;
        }
    }

    /** Nothing is registered ahead of time: libraries are extracted only by {@link NativeLoader#load}. */
    @Override
    public void extractRegistered() {}
    /**
     * Deletes an extracted library and its directory. On POSIX a loaded library
     * stays mapped after its file is gone; Windows keeps loaded DLLs locked, so
     * there the files are removed when the JVM exits.
     */
    static void deleteAfterLoad(Path file) {
        Path directory = file.getParent();
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
        }
    }

    private String copy(String resource, Path target) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream raw = open(resource);
                InputStream in = new DigestInputStream(raw, sha);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String expectedDigest(String resource) throws IOException {
        if (!NativeLoader.exists(root, resource + DIGEST_SUFFIX)) {
            // Not an I/O problem the temp directory could fix: the jar is incomplete or altered.
            throw new NativeLoadError("NativeLoader refuses " + resource + ": the jar holds no digest "
                    + resource + DIGEST_SUFFIX + " to check it against; the jar is incomplete or has been altered",
                    null);
        }
        try (InputStream in = open(resource + DIGEST_SUFFIX)) {
            String text = new String(in.readNBytes(4096), StandardCharsets.US_ASCII).trim();
            int space = text.indexOf(' ');
            return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private InputStream open(String resource) throws IOException {
        try {
            return NativeLoader.open(root, resource);
        } catch (IOException e) {
            throw new IOException("resource " + resource + " is missing from " + root, e);
        }
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
